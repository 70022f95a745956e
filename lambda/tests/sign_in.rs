//! Sign-in by link: with `SIGN_IN_LINKS=true` the trigger turns Cognito's sign-in code email
//! (`CustomMessage_Authentication`, which also carries emailed MFA codes) into a link to
//! `sign-in.html` with the code written out too; without it, the event comes back as it came.

use std::collections::HashMap;

use reset_link_core::i18n::LANGUAGES;
use reset_link_core::link::parse_link;
use reset_link_trigger::handler::{handle, Outcome};
use reset_link_trigger::log;
use reset_link_trigger::settings::Settings;
use serde_json::{json, Value};

/// The clock the tests pass in.
const NOW: u64 = 1_764_860_000;
/// The fixture's username and email.
const USERNAME: &str = "3f2a6c1e-9b7d-4c2a-8e51-6d0f1b2a7c90";
const EMAIL: &str = "jane+test@example.com";

fn settings(pairs: &[(&str, &str)]) -> Settings {
    let mut map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    map.entry("RESET_PAGE_URL".into()).or_insert_with(|| "https://example.com/reset-password.html".into());
    Settings::from_vars(|k| map.get(k).cloned()).expect("usable settings")
}

fn on() -> Settings {
    settings(&[("SIGN_IN_LINKS", "true")])
}

