//! The page's own address: reads the link's parameters, then removes them from the address
//! bar and history, so the code stays out of history, screenshots and shared links.

use reset_link_core::link::{parse_link, LinkParams};
use reset_link_core::text::{concat, split_once};

use crate::{dom, shell};

/// Reads the parameters and scrubs them from the address. With `saved_as`, they are kept in
/// this tab's sessionStorage under that key, so a reload still works (see [`forget`]).
pub fn take_link(saved_as: Option<&str>) -> LinkParams {
    let (search, hash) = (shell::query(), shell::fragment());
    let params = parse_link(&search, &hash);
    if params.found {
        if let Some(key) = saved_as {
            shell::keep(true, key, Some(&concat(&[&search, &hash])));
        }
        shell::scrub();
        return params;
    }
    match saved_as.and_then(|key| shell::stored(true, key)) {
        Some(saved) => {
            let (search, hash) = split_once(&saved, b'#').unwrap_or((&saved, ""));
            parse_link(search, hash)
        }
        None => params,
    }
}

/// Forgets the link kept under `key` (after success, its code is spent).
pub fn forget(key: &str) {
    shell::keep(true, key, None);
}

/// Fills the username box with what the person recognises (the email when the link carries
/// it), locked; shows the code box only when the link had no code.
pub fn fill_form(params: &LinkParams) {
    if let Some(username) = &params.username {
        dom::set_value("username", params.email.as_ref().unwrap_or(username));
        shell::set_attribute("username", "readonly", Some(""));
    }
    dom::show("code-field", params.code.is_none());
}
