//! The pages' `config.json`: read as data, checked once, with a reason a deployer understands
//! when it is wrong.

use std::collections::BTreeMap;

use crate::brand::BrandFile;
use crate::i18n::Entries;
use crate::policy::PasswordPolicy;

mod file;
#[cfg(test)]
mod tests;

pub use file::{read_config_file, ConfigFile};

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
    /// How many days an invitation's temporary password works (the pool's
    /// `TemporaryPasswordValidityDays`, which only the pool knows; 7 by default).
    pub invitation_days: u32,
    /// How many minutes a sign-in by emailed code waits for its code: the app client's
    /// `AuthSessionValidity` (3 to 15; 3 by default), which only the pool knows.
    pub sign_in_session_minutes: u32,
    /// The team's brand, as written (checked by [`crate::brand::check_brand`] on the page).
    pub brand: BrandFile,
    /// Reworded sentences by language (checked by [`crate::i18n::Catalogue::reword`]).
    pub words: BTreeMap<String, Entries>,
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

/// What a URL parser makes of an absolute address: the parts the checks look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The scheme without its colon, such as `https`.
    pub scheme: String,
    /// The host name, without the port.
    pub host: String,
    /// Whether the address holds a user name or password (`user:pass@host`).
    pub has_credentials: bool,
}

/// The url crate's reading of `address` (the WHATWG rules browsers follow): the parser for
/// [`parse_config`]. The pages pass the browser's own `URL` instead.
pub fn url_crate_parser(address: &str) -> Option<Address> {
    let url = url::Url::parse(address).ok()?;
    Some(Address {
        scheme: url.scheme().to_string(),
        host: url.host_str().unwrap_or_default().to_string(),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
    })
}

/// Reads and checks the text of `config.json`, with the url crate as the address parser.
///
/// # Errors
/// The first problem found.
pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    // Read as a JSON object first: serde would also fill a struct from an array.
    let object = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text).map_err(|_| ConfigError::Unreadable)?;
    let object = serde_json::Value::Object(object);
    let value_of = |key: &str| object.get(key).unwrap_or(&serde_json::Value::Null);
    check_config(read_config_file(&object, value_of)?, url_crate_parser)
}

/// Checks `config.json` as read. `parse` reads an absolute address as the browser will (the
/// page passes the browser's `URL`): hosts are compared exactly, never by prefix.
///
/// # Errors
/// The first problem found.
pub fn check_config(file: ConfigFile, parse: impl Fn(&str) -> Option<Address>) -> Result<Config, ConfigError> {
    if file.client_secret.is_some() {
        return Err(ConfigError::ClientSecret);
    }
    let client_id = file.client_id.filter(|id| is_client_id(id)).ok_or(ConfigError::ClientId)?;
    let user_pool_id = file.user_pool_id;
    let region = match file.region {
        Some(region) => Some(region),
        None => user_pool_id.as_deref().and_then(region_of_pool).map(str::to_string),
    };
    let region = region.filter(|r| is_region(r)).ok_or(ConfigError::Region)?;
    let endpoint = match file.endpoint {
        Some(endpoint) if !is_allowed_endpoint(&endpoint, &parse) => return Err(ConfigError::Endpoint),
        Some(endpoint) => endpoint,
        None => format!("https://cognito-idp.{region}.amazonaws.com/"),
    };
    let sign_in_url = file.sign_in_url.unwrap_or_else(|| "/".into());
    let after_sign_in_url = file.after_sign_in_url.unwrap_or_else(|| sign_in_url.clone());
    if !is_page_address(&sign_in_url, &parse) || !is_page_address(&after_sign_in_url, &parse) {
        return Err(ConfigError::SignInUrl);
    }
    let sign_in_with = match file.sign_in_with.as_deref() {
        None | Some("email") => SignInWith::Email,
        Some("username") => SignInWith::Username,
        Some("either") => SignInWith::Either,
        Some(_) => return Err(ConfigError::SignInWith),
    };
    let sign_in = match file.sign_in.as_deref() {
        None | Some("srp") => SignIn::Srp,
        Some("password") => SignIn::Password,
        Some("none") => SignIn::None,
        Some(_) => return Err(ConfigError::SignIn),
    };
    let store_session = match file.session.as_deref() {
        None | Some("amplify") => true,
        Some("none") => false,
        Some(_) => return Err(ConfigError::SignIn),
    };
    Ok(Config {
        client_id,
        endpoint,
        sign_in_url,
        password_policy: file.password_policy.unwrap_or_default(),
        resend_cooldown_seconds: file.resend_cooldown_seconds.unwrap_or(60).min(3600),
        request_timeout_ms: file.request_timeout_seconds.unwrap_or(15).clamp(1, 60) * 1000,
        sign_in_with,
        show_destination: file.show_destination.unwrap_or(false),
        user_pool_id,
        sign_in,
        store_session,
        after_sign_in_url,
        redirect_allow_list: file.redirect_allow_list.unwrap_or_default(),
        default_language: file.default_language.unwrap_or_else(|| "en".into()),
        // Cognito allows 1 to 365 days.
        invitation_days: file.invitation_days.unwrap_or(7).clamp(1, 365),
        // Cognito allows 3 to 15 minutes.
        sign_in_session_minutes: file.sign_in_session_minutes.unwrap_or(3).clamp(3, 15),
        brand: file.brand.unwrap_or_default(),
        words: file.words.unwrap_or_default(),
    })
}

/// An https address, a path on this site, or http on this machine.
fn is_page_address(address: &str, parse: &impl Fn(&str) -> Option<Address>) -> bool {
    // A backslash is read as a slash by browsers: `/\\evil.example` leaves the site; and a URL
    // parser drops tabs and newlines anywhere (and controls in front), so `/\t/evil.example`
    // would too. A real path is percent-encoded printable ASCII.
    let printable = address.bytes().all(|b| (b'!'..=b'~').contains(&b));
    let path_here = printable && address.starts_with('/') && !address.starts_with("//") && !address.contains('\\');
    path_here || is_web_address(address, parse)
}

/// The region part of a pool id: `eu-west-1_AbC123` gives `eu-west-1`.
pub fn region_of_pool(pool_id: &str) -> Option<&str> {
    pool_id.split_once('_').map(|(region, _)| region).filter(|r| is_region(r))
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
fn is_allowed_endpoint(endpoint: &str, parse: &impl Fn(&str) -> Option<Address>) -> bool {
    is_web_address(endpoint, parse)
}

/// An absolute address without credentials: https to a named host, or http to exactly
/// `127.0.0.1` or `localhost`.
fn is_web_address(address: &str, parse: &impl Fn(&str) -> Option<Address>) -> bool {
    let Some(parsed) = parse(address) else { return false };
    let this_machine = parsed.host == "127.0.0.1" || parsed.host == "localhost";
    !parsed.has_credentials && ((parsed.scheme == "https" && !parsed.host.is_empty()) || (parsed.scheme == "http" && this_machine))
}
