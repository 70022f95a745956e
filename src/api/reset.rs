//! The reset in the npm API: ask for a link, set the new password. The calls are the pages'
//! own (`plumbing/code_calls.rs`); the sign-in after it is `signIn`, in the password module.

use reset_link_core::words::ResetAdvice;
use wasm_bindgen::prelude::*;

use crate::api::{call_failure, failure, object, read_config, text_or_null};
use crate::plumbing::code_calls::{self, Asked};

/// The delivery a request for a code resolves with, or its rejection.
pub(crate) fn delivery(asked: Asked, words: &reset_link_core::i18n::Catalogue) -> Result<JsValue, JsValue> {
    match asked.error {
        None => Ok(object(&[("destination", text_or_null(asked.destination.as_deref())), ("medium", text_or_null(asked.medium.as_deref()))])),
        Some(error) => Err(call_failure(&error, asked.outcome.key(), words)),
    }
}

/// Asks Cognito to send a reset link (`ForgotPassword`). Resolves the same way whether or not
/// the account exists, as the page's words must.
#[wasm_bindgen(js_name = forgotPassword, unchecked_return_type = "CodeDelivery")]
pub async fn forgot_password(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue, username: String) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    if username.trim().is_empty() {
        return Err(failure("InvalidInput", words.text(reset_link_core::words::forgot_page::need(config.sign_in_with)), false));
    }
    delivery(code_calls::ask_reset_link(&config, username.trim(), &words.language).await, &words)
}

/// Sets the new password with the link's code (`ConfirmForgotPassword`).
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
    code_calls::set_password(&config, username.trim(), code.trim(), &password)
        .await
        .map_err(|error| call_failure(&error, ResetAdvice::for_error(&error).key(), &words))
}

