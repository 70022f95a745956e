//! Sign-up confirmation in the npm API: confirm the account with the link's code, or ask for
//! a new code. The calls are the confirm page's own (`plumbing/code_calls.rs`).

use reset_link_core::words::ConfirmOutcome;
use wasm_bindgen::prelude::*;

use crate::api::reset::delivery;
use crate::api::{call_failure, failure, read_config};
use crate::plumbing::code_calls;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How confirmSignUp ended: the account is ready either way. */
export type SignUpConfirmed = "confirmed" | "alreadyConfirmed";
"#;

/// Confirms a sign-up with the link's code (`ConfirmSignUp`). An account confirmed before
/// resolves "alreadyConfirmed": it is ready, as the page says.
#[wasm_bindgen(js_name = confirmSignUp, unchecked_return_type = "SignUpConfirmed")]
pub async fn confirm_sign_up(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue, username: String, code: String) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    if username.trim().is_empty() || code.trim().is_empty() {
        return Err(failure("InvalidInput", words.text("reset.need_code"), false));
    }
    let result = code_calls::confirm_sign_up_code(&config, username.trim(), code.trim()).await;
    match (ConfirmOutcome::for_result(&result), result) {
        (ConfirmOutcome::Done, _) => Ok("confirmed".into()),
        (ConfirmOutcome::AlreadyConfirmed, _) => Ok("alreadyConfirmed".into()),
        (outcome, Err(error)) => Err(call_failure(&error, outcome.key(), &words)),
        (outcome, Ok(())) => Err(failure("UnreadableReply", words.text(outcome.key()), true)),
    }
}

/// Asks for a new sign-up confirmation code (`ResendConfirmationCode`), which the trigger
/// sends as a new link. Resolves the same whether or not the account exists.
#[wasm_bindgen(js_name = resendSignUpCode, unchecked_return_type = "CodeDelivery")]
pub async fn resend_sign_up_code(#[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue, username: String) -> Result<JsValue, JsValue> {
    let (config, words) = read_config(&config)?;
    if username.trim().is_empty() {
        return Err(failure("InvalidInput", words.text("reset.need_username"), false));
    }
    delivery(code_calls::ask_sign_up_code(&config, username.trim(), &words.language).await, &words)
}
