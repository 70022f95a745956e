//! The pool's password policy and the live checklist the reset page shows.

use serde::Deserialize;

/// Characters Cognito counts as symbols (a space counts too when it is not at either end).
pub const SYMBOLS: &str = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

/// Cognito's `PasswordPolicyType`, as the deployer copies it into `config.json` (camelCase
/// keys; a missing key keeps the default; other keys, such as `passwordHistorySize`, are
/// ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PasswordPolicy {
    /// Fewest characters (Cognito allows 6-99).
    pub minimum_length: u8,
    /// At least one A-Z.
    pub require_uppercase: bool,
    /// At least one a-z.
    pub require_lowercase: bool,
    /// At least one 0-9.
    pub require_numbers: bool,
    /// At least one of [`SYMBOLS`].
    pub require_symbols: bool,
}

impl Default for PasswordPolicy {
    /// Cognito's default: 8 characters with all four kinds.
    fn default() -> Self {
        PasswordPolicy {
            minimum_length: 8,
            require_uppercase: true,
            require_lowercase: true,
            require_numbers: true,
            require_symbols: true,
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// At least this many characters.
    MinimumLength(u8),
    /// An upper-case letter.
    Uppercase,
    /// A lower-case letter.
    Lowercase,
    /// A digit.
    Number,
    /// A symbol.
    Symbol,
    /// No space at the start or end.
    NoOuterSpace,
    /// Both boxes hold the same password.
    Match,
}

impl Rule {
    /// Stable name, used as the checklist item's id on the page.
    pub fn key(self) -> &'static str {
        match self {
            Rule::MinimumLength(_) => "length",
            Rule::Uppercase => "upper",
            Rule::Lowercase => "lower",
            Rule::Number => "number",
            Rule::Symbol => "symbol",
            Rule::NoOuterSpace => "spaces",
            Rule::Match => "match",
        }
    }
}

/// The checklist: each rule the policy asks for, and whether the password meets it.
pub fn checklist(policy: &PasswordPolicy, password: &str, confirm: &str) -> Vec<(Rule, bool)> {
    // Every rule but the length looks at ASCII only, so bytes will do.
    let has = |test: fn(u8) -> bool| password.bytes().any(test);
    let bytes = password.as_bytes();
    let inner_space = match (bytes.iter().position(|&b| b != b' '), bytes.iter().rposition(|&b| b != b' ')) {
        (Some(first), Some(last)) => bytes.get(first..last).is_some_and(|inner| inner.contains(&b' ')),
        _ => false,
    };
    let mut rules = vec![(
        Rule::MinimumLength(policy.minimum_length),
        password.chars().count() >= usize::from(policy.minimum_length),
    )];
    if policy.require_uppercase {
        rules.push((Rule::Uppercase, has(|b| b.is_ascii_uppercase())));
    }
    if policy.require_lowercase {
        rules.push((Rule::Lowercase, has(|b| b.is_ascii_lowercase())));
    }
    if policy.require_numbers {
        rules.push((Rule::Number, has(|b| b.is_ascii_digit())));
    }
    if policy.require_symbols {
        rules.push((Rule::Symbol, has(|b| SYMBOLS.as_bytes().contains(&b)) || inner_space));
    }
    rules.push((Rule::NoOuterSpace, password.trim().len() == password.len()));
    rules.push((Rule::Match, !password.is_empty() && password == confirm));
    rules
}

/// Whether every rule is met.
pub fn is_acceptable(policy: &PasswordPolicy, password: &str, confirm: &str) -> bool {
    checklist(policy, password, confirm).iter().all(|(_, ok)| *ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failing(policy: &PasswordPolicy, password: &str, confirm: &str) -> Vec<&'static str> {
        checklist(policy, password, confirm).into_iter().filter(|(_, ok)| !ok).map(|(r, _)| r.key()).collect()
    }

    #[test]
    fn default_policy_names_each_missing_kind() {
        let policy = PasswordPolicy::default();
        assert_eq!(failing(&policy, "", ""), ["length", "upper", "lower", "number", "symbol", "match"]);
        assert_eq!(failing(&policy, "abcdefgh", "abcdefgh"), ["upper", "number", "symbol"]);
        assert!(is_acceptable(&policy, "Correct-horse1", "Correct-horse1"));
        assert_eq!(failing(&policy, "Correct-horse1", "Correct-horse2"), ["match"]);
    }

    #[test]
    fn spaces_count_as_symbols_only_inside() {
        let policy = PasswordPolicy::default();
        assert!(is_acceptable(&policy, "Two words9", "Two words9"));
        assert_eq!(failing(&policy, "Twowords9 ", "Twowords9 "), ["symbol", "spaces"]);
    }

    #[test]
    fn a_relaxed_policy_asks_less() {
        let policy = PasswordPolicy {
            minimum_length: 6,
            require_uppercase: false,
            require_lowercase: true,
            require_numbers: false,
            require_symbols: false,
        };
        assert!(is_acceptable(&policy, "simple", "simple"));
        let keys: Vec<_> = checklist(&policy, "", "").into_iter().map(|(r, _)| r.key()).collect();
        assert_eq!(keys, ["length", "lower", "spaces", "match"]);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let policy = PasswordPolicy { minimum_length: 8, ..PasswordPolicy::default() };
        assert!(failing(&policy, "Äbc-12", "Äbc-12").contains(&"length"));
        assert!(!failing(&policy, "Äbc-1234", "Äbc-1234").contains(&"length"));
    }
}
