//! The page helpers every page uses, over web-sys alone (the words to put in are
//! `i18n`'s). Elements are named by id; text reaches the
//! page only through `textContent`. A missing element is skipped: the page's HTML is ours,
//! and a helper that fails must not take the rest of the page with it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement};

/// The page's document.
pub fn document() -> Document {
    web_sys::window().and_then(|window| window.document()).expect("a page has a document")
}

/// The element `id`.
fn element(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// Sets the text of `id` (as text, never as HTML).
pub fn set_text(id: &str, words: &str) {
    if let Some(element) = element(id) {
        element.set_text_content(Some(words));
    }
}

/// The value of input `id` ("" when there is none).
pub fn value(id: &str) -> String {
    element(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()).map(|input| input.value()).unwrap_or_default()
}

/// Sets the value of input `id`.
pub fn set_value(id: &str, words: &str) {
    if let Some(input) = element(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        input.set_value(words);
    }
}

/// Moves the focus to `id`.
pub fn focus(id: &str) {
    if let Some(element) = element(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Attribute `name` of `id`.
pub fn attribute(id: &str, name: &str) -> Option<String> {
    element(id)?.get_attribute(name)
}

/// Sets attribute `name` of `id`, or removes it (`None`).
pub fn set_attribute(id: &str, name: &str, to: Option<&str>) {
    if let Some(element) = element(id) {
        let _ = match to {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}

/// Adds or removes class `name` on `id`.
pub fn mark(id: &str, name: &str, on: bool) {
    if let Some(element) = element(id) {
        let _ = element.class_list().toggle_with_force(name, on);
    }
}

/// Shows or hides `id`.
pub fn show(id: &str, visible: bool) {
    set_attribute(id, "hidden", if visible { None } else { Some("") });
}

/// Enables or disables the button or input `id`.
pub fn enable(id: &str, enabled: bool) {
    set_attribute(id, "disabled", if enabled { None } else { Some("") });
}

/// Shows `text` in the page's `aria-live` status region and marks it as an error or not.
pub fn say(text: &str, is_error: bool) {
    set_text("status", text);
    mark("status", "error", is_error);
}

/// Marks the page as wired (`<body data-ready>`, for tests and styles) and enables its
/// submit button. The HTML ships the button disabled: a form submitted before the module
/// handles it would be sent by the browser itself, as a GET that puts the password (or the
/// email) into the address bar, history and server logs.
pub fn mark_ready() {
    enable("submit", true);
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-ready", "");
    }
}

/// Shows a problem that stops the page (bad configuration, a bug), and disables the form.
pub fn stop(text: &str) {
    set_text("problem", text);
    show("problem", true);
    enable("submit", false);
}

/// Runs `handler` on every `event` of element `id`, for the life of the page. A form's
/// submit never reloads the page.
pub fn on(id: &str, event: &str, mut handler: impl FnMut() + 'static) {
    let Some(element) = element(id) else { return };
    let submit = event == "submit";
    let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if submit {
            event.prevent_default();
        }
        handler();
    });
    let _ = element.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// Appends a checklist line `id` with `words` and a hidden `state` (for screen readers) to
/// list `list`.
pub fn add_line(list: &str, id: &str, words: &str, state: &str) {
    let (Some(list), document) = (element(list), document()) else { return };
    let (Ok(line), Ok(hidden)) = (document.create_element("li"), document.create_element("span")) else { return };
    line.set_id(id);
    line.set_text_content(Some(words));
    hidden.set_class_name("visually-hidden");
    hidden.set_text_content(Some(state));
    let _ = line.append_child(&hidden);
    let _ = list.append_child(&line);
}

/// Marks checklist line `id` as met or not, with its hidden `state` words.
pub fn set_rule(id: &str, met: bool, state: &str) {
    let Some(line) = element(id) else { return };
    let _ = line.class_list().toggle_with_force("met", met);
    if let Some(hidden) = line.last_element_child() {
        hidden.set_text_content(Some(state));
    }
}

/// Sets `<html lang dir>`.
pub fn set_language(lang: &str, dir: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Every element marked `data-i18n="key"`, with its key.
pub fn marked() -> Vec<(Element, String)> {
    let Ok(list) = document().query_selector_all("[data-i18n]") else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|element| {
            let key = element.get_attribute("data-i18n")?;
            Some((element, key))
        })
        .collect()
}

/// Appends to `container` a labelled text box `id` (label `words`), of input `kind` and
/// with `autocomplete`, unless it is already there. Returns whether it was added.
#[cfg(feature = "page-welcome")]
pub fn add_field(container: &str, id: &str, words: &str, kind: &str, autocomplete: &str) -> bool {
    let (Some(container), document) = (element(container), document()) else { return false };
    if element(id).is_some() {
        return false;
    }
    let (Ok(label), Ok(input)) = (document.create_element("label"), document.create_element("input")) else { return false };
    let _ = label.set_attribute("for", id);
    label.set_text_content(Some(words));
    input.set_id(id);
    let _ = input.set_attribute("type", kind);
    let _ = input.set_attribute("autocomplete", autocomplete);
    let _ = input.set_attribute("required", "");
    let _ = container.append_child(&label);
    let _ = container.append_child(&input);
    true
}
