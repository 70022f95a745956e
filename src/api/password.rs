//! The password module of the npm package (`cognito-reset-link/password`, cargo feature
//! `api-password`): the flows that sign in with a password, SRP included, so an app that
//! only resets, confirms or signs in by link never downloads it. `signIn` is the reset
//! page's sign-in and `acceptInvitation` the welcome page's (`plumbing/signin.rs`,
//! `plumbing/invitation_calls.rs`); both keep a session only for the account shown, named
//! by a fact Cognito has verified.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use reset_link_core::api::{code_field, respond_code_challenge, AuthReply};
use reset_link_core::config::Config;
use reset_link_core::error::{CallError, CognitoError};
use reset_link_core::session::recognisable;
use reset_link_core::sign_in_link::sign_in_code;
use reset_link_core::i18n::Catalogue;
use reset_link_core::words::ResetAdvice;
use wasm_bindgen::prelude::*;

use crate::api::{call_failure, failure, object, read_config, session_object, text_or_null};
use crate::plumbing::http;
use crate::plumbing::invitation_calls::{self, Accepted, NotKept};
use crate::plumbing::signin::{self, next_address};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How acceptInvitation ended. "needDetails": nothing is changed yet; ask for these attributes (names such as "name", "phone_number", "custom:team") and call again with them. "signedIn": the password is set and the session kept. "passwordSet": the password is set but nobody is signed in, for `reason`: "noSignIn" (signIn is "none"), "challenge" (Cognito asks for more, such as MFA set-up: `challenge` names it; send the person to sign in), "otherAccount", "accountNotVerified" or "accountNotShown" (the token does not name the account shown by a verified fact). userMessage is the welcome page's words for it. */
export type InvitationResult =
  | { status: "needDetails"; details: string[]; userMessage: string }
  | { status: "signedIn"; session: Session; userMessage: string }
  | { status: "passwordSet"; reason: "noSignIn" | "challenge" | "otherAccount" | "accountNotVerified" | "accountNotShown"; challenge: string | null; userMessage: string };

/** A sign-in that waits for a code (multi-factor authentication): signIn rejects with the challenge's name as `code` and this as `challenge`; pass it to answerSignInChallenge with the code the person types. It holds Cognito's Session for a few minutes: keep it in memory, never in a URL. */
export interface SignInChallenge {
  /** "SMS_MFA", "SOFTWARE_TOKEN_MFA" (an authenticator app) or "EMAIL_OTP". */
  name: string;
  session: string;
  username: string;
  /** Where Cognito sent the code (masked), when it says. */
  destination: string | null;
}

/** A rejection of signIn or answerSignInChallenge: a ResetError, with `challenge` when Cognito asks for a code. */
export interface SignInError extends ResetError {
  challenge?: SignInChallenge;
}
"#;

