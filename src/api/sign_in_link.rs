//! Sign-in by link in the npm API (cargo feature `api`): ask for a link, then finish from
//! the link (or a code typed by hand). The calls are the page's own (`sign_in_calls.rs`) and
//! the pending sign-in is kept under the page's localStorage key in the page's format, so a
//! link opened on the kit's `sign-in.html` or on the app's own page finishes either.

use reset_link_core::config::Config;
use reset_link_core::i18n::Catalogue;
use reset_link_core::sign_in_link::{sign_in_code, AnswerOutcome, PendingSignIn};
use wasm_bindgen::prelude::*;

use crate::api::{failure, object, read_config, read_link, session_object, text_or_null};
use crate::plumbing::pending;
use crate::plumbing::sign_in_calls::{self, Stopped};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A sign-in in progress: Cognito's Session for the emailed code, as the kit keeps it in localStorage. It signs no one in without the code. */
export interface PendingSignIn {
  /** The account as the person typed it. */
  username: string;
  /** Cognito's Session of the EMAIL_OTP challenge. */
  session: string;
  /** When it was asked (Unix seconds, by the device's clock). */
  asked_at: number;
}

/** Where Cognito says it sent the sign-in link, and the pending sign-in the link finishes. */
export interface SignInLinkSent extends CodeDelivery {
  /** Also stored in localStorage unless session is "none"; null when there is nothing to finish (an unknown account). */
  pending: PendingSignIn | null;
}
"#;

/// The pending sign-in as a plain JS object (the JSON the page stores).
fn pending_object(pending: &PendingSignIn) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(pending, &serializer).unwrap_or(JsValue::NULL)
}

/// The pending sign-in to answer, and whether it is the stored one (then the call settles
/// it). Where the kit stores the pending sign-in (`session` not "none"), only the stored one
/// counts: one the app passes is used only when it is that same sign-in, so a pending object
/// from anywhere else (a URL, another tab's stale copy) cannot sign this browser in nor
/// spend the sign-in it asked for. With `session` "none" the app keeps it and passes it back.
fn pending_given_or_stored(config: &Config, given: Option<js_sys::Object>) -> Result<(Option<PendingSignIn>, bool), JsValue> {
    let given: Option<PendingSignIn> = match given.filter(|given| !given.is_null() && !given.is_undefined()) {
        Some(given) => Some(serde_wasm_bindgen::from_value(given.into())
            .map_err(|_| failure("InvalidInput", "pending is not a PendingSignIn (username, session, asked_at).", false))?),
        None => None,
    };
    if !config.store_session {
        return Ok((given, false));
    }
    let stored = pending::read(&config.client_id);
    let same = |given: &PendingSignIn| stored.as_ref().is_some_and(|stored| stored.session == given.session);
    match given {
        Some(given) if !same(&given) => Ok((None, false)),
        _ => Ok((stored, true)),
    }
}

/// A stopped answer as a rejection, with the page's words for its outcome.
fn answer_failure(stopped: &Stopped<AnswerOutcome>, words: &Catalogue) -> JsValue {
    failure(&stopped.code, words.text(stopped.outcome.key()), stopped.retryable)
}

/// Answers `pending` with `code`: the session (kept as signIn keeps it) or the page's words.
async fn finish(config: &Config, words: &Catalogue, pending: &PendingSignIn, code: &str, stored: bool) -> Result<JsValue, JsValue> {
    match sign_in_calls::answer(config, pending, code, stored).await {
        Ok((tokens, owner)) => Ok(session_object(tokens, owner)),
        Err(stopped) => Err(answer_failure(&stopped, words)),
    }
}

/// Asks Cognito to email `account` a sign-in link (`InitiateAuth` `USER_AUTH` with
/// `EMAIL_OTP`). Resolves the same whether or not the account exists; keeps the pending
/// sign-in in localStorage unless `session` is "none", and returns it either way.
#[wasm_bindgen(js_name = askSignInLink, unchecked_return_type = "SignInLinkSent")]
pub async fn ask_sign_in_link(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue, account: String) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let who = account.trim();
    if who.is_empty() {
        return Err(failure("InvalidInput", words.text(reset_link_core::words::forgot_page::need(config.sign_in_with)), false));
    }
    match sign_in_calls::ask(&config, who, &words.language).await {
        Ok(sent) => {
            if let Some(pending) = sent.pending.as_ref().filter(|_| config.store_session) {
                pending::save(&config.client_id, pending);
            }
            // Only where an unknown account gets the same answer (`showDestination`, as on the
            // page): else the address would tell that the account exists.
            let destination = sent.destination.as_deref().filter(|_| config.show_destination);
            Ok(object(&[
                ("destination", text_or_null(destination)),
                ("medium", text_or_null(sent.medium.as_deref().filter(|_| config.show_destination))),
                ("pending", sent.pending.as_ref().map_or(JsValue::NULL, pending_object)),
            ]))
        }
        Err(Stopped { outcome, code, retryable }) => Err(failure(&code, words.text(outcome.key()), retryable)),
    }
}

/// Finishes a sign-in from the emailed link (`url`: the address, or its fragment). Only a
/// pending sign-in for the link's account (`pending`, else the stored one) can answer it;
/// without one this rejects "NotThisBrowser" with the code to type where the person asked.
#[wasm_bindgen(js_name = finishSignInFromLink, unchecked_return_type = "Session")]
pub async fn finish_sign_in_from_link(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    url: String,
    #[wasm_bindgen(unchecked_optional_param_type = "PendingSignIn | null")] pending: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let link = read_link(&url);
    let Some(code) = link.sign_in_code.as_deref().and_then(sign_in_code) else {
        return Err(failure("InvalidInput", words.text("signin.need_code"), false));
    };
    let (pending, stored) = pending_given_or_stored(&config, pending)?;
    let pending = sign_in_calls::usable_for_link(&config, pending, link.username.as_deref(), link.email.as_deref());
    let Some(pending) = pending else {
        let rejection = failure("NotThisBrowser", words.text("signin.elsewhere"), false);
        let _ = js_sys::Reflect::set(&rejection, &"signInCode".into(), &code.as_str().into());
        return Err(rejection);
    };
    finish(&config, &words, &pending, &code, stored).await
}

/// Finishes a sign-in with the code typed by hand, answering `pending` (else the stored one).
#[wasm_bindgen(js_name = finishSignInWithCode, unchecked_return_type = "Session")]
pub async fn finish_sign_in_with_code(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    code: String,
    #[wasm_bindgen(unchecked_optional_param_type = "PendingSignIn | null")] pending: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    let Some(code) = sign_in_code(&code) else {
        return Err(failure("InvalidInput", words.text("signin.need_code"), false));
    };
    let (pending, stored) = pending_given_or_stored(&config, pending)?;
    let Some(pending) = sign_in_calls::usable(&config, pending) else {
        return Err(failure("NoPendingSignIn", words.text(AnswerOutcome::Expired.key()), false));
    };
    finish(&config, &words, &pending, &code, stored).await
}
