//! Tests of reading and checking `config.json`.

use super::*;
use super::file::KEYS;

fn check(json: &str) -> Result<Config, ConfigError> {
    parse_config(json)
}

#[test]
fn derives_the_region_and_endpoint() {
    let config = check(r#"{"userPoolId":"eu-west-1_AbC123","clientId":"abc123","passwordPolicy":{"minimumLength":12,"requireSymbols":false}}"#).unwrap();
    assert_eq!(config.password_policy.minimum_length, 12);
    assert!(!config.password_policy.require_symbols && config.password_policy.require_numbers);
    assert_eq!(config.endpoint, "https://cognito-idp.eu-west-1.amazonaws.com/");
    assert_eq!(config.sign_in_url, "/");
    assert_eq!(config.resend_cooldown_seconds, 60);
    assert_eq!(config.invitation_days, 7);
    assert_eq!(config.request_timeout_ms, 15_000);
    assert_eq!((config.sign_in_with, config.show_destination), (SignInWith::Email, false));
    assert_eq!((config.sign_in, config.store_session, config.after_sign_in_url.as_str()), (SignIn::Srp, true, "/"));
}

#[test]
fn accepts_a_local_endpoint() {
    let config = check(r#"{"region":"local","clientId":"c1","endpoint":"http://127.0.0.1:9229/","signInUrl":"http://localhost:8080/"}"#).unwrap();
    assert_eq!(config.endpoint, "http://127.0.0.1:9229/");
}

#[test]
fn refuses_what_cannot_work() {
    assert_eq!(check(r#"{"userPoolId":"eu-west-1_A","clientId":"c","clientSecret":"s"}"#).unwrap_err(), ConfigError::ClientSecret);
    assert_eq!(check(r#"{"userPoolId":"eu-west-1_A"}"#).unwrap_err(), ConfigError::ClientId);
    assert_eq!(check(r#"{"userPoolId":"nounderscore","clientId":"c"}"#).unwrap_err(), ConfigError::Region);
    assert_eq!(check(r#"{"region":"x","clientId":"c","endpoint":"http://evil.example/"}"#).unwrap_err(), ConfigError::Endpoint);
    assert_eq!(check(r#"{"region":"x","clientId":"c","signInUrl":"javascript:alert(1)"}"#).unwrap_err(), ConfigError::SignInUrl);
    assert_eq!(check(r#"{"region":"x","clientId":"c","signInUrl":"//evil.example"}"#).unwrap_err(), ConfigError::SignInUrl);
    assert_eq!(check(r#"{"clientId":"c d","region":"x"}"#).unwrap_err(), ConfigError::ClientId);
    assert_eq!(check(r#"{"clientId":"c","region":"x","signInWith":"phone"}"#).unwrap_err(), ConfigError::SignInWith);
    assert_eq!(check(r#"{"clientId":"c","region":"x","resendCooldownSeconds":"60"}"#).unwrap_err(), ConfigError::WrongType("resendCooldownSeconds"));
    assert_eq!(check(r#"{"clientId":"c","region":"x","passwordPolicy":{"minimumLength":"8"}}"#).unwrap_err(), ConfigError::WrongType("passwordPolicy"));
    assert_eq!(check("[1]").unwrap_err(), ConfigError::Unreadable);
    assert_eq!(check(r#"{"clientId":"c","region":"x","signIn":"magic"}"#).unwrap_err(), ConfigError::SignIn);
    assert_eq!(check(r#"{"clientId":"c","region":"x","redirectAllowList":"https://a"}"#).unwrap_err(), ConfigError::WrongType("redirectAllowList"));
    assert_eq!(check(r#"{"clientId":"c","region":"x","afterSignInUrl":"//evil"}"#).unwrap_err(), ConfigError::SignInUrl);
    assert_eq!(check("not json").unwrap_err(), ConfigError::Unreadable);
}

#[test]
fn http_is_allowed_on_this_machine_only_by_its_exact_host() {
    for hostile in ["http://localhost:@evil.example/", "http://127.0.0.1:80@evil.example/", "http://localhost.evil.example/", "http://127.0.0.1.nip.io/", "https://user:pw@cognito.example/"] {
        let endpoint = format!(r#"{{"region":"x","clientId":"c","endpoint":"{hostile}"}}"#);
        assert_eq!(check(&endpoint).unwrap_err(), ConfigError::Endpoint, "{hostile}");
        let sign_in = format!(r#"{{"region":"x","clientId":"c","signInUrl":"{hostile}"}}"#);
        assert_eq!(check(&sign_in).unwrap_err(), ConfigError::SignInUrl, "{hostile}");
    }
    assert_eq!(check(r#"{"region":"x","clientId":"c","signInUrl":"/\\evil.example"}"#).unwrap_err(), ConfigError::SignInUrl);
    for hostile in [r"/\t/evil.example", r"/\n/evil.example", r"\u0001//evil.example", r"/\r/evil.example"] {
        let sign_in = format!(r#"{{"region":"x","clientId":"c","signInUrl":"{hostile}"}}"#);
        assert_eq!(check(&sign_in).unwrap_err(), ConfigError::SignInUrl, "{hostile}");
        let after = format!(r#"{{"region":"x","clientId":"c","afterSignInUrl":"{hostile}"}}"#);
        assert_eq!(check(&after).unwrap_err(), ConfigError::SignInUrl, "{hostile}");
    }
    assert!(check(r#"{"region":"x","clientId":"c","endpoint":"http://localhost:9229/","signInUrl":"http://127.0.0.1/x"}"#).is_ok());
}

#[test]
fn a_value_of_the_wrong_kind_is_named_by_its_key() {
    for key in KEYS.iter().filter(|key| **key != "clientSecret") {
        // A kind no key takes: an object nobody expects, or text where text is not expected.
        let wrong = if ["passwordPolicy", "brand", "words"].contains(key) { r#""strong""# } else { r#"{"no":"kind"}"# };
        let text = format!(r#"{{"clientId":"c","region":"x","{key}":{wrong}}}"#);
        assert_eq!(check(&text).unwrap_err(), ConfigError::WrongType(key), "{key}");
    }
    assert_eq!(check(r#"{"clientId":"c","region":"x","requestTimeoutSeconds":null}"#).unwrap().request_timeout_ms, 15_000);
}

#[test]
fn the_sign_in_session_lasts_three_to_fifteen_minutes() {
    let minutes = |json: &str| check(json).unwrap().sign_in_session_minutes;
    assert_eq!(minutes(r#"{"clientId":"c","region":"x"}"#), 3);
    assert_eq!(minutes(r#"{"clientId":"c","region":"x","signInSessionMinutes":10}"#), 10);
    assert_eq!(minutes(r#"{"clientId":"c","region":"x","signInSessionMinutes":1}"#), 3);
    assert_eq!(minutes(r#"{"clientId":"c","region":"x","signInSessionMinutes":60}"#), 15);
    assert_eq!(check(r#"{"clientId":"c","region":"x","signInSessionMinutes":"5"}"#).unwrap_err(), ConfigError::WrongType("signInSessionMinutes"));
}
