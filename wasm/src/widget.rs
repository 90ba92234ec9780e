//! The widget: a navigator and one-stop forms rendered into a shadow root.
//!
//! State (the session, the page, the issues shown) lives here and in core; the JavaScript
//! shell only registers the custom elements, fetches the catalogue and forwards attribute
//! changes. One listener per event type on the shadow root handles every control
//! (delegation), so nothing is attached per input. Events for the host are queued while the
//! state is borrowed and dispatched after, so a host listener may call back in.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use serde_json::{Map, Value as Json, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

use tetsuzuki::catalog::Catalog as CoreCatalog;
use tetsuzuki::date::Date;
use tetsuzuki::host::{self, QuestionView, ui_text, ui_text_with};
use tetsuzuki::model::{Lang, Severity};
use tetsuzuki::navigate::Checklist;
use tetsuzuki::profile::Profile;
use tetsuzuki::session::{AnswerSource, Session};
use tetsuzuki::validate::Issue;

use crate::api::{Catalog, js_error, to_js};
use crate::dom::{Dom, add, attrs, focus, id_of};

const STYLE: &str = include_str!("style.css");
const PROFILE_KEY: &str = "tetsuzuki:profile";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Pages,
    One,
}

#[derive(Clone, PartialEq, Eq)]
enum Stage {
    Events,
    Screening,
    Step(usize),
    Check,
    Done,
}

/// One screen of the form: a page, or one question of it.
struct Step {
    page: String,
    title: String,
    keys: Vec<String>,
}

struct State {
    dom: Dom,
    host: HtmlElement,
    root: Element,
    catalog: CoreCatalog,
    lang: Lang,
    today: Date,
    mode: Mode,
    counter: bool,
    storage: bool,
    stage: Stage,
    // Navigator.
    navigator: bool,
    event: Option<String>,
    screening: Map<String, Json>,
    screening_views: Vec<QuestionView>,
    checklist: Option<Checklist>,
    // Form.
    session: Option<Session>,
    /// The keys of the questions shown now (recomputed only when an answer that a
    /// condition names changes).
    relevant: HashSet<String>,
    /// `relevant` is exact only for the page shown (patched per keystroke): recompute it
    /// before the pages are counted again.
    relevant_stale: bool,
    shown: Vec<Issue>,
    showing: bool,
    acknowledged: HashSet<(String, String)>,
    return_to_check: bool,
    notice: Vec<String>,
    submitted: Vec<String>,
    profile: Profile,
    keep_profile: bool,
    feedback_sent: bool,
    outbox: Vec<(String, Json)>,
}

/// A mounted widget (held by the custom element).
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    root: ShadowRoot,
    listeners: Vec<(&'static str, Listener)>,
}

/// A listener on the shadow root (kept to be removed on unmount).
type Listener = Closure<dyn FnMut(Event)>;

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Result<web_sys::CssStyleSheet, JsValue> {
    SHEET.with(|s| {
        if let Some(sheet) = s.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        *s.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

fn opt_str(options: &Json, key: &str) -> Option<String> {
    options.get(key).and_then(Json::as_str).map(str::to_string)
}

fn local_today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8)
        .unwrap_or(Date::new(2000, 1, 1).expect("date"))
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget into `host`'s (open) shadow root. `options`: `{kind: "navigator" |
    /// "form", event?, procedures?: string[], lang?, today?, mode?: "pages" | "one",
    /// counter?: bool, storage?: bool}`.
    pub fn mount(host: HtmlElement, catalog: &Catalog, options: JsValue) -> Result<Widget, JsValue> {
        let options = crate::api::from_js(&options).unwrap_or(Json::Null);
        let lang = opt_str(&options, "lang").and_then(|t| Lang::from_tag(&t)).unwrap_or(Lang::Ja);
        let today = match opt_str(&options, "today") {
            Some(t) => host::parse_date(&t).map_err(js_error)?,
            None => local_today(),
        };
        let root = match host.shadow_root() {
            Some(r) => r,
            None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
        };
        js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet()?.into()))?;
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
        let dom = Dom { doc };
        let container = dom.el("div", "tz");
        attrs(&container, &[("part", "root")]);
        root.replace_children_with_node_1(&container);
        let navigator = opt_str(&options, "kind").as_deref() != Some("form");
        let storage_on = options.get("storage").and_then(Json::as_bool).unwrap_or(true);
        let counter = options.get("counter").and_then(Json::as_bool).unwrap_or(false);
        // At the counter the device is the town's, not the resident's: no profile is read or
        // kept there.
        let profile = if storage_on && !counter {
            storage()
                .and_then(|s| s.get_item(PROFILE_KEY).ok().flatten())
                .map(|t| Profile::recover(&t).0)
                .unwrap_or_default()
        } else {
            Profile::new()
        };
        let keep_profile = profile.consent().given;
        let mut state = State {
            dom,
            host: host.clone(),
            root: container,
            catalog: catalog.inner.clone(),
            lang,
            today,
            mode: if opt_str(&options, "mode").as_deref() == Some("one") { Mode::One } else { Mode::Pages },
            counter,
            storage: storage_on,
            stage: Stage::Events,
            navigator,
            event: None,
            screening: Map::new(),
            screening_views: Vec::new(),
            checklist: None,
            session: None,
            relevant: HashSet::new(),
            relevant_stale: false,
            shown: Vec::new(),
            showing: false,
            acknowledged: HashSet::new(),
            return_to_check: false,
            notice: Vec::new(),
            submitted: Vec::new(),
            profile,
            keep_profile,
            feedback_sent: false,
            outbox: Vec::new(),
        };
        if navigator {
            state.start_navigator(opt_str(&options, "event"))?;
        } else {
            let procedures: Vec<String> = match options.get("procedures") {
                Some(Json::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
                Some(Json::String(s)) => s.split_whitespace().map(str::to_string).collect(),
                _ => Vec::new(),
            };
            state.start_form(&procedures, None).map_err(js_error)?;
        }
        state.render();
        state.emit("tetsuzuki-ready", json!({}));
        let state = Rc::new(RefCell::new(state));
        let mut widget = Widget { state, root, listeners: Vec::new() };
        for kind in ["click", "input", "change", "submit", "keydown"] {
            let state = widget.state.clone();
            let host = host.clone();
            let handler = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                let events = match state.try_borrow_mut() {
                    Ok(mut s) => {
                        s.handle(&event);
                        std::mem::take(&mut s.outbox)
                    }
                    Err(_) => Vec::new(),
                };
                dispatch(&host, events);
            });
            widget.root.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref())?;
            widget.listeners.push((kind, handler));
        }
        widget.flush();
        Ok(widget)
    }

    fn flush(&self) {
        let (host, events) = match self.state.try_borrow_mut() {
            Ok(mut s) => (s.host.clone(), std::mem::take(&mut s.outbox)),
            Err(_) => return,
        };
        dispatch(&host, events);
    }

    /// Switches the language, keeping every answer.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, tag: &str) {
        if let (Some(lang), Ok(mut s)) = (Lang::from_tag(tag), self.state.try_borrow_mut())
            && s.lang != lang
        {
            s.lang = lang;
            s.refresh_views();
            s.render();
        }
        self.flush();
    }

    /// The page is being hidden: the draft is saved, and an unsent one is reported as
    /// `tetsuzuki-abandon`.
    #[wasm_bindgen(js_name = pageHidden)]
    pub fn page_hidden(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.save_draft();
            let unsent = s.session.as_ref().is_some_and(|x| !x.is_ended() && !x.answers().is_empty());
            if unsent {
                let step = s.step_name();
                s.emit("tetsuzuki-abandon", json!({ "step": step }));
            }
        }
        self.flush();
    }

    /// Removes the listeners (the element was removed from the page).
    pub fn unmount(&mut self) {
        for (kind, handler) in self.listeners.drain(..) {
            let _ = self.root.remove_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
    }
}

/// Shows that the catalogue could not be loaded, in `lang` (the shell calls it; the code goes
/// to the host in a `tetsuzuki-error` event).
#[wasm_bindgen(js_name = renderLoadFailure)]
pub fn render_load_failure(host: HtmlElement, lang: &str) -> Result<(), JsValue> {
    let lang = Lang::from_tag(lang).unwrap_or(Lang::Ja);
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet()?.into()))?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let dom = Dom { doc };
    let container = dom.el("div", "tz");
    attrs(&container, &[("part", "root"), ("lang", lang.tag())]);
    let p = dom.text("p", "tz-notice", &ui_text(lang, "ui-load-failed"));
    attrs(&p, &[("role", "alert")]);
    add(&container, &[&p]);
    root.replace_children_with_node_1(&container);
    Ok(())
}

