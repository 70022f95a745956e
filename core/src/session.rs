//! After the reset: where the person goes, and the session handed to the app, in the
//! localStorage keys amazon-cognito-identity-js and Amplify v6 read.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

use crate::api::Tokens;

/// Prefix of every key the Cognito libraries use.
const PREFIX: &str = "CognitoIdentityServiceProvider.";

/// The claims of an ID token the kit reads.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IdTokenClaims {
    /// `cognito:username`: the pool's username of the person.
    #[serde(rename = "cognito:username")]
    pub username: String,
    /// The account's email address, when it has one.
    #[serde(default)]
    pub email: Option<String>,
    /// The account's phone number, when it has one.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// The account's preferred username, when it has one.
    #[serde(default)]
    pub preferred_username: Option<String>,
}

impl IdTokenClaims {
    /// Whether `shown` (the account the page showed, from the link) names this token's
    /// account: its pool username, or one of the addresses people sign in with.
    ///
    /// The link's `email` is only a hint that anyone holding the link can change; the token
    /// is Cognito's word. A page that showed one account and got a token for another must
    /// not keep the session. The trigger copies the email attribute the token also carries,
    /// so a real link matches byte for byte; ASCII case is forgiven for a hand-typed link
    /// (Unicode case folding would add its tables to the module for no real link).
    pub fn names(&self, shown: &str) -> bool {
        let shown = shown.trim();
        let same_email = self.email.as_deref().is_some_and(|email| email.eq_ignore_ascii_case(shown));
        let others = [Some(self.username.as_str()), self.phone_number.as_deref(), self.preferred_username.as_deref()];
        same_email || others.contains(&Some(shown))
    }
}

/// The JSON bytes of a token's payload (its middle part, base64url). The signature is not
/// checked: the token came straight from Cognito over TLS and only names whose it is.
pub fn token_payload(token: &str) -> Option<Vec<u8>> {
    let payload = token.split('.').nth(1)?;
    URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()
}

/// The localStorage key naming who is signed in with app client `client_id`.
pub fn last_user_key(client_id: &str) -> String {
    format!("{PREFIX}{client_id}.LastAuthUser")
}

/// The localStorage key of `username`'s token `name` (`idToken`, `accessToken`,
/// `refreshToken`) for app client `client_id`.
pub fn token_key(client_id: &str, username: &str, name: &str) -> String {
    format!("{PREFIX}{client_id}.{username}.{name}")
}

/// Hands `put` each localStorage entry (key, value) that signs `username` in for apps using
/// amazon-cognito-identity-js or Amplify v6 with app client `client_id`.
pub fn storage_entries(client_id: &str, username: &str, tokens: &Tokens, mut put: impl FnMut(&str, &str)) {
    let key = |name: &str| token_key(client_id, username, name);
    put(&key("idToken"), &tokens.id_token);
    put(&key("accessToken"), &tokens.access_token);
    put(&key("clockDrift"), "0");
    put(&last_user_key(client_id), username);
    if let Some(refresh) = &tokens.refresh_token {
        put(&key("refreshToken"), refresh);
    }
}

/// Where to go after signing in: `requested` (from the link) when it is a path on this site
/// or its origin is on `allowed`; otherwise `fallback`. Never an open redirect.
///
/// `origin_of` is the browser's own URL parser (`new URL(target).origin`; `None` when it
/// refuses the address): the parser that decides where the browser will actually go. Only
/// printable ASCII without `\\` is followed (a real address is percent-encoded), which also
/// keeps the browser from repairing a hostile address into another one.
pub fn redirect_target<'a>(requested: Option<&'a str>, allowed: &[String], fallback: &'a str, origin_of: impl Fn(&str) -> Option<String>) -> &'a str {
    let Some(target) = requested else { return fallback };
    if target.bytes().any(|b| !(b'!'..=b'~').contains(&b) || b == b'\\') {
        return fallback;
    }
    if target.starts_with('/') && !target.starts_with("//") {
        return target;
    }
    let Some(origin) = origin_of(target) else { return fallback };
    let has_credentials = target.split_once("://").is_some_and(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or("").contains('@'));
    if !has_credentials && allowed.iter().any(|a| a.strip_suffix('/').unwrap_or(a) == origin) {
        target
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(payload: &str) -> String {
        let body = URL_SAFE_NO_PAD.encode(payload.as_bytes());
        ["eyJhbGciOiJSUzI1NiJ9.", &body, ".sig"].concat()
    }

    /// The username a token was issued to, read as the shells read it.
    fn token_username(id_token: &str) -> Option<String> {
        let claims: IdTokenClaims = serde_json::from_slice(&token_payload(id_token)?).ok()?;
        Some(claims.username)
    }

    fn claims(email: Option<&str>) -> IdTokenClaims {
        let email = email.map(str::to_string);
        IdTokenClaims { username: "3f2a-uuid".into(), email, phone_number: Some("+15550100".into()), preferred_username: None }
    }

    #[test]
    fn a_token_names_the_account_shown_by_username_email_or_phone() {
        let jane = claims(Some("Jane+Reset@Example.com"));
        for shown in ["3f2a-uuid", "jane+reset@example.com", " JANE+RESET@EXAMPLE.COM ", "+15550100"] {
            assert!(jane.names(shown), "{shown}");
        }
        for shown in ["victim@example.com", "3F2A-UUID", "", "jane+reset@example.co"] {
            assert!(!jane.names(shown), "{shown}");
        }
        assert!(!claims(None).names("victim@example.com"), "no email claim: an email shown is not this account's");
        let claims: IdTokenClaims = serde_json::from_str(r#"{"cognito:username":"u","email":"e@x.io","sub":"s"}"#).unwrap();
        assert!(claims.names("e@x.io") && claims.names("u"));
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
        // The url crate follows the same WHATWG rules as the browser's URL.
        let origin_of = |target: &str| url::Url::parse(target).ok().map(|url| url.origin().ascii_serialization());
        let go = |r| redirect_target(Some(r), &allowed, "/home", origin_of);
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
        assert_eq!(redirect_target(None, &allowed, "/home", origin_of), "/home");
    }
}