thread_local! {
    /// The `Session`s of the challenges signIn handed over: only those are answered, so a
    /// session from anywhere else (a pending sign-in by link, another tab's copy, a URL)
    /// cannot be spent or sign this browser in through answerSignInChallenge.
    static ISSUED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The account the app showed, as a string, or the rejection that says what is missing.
fn account_shown(account: &JsValue, call: &str) -> Result<String, JsValue> {
    account.as_string().map(|shown| shown.trim().to_string()).ok_or_else(|| {
        failure("InvalidInput", &format!("{call} needs the account your page showed the person (link.account, or what they typed)."), false)
    })
}

/// Signs in with the new password (SRP unless `signIn` is "password") and keeps the session
/// (stored for Amplify and amazon-cognito-identity-js only with `session: "amplify"`) only
/// when Cognito's ID token names `account`, the account the app showed the person (the
/// link's account, or what they typed), by a verified fact: a link is a hint its holder may
/// have edited. Rejects "OtherAccount" (the token names another account), "AccountNotVerified"
/// (it carries the account shown as an unverified address), "AccountNotShown" (the account
/// shown is an opaque username: no sign-in attempted) or the name of a challenge ("SMS_MFA", ...).
/// With a multi-factor challenge the rejection carries `challenge`, for answerSignInChallenge.
#[wasm_bindgen(js_name = signIn, unchecked_return_type = "Session")]
pub async fn sign_in(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    password: String,
    #[wasm_bindgen(unchecked_param_type = "string")] account: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let shown = account_shown(&account, "signIn")?;
    if !recognisable(&shown, config.sign_in_with) {
        return Err(failure("AccountNotShown", words.text("reset.done_sign_in"), false));
    }
    let username = username.trim();
    match signin::start(&config, username, &password).await {
        Ok(reply) => session_or_challenge(&config, &words, reply, username, &shown),
        Err(signin::NoSession::Failed(error)) => Err(call_failure(&error, ResetAdvice::for_error(&error).key(), &words)),
        Err(_) => Err(failure("UnreadableReply", words.text("reset.done_unconfirmed"), true)),
    }
}

/// The session of a reply with tokens, kept by the whose-account rule; or the rejection
/// for the challenge Cognito asks, with the challenge to answer when a code answers it.
fn session_or_challenge(config: &Config, words: &Catalogue, reply: AuthReply, username: &str, shown: &str) -> Result<JsValue, JsValue> {
    let Some(tokens) = reply.tokens else {
        let name = reply.challenge.clone().unwrap_or_default();
        let rejection = failure(&name, words.text("reset.done_unconfirmed"), false);
        if let Some(session) = reply.session.as_deref().filter(|_| code_field(&name).is_some()) {
            ISSUED.with_borrow_mut(|issued| issued.push(session.to_string()));
            let username = reply.parameter("USER_ID_FOR_SRP").unwrap_or(username);
            let destination = text_or_null(reply.parameter("CODE_DELIVERY_DESTINATION"));
            let challenge = object(&[("name", name.as_str().into()), ("session", session.into()), ("username", username.into()), ("destination", destination)]);
            let _ = Reflect::set(&rejection, &"challenge".into(), &challenge);
        }
        return Err(rejection);
    };
    match signin::keep_session(config, &tokens, shown) {
        Ok(owner) => Ok(session_object(tokens, owner)),
        Err(signin::NoSession::OtherAccount) => Err(failure("OtherAccount", words.text("reset.other_account"), false)),
        Err(signin::NoSession::Unverified) => Err(failure("AccountNotVerified", words.text("reset.done_sign_in"), false)),
        Err(_) => Err(failure("AccountNotShown", words.text("reset.done_sign_in"), false)),
    }
}

/// Answers a `SignInChallenge` that signIn handed over in this page with the `code` the
/// person typed (6 to 8 digits), and keeps the session by signIn's rule for `account`. Rejects as signIn does; a wrong code
/// with "CodeMismatchException" (the challenge stays answerable), an expired one with
/// "NotAuthorizedException" (sign in again).
#[wasm_bindgen(js_name = answerSignInChallenge, unchecked_return_type = "Session")]
pub async fn answer_sign_in_challenge(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignInChallenge")] challenge: JsValue,
    code: String,
    #[wasm_bindgen(unchecked_param_type = "string")] account: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let shown = account_shown(&account, "answerSignInChallenge")?;
    let text = |key: &str| Reflect::get(&challenge, &key.into()).ok().and_then(|v| v.as_string());
    let (Some(name), Some(session), Some(username)) = (text("name"), text("session"), text("username")) else {
        return Err(failure("InvalidInput", "challenge is the SignInChallenge signIn rejected with.", false));
    };
    if !recognisable(&shown, config.sign_in_with) {
        return Err(failure("AccountNotShown", words.text("reset.done_sign_in"), false));
    }
    if !ISSUED.with_borrow(|issued| issued.contains(&session)) {
        return Err(failure("InvalidInput", "challenge is not one signIn handed over in this page.", false));
    }
    // A code is 6 to 8 digits: anything else would spend one of Cognito's attempts for nothing.
    let Some(code) = sign_in_code(&code) else {
        return Err(failure("InvalidInput", words.text("mfa.wrong_code"), false));
    };
    let Some(call) = respond_code_challenge(&config.client_id, &name, &session, &username, &code) else {
        return Err(failure("InvalidInput", "challenge is not one a code answers.", false));
    };
    match http::send(&config, &call).await {
        Ok(reply) => {
            // Answered: this session is spent, whatever comes next.
            ISSUED.with_borrow_mut(|issued| issued.retain(|issued| *issued != session));
            session_or_challenge(&config, &words, reply, &username, &shown)
        }
        Err(error) => {
            let key = match &error {
                CallError::Service(CognitoError::CodeMismatch) => "mfa.wrong_code",
                CallError::Service(CognitoError::NotAuthorized | CognitoError::ExpiredCode) => "mfa.expired",
                _ => ResetAdvice::for_error(&error).key(),
            };
            Err(call_failure(&error, key, &words))
        }
    }
}

/// Makes the SRP values of the next `signIn` that need no password (`a` and `A = g^a mod N`)
/// now, as the kit's reset page does once its second module has loaded: call it while the
/// person types, and the press waits only for what needs the password. The values serve one
/// sign-in, in this module's memory only; after 10 minutes the press makes new ones.
#[wasm_bindgen(js_name = prepareSignIn, unchecked_return_type = "undefined")]
pub fn prepare_sign_in(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue) -> Result<(), JsValue> {
    let (config, _) = read_config(&config)?;
    signin::prepare(&config);
    Ok(())
}

/// The details the app passes (`{ attribute: value }`) as pairs.
fn details_of(details: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if details.is_undefined() || details.is_null() {
        return Ok(Vec::new());
    }
    let pairs = Object::entries(&details.clone().dyn_into::<Object>().map_err(|_| bad_details())?);
    pairs
        .iter()
        .map(|pair| {
            let name = Reflect::get_u32(&pair, 0).ok().and_then(|v| v.as_string());
            let value = Reflect::get_u32(&pair, 1).ok().and_then(|v| v.as_string());
            name.zip(value).ok_or_else(bad_details)
        })
        .collect()
}

/// The rejection for details that are not `{ attribute: "value" }`.
fn bad_details() -> JsValue {
    failure("InvalidInput", "details is an object of attribute names and string values.", false)
}

/// Accepts an invitation: signs in with the link's `temporaryPassword`, sets `password` (with
/// the `details` the pool requires, `{ attribute: value }`), and keeps the session as signIn
/// does, for `account` (link.account). Nothing is changed until the call: the app calls it
/// on the person's press, never on load. Rejects with the failure (nothing changed) or
/// "InvitationAlreadyAccepted" (the temporary password signed in without asking for a new one).
#[wasm_bindgen(js_name = acceptInvitation, unchecked_return_type = "InvitationResult")]
pub async fn accept_invitation(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    #[wasm_bindgen(js_name = temporaryPassword)] temporary_password: String,
    password: String,
    #[wasm_bindgen(unchecked_param_type = "string")] account: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, string> | null")] details: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let shown = account_shown(&account, "acceptInvitation")?;
    let details = details_of(&details)?;
    if username.trim().is_empty() || temporary_password.is_empty() || password.is_empty() {
        return Err(failure("InvalidInput", words.text("welcome.need_temporary"), false));
    }
    let accepted = invitation_calls::accept(&config, username.trim(), &temporary_password, &password, &details, &shown).await;
    invitation_result(&config, &words, accepted)
}

/// The `InvitationResult` for how accepting ended, with the welcome page's words.
fn invitation_result(config: &Config, words: &Catalogue, accepted: Accepted) -> Result<JsValue, JsValue> {
    let outcome = accepted.outcome(|| next_address(config, None));
    let message = |key: &str| JsValue::from_str(words.text(key));
    Ok(match accepted {
        Accepted::Failed(advice, code, retryable) => return Err(failure(&code, words.text(advice.key()), retryable)),
        Accepted::NeedDetails(names) => {
            let details = names.iter().map(|name| JsValue::from_str(name)).collect::<js_sys::Array>();
            object(&[("status", "needDetails".into()), ("details", details.into()), ("userMessage", message("welcome.details"))])
        }
        Accepted::SignedIn(tokens, owner) => {
            object(&[("status", "signedIn".into()), ("session", session_object(tokens, owner)), ("userMessage", message(outcome.done_key()))])
        }
        Accepted::PasswordSet(why) => {
            let (reason, challenge) = match &why {
                NotKept::NoSignIn => ("noSignIn", None),
                NotKept::Challenge(name) => ("challenge", Some(name.as_str())),
                NotKept::OtherAccount => ("otherAccount", None),
                NotKept::Unverified => ("accountNotVerified", None),
                NotKept::Unrecognisable => ("accountNotShown", None),
            };
            object(&[("status", "passwordSet".into()), ("reason", reason.into()), ("challenge", text_or_null(challenge)), ("userMessage", message(outcome.done_key()))])
        }
    })
}
