//! An address change in the npm API: confirm the changed email address or phone number with
//! the link's code, or ask for a new code. The calls are the verify page's own
//! (`plumbing/attribute_calls.rs`), with the session of the link's account: one the app
//! passes, else (with `session: "amplify"`) the one stored on this origin. Either is used
//! only when it is the account the link names, as on the page.

use reset_link_core::address_change::VerifyOutcome;
use reset_link_core::error::{CallError, CognitoError};
use reset_link_core::i18n::Catalogue;
use reset_link_core::words::ForgotOutcome;
use wasm_bindgen::prelude::*;

use crate::api::{call_failure, failure, object, read_config, session_object};
use crate::plumbing::attribute_calls::{self, token_owner, AccountSession};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The session of a signed-in person, as the app keeps it. It is used only when its access token is the link's account's (its `username` claim is the link's username). */
export interface SignedIn {
  accessToken: string;
  /** Renews an access token Cognito refuses. */
  refreshToken?: string | null;
}

/** How an address-change call went: with a session the app passed, the tokens Cognito issued when it had to renew the access token (for the app to keep), else null. A stored session ("amplify") is renewed in storage, while the app still has that account signed in, and `renewed` is null. */
export interface AddressCallDone {
  renewed: Session | null;
}
"#;

/// The session to call with: the app's, else the stored one, and only the link's account's.
/// Whose an access token the app passes is, its own `username` claim says (what Cognito
/// issued), never a label beside it.
fn session_for(config: &reset_link_core::config::Config, username: &str, given: JsValue) -> Result<Option<AccountSession>, JsValue> {
    if given.is_undefined() || given.is_null() {
        return Ok(if config.store_session { attribute_calls::stored_session(&config.client_id, Some(username)) } else { None });
    }
    let text = |key: &str| js_sys::Reflect::get(&given, &key.into()).ok().and_then(|v| v.as_string());
    let Some(access_token) = text("accessToken") else {
        return Err(failure("InvalidInput", "session is a SignedIn (accessToken, refreshToken).", false));
    };
    let owner = token_owner(&access_token);
    Ok(owner.filter(|owner| owner == username).map(|owner| AccountSession { username: owner, access_token, refresh_token: text("refreshToken"), stored: false, renewed: None }))
}

/// The rejection when there is no session for the link's account: the page's words, which
/// ask the person to sign in and type the code in the app.
fn no_session(words: &Catalogue) -> JsValue {
    failure("NoSession", words.text(VerifyOutcome::NoSession.key()), false)
}

/// What a call resolves with: the renewed tokens, if any.
fn done(session: AccountSession) -> JsValue {
    let renewed = session.renewed.map_or(JsValue::NULL, |tokens| session_object(tokens, session.username));
    object(&[("renewed", renewed)])
}

/// Confirms the changed `attribute` ("email" or "phone_number") of `username` with the link's
/// `code` (`VerifyUserAttribute`). Rejects "NoSession" when neither `session` nor the stored
/// one is that account's.
#[wasm_bindgen(js_name = confirmAddressChange, unchecked_return_type = "AddressCallDone")]
pub async fn confirm_address_change(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    attribute: String,
    code: String,
    #[wasm_bindgen(unchecked_optional_param_type = "SignedIn | null")] session: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    if code.trim().is_empty() || attribute.trim().is_empty() {
        return Err(failure("InvalidInput", words.text("reset.need_code"), false));
    }
    let Some(mut session) = session_for(&config, username.trim(), session)? else { return Err(no_session(&words)) };
    let result = attribute_calls::confirm(&config, &mut session, attribute.trim(), code.trim()).await;
    match (VerifyOutcome::for_result(&result), result) {
        (_, Ok(())) => Ok(done(session)),
        // Cognito refused the session (signed out, revoked) even after renewing it.
        (VerifyOutcome::NoSession, Err(_)) => Err(no_session(&words)),
        (outcome, Err(error)) => Err(call_failure(&error, outcome.key(), &words)),
    }
}

/// Asks for a new code for the changed `attribute` of `username`
/// (`GetUserAttributeVerificationCode`), which the trigger sends as a new link.
#[wasm_bindgen(js_name = askAddressCode, unchecked_return_type = "AddressCallDone")]
pub async fn ask_address_code(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    username: String,
    attribute: String,
    #[wasm_bindgen(unchecked_optional_param_type = "SignedIn | null")] session: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    if attribute.trim().is_empty() {
        return Err(failure("InvalidInput", words.text("reset.need_code"), false));
    }
    let Some(mut session) = session_for(&config, username.trim(), session)? else { return Err(no_session(&words)) };
    let result = attribute_calls::ask_new_code(&config, &mut session, attribute.trim(), &words.language).await;
    // Read as the verify page reads it (what reads as sent there resolves here), except that
    // a session Cognito refused, even renewed, is NoSession as for confirmAddressChange.
    if let Err(CallError::Service(CognitoError::NotAuthorized | CognitoError::UserNotFound)) = result {
        return Err(no_session(&words));
    }
    match (ForgotOutcome::for_result(&result), result) {
        (ForgotOutcome::Sent, _) => Ok(done(session)),
        (outcome, Err(error)) => Err(call_failure(&error, outcome.key(), &words)),
        (outcome, Ok(())) => Err(failure("UnreadableReply", words.text(outcome.key()), true)),
    }
}
