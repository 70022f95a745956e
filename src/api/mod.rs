//! The JavaScript API of the npm package: the same calls the pages make (`src/plumbing/*_calls.rs`),
//! for teams that bring their own screens. Two modules, so an app downloads only what its
//! flows use: `cognito-reset-link` (cargo feature `api`: the link reader, the password
//! checklist, and every flow without a password sign-in) and `cognito-reset-link/password`
//! (feature `api-password`: `signIn`, `answerSignInChallenge` and `acceptInvitation`, the flows
//! with SRP). Network
//! calls return promises; failures reject with `{ code, userMessage, retryable }`, in the
//! configured language. The module touches nothing on the host page: no element, no console
//! line, no storage unless `session` is "amplify".

use js_sys::{Object, Reflect};
use reset_link_core::api::Tokens;
use reset_link_core::config::Config;
use reset_link_core::error::CallError;
use reset_link_core::i18n::{pick_language, Catalogue};
use reset_link_core::link::{parse_link, LinkParams};
use wasm_bindgen::prelude::*;

#[cfg(feature = "api")]
mod address_change;
#[cfg(feature = "api")]
mod link;
#[cfg(feature = "api-password")]
mod password;
#[cfg(feature = "api")]
mod reset;
#[cfg(feature = "api")]
mod sign_in_link;
#[cfg(feature = "api")]
mod sign_up;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Where Cognito is and how the calls behave; the same keys as the pages' config.json. */
export interface ResetConfig {
  /** The user pool id, such as "eu-west-1_AbC123"; the region is read from it. */
  userPoolId?: string;
  /** An app client WITHOUT a secret. */
  clientId: string;
  /** The region, when it cannot be read from userPoolId. */
  region?: string;
  /** Another Cognito address (a local emulator): https, or http on localhost. */
  endpoint?: string;
  /** The pool's password policy, for checkPassword. */
  passwordPolicy?: PasswordPolicy;
  /** Seconds one call may take before it is retried (default 15). */
  requestTimeoutSeconds?: number;
  /** How signIn and acceptInvitation sign in: "srp" (default), "password" (USER_PASSWORD_AUTH) or "none". */
  signIn?: "srp" | "password" | "none";
  /** What people sign in with: "email" (default), "username" or "either". A username counts as the account shown only with "username" or "either"; in a pool that signs in by email, usernames are opaque ids. */
  signInWith?: "email" | "username" | "either";
  /** "none" (the package's default): nothing is written to storage; the app keeps what the calls return. "amplify": sessions are stored where Amplify and amazon-cognito-identity-js read them, the pending sign-in by link is kept in localStorage, and the address-change calls use the stored session. */
  session?: "amplify" | "none";
  /** Whether forgotPassword, resendSignUpCode and askSignInLink return where the code went (default false: Cognito answers an address for an unknown account too). */
  showDestination?: boolean;
  /** Where to go after sign-in (Link.next), default "/". */
  afterSignInUrl?: string;
  /** Other origins a link's redirect may go to. */
  redirectAllowList?: string[];
  /** The pool's TemporaryPasswordValidityDays, for an invitation link's age (default 7). */
  invitationDays?: number;
  /** The app client's AuthSessionValidity in minutes, for a sign-in link's age (default 3). */
  signInSessionMinutes?: number;
  /** The language of userMessage and of the emails asked for: "en", "es", "de", "fr", "pt", "ja" or "ar" (default: the browser's). */
  language?: string;
}

/** Cognito's password policy, as in config.json. */
export interface PasswordPolicy {
  minimumLength?: number;
  requireUppercase?: boolean;
  requireLowercase?: boolean;
  requireNumbers?: boolean;
  requireSymbols?: boolean;
}

/** Where Cognito says it sent a code (masked); the destination only with showDestination. */
export interface CodeDelivery {
  destination: string | null;
  medium: string | null;
}

/** The tokens of a signed-in person. */
export interface Session {
  idToken: string;
  accessToken: string;
  refreshToken: string | null;
  /** The pool's username of the person (cognito:username). */
  username: string;
}

/** How every promise of this package rejects. */
export interface ResetError {
  /** A Cognito error name ("CodeMismatchException", ...), "NetworkError", "Timeout", "UnreadableReply", "InvalidConfig", "InvalidInput", or a code of the call that rejects (each call's documentation names its own). */
  code: string;
  /** Words for the person, in the configured language: the pages' own. */
  userMessage: string;
  /** Whether trying again later may help. */
  retryable: boolean;
  /** With "NotThisBrowser" (finishSignInFromLink): the link's code, for the person to type where they asked. */
  signInCode?: string;
}
"#;

/// A plain JS object from `(key, value)` pairs.
pub(crate) fn object(members: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in members {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// `Some(text)` as a string, `None` as null.
pub(crate) fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}

/// The rejection value.
pub(crate) fn failure(code: &str, message: &str, retryable: bool) -> JsValue {
    object(&[("code", code.into()), ("userMessage", message.into()), ("retryable", retryable.into())])
}

/// A failed call as a rejection, with the catalogue's words under `key`.
pub(crate) fn call_failure(error: &CallError, key: &str, words: &Catalogue) -> JsValue {
    failure(error.code(), words.text(key), error.is_transient())
}

/// The config and the catalogue of its language, or an `InvalidConfig` rejection. Unlike
/// the pages, the package stores nothing unless the app sets `session: "amplify"`.
pub(crate) fn read_config(config: &JsValue) -> Result<(Config, Catalogue), JsValue> {
    // A panic is a bug in this module: its message goes to the console (nowhere on the page).
    console_error_panic_hook::set_once();
    let mut parsed = crate::plumbing::config::from_value(config.clone()).map_err(|problem| failure("InvalidConfig", problem.explanation(), false))?;
    let given = |key: &str| Reflect::get(config, &key.into()).ok().filter(|value| !value.is_undefined() && !value.is_null());
    if given("session").is_none() {
        parsed.store_session = false;
    }
    let requested = given("language").and_then(|v| v.as_string());
    let browser = crate::plumbing::i18n::browser_languages();
    let language = pick_language(requested.as_deref(), browser.iter().map(String::as_str).take(1), &parsed.default_language);
    Ok((parsed, Catalogue::bundled(language)))
}

/// What a link carries (a full address, or its query or fragment), by core's `parse_link`.
pub(crate) fn read_link(url: &str) -> LinkParams {
    let (before_hash, hash) = url.split_once('#').unwrap_or((url, ""));
    let search = before_hash.split_once('?').map_or(before_hash, |(_, q)| q);
    let search = if search.contains('=') { search } else { "" };
    parse_link(search, hash)
}

/// The `Session` object a sign-in resolves with.
pub(crate) fn session_object(tokens: Tokens, owner: String) -> JsValue {
    object(&[
        ("idToken", tokens.id_token.into()),
        ("accessToken", tokens.access_token.into()),
        ("refreshToken", text_or_null(tokens.refresh_token.as_deref())),
        ("username", owner.into()),
    ])
}
