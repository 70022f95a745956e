//! The pages' `config.json`: read as data, checked once, with a reason a deployer understands
//! when it is wrong.

use crate::prelude::*;
use crate::json::{self, Json};
use crate::policy::PasswordPolicy;

/// How the page signs the person in after the reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignIn {
    /// `USER_SRP_AUTH`: the password never leaves the browser (every app client allows it).
    #[default]
    Srp,
    /// `USER_PASSWORD_AUTH`, for clients that enable it.
    Password,
    /// No sign-in: the page links to `signInUrl`.
    None,
}

/// What people type to identify their account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignInWith {
    /// An email address (the box is `type="email"`).
    #[default]
    Email,
    /// A username.
    Username,
    /// Either of the two.
    Either,
}

/// A checked configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The app client id.
    pub client_id: String,
    /// Full address calls are POSTed to.
    pub endpoint: String,
    /// Where people sign in.
    pub sign_in_url: String,
    /// The pool's password policy.
    pub password_policy: PasswordPolicy,
    /// Seconds before "send again" is offered.
    pub resend_cooldown_seconds: u32,
    /// Milliseconds one request may take.
    pub request_timeout_ms: u32,
    /// What people sign in with.
    pub sign_in_with: SignInWith,
    /// Whether the masked destination is shown.
    pub show_destination: bool,
    /// The user pool id, when given (SRP needs the part after `_`).
    pub user_pool_id: Option<String>,
    /// How to sign in after the reset.
    pub sign_in: SignIn,
    /// Whether the tokens are stored where Amplify and amazon-cognito-identity-js look.
    pub store_session: bool,
    /// Where to go after signing in.
    pub after_sign_in_url: String,
    /// Origins a link's `redirect` may point to.
    pub redirect_allow_list: Vec<String>,
    /// The language when the person's browser asks for none the kit ships.
    pub default_language: String,
}

/// Why a configuration cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// `config.json` could not be loaded or is not JSON.
    Unreadable,
    /// `clientId` is missing or malformed.
    ClientId,
    /// Neither a valid `userPoolId` nor a `region` tells where Cognito is.
    Region,
    /// `endpoint` is not https (or http on this machine).
    Endpoint,
    /// `signInUrl` is not a web address or a path.
    SignInUrl,
    /// `clientSecret` is present; a browser cannot keep a secret.
    ClientSecret,
    /// `signInWith` is not `email`, `username` or `either`.
    SignInWith,
    /// A key holds the wrong kind of value (text for a number, say).
    WrongType(&'static str),
    /// `signIn` is not `srp`, `password` or `none`, or `session` not `amplify` or `none`.
    SignIn,
}

impl ConfigError {
    /// What a deployer reads on the page.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Unreadable => "config.json could not be loaded or is not valid JSON.",
            Self::ClientId => "config.json needs \"clientId\": the id of an app client without a secret.",
            Self::Region => "config.json needs \"userPoolId\" such as \"eu-west-1_AbC123\" (or a \"region\").",
            Self::Endpoint => "\"endpoint\" in config.json must start with https:// (or http://127.0.0.1 / http://localhost).",
            Self::SignInUrl => "\"signInUrl\" in config.json must be an https:// address or a path starting with /.",
            Self::ClientSecret => "config.json holds \"clientSecret\". Anything sent to a browser is public: use an app client without a secret and remove the key.",
            Self::SignInWith => "\"signInWith\" in config.json must be \"email\", \"username\" or \"either\".",
            Self::SignIn => "\"signIn\" in config.json must be \"srp\", \"password\" or \"none\", and \"session\" \"amplify\" or \"none\".",
            Self::WrongType(_) => "config.json has a value of the wrong kind (text where a number or true/false belongs, or the reverse).",
        }
    }
}

