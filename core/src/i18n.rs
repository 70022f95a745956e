//! The message catalogue: every text a person reads (pages, errors, emails, SMS), keyed, one
//! JSON file per language in `core/i18n/` so a translator edits one file. English is built
//! in; a catalogue missing a key falls back to English for it (and a test fails).

use std::collections::BTreeMap;

/// One language's texts by key, as the catalogue file holds them.
pub type Entries = BTreeMap<String, String>;

/// The languages the kit ships, English first.
pub const LANGUAGES: [&str; 7] = ["en", "es", "de", "fr", "pt", "ja", "ar"];
/// Languages written right to left.
const RIGHT_TO_LEFT: [&str; 1] = ["ar"];
/// The English catalogue, always present.
pub const ENGLISH: &str = include_str!("../i18n/en.json");

/// The catalogue file of a shipped language, for the trigger (the browser fetches its one).
pub fn bundled(language: &str) -> Option<&'static str> {
    Some(match language {
        "en" => ENGLISH,
        "es" => include_str!("../i18n/es.json"),
        "de" => include_str!("../i18n/de.json"),
        "fr" => include_str!("../i18n/fr.json"),
        "pt" => include_str!("../i18n/pt.json"),
        "ja" => include_str!("../i18n/ja.json"),
        "ar" => include_str!("../i18n/ar.json"),
        _ => return None,
    })
}

/// The sentences a deployer may reword in `config.json`'s `words` (per language): the pages'
/// introductions, what success says, and how to reach support. Everything else stays the
/// catalogue's, so a translation cannot drift from what the pages do.
pub const REWORDABLE: [&str; 9] =
    ["forgot.intro", "welcome.intro", "reset.done", "reset.done_unconfirmed", "reset.done_sign_in", "welcome.done", "confirm.done", "verify.done", "brand.support"];

/// The key prefixes of the emails' and SMS's sentences: only the trigger reads them, and a
/// deployer may reword any of them (with its placeholders) in `words`.
pub const MESSAGE_PREFIXES: [&str; 6] = ["email.", "sms.", "signup.", "invite.", "change.", "signin_email."];

/// Whether `key` is a sentence of the emails or SMS, which the trigger writes.
pub fn is_message_key(key: &str) -> bool {
    MESSAGE_PREFIXES.iter().any(|prefix| key.starts_with(prefix))
}

/// A reworded sentence the page did not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsProblem {
    /// Not one of [`REWORDABLE`].
    NotRewordable(String),
    /// Its `{placeholders}` differ from the catalogue's.
    Placeholders(String),
}

impl std::fmt::Display for WordsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotRewordable(key) if is_message_key(key) => write!(f, "words: \"{key}\" is not a sentence of the emails; the catalogue has the keys"),
            Self::NotRewordable(key) => {
                write!(f, "words: \"{key}\" cannot be reworded; these can:")?;
                REWORDABLE.iter().try_for_each(|key| write!(f, " {key}"))
            }
            Self::Placeholders(key) => write!(f, "words: \"{key}\" must keep the catalogue's placeholders; the catalogue's sentence stays"),
        }
    }
}

/// The `{name}` placeholders of `text`.
fn placeholders_of(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name)).collect()
}

/// Whether `a` and `b` hold the same placeholders. (Compared by looking each up: the lists
/// are a few names long, and a sort or a set would add their own code to every page.)
fn same_placeholders(a: &str, b: &str) -> bool {
    let (a, b) = (placeholders_of(a), placeholders_of(b));
    a.len() == b.len() && a.iter().all(|name| b.contains(name)) && b.iter().all(|name| a.contains(name))
}

/// One language's texts, with English behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// The language code, such as `de`.
    pub language: String,
    /// This language's texts; `None` for English itself.
    entries: Option<Entries>,
    english: English,
}

