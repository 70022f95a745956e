//! A few DOM helpers. Text reaches the page only through `textContent`.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Document, Event, HtmlElement, HtmlInputElement};

/// The page's document.
pub fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).unwrap_or_else(|| wasm_bindgen::throw_str("a page has a document"))
}

/// The element with `id`; the pages are ours, so a missing id is a bug.
pub fn element(id: &str) -> HtmlElement {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| wasm_bindgen::throw_str(&["element #", id, " is missing"].concat()))
}

/// The input with `id`.
pub fn input(id: &str) -> HtmlInputElement {
    element(id).unchecked_into()
}

/// Sets the text of `id` (as text, never as HTML).
pub fn set_text(id: &str, text: &str) {
    element(id).set_text_content(Some(text));
}

/// Shows or hides `id`.
pub fn show(id: &str, visible: bool) {
    element(id).set_hidden(!visible);
}

/// Enables or disables the button or input `id`.
pub fn enable(id: &str, enabled: bool) {
    if enabled {
        let _ = element(id).remove_attribute("disabled");
    } else {
        let _ = element(id).set_attribute("disabled", "");
    }
}

/// Runs `handler` on every `event` of `id`, for the life of the page.
pub fn on(id: &str, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = element(id).add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Shows `text` in the page's `aria-live` status region and marks it as an error or not.
pub fn say(text: &str, is_error: bool) {
    set_text("status", text);
    let status = element("status");
    let _ = status.class_list().toggle_with_force("error", is_error);
}

/// Marks the page as wired (`<body data-ready>`), for tests and styles.
pub fn mark_ready() {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-ready", "");
    }
}

/// Shows a problem that stops the page (bad configuration), and disables the form.
pub fn stop(text: &str) {
    set_text("problem", text);
    show("problem", true);
    let _ = element("submit").set_attribute("disabled", "");
}
