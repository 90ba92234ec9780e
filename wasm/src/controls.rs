//! Drawing one question's controls from its view (label, hint, where a prefilled answer came
//! from, the inputs of its type, an address's parts, a group's items) and reading the answer
//! back from them. No rule: what to ask and what is wrong come from the core's views.

use serde_json::{Map, Value as Json, json};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use tetsuzuki::host::{QuestionView, ui_text, ui_text_with};
use tetsuzuki::model::Lang;

use crate::dom::{Dom, add, attrs, id_of};

/// Draws controls in one document and language.
pub struct Draw<'a> {
    /// The document.
    pub dom: &'a Dom,
    /// The language of the interface's words.
    pub lang: Lang,
}

impl Draw<'_> {
    fn t(&self, id: &str) -> String {
        ui_text(self.lang, id)
    }

    pub fn question(&self, v: &QuestionView, value: Option<&Json>, source: Option<&str>) -> Element {
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
                // A name in parts (carried from a form that asks them apart) as the one box
                // shows it, written by the core's formatter.
                Some(Json::Object(name)) => tetsuzuki::journey::check::format::name_text(name),
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
    pub fn confirm_box(&self, class: &str, text: &str, checked: bool) -> Element {
        let wrap = self.choice("checkbox", class, class, "true", &self.t(text), checked);
        if let Some(input) = wrap.query_selector("input").ok().flatten() {
            input.set_class_name(class);
        }
        wrap
    }

    pub fn choice(&self, kind: &str, id: &str, name: &str, value: &str, label: &str, checked: bool) -> Element {
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

/// Gives an input back the description it had before an issue was added to it.
pub fn restore_describedby(e: &Element) {
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
pub fn read_answer(q: &Element, v: &QuestionView) -> Json {
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