/// The English texts behind a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
enum English {
    /// Read from the catalogue file.
    Read(Entries),
    /// `(key, text)` sorted by key, built into the program: the browser module's, so that a
    /// page starts without building a map of its words.
    Table(&'static [(&'static str, &'static str)]),
}

impl English {
    /// The text for `key`.
    fn get(&self, key: &str) -> Option<&str> {
        match self {
            English::Read(entries) => entries.get(key).map(String::as_str),
            English::Table(table) => table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1),
        }
    }

    /// Every key.
    fn keys(&self) -> Vec<&str> {
        match self {
            English::Read(entries) => entries.keys().map(String::as_str).collect(),
            English::Table(table) => table.iter().map(|(key, _)| *key).collect(),
        }
    }
}

impl Catalogue {
    /// The English catalogue.
    pub fn english() -> Catalogue {
        let entries = serde_json::from_str(ENGLISH).unwrap_or_default();
        Catalogue { language: "en".into(), entries: None, english: English::Read(entries) }
    }

    /// An English catalogue of `table`, `(key, text)` sorted by key, instead of the built-in
    /// file (the browser module carries only the words its page shows, as such a table).
    pub fn english_table(table: &'static [(&'static str, &'static str)]) -> Catalogue {
        debug_assert!(table.windows(2).all(|pair| pair[0].0 < pair[1].0), "the English table is sorted by key");
        Catalogue { language: "en".into(), entries: None, english: English::Table(table) }
    }

    /// A language's catalogue from its JSON text; `None` when the text is not a JSON object
    /// of texts.
    pub fn from_json(language: &str, text: &str) -> Option<Catalogue> {
        let mut catalogue = Catalogue::english();
        catalogue.switch_to(language, serde_json::from_str(text).ok()?);
        Some(catalogue)
    }

    /// Puts `language`'s `entries` in front of this catalogue's English.
    pub fn switch_to(&mut self, language: &str, entries: Entries) {
        self.language = language.into();
        self.entries = Some(entries);
    }

    /// A shipped language's catalogue (English when the language is not shipped).
    pub fn bundled(language: &str) -> Catalogue {
        bundled(language).and_then(|text| Catalogue::from_json(language, text)).unwrap_or_else(Catalogue::english)
    }

    /// Puts a deployer's reworded sentences (`key` → text) in front of this language's; takes
    /// only [`REWORDABLE`] keys whose placeholders match, and says why it left any out. The
    /// emails' sentences are the trigger's ([`Catalogue::reword_messages`]): passed over.
    pub fn reword(&mut self, words: &Entries) -> Vec<WordsProblem> {
        self.reword_where(words, |key| !is_message_key(key), |key| REWORDABLE.contains(&key))
    }

    /// The trigger's [`Catalogue::reword`]: takes the emails' and SMS's sentences (any key
    /// of [`MESSAGE_PREFIXES`] the catalogue has) whose placeholders match, passes over the
    /// pages' sentences, and says why it left any out.
    pub fn reword_messages(&mut self, words: &Entries) -> Vec<WordsProblem> {
        let known = Catalogue::english();
        self.reword_where(words, |key| is_message_key(key) || !known.keys().contains(&key), |key| is_message_key(key) && known.keys().contains(&key))
    }

    /// Rewords the keys `mine` picks out of `words`, of which `allowed` may be reworded.
    fn reword_where(&mut self, words: &Entries, mine: impl Fn(&str) -> bool, allowed: impl Fn(&str) -> bool) -> Vec<WordsProblem> {
        let mut problems = Vec::new();
        for (key, text) in words.iter().filter(|(key, _)| mine(key)) {
            if !allowed(key) {
                problems.push(WordsProblem::NotRewordable(key.clone()));
            } else if !same_placeholders(text, self.text(key)) {
                problems.push(WordsProblem::Placeholders(key.clone()));
            } else {
                self.entries.get_or_insert_with(Entries::new).insert(key.clone(), text.clone());
            }
        }
        problems
    }