fn fixture() -> Value {
    let path = format!("{}/tests/fixtures/custom-message-authentication.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The href of the message's button, unescaped as a mail client would.
fn first_link(html: &str) -> String {
    let start = html.find("href=\"").unwrap() + 6;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].replace("&amp;", "&")
}

fn rewritten(settings: &Settings, event: Value) -> Value {
    let (event, outcome) = handle(Some(settings), event, NOW);
    assert_eq!(outcome, Outcome::Rewritten);
    event
}

#[test]
fn switched_on_the_sign_in_email_links_to_the_sign_in_page_and_parses_back() {
    let event = rewritten(&on(), fixture());
    let html = event["response"]["emailMessage"].as_str().unwrap();
    let link = first_link(html);
    assert!(link.starts_with("https://example.com/sign-in.html#sign_in_code={####}&user_name="), "{link}");
    // As Cognito fills in the code after the trigger, then as the page reads it.
    let params = parse_link("", &link.split_once('#').unwrap().1.replace("{####}", "12345678"));
    assert_eq!(params.sign_in_code.as_deref(), Some("12345678"));
    assert_eq!(params.username.as_deref(), Some(USERNAME));
    assert_eq!(params.email.as_deref(), Some(EMAIL), "LINK_INCLUDE_EMAIL, as the other links");
    assert_eq!(params.sent_at, Some(NOW));
    assert_eq!(params.code, None, "no other page takes it for its own code");
    assert_eq!(event["response"]["emailSubject"], "Your sign-in link", "no product name: words that need none");
    assert!(html.contains("Sign me in") && html.contains(EMAIL));
    assert_eq!(event["userName"], USERNAME, "the rest is kept");
    let without_email = rewritten(&settings(&[("SIGN_IN_LINKS", "true"), ("LINK_INCLUDE_EMAIL", "false")]), fixture());
    let link = first_link(without_email["response"]["emailMessage"].as_str().unwrap());
    assert!(!link.contains("email="), "{link}");
}

#[test]
fn the_code_is_also_written_out_for_apps_that_ask_for_it_on_their_own_screen() {
    let event = rewritten(&on(), fixture());
    let html = event["response"]["emailMessage"].as_str().unwrap();
    // Once in the button's href, once in the link as text, once on its own line.
    assert_eq!(html.matches("{####}").count(), 4, "{html}");
    assert!(html.contains(r#"<span dir="ltr" style="font-family:Consolas,Menlo,monospace">{####}</span>"#), "{html}");
    assert!(html.contains("Or type this code where you asked to sign in:"));
}

#[test]
fn the_product_name_is_named_and_the_page_can_be_set() {
    let named = settings(&[("SIGN_IN_LINKS", "true"), ("PRODUCT_NAME", "Acme"), ("SIGN_IN_PAGE_URL", "https://id.acme.example/login.html")]);
    let event = rewritten(&named, fixture());
    assert_eq!(event["response"]["emailSubject"], "Sign in to Acme");
    let html = event["response"]["emailMessage"].as_str().unwrap();
    assert!(first_link(html).starts_with("https://id.acme.example/login.html#sign_in_code="));
    assert!(html.contains("Someone asked to sign in to Acme as jane+test@example.com."));
}

#[test]
fn switched_off_the_event_comes_back_exactly_as_it_came() {
    let original = fixture();
    for off in [settings(&[]), settings(&[("SIGN_IN_LINKS", "false")]), settings(&[("SIGN_IN_LINKS", ""), ("SIGN_IN_PAGE_URL", "https://e.com/s.html")])] {
        let (event, outcome) = handle(Some(&off), original.clone(), NOW);
        assert_eq!((event, outcome), (original.clone(), Outcome::OtherSource));
    }
    assert_eq!(handle(None, original.clone(), NOW), (original, Outcome::OtherSource), "unusable settings cannot say it was wanted");
}

#[test]
fn the_log_line_says_what_happened_to_the_sign_in_email() {
    let event = fixture();
    let source = log::source_of(&event).to_owned();
    let (_, written) = handle(Some(&on()), event.clone(), NOW);
    assert_eq!(log::line(&source, written), r#"{"trigger":"reset-link","source":"CustomMessage_Authentication","outcome":"rewritten"}"#);
    let (_, left) = handle(Some(&settings(&[])), event.clone(), NOW);
    assert_eq!(log::line(&source, left), r#"{"trigger":"reset-link","source":"CustomMessage_Authentication","outcome":"other_source"}"#);
    let (_, nameless) = handle(Some(&on()), json!({"triggerSource": "CustomMessage_Authentication", "request": {}}), NOW);
    assert!(log::line(&source, nameless).ends_with(r#""outcome":"left_default","reason":"no_username"}"#));
}

#[test]
fn the_sms_carries_the_link_when_it_fits_and_the_code_otherwise() {
    let mut short = fixture();
    short["userName"] = json!("jo");
    let settings = settings(&[("SIGN_IN_LINKS", "true"), ("LINK_INCLUDE_EMAIL", "false")]);
    let sms = rewritten(&settings, short)["response"]["smsMessage"].as_str().unwrap().to_string();
    assert!(sms.starts_with("Sign in: https://example.com/sign-in.html#sign_in_code={####}&user_name=jo&sent="), "{sms}");
    let mut long = fixture();
    long["userName"] = json!("n".repeat(64));
    let long = rewritten(&settings, long);
    assert_eq!(long["response"]["smsMessage"], "Your sign-in code is {####}. Never share it with anyone.");
}

#[test]
fn every_language_renders_within_cognitos_limits() {
    let mut subjects = Vec::new();
    for language in LANGUAGES {
        let mut event = fixture();
        event["request"]["clientMetadata"] = json!({ "lang": language });
        let event = rewritten(&on(), event);
        let html = event["response"]["emailMessage"].as_str().unwrap();
        assert!(html.contains(&format!("lang=\"{language}\"")), "{language}");
        assert!(first_link(html).contains("sign_in_code={####}"), "{language}");
        assert!(!html.contains("signin_email."), "{language}: every sentence is in the catalogue");
        subjects.push(event["response"]["emailSubject"].as_str().unwrap().to_string());
    }
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), LANGUAGES.len(), "each language its own subject: {subjects:?}");
}

#[test]
fn the_german_and_spanish_emails_address_the_reader_formally() {
    let text = |language: &str| {
        let mut event = fixture();
        event["request"]["clientMetadata"] = json!({ "lang": language });
        let event = rewritten(&on(), event);
        format!("{} {} {}", event["response"]["emailSubject"], event["response"]["emailMessage"], event["response"]["smsMessage"])
    };
    let german = text("de");
    assert!(german.contains("Sie ") && !german.contains(" du ") && !german.contains(" dich "), "{german}");
    let spanish = text("es");
    assert!(spanish.contains("Inicie sesión") && spanish.contains("pulse") && !spanish.contains("pulsa "), "{spanish}");
}