fn dispatch(host: &HtmlElement, events: Vec<(String, Json)>) {
    for (name, detail) in events {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&to_js(&detail).unwrap_or(JsValue::NULL));
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(&name, &init) {
            let _ = host.dispatch_event(&e);
        }
    }
}

/// The head key of an issue's field path, among `keys`: `members[0].name` → `members`.
fn issue_key<'k>(field: &str, keys: impl IntoIterator<Item = &'k String>) -> Option<&'k String> {
    keys.into_iter()
        .filter(|k| {
            field == k.as_str()
                || (field.starts_with(k.as_str()) && matches!(field.as_bytes().get(k.len()), Some(b'[' | b'.')))
        })
        .max_by_key(|k| k.len())
}

impl State {
    fn t(&self, id: &str) -> String {
        ui_text(self.lang, id)
    }

    fn emit(&mut self, name: &str, detail: Json) {
        self.outbox.push((name.to_string(), detail));
    }

    fn draft_key(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        Some(format!("tetsuzuki:draft:{}:{}", self.catalog.town.id, s.procedures().join("+")))
    }

    fn nav_key(&self) -> String {
        format!("tetsuzuki:nav:{}", self.catalog.town.id)
    }

    fn store(&self, key: &str, value: Option<&str>) {
        if !self.storage {
            return;
        }
        if let Some(s) = storage() {
            let _ = match value {
                Some(v) => s.set_item(key, v),
                None => s.remove_item(key),
            };
        }
    }

    fn stored(&self, key: &str) -> Option<String> {
        if !self.storage {
            return None;
        }
        storage()?.get_item(key).ok().flatten()
    }

    fn save_draft(&self) {
        if let (Some(key), Some(s)) = (self.draft_key(), self.session.as_ref())
            && !s.is_ended()
        {
            self.store(&key, Some(&s.save_draft()));
        }
        if self.navigator {
            self.save_nav();
        }
    }

    fn save_nav(&self) {
        let started = self.session.as_ref().filter(|s| !s.is_ended()).map(|s| s.procedures());
        let state = json!({ "event": self.event, "answers": self.screening, "started": started });
        self.store(&self.nav_key(), Some(&state.to_string()));
    }

    // ---------------------------------------------------------------- navigator

    fn start_navigator(&mut self, event: Option<String>) -> Result<(), JsValue> {
        let saved: Option<Json> = self.stored(&self.nav_key()).and_then(|t| serde_json::from_str(&t).ok());
        let saved_event = saved.as_ref().and_then(|s| s.get("event")).and_then(Json::as_str).map(str::to_string);
        let event = event.or(saved_event.clone());
        if let Some(e) = event {
            if saved_event.as_deref() == Some(&e)
                && let Some(Json::Object(answers)) = saved.as_ref().and_then(|s| s.get("answers"))
            {
                self.screening = answers.clone();
            }
            self.choose_event(&e).map_err(js_error)?;
            let started: Vec<String> = saved
                .as_ref()
                .and_then(|s| s.get("started"))
                .and_then(Json::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            if !started.is_empty() && saved_event.as_deref() == Some(&e) {
                let _ = self.start_form(&started, Some(e));
            }
        }
        Ok(())
    }

    fn choose_event(&mut self, event: &str) -> Result<(), host::HostError> {
        self.screening_views = host::screening_questions(&self.catalog, event, self.lang)?;
        self.event = Some(event.to_string());
        self.stage = Stage::Screening;
        self.navigate()?;
        self.emit("tetsuzuki-step", json!({ "step": "questions", "event": event }));
        Ok(())
    }

    fn navigate(&mut self) -> Result<(), host::HostError> {
        let Some(event) = self.event.clone() else { return Ok(()) };
        let checklist = self.catalog.navigator().navigate(&event, &self.screening, None, self.today, self.lang)?;
        self.checklist = Some(checklist);
        Ok(())
    }

    // ---------------------------------------------------------------- form

    fn start_form(&mut self, procedures: &[String], event: Option<String>) -> Result<(), host::HostError> {
        let ids: Vec<&str> = procedures.iter().map(String::as_str).collect();
        let mut session = Session::start(&self.catalog, &ids)?;
        self.notice.clear();
        let key = format!("tetsuzuki:draft:{}:{}", self.catalog.town.id, session.procedures().join("+"));
        if let Some(text) = self.stored(&key) {
            match tetsuzuki::draft::restore(&self.catalog, &text) {
                Ok((restored, report)) => {
                    session = restored;
                    self.notice.push(self.t("ui-draft-restored"));
                    if !report.same_catalog && (!report.recheck.is_empty() || !report.changed.is_empty()) {
                        self.notice.push(self.t("ui-draft-changed"));
                        let labels: Vec<String> = report
                            .recheck
                            .iter()
                            .filter_map(|k| session.questions().iter().find(|q| &q.key == k))
                            .map(|q| q.label.get(self.lang).to_string())
                            .collect();
                        if !labels.is_empty() {
                            self.notice.push(labels.join("、"));
                        }
                    }
                    if report.truncated {
                        self.notice.push(self.t("ui-draft-truncated"));
                    }
                }
                Err(_) => self.store(&key, None),
            }
        }
        // 書かない窓口: staff fill in, the resident confirms before anything is submitted. A
        // draft begun at the counter stays assisted wherever it is continued.
        if self.counter {
            session.set_assisted(true);
        }
        if let Some(e) = &event {
            session.reuse_screening(e, &self.screening);
        }
        if self.profile.consent().given {
            session.prefill_from(&self.profile, self.today);
        }
        self.session = Some(session);
        self.refresh_views();
        self.stage = Stage::Step(0);
        self.showing = false;
        self.shown.clear();
        self.save_draft();
        self.emit_step();
        Ok(())
    }

    fn refresh_views(&mut self) {
        if let Some(s) = &self.session {
            self.relevant = s.relevant(self.today).into_iter().collect();
            self.relevant_stale = false;
        }
        if let Some(e) = self.event.clone() {
            self.screening_views = host::screening_questions(&self.catalog, &e, self.lang).unwrap_or_default();
            let _ = self.navigate();
        }
    }

    fn steps(&self) -> Vec<Step> {
        let Some(s) = &self.session else { return Vec::new() };
        let relevant = &self.relevant;
        let mut steps = Vec::new();
        for page in s.pages() {
            if !page.questions.iter().any(|k| relevant.contains(k)) {
                continue;
            }
            let title = page.title.get(self.lang).to_string();
            match self.mode {
                Mode::Pages => steps.push(Step { page: page.id.clone(), title, keys: page.questions.clone() }),
                Mode::One => {
                    for k in page.questions.iter().filter(|k| relevant.contains(*k)) {
                        steps.push(Step { page: page.id.clone(), title: title.clone(), keys: vec![k.clone()] });
                    }
                }
            }
        }
        steps
    }

    fn step_name(&self) -> &'static str {
        match self.stage {
            Stage::Events => "events",
            Stage::Screening => "questions",
            Stage::Step(_) => "page",
            Stage::Check => "check",
            Stage::Done => "done",
        }
    }

    fn emit_step(&mut self) {
        let (page, index, total) = match self.stage {
            Stage::Step(i) => {
                let steps = self.steps();
                (steps.get(i).map(|s| s.page.clone()), i + 1, steps.len())
            }
            _ => (None, 0, 0),
        };
        let step = self.step_name();
        self.emit("tetsuzuki-step", json!({ "step": step, "page": page, "index": index, "total": total }));
    }

    fn emit_issues(&mut self) {
        let issues: Vec<Json> =
            self.shown.iter().map(|i| json!({ "field": i.field, "code": i.code, "severity": i.severity })).collect();
        if !issues.is_empty() {
            self.emit("tetsuzuki-issue", json!({ "issues": issues }));
        }
    }

    fn go(&mut self, stage: Stage) {
        self.refresh_relevant();
        self.stage = stage;
        self.showing = false;
        self.shown.clear();
        self.save_draft();
        self.render();
        self.emit_step();
        if let Some(h) = self.root.query_selector("h2").ok().flatten() {
            focus(&h);
        }
    }

    /// The issues of the keys of the current step, as shown.
    fn step_issues(&self, keys: &[String]) -> Vec<Issue> {
        let Some(s) = &self.session else { return Vec::new() };
        s.validate(self.today, self.lang).into_iter().filter(|i| issue_key(&i.field, keys).is_some()).collect()
    }

