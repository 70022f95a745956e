//! Reading `config.json` as the deployer wrote it: every key as data, and when a value has
//! the wrong kind, the name of its key.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use super::ConfigError;
use crate::brand::BrandFile;
use crate::i18n::Entries;
use crate::policy::PasswordPolicy;

/// `config.json` as the deployer wrote it, before any check (camelCase keys; unknown keys
/// are ignored; `null` counts as missing). The browser reads it from the value
/// `Response.json()` gives, the npm package from the object it is handed, tests from text;
/// each through [`read_config_file`], which names the key of a value of the wrong kind
/// (`has_right_kind` lists the kind of each key again, and a test holds the two together).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConfigFile {
    /// `clientId`.
    pub client_id: Option<String>,
    /// `clientSecret`: must not be there.
    pub client_secret: Option<IgnoredAny>,
    /// `userPoolId`.
    pub user_pool_id: Option<String>,
    /// `region`.
    pub region: Option<String>,
    /// `endpoint`.
    pub endpoint: Option<String>,
    /// `signInUrl`.
    pub sign_in_url: Option<String>,
    /// `afterSignInUrl`.
    pub after_sign_in_url: Option<String>,
    /// `signInWith`.
    pub sign_in_with: Option<String>,
    /// `passwordPolicy`.
    pub password_policy: Option<PasswordPolicy>,
    /// `showDestination`.
    pub show_destination: Option<bool>,
    /// `signIn`.
    pub sign_in: Option<String>,
    /// `session`.
    pub session: Option<String>,
    /// `redirectAllowList`.
    pub redirect_allow_list: Option<Vec<String>>,
    /// `defaultLanguage`.
    pub default_language: Option<String>,
    /// `resendCooldownSeconds`.
    pub resend_cooldown_seconds: Option<u32>,
    /// `requestTimeoutSeconds`.
    pub request_timeout_seconds: Option<u32>,
    /// `invitationDays`.
    pub invitation_days: Option<u32>,
    /// `signInSessionMinutes`.
    pub sign_in_session_minutes: Option<u32>,
    /// `brand`.
    pub brand: Option<BrandFile>,
    /// `words`.
    pub words: Option<BTreeMap<String, Entries>>,
}

/// The keys of `config.json`, so an error can name one without copying it.
pub(super) const KEYS: [&str; 20] = [
    "clientId", "clientSecret", "userPoolId", "region", "endpoint", "signInUrl", "afterSignInUrl", "signInWith",
    "passwordPolicy", "showDestination", "signIn", "session", "redirectAllowList", "defaultLanguage",
    "resendCooldownSeconds", "requestTimeoutSeconds", "invitationDays", "signInSessionMinutes", "brand", "words",
];

/// Reads `config.json` (a JSON object) through serde: `whole` deserializes the object, and
/// when it holds a value of the wrong kind, `value_of` hands over one key's value at a time
/// (null when missing), so the error can name the key.
///
/// # Errors
/// [`ConfigError::WrongType`] with the key, or [`ConfigError::Unreadable`].
pub fn read_config_file<'de, D: Deserializer<'de>>(whole: D, value_of: impl Fn(&str) -> D) -> Result<ConfigFile, ConfigError> {
    match ConfigFile::deserialize(whole) {
        Ok(file) => Ok(file),
        Err(_) => Err(KEYS.iter().find(|key| !has_right_kind(key, value_of(key))).map_or(ConfigError::Unreadable, |key| ConfigError::WrongType(key))),
    }
}

/// Whether `value` is of the kind [`ConfigFile`] expects under `key`.
fn has_right_kind<'de, D: Deserializer<'de>>(key: &str, value: D) -> bool {
    match key {
        "clientSecret" => true,
        "passwordPolicy" => Option::<PasswordPolicy>::deserialize(value).is_ok(),
        "showDestination" => Option::<bool>::deserialize(value).is_ok(),
        "redirectAllowList" => Option::<Vec<String>>::deserialize(value).is_ok(),
        "resendCooldownSeconds" | "requestTimeoutSeconds" | "invitationDays" | "signInSessionMinutes" => Option::<u32>::deserialize(value).is_ok(),
        "brand" => Option::<BrandFile>::deserialize(value).is_ok(),
        "words" => Option::<BTreeMap<String, Entries>>::deserialize(value).is_ok(),
        _ => Option::<String>::deserialize(value).is_ok(),
    }
}
