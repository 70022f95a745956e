//! What the trigger makes of its settings, said once: in the log when it starts, and to the
//! deploy before anything is created (`reset-link-trigger --check-settings`, run natively with
//! the environment the function will get).

use reset_link_core::brand::BrandProblem;
use serde_json::{json, Value};

use crate::brand::{describe, read_brand};
use crate::settings::{Settings, SettingsError};

/// The settings as the trigger reads them, with every brand part it leaves out.
#[derive(Debug)]
pub struct SettingsReport {
    /// The settings, or why the trigger leaves Cognito's default messages.
    pub settings: Result<Settings, SettingsError>,
    /// Brand parts left out of the emails (the rest of the brand is used).
    pub left_out: Vec<BrandProblem>,
}

impl SettingsReport {
    /// Reads the settings through `var`, as [`Settings::from_vars`] does.
    pub fn read(var: &dyn Fn(&str) -> Option<String>) -> SettingsReport {
        SettingsReport { settings: Settings::from_vars(var), left_out: read_brand(var).1 }
    }

    /// One line per problem, the unusable setting first.
    pub fn lines(&self) -> Vec<String> {
        let unusable = self.settings.as_ref().err().map(|problem| format!("{problem}; leaving Cognito's default messages"));
        unusable.into_iter().chain(self.left_out.iter().map(describe)).collect()
    }

    /// Whether the trigger uses every setting as given.
    pub fn is_clean(&self) -> bool {
        self.settings.is_ok() && self.left_out.is_empty()
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
        SettingsReport::read(&|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
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
}