    fn next(&mut self) {
        let Stage::Step(i) = self.stage else { return };
        self.refresh_relevant();
        let steps = self.steps();
        let Some(step) = steps.get(i) else {
            self.go(Stage::Check);
            return;
        };
        let issues = self.step_issues(&step.keys);
        let errors = issues.iter().any(|x| x.severity == Severity::Error);
        let unacknowledged = issues.iter().any(|x| {
            x.severity == Severity::Warning && !self.acknowledged.contains(&(x.field.clone(), x.code.clone()))
        });
        if errors || unacknowledged {
            for w in issues.iter().filter(|x| x.severity == Severity::Warning) {
                self.acknowledged.insert((w.field.clone(), w.code.clone()));
            }
            self.shown = issues;
            self.showing = true;
            self.render();
            self.emit_issues();
            if let Some(summary) = self.root.query_selector(".tz-error-summary").ok().flatten() {
                focus(&summary);
            }
            return;
        }
        if self.return_to_check {
            self.return_to_check = false;
            self.go(Stage::Check);
        } else if i + 1 < steps.len() {
            self.go(Stage::Step(i + 1));
        } else {
            self.go(Stage::Check);
        }
    }

    fn back(&mut self) {
        self.refresh_relevant();
        match self.stage {
            Stage::Step(0) if self.navigator => self.go(Stage::Screening),
            Stage::Step(i) if i > 0 => self.go(Stage::Step(i - 1)),
            Stage::Check => {
                let n = self.steps().len();
                self.go(Stage::Step(n.saturating_sub(1)));
            }
            Stage::Screening => {
                self.event = None;
                self.checklist = None;
                self.save_nav();
                self.go(Stage::Events);
            }
            _ => {}
        }
    }

