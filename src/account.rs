//! The reset page's second module (`page-account`, `www/pkg/account.js`): the calls that
//! change the account (`ConfirmForgotPassword`, a new link) and the sign-in after the reset,
//! SRP included. The form module (`src/reset.rs`) loads it once the form works, while the
//! person types, and shows the words for what it answers; so the form waits for none of
//! this code.
//!
//! Both functions take the configuration as the browser parsed it and check it again here:
//! the two modules share no memory, only values.

use reset_link_core::api::{confirm_forgot_password, forgot_password};
use reset_link_core::words::{ForgotOutcome, ResetAdvice, ResetOutcome};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{config, http, signin};

/// `value` for the form module (plain objects, as it reads them).
pub(crate) fn answer(value: &impl Serialize) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Sets the new password (`ConfirmForgotPassword`), calls `on_changed` once it is changed,
/// then signs the person in as configured; answers a `ResetOutcome`. `shown` is the account
/// the page showed from the link (a session for another one is not kept); `redirect` is
/// where the link asked to go after sign-in.
#[wasm_bindgen(js_name = confirmReset, skip_typescript)]
pub async fn confirm_reset(config: JsValue, username: String, code: String, password: String, shown: Option<String>, redirect: Option<String>, on_changed: js_sys::Function) -> JsValue {
    let outcome = match config::from_value(config) {
        Err(_) => ResetOutcome::Failed(ResetAdvice::SiteProblem),
        Ok(config) => match http::send(&config, &confirm_forgot_password(&config.client_id, &username, &code, &password)).await {
            Ok(_) => {
                let _ = on_changed.call0(&JsValue::NULL);
                let (next, account) = signin::sign_in(&config, &username, &password, shown.as_deref(), redirect.as_deref()).await;
                ResetOutcome::Changed { next, account }
            }
            Err(error) => ResetOutcome::Failed(ResetAdvice::for_error(&error)),
        },
    };
    answer(&outcome)
}

/// Asks for a new reset link (`ForgotPassword`, with the page's `language` for the email);
/// answers a `ForgotOutcome`.
#[wasm_bindgen(js_name = requestLink, skip_typescript)]
pub async fn request_link(config: JsValue, username: String, language: String) -> JsValue {
    let outcome = match config::from_value(config) {
        Err(_) => ForgotOutcome::SiteProblem,
        Ok(config) => {
            let result = http::send(&config, &forgot_password(&config.client_id, &username, Some(&language))).await;
            ForgotOutcome::for_result(&result.map(|_| ()))
        }
    };
    answer(&outcome)
}
