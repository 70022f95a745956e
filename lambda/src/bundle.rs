//! Files the deploy puts in the function's bundle beside `bootstrap`: a team's email template
//! and the emails' reworded sentences. A function's environment holds 4 KB in all, so a
//! template of up to 20,000 characters cannot be a variable; a short variable names the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each variable naming a file, and the setting the file's text stands for.
pub const FILES: [(&str, &str); 2] = [("EMAIL_TEMPLATE_FILE", "EMAIL_TEMPLATE"), ("EMAIL_WORDS_FILE", "EMAIL_WORDS")];

/// A file a variable names that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    /// The variable naming the file.
    pub variable: &'static str,
    /// Where the trigger looked.
    pub path: PathBuf,
    /// What the system said.
    pub why: String,
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        write!(f, "{} names {path}, which cannot be read ({}); put the file in the function's zip beside bootstrap", self.variable, self.why)
    }
}

/// Reads each file a `*_FILE` variable names, through `read_file`; a relative path is taken
/// from `LAMBDA_TASK_ROOT`, where Lambda unpacks the zip (else the working folder). Returns
/// each file's text by the setting it stands for.
///
/// # Errors
/// The first named file that cannot be read.
pub fn read_bundle(var: &dyn Fn(&str) -> Option<String>, read_file: &dyn Fn(&Path) -> std::io::Result<String>) -> Result<BTreeMap<&'static str, String>, BundleError> {
    let root = var("LAMBDA_TASK_ROOT").map(PathBuf::from).unwrap_or_default();
    let mut texts = BTreeMap::new();
    for (variable, setting) in FILES {
        let Some(name) = var(variable).filter(|name| !name.trim().is_empty()) else { continue };
        let path = root.join(name.trim());
        let text = read_file(&path).map_err(|e| BundleError { variable, path: path.clone(), why: e.to_string() })?;
        texts.insert(setting, text);
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_file_is_read_from_the_bundle_or_its_absence_is_said() {
        let env = |name: &str| match name {
            "LAMBDA_TASK_ROOT" => Some("/var/task".to_string()),
            "EMAIL_TEMPLATE_FILE" => Some("email-template.html".to_string()),
            _ => None,
        };
        let read = |path: &Path| {
            if path == Path::new("/var/task/email-template.html") { Ok("<a href=\"{link}\">Reset</a>".to_string()) } else { Err(std::io::ErrorKind::NotFound.into()) }
        };
        let texts = read_bundle(&env, &read).unwrap();
        assert_eq!(texts.get("EMAIL_TEMPLATE").map(String::as_str), Some("<a href=\"{link}\">Reset</a>"));
        assert!(!texts.contains_key("EMAIL_WORDS"), "no words file named");
        let missing = |name: &str| (name == "EMAIL_WORDS_FILE").then(|| "words.json".to_string());
        let error = read_bundle(&missing, &read).unwrap_err();
        assert_eq!((error.variable, error.path.as_path()), ("EMAIL_WORDS_FILE", Path::new("words.json")));
        assert!(error.to_string().starts_with("EMAIL_WORDS_FILE names words.json, which cannot be read"), "{error}");
    }
}
