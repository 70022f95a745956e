//! After the reset: where the person goes, and the session handed to the app, in the
//! localStorage keys amazon-cognito-identity-js and Amplify v6 read.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

use crate::api::Tokens;
use crate::config::SignInWith;

/// Prefix of every key the Cognito libraries use.
const PREFIX: &str = "CognitoIdentityServiceProvider.";

/// The claims of an ID token the kit reads: who the account is, and which of its addresses
/// Cognito has verified. `preferred_username` is not read: its owner writes it at will.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IdTokenClaims {
    /// `cognito:username`: the pool's username of the person.
    #[serde(rename = "cognito:username")]
    pub username: String,
    /// The account's email address, when it has one.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether Cognito has verified `email` (a boolean claim in Cognito's ID token).
    #[serde(default)]
    pub email_verified: bool,
    /// The account's phone number, when it has one.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Whether Cognito has verified `phone_number`.
    #[serde(default)]
    pub phone_number_verified: bool,
}

impl IdTokenClaims {
    /// Whether this token names `shown` (the account the page showed, from the link or as
    /// typed) by a fact Cognito has verified: its email with `email_verified`, its phone
    /// number with `phone_number_verified`, or its pool username where people sign in with
    /// usernames (`with`: `username` or `either`). Never `preferred_username`, which any
    /// user may set to someone else's address, and never an unverified address, which the
    /// account's owner may have changed to someone else's.
    ///
    /// The link is only a hint that anyone holding it can edit; the token is Cognito's word.
    /// The trigger copies the email attribute the token also carries, so a real link matches
    /// byte for byte; ASCII case is forgiven for a hand-typed address (Unicode case folding
    /// would add its tables to the module for no real link).
    pub fn names(&self, shown: &str, with: SignInWith) -> bool {
        let shown = shown.trim();
        let by_email = self.email_verified && self.email.as_deref().is_some_and(|email| email.eq_ignore_ascii_case(shown));
        let by_phone = self.phone_number_verified && self.phone_number.as_deref() == Some(shown);
        // An address-shaped username is not the address: in a pool without an email alias
        // anyone may register the username "victim@example.com". What looks like an address
        // must be matched by a verified one.
        let by_username = with != SignInWith::Email && !looks_like_address(shown) && self.username == shown;
        by_email || by_phone || by_username
    }

    /// Whether this token carries `shown` as its email or phone number without Cognito having
    /// verified it: an account nobody has proved is the person's (an invitation sent before
    /// the address was verified, or an owner who changed their address to someone else's).
    /// The page then signs no one in and asks the person to sign in, rather than telling them
    /// the link was someone else's.
    pub fn names_unverified(&self, shown: &str) -> bool {
        let shown = shown.trim();
        let email = self.email.as_deref().is_some_and(|email| email.eq_ignore_ascii_case(shown));
        (email && !self.email_verified) || (self.phone_number.as_deref() == Some(shown) && !self.phone_number_verified)
    }
}

/// Whether a person can recognise `shown` as their own account in a pool whose people sign
/// in with `with`: an email address or phone number, or a username where usernames are what
/// people sign in with. In a pool that signs in by email, usernames are opaque ids (a link
/// without its `email=` shows one): nobody knows whose account that is, so no page keeps a
/// session for it.
pub fn recognisable(shown: &str, with: SignInWith) -> bool {
    let shown = shown.trim();
    !shown.is_empty() && (looks_like_address(shown) || with != SignInWith::Email)
}

/// Whether `shown` reads as an email address or a phone number (`+` and digits): what a
/// person takes for their address, whatever the pool stores it as.
fn looks_like_address(shown: &str) -> bool {
    let phone = shown.len() > 1 && shown.starts_with('+') && shown[1..].bytes().all(|b| b.is_ascii_digit());
    shown.contains('@') || phone
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
    token_entries(client_id, username, tokens, &mut put);
    put(&last_user_key(client_id), username);
}

