//! After the reset: where the person goes, and the session handed to the app, in the
//! localStorage keys amazon-cognito-identity-js and Amplify v6 read.

use crate::prelude::*;
use crate::api::Tokens;
use crate::json::{self, Json};
use crate::srp::digest::base64_decode;
use crate::text::{concat, has_byte, pieces, replace_byte};

/// Prefix of every key the Cognito libraries use.
const PREFIX: &str = "CognitoIdentityServiceProvider.";

/// The username a token was issued to (`cognito:username` in the ID token's payload).
pub fn token_username(id_token: &str) -> Option<String> {
    let payload = pieces(id_token, b'.').nth(1)?;
    let standard = replace_byte(&replace_byte(payload, b'-', '+'), b'_', '/');
    let bytes = base64_decode(&standard)?;
    let claims = json::parse(core::str::from_utf8(&bytes).ok()?)?;
    claims.get("cognito:username").and_then(Json::as_str).map(str::to_string)
}

/// Hands `put` each localStorage entry (key, value) that signs `username` in for apps using
/// amazon-cognito-identity-js or Amplify v6 with app client `client_id`.
pub fn storage_entries(client_id: &str, username: &str, tokens: &Tokens, mut put: impl FnMut(&str, &str)) {
    let key = |name: &str| concat(&[PREFIX, client_id, ".", username, ".", name]);
    put(&key("idToken"), &tokens.id_token);
    put(&key("accessToken"), &tokens.access_token);
    put(&key("clockDrift"), "0");
    put(&concat(&[PREFIX, client_id, ".LastAuthUser"]), username);
    if let Some(refresh) = &tokens.refresh_token {
        put(&key("refreshToken"), refresh);
    }
}

/// Where to go after signing in: `requested` (from the link) when it is a same-site path or
/// its origin is on `allowed`; otherwise `fallback`. Never an open redirect. Only printable
/// ASCII without `\\` is followed (a real address is percent-encoded).
pub fn redirect_target<'a>(requested: Option<&'a str>, allowed: &[String], fallback: &'a str) -> &'a str {
    let Some(target) = requested else { return fallback };
    if target.bytes().any(|b| !(b'!'..=b'~').contains(&b) || b == b'\\') {
        return fallback;
    }
    if target.starts_with('/') && !target.starts_with("//") {
        return target;
    }
    match origin_of(target) {
        Some(origin) if allowed.iter().any(|a| a.strip_suffix('/').unwrap_or(a) == origin) => target,
        _ => fallback,
    }
}

/// `scheme://host[:port]` of an absolute https (or local http) address; `None` when the
/// authority holds credentials (`user@host`) or the address is anything else.
fn origin_of(address: &str) -> Option<&str> {
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://"))?;
    let end = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    if authority.is_empty() || has_byte(authority.as_bytes(), b'@') {
        return None;
    }
    // `get` rather than indexing: the same slice, without a panic path in the module.
    address.get(..address.len() - rest.len() + authority.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srp::digest::base64_encode;

    fn token(payload: &str) -> String {
        let body = base64_encode(payload.as_bytes()).trim_end_matches('=').replace('+', "-").replace('/', "_");
        ["eyJhbGciOiJSUzI1NiJ9.", &body, ".sig"].concat()
    }

    #[test]
    fn reads_the_username_from_the_id_token() {
        assert_eq!(token_username(&token(r#"{"cognito:username":"3f2a-ü?>","sub":"x"}"#)).as_deref(), Some("3f2a-ü?>"));
        assert_eq!(token_username("not.a.token"), None);
        assert_eq!(token_username(&token(r#"{"sub":"x"}"#)), None);
    }

    #[test]
    fn writes_the_keys_the_libraries_read() {
        let tokens = Tokens { id_token: "i".into(), access_token: "a".into(), refresh_token: Some("r".into()) };
        let mut entries = Vec::new();
        storage_entries("client1", "user-1", &tokens, |key, value| entries.push((key.to_string(), value.to_string())));
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, [
            "CognitoIdentityServiceProvider.client1.user-1.idToken",
            "CognitoIdentityServiceProvider.client1.user-1.accessToken",
            "CognitoIdentityServiceProvider.client1.user-1.clockDrift",
            "CognitoIdentityServiceProvider.client1.LastAuthUser",
            "CognitoIdentityServiceProvider.client1.user-1.refreshToken",
        ]);
        assert_eq!(entries[3].1, "user-1");
    }

    #[test]
    fn follows_only_allowed_redirects() {
        let allowed = vec!["https://app.example.com".to_string(), "http://127.0.0.1:3000/".to_string()];
        let go = |r| redirect_target(Some(r), &allowed, "/home");
        assert_eq!(go("https://app.example.com/welcome?x=1"), "https://app.example.com/welcome?x=1");
        assert_eq!(go("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
        assert_eq!(go("/account"), "/account");
        for hostile in [
            "https://app.example.com.evil.com/", "https://evil.com/https://app.example.com", "//evil.com",
            "https://app.example.com@evil.com/", "javascript:alert(1)", "https://evil.com", "/\\evil.com",
            " https://app.example.com", "http://app.example.com/", "/caf\u{e9}", "/a\u{a0}b", "/a\u{85}b", "/tab\there",
        ] {
            assert_eq!(go(hostile), "/home", "{hostile}");
        }
        assert_eq!(redirect_target(None, &allowed, "/home"), "/home");
    }
}
