//! What must hold for any input from outside, shared by the fuzz targets (`fuzz/`) and the
//! regression tests that replay their corpus: each check panics when a property breaks.

use reset_link_core::api::{read_reply_text, AuthReply, EmptyReply, ForgotPasswordReply};
use reset_link_core::config::parse_config;
use reset_link_core::email::{escape_html, fill_template};
use reset_link_core::link::{parse_link, MAX_USERNAME_CHARS};
use serde_json::Value;

use crate::handler::{handle, Outcome};
use crate::settings::Settings;

/// Splits fuzz input in two at the first `#` (query and fragment, say).
fn halves(text: &str) -> (&str, &str) {
    text.split_once('#').unwrap_or((text, ""))
}

/// The link parser: never fails, and whatever it returns is usable.
pub fn link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (search, hash) = halves(&text);
    let params = parse_link(search, hash);
    if let Some(name) = &params.username {
        assert!(!name.is_empty() && name.chars().count() <= MAX_USERNAME_CHARS);
        assert!(!name.chars().any(char::is_whitespace), "{name:?}");
    }
    if let Some(code) = &params.code {
        assert!(!code.is_empty() && !code.chars().any(char::is_whitespace), "{code:?}");
    }
}

/// `config.json`: never fails; an accepted config never points calls or people anywhere
/// unsafe: by the host a URL parser reads (not by how the text begins), plain http goes only
/// to this machine, and no address carries credentials.
pub fn config(data: &[u8]) {
    if let Ok(config) = parse_config(&String::from_utf8_lossy(data)) {
        let safe = |address: &str| match url::Url::parse(address) {
            Ok(url) => {
                let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost"));
                url.username().is_empty() && url.password().is_none() && (url.scheme() == "https" || (url.scheme() == "http" && local))
            }
            // Not absolute: only a path on this site.
            Err(_) => address.starts_with('/') && !address.starts_with("//") && !address.contains('\\'),
        };
        assert!(url::Url::parse(&config.endpoint).is_ok() && safe(&config.endpoint), "{}", config.endpoint);
        assert!(safe(&config.sign_in_url), "{}", config.sign_in_url);
        assert!(safe(&config.after_sign_in_url), "{}", config.after_sign_in_url);
    }
}

/// Cognito's replies: never fail, whatever the status and body; a success is read only from
/// a 2xx reply, and a sign-in reply read as a success holds tokens or a challenge.
pub fn reply(data: &[u8]) {
    let status = u16::from(*data.first().unwrap_or(&0)) * 2 + 100;
    let body = String::from_utf8_lossy(data.get(1..).unwrap_or_default());
    let auth = read_reply_text::<AuthReply>(status, &body, None);
    if let Ok(reply) = &auth {
        assert!((200..300).contains(&status));
        assert!(reply.tokens.is_some() || reply.challenge.is_some());
    }
    let forgot = read_reply_text::<ForgotPasswordReply>(status, &body, Some(&body));
    assert!(forgot.is_err() || (200..300).contains(&status));
    let _ = read_reply_text::<EmptyReply>(status, &body, None);
}

/// Trigger events: the trigger never fails, and a message it writes is one Cognito accepts.
pub fn trigger_event(data: &[u8]) {
    let Ok(event) = serde_json::from_slice::<Value>(data) else { return };
    let settings = Settings::from_vars(|name| (name == "RESET_PAGE_URL").then(|| "https://example.com/reset-password.html".to_string()))
        .expect("fixed settings are valid");
    let (out, outcome) = handle(Some(&settings), event.clone(), 1_764_860_000);
    if outcome == Outcome::Rewritten {
        let html = out["response"]["emailMessage"].as_str().expect("a body");
        assert!(html.contains("{####}"));
    } else {
        assert_eq!(out, event, "an event the trigger does not rewrite comes back unchanged");
    }
}

/// Team templates: values are always escaped, so filling a template never adds markup.
pub fn template(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (template, name) = halves(&text);
    let filled = fill_template(template, "https://e.com/r#confirmation_code={####}&user_name=x", name, "P<\"'>");
    assert_eq!(fill_template("{username}", "", name, ""), escape_html(name));
    for markup in ['<', '>', '"', '\''] {
        assert_eq!(filled.matches(markup).count(), template.matches(markup).count(), "{markup} added to {template:?}");
    }
}