    /// Goes to the step that asks `key` (from a change link or an error summary link).
    fn go_to_key(&mut self, key: &str, from_check: bool) {
        self.refresh_relevant();
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| s.keys.iter().any(|k| k == key)) {
            self.return_to_check = from_check;
            self.go(Stage::Step(i));
            let id = id_of("q", key);
            if let Some(e) = self
                .root
                .query_selector(&format!(
                    "#{id}, [data-key=\"{key}\"] input, [data-key=\"{key}\"] select, [data-key=\"{key}\"] textarea"
                ))
                .ok()
                .flatten()
            {
                focus(&e);
            }
        }
    }

    fn submit(&mut self) {
        let unconfirmed = self.session.as_ref().and_then(|s| s.confirmation_issue(self.lang));
        if let Some(issue) = unconfirmed {
            self.shown = vec![issue];
            self.showing = true;
            self.render();
            if let Some(summary) = self.root.query_selector(".tz-error-summary").ok().flatten() {
                focus(&summary);
            }
            return;
        }
        let at = now_iso();
        let today = self.today;
        let Some(session) = self.session.as_mut() else { return };
        match session.submit(today, &at) {
            Ok(submissions) => {
                if let Some(key) = self.draft_key() {
                    self.store(&key, None);
                }
                if self.keep_profile {
                    if !self.profile.consent().given {
                        self.profile.give_consent(&at);
                    }
                    if let Some(s) = &self.session {
                        let _ = s.update_profile(&mut self.profile, today, &at);
                    }
                    self.store(PROFILE_KEY, Some(&self.profile.to_json()));
                }
                self.submitted = submissions.iter().map(|s| s.procedure.clone()).collect();
                if self.navigator {
                    self.store(&self.nav_key(), None);
                }
                let assisted = self.session.as_ref().is_some_and(Session::is_assisted);
                let detail = json!({ "submissions": submissions, "assisted": assisted });
                self.emit("tetsuzuki-submit", detail);
                self.go(Stage::Done);
            }
            Err(_) => {
                let issues = session.validate(today, self.lang);
                self.shown = issues.into_iter().filter(|i| i.severity == Severity::Error).collect();
                self.showing = true;
                self.render();
                self.emit_issues();
                if let Some(summary) = self.root.query_selector(".tz-error-summary").ok().flatten() {
                    focus(&summary);
                }
            }
        }
    }

    // ---------------------------------------------------------------- events

    fn handle(&mut self, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        match event.type_().as_str() {
            "submit" => event.prevent_default(),
            "click" => self.on_click(event, &target),
            "input" => self.on_input(&target, false),
            "change" => self.on_input(&target, true),
            _ => {}
        }
    }

    fn on_click(&mut self, event: &Event, target: &Element) {
        let Some(el) = target.closest("button, a").ok().flatten() else { return };
        let data = |name: &str| el.get_attribute(name);
        let class = el.class_name();
        let has = |c: &str| class.split_whitespace().any(|x| x == c);
        if el.tag_name().eq_ignore_ascii_case("a") || el.tag_name().eq_ignore_ascii_case("button") {
            event.prevent_default();
        }
        if has("tz-event") {
            if let Some(e) = data("data-event") {
                let _ = self.choose_event(&e);
                self.save_nav();
                self.render();
                if let Some(h) = self.root.query_selector("h2").ok().flatten() {
                    focus(&h);
                }
            }
        } else if has("tz-start") {
            let procedures: Vec<String> = self
                .checklist
                .as_ref()
                .map(|c| c.procedures.iter().filter(|i| i.online_now).map(|i| i.procedure.clone()).collect())
                .unwrap_or_default();
            if !procedures.is_empty() && self.start_form(&procedures, self.event.clone()).is_ok() {
                self.save_nav();
                self.render();
                if let Some(h) = self.root.query_selector("h2").ok().flatten() {
                    focus(&h);
                }
            }
        } else if has("tz-next") {
            self.next();
        } else if has("tz-back") {
            self.back();
        } else if has("tz-change") {
            if let Some(k) = data("data-key") {
                self.go_to_key(&k, true);
            }
        } else if has("tz-error-link") {
            if let Some(k) = data("data-key") {
                let on_page = self.root.query_selector(&format!("[data-key=\"{k}\"]")).ok().flatten().is_some();
                if on_page {
                    let target = data("data-target").unwrap_or_default();
                    if let Some(e) = self.root.query_selector(&format!("#{target}")).ok().flatten() {
                        e.scroll_into_view();
                        focus(&e);
                    }
                } else {
                    self.go_to_key(&k, self.stage == Stage::Check);
                }
            }
        } else if has("tz-fix") {
            if let (Some(k), Some(v)) = (data("data-key"), data("data-value")) {
                self.apply_fix(&k, data("data-part"), v);
            }
        } else if has("tz-add") {
            if let Some(k) = data("data-key") {
                let mut items = self.answer_of(&k).and_then(|v| v.as_array().cloned()).unwrap_or_default();
                items.push(Json::Object(Map::new()));
                self.set(&k, Json::Array(items));
                self.render_keep_focus(&format!("[data-key=\"{k}\"] .tz-add"));
            }
        } else if has("tz-remove") {
            if let (Some(k), Some(i)) = (data("data-key"), data("data-item").and_then(|i| i.parse::<usize>().ok())) {
                let mut items = self.answer_of(&k).and_then(|v| v.as_array().cloned()).unwrap_or_default();
                if i < items.len() {
                    items.remove(i);
                }
                self.set(&k, Json::Array(items));
                self.render_keep_focus(&format!("[data-key=\"{k}\"] .tz-add"));
            }
        } else if has("tz-submit") {
            self.submit();
        } else if has("tz-continue-export") {
            if let (Some(s), Some(area)) =
                (self.session.as_ref(), self.root.query_selector(".tz-continue-code").ok().flatten())
            {
                let code = encode_code(&s.save_draft());
                if let Some(t) = area.dyn_ref::<HtmlTextAreaElement>() {
                    t.set_value(&code);
                    t.select();
                }
            }
        } else if has("tz-continue-import") {
            self.import_code();
        } else if has("tz-profile-delete") {
            self.profile.withdraw_consent();
            self.keep_profile = false;
            self.store(PROFILE_KEY, None);
            self.render_keep_focus(".tz-profile summary");
        } else if has("tz-feedback-send") {
            let rating = self
                .root
                .query_selector("input[name=rating]:checked")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .and_then(|i| i.value().parse::<u8>().ok());
            let comment = self
                .root
                .query_selector(".tz-feedback-comment")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
                .map(|t| t.value())
                .unwrap_or_default();
            self.emit("tetsuzuki-feedback", json!({ "rating": rating, "comment": comment }));
            self.feedback_sent = true;
            self.render_keep_focus(".tz-feedback-thanks");
        }
    }

    fn import_code(&mut self) {
        let text = self
            .root
            .query_selector(".tz-continue-code")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|t| t.value())
            .unwrap_or_default();
        let restored = decode_code(text.trim()).and_then(|t| tetsuzuki::draft::restore(&self.catalog, &t).ok());
        match restored {
            Some((mut session, _)) => {
                if self.counter {
                    session.set_assisted(true);
                }
                self.session = Some(session);
                self.refresh_views();
                self.notice = vec![self.t("ui-draft-restored")];
                self.go(Stage::Step(0));
            }
            None => {
                self.notice = vec![self.t("ui-continue-bad")];
                self.render_keep_focus(".tz-notice");
            }
        }
    }

    /// Recomputes which questions are shown, when a keystroke left it exact only for the page.
    fn refresh_relevant(&mut self) {
        if let (true, Some(s)) = (self.relevant_stale, &self.session) {
            self.relevant = s.relevant(self.today).into_iter().collect();
            self.relevant_stale = false;
        }
    }

    /// After an answer that a condition names: which questions of the page shown are shown now
    /// (only the conditions they need are evaluated).
    fn patch_relevance(&mut self) {
        let Some(s) = &self.session else { return };
        let Ok(list) = self.root.query_selector_all(".tz-form > .tz-question[data-key]") else { return };
        let keys: Vec<String> = (0..list.length())
            .filter_map(|n| list.item(n).and_then(|x| x.dyn_into::<Element>().ok()))
            .filter_map(|q| q.get_attribute("data-key"))
            .collect();
        let shown = s.relevant_among(&keys, self.today);
        for k in keys {
            if shown.contains(&k) {
                self.relevant.insert(k);
            } else {
                self.relevant.remove(&k);
            }
        }
        self.relevant_stale = true;
    }

    /// A question of the session as the renderer needs it, in the current language.
    fn view(&self, key: &str) -> Option<QuestionView> {
        host::question(self.session.as_ref()?, key, self.lang)
    }

    fn answer_of(&self, key: &str) -> Option<Json> {
        match self.stage {
            Stage::Screening => self.screening.get(key).cloned(),
            _ => self.session.as_ref()?.answer(key).cloned(),
        }
    }

    fn set(&mut self, key: &str, value: Json) {
        if self.stage == Stage::Screening {
            self.screening.insert(key.to_string(), value);
            let _ = self.navigate();
        } else if let Some(s) = self.session.as_mut() {
            let _ = s.set_answer(key, value);
            if s.affects_visibility(key) {
                self.patch_relevance();
            }
        }
    }

    fn apply_fix(&mut self, key: &str, part: Option<String>, value: String) {
        let new = match part {
            Some(p) => {
                let mut obj = self.answer_of(key).and_then(|v| v.as_object().cloned()).unwrap_or_default();
                obj.insert(p, Json::String(value));
                Json::Object(obj)
            }
            None => Json::String(value),
        };
        self.set(key, new);
        if self.showing {
            self.revalidate(key);
        }
        self.save_draft();
        self.render_keep_focus(&format!("#{}", id_of("q", key)));
    }

    fn on_input(&mut self, target: &Element, committed: bool) {
        if target.class_name().contains("tz-lang") {
            if committed
                && let Some(lang) = target.dyn_ref::<HtmlSelectElement>().and_then(|s| Lang::from_tag(&s.value()))
            {
                self.lang = lang;
                let _ = self.host.set_attribute("lang", lang.tag());
                self.refresh_views();
                self.render_keep_focus(".tz-lang");
            }
            return;
        }
        if target.class_name().contains("tz-profile-consent") {
            self.keep_profile = target.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
            return;
        }
        if target.class_name().contains("tz-counter-confirm") {
            let confirmed = target.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
            if let Some(session) = self.session.as_mut() {
                session.confirm_by_resident(confirmed);
            }
            return;
        }
        let Some(container) = target.closest(".tz-question[data-key]").ok().flatten() else { return };
        let Some(key) = container.get_attribute("data-key") else { return };
        let view = match self.stage {
            Stage::Screening => self.screening_views.iter().find(|v| v.key == key).cloned(),
            _ => self.view(&key),
        };
        let Some(view) = view else { return };
        // Text is read on every keystroke; choices, files and groups when they change.
        let value = read_answer(&container, &view);
        self.set(&key, value);
        match self.stage {
            Stage::Screening => {
                self.update_screening();
                if committed {
                    self.save_nav();
                }
            }
            Stage::Step(_) => {
                // Only what depends on the changed answer is looked at again.
                if self.session.as_ref().is_some_and(|s| s.affects_visibility(&key)) {
                    self.update_visibility();
                }
                if self.showing {
                    // The DOM is touched only when what is shown changes.
                    let before = self.shown.clone();
                    self.revalidate(&key);
                    if self.shown != before {
                        self.render_issues();
                    }
                }
                if committed {
                    self.save_draft();
                }
            }
            _ => {}
        }
    }

    /// Replaces the shown issues of `key` with its current ones.
    fn revalidate(&mut self, key: &str) {
        let Some(s) = &self.session else { return };
        let Ok(fresh) = s.validate_question(key, self.today, self.lang) else { return };
        let keys = [key.to_string()];
        let at = self.shown.iter().position(|i| issue_key(&i.field, &keys).is_some()).unwrap_or(self.shown.len());
        self.shown.retain(|i| issue_key(&i.field, &keys).is_none());
        for (n, issue) in fresh.into_iter().enumerate() {
            self.shown.insert((at + n).min(self.shown.len()), issue);
        }
    }

    // ---------------------------------------------------------------- rendering

    fn render_keep_focus(&mut self, selector: &str) {
        self.render();
        if let Some(e) = self.root.query_selector(selector).ok().flatten() {
            focus(&e);
        }
    }

    fn render(&mut self) {
        self.refresh_relevant();
        let d = self.dom.clone();
        let _ = self.root.set_attribute("lang", self.lang.tag());
        let frag = d.el("div", "tz-body");
        add(&frag, &[&self.bar()]);
        if !self.notice.is_empty() && !matches!(self.stage, Stage::Done) {
            let n = d.el("div", "tz-notice");
            attrs(&n, &[("role", "status"), ("tabindex", "-1")]);
            for line in &self.notice {
                add(&n, &[&d.text("p", "", line)]);
            }
            add(&frag, &[&n]);
        }
        let summary = d.el("div", "tz-error-summary");
        attrs(&summary, &[("role", "alert"), ("tabindex", "-1"), ("part", "error-summary"), ("hidden", "")]);
        add(&frag, &[&summary]);
        match self.stage.clone() {
            Stage::Events => self.render_events(&frag),
            Stage::Screening => self.render_screening(&frag),
            Stage::Step(i) => self.render_step(&frag, i),
            Stage::Check => self.render_check(&frag),
            Stage::Done => self.render_done(&frag),
        }
        self.root.replace_children_with_node_1(&frag);
        self.render_issues();
    }

    fn bar(&self) -> Element {
        let d = &self.dom;
        let bar = d.el("div", "tz-bar");
        if self.counter {
            add(&bar, &[&d.text("span", "tz-counter", &self.t("ui-counter-mode"))]);
        } else {
            add(&bar, &[&d.el("span", "")]);
        }
        let label = d.el("label", "");
        add(&label, &[&d.text("span", "", &self.t("ui-language"))]);
        let select = d.el("select", "tz-lang");
        attrs(&select, &[("part", "lang")]);
        for (tag, name) in [("ja", "日本語"), ("en", "English"), ("ja-easy", "やさしい にほんご")] {
            let o = d.text("option", "", name);
            attrs(&o, &[("value", tag), ("lang", tag)]);
            if tag == self.lang.tag() {
                attrs(&o, &[("selected", "")]);
            }
            add(&select, &[&o]);
        }
        add(&label, &[&select]);
        add(&bar, &[&label]);
        bar
    }

    fn render_events(&self, parent: &Element) {
        let d = &self.dom;
        let h = d.text("h2", "tz-title", &self.t("ui-life-events"));
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        let list = d.el("ul", "tz-events");
        for e in host::life_events(&self.catalog, self.lang) {
            let li = d.el("li", "");
            let b = d.el("button", "tz-event");
            attrs(&b, &[("type", "button"), ("data-event", &e.id), ("part", "button")]);
            add(&b, &[&d.text("span", "tz-event-title", &e.title)]);
            if let Some(desc) = &e.description {
                add(&b, &[&d.text("span", "tz-event-desc", desc)]);
            }
            add(&li, &[&b]);
            add(&list, &[&li]);
        }
        add(parent, &[&h, &list]);
    }

    fn render_screening(&self, parent: &Element) {
        let d = &self.dom;
        let Some(event) = self.event.as_ref().and_then(|e| self.catalog.life_event(e)) else { return };
        let h = d.text("h2", "tz-title", event.title.get(self.lang));
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(parent, &[&h]);
        let form = d.el("form", "tz-form");
        attrs(&form, &[("novalidate", "")]);
        add(&form, &[&d.text("p", "tz-lead", &self.t("ui-questions"))]);
        let ask: HashSet<&str> =
            self.checklist.as_ref().map(|c| c.questions.iter().map(|q| q.id.as_str()).collect()).unwrap_or_default();
        for v in &self.screening_views {
            let q = self.question(v, self.screening.get(&v.key), None);
            if !ask.contains(v.key.as_str()) {
                attrs(&q, &[("hidden", "")]);
            }
            add(&form, &[&q]);
        }
        add(parent, &[&form]);
        let area = d.el("section", "tz-checklist-area");
        attrs(&area, &[("aria-live", "polite")]);
        self.render_checklist(&area);
        add(parent, &[&area]);
        let buttons = d.el("div", "tz-buttons");
        let back = d.text("button", "tz-back", &self.t("ui-back"));
        attrs(&back, &[("type", "button"), ("part", "button")]);
        add(&buttons, &[&back]);
        add(parent, &[&buttons]);
    }

    fn update_screening(&mut self) {
        let ask: HashSet<String> =
            self.checklist.as_ref().map(|c| c.questions.iter().map(|q| q.id.clone()).collect()).unwrap_or_default();
        for v in &self.screening_views {
            if let Some(q) = self.root.query_selector(&format!(".tz-question[data-key=\"{}\"]", v.key)).ok().flatten() {
                let _ = if ask.contains(&v.key) { q.remove_attribute("hidden") } else { q.set_attribute("hidden", "") };
            }
        }
        if let Some(area) = self.root.query_selector(".tz-checklist-area").ok().flatten() {
            area.set_text_content(None);
            self.render_checklist(&area);
        }
    }

    fn render_checklist(&self, area: &Element) {
        let d = &self.dom;
        let Some(c) = &self.checklist else { return };
        add(area, &[&d.text("h3", "", &self.t("ui-checklist"))]);
        if c.procedures.is_empty() {
            add(area, &[&d.text("p", "", &self.t("ui-checklist-empty"))]);
        }
        let list = d.el("ol", "tz-checklist");
        for item in &c.procedures {
            add(&list, &[&self.checklist_item(item)]);
        }
        add(area, &[&list]);
        if !c.town_actions.is_empty() {
            add(area, &[&d.text("h3", "", &self.t("ui-town-actions"))]);
            let ul = d.el("ul", "tz-town-actions");
            for item in &c.town_actions {
                let li = d.el("li", "");
                attrs(&li, &[("data-procedure", &item.procedure)]);
                add(&li, &[&d.text("strong", "", &item.title), &d.text("span", "", &format!(" — {}", item.reason))]);
                add(&ul, &[&li]);
            }
            add(area, &[&ul]);
        }
        if c.procedures.iter().any(|i| i.online_now) {
            let b = d.text("button", "tz-start", &self.t("ui-start-online"));
            attrs(&b, &[("type", "button"), ("part", "button")]);
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&b]);
            add(area, &[&buttons]);
        }
    }

    fn checklist_item(&self, item: &tetsuzuki::navigate::ChecklistItem) -> Element {
        let d = &self.dom;
        let li = d.el("li", "");
        attrs(&li, &[("data-procedure", &item.procedure)]);
        add(&li, &[&d.text("h3", "", &item.title)]);
        let tag = if item.online_now {
            d.text("span", "tz-tag tz-online", &self.t("ui-online-now"))
        } else {
            d.text("span", "tz-tag tz-counteronly", &self.t("ui-at-counter"))
        };
        add(&li, &[&tag, &d.text("p", "", &item.reason)]);
        let meta = d.el("dl", "tz-meta");
        let row = |label: &str, value: &str| {
            add(&meta, &[&d.text("dt", "", label), &d.text("dd", "", value)]);
        };
        let due = match &item.due {
            Some(due) => due.date.to_string(),
            None => {
                host::deadline_text(&self.catalog, &item.procedure, self.lang).unwrap_or_else(|| self.t("ui-no-due"))
            }
        };
        row(&self.t("ui-due"), &due);
        if !item.documents.is_empty() {
            row(&self.t("ui-documents"), &item.documents.join("、"));
        }
        if let Some(fee) = item.fee {
            row(&self.t("ui-fee"), &ui_text_with(self.lang, "ui-fee-amount", &[("amount", fee.to_string())]));
        }
        if let Some(c) = &item.contact {
            let mut text = c.department.clone();
            if let Some(p) = &c.phone {
                text.push_str(&format!(" {p}"));
            }
            row(&self.t("ui-contact"), &text);
        }
        add(&li, &[&meta]);
        li
    }

    fn render_step(&self, parent: &Element, i: usize) {
        let d = &self.dom;
        let steps = self.steps();
        let Some(step) = steps.get(i) else { return };
        let progress = ui_text_with(
            self.lang,
            if self.mode == Mode::One { "ui-question-of" } else { "ui-page-of" },
            &[("n", (i + 1).to_string()), ("total", steps.len().to_string())],
        );
        add(parent, &[&d.text("p", "tz-progress", &progress)]);
        let h = d.text("h2", "tz-title", &step.title);
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(parent, &[&h]);
        let form = d.el("form", "tz-form");
        attrs(&form, &[("novalidate", "")]);
        let Some(s) = &self.session else { return };
        let relevant = &self.relevant;
        for key in &step.keys {
            let Some(view) = self.view(key) else { continue };
            let view = &view;
            let q = self.question(view, s.answer(key), s.source(key));
            if !relevant.contains(key) {
                attrs(&q, &[("hidden", "")]);
            }
            add(&form, &[&q]);
        }
        let buttons = d.el("div", "tz-buttons");
        let next = d.text("button", "tz-next", &self.t("ui-next"));
        attrs(&next, &[("type", "submit"), ("part", "button")]);
        add(&buttons, &[&next]);
        if i > 0 || self.navigator {
            let back = d.text("button", "tz-back", &self.t("ui-back"));
            attrs(&back, &[("type", "button"), ("part", "button")]);
            add(&buttons, &[&back]);
        }
        add(&form, &[&buttons]);
        add(parent, &[&form]);
        self.render_continue(parent);
    }

    fn update_visibility(&self) {
        let relevant = &self.relevant;
        let Ok(list) = self.root.query_selector_all(".tz-form > .tz-question[data-key]") else { return };
        for n in 0..list.length() {
            let Some(q) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) else { continue };
            let key = q.get_attribute("data-key").unwrap_or_default();
            let hidden = q.has_attribute("hidden");
            let show = relevant.contains(&key);
            if show && hidden {
                let _ = q.remove_attribute("hidden");
            } else if !show && !hidden {
                let _ = q.set_attribute("hidden", "");
            }
        }
    }

    fn render_continue(&self, parent: &Element) {
        let d = &self.dom;
        let details = d.el("details", "tz-continue");
        add(&details, &[&d.text("summary", "", &self.t("ui-continue-code"))]);
        add(&details, &[&d.text("p", "tz-hint", &self.t("ui-continue-code-lead"))]);
        let label = d.text("label", "tz-label", &self.t("ui-continue-code"));
        attrs(&label, &[("for", "tz-continue-code")]);
        let area = d.el("textarea", "tz-continue-code");
        attrs(&area, &[("id", "tz-continue-code"), ("autocomplete", "off"), ("spellcheck", "false")]);
        let buttons = d.el("div", "tz-buttons");
        let export = d.text("button", "tz-continue-export tz-secondary", &self.t("ui-continue-export"));
        let import = d.text("button", "tz-continue-import tz-secondary", &self.t("ui-continue-import"));
        attrs(&export, &[("type", "button"), ("part", "button")]);
        attrs(&import, &[("type", "button"), ("part", "button")]);
        add(&buttons, &[&export, &import]);
        add(&details, &[&label, &area, &buttons]);
        add(parent, &[&details]);
    }

    fn render_check(&self, parent: &Element) {
        let d = &self.dom;
        let Some(s) = &self.session else { return };
        let h = d.text("h2", "tz-title", &self.t("ui-check-answers"));
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(parent, &[&h, &d.text("p", "", &self.t("ui-check-answers-lead"))]);
        let dl = d.el("dl", "tz-summary");
        for row in s.summary(self.today, self.lang) {
            let r = d.el("div", "tz-summary-row");
            attrs(&r, &[("data-key", &row.key)]);
            let dd = d.el("dd", "");
            add(&dd, &[&d.text("span", "", &row.text)]);
            if let AnswerSource::Profile { .. } = row.source {
                add(&dd, &[&d.text("span", "tz-source", &format!(" ({})", self.t("ui-source-profile")))]);
            }
            let change_dd = d.el("dd", "");
            let b = d.el("button", "tz-change");
            attrs(&b, &[("type", "button"), ("data-key", &row.key), ("data-page", &row.page), ("part", "button")]);
            add(&b, &[&d.text("span", "", &self.t("ui-change")), &d.text("span", "tz-vh", &format!(" {}", row.label))]);
            add(&change_dd, &[&b]);
            add(&r, &[&d.text("dt", "", &row.label), &dd, &change_dd]);
            add(&dl, &[&r]);
        }
        add(parent, &[&dl]);
        if self.storage && !self.counter {
            add(parent, &[&self.confirm_box("tz-profile-consent", "ui-profile-consent", self.keep_profile)]);
        }
        // At the counter, or a draft begun there and continued elsewhere.
        if self.counter || self.session.as_ref().is_some_and(Session::is_assisted) {
            let confirmed = self.session.as_ref().is_some_and(Session::is_confirmed_by_resident);
            add(parent, &[&self.confirm_box("tz-counter-confirm", "ui-counter-confirm", confirmed)]);
        }
        let buttons = d.el("div", "tz-buttons");
        let submit = d.text("button", "tz-submit", &self.t("ui-submit"));
        attrs(&submit, &[("type", "button"), ("part", "button")]);
        let back = d.text("button", "tz-back", &self.t("ui-back"));
        attrs(&back, &[("type", "button"), ("part", "button")]);
        add(&buttons, &[&submit, &back]);
        add(parent, &[&buttons]);
        self.render_profile(parent);
    }

    fn render_profile(&self, parent: &Element) {
        if !self.storage || self.counter {
            return;
        }
        let d = &self.dom;
        let details = d.el("details", "tz-profile");
        add(&details, &[&d.text("summary", "", &self.t("ui-profile"))]);
        let facts = host::facts(&self.profile, self.today);
        if facts.is_empty() {
            add(&details, &[&d.text("p", "", &self.t("ui-profile-empty"))]);
        } else {
            let dl = d.el("dl", "tz-meta");
            for f in facts {
                let label = self
                    .catalog
                    .concepts
                    .iter()
                    .find(|c| c.id == f.concept)
                    .map_or(f.concept.clone(), |c| c.label.get(self.lang).to_string());
                let value = host::answer_text(&f.value, &[], f.sensitive, self.lang);
                add(&dl, &[&d.text("dt", "", &label), &d.text("dd", "", &value)]);
            }
            add(&details, &[&dl]);
            let b = d.text("button", "tz-profile-delete tz-secondary", &self.t("ui-profile-delete"));
            attrs(&b, &[("type", "button"), ("part", "button")]);
            add(&details, &[&b]);
        }
        add(parent, &[&details]);
    }

    fn render_done(&self, parent: &Element) {
        let d = &self.dom;
        let done = d.el("div", "tz-done");
        let h = d.text("h2", "tz-title", &self.t("ui-submitted"));
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(&done, &[&h, &d.text("p", "", &self.t("ui-submitted-lead"))]);
        let ul = d.el("ul", "tz-submitted");
        for id in &self.submitted {
            let title = self.catalog.procedure(id).map_or(id.clone(), |p| p.title.get(self.lang).to_string());
            let li = d.text("li", "", &title);
            attrs(&li, &[("data-procedure", id)]);
            add(&ul, &[&li]);
        }
        add(&done, &[&ul]);
        add(parent, &[&done]);
        let fs = d.el("fieldset", "tz-feedback");
        add(&fs, &[&d.text("legend", "", &self.t("ui-feedback"))]);
        if self.feedback_sent {
            let p = d.text("p", "tz-feedback-thanks", &self.t("ui-feedback-thanks"));
            attrs(&p, &[("tabindex", "-1"), ("role", "status")]);
            add(&fs, &[&p]);
        } else {
            let rating = d.el("fieldset", "tz-rating-group");
            add(&rating, &[&d.text("legend", "tz-label", &self.t("ui-feedback-rating"))]);
            let row = d.el("div", "tz-rating");
            for n in 1..=5 {
                let c = d.el("div", "tz-choice");
                let id = format!("tz-rating-{n}");
                let input = d.el("input", "");
                attrs(&input, &[("type", "radio"), ("name", "rating"), ("value", &n.to_string()), ("id", &id)]);
                let label = d.text("label", "", &n.to_string());
                attrs(&label, &[("for", &id)]);
                add(&c, &[&input, &label]);
                add(&row, &[&c]);
            }
            add(&rating, &[&row]);
            let label = d.text("label", "tz-label", &self.t("ui-feedback-comment"));
            attrs(&label, &[("for", "tz-feedback-comment")]);
            let area = d.el("textarea", "tz-feedback-comment");
            attrs(&area, &[("id", "tz-feedback-comment"), ("autocomplete", "off")]);
            let b = d.text("button", "tz-feedback-send", &self.t("ui-feedback-send"));
            attrs(&b, &[("type", "button"), ("part", "button")]);
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&b]);
            add(&fs, &[&rating, &label, &area, &buttons]);
        }
        add(parent, &[&fs]);
    }

    /// Shows the issues in `shown`: the summary at the top and each inline, in place.
    fn render_issues(&self) {
        let d = &self.dom;
        let Some(summary) = self.root.query_selector(".tz-error-summary").ok().flatten() else { return };
        // Clear the inline state first.
        if let Ok(list) = self.root.query_selector_all(".tz-issue") {
            for n in 0..list.length() {
                if let Some(e) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) {
                    e.remove();
                }
            }
        }
        if let Ok(list) = self.root.query_selector_all("[aria-invalid]") {
            for n in 0..list.length() {
                if let Some(e) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) {
                    let _ = e.remove_attribute("aria-invalid");
                    restore_describedby(&e);
                }
            }
        }
        if let Ok(list) = self.root.query_selector_all(".tz-question--error, .tz-question--warning") {
            for n in 0..list.length() {
                if let Some(e) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) {
                    let _ = e.class_list().remove_2("tz-question--error", "tz-question--warning");
                }
            }
        }
        if !self.showing || self.shown.is_empty() {
            let _ = summary.set_attribute("hidden", "");
            summary.set_text_content(None);
            return;
        }
        let only_warnings = self.shown.iter().all(|i| i.severity == Severity::Warning);
        summary.set_text_content(None);
        let _ = summary.remove_attribute("hidden");
        let _ = if only_warnings {
            summary.class_list().add_1("tz-warnings")
        } else {
            summary.class_list().remove_1("tz-warnings")
        };
        add(&summary, &[&d.text("h2", "", &self.t("ui-error-summary"))]);
        let ul = d.el("ul", "");
        let keys: Vec<String> = match self.stage {
            Stage::Screening => self.screening_views.iter().map(|v| v.key.clone()).collect(),
            _ => {
                self.session.as_ref().map(|s| s.questions().iter().map(|q| q.key.clone()).collect()).unwrap_or_default()
            }
        };
        for (n, issue) in self.shown.iter().enumerate() {
            let key = issue_key(&issue.field, &keys).cloned().unwrap_or_else(|| issue.field.clone());
            let mut target = self.target_id(&key, issue);
            let q = self.root.query_selector(&format!(".tz-question[data-key=\"{key}\"]")).ok().flatten();
            if let Some(q) = &q
                && q.query_selector(&format!("#{target}")).ok().flatten().is_none()
                && let Some(first) = q.query_selector("input, select, textarea").ok().flatten()
            {
                // An address or a group as a whole: its first control.
                target = first.id();
            }
            let li = d.el("li", "");
            let a = d.text("a", "tz-error-link", &issue.message);
            attrs(&a, &[("href", &format!("#{target}")), ("data-key", &key), ("data-target", &target)]);
            add(&li, &[&a]);
            add(&ul, &[&li]);
            // Inline, above the input.
            let Some(q) = q else { continue };
            let error = issue.severity == Severity::Error;
            let _ = q.class_list().add_1(if error { "tz-question--error" } else { "tz-question--warning" });
            let id = format!("tz-issue-{n}");
            let p = d.el("p", if error { "tz-issue tz-error" } else { "tz-issue tz-warning" });
            attrs(&p, &[("id", &id)]);
            let prefix = if error { self.t("ui-error-prefix") } else { String::new() };
            add(&p, &[&d.text("span", "tz-vh", &prefix), &d.text("span", "", &issue.message)]);
            if !issue.fix.is_empty() && issue.fix != issue.message {
                add(&p, &[&d.text("span", "tz-fixtext", &issue.fix)]);
            }
            let anchor = q.query_selector(".tz-anchor").ok().flatten();
            let _ = match &anchor {
                Some(a) => a.before_with_node_1(&p),
                None => q.append_child(&p).map(|_| ()),
            };
            if let Some(fix) = &issue.machine_fix {
                let b = d.text("button", "tz-issue tz-fix", &fix.label);
                attrs(&b, &[("type", "button"), ("data-key", &key), ("data-value", &fix.value), ("part", "button")]);
                if let Some(part) = issue.params.get("part") {
                    attrs(&b, &[("data-part", part)]);
                }
                let _ = match &anchor {
                    Some(a) => a.before_with_node_1(&b),
                    None => q.append_child(&b).map(|_| ()),
                };
            }
            if let Some(input) = self.root.query_selector(&format!("#{target}")).ok().flatten() {
                if error {
                    let _ = input.set_attribute("aria-invalid", "true");
                }
                let described = input.get_attribute("aria-describedby").unwrap_or_default();
                if input.get_attribute("data-describedby").is_none() {
                    let _ = input.set_attribute("data-describedby", &described);
                }
                let _ = input.set_attribute("aria-describedby", format!("{described} {id}").trim());
            }
        }
        add(&summary, &[&ul]);
    }

    /// The id of the control an issue points at (a part of an address, an item's field).
    fn target_id(&self, key: &str, issue: &Issue) -> String {
        let base = id_of("q", key);
        if let Some(part) = issue.params.get("part") {
            return format!("{base}-{part}");
        }
        let rest = &issue.field[key.len().min(issue.field.len())..];
        // `[1].name` → item 1, field name.
        if let Some(inner) = rest.strip_prefix('[')
            && let Some((n, field)) = inner.split_once("].")
        {
            return format!("{base}-{n}-{}", id_of("", field).trim_start_matches('-'));
        }
        base
    }

    // ---------------------------------------------------------------- questions

    fn question(&self, v: &QuestionView, value: Option<&Json>, source: Option<&AnswerSource>) -> Element {
        let d = &self.dom;
        let q = d.el("div", "tz-question");
        attrs(&q, &[("data-key", &v.key), ("data-type", &v.type_name)]);
        let id = id_of("q", &v.key);
        self.control(&q, v, &id, value, source);
        q
    }

    /// Label, hint, source note and the input(s) of a question, into `q`.
    fn control(&self, q: &Element, v: &QuestionView, id: &str, value: Option<&Json>, source: Option<&AnswerSource>) {
        let d = &self.dom;
        let grouped = matches!(v.type_name.as_str(), "boolean" | "multi_choice" | "address" | "group")
            || (v.type_name == "choice" && v.options.len() <= 8);
        let hint_id = format!("{id}-hint");
        let title = d.el(if grouped { "legend" } else { "label" }, "tz-label");
        add(&title, &[&d.text("span", "", &v.label)]);
        if v.optional {
            add(&title, &[&d.text("span", "tz-optional", &format!(" {}", self.t("ui-optional")))]);
        }
        let holder = if grouped {
            let fs = d.el("fieldset", "");
            if v.hint.is_some() {
                attrs(&fs, &[("aria-describedby", &hint_id)]);
            }
            add(&fs, &[&title]);
            add(q, &[&fs]);
            fs
        } else {
            attrs(&title, &[("for", id)]);
            add(q, &[&title]);
            q.clone()
        };
        if let Some(h) = &v.hint {
            let p = d.text("p", "tz-hint", h);
            attrs(&p, &[("id", &hint_id)]);
            add(&holder, &[&p]);
        }
        match source {
            Some(AnswerSource::Profile { .. }) => {
                add(&holder, &[&d.text("p", "tz-source", &self.t("ui-source-profile"))])
            }
            Some(AnswerSource::Screening { .. }) => {
                add(&holder, &[&d.text("p", "tz-source", &self.t("ui-source-screening"))])
            }
            _ => {}
        }
        let anchor = d.el("div", "tz-anchor");
        add(&holder, &[&anchor]);
        let described = if v.hint.is_some() { hint_id.clone() } else { String::new() };
        let text_of = |value: Option<&Json>| -> String {
            match value {
                Some(Json::String(s)) => s.clone(),
                Some(Json::Number(n)) => n.to_string(),
                _ => String::new(),
            }
        };
        match v.type_name.as_str() {
            "boolean" => {
                let current = value.and_then(Json::as_bool);
                for (val, label) in [("true", self.t("ui-yes")), ("false", self.t("ui-no"))] {
                    let checked = current.map(|b| b.to_string()) == Some(val.to_string());
                    add(&anchor, &[&self.choice("radio", &format!("{id}-{val}"), id, val, &label, checked)]);
                }
                // The first radio takes the question's id (for links from the error summary).
                if let Some(first) = anchor.query_selector("input").ok().flatten() {
                    let _ = first.set_attribute("id", id);
                    if let Some(l) = anchor.query_selector("label").ok().flatten() {
                        let _ = l.set_attribute("for", id);
                    }
                }
            }
            "consent" => {
                let checked = value.and_then(Json::as_bool).unwrap_or(false);
                add(&anchor, &[&self.choice("checkbox", id, id, "true", &self.t("ui-yes"), checked)]);
            }
            "choice" if v.options.len() <= 8 => {
                let current = value.and_then(Json::as_str);
                for (n, o) in v.options.iter().enumerate() {
                    let oid = if n == 0 { id.to_string() } else { format!("{id}-{n}") };
                    add(&anchor, &[&self.choice("radio", &oid, id, &o.value, &o.label, current == Some(&o.value))]);
                }
            }
            "multi_choice" => {
                let current: Vec<&str> = value
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(Json::as_str).collect())
                    .unwrap_or_default();
                for (n, o) in v.options.iter().enumerate() {
                    let oid = if n == 0 { id.to_string() } else { format!("{id}-{n}") };
                    add(
                        &anchor,
                        &[&self.choice("checkbox", &oid, id, &o.value, &o.label, current.contains(&o.value.as_str()))],
                    );
                }
            }
            "choice" | "code" if !v.options.is_empty() => {
                let select = d.el("select", "");
                attrs(&select, &[("id", id), ("name", id)]);
                if !described.is_empty() {
                    attrs(&select, &[("aria-describedby", &described)]);
                }
                let current = value.and_then(Json::as_str).unwrap_or("");
                let o = d.text("option", "", &self.t("ui-choose"));
                attrs(&o, &[("value", "")]);
                add(&select, &[&o]);
                for opt in &v.options {
                    let o = d.text("option", "", &opt.label);
                    attrs(&o, &[("value", &opt.value)]);
                    if opt.value == current {
                        attrs(&o, &[("selected", "")]);
                    }
                    add(&select, &[&o]);
                }
                add(&anchor, &[&select]);
            }
            "address" => {
                let obj = value.and_then(Json::as_object);
                for part in &v.parts {
                    let wrap = d.el("div", "tz-part");
                    let pid = format!("{id}-{}", part.key);
                    let label = d.el("label", "");
                    add(&label, &[&d.text("span", "", &part.label)]);
                    if part.optional {
                        add(&label, &[&d.text("span", "tz-optional", &format!(" {}", self.t("ui-optional")))]);
                    }
                    attrs(&label, &[("for", &pid)]);
                    let input = self.text_input(part, &pid, "", &text_of(obj.and_then(|o| o.get(&part.key))));
                    attrs(&input, &[("data-part", &part.key)]);
                    add(&wrap, &[&label, &input]);
                    add(&anchor, &[&wrap]);
                }
            }
            "group" => {
                let items = value.and_then(Json::as_array).cloned().unwrap_or_default();
                let count = items.len().max(v.min_items.unwrap_or(0) as usize).max(1);
                for n in 0..count {
                    let item = d.el("fieldset", "tz-item");
                    attrs(&item, &[("data-item", &n.to_string())]);
                    add(
                        &item,
                        &[&d.text(
                            "legend",
                            "tz-label",
                            &ui_text_with(self.lang, "ui-item", &[("n", (n + 1).to_string())]),
                        )],
                    );
                    let obj = items.get(n).and_then(Json::as_object);
                    for sub in &v.parts {
                        let sq = d.el("div", "tz-question tz-sub");
                        attrs(&sq, &[("data-sub", &sub.key), ("data-type", &sub.type_name)]);
                        let sid = format!("{id}-{n}-{}", id_of("", &sub.key).trim_start_matches('-'));
                        self.control(&sq, sub, &sid, obj.and_then(|o| o.get(&sub.key)), None);
                        add(&item, &[&sq]);
                    }
                    if count > v.min_items.unwrap_or(0) as usize && !items.is_empty() {
                        let b = d.el("button", "tz-remove");
                        attrs(
                            &b,
                            &[
                                ("type", "button"),
                                ("data-key", &v.key),
                                ("data-item", &n.to_string()),
                                ("part", "button"),
                            ],
                        );
                        add(
                            &b,
                            &[
                                &d.text("span", "", &self.t("ui-remove-item")),
                                &d.text(
                                    "span",
                                    "tz-vh",
                                    &format!(" {}", ui_text_with(self.lang, "ui-item", &[("n", (n + 1).to_string())])),
                                ),
                            ],
                        );
                        add(&item, &[&b]);
                    }
                    add(&anchor, &[&item]);
                }
                if v.max_items.is_none_or(|m| (count as u32) < m) {
                    let b = d.el("button", "tz-add tz-secondary");
                    attrs(&b, &[("type", "button"), ("data-key", &v.key), ("part", "button")]);
                    add(
                        &b,
                        &[
                            &d.text("span", "", &self.t("ui-add-item")),
                            &d.text("span", "tz-vh", &format!(" {}", v.label)),
                        ],
                    );
                    add(&anchor, &[&b]);
                }
            }
            "multiline" => {
                let area = d.el("textarea", "");
                attrs(&area, &[("id", id), ("name", id)]);
                if !described.is_empty() {
                    attrs(&area, &[("aria-describedby", &described)]);
                }
                if let Some(m) = v.max_length {
                    attrs(&area, &[("data-max", &m.to_string())]);
                }
                area.set_text_content(Some(&text_of(value)));
                add(&anchor, &[&area]);
            }
            "file" => {
                let input = d.el("input", "");
                attrs(&input, &[("type", "file"), ("id", id), ("name", id)]);
                if !described.is_empty() {
                    attrs(&input, &[("aria-describedby", &described)]);
                }
                add(&anchor, &[&input]);
                if let Some(name) = value.and_then(|v| v.get("name")).and_then(Json::as_str) {
                    add(&anchor, &[&d.text("p", "tz-hint", name)]);
                }
            }
            _ => {
                let input = self.text_input(v, id, &described, &text_of(value));
                add(&anchor, &[&input]);
            }
        }
    }

    fn text_input(&self, v: &QuestionView, id: &str, described: &str, value: &str) -> Element {
        let input = self.dom.el("input", "");
        attrs(&input, &[("type", "text"), ("id", id), ("name", id), ("spellcheck", "false")]);
        if !described.is_empty() {
            attrs(&input, &[("aria-describedby", described)]);
        }
        if let Some(a) = &v.autocomplete {
            attrs(&input, &[("autocomplete", a)]);
        }
        if let Some(m) = &v.input_mode {
            attrs(&input, &[("inputmode", m)]);
        }
        if v.sensitive {
            attrs(&input, &[("data-sensitive", "")]);
        }
        if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
            i.set_value(value);
            // Also as the attribute, so the value survives re-renders and shows in snapshots.
            let _ = i.set_attribute("value", value);
        }
        input
    }

    /// A checkbox the resident (or staff) ticks to agree: its class is also its id.
    fn confirm_box(&self, class: &str, text: &str, checked: bool) -> Element {
        let wrap = self.choice("checkbox", class, class, "true", &self.t(text), checked);
        if let Some(input) = wrap.query_selector("input").ok().flatten() {
            input.set_class_name(class);
        }
        wrap
    }

    fn choice(&self, kind: &str, id: &str, name: &str, value: &str, label: &str, checked: bool) -> Element {
        let d = &self.dom;
        let wrap = d.el("div", "tz-choice");
        let input = d.el("input", "");
        attrs(&input, &[("type", kind), ("id", id), ("name", name), ("value", value)]);
        if checked {
            attrs(&input, &[("checked", "")]);
        }
        let l = d.text("label", "", label);
        attrs(&l, &[("for", id)]);
        add(&wrap, &[&input, &l]);
        wrap
    }
}

