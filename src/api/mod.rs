//! The JavaScript API of the npm package (cargo feature `api`): the same Rust functions the
//! pages run, for teams that bring their own pages. Network calls return promises; failures
//! reject with `{ code, userMessage, retryable }`.

use js_sys::{Array, Object, Reflect};
use reset_link_core::api::{confirm_forgot_password as confirm_call, forgot_password as forgot_call, Tokens};
use reset_link_core::config::Config;
use reset_link_core::error::CallError;
use reset_link_core::i18n::{pick_language, Catalogue};
use reset_link_core::link::{parse_link, LinkParams};
use reset_link_core::policy::{checklist, PasswordPolicy, Rule};
use reset_link_core::words::{rule_key, ForgotOutcome, ResetAdvice};
use wasm_bindgen::prelude::*;

use crate::plumbing::{http, signin};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Where Cognito is and how the pages behave; the same keys as the pages' config.json. */
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
  /** How signIn signs in: "srp" (default) or "password" (USER_PASSWORD_AUTH). */
  signIn?: "srp" | "password" | "none";
  /** What people sign in with: "email" (default), "username" or "either". signIn takes a username as the account shown only with "username" or "either"; in a pool that signs in by email, usernames are opaque ids. */
  signInWith?: "email" | "username" | "either";
  /** "amplify" (default): signIn stores the tokens where Amplify and amazon-cognito-identity-js read them; "none": it does not. */
  session?: "amplify" | "none";
  /** The language of userMessage: "en", "es", "de", "fr", "pt", "ja" or "ar" (default: the browser's). */
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

/** What a reset link carries; null for what it lacks. */
export interface ResetLink {
  code: string | null;
  username: string | null;
  /** The email to show, when the link carries one (the username may be an opaque id). */
  email: string | null;
}

/** Where Cognito says it sent the code (masked). */
export interface CodeDelivery {
  destination: string | null;
  medium: string | null;
}

/** One line of the password checklist. */
export interface PasswordRule {
  rule: "length" | "upper" | "lower" | "number" | "symbol" | "spaces" | "match";
  met: boolean;
  /** The line to show, in the configured language. */
  text: string;
}

/** The result of checkPassword. */
export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRule[];
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
  /** A Cognito error name ("CodeMismatchException", ...), "NetworkError", "Timeout", "UnreadableReply", "InvalidConfig", "InvalidInput", the name of a sign-in challenge ("SMS_MFA", ...), or from signIn: "OtherAccount" (the token does not name the account shown by a verified email, phone number or, where people sign in with usernames, username: no session kept), "AccountNotVerified" (the token carries the account shown as an unverified address: no session kept) or "AccountNotShown" (the account shown is an opaque username nobody recognises: no sign-in attempted); from sign-in by link also "SignInByLinkUnavailable" (this pool or account cannot sign in by emailed code), "NotThisBrowser" (no pending sign-in here for the link: show signInCode to type where the person asked) or "NoPendingSignIn" (nothing to finish with a typed code: ask again). */
  code: string;
  /** Words for the person, in the configured language. */
  userMessage: string;
  /** Whether trying again later may help. */
  retryable: boolean;
  /** With "NotThisBrowser": the link's code, for the person to type where they asked. */
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

/// The config and the catalogue of its language, or an `InvalidConfig` rejection.
pub(crate) fn read_config(config: &JsValue) -> Result<(Config, Catalogue), JsValue> {
    let parsed = crate::plumbing::config::from_value(config.clone()).map_err(|problem| failure("InvalidConfig", problem.explanation(), false))?;
    let requested = Reflect::get(config, &"language".into()).ok().and_then(|v| v.as_string());
    let browser = crate::plumbing::i18n::browser_languages();
    let language = pick_language(requested.as_deref(), browser.iter().map(String::as_str).take(1), &parsed.default_language);
    Ok((parsed, Catalogue::bundled(language)))
}

