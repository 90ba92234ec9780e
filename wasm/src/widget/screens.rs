//! Drawing each screen of a journey view (the life events, screening and its checklist, a
//! form page, the check page, what happens next) and the issues it shows. Only drawing: the
//! words and the order come from the core's views.

use super::*;

impl State {
    pub(super) fn heading(&self, parent: &Element, text: &str) {
        let h = self.dom.text("h2", "tz-title", text);
        attrs(&h, &[("tabindex", "-1"), ("part", "title")]);
        add(parent, &[&h]);
    }

    pub(super) fn button(&self, class: &str, text: &str, kind: &str) -> Element {
        let b = self.dom.text("button", class, text);
        attrs(&b, &[("type", kind), ("part", "button")]);
        b
    }

    pub(super) fn render_events(&self, parent: &Element, title: &str, events: &[host::LifeEventInfo]) {
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
        if self.journey.options().counter {
            self.render_open_handoff(parent, true);
        }
    }

    /// At the counter: where staff scan (a handheld scanner types into the box) or paste a
    /// resident's prepared code — open on the life events, folded above a form's pages.
    pub(super) fn render_open_handoff(&self, parent: &Element, open: bool) {
        let d = &self.dom;
        let section = d.el("details", "tz-open-handoff");
        attrs(&section, &[("part", "panel")]);
        if open {
            attrs(&section, &[("open", "")]);
        }
        add(&section, &[&d.text("summary", "", &self.t("jr-handoff-open"))]);
        add(&section, &[&d.text("p", "tz-hint", &self.t("jr-handoff-open-lead"))]);
        let label = d.text("label", "tz-label", &self.t("jr-handoff-code-label"));
        attrs(&label, &[("for", "tz-handoff-code")]);
        let area = d.el("textarea", "tz-handoff-code");
        attrs(
            &area,
            &[("id", "tz-handoff-code"), ("autocomplete", "off"), ("spellcheck", "false"), ("autocapitalize", "off")],
        );
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-handoff-open", &self.t("jr-handoff-open-button"), "button")]);
        // The browser's barcode detector, where it has one: the shell (wasm/js/tetsuzuki.js)
        // runs the camera; the words are the catalogue's.
        if js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("BarcodeDetector")).unwrap_or(false) {
            let scan = self.button("tz-handoff-scan tz-secondary", &self.t("jr-handoff-scan"), "button");
            attrs(
                &scan,
                &[
                    ("data-start", &self.t("jr-handoff-scan")),
                    ("data-stop", &self.t("jr-handoff-scan-stop")),
                    ("data-failed", &self.t("jr-handoff-scan-failed")),
                    ("aria-pressed", "false"),
                ],
            );
            add(&buttons, &[&scan]);
        }
        add(&section, &[&label, &area, &buttons]);
        add(parent, &[&section]);
    }

    pub(super) fn questions_into(&self, form: &Element, questions: &[QuestionState]) {
        for q in questions {
            let el = self.draw().question(&q.question, q.value.as_ref(), q.source_text.as_deref());
            if !q.shown {
                attrs(&el, &[("hidden", "")]);
            }
            add(form, &[&el]);
        }
    }

    pub(super) fn render_screening(
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
    pub(super) fn update_screening(&mut self) {
        let view = self.journey.view();
        let Screen::Screening { questions, checklist, .. } = &view.screen else { return };
        for q in questions {
            let selector = format!(".tz-question[data-key=\"{}\"]", q.question.key);
            if let Some(el) = self.root.query_selector(&selector).ok().flatten() {
                let _ = if q.shown { el.remove_attribute("hidden") } else { el.set_attribute("hidden", "") };
            }
        }
        if self.drawn_checklist.as_ref() == checklist.as_ref() {
            return;
        }
        if let (Some(area), Some(c)) = (self.root.query_selector(".tz-checklist-area").ok().flatten(), checklist) {
            area.set_text_content(None);
            self.render_checklist(&area, c);
        }
        self.drawn_checklist = checklist.clone();
    }

    pub(super) fn render_checklist(&self, area: &Element, c: &Checklist) {
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
        self.calendar_link(area);
        self.town_actions(area, &c.town_actions);
        if c.procedures.iter().any(|i| i.online_now || i.prepare_online) {
            let buttons = d.el("div", "tz-buttons");
            add(&buttons, &[&self.button("tz-start", &self.t("ui-start-online"), "button")]);
            add(area, &[&buttons]);
        }
    }

    pub(super) fn town_actions(&self, area: &Element, actions: &[ChecklistItem]) {
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

    pub(super) fn checklist_item(&self, item: &ChecklistItem) -> Element {
        let d = &self.dom;
        let lang = self.journey.lang();
        let li = d.el("li", if item.overdue { "tz-overdue" } else { "" });
        attrs(&li, &[("data-procedure", &item.procedure)]);
        add(&li, &[&d.text("h3", "", &item.title)]);
        let tag = if item.online_now {
            d.text("span", "tz-tag tz-online", &self.t("ui-online-now"))
        } else if item.prepare_online {
            d.text("span", "tz-tag tz-prepare", &self.t("jr-prepare-online"))
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
            row(&self.t("ui-documents"), &item.documents.join(&self.t("ui-list-separator")));
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

    pub(super) fn render_page(&self, parent: &Element, title: &str, questions: &[QuestionState], back: bool) {
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
    pub(super) fn update_visibility(&self) {
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

    pub(super) fn render_continue(&self, parent: &Element) {
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

    pub(super) fn render_check(&self, parent: &Element, view: &JourneyView) {
        let d = &self.dom;
        let Screen::Check { title, lead, check, counter_confirm, keep_profile, consent, keep_sensitive, prepares } =
            &view.screen
        else {
            return;
        };
        self.heading(parent, title);
        add(parent, &[&d.text("p", "", lead)]);
        if !prepares.is_empty() {
            let lang = self.journey.lang();
            let titles = prepares.join(&self.t("ui-list-separator"));
            let note = ui_text_with(lang, "jr-handoff-check-note", &[("titles", titles)]);
            add(parent, &[&d.text("p", "tz-prepare-note", &note)]);
        }
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
                attrs(
                    &b,
                    &[("type", "button"), ("data-key", &row.key), ("data-path", &row.path), ("data-page", &row.page)],
                );
                attrs(&b, &[("part", "button")]);
                add(
                    &b,
                    &[&d.text("span", "", &self.t("ui-change")), &d.text("span", "tz-vh", &format!(" {}", row.change))],
                );
                add(&change_dd, &[&b]);
                add(&r, &[&d.text("dt", "", &row.label), &dd, &change_dd]);
                add(&dl, &[&r]);
            }
            add(&s, &[&dl]);
            add(parent, &[&s]);
        }
        if let (Some(keep), Some(consent)) = (keep_profile, consent) {
            add(parent, &[&self.draw().confirm_box("tz-profile-consent", &consent.text, *keep)]);
            if !consent.sensitive.is_empty() {
                let sensitive =
                    self.draw().confirm_box("tz-profile-sensitive", &consent.sensitive_text, *keep_sensitive);
                add(parent, &[&sensitive]);
            }
        }
        if let Some(confirmed) = counter_confirm {
            add(parent, &[&self.draw().confirm_box("tz-counter-confirm", &self.t("ui-counter-confirm"), *confirmed)]);
        }
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-submit", &check.submit_label, "button")]);
        add(&buttons, &[&self.button("tz-back", &self.t("ui-back"), "button")]);
        add(parent, &[&buttons]);
        self.render_profile(parent);
    }

    pub(super) fn render_profile(&self, parent: &Element) {
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

    pub(super) fn render_done(&self, parent: &Element, next: &NextSteps) {
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
            add(
                &reference,
                &[&d.text("span", "", &format!("{}: ", self.t("jr-reference"))), &d.text("strong", "", &s.reference)],
            );
            add(&li, &[&reference]);
            for line in &s.steps {
                add(&li, &[&d.text("p", "tz-step-result", line)]);
            }
            if let Some(after) = &s.after {
                let p = d.el("p", "tz-after");
                if let Some(by) = after.by {
                    let lang = self.journey.lang();
                    let date = tetsuzuki::journey::check::format::date_text(by, lang);
                    let by = ui_text_with(lang, "jr-town-does-by", &[("date", date)]);
                    add(&p, &[&d.text("strong", "", &format!("{by} "))]);
                }
                add(&p, &[&d.text("span", "", &after.text)]);
                add(&li, &[&p]);
            }
            add(&ul, &[&li]);
        }
        if !next.submitted.is_empty() {
            add(&done, &[&ul, &d.text("p", "tz-hint", &self.t("jr-reference-lead"))]);
        }
        add(parent, &[&done]);
        if let Some(handoff) = &next.prepared {
            self.render_handoff(parent, handoff);
        }
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
        self.calendar_link(&todo);
        self.town_actions(&todo, &next.town_actions);
        add(parent, &[&todo]);
        self.render_feedback(parent, next.feedback_sent);
        let buttons = d.el("div", "tz-buttons");
        add(&buttons, &[&self.button("tz-dismiss tz-secondary", &self.t("jr-dismiss"), "button")]);
        add(parent, &[&buttons]);
    }

    /// The due dates ahead as a calendar file the phone imports (no personal data in it), as a
    /// download (a `data:` link: nothing is fetched or sent).
    pub(super) fn calendar_link(&self, parent: &Element) {
        let Some(stamp) = tetsuzuki::calendar::Stamp::parse(&now_iso()) else { return };
        let Some(ics) = self.journey.calendar(stamp) else { return };
        let href = format!("data:text/calendar;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&ics)));
        let a = self.dom.text("a", "tz-calendar", &self.t("jr-calendar"));
        attrs(&a, &[("href", &href), ("download", "tetsuzuki.ics"), ("type", "text/calendar")]);
        let p = self.dom.el("p", "");
        add(&p, &[&a]);
        add(parent, &[&p]);
    }

    /// The handoff: the QR code to show at the counter, the check code, what to bring.
    pub(super) fn render_handoff(&self, parent: &Element, h: &tetsuzuki::journey::HandoffView) {
        let d = &self.dom;
        let section = d.el("section", "tz-handoff");
        attrs(&section, &[("part", "panel")]);
        add(&section, &[&d.text("h3", "", &h.title), &d.text("p", "", &h.lead)]);
        if let Some(qr) = &h.qr {
            let figure = d.el("figure", "tz-qr");
            let svg = d.svg("svg");
            let size = qr.size.to_string();
            attrs(
                &svg,
                &[
                    ("viewBox", &format!("0 0 {size} {size}")),
                    ("role", "img"),
                    ("aria-label", &self.t("jr-handoff-qr")),
                    ("shape-rendering", "crispEdges"),
                ],
            );
            let background = d.svg("rect");
            attrs(&background, &[("width", &size), ("height", &size), ("fill", "#fff")]);
            let path = d.svg("path");
            attrs(&path, &[("d", &qr.path), ("fill", "#000")]);
            add(&svg, &[&background, &path]);
            add(&figure, &[&svg]);
            add(&section, &[&figure]);
        }
        add(&section, &[&d.text("p", "tz-short-code", &h.short_code_text), &d.text("p", "", &h.expires)]);
        if let Some(booking) = &h.booking {
            add(&section, &[&d.text("p", "tz-booking", booking)]);
        }
        let ol = d.el("ul", "tz-prepared");
        for p in &h.procedures {
            let li = d.el("li", "");
            attrs(&li, &[("data-procedure", &p.procedure)]);
            add(&li, &[&d.text("strong", "", &p.title)]);
            let meta = d.el("dl", "tz-meta");
            let row = |label: &str, value: &str| {
                add(&meta, &[&d.text("dt", "", label), &d.text("dd", "", value)]);
            };
            if let Some(reason) = &p.reason {
                row(&self.t("jr-handoff-reason"), reason);
            }
            if let Some(due) = &p.due {
                row(&self.t("ui-due"), due);
            }
            if !p.documents.is_empty() {
                row(&self.t("jr-handoff-bring"), &p.documents.join(&self.t("ui-list-separator")));
            }
            if let Some(c) = &p.contact {
                let mut text = c.department.clone();
                for extra in [&c.location, &c.hours, &c.phone].into_iter().flatten() {
                    text.push_str(&format!(" {extra}"));
                }
                row(&self.t("ui-contact"), &text);
            }
            add(&li, &[&meta]);
            add(&ol, &[&li]);
        }
        add(&section, &[&ol, &d.text("p", "tz-hint", &h.privacy)]);
        let details = d.el("details", "tz-handoff-text");
        add(&details, &[&d.text("summary", "", &self.t("jr-handoff-copy"))]);
        let area = d.text("textarea", "tz-handoff-copy", &h.text);
        attrs(&area, &[("readonly", ""), ("aria-label", &self.t("jr-handoff-copy")), ("spellcheck", "false")]);
        add(&details, &[&area]);
        add(&section, &[&details]);
        add(parent, &[&section]);
    }

    /// The host's steps (sign, pay, book, issue): each with where it is; the current one with
    /// its button, what is awaited, why it failed, the times to choose from, skip and leave.
    pub(super) fn render_steps(&self, parent: &Element, title: &str, lead: &str, steps: &[StepView]) {
        let d = &self.dom;
        self.heading(parent, title);
        add(parent, &[&d.text("p", "", lead)]);
        let ol = d.el("ol", "tz-steps");
        for step in steps {
            let li = d.el("li", &format!("tz-step tz-step-{}", step.status));
            attrs(&li, &[("data-kind", &step.kind), ("data-status", &step.status)]);
            if step.current {
                attrs(&li, &[("aria-current", "step")]);
            }
            add(&li, &[&d.text("h3", "", &step.title)]);
            if let Some(result) = &step.result {
                add(&li, &[&d.text("p", "tz-step-result", result)]);
                add(&ol, &[&li]);
                continue;
            }
            if !step.current {
                add(&ol, &[&li]);
                continue;
            }
            add(&li, &[&d.text("p", "", &step.lead)]);
            if let Some(waiting) = &step.waiting {
                let p = d.text("p", "tz-step-waiting", waiting);
                attrs(&p, &[("role", "status")]);
                add(&li, &[&p]);
            }
            if let Some(problem) = &step.problem {
                let box_ = d.el("div", "tz-step-problem");
                attrs(&box_, &[("role", "alert"), ("data-code", &problem.code)]);
                add(&box_, &[&d.text("p", "", &problem.message), &d.text("p", "", &problem.fix)]);
                add(&li, &[&box_]);
            }
            if let Some(none) = &step.no_slots {
                add(&li, &[&d.text("p", "tz-hint", none)]);
            }
            if !step.slots.is_empty() {
                let fieldset = d.el("fieldset", "tz-slots");
                add(&fieldset, &[&d.text("legend", "", &step.title)]);
                for slot in &step.slots {
                    let label = d.el("label", "tz-choice");
                    let input = d.el("input", "tz-slot");
                    attrs(&input, &[("type", "radio"), ("name", "tz-slot"), ("value", &slot.id)]);
                    if slot.chosen {
                        attrs(&input, &[("checked", "")]);
                    }
                    add(&label, &[&input, &d.text("span", "", &slot.text)]);
                    add(&fieldset, &[&label]);
                }
                add(&li, &[&fieldset]);
            }
            let buttons = d.el("div", "tz-buttons");
            if let Some(b) = &step.button {
                add(&buttons, &[&self.button("tz-step-begin", b, "button")]);
            }
            if let Some(skip) = &step.skip {
                add(&buttons, &[&self.button("tz-step-skip tz-secondary", skip, "button")]);
            }
            if let Some(leave) = &step.leave {
                add(&buttons, &[&self.button("tz-step-leave tz-secondary", leave, "button")]);
            }
            add(&li, &[&buttons]);
            add(&ol, &[&li]);
        }
        add(parent, &[&ol]);
    }

    pub(super) fn render_feedback(&self, parent: &Element, sent: bool) {
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
                let c = self.draw().choice(
                    "radio",
                    &format!("tz-rating-{n}"),
                    "rating",
                    &n.to_string(),
                    &n.to_string(),
                    false,
                );
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
    pub(super) fn render_issues(&mut self) {
        // Only the issues (not the whole view): this runs on keystrokes.
        let (errors, warnings): (Vec<ShownIssue>, Vec<ShownIssue>) =
            self.journey.shown_issues().into_iter().partition(|i| i.issue.severity == Severity::Error);
        self.render_issues_of(&errors, &warnings);
    }

    pub(super) fn render_issues_of(&self, errors: &[ShownIssue], warnings: &[ShownIssue]) {
        for (list, class, heading) in
            [(errors, ".tz-error-summary", "ui-error-summary"), (warnings, ".tz-warning-summary", "jr-warning-summary")]
        {
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
            if heading == "jr-warning-summary" && errors.is_empty() {
                let buttons = self.dom.el("div", "tz-buttons");
                add(&buttons, &[&self.button("tz-continue-anyway", &self.t("jr-continue-anyway"), "button")]);
                add(&summary, &[&buttons]);
            }
        }
        self.render_inline(errors.iter().chain(warnings));
    }

    /// Each issue above its question's input, the input marked and described by it.
    pub(super) fn render_inline<'i>(&self, issues: impl Iterator<Item = &'i ShownIssue>) {
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
                attrs(
                    &b,
                    &[("type", "button"), ("data-key", &shown.key), ("data-value", &fix.value), ("part", "button")],
                );
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
}