    /// The text for `key`: this language's, else English, else the key itself.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        let entry = self.entries.as_ref().and_then(|entries| entries.get(key)).map(String::as_str);
        entry.or_else(|| self.english.get(key)).unwrap_or(key)
    }

    /// The text for `key` with `{name}` placeholders filled in one pass.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill_placeholders(self.text(key), values)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        RIGHT_TO_LEFT.contains(&self.language.as_str())
    }

    /// The keys this catalogue has.
    pub fn keys(&self) -> Vec<&str> {
        match &self.entries {
            Some(entries) => entries.keys().map(String::as_str).collect(),
            None => self.english.keys(),
        }
    }
}

/// Replaces `{name}` placeholders in `text` in one pass, so a value that looks like a
/// placeholder stays as it is.
pub fn fill_placeholders(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, tail)) = rest.split_once('{') {
        out.push_str(before);
        let found = tail.split_once('}').and_then(|(name, after)| values.iter().find(|(n, _)| *n == name).map(|(_, v)| (v, after)));
        match found {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Picks the language: an explicit request (`?lang=`), then the person's preferences in order
/// (`navigator.languages`, or a user's `locale`), then `default`, then English. Matches on the
/// primary subtag: `pt-BR` picks `pt`.
pub fn pick_language<'a>(requested: Option<&str>, preferred: impl IntoIterator<Item = &'a str>, default: &str) -> &'static str {
    let shipped = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        LANGUAGES.iter().copied().find(|l| l.eq_ignore_ascii_case(primary))
    };
    requested
        .and_then(shipped)
        .or_else(|| preferred.into_iter().find_map(shipped))
        .or_else(|| shipped(default))
        .unwrap_or("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_has_every_key_and_keeps_the_placeholders() {
        let english = Catalogue::english();
        let keys = english.keys();
        assert!(keys.len() > 50);
        for language in LANGUAGES {
            let text = bundled(language).unwrap();
            let catalogue = Catalogue::from_json(language, text).unwrap_or_else(|| panic!("{language}.json is JSON"));
            let mut missing: Vec<_> = keys.iter().filter(|k| catalogue.entries.as_ref().and_then(|e| e.get(**k)).is_none()).collect();
            missing.sort();
            assert!(missing.is_empty(), "{language}.json lacks {missing:?}");
            let extra: Vec<_> = catalogue.keys().into_iter().filter(|k| !keys.contains(k)).collect();
            assert!(extra.is_empty(), "{language}.json has unknown keys {extra:?}");
            for key in &keys {
                let placeholders = |t: &str| {
                    let mut found: Vec<String> = t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
                    found.sort();
                    found
                };
                assert_eq!(placeholders(catalogue.text(key)), placeholders(english.text(key)), "{language}: {key}");
            }
        }
    }

    #[test]
    fn a_deployer_rewords_only_the_sentences_meant_for_it_with_their_placeholders() {
        let mut german = Catalogue::bundled("de");
        let words: Entries = [
            ("forgot.intro", "Gib die Adresse deines Acme-Kontos ein."),
            ("brand.support", "Fragen? {contact} hilft."),
            ("reset.submit", "Los"),
            ("reset.done", "Fertig, {name}!"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let problems = german.reword(&words);
        assert_eq!(german.text("forgot.intro"), "Gib die Adresse deines Acme-Kontos ein.");
        assert_eq!(german.fill("brand.support", &[("contact", "help@acme.example")]), "Fragen? help@acme.example hilft.");
        assert_eq!(german.text("reset.submit"), Catalogue::bundled("de").text("reset.submit"), "not rewordable");
        assert_eq!(german.text("reset.done"), Catalogue::bundled("de").text("reset.done"), "a placeholder the page never fills");
        assert_eq!(problems, [WordsProblem::Placeholders("reset.done".into()), WordsProblem::NotRewordable("reset.submit".into())]);
        let mut english = Catalogue::english();
        assert!(english.reword(&[("reset.done".to_string(), "All set.".to_string())].into()).is_empty());
        assert_eq!(english.text("reset.done"), "All set.");
        for key in REWORDABLE {
            assert!(Catalogue::english().keys().contains(&key), "{key}");
        }
    }

    #[test]
    fn the_emails_sentences_are_reworded_by_the_trigger_and_passed_over_by_the_pages() {
        let words: Entries = [
            ("email.intro_plain", "Sie haben ein neues Passwort für {name} angefordert:"),
            ("invite.expiry", "Oder melden Sie sich so an:"),
            ("sms.code", "Code {code}"),
            ("email.heading", "Hallo {name}"),
            ("email.nonsense", "x"),
            ("forgot.intro", "Für die Seiten"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let mut trigger = Catalogue::bundled("de");
        let problems = trigger.reword_messages(&words);
        assert_eq!(trigger.text("email.intro_plain"), "Sie haben ein neues Passwort für {name} angefordert:");
        assert_eq!((trigger.text("invite.expiry"), trigger.text("sms.code")), ("Oder melden Sie sich so an:", "Code {code}"));
        assert_eq!(trigger.text("forgot.intro"), Catalogue::bundled("de").text("forgot.intro"), "the pages' sentence is the pages'");
        assert_eq!(problems, [WordsProblem::Placeholders("email.heading".into()), WordsProblem::NotRewordable("email.nonsense".into())]);
        let mut page = Catalogue::bundled("de");
        assert_eq!(page.reword(&words), [], "the page passes over the emails' sentences without a word");
        assert_eq!(page.text("forgot.intro"), "Für die Seiten");
    }

    #[test]
    fn an_english_table_reads_as_the_english_file() {
        let file = Catalogue::english();
        let entries: Vec<(&'static str, &'static str)> =
            file.keys().into_iter().map(|key| (&*key.to_string().leak(), &*file.text(key).to_string().leak())).collect();
        let table = Catalogue::english_table(entries.leak());
        assert_eq!(table.keys(), file.keys());
        for key in file.keys() {
            assert_eq!(table.text(key), file.text(key), "{key}");
        }
        assert_eq!(table.text("no.such.key"), "no.such.key");
        assert_eq!(table.fill("rule.length", &[("n", "12")]), "At least 12 characters");
    }

    #[test]
    #[should_panic(expected = "sorted by key")]
    fn an_unsorted_english_table_is_refused() {
        Catalogue::english_table(&[("reset.title", "Choose"), ("reset.submit", "Change")]);
    }

    #[test]
    fn falls_back_to_english_then_to_the_key() {
        let partial = Catalogue::from_json("de", r#"{"reset.submit":"Passwort ändern"}"#).unwrap();
        assert_eq!(partial.text("reset.submit"), "Passwort ändern");
        assert_eq!(partial.text("reset.sign_in"), "Sign in");
        assert_eq!(partial.text("no.such.key"), "no.such.key");
    }

    #[test]
    fn fills_placeholders_once() {
        let c = Catalogue::english();
        assert_eq!(c.fill("rule.length", &[("n", "12")]), "At least 12 characters");
        assert_eq!(fill_placeholders("{a} {b} {c", &[("a", "{b}"), ("b", "x")]), "{b} x {c");
    }

    #[test]
    fn picks_the_language_in_order_of_preference() {
        assert_eq!(pick_language(Some("de"), ["fr"], "es"), "de");
        assert_eq!(pick_language(Some("xx"), ["pt-BR", "fr"], "es"), "pt");
        assert_eq!(pick_language(None, ["nl-NL", "ja_JP"], "es"), "ja");
        assert_eq!(pick_language(None, ["nl"], "es"), "es");
        assert_eq!(pick_language(None, [], "zz"), "en");
        assert!(Catalogue::bundled("ar").is_rtl() && !Catalogue::bundled("de").is_rtl());
    }
}
