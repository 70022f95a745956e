//! The page's language: picked from `?lang=`, `navigator.languages` and the config, its
//! catalogue asked of the page (`www/boot.js` fetches `www/i18n/<lang>.json`, the browser's
//! language while the module downloads; English is built in), and applied to
//! `<html lang dir>` and to every element marked `data-i18n="key"`; and the words the pages
//! write as they go (the status region, the done section), with the brand's support contact
//! where people need help. It writes through `dom` and reads the contact from `brand`;
//! neither imports it back.

use std::cell::RefCell;

use reset_link_core::i18n::{pick_language, Catalogue, Entries, WordsProblem};

use reset_link_core::config::Config;

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};

use crate::plumbing::{brand, dom, http};

mod english {
    include!(concat!(env!("OUT_DIR"), "/english.rs"));
}

thread_local! {
    /// The page's catalogue: English until another language is loaded.
    static WORDS: RefCell<Catalogue> = RefCell::new(Catalogue::english_table(english::ENGLISH));
    /// The language's catalogue as the browser parsed it (null for English), for the page's
    /// account module.
    static FETCHED: RefCell<JsValue> = const { RefCell::new(JsValue::NULL) };
    /// The page's way to fetch a language's catalogue (see [`set_loader`]).
    static LOAD_WORDS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Keeps the page's `load_words(language)`, a promise of that language's catalogue as the
/// browser parsed it: `www/boot.js` requests the browser's language while the module
/// downloads, and answers with that request when [`load`] picks the same language.
pub fn set_loader(load_words: Function) {
    LOAD_WORDS.set(Some(load_words));
}

/// The catalogue of `language` as the browser parsed it, if it arrives.
async fn fetch_catalogue(language: &str) -> Option<JsValue> {
    let load_words = LOAD_WORDS.with_borrow(Clone::clone)?;
    let request = load_words.call1(&JsValue::NULL, &JsValue::from_str(language)).ok()?.dyn_into::<Promise>().ok()?;
    http::settled(request, 10_000).await
}

/// The text for `key` in the page's language.
pub fn t(key: &str) -> String {
    WORDS.with_borrow(|words| words.text(key).to_string())
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    WORDS.with_borrow(|words| words.fill(key, values))
}

/// The page's language code.
pub fn language() -> String {
    WORDS.with_borrow(|words| words.language.clone())
}

/// The browser's preferred languages, in order.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    window.navigator().languages().iter().filter_map(|language| language.as_string()).collect()
}

/// Picks and loads the language, puts the deployer's reworded sentences in (`words` in
/// `config`), translates the page, then applies the brand.
pub async fn load(requested: Option<&str>, config: &Config) {
    let preferred = browser_languages();
    let language = pick_language(requested, preferred.iter().map(String::as_str), &config.default_language);
    // The pages are written in English: another language, or reworded sentences, rewrite them.
    let mut rewrite = false;
    if language != "en" {
        let fetched = fetch_catalogue(language).await.unwrap_or(JsValue::NULL);
        if let Ok(entries) = serde_wasm_bindgen::from_value::<Entries>(fetched.clone()) {
            WORDS.with_borrow_mut(|words| words.switch_to(language, entries));
            FETCHED.set(fetched);
            rewrite = true;
        }
    }
    if let Some(problems) = reword(config) {
        for problem in problems {
            brand::warn(&problem.to_string());
        }
        rewrite = true;
    }
    if rewrite {
        apply();
    }
    brand::apply(config);
}

/// The page's words for another module of the page (see [`adopt`]): `{ language, entries,
/// support }`, the language, its catalogue as the browser parsed it (null for English) and
/// the brand's support contact (null for none).
pub fn handover() -> JsValue {
    let words = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&words, &JsValue::from_str(name), value);
    };
    set("language", &JsValue::from_str(&language()));
    set("entries", &FETCHED.with_borrow(Clone::clone));
    set("support", &brand::support().map_or(JsValue::NULL, |contact| JsValue::from_str(&contact)));
    words.into()
}

/// Takes over the words a page's form module handed over ([`handover`]), with the
/// deployer's reworded sentences from `config`.
#[cfg(feature = "page-account")]
pub fn adopt(handover: &JsValue, config: &Config) {
    let get = |name: &str| js_sys::Reflect::get(handover, &JsValue::from_str(name)).unwrap_or(JsValue::NULL);
    let language = get("language").as_string().unwrap_or_else(|| "en".into());
    if let Ok(entries) = serde_wasm_bindgen::from_value::<Entries>(get("entries")) {
        WORDS.with_borrow_mut(|words| words.switch_to(&language, entries));
    }
    // Its problems were the form module's to report.
    let _ = reword(config);
    brand::set_support(get("support").as_string());
}

/// Puts the deployer's reworded sentences for the page's language (`words` in `config`) in
/// front of the catalogue; `None` when there are none, else what could not be used.
fn reword(config: &Config) -> Option<Vec<WordsProblem>> {
    let reworded = config.words.get(&language())?;
    Some(WORDS.with_borrow_mut(|words| words.reword(reworded)))
}

/// Sets `<html lang dir>` and the text of every `[data-i18n]` element.
fn apply() {
    let rtl = WORDS.with_borrow(Catalogue::is_rtl);
    dom::set_language(&language(), if rtl { "rtl" } else { "ltr" });
    for (element, key) in dom::marked() {
        element.set_text_content(Some(&t(&key)));
    }
}

/// Messages after which the support contact is added: where only a person can help.
const NEEDS_HELP: [&str; 6] = ["advice.wait", "advice.site_problem", "forgot.wait", "forgot.site_problem", "welcome.expired", "welcome.not_working"];

/// `text` (the words for `key`), with the brand's support contact added where people need help.
pub fn with_support(key: &str, text: String) -> String {
    match brand::support().filter(|_| NEEDS_HELP.contains(&key)) {
        Some(contact) => format!("{text} {}", fill("brand.support", &[("contact", &contact)])),
        None => text,
    }
}

/// Sets the text of `id` to the words for `key`.
pub fn set_words(id: &str, key: &str) {
    dom::set_text(id, &t(key));
}

/// Says the words for `key` in the status region, as an error or not.
pub fn say_words(key: &str, is_error: bool) {
    dom::say(&with_support(key, t(key)), is_error);
}

/// Says the words for `key` as an error and puts the focus on `id`, where the person can
/// fix it.
pub fn problem(key: &str, id: &str) {
    say_words(key, true);
    dom::focus(id);
}

/// Replaces the form with the page's done section saying the words for `done_key`, and puts
/// the focus on `focus_id` there (the way on, or the words themselves).
pub fn show_done(done_key: &str, focus_id: &str) {
    dom::show("form", false);
    dom::show("link-age", false);
    dom::say("", false);
    set_words("done-text", done_key);
    dom::show("done", true);
    dom::focus(focus_id);
}

/// Points the done section's link at `next` (the app, when signed in: it reads "Continue"),
/// else at `sign_in_url`.
#[cfg(any(feature = "page-account", feature = "page-welcome"))]
pub fn set_way_on(next: Option<&str>, sign_in_url: &str) {
    dom::set_attribute("sign-in", "href", Some(next.unwrap_or(sign_in_url)));
    if next.is_some() {
        set_words("sign-in", "reset.continue");
    }
}
