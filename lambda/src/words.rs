//! The emails' reworded sentences (`words` in `config.json`, by language), which the deploy
//! puts in the bundle beside `bootstrap` and names in `EMAIL_WORDS_FILE`; the shell reads the
//! file and hands its text over as `EMAIL_WORDS`. A sentence that cannot be taken is left out
//! and named; only a file that is not `words`' shape stops the links.

use std::collections::BTreeMap;

use reset_link_core::i18n::{Catalogue, Entries, LANGUAGES};

/// The reworded sentences by language.
pub type Words = BTreeMap<String, Entries>;

/// Why the words cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordsError(pub String);

impl std::fmt::Display for WordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EMAIL_WORDS_FILE is not a JSON object of languages, each an object of sentences ({})", self.0)
    }
}

/// Reads `EMAIL_WORDS` through `var`; returns the words and one line per sentence left out.
///
/// # Errors
/// The text is not a JSON object of languages, each an object of texts.
pub fn read_words(var: &dyn Fn(&str) -> Option<String>) -> Result<(Words, Vec<String>), WordsError> {
    let Some(text) = var("EMAIL_WORDS").filter(|text| !text.trim().is_empty()) else { return Ok((Words::new(), Vec::new())) };
    let words: Words = serde_json::from_str(&text).map_err(|e| WordsError(e.to_string()))?;
    let mut left_out = Vec::new();
    for (language, reworded) in &words {
        if !LANGUAGES.contains(&language.as_str()) {
            left_out.push(format!("words: \"{language}\" is not a language the emails are written in ({}); left out", LANGUAGES.join(", ")));
            continue;
        }
        let problems = Catalogue::bundled(language).reword_messages(reworded);
        left_out.extend(problems.into_iter().map(|problem| format!("{problem} ({language}, emails)")));
    }
    Ok((words, left_out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(Words, Vec<String>), WordsError> {
        read_words(&|name| (name == "EMAIL_WORDS").then(|| text.to_string()))
    }

    #[test]
    fn sentences_that_cannot_be_taken_are_named_and_a_wrong_shape_is_refused() {
        let (words, left_out) = read(r#"{"de":{"email.heading":"Hallo","email.intro":"Für {name}"},"xx":{"email.heading":"?"}}"#).unwrap();
        assert_eq!(words["de"]["email.heading"], "Hallo");
        assert_eq!(left_out.len(), 2, "{left_out:?}");
        assert!(left_out[0].contains("email.intro") && left_out[1].contains("\"xx\""), "{left_out:?}");
        assert!(read(r#"{"de":"Hallo"}"#).is_err() && read("[").is_err());
        assert_eq!(read(" ").unwrap(), (Words::new(), vec![]));
    }
}
