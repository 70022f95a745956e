//! One bad brand value leaves out its own part only: every message source still gets its link,
//! with the rest of the brand, and the part is named for the log (issue 35).

use reset_link_trigger::check::SettingsReport;
use reset_link_trigger::handler::{handle, Outcome};
use serde_json::{json, Value};

/// A brand that is good in every part.
const GOOD: [(&str, &str); 5] = [
    ("RESET_PAGE_URL", "https://reset.acme.example/reset-password.html"),
    ("BRAND_LOGO", "/brand/logo.png"),
    ("BRAND_ACCENT", "#7a1fa2"),
    ("BRAND_ON_ACCENT", "#ffffff"),
    ("BRAND_SUPPORT", "help@acme.example"),
];

/// What each part puts into the email.
const LOGO: &str = r#"<img src="https://reset.acme.example/brand/logo.png""#;
const COLORS: &str = "background:#7a1fa2;color:#ffffff";
const SUPPORT: &str = "help@acme.example";

/// A case: what it is, the settings it changes, the part the email loses, what the log says.
type Case = (&'static str, &'static [(&'static str, &'static str)], &'static str, &'static str);

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The events of every message source the trigger rewrites, from the shared fixtures.
fn events() -> Vec<Value> {
    let sources = ["CustomMessage_ForgotPassword", "CustomMessage_SignUp", "CustomMessage_ResendCode", "CustomMessage_AdminCreateUser", "CustomMessage_UpdateUserAttribute"];
    sources
        .into_iter()
        .map(|source| {
            let mut event = fixture(if source.contains("Forgot") { "custom-message-forgot-password.json" } else { "custom-message-signup.json" });
            event["triggerSource"] = json!(source);
            event
        })
        .collect()
}

/// The report for `GOOD` with `changes` applied (an empty value unsets a setting).
fn report_with(changes: &[(&str, &str)]) -> SettingsReport {
    SettingsReport::read(&|name| {
        let changed = changes.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
        changed.or_else(|| GOOD.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())).filter(|v| !v.is_empty())
    }, &|_| Err(std::io::ErrorKind::NotFound.into()))
}

#[test]
fn each_bad_part_is_left_out_alone_and_every_email_keeps_its_link() {
    let cases: [Case; 5] = [
        ("a logo on another host", &[("BRAND_LOGO", "https://cdn.example/logo.png")], LOGO, "BRAND_LOGO left out"),
        ("an accent under the contrast rule", &[("BRAND_ACCENT", "#ffeb3b")], COLORS, "BRAND_ACCENT and BRAND_ON_ACCENT left out"),
        ("only the accent", &[("BRAND_ON_ACCENT", "")], COLORS, "BRAND_ACCENT and BRAND_ON_ACCENT left out"),
        ("only the text colour", &[("BRAND_ACCENT", "")], COLORS, "BRAND_ACCENT and BRAND_ON_ACCENT left out"),
        ("a colour that is not one", &[("BRAND_ACCENT", "purple")], COLORS, "BRAND_ACCENT and BRAND_ON_ACCENT left out"),
    ];
    for (case, changes, dropped, logged) in cases {
        let report = report_with(changes);
        let lines = report.lines();
        assert!(matches!(&lines[..], [line] if line.starts_with(logged)), "{case}: {lines:?}");
        assert!(!report.is_clean() && report.to_json()["links"] == json!(true), "{case}");
        let settings = report.settings.expect(case);
        for event in events() {
            let source = event["triggerSource"].as_str().unwrap().to_string();
            let (reply, outcome) = handle(Some(&settings), event, 1_764_860_000);
            assert_eq!(outcome, Outcome::Rewritten, "{case}: {source}");
            let html = reply["response"]["emailMessage"].as_str().unwrap();
            assert!(html.contains("href=\"https://reset.acme.example/"), "{case}: {source} has its link");
            assert!(!html.contains(dropped), "{case}: {source} leaves the part out");
            for kept in [LOGO, COLORS, SUPPORT].into_iter().filter(|part| *part != dropped) {
                assert!(html.contains(kept), "{case}: {source} keeps {kept}");
            }
        }
    }
    let good = report_with(&[]);
    assert!(good.is_clean() && good.lines().is_empty());
}
