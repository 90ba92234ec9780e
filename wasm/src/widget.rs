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

use tetsuzuki::host::{self, ui_text, ui_text_with};
use tetsuzuki::journey::{
    Journey, JourneyError, JourneyOptions, JourneyStart, JourneyView, NextSteps, QuestionState, Screen, ShownIssue,
    StepView,
};
use tetsuzuki::model::{Lang, Severity};
use tetsuzuki::navigate::{Checklist, ChecklistItem};
use tetsuzuki::profile::Profile;
use tetsuzuki::session::Submission;

use crate::api::{Catalog, js_error, local_today, now_iso, to_js};
use crate::controls::{Draw, read_answer, restore_describedby};

mod screens;
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
    /// The checklist drawn under the screening questions: redrawn only when it changes, so a
    /// click on Start that blurs a date box (its `change` event) still lands on the button.
    drawn_checklist: Option<Checklist>,
    /// A handoff could not be opened: its box stays open for the next scan.
    handoff_refused: bool,
    /// `tetsuzuki-prepared` was sent for the handoff made (once, though the steps go on).
    prepared_told: bool,
    /// A host step was asked: its request's id and time limit, for the shell's timer.
    timer: Option<(String, u32)>,
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
        let lang = opt_str(&options, "lang").map_or(Lang::Ja, |t| page_lang(&t));
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
            ..Default::default()
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
        let told = journey.stage() == "done";
        let mut state = State {
            dom,
            host: host.clone(),
            root: container,
            journey,
            key,
            storage: storage_on,
            outbox: Vec::new(),
            drawn_checklist: None,
            handoff_refused: false,
            prepared_told: told,
            timer: None,
        };
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
                let (events, timer) = match state.try_borrow_mut() {
                    Ok(mut s) => {
                        s.handle(&event);
                        (std::mem::take(&mut s.outbox), s.timer.take())
                    }
                    Err(_) => (Vec::new(), None),
                };
                dispatch(&host, events);
                if let Some((id, seconds)) = timer {
                    time_out(state.clone(), host.clone(), id, seconds);
                }
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
        if let (lang, Ok(mut s)) = (page_lang(tag), self.state.try_borrow_mut())
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

    /// The host fulfilled the step request `id` (from `tetsuzuki-request`) with its
    /// `reference`: the journey goes on; when this sent the submissions, `tetsuzuki-submit`.
    #[wasm_bindgen(js_name = fulfilStep)]
    pub fn fulfil_step(&self, id: &str, reference: &str) -> Result<(), JsValue> {
        self.answer_step(|s| {
            let submissions = s.journey.fulfil_step(id, reference)?;
            s.sent(&submissions);
            Ok(())
        })
    }

    /// The host could not fulfil the step request `id`: `reason` is `cancelled`,
    /// `declined`, `card-unreadable`, `unavailable`, `timeout` or `interrupted`; the resident
    /// is told what happened and what to do.
    #[wasm_bindgen(js_name = failStep)]
    pub fn fail_step(&self, id: &str, reason: &str) -> Result<(), JsValue> {
        self.answer_step(|s| s.journey.fail_step(id, reason))
    }

    /// The booking system's times for the step request `id`: `[{id, start, minutes, place}]`.
    #[wasm_bindgen(js_name = offerSlots)]
    pub fn offer_slots(&self, id: &str, slots: JsValue) -> Result<(), JsValue> {
        let slots: Json = crate::api::from_js(&slots)?;
        let slots = tetsuzuki::journey::read_slots(&slots).map_err(js_error)?;
        self.answer_step(|s| s.journey.offer_slots(id, slots))
    }

    /// A host's answer to a step: refused answers (a request given up on) change nothing and
    /// are thrown back with their code.
    fn answer_step(&self, answer: impl FnOnce(&mut State) -> Result<(), JourneyError>) -> Result<(), JsValue> {
        {
            let mut s = self.state.try_borrow_mut().map_err(|_| JsValue::from_str("the widget is busy"))?;
            let before = s.journey.step_event();
            let result = answer(&mut s);
            // A refused answer changes nothing: nothing to draw.
            if let Err(e) = result {
                return Err(js_error(e));
            }
            s.moved(&before, Ok(()));
        }
        self.flush();
        Ok(())
    }

    /// The page is being hidden: the journey is saved, and an unsent form is reported as
    /// `tetsuzuki-abandon`.
    #[wasm_bindgen(js_name = pageHidden)]
    pub fn page_hidden(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.save();
            if s.journey.has_unsent_answers() {
                let step = s.journey.stage();
                s.emit("tetsuzuki-abandon", json!({ "step": step }));
            }
        }
        self.flush();
    }

    /// Saves the journey and removes the listeners (the element was removed from the page, or
    /// is mounted again for a changed attribute).
    pub fn unmount(&mut self) {
        if let Ok(s) = self.state.try_borrow() {
            s.save();
        }
        for (kind, handler) in self.listeners.drain(..) {
            let _ = self.root.remove_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
    }
}

/// After a step request's time limit, fails it with `timeout` if it is still awaited (an
/// answer since, or the resident giving up, makes this do nothing).
fn time_out(state: Rc<RefCell<State>>, host: HtmlElement, id: String, seconds: u32) {
    let Some(window) = web_sys::window() else { return };
    let fire = Closure::once_into_js(move || {
        let events = match state.try_borrow_mut() {
            Ok(mut s) => {
                let before = s.journey.step_event();
                if s.journey.fail_step(&id, "timeout").is_ok() {
                    s.moved(&before, Ok(()));
                }
                std::mem::take(&mut s.outbox)
            }
            Err(_) => Vec::new(),
        };
        dispatch(&host, events);
    });
    let ms = i32::try_from(u64::from(seconds) * 1000).unwrap_or(i32::MAX);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), ms);
}

