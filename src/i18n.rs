//! The page's language: picked from `?lang=`, `navigator.languages` and the config, loaded
//! from `www/i18n/<lang>.json` (English is built in), and applied to `<html lang dir>` and to
//! every element marked `data-i18n="key"`.

use crate::prelude::*;
use core::cell::RefCell;

use reset_link_core::i18n::{pick_language, Catalogue};
use wasm_bindgen::JsCast;
use web_sys::{Element, RequestInit};

use crate::{dom, http};

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
    let mut preferred = Vec::new();
    if let Some(window) = web_sys::window() {
        for tag in window.navigator().languages().iter() {
            preferred.extend(tag.as_string());
        }
    }
    let language = pick_language(requested, preferred.iter().map(String::as_str), default);
    if language == "en" {
        return; // the pages are written in English
    }
    let path = ["www/i18n/", language, ".json"].concat();
    if let Ok((200, text, _)) = http::fetch_text(&path, &RequestInit::new(), 10_000).await {
        if with_mut(|words| words.switch_to(language, &text)) {
            apply();
        }
    }
}

/// Sets `<html lang dir>` and the text of every `[data-i18n]` element.
fn apply() {
    let document = dom::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", &language());
        let rtl = with(Catalogue::is_rtl);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
    let Ok(marked) = document.query_selector_all("[data-i18n]") else { return };
    for index in 0..marked.length() {
        let Some(element) = marked.item(index).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        if let Some(key) = element.get_attribute("data-i18n") {
            element.set_text_content(Some(&t(&key)));
        }
    }
}