/// Reads and checks `config.json`.
///
/// # Errors
/// The first problem found.
pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let root = json::parse(text).filter(|j| matches!(j, Json::Object(_))).ok_or(ConfigError::Unreadable)?;
    // Everything is checked on borrowed text first and copied once at the end, so a problem
    // found half-way has nothing to clean up.
    let text_at = |key: &'static str| match root.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(ConfigError::WrongType(key)),
    };
    let number_at = |key: &'static str, default: u32| match root.get(key) {
        None | Some(Json::Null) => Ok(default),
        Some(value) => value.as_u32().ok_or(ConfigError::WrongType(key)),
    };
    let choice = |key: &'static str, choices: &[&str], problem: ConfigError| match text_at(key)? {
        None => Ok(0),
        Some(value) => choices.iter().position(|c| *c == value).ok_or(problem),
    };
    if root.get("clientSecret").is_some() {
        return Err(ConfigError::ClientSecret);
    }
    let client_id = text_at("clientId")?.filter(|id| is_client_id(id)).ok_or(ConfigError::ClientId)?;
    let pool_id = text_at("userPoolId")?;
    let region = text_at("region")?.or_else(|| pool_id.and_then(region_of_pool)).filter(|r| is_region(r)).ok_or(ConfigError::Region)?;
    let endpoint = text_at("endpoint")?;
    if endpoint.is_some_and(|e| !is_allowed_endpoint(e)) {
        return Err(ConfigError::Endpoint);
    }
    let sign_in_url = text_at("signInUrl")?.unwrap_or("/");
    let after_sign_in_url = text_at("afterSignInUrl")?.unwrap_or(sign_in_url);
    if !is_page_address(sign_in_url) || !is_page_address(after_sign_in_url) {
        return Err(ConfigError::SignInUrl);
    }
    let sign_in_with = [SignInWith::Email, SignInWith::Username, SignInWith::Either]
        [choice("signInWith", &["email", "username", "either"], ConfigError::SignInWith)?];
    let password_policy = match root.get("passwordPolicy") {
        None | Some(Json::Null) => PasswordPolicy::default(),
        Some(policy) => PasswordPolicy::from_json(policy).ok_or(ConfigError::WrongType("passwordPolicy"))?,
    };
    let show_destination = match root.get("showDestination") {
        None | Some(Json::Null) => false,
        Some(value) => value.as_bool().ok_or(ConfigError::WrongType("showDestination"))?,
    };
    let sign_in = [SignIn::Srp, SignIn::Password, SignIn::None][choice("signIn", &["srp", "password", "none"], ConfigError::SignIn)?];
    let store_session = choice("session", &["amplify", "none"], ConfigError::SignIn)? == 0;
    let allow_list = match root.get("redirectAllowList") {
        None | Some(Json::Null) => &[][..],
        Some(Json::Array(items)) if items.iter().all(|item| item.as_str().is_some()) => items,
        Some(_) => return Err(ConfigError::WrongType("redirectAllowList")),
    };
    Ok(Config {
        default_language: text_at("defaultLanguage")?.unwrap_or("en").to_string(),
        resend_cooldown_seconds: number_at("resendCooldownSeconds", 60)?.min(3600),
        request_timeout_ms: number_at("requestTimeoutSeconds", 15)?.clamp(1, 60) * 1000,
        user_pool_id: pool_id.map(str::to_string),
        sign_in,
        store_session,
        after_sign_in_url: after_sign_in_url.to_string(),
        redirect_allow_list: allow_list.iter().filter_map(Json::as_str).map(str::to_string).collect(),
        client_id: client_id.to_string(),
        endpoint: match endpoint {
            Some(endpoint) => endpoint.to_string(),
            None => crate::text::concat(&["https://cognito-idp.", region, ".amazonaws.com/"]),
        },
        sign_in_url: sign_in_url.to_string(),
        password_policy,
        sign_in_with,
        show_destination,
    })
}

/// An https address, a same-site path, or http on this machine.
fn is_page_address(address: &str) -> bool {
    address.starts_with("https://") || (address.starts_with('/') && !address.starts_with("//")) || is_local_http(address)
}

/// The region part of a pool id: `eu-west-1_AbC123` gives `eu-west-1`.
pub fn region_of_pool(pool_id: &str) -> Option<&str> {
    crate::text::split_once(pool_id, b'_').map(|(region, _)| region).filter(|r| is_region(r))
}

/// Lower-case letters, digits and dashes, such as `eu-west-1`.
fn is_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 32
        && region.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Cognito's client id pattern `[\w+]+`, 1-128 characters.
