//! The page helpers every page uses, over the primitives of [`crate::shell`]. Elements are
//! named by id; text reaches the page only through `textContent`.

use crate::{i18n, shell};

pub use shell::{focus, on, set_value, text as set_text, value};

/// Sets the text of `id` to the words for `key`.
pub fn set_words(id: &str, key: &str) {
    i18n::with_text(key, |words| set_text(id, words));
}

/// Shows or hides `id`.
pub fn show(id: &str, visible: bool) {
    shell::set_attribute(id, "hidden", if visible { None } else { Some("") });
}

/// Enables or disables the button or input `id`.
pub fn enable(id: &str, enabled: bool) {
    shell::set_attribute(id, "disabled", if enabled { None } else { Some("") });
}

/// Shows `text` in the page's `aria-live` status region and marks it as an error or not.
pub fn say(text: &str, is_error: bool) {
    set_text("status", text);
    shell::mark("status", "error", is_error);
}

/// Marks the page as wired (`<body data-ready>`), for tests and styles.
pub fn mark_ready() {
    shell::ready();
}

/// Shows a problem that stops the page (bad configuration), and disables the form.
pub fn stop(text: &str) {
    set_text("problem", text);
    show("problem", true);
    enable("submit", false);
}

/// Says the words for `key` as an error and puts the focus on `id`, where the person can
/// fix it.
pub fn problem(key: &str, id: &str) {
    say_words(key, true);
    focus(id);
}

/// Says the words for `key` in the status region, as an error or not.
pub fn say_words(key: &str, is_error: bool) {
    i18n::with_text(key, |words| say(words, is_error));
}
