//! The widget: draws the core's resident journey (`tetsuzuki::journey`) into a shadow root.
//!
//! Every journey rule — which page comes next, what a warning needs, when issues show, what
//! the check page and the page after submit say — lives in core; this module only draws
//! [`JourneyView`]s, forwards the resident's actions, keeps the journey in the page's storage
//! and tells the host page through events. One listener per event type on the shadow root
//! serves every control (delegation). Events for the host are queued while the state is
//! borrowed and dispatched after, so a host listener may call back in.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Map, Value as Json, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

use tetsuzuki::date::Date;
use tetsuzuki::host::{self, QuestionView, ui_text, ui_text_with};
use tetsuzuki::journey::{
    Journey, JourneyError, JourneyOptions, JourneyStart, JourneyView, NextSteps, QuestionState, Screen, ShownIssue,
};
use tetsuzuki::model::{Lang, Severity};
use tetsuzuki::navigate::{Checklist, ChecklistItem};
use tetsuzuki::profile::Profile;

use crate::api::{Catalog, js_error, to_js};
use crate::dom::{Dom, add, attrs, focus, id_of};

const STYLE: &str = include_str!("style.css");
const PROFILE_KEY: &str = "tetsuzuki:profile";

struct State {
    dom: Dom,
    host: HtmlElement,
    root: Element,
    journey: Journey,
    /// Where this widget keeps its journey in the page's storage.
    key: String,
    storage: bool,
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

/// The browser's local date (the SDK never reads a clock of its own).
pub fn local_today() -> Date {
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

fn shadow(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet()?.into()))?;
    Ok(root)
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
        let root = shadow(&host)?;
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
        let dom = Dom { doc };
        let container = dom.el("div", "tz");
        attrs(&container, &[("part", "root")]);
        root.replace_children_with_node_1(&container);
        let navigator = opt_str(&options, "kind").as_deref() != Some("form");
        let storage_on = options.get("storage").and_then(Json::as_bool).unwrap_or(true);
        let counter = options.get("counter").and_then(Json::as_bool).unwrap_or(false);
        let event = opt_str(&options, "event");
        let procedures: Vec<String> = match options.get("procedures") {
            Some(Json::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            Some(Json::String(s)) => s.split_whitespace().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let core = &catalog.inner;
        let key = match navigator {
            true => format!("tetsuzuki:journey:{}", core.town.id),
            false => format!("tetsuzuki:journey:{}:{}", core.town.id, procedures.join("+")),
        };
        let journey_options = JourneyOptions {
            one_question_per_page: opt_str(&options, "mode").as_deref() == Some("one"),
            counter,
        };
        let stored = if storage_on { storage().and_then(|s| s.get_item(&key).ok().flatten()) } else { None };
        let restored = stored.and_then(|t| Journey::restore(core, &t, journey_options, today, lang).ok());
        let mut journey = match restored {
            Some(j) => j,
            None => {
                let start = match (navigator, event.clone()) {
                    (true, Some(e)) => JourneyStart::Event(e),
                    (true, None) => JourneyStart::Events,
                    (false, _) => JourneyStart::Procedures(procedures),
                };
                Journey::new(core, start, journey_options, today, lang).map_err(js_error)?
            }
        };
        if let Some(e) = event.filter(|e| journey.event() != Some(e.as_str()))
            && matches!(journey.stage(), "events" | "screening")
        {
            journey.choose_event(&e).map_err(js_error)?;
        }
        // At the counter the device is the town's, not the resident's: no profile is read or
        // kept there.
        if storage_on && !counter {
            let profile = storage()
                .and_then(|s| s.get_item(PROFILE_KEY).ok().flatten())
                .map(|t| Profile::recover(&t).0)
                .unwrap_or_default();
            journey.set_profile(profile);
        }
        let mut state =
            State { dom, host: host.clone(), root: container, journey, key, storage: storage_on, outbox: Vec::new() };
        state.render();
        state.save();
        state.emit("tetsuzuki-ready", json!({}));
        state.emit_step();
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

    /// Switches the language, keeping every answer: everything shown is said again in it.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, tag: &str) {
        if let (Some(lang), Ok(mut s)) = (Lang::from_tag(tag), self.state.try_borrow_mut())
            && s.journey.lang() != lang
        {
            s.journey.set_lang(lang);
            s.render();
        }
        self.flush();
    }

    /// Sets the reference the town's system gave a submitted procedure (shown on the page
    /// after submit, kept until dismissed).
    #[wasm_bindgen(js_name = setReference)]
    pub fn set_reference(&self, procedure: &str, reference: &str) -> Result<(), JsValue> {
        let mut s = self.state.try_borrow_mut().map_err(|_| JsValue::from_str("the widget is busy"))?;
        s.journey.set_reference(procedure, reference).map_err(js_error)?;
        s.save();
        s.render();
        Ok(())
    }

    /// The page is being hidden: the journey is saved, and an unsent form is reported as
    /// `tetsuzuki-abandon`.
    #[wasm_bindgen(js_name = pageHidden)]
    pub fn page_hidden(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.save();
            let unsent = s.journey.session().is_some_and(|x| !x.is_ended() && !x.answers().is_empty());
            if unsent {
                let step = s.journey.stage();
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
    let root = shadow(&host)?;
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

/// The DOM id of the control an issue's target names (`key`, `key/part`, `key[1].field`).
fn control_id(target: &str, key: &str) -> String {
    let base = id_of("q", key);
    let rest = target.get(key.len()..).unwrap_or_default();
    if let Some(part) = rest.strip_prefix('/') {
        return format!("{base}-{part}");
    }
    // `[1].name` → item 1, field name.
    if let Some(inner) = rest.strip_prefix('[')
        && let Some((n, field)) = inner.split_once("].")
    {
        return format!("{base}-{n}-{}", id_of("", field).trim_start_matches('-'));
    }
    base
}

impl State {
    fn t(&self, id: &str) -> String {
        ui_text(self.journey.lang(), id)
    }

    fn emit(&mut self, name: &str, detail: Json) {
        self.outbox.push((name.to_string(), detail));
    }

    fn emit_step(&mut self) {
        let step = self.journey.step_event();
        self.emit("tetsuzuki-step", step);
    }

    fn emit_issues(&mut self) {
        let issues: Vec<Json> = self
            .journey
            .shown_issues()
            .iter()
            .map(|i| json!({ "field": i.issue.field, "code": i.issue.code, "severity": i.issue.severity }))
            .collect();
        if !issues.is_empty() {
            self.emit("tetsuzuki-issue", json!({ "issues": issues }));
        }
    }

    /// Keeps the journey in the page's storage (nothing when storage is off).
    fn save(&self) {
        if let (true, Some(s)) = (self.storage, storage()) {
            let _ = s.set_item(&self.key, &self.journey.save());
        }
    }

    fn save_profile(&self) {
        if let (true, Some(s), Some(p)) = (self.storage, storage(), self.journey.profile()) {
            let _ = if p.consent().given { s.set_item(PROFILE_KEY, &p.to_json()) } else { s.remove_item(PROFILE_KEY) };
        }
    }

    /// After an action that may move: redraw, save, tell the host, and put the focus where
    /// a screen reader user expects it (the heading, or the summary of what to correct).
    fn moved(&mut self, before: &str, result: Result<(), JourneyError>) {
        self.render();
        self.save();
        match result {
            Ok(()) => {
                if self.journey.step_event().to_string() != before {
                    self.emit_step();
                }
                self.focus_first(&["h2.tz-title"]);
            }
            Err(_) => {
                self.emit_issues();
                self.focus_first(&[".tz-error-summary:not([hidden])", ".tz-warning-summary:not([hidden])", ".tz-notice"]);
            }
        }
    }

    fn focus_first(&self, selectors: &[&str]) {
        for s in selectors {
            if let Some(e) = self.root.query_selector(s).ok().flatten() {
                focus(&e);
                return;
            }
        }
    }

    fn act(&mut self, action: impl FnOnce(&mut Journey) -> Result<(), JourneyError>) {
        let before = self.journey.step_event().to_string();
        let result = action(&mut self.journey);
        self.moved(&before, result);
    }

    // ---------------------------------------------------------------- events

    fn handle(&mut self, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        match event.type_().as_str() {
            "submit" => {
                event.prevent_default();
                self.act(Journey::next);
            }
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
        event.prevent_default();
        if has("tz-event") {
            if let Some(e) = data("data-event") {
                self.act(|j| j.choose_event(&e));
            }
        } else if has("tz-start") {
            self.act(Journey::start_online);
        } else if has("tz-next") {
            self.act(Journey::next);
        } else if has("tz-continue-anyway") {
            self.act(Journey::acknowledge_warnings);
        } else if has("tz-back") {
            self.act(Journey::back);
        } else if has("tz-change") {
            if let Some(k) = data("data-key") {
                self.act(|j| j.change(&k));
                self.focus_question(&data("data-path").unwrap_or_default());
            }
        } else if has("tz-error-link") {
            let (Some(k), Some(t)) = (data("data-key"), data("data-target")) else { return };
            match self.root.query_selector(&format!("#{t}")).ok().flatten() {
                Some(e) => {
                    e.scroll_into_view();
                    focus(&e);
                }
                None => {
                    self.act(|j| j.go_to(&k));
                    self.focus_question(&k);
                }
            }
        } else if has("tz-fix") {
            if let (Some(k), Some(v)) = (data("data-key"), data("data-value")) {
                self.apply_fix(&k, data("data-part"), v);
            }
        } else if has("tz-add") || has("tz-remove") {
            let Some(k) = data("data-key") else { return };
            let mut items = self.journey.answer_of(&k).and_then(|v| v.as_array().cloned()).unwrap_or_default();
            match data("data-item").and_then(|i| i.parse::<usize>().ok()) {
                Some(i) if has("tz-remove") && i < items.len() => {
                    items.remove(i);
                }
                _ if has("tz-add") => items.push(Json::Object(Map::new())),
                _ => {}
            }
            let _ = self.journey.answer(&k, Json::Array(items));
            self.save();
            self.render_keep_focus(&format!("[data-key=\"{k}\"] .tz-add"));
        } else if has("tz-submit") {
            let before = self.journey.step_event().to_string();
            let result = self.journey.submit(&now_iso());
            if let Ok(submissions) = &result {
                let assisted = self.journey.session().is_some_and(|s| s.is_assisted());
                let references: Map<String, Json> = self
                    .journey
                    .receipts()
                    .iter()
                    .map(|r| (r.procedure.clone(), Json::String(r.reference.clone())))
                    .collect();
                let detail = json!({ "submissions": submissions, "assisted": assisted, "references": references });
                self.emit("tetsuzuki-submit", detail);
                self.save_profile();
            }
            self.moved(&before, result.map(|_| ()));
        } else if has("tz-dismiss") {
            self.act(Journey::dismiss);
        } else if has("tz-continue-export") {
            if let (Some(code), Some(area)) =
                (self.journey.continuation_code(), self.root.query_selector(".tz-continue-code").ok().flatten())
                && let Some(t) = area.dyn_ref::<HtmlTextAreaElement>()
            {
                t.set_value(&code);
                t.select();
            }
        } else if has("tz-continue-import") {
            let text = self.value_of(".tz-continue-code");
            self.act(|j| j.import_code(&text));
        } else if has("tz-profile-delete") {
            self.journey.forget_profile();
            self.save_profile();
            self.render_keep_focus(".tz-profile summary");
        } else if has("tz-feedback-send") {
            let rating = self
                .root
                .query_selector("input[name=rating]:checked")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .and_then(|i| i.value().parse::<u8>().ok());
            let comment = self.value_of(".tz-feedback-comment");
            match self.journey.feedback(rating, &comment) {
                Ok(detail) => {
                    self.emit("tetsuzuki-feedback", detail);
                    self.save();
                    self.render_keep_focus(".tz-feedback-thanks");
                }
                Err(_) => self.render_keep_focus(".tz-error-summary:not([hidden])"),
            }
        }
    }

    fn value_of(&self, selector: &str) -> String {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|t| t.value())
            .unwrap_or_default()
    }

    fn focus_question(&self, key: &str) {
        let id = id_of("q", key);
        let selector =
            format!("#{id}, [data-key=\"{key}\"] input, [data-key=\"{key}\"] select, [data-key=\"{key}\"] textarea");
        if let Some(e) = self.root.query_selector(&selector).ok().flatten() {
            focus(&e);
        }
    }

    fn apply_fix(&mut self, key: &str, part: Option<String>, value: String) {
        let new = match part {
            Some(p) => {
                let mut obj = self.journey.answer_of(key).and_then(|v| v.as_object().cloned()).unwrap_or_default();
                obj.insert(p, Json::String(value));
                Json::Object(obj)
            }
            None => Json::String(value),
        };
        let _ = self.journey.answer(key, new);
        self.journey.finish_answer(key);
        self.save();
        self.render_keep_focus(&format!("#{}", id_of("q", key)));
    }

    fn on_input(&mut self, target: &Element, committed: bool) {
        if target.class_name().contains("tz-lang") {
            if committed
                && let Some(lang) = target.dyn_ref::<HtmlSelectElement>().and_then(|s| Lang::from_tag(&s.value()))
            {
                self.journey.set_lang(lang);
                let _ = self.host.set_attribute("lang", lang.tag());
                self.render_keep_focus(".tz-lang");
            }
            return;
        }
        let checked = || target.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
        if target.class_name().contains("tz-profile-consent") {
            self.journey.set_keep_profile(checked());
            return;
        }
        if target.class_name().contains("tz-profile-sensitive") {
            self.journey.set_keep_sensitive(checked());
            return;
        }
        if target.class_name().contains("tz-counter-confirm") {
            let _ = self.journey.confirm(checked());
            self.render_issues();
            return;
        }
        let Some(container) = target.closest(".tz-question[data-key]").ok().flatten() else { return };
        let Some(key) = container.get_attribute("data-key") else { return };
        let Some(view) = self.journey.question(&key) else { return };
        // Text is read on every keystroke; choices, files and groups when they change.
        let value = read_answer(&container, &view);
        let Ok(mut answered) = self.journey.answer(&key, value) else { return };
        if committed {
            let finished = self.journey.finish_answer(&key);
            answered.issues_changed |= finished.issues_changed;
            self.save();
        }
        if self.journey.stage() == "screening" {
            self.update_screening();
            if answered.issues_changed {
                self.render_issues();
            }
            return;
        }
        if answered.shown_changed {
            self.update_visibility();
        }
        if answered.issues_changed {
            self.render_issues();
        }
    }

    // ---------------------------------------------------------------- rendering

    fn render_keep_focus(&mut self, selector: &str) {
        self.render();
        self.focus_first(&[selector]);
    }

    fn render(&mut self) {
        let view = self.journey.view();
        let d = self.dom.clone();
        let _ = self.root.set_attribute("lang", &view.lang);
        let frag = d.el("div", "tz-body");
        add(&frag, &[&self.bar()]);
        if !view.notices.is_empty() {
            let n = d.el("div", "tz-notice");
            attrs(&n, &[("role", "status"), ("tabindex", "-1")]);
            for line in &view.notices {
                add(&n, &[&d.text("p", "", line)]);
            }
            add(&frag, &[&n]);
        }
        for (class, part) in [("tz-error-summary", "error-summary"), ("tz-warning-summary", "warning-summary")] {
            let summary = d.el("div", class);
            attrs(&summary, &[("role", "alert"), ("tabindex", "-1"), ("part", part), ("hidden", "")]);
            add(&frag, &[&summary]);
        }
        match &view.screen {
            Screen::Events { title, events } => self.render_events(&frag, title, events),
            Screen::Screening { title, lead, questions, checklist, back, .. } => {
                self.render_screening(&frag, title, lead, questions, checklist.as_ref(), *back)
            }
            Screen::Page { title, progress, questions, back, .. } => {
                add(&frag, &[&d.text("p", "tz-progress", &progress.text)]);
                self.render_page(&frag, title, questions, *back)
            }
            Screen::Check { .. } => self.render_check(&frag, &view),
            Screen::Done { next } => self.render_done(&frag, next),
        }
        self.root.replace_children_with_node_1(&frag);
        self.render_issues_of(&view);
    }

    fn bar(&self) -> Element {
        let d = &self.dom;
        let bar = d.el("div", "tz-bar");
        if self.journey.session().is_some_and(|s| s.is_assisted()) {
            add(&bar, &[&d.text("span", "tz-counter", &self.t("ui-counter-mode"))]);
        } else {
            add(&bar, &[&d.el("span", "")]);
        }
        let label = d.el("label", "");
        add(&label, &[&d.text("span", "", &self.t("ui-language"))]);
        let select = d.el("select", "tz-lang");
        attrs(&select, &[("part", "lang")]);
        for lang in Lang::ALL {
            let o = d.text("option", "", lang.name());
            attrs(&o, &[("value", lang.tag()), ("lang", lang.tag())]);
            if lang == self.journey.lang() {
                attrs(&o, &[("selected", "")]);
            }
            add(&select, &[&o]);
        }
        add(&label, &[&select]);
        add(&bar, &[&label]);
        bar
    }

    fn heading(&self, parent: &Element, text: &str) {
        let h = self.dom.text("h2", "tz-title", text);
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(parent, &[&h]);
    }

    fn button(&self, class: &str, text: &str, kind: &str) -> Element {
        let b = self.dom.text("button", class, text);
        attrs(&b, &[("type", kind), ("part", "button")]);
        b
    }

    fn render_events(&self, parent: &Element, title: &str, events: &[host::LifeEventInfo]) {
        let d = &self.dom;
        self.heading(parent, title);
        let list = d.el("ul", "tz-events");
        for e in events {
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
        add(parent, &[&list]);
    }

    fn questions_into(&self, form: &Element, questions: &[QuestionState]) {
        for q in questions {
            let el = self.question(&q.question, q.value.as_ref(), q.source_text.as_deref());
            if !q.shown {
                attrs(&el, &[("hidden", "")]);
            }
            add(form, &[&el]);
        }
    }

    fn render_screening(
        &self,
        parent: &Element,
        title: &str,
        lead: &str,
        questions: &[QuestionState],
        checklist: Option<&Checklist>,
        back: bool,
    ) {
        let d = &self.dom;
        self.heading(parent, title);
        let form = d.el("form", "tz-form");
        attrs(&form, &[("novalidate", "")]);
        add(&form, &[&d.text("p", "tz-lead", lead)]);
        self.questions_into(&form, questions);
        add(parent, &[&form]);
        let area = d.el("section", "tz-checklist-area");
        attrs(&area, &[("aria-live", "polite")]);
        if let Some(c) = checklist {
            self.render_checklist(&area, c);
        }
        add(parent, &[&area]);
        if back {
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&self.button("tz-back", &self.t("ui-back"), "button")]);
            add(parent, &[&buttons]);
        }
    }

    /// After a screening answer: which questions are asked, and the checklist.
    fn update_screening(&mut self) {
        let view = self.journey.view();
        let Screen::Screening { questions, checklist, .. } = &view.screen else { return };
        for q in questions {
            let selector = format!(".tz-question[data-key=\"{}\"]", q.question.key);
            if let Some(el) = self.root.query_selector(&selector).ok().flatten() {
                let _ = if q.shown { el.remove_attribute("hidden") } else { el.set_attribute("hidden", "") };
            }
        }
        if let (Some(area), Some(c)) = (self.root.query_selector(".tz-checklist-area").ok().flatten(), checklist) {
            area.set_text_content(None);
            self.render_checklist(&area, c);
        }
    }

    fn render_checklist(&self, area: &Element, c: &Checklist) {
        let d = &self.dom;
        add(area, &[&d.text("h3", "", &self.t("ui-checklist"))]);
        if !c.issues.is_empty() && c.procedures.is_empty() {
            add(area, &[&d.text("p", "", &self.t("jr-screening-fix-first"))]);
        } else if c.procedures.is_empty() {
            add(area, &[&d.text("p", "", &self.t("ui-checklist-empty"))]);
        }
        let list = d.el("ol", "tz-checklist");
        for item in &c.procedures {
            add(&list, &[&self.checklist_item(item)]);
        }
        add(area, &[&list]);
        self.town_actions(area, &c.town_actions);
        if c.procedures.iter().any(|i| i.online_now) {
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&self.button("tz-start", &self.t("ui-start-online"), "button")]);
            add(area, &[&buttons]);
        }
    }

    fn town_actions(&self, area: &Element, actions: &[ChecklistItem]) {
        if actions.is_empty() {
            return;
        }
        let d = &self.dom;
        add(area, &[&d.text("h3", "", &self.t("ui-town-actions"))]);
        let ul = d.el("ul", "tz-town-actions");
        for item in actions {
            let li = d.el("li", "");
            attrs(&li, &[("data-procedure", &item.procedure)]);
            add(&li, &[&d.text("strong", "", &item.title), &d.text("span", "", &format!(" — {}", item.reason))]);
            add(&ul, &[&li]);
        }
        add(area, &[&ul]);
    }

    fn checklist_item(&self, item: &ChecklistItem) -> Element {
        let d = &self.dom;
        let lang = self.journey.lang();
        let li = d.el("li", if item.overdue { "tz-overdue" } else { "" });
        attrs(&li, &[("data-procedure", &item.procedure)]);
        add(&li, &[&d.text("h3", "", &item.title)]);
        let tag = if item.online_now {
            d.text("span", "tz-tag tz-online", &self.t("ui-online-now"))
        } else {
            d.text("span", "tz-tag tz-counteronly", &self.t("ui-at-counter"))
        };
        add(&li, &[&tag, &d.text("p", "", &item.reason)]);
        if let Some(late) = &item.late {
            let p = d.text("p", "tz-late", late);
            add(&li, &[&p]);
        }
        let meta = d.el("dl", "tz-meta");
        let row = |label: &str, value: &str| {
            add(&meta, &[&d.text("dt", "", label), &d.text("dd", "", value)]);
        };
        let due = match &item.due {
            Some(due) => tetsuzuki::journey::check::format::date_text(due.date, lang),
            None => host::deadline_text(self.journey.catalog(), &item.procedure, lang)
                .unwrap_or_else(|| self.t("ui-no-due")),
        };
        row(&self.t("ui-due"), &due);
        if !item.documents.is_empty() {
            row(&self.t("ui-documents"), &item.documents.join(if lang == Lang::En { ", " } else { "、" }));
        }
        if let Some(fee) = item.fee {
            row(&self.t("ui-fee"), &ui_text_with(lang, "ui-fee-amount", &[("amount", fee.to_string())]));
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

    fn render_page(&self, parent: &Element, title: &str, questions: &[QuestionState], back: bool) {
        let d = &self.dom;
        self.heading(parent, title);
        let form = d.el("form", "tz-form");
        attrs(&form, &[("novalidate", "")]);
        self.questions_into(&form, questions);
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-next", &self.t("ui-next"), "submit")]);
        if back {
            add(&buttons, &[&self.button("tz-back", &self.t("ui-back"), "button")]);
        }
        add(&form, &[&buttons]);
        add(parent, &[&form]);
        self.render_continue(parent);
    }

    /// Shows or hides the questions of the page after an answer a condition names.
    fn update_visibility(&self) {
        let Ok(list) = self.root.query_selector_all(".tz-form > .tz-question[data-key]") else { return };
        for n in 0..list.length() {
            let Some(q) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) else { continue };
            let key = q.get_attribute("data-key").unwrap_or_default();
            let hidden = q.has_attribute("hidden");
            let show = self.journey.is_shown(&key);
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
        let export = self.button("tz-continue-export tz-secondary", &self.t("ui-continue-export"), "button");
        let import = self.button("tz-continue-import tz-secondary", &self.t("ui-continue-import"), "button");
        add(&buttons, &[&export, &import]);
        add(&details, &[&label, &area, &buttons]);
        add(parent, &[&details]);
    }

    fn render_check(&self, parent: &Element, view: &JourneyView) {
        let d = &self.dom;
        let Screen::Check { title, lead, check, counter_confirm, keep_profile, consent, keep_sensitive } = &view.screen
        else {
            return;
        };
        self.heading(parent, title);
        add(parent, &[&d.text("p", "", lead)]);
        for section in &check.sections {
            let s = d.el("section", "tz-check-section");
            attrs(&s, &[("data-procedure", &section.procedure)]);
            add(&s, &[&d.text("h3", "", &section.title)]);
            let dl = d.el("dl", "tz-summary");
            for row in &section.rows {
                let r = d.el("div", "tz-summary-row");
                attrs(&r, &[("data-key", &row.key), ("data-path", &row.path)]);
                let dd = d.el("dd", if row.missing { "tz-missing" } else { "" });
                add(&dd, &[&d.text("span", "", &row.text)]);
                let change_dd = d.el("dd", "");
                let b = d.el("button", "tz-change");
                attrs(&b, &[("type", "button"), ("data-key", &row.key), ("data-path", &row.path), ("data-page", &row.page)]);
                attrs(&b, &[("part", "button")]);
                add(&b, &[&d.text("span", "", &self.t("ui-change")), &d.text("span", "tz-vh", &format!(" {}", row.change))]);
                add(&change_dd, &[&b]);
                add(&r, &[&d.text("dt", "", &row.label), &dd, &change_dd]);
                add(&dl, &[&r]);
            }
            add(&s, &[&dl]);
            add(parent, &[&s]);
        }
        if let (Some(keep), Some(consent)) = (keep_profile, consent) {
            add(parent, &[&self.confirm_box("tz-profile-consent", &consent.text, *keep)]);
            if !consent.sensitive.is_empty() {
                let sensitive = self.confirm_box("tz-profile-sensitive", &consent.sensitive_text, *keep_sensitive);
                add(parent, &[&sensitive]);
            }
        }
        if let Some(confirmed) = counter_confirm {
            add(parent, &[&self.confirm_box("tz-counter-confirm", &self.t("ui-counter-confirm"), *confirmed)]);
        }
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-submit", &check.submit_label, "button")]);
        add(&buttons, &[&self.button("tz-back", &self.t("ui-back"), "button")]);
        add(parent, &[&buttons]);
        self.render_profile(parent);
    }

    fn render_profile(&self, parent: &Element) {
        let Some(profile) = self.journey.profile() else { return };
        let d = &self.dom;
        let lang = self.journey.lang();
        let details = d.el("details", "tz-profile");
        add(&details, &[&d.text("summary", "", &self.t("ui-profile"))]);
        let facts = host::facts(profile, self.journey.today());
        if facts.is_empty() {
            add(&details, &[&d.text("p", "", &self.t("ui-profile-empty"))]);
        } else {
            let dl = d.el("dl", "tz-meta");
            for f in facts {
                let label = self
                    .journey
                    .catalog()
                    .concepts
                    .iter()
                    .find(|c| c.id == f.concept)
                    .map_or(f.concept.clone(), |c| c.label.get(lang).to_string());
                let value = host::answer_text(&f.value, &[], f.sensitive, lang);
                add(&dl, &[&d.text("dt", "", &label), &d.text("dd", "", &value)]);
            }
            add(&details, &[&dl]);
            add(&details, &[&self.button("tz-profile-delete tz-secondary", &self.t("ui-profile-delete"), "button")]);
        }
        add(parent, &[&details]);
    }

    fn render_done(&self, parent: &Element, next: &NextSteps) {
        let d = &self.dom;
        let done = d.el("div", "tz-done");
        attrs(&done, &[("part", "panel")]);
        self.heading(&done, &next.title);
        add(&done, &[&d.text("p", "", &next.lead)]);
        let ul = d.el("ul", "tz-submitted");
        for s in &next.submitted {
            let li = d.el("li", "");
            attrs(&li, &[("data-procedure", &s.procedure)]);
            add(&li, &[&d.text("strong", "", &s.title)]);
            let reference = d.el("p", "tz-reference");
            add(&reference, &[&d.text("span", "", &format!("{}: ", self.t("jr-reference"))), &d.text("strong", "", &s.reference)]);
            add(&li, &[&reference]);
            if let Some(after) = &s.after {
                add(&li, &[&d.text("p", "tz-after", &after.text)]);
            }
            add(&ul, &[&li]);
        }
        add(&done, &[&ul, &d.text("p", "tz-hint", &self.t("jr-reference-lead"))]);
        add(parent, &[&done]);
        let todo = d.el("section", "tz-still-to-do");
        add(&todo, &[&d.text("h3", "", &self.t("jr-still-to-do"))]);
        if next.still_to_do.is_empty() {
            add(&todo, &[&d.text("p", "", &self.t("jr-nothing-left"))]);
        } else {
            add(&todo, &[&d.text("p", "", &self.t("jr-still-to-do-lead"))]);
            let list = d.el("ol", "tz-checklist");
            for item in &next.still_to_do {
                add(&list, &[&self.checklist_item(item)]);
            }
            add(&todo, &[&list]);
        }
        self.town_actions(&todo, &next.town_actions);
        add(parent, &[&todo]);
        self.render_feedback(parent, next.feedback_sent);
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-dismiss tz-secondary", &self.t("jr-dismiss"), "button")]);
        add(parent, &[&buttons]);
    }

    fn render_feedback(&self, parent: &Element, sent: bool) {
        let d = &self.dom;
        let fs = d.el("fieldset", "tz-feedback tz-question");
        attrs(&fs, &[("data-key", "feedback")]);
        add(&fs, &[&d.text("legend", "", &self.t("ui-feedback"))]);
        if sent {
            let p = d.text("p", "tz-feedback-thanks", &self.t("ui-feedback-thanks"));
            attrs(&p, &[("tabindex", "-1"), ("role", "status")]);
            add(&fs, &[&p]);
        } else {
            let rating = d.el("fieldset", "tz-rating-group");
            add(&rating, &[&d.text("legend", "tz-label", &self.t("ui-feedback-rating"))]);
            let anchor = d.el("div", "tz-anchor");
            let row = d.el("div", "tz-rating");
            for n in 1..=5 {
                let c = self.choice("radio", &format!("tz-rating-{n}"), "rating", &n.to_string(), &n.to_string(), false);
                add(&row, &[&c]);
            }
            add(&anchor, &[&row]);
            add(&rating, &[&anchor]);
            let label = d.text("label", "tz-label", &self.t("ui-feedback-comment"));
            attrs(&label, &[("for", "feedback")]);
            let area = d.el("textarea", "tz-feedback-comment");
            attrs(&area, &[("id", "feedback"), ("autocomplete", "off")]);
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&self.button("tz-feedback-send", &self.t("ui-feedback-send"), "button")]);
            add(&fs, &[&rating, &label, &area, &buttons]);
        }
        add(parent, &[&fs]);
    }

    /// Shows the issues of the journey now: the summaries at the top and each inline.
    fn render_issues(&mut self) {
        let view = self.journey.view();
        self.render_issues_of(&view);
    }

    fn render_issues_of(&self, view: &JourneyView) {
        for (list, class, heading) in [
            (&view.errors, ".tz-error-summary", "ui-error-summary"),
            (&view.warnings, ".tz-warning-summary", "jr-warning-summary"),
        ] {
            let Some(summary) = self.root.query_selector(class).ok().flatten() else { continue };
            summary.set_text_content(None);
            if list.is_empty() {
                let _ = summary.set_attribute("hidden", "");
                continue;
            }
            let _ = summary.remove_attribute("hidden");
            add(&summary, &[&self.dom.text("h2", "", &self.t(heading))]);
            if heading == "jr-warning-summary" {
                add(&summary, &[&self.dom.text("p", "", &self.t("jr-warning-lead"))]);
            }
            let ul = self.dom.el("ul", "");
            for issue in list.iter() {
                let li = self.dom.el("li", "");
                let target = control_id(&issue.target, &issue.key);
                let a = self.dom.text("a", "tz-error-link", &issue.issue.message);
                attrs(&a, &[("href", &format!("#{target}")), ("data-key", &issue.key), ("data-target", &target)]);
                add(&li, &[&a]);
                add(&ul, &[&li]);
            }
            add(&summary, &[&ul]);
            if heading == "jr-warning-summary" && view.errors.is_empty() {
                let buttons = self.dom.el("div", "tz-buttons");
                add(&buttons, &[&self.button("tz-continue-anyway", &self.t("jr-continue-anyway"), "button")]);
                add(&summary, &[&buttons]);
            }
        }
        self.render_inline(view.errors.iter().chain(&view.warnings));
    }

    /// Each issue above its question's input, the input marked and described by it.
    fn render_inline<'i>(&self, issues: impl Iterator<Item = &'i ShownIssue>) {
        let d = &self.dom;
        for selector in [".tz-issue", "[aria-invalid]", ".tz-question--error, .tz-question--warning"] {
            let Ok(list) = self.root.query_selector_all(selector) else { continue };
            for n in 0..list.length() {
                let Some(e) = list.item(n).and_then(|x| x.dyn_into::<Element>().ok()) else { continue };
                match selector {
                    ".tz-issue" => e.remove(),
                    "[aria-invalid]" => {
                        let _ = e.remove_attribute("aria-invalid");
                        restore_describedby(&e);
                    }
                    _ => {
                        let _ = e.class_list().remove_2("tz-question--error", "tz-question--warning");
                    }
                }
            }
        }
        for (n, shown) in issues.enumerate() {
            let issue = &shown.issue;
            let Some(q) = self.root.query_selector(&format!(".tz-question[data-key=\"{}\"]", shown.key)).ok().flatten()
            else {
                continue;
            };
            let mut target = control_id(&shown.target, &shown.key);
            if q.query_selector(&format!("#{target}")).ok().flatten().is_none()
                && let Some(first) = q.query_selector("input, select, textarea").ok().flatten()
            {
                target = first.id();
            }
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
                attrs(&b, &[("type", "button"), ("data-key", &shown.key), ("data-value", &fix.value), ("part", "button")]);
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
    }

    // ---------------------------------------------------------------- questions

    fn question(&self, v: &QuestionView, value: Option<&Json>, source: Option<&str>) -> Element {
        let d = &self.dom;
        let q = d.el("div", "tz-question");
        attrs(&q, &[("data-key", &v.key), ("data-type", &v.type_name)]);
        let id = id_of("q", &v.key);
        self.control(&q, v, &id, value, source);
        q
    }

    /// Label, hint, source note and the input(s) of a question, into `q`.
    fn control(&self, q: &Element, v: &QuestionView, id: &str, value: Option<&Json>, source: Option<&str>) {
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
        if let Some(text) = source {
            add(&holder, &[&d.text("p", "tz-source", text)]);
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
                            &ui_text_with(self.journey.lang(), "ui-item", &[("n", (n + 1).to_string())]),
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
                                    &format!(" {}", ui_text_with(self.journey.lang(), "ui-item", &[("n", (n + 1).to_string())])),
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

