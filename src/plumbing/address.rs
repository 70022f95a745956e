//! The page's link: `www/boot.js` takes the query and fragment out of the address bar (and
//! this history entry) before anything else runs, so the code stays out of history entries,
//! screenshots and shared links even when the module cannot load, and hands them here; core's
//! link parser reads them.

use std::cell::RefCell;

use reset_link_core::link::{parse_link, LinkParams};
use web_sys::Storage;

use crate::plumbing::{dom, http};

/// Key under which the reset link's parameters survive a reload of its tab (sessionStorage
/// is per tab, never sent anywhere, and cleared once the code is spent).
pub const RESET_LINK: &str = "reset-link";

thread_local! {
    /// The address's query and fragment as the page found them (`?…#…`), handed over by
    /// `start`.
    static HANDED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the link `www/boot.js` took out of the address bar (its `search` and `hash`).
pub fn hand_over(link: String) {
    HANDED.set(link);
}

/// This tab's sessionStorage, when the browser allows it.
fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Reads the parameters of the link handed over (see [`hand_over`]). With `saved_as`, they
/// are kept in this tab's sessionStorage under that key, so a reload (whose address no
/// longer holds them) still works (see [`forget`]).
pub fn take_link(saved_as: Option<&'static str>) -> LinkParams {
    let handed = HANDED.take();
    let params = read(&handed);
    if params.found {
        if let Some(key) = saved_as {
            keep_for_reload(key, handed);
        }
        return params;
    }
    let saved = saved_as.and_then(|key| session()?.get_item(key).ok().flatten());
    saved.map_or(params, |saved| read(&saved))
}

/// The parameters of `link`, an address's query and fragment (`?…#…`).
fn read(link: &str) -> LinkParams {
    let (search, hash) = link.split_once('#').unwrap_or((link, ""));
    parse_link(search, hash)
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