fn is_client_id(id: &str) -> bool {
    (1..=128).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'+')
}

/// https anywhere, or http on this machine (a local emulator).
fn is_allowed_endpoint(endpoint: &str) -> bool {
    (endpoint.starts_with("https://") && endpoint.len() > "https://".len()) || is_local_http(endpoint)
}

/// `http://127.0.0.1...` or `http://localhost...`.
fn is_local_http(address: &str) -> bool {
    ["http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://localhost/"]
        .iter()
        .any(|prefix| address.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Result<Config, ConfigError> {
        parse_config(json)
    }

    #[test]
    fn derives_the_region_and_endpoint() {
        let config = check(r#"{"userPoolId":"eu-west-1_AbC123","clientId":"abc123","passwordPolicy":{"minimumLength":12,"requireSymbols":false}}"#).unwrap();
        assert_eq!(config.password_policy.minimum_length, 12);
        assert!(!config.password_policy.require_symbols && config.password_policy.require_numbers);
        assert_eq!(config.endpoint, "https://cognito-idp.eu-west-1.amazonaws.com/");
        assert_eq!(config.sign_in_url, "/");
        assert_eq!(config.resend_cooldown_seconds, 60);
        assert_eq!(config.request_timeout_ms, 15_000);
        assert_eq!((config.sign_in_with, config.show_destination), (SignInWith::Email, false));
        assert_eq!((config.sign_in, config.store_session, config.after_sign_in_url.as_str()), (SignIn::Srp, true, "/"));
    }

    #[test]
    fn accepts_a_local_endpoint() {
        let config = check(r#"{"region":"local","clientId":"c1","endpoint":"http://127.0.0.1:9229/","signInUrl":"http://localhost:8080/"}"#).unwrap();
        assert_eq!(config.endpoint, "http://127.0.0.1:9229/");
    }

    #[test]
    fn refuses_what_cannot_work() {
        assert_eq!(check(r#"{"userPoolId":"eu-west-1_A","clientId":"c","clientSecret":"s"}"#).unwrap_err(), ConfigError::ClientSecret);
        assert_eq!(check(r#"{"userPoolId":"eu-west-1_A"}"#).unwrap_err(), ConfigError::ClientId);
        assert_eq!(check(r#"{"userPoolId":"nounderscore","clientId":"c"}"#).unwrap_err(), ConfigError::Region);
        assert_eq!(check(r#"{"region":"x","clientId":"c","endpoint":"http://evil.example/"}"#).unwrap_err(), ConfigError::Endpoint);
        assert_eq!(check(r#"{"region":"x","clientId":"c","signInUrl":"javascript:alert(1)"}"#).unwrap_err(), ConfigError::SignInUrl);
        assert_eq!(check(r#"{"region":"x","clientId":"c","signInUrl":"//evil.example"}"#).unwrap_err(), ConfigError::SignInUrl);
        assert_eq!(check(r#"{"clientId":"c d","region":"x"}"#).unwrap_err(), ConfigError::ClientId);
        assert_eq!(check(r#"{"clientId":"c","region":"x","signInWith":"phone"}"#).unwrap_err(), ConfigError::SignInWith);
        assert_eq!(check(r#"{"clientId":"c","region":"x","resendCooldownSeconds":"60"}"#).unwrap_err(), ConfigError::WrongType("resendCooldownSeconds"));
        assert_eq!(check(r#"{"clientId":"c","region":"x","passwordPolicy":{"minimumLength":"8"}}"#).unwrap_err(), ConfigError::WrongType("passwordPolicy"));
        assert_eq!(check("[1]").unwrap_err(), ConfigError::Unreadable);
        assert_eq!(check(r#"{"clientId":"c","region":"x","signIn":"magic"}"#).unwrap_err(), ConfigError::SignIn);
        assert_eq!(check(r#"{"clientId":"c","region":"x","redirectAllowList":"https://a"}"#).unwrap_err(), ConfigError::WrongType("redirectAllowList"));
        assert_eq!(check(r#"{"clientId":"c","region":"x","afterSignInUrl":"//evil"}"#).unwrap_err(), ConfigError::SignInUrl);
        assert_eq!(check("not json").unwrap_err(), ConfigError::Unreadable);
    }
}