fn restore_describedby(e: &Element) {
    if let Some(original) = e.get_attribute("data-describedby") {
        let _ = if original.is_empty() {
            e.remove_attribute("aria-describedby")
        } else {
            e.set_attribute("aria-describedby", &original)
        };
        let _ = e.remove_attribute("data-describedby");
    }
}

/// Reads a question's answer from its controls.
fn read_answer(q: &Element, v: &QuestionView) -> Json {
    let inputs = |selector: &str| -> Vec<Element> {
        let Ok(list) = q.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|n| list.item(n).and_then(|x| x.dyn_into::<Element>().ok())).collect()
    };
    let value_of = |e: &Element| -> String {
        if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
            i.value()
        } else if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
            t.value()
        } else if let Some(s) = e.dyn_ref::<HtmlSelectElement>() {
            s.value()
        } else {
            String::new()
        }
    };
    let checked = |e: &Element| e.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
    match v.type_name.as_str() {
        "boolean" => inputs(":scope > fieldset input, :scope > .tz-anchor input")
            .iter()
            .chain(inputs("input").iter())
            .find(|e| checked(e))
            .map_or(Json::Null, |e| Json::Bool(value_of(e) == "true")),
        "consent" => Json::Bool(inputs("input").iter().any(checked)),
        "choice" if v.options.len() <= 8 => {
            inputs("input").iter().find(|e| checked(e)).map_or(Json::Null, |e| Json::String(value_of(e)))
        }
        "multi_choice" => {
            Json::Array(inputs("input").iter().filter(|e| checked(e)).map(|e| Json::String(value_of(e))).collect())
        }
        "address" => {
            let mut obj = Map::new();
            for e in inputs("input[data-part]") {
                if let Some(part) = e.get_attribute("data-part") {
                    obj.insert(part, Json::String(value_of(&e)));
                }
            }
            Json::Object(obj)
        }
        "group" => {
            let items = inputs(".tz-item");
            Json::Array(
                items
                    .iter()
                    .map(|item| {
                        let mut obj = Map::new();
                        for sub in &v.parts {
                            if let Some(sq) =
                                item.query_selector(&format!(".tz-sub[data-sub=\"{}\"]", sub.key)).ok().flatten()
                            {
                                let val = read_answer(&sq, sub);
                                if !tetsuzuki::validate::is_empty(&val) {
                                    obj.insert(sub.key.clone(), val);
                                }
                            }
                        }
                        Json::Object(obj)
                    })
                    .collect(),
            )
        }
        "file" => {
            let file = inputs("input[type=file]")
                .first()
                .and_then(|e| e.dyn_ref::<HtmlInputElement>().and_then(HtmlInputElement::files))
                .and_then(|f| f.get(0));
            match file {
                Some(f) => json!({ "name": f.name(), "size_kb": (f.size() / 1024.0).ceil(), "media_type": f.type_() }),
                None => Json::Null,
            }
        }
        _ => inputs("input, textarea, select").first().map_or(Json::Null, |e| Json::String(value_of(e))),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A continuation code: the draft's text in base64url (safe to copy and paste).
fn encode_code(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads a continuation code; `None` when it is not one.
fn decode_code(code: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(code.len() * 3 / 4);
    let digits: Vec<u32> = code
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| B64.iter().position(|c| *c == b).map(|p| p as u32))
        .collect::<Option<_>>()?;
    for chunk in digits.chunks(4) {
        if chunk.len() < 2 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, d)| acc | (d << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[test]
    fn continuation_codes_round_trip() {
        for text in ["", "a", "ab", "abc", "{\"format\":\"tetsuzuki-draft/1\",\"answers\":{\"氏名\":\"山田\"}}"] {
            assert_eq!(decode_code(&encode_code(text)).as_deref(), Some(text));
        }
        assert_eq!(decode_code("not a code!"), None);
    }

    #[test]
    fn issues_find_their_question() {
        let keys = vec!["members".to_string(), "address.current".to_string(), "address".to_string()];
        assert_eq!(issue_key("members[1].name", &keys).map(String::as_str), Some("members"));
        assert_eq!(issue_key("address.current", &keys).map(String::as_str), Some("address.current"));
        assert_eq!(issue_key("membersx", &keys), None);
    }
}