/// Hands `put` the entries of `username`'s tokens alone, without `LastAuthUser`: a token
/// renewed for one account must never change who the app thinks is signed in.
pub fn token_entries(client_id: &str, username: &str, tokens: &Tokens, mut put: impl FnMut(&str, &str)) {
    let key = |name: &str| token_key(client_id, username, name);
    put(&key("idToken"), &tokens.id_token);
    put(&key("accessToken"), &tokens.access_token);
    put(&key("clockDrift"), "0");
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
        IdTokenClaims { username: "3f2a-uuid".into(), email, email_verified: true, phone_number: Some("+15550100".into()), phone_number_verified: true }
    }

    #[test]
    fn a_token_names_the_account_shown_by_a_verified_email_or_phone() {
        let jane = claims(Some("Jane+Reset@Example.com"));
        for shown in ["jane+reset@example.com", " JANE+RESET@EXAMPLE.COM ", "+15550100"] {
            assert!(jane.names(shown, SignInWith::Email), "{shown}");
        }
        for shown in ["victim@example.com", "3f2a-uuid", "3F2A-UUID", "", "jane+reset@example.co"] {
            assert!(!jane.names(shown, SignInWith::Email), "{shown}");
        }
        assert!(!claims(None).names("victim@example.com", SignInWith::Email), "no email claim: an email shown is not this account's");
        let claims: IdTokenClaims = serde_json::from_str(r#"{"cognito:username":"u","email":"e@x.io","email_verified":true,"sub":"s"}"#).unwrap();
        assert!(claims.names("e@x.io", SignInWith::Email));
    }

    #[test]
    fn the_pool_username_names_the_account_only_where_people_sign_in_with_it() {
        let jane = claims(None);
        assert!(!jane.names("3f2a-uuid", SignInWith::Email), "an opaque id names nobody a person knows");
        assert!(jane.names("3f2a-uuid", SignInWith::Username) && jane.names("3f2a-uuid", SignInWith::Either));
        assert!(!jane.names("3F2A-UUID", SignInWith::Username), "usernames are compared as Cognito stores them");
        // In a username pool anyone may register an address as their username.
        for squatted in ["victim@example.com", "+15550199"] {
            let squatter = IdTokenClaims { username: squatted.into(), email: Some("me@example.com".into()), email_verified: true, phone_number: None, phone_number_verified: false };
            for with in [SignInWith::Username, SignInWith::Either] {
                assert!(!squatter.names(squatted, with), "{squatted}: an address-shaped username is not that address");
            }
        }
    }

    #[test]
    fn an_unverified_address_or_a_preferred_username_names_no_one() {
        let unverified = r#"{"cognito:username":"u","email":"victim@example.com","email_verified":false,"phone_number":"+15550100","phone_number_verified":false}"#;
        let claims: IdTokenClaims = serde_json::from_str(unverified).unwrap();
        for with in [SignInWith::Email, SignInWith::Either] {
            assert!(!claims.names("victim@example.com", with) && !claims.names("+15550100", with));
        }
        assert!(claims.names_unverified("victim@example.com") && claims.names_unverified("+15550100"));
        assert!(!claims.names_unverified("other@example.com") && !claims.names_unverified("u"), "another address, or a username");
        let missing: IdTokenClaims = serde_json::from_str(r#"{"cognito:username":"u","email":"victim@example.com"}"#).unwrap();
        assert!(!missing.names("victim@example.com", SignInWith::Email), "no email_verified claim: not verified");
        let preferred = r#"{"cognito:username":"u","email":"me@example.com","email_verified":true,"preferred_username":"victim@example.com"}"#;
        let claims: IdTokenClaims = serde_json::from_str(preferred).unwrap();
        assert!(!claims.names("victim@example.com", SignInWith::Email) && !claims.names("victim@example.com", SignInWith::Either));
        assert!(!claims.names_unverified("victim@example.com"), "a preferred_username is not even an unverified address");
        let text: Result<IdTokenClaims, _> = serde_json::from_str(r#"{"cognito:username":"u","email":"e@x.io","email_verified":"true"}"#);
        assert!(text.is_err(), "a claim that is not Cognito's boolean is not read as verified");
    }

    #[test]
    fn recognises_addresses_and_usernames_where_people_sign_in_with_them() {
        for shown in ["jane@example.com", "+15550100"] {
            assert!(recognisable(shown, SignInWith::Email), "{shown}");
        }
        for shown in ["3f2a9c1e-0b7d-4c55-9a61-8d2f1e3b4c5d", "", "  ", "+", "+1 555"] {
            assert!(!recognisable(shown, SignInWith::Email), "{shown:?}");
        }
        assert!(recognisable("jane_doe", SignInWith::Username) && recognisable("jane_doe", SignInWith::Either));
        assert!(!recognisable(" ", SignInWith::Username));
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
            "CognitoIdentityServiceProvider.client1.user-1.refreshToken",
            "CognitoIdentityServiceProvider.client1.LastAuthUser",
        ]);
        assert_eq!(entries[4].1, "user-1", "LastAuthUser is written last, once the tokens are there");
        let mut renewed = Vec::new();
        token_entries("client1", "user-1", &tokens, |key, _| renewed.push(key.to_string()));
        assert_eq!(renewed.len(), 4);
        assert!(!renewed.iter().any(|key| key.ends_with("LastAuthUser")), "a renewal never changes who is signed in");
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
