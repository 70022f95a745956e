//! Writes the English words this build of the browser module shows into
//! `$OUT_DIR/english.json`: only the keys of the pages it serves (`page-*` features; all of
//! them for the npm API), never the email and SMS texts, without whitespace. The pages hold
//! their static English in the HTML, so the module needs only what its code says.

use reset_link_core::json::{self, Json};

/// Key prefixes each page's code shows.
const PAGE_KEYS: [(&str, &[&str]); 3] = [
    ("PAGE_FORGOT", &["forgot.", "advice.", "common."]),
    ("PAGE_RESET", &["reset.", "rule.", "advice.", "common."]),
    ("PAGE_CONFIRM", &["confirm.", "reset.", "advice.", "common."]),
];
/// Keys only the trigger uses.
const TRIGGER_ONLY: [&str; 3] = ["email.", "sms.", "signup."];

fn main() {
    let source = "core/i18n/en.json";
    println!("cargo:rerun-if-changed={source}");
    let api = std::env::var_os("CARGO_FEATURE_API").is_some();
    let prefixes: Vec<&str> = PAGE_KEYS
        .iter()
        .filter(|(feature, _)| std::env::var_os(format!("CARGO_FEATURE_{feature}")).is_some())
        .flat_map(|(_, prefixes)| prefixes.iter().copied())
        .collect();
    let wanted = |key: &str| {
        if api {
            !TRIGGER_ONLY.iter().any(|p| key.starts_with(p))
        } else {
            prefixes.iter().any(|p| key.starts_with(p))
        }
    };
    let text = std::fs::read_to_string(source).expect("core/i18n/en.json is readable");
    let Some(Json::Object(members)) = json::parse(&text) else { panic!("{source} is not a JSON object") };
    let kept = Json::Object(members.into_iter().filter(|(key, _)| wanted(key)).collect());
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("english.json");
    std::fs::write(out, kept.to_text()).expect("OUT_DIR is writable");
}
