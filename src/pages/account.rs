//! The reset page's second module (`page-account`, `www/pkg/account.js`): everything after
//! the person's press. The calls that change the account (`ConfirmForgotPassword`, a new
//! link), the sign-in after the reset (SRP included), and the words for how it went. The
//! form module (`src/pages/reset.rs`) loads it once the form works, while the person types, and
//! hands it the checked form; so the form waits for none of this code.
//!
//! The two modules share no memory, only values: each function takes the configuration as
//! the browser parsed it and the page's words as the form module handed them over
//! (`i18n::handover`: the language, its catalogue as fetched, the support contact).

use reset_link_core::config::Config;
use reset_link_core::words::{ChangedAccount, ForgotOutcome, ResetAdvice, ResetOutcome};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::plumbing::{address, code_calls, config, dom, i18n, signin, timer};

/// `value` for the welcome page's form module (plain objects, as it reads them).
pub(crate) fn answer(value: &impl Serialize) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// The checked configuration, with the page's words taken over from the form module;
/// `None` when the configuration does not check out.
fn adopt_page(config: JsValue, words: &JsValue) -> Option<Config> {
    let config = config::from_value(config).ok()?;
    i18n::adopt(words, &config);
    Some(config)
}

/// Makes the sign-in's SRP values that need no password (`signin::prepare`); the page's
/// loader calls it as soon as this module has loaded, while the person types.
#[wasm_bindgen(js_name = prepareSignIn, skip_typescript)]
pub fn prepare_sign_in(config: JsValue) {
    if let Ok(config) = crate::plumbing::config::from_value(config) {
        crate::plumbing::signin::prepare(&config);
    }
}

/// Sets the new password (`ConfirmForgotPassword`), signs the person in as configured, and
/// shows how it went; resolves once the page is the person's again. `shown` is the account
/// the page showed from the link (a session for another one is not kept); `redirect` is
/// where the link asked to go after sign-in.
#[wasm_bindgen(js_name = resetPassword, skip_typescript)]
pub async fn reset_password(config: JsValue, words: JsValue, username: String, code: String, password: String, shown: Option<String>, redirect: Option<String>) {
    let Some(config) = adopt_page(config, &words) else {
        return failed(ResetAdvice::SiteProblem);
    };
    let outcome = match code_calls::set_password(&config, &username, &code, &password).await {
        Ok(_) => {
            // The code is spent: a reload must not offer it again.
            address::forget(address::RESET_LINK);
            i18n::say_words("reset.signing_in", false);
            let (next, account) = signin::sign_in(&config, &username, &password, shown.as_deref(), redirect.as_deref()).await;
            ResetOutcome::Changed { next, account }
        }
        Err(error) => ResetOutcome::Failed(ResetAdvice::for_error(&error)),
    };
    show(&config, outcome);
}

/// Shows `outcome`: success and the way on, or what went wrong with the form open again.
fn show(config: &Config, outcome: ResetOutcome) {
    match outcome {
        ResetOutcome::Changed { next, account } => {
            finish(config, next.as_deref(), account);
            if let Some(next) = next {
                go(&next);
            }
        }
        ResetOutcome::Failed(advice) => failed(advice),
    }
}

/// Says what went wrong, opens the form again and puts the focus where it helps.
fn failed(advice: ResetAdvice) {
    dom::enable("submit", true);
    i18n::say_words(advice.key(), true);
    dom::show("new-link", advice.offers_new_link());
    if advice.offers_new_link() {
        // "Works until" no longer holds for a code Cognito refused.
        dom::show("link-age", false);
    }
    let focus = if advice == ResetAdvice::WeakPassword || advice == ResetAdvice::ReusedPassword { "password" } else { "submit" };
    dom::focus(focus);
}

/// Shows success and the way on: the app when signed in (`next`), else the sign-in page;
/// the words claim whose password it was only when Cognito confirmed it (`account`).
fn finish(config: &Config, next: Option<&str>, account: ChangedAccount) {
    i18n::set_words("title", "reset.done_title");
    i18n::set_way_on(next, &config.sign_in_url);
    i18n::show_done(account.key(), "sign-in");
}

/// Goes to `address`.
fn go(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(address);
    }
}

/// Asks for a new reset link (`ForgotPassword`, in the page's language) and says how it
/// went; resolves then, while the button counts its cooldown down.
#[wasm_bindgen(js_name = sendResetLink, skip_typescript)]
pub async fn send_reset_link(config: JsValue, words: JsValue, username: String) {
    let Some(config) = adopt_page(config, &words) else {
        return i18n::say_words(ForgotOutcome::SiteProblem.key(), true);
    };
    let outcome = code_calls::ask_reset_link(&config, &username, &i18n::language()).await.outcome;
    wasm_bindgen_futures::spawn_local(async move { timer::new_link_answered(&config, outcome, "reset.new_link_sent").await });
}