/// The language for a page's tag (BCP 47 with fallback, `en-US` → `en`); a language the SDK
/// does not offer shows Japanese and says so in the console, in core's words.
fn page_lang(tag: &str) -> Lang {
    let (lang, warning) = host::negotiate_lang(tag);
    if let Some(warning) = warning {
        web_sys::console::warn_1(&warning.into());
    }
    lang
}

/// Shows that the catalogue could not be loaded, in `lang` (the shell calls it; the code goes
/// to the host in a `tetsuzuki-error` event).
#[wasm_bindgen(js_name = renderLoadFailure)]
pub fn render_load_failure(host: HtmlElement, lang: &str) -> Result<(), JsValue> {
    let lang = page_lang(lang);
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

    fn draw(&self) -> Draw<'_> {
        Draw { dom: &self.dom, lang: self.journey.lang() }
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
    fn moved(&mut self, before: &Json, result: Result<(), JourneyError>) {
        self.render();
        self.save();
        self.tell_prepared();
        match result {
            Ok(()) => {
                if self.journey.step_event() != *before {
                    self.emit_step();
                }
                self.focus_first(&["h2.tz-title"]);
            }
            Err(_) => {
                self.emit_issues();
                self.focus_first(&[
                    ".tz-error-summary:not([hidden])",
                    ".tz-warning-summary:not([hidden])",
                    ".tz-notice",
                ]);
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

    /// What submit or a host step sent: the submissions for the host (personal data), the
    /// procedures prepared for the counter (never the answers), the profile kept.
    fn sent(&mut self, submissions: &[Submission]) {
        let assisted = self.journey.session().is_some_and(|s| s.is_assisted());
        let references: Map<String, Json> =
            self.journey.receipts().iter().map(|r| (r.procedure.clone(), Json::String(r.reference.clone()))).collect();
        if !submissions.is_empty() {
            let detail = json!({ "submissions": submissions, "assisted": assisted, "references": references });
            self.emit("tetsuzuki-submit", detail);
        }
        self.save_profile();
    }

    /// On reaching what happens next with a handoff: which procedures were prepared for the
    /// counter, and its check code — never the answers. Once per handoff.
    fn tell_prepared(&mut self) {
        if self.journey.stage() != "done" {
            self.prepared_told = false;
            return;
        }
        if self.prepared_told {
            return;
        }
        let view = self.journey.view();
        if let Screen::Done { next } = &view.screen
            && let Some(h) = &next.prepared
        {
            self.prepared_told = true;
            let procedures: Vec<&str> = h.procedures.iter().map(|p| p.procedure.as_str()).collect();
            self.emit("tetsuzuki-prepared", json!({ "procedures": procedures, "short_code": h.short_code }));
        }
    }

    fn act(&mut self, action: impl FnOnce(&mut Journey) -> Result<(), JourneyError>) {
        let before = self.journey.step_event();
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
                let path = data("data-path").unwrap_or_else(|| k.clone());
                self.act(|j| j.change(&k));
                // The answer to change (a group item's own field), else its question.
                match self.root.query_selector(&format!("#{}", control_id(&path, &k))).ok().flatten() {
                    Some(e) => focus(&e),
                    None => self.focus_question(&k),
                }
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
            let before = self.journey.step_event();
            let result = self.journey.submit(&now_iso());
            if let Ok(submissions) = &result {
                self.sent(submissions);
            }
            self.moved(&before, result.map(|_| ()));
        } else if has("tz-step-begin") {
            let before = self.journey.step_event();
            let result = self.journey.begin_step();
            if let Ok(request) = &result {
                // Exactly what the host needs (a digest, an amount, days): never an answer.
                self.emit("tetsuzuki-request", serde_json::to_value(request).unwrap_or_default());
                self.timer = Some((request.id.clone(), request.timeout_seconds));
            }
            self.moved(&before, result.map(|_| ()));
        } else if has("tz-step-skip") {
            self.act(Journey::skip_step);
        } else if has("tz-step-leave") {
            self.act(Journey::leave_steps);
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
        } else if has("tz-handoff-open") {
            let text = self.value_of(".tz-handoff-code");
            let before = self.journey.step_event();
            let result = self.journey.open_handoff(&text);
            self.handoff_refused = result.is_err();
            self.moved(&before, result);
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
        if target.class_name().contains("tz-slot") {
            // A time to book: chosen, then confirmed with the step's button (now shown).
            if committed
                && checked()
                && let Some(slot) = target.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value)
                && self.journey.choose_slot(&slot).is_ok()
            {
                self.save();
                self.render_keep_focus(&format!("input.tz-slot[value=\"{}\"]", slot.replace(['"', '\\'], "")));
            }
            return;
        }
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
                self.drawn_checklist = checklist.clone();
                self.render_screening(&frag, title, lead, questions, checklist.as_ref(), *back)
            }
            Screen::Page { title, progress, questions, back, .. } => {
                if self.journey.options().counter {
                    self.render_open_handoff(&frag, self.handoff_refused);
                }
                add(&frag, &[&d.text("p", "tz-progress", &progress.text)]);
                self.render_page(&frag, title, questions, *back)
            }
            Screen::Check { .. } => self.render_check(&frag, &view),
            Screen::Steps { title, lead, steps } => self.render_steps(&frag, title, lead, steps),
            Screen::Done { next } => self.render_done(&frag, next),
        }
        self.root.replace_children_with_node_1(&frag);
        self.render_issues_of(&view.errors, &view.warnings);
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
}
