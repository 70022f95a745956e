//! The page's own address: reads the link's parameters, then removes them from the address
//! bar and history, so the code stays out of history, screenshots and shared links.

use reset_link_core::link::{parse_link, LinkParams};

use crate::dom;

/// Reads the parameters and scrubs them from the address. With `saved_as`, they are kept in
/// this tab's sessionStorage under that key, so a reload still works (see [`forget`]).
pub fn take_link(saved_as: Option<&str>) -> LinkParams {
    let Some(window) = web_sys::window() else { return LinkParams::default() };
    let location = window.location();
    let storage = saved_as.and_then(|_| window.session_storage().ok().flatten());
    let (search, hash) = (location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    let params = parse_link(&search, &hash);
    if params.found {
        if let (Some(storage), Some(key)) = (&storage, saved_as) {
            let _ = storage.set_item(key, &[search.as_str(), &hash].concat());
        }
        if let (Ok(path), Ok(history)) = (location.pathname(), window.history()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
        return params;
    }
    match (storage, saved_as) {
        (Some(storage), Some(key)) => match storage.get_item(key).ok().flatten() {
            Some(saved) => {
                let (search, hash) = saved.split_once('#').unwrap_or((&saved, ""));
                parse_link(search, hash)
            }
            None => params,
        },
        _ => params,
    }
}

/// Forgets the link kept under `key` (after success, its code is spent).
pub fn forget(key: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.remove_item(key);
    }
}

/// Fills the username box with what the person recognises (the email when the link carries
/// it), locked; shows the code box only when the link had no code.
pub fn fill_form(params: &LinkParams) {
    if let Some(username) = &params.username {
        let field = dom::input("username");
        field.set_value(params.email.as_ref().unwrap_or(username));
        field.set_read_only(true);
    }
    dom::show("code-field", params.code.is_none());
}
