//! What the trigger makes of its settings, said once: in the log when it starts, and to the
//! deploy before anything is created (`reset-link-trigger --check-settings`, run natively with
//! the environment and files the function will get).

use std::path::Path;

use reset_link_core::brand::BrandProblem;
use serde_json::{json, Value};

use crate::brand::{describe, read_brand};
use crate::bundle::{read_bundle, BundleError};
use crate::settings::{Settings, SettingsError};
use crate::words::read_words;

/// Why the trigger leaves Cognito's default messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// A file a `*_FILE` variable names cannot be read.
    Bundle(BundleError),
    /// A setting cannot be used.
    Settings(SettingsError),
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bundle(problem) => problem.fmt(f),
            Self::Settings(problem) => problem.fmt(f),
        }
    }
}

/// The settings as the trigger reads them, with every part it leaves out.
#[derive(Debug)]
pub struct SettingsReport {
    /// The settings, or why the trigger leaves Cognito's default messages.
    pub settings: Result<Settings, Unusable>,
    /// Brand parts left out of the emails (the rest of the brand is used).
    pub left_out: Vec<BrandProblem>,
    /// Reworded sentences left out of the emails (the catalogue's stay).
    pub words_left_out: Vec<String>,
}

impl SettingsReport {
    /// Reads the settings through `env`, with the files the `*_FILE` variables name read
    /// through `read_file` (their texts stand for `EMAIL_TEMPLATE` and `EMAIL_WORDS`).
    pub fn read(env: &dyn Fn(&str) -> Option<String>, read_file: &dyn Fn(&Path) -> std::io::Result<String>) -> SettingsReport {
        let files = match read_bundle(env, read_file) {
            Ok(files) => files,
            Err(problem) => return SettingsReport { settings: Err(Unusable::Bundle(problem)), left_out: read_brand(env).1, words_left_out: Vec::new() },
        };
        let var = |name: &str| files.get(name).cloned().or_else(|| env(name));
        let words_left_out = read_words(&var).map(|(_, left_out)| left_out).unwrap_or_default();
        SettingsReport { settings: Settings::from_vars(var).map_err(Unusable::Settings), left_out: read_brand(&var).1, words_left_out }
    }

    /// One line per problem, the unusable setting first.
    pub fn lines(&self) -> Vec<String> {
        let unusable = self.settings.as_ref().err().map(|problem| format!("{problem}; leaving Cognito's default messages"));
        unusable.into_iter().chain(self.left_out.iter().map(describe)).chain(self.words_left_out.iter().cloned()).collect()
    }

    /// Whether the trigger uses every setting as given.
    pub fn is_clean(&self) -> bool {
        self.settings.is_ok() && self.left_out.is_empty() && self.words_left_out.is_empty()
    }

    /// The report for a deploy script: `{"links": bool, "clean": bool, "problems": [..]}`,
    /// where `links` says whether the emails carry links at all.
    pub fn to_json(&self) -> Value {
        json!({ "links": self.settings.is_ok(), "clean": self.is_clean(), "problems": self.lines() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(pairs: &[(&str, &str)]) -> SettingsReport {
        let files = |path: &Path| match path.to_str() {
            Some("words.json") => Ok(r#"{"en":{"email.heading":"Hello {name}","invite.heading":"Welcome aboard"}}"#.to_string()),
            Some("template.html") => Ok(format!("<a href=\"{{link}}\">Reset</a>{}", " ".repeat(8_000))),
            _ => Err(std::io::ErrorKind::NotFound.into()),
        };
        SettingsReport::read(&|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()), &files)
    }

    #[test]
    fn a_bad_brand_part_is_reported_while_the_links_stay() {
        let clean = report(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("BRAND_ACCENT", "#7a1fa2"), ("BRAND_ON_ACCENT", "#fff")]);
        assert_eq!(clean.to_json(), json!({"links": true, "clean": true, "problems": []}));
        let low = report(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("BRAND_ACCENT", "#ff0"), ("BRAND_ON_ACCENT", "#fff"), ("BRAND_LOGO", "//cdn.example/l.png")]);
        assert_eq!((low.to_json()["links"].clone(), low.is_clean()), (json!(true), false));
        let lines = low.lines();
        assert!(lines[0].starts_with("BRAND_LOGO left out") && lines[1].starts_with("BRAND_ACCENT and BRAND_ON_ACCENT left out"), "{lines:?}");
        let none = report(&[]);
        assert_eq!(none.to_json()["links"], json!(false));
        assert_eq!(none.lines(), ["RESET_PAGE_URL is not set; leaving Cognito's default messages"]);
    }

    #[test]
    fn the_template_and_words_come_from_the_bundle_and_a_missing_file_is_said_at_start() {
        let page = ("RESET_PAGE_URL", "https://e.com/r.html");
        let bundled = report(&[page, ("EMAIL_TEMPLATE_FILE", "template.html"), ("EMAIL_WORDS_FILE", "words.json")]);
        let settings = bundled.settings.as_ref().unwrap();
        assert!(settings.texts.template.as_ref().unwrap().len() > 4_096, "longer than a function's whole environment");
        assert_eq!(settings.texts.catalogue("en").text("invite.heading"), "Welcome aboard");
        assert!(matches!(&bundled.lines()[..], [line] if line.contains("email.heading")), "{:?}", bundled.lines());
        let missing = report(&[page, ("EMAIL_TEMPLATE_FILE", "email-template.html")]);
        assert!(matches!(missing.settings, Err(Unusable::Bundle(_))));
        assert!(missing.lines()[0].starts_with("EMAIL_TEMPLATE_FILE names email-template.html, which cannot be read"), "{:?}", missing.lines());
    }
}
