//! The page's language: picked from `?lang=`, `navigator.languages` and the config, loaded
//! from `www/i18n/<lang>.json` (English is built in), and applied to `<html lang dir>` and to
//! every element marked `data-i18n="key"`.

use crate::prelude::*;
use core::cell::RefCell;

use reset_link_core::i18n::{pick_language, Catalogue};
use reset_link_core::text::pieces;

use crate::{http, shell};

/// The page's catalogue, set once the language is known (English until then).
struct Words(RefCell<Option<Catalogue>>);

// SAFETY: the browser module runs on one thread.
unsafe impl Sync for Words {}

/// The English words this page's code shows (made by build.rs from core/i18n/en.json).
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/english.json"));

static WORDS: Words = Words(RefCell::new(None));

/// Runs `read` over the page's catalogue.
fn with<T>(read: impl FnOnce(&Catalogue) -> T) -> T {
    with_mut(|words| read(words))
}

/// Runs `change` over the page's catalogue.
fn with_mut<T>(change: impl FnOnce(&mut Catalogue) -> T) -> T {
    change(WORDS.0.borrow_mut().get_or_insert_with(|| Catalogue::english_from(ENGLISH)))
}

/// The text for `key` in the page's language.
pub fn t(key: &str) -> String {
    with(|words| words.text(key).to_string())
}

/// Runs `show` with the text for `key`, lent without a copy.
pub fn with_text(key: &str, show: impl FnOnce(&str)) {
    with(|words| show(words.text(key)))
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    with(|words| words.fill(key, values))
}

/// The page's language code.
pub fn language() -> String {
    with(|words| words.language.clone())
}

/// Picks and loads the language, then translates the page.
pub async fn load(requested: Option<&str>, default: &str) {
    let preferred = shell::languages();
    let language = pick_language(requested, pieces(&preferred, b'\n'), default);
    if language == "en" {
        return; // the pages are written in English
    }
    let path = reset_link_core::text::concat(&["www/i18n/", language, ".json"]);
    if let Some(text) = http::fetch_file(&path, 10_000).await {
        if with_mut(|words| words.switch_to(language, &text)) {
            apply();
        }
    }
}

/// Sets `<html lang dir>` and the text of every `[data-i18n]` element.
fn apply() {
    let rtl = with(Catalogue::is_rtl);
    shell::set_language(&language(), if rtl { "rtl" } else { "ltr" });
    for key in pieces(&shell::marked(), b'\n') {
        shell::translate(key, &t(key));
    }
}