/// A call failure as a rejection, with `advice` giving the words.
fn call_failure(error: &CallError, key: &str, words: &Catalogue) -> JsValue {
    failure(error.code(), words.text(key), error.is_transient())
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

/// Reads a reset link (a full address, or its query or fragment).
#[wasm_bindgen(js_name = parseResetLink, unchecked_return_type = "ResetLink")]
pub fn parse_reset_link(url: &str) -> JsValue {
    let link = read_link(url);
    object(&[
        ("code", text_or_null(link.code.as_deref())),
        ("username", text_or_null(link.username.as_deref())),
        ("email", text_or_null(link.email.as_deref())),
    ])
}

/// Asks Cognito to send a reset link (ForgotPassword). Resolves the same way whether or not
/// the account exists, as the page's words must.
#[wasm_bindgen(js_name = forgotPassword, unchecked_return_type = "CodeDelivery")]
pub async fn forgot_password(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue, username: String) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let call = forgot_call(&config.client_id, username.trim(), Some(&words.language));
    let result = http::send(&config, &call).await;
    let outcome = ForgotOutcome::for_result(&result.as_ref().map(|_| ()).map_err(Clone::clone));
    match result {
        Ok(reply) => Ok(object(&[("destination", text_or_null(reply.destination())), ("medium", text_or_null(reply.medium()))])),
        Err(_) if outcome == ForgotOutcome::Sent => Ok(object(&[("destination", JsValue::NULL), ("medium", JsValue::NULL)])),
        Err(error) => Err(call_failure(&error, outcome.key(), &words)),
    }
}

/// Sets the new password (ConfirmForgotPassword).
#[wasm_bindgen(js_name = confirmForgotPassword, unchecked_return_type = "undefined")]
pub async fn confirm_forgot_password(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    code: String,
    password: String,
) -> Result<(), JsValue> {
    let (config, words) = read_config(&config)?;
    if username.trim().is_empty() || code.trim().is_empty() || password.is_empty() {
        return Err(failure("InvalidInput", words.text("reset.need_code"), false));
    }
    let call = confirm_call(&config.client_id, username.trim(), code.trim(), &password);
    http::send(&config, &call)
        .await
        .map(|_| ())
        .map_err(|error| call_failure(&error, ResetAdvice::for_error(&error).key(), &words))
}

/// The live checklist: each rule of the policy, whether it is met, and its words.
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PasswordCheck")]
pub fn check_password(
    #[wasm_bindgen(unchecked_param_type = "PasswordPolicy | undefined")] policy: JsValue,
    password: &str,
    confirm: &str,
    language: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = if policy.is_undefined() || policy.is_null() {
        PasswordPolicy::default()
    } else {
        serde_wasm_bindgen::from_value(policy).map_err(|_| failure("InvalidConfig", "passwordPolicy has a value of the wrong kind.", false))?
    };
    let words = Catalogue::bundled(pick_language(language.as_deref(), None, "en"));
    let rules = Array::new();
    let mut ok = true;
    for (rule, met) in checklist(&policy, password, confirm) {
        ok &= met;
        let n = match rule {
            Rule::MinimumLength(n) => n.to_string(),
            _ => String::new(),
        };
        let text = words.fill(rule_key(rule), &[("n", &n)]);
        rules.push(&object(&[("rule", rule.key().into()), ("met", met.into()), ("text", text.into())]));
    }
    Ok(object(&[("ok", ok.into()), ("rules", rules.into())]))
}

/// Signs in with the new password (SRP unless `signIn` is "password") and keeps the session
/// (stored for Amplify and amazon-cognito-identity-js unless `session` is "none") only when
/// Cognito's ID token names `account`, the account the app showed the person (the link's
/// email, or what they typed), by a verified fact: a link is a hint its holder may have
/// edited. `account` is required: without it there is nothing to hold the token to.
#[wasm_bindgen(js_name = signIn, unchecked_return_type = "Session")]
pub async fn sign_in(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    password: String,
    #[wasm_bindgen(unchecked_param_type = "string")] account: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let Some(account) = account.as_string() else {
        return Err(failure("InvalidInput", "signIn needs the account your page showed the person (link.email, or what they typed) as its 4th argument.", false));
    };
    let (username, shown) = (username.trim(), account.trim());
    match signin::authenticate(&config, username, &password, shown).await {
        Ok((tokens, owner)) => Ok(session_object(tokens, owner)),
        Err(signin::NoSession::Challenge(name)) => Err(failure(&name, words.text("reset.done_unconfirmed"), false)),
        Err(signin::NoSession::OtherAccount) => Err(failure("OtherAccount", words.text("reset.other_account"), false)),
        Err(signin::NoSession::Unverified) => Err(failure("AccountNotVerified", words.text("reset.done_sign_in"), false)),
        Err(signin::NoSession::Unrecognisable) => Err(failure("AccountNotShown", words.text("reset.done_sign_in"), false)),
        Err(signin::NoSession::Failed(error)) => Err(call_failure(&error, ResetAdvice::for_error(&error).key(), &words)),
    }
}
