//! Small DOM helpers over web-sys. Text is only ever set as text (`textContent`) or as an
//! attribute value, never parsed as HTML: definitions and answers cannot inject markup.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Builds elements of one document.
#[derive(Clone)]
pub struct Dom {
    pub doc: Document,
}

impl Dom {
    /// An element `tag` with `class` (may be empty).
    pub fn el(&self, tag: &str, class: &str) -> Element {
        // create_element fails only for invalid tag names; ours are constants.
        let e = self.doc.create_element(tag).unwrap_or_else(|_| self.doc.create_element("div").expect("div"));
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e
    }

    /// An SVG element `tag` (for QR codes drawn from the core's path data).
    pub fn svg(&self, tag: &str) -> Element {
        self.doc.create_element_ns(Some("http://www.w3.org/2000/svg"), tag).unwrap_or_else(|_| self.el("span", ""))
    }

    /// An element holding `text` as text.
    pub fn text(&self, tag: &str, class: &str, text: &str) -> Element {
        let e = self.el(tag, class);
        e.set_text_content(Some(text));
        e
    }
}

/// Sets attributes (name, value) on an element.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = e.set_attribute(name, value);
    }
}

/// Appends children.
pub fn add(parent: &Element, children: &[&Element]) {
    for c in children {
        let _ = parent.append_child(c);
    }
}

/// Focuses an element when it can take focus.
pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// An id made of a key: letters, digits, `-` and `_` only.
pub fn id_of(prefix: &str, key: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + key.len() + 1);
    out.push_str(prefix);
    out.push('-');
    for c in key.chars() {
        out.push(if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' });
    }
    out
}
