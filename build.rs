//! Writes the English words this build of the browser module shows into
//! `$OUT_DIR/english.rs`, as a table of `(key, text)` pairs: only the keys of the pages it
//! serves (`page-*` features; all of them for the npm API), never the email and SMS texts.
//! The pages hold their static English in the HTML, so the module needs only what its code
//! says, and needs no JSON reader to get it.

use std::collections::BTreeMap;

/// The keys each page's code shows: prefixes ending in a dot, or whole keys.
const PAGE_KEYS: [(&str, &[&str]); 7] = [
    ("PAGE_FORGOT", &["forgot.", "advice.", "common.", "brand."]),
    // The reset page's form; what follows the press is the account module's.
    ("PAGE_RESET", &["reset.", "rule.", "advice.expired_link", "common.", "brand."]),
    ("PAGE_ACCOUNT", &["reset.", "advice.", "common.", "brand.", NEW_LINK_WAIT, NEW_LINK_SITE_PROBLEM]),
    ("PAGE_CONFIRM", &["confirm.", "reset.", "advice.", "common.", "brand.", NEW_LINK_WAIT, NEW_LINK_SITE_PROBLEM]),
    ("PAGE_WELCOME", &["welcome.", "reset.", "rule.", "advice.", "common.", "attribute.", "brand."]),
    ("PAGE_VERIFY", &["verify.", "reset.", "advice.", "common.", "brand.", NEW_LINK_WAIT, NEW_LINK_SITE_PROBLEM]),
    ("PAGE_SIGNIN", &["signin.", "reset.", "common.", "brand.", "forgot.label.", "forgot.need.", NEW_LINK_SITE_PROBLEM]),
];
/// A refused "send me a new link" reads as the forgot page's refusal (core's `ForgotOutcome`).
const NEW_LINK_WAIT: &str = "forgot.wait";
/// See [`NEW_LINK_WAIT`].
const NEW_LINK_SITE_PROBLEM: &str = "forgot.site_problem";
/// Keys only the trigger uses.
const TRIGGER_ONLY: [&str; 5] = ["email.", "sms.", "signup.", "invite.", "change."];

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
            prefixes.iter().any(|p| if p.ends_with('.') { key.starts_with(p) } else { key == *p })
        }
    };
    let text = std::fs::read_to_string(source).expect("core/i18n/en.json is readable");
    let entries: BTreeMap<String, String> = serde_json::from_str(&text).expect("core/i18n/en.json is an object of texts");
    // In the map's order, sorted by key. `{:?}` writes each string as a Rust literal, escapes included.
    let rows: String = entries.iter().filter(|(key, _)| wanted(key)).map(|(key, words)| format!("    ({key:?}, {words:?}),\n")).collect();
    let table = format!("/// The English words of this build's pages, sorted by key (`Catalogue::english_table` searches them).\npub const ENGLISH: &[(&str, &str)] = &[\n{rows}];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("english.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
