//! The page's own address: reads the link's parameters (the browser's `Location` splits the
//! address, core's link parser reads the parts), then removes them from the address bar and
//! history, so the code stays out of history, screenshots and shared links.

use reset_link_core::link::{parse_link, LinkParams};
use web_sys::Storage;

use crate::{dom, http};

/// Key under which the reset link's parameters survive a reload of its tab (sessionStorage
/// is per tab, never sent anywhere, and cleared once the code is spent).
pub const RESET_LINK: &str = "reset-link";

/// The page's `search` and `hash`, as the browser splits its address.
fn search_and_hash() -> (String, String) {
    let Some(location) = web_sys::window().map(|window| window.location()) else { return (String::new(), String::new()) };
    (location.search().unwrap_or_default(), location.hash().unwrap_or_default())
}

/// This tab's sessionStorage, when the browser allows it.
fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Removes the query and fragment from the address bar and this history entry.
fn scrub() {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Reads the parameters and scrubs them from the address. With `saved_as`, they are kept in
/// this tab's sessionStorage under that key, so a reload still works (see [`forget`]).
pub fn take_link(saved_as: Option<&'static str>) -> LinkParams {
    let (search, hash) = search_and_hash();
    let params = parse_link(&search, &hash);
    if params.found {
        if let Some(key) = saved_as {
            keep_for_reload(key, format!("{search}{hash}"));
        }
        scrub();
        return params;
    }
    let saved = saved_as.and_then(|key| session()?.get_item(key).ok().flatten());
    match saved {
        Some(saved) => {
            let (search, hash) = saved.split_once('#').unwrap_or((&saved, ""));
            parse_link(search, hash)
        }
        None => params,
    }
}

/// Keeps `link` under `key` in this tab's sessionStorage, in a later task: a reload needs
/// it, the form does not, and the browser's first touch of storage costs milliseconds that
/// would otherwise delay the form.
fn keep_for_reload(key: &'static str, link: String) {
    wasm_bindgen_futures::spawn_local(async move {
        http::sleep(0).await;
        if let Some(storage) = session() {
            let _ = storage.set_item(key, &link);
        }
    });
}

/// Forgets the link kept under `key` (after success, its code is spent).
#[cfg(any(feature = "page-account", feature = "page-welcome"))]
pub fn forget(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}

/// Fills the username box with what the person recognises (the email when the link carries
/// it), locked; shows the code box only when the link had no code.
pub fn fill_form(params: &LinkParams) {
    if let Some(username) = &params.username {
        dom::set_value("username", params.email.as_ref().unwrap_or(username));
        dom::set_attribute("username", "readonly", Some(""));
    }
    dom::show("code-field", params.code.is_none());
}

/// The account the page showed from the link (its email, else its username); `None` when the
/// person typed the username themselves. Only a hint: the pages compare it with Cognito's
/// answer before keeping a session.
pub fn shown_account(link: &LinkParams) -> Option<String> {
    link.email.clone().or_else(|| link.username.clone()).filter(|_| link.username.is_some())
}
