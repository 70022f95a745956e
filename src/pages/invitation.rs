//! The account module's call for the welcome page: accepting an invitation. Signs in with the
//! temporary password, answers `NEW_PASSWORD_REQUIRED` with the person's own password and
//! the details the pool requires, then keeps the session as the reset page does. Runs only
//! when the person presses the button (mail scanners open links; see SECURITY.md).

use reset_link_core::api::respond_new_password;
use reset_link_core::config::SignIn;
use reset_link_core::invitation::{required_attributes, WelcomeAdvice, WelcomeOutcome, ATTRIBUTE_PREFIX};
use reset_link_core::words::ChangedAccount;
use wasm_bindgen::prelude::*;

use crate::plumbing::signin::{self, NoSession};
use crate::pages::account;
use crate::plumbing::{config, http};

/// Sets the password of an invited account; answers a `WelcomeOutcome`. `details` is a list
/// of `[attribute, value]` pairs the person filled in; `shown` the account the page showed
/// from the link; `redirect` where the link asked to go after sign-in.
#[wasm_bindgen(js_name = acceptInvitation, skip_typescript)]
pub async fn accept_invitation(
    config: JsValue,
    username: String,
    temporary: String,
    password: String,
    details: JsValue,
    shown: Option<String>,
    redirect: Option<String>,
) -> JsValue {
    let details: Vec<(String, String)> = serde_wasm_bindgen::from_value(details).unwrap_or_default();
    let outcome = match config::from_value(config) {
        Err(_) => WelcomeOutcome::Failed(WelcomeAdvice::SiteProblem),
        Ok(config) => accept(&config, &username, &temporary, &password, &details, shown.as_deref(), redirect.as_deref()).await,
    };
    account::answer(&outcome)
}

/// The steps of [`accept_invitation`].
async fn accept(
    config: &reset_link_core::config::Config,
    username: &str,
    temporary: &str,
    password: &str,
    details: &[(String, String)],
    shown: Option<&str>,
    redirect: Option<&str>,
) -> WelcomeOutcome {
    let failed = |error: NoSession| match error {
        NoSession::Failed(error) => WelcomeOutcome::Failed(WelcomeAdvice::for_error(&error)),
        _ => WelcomeOutcome::Failed(WelcomeAdvice::NotWorking),
    };
    let reply = match signin::start(config, username, temporary).await {
        Ok(reply) => reply,
        Err(error) => return failed(error),
    };
    // Tokens at once, or another challenge: the temporary password is not one to replace.
    if reply.challenge.as_deref() != Some("NEW_PASSWORD_REQUIRED") {
        return WelcomeOutcome::Failed(WelcomeAdvice::NotWorking);
    }
    let listed: Vec<String> = reply
        .parameter("requiredAttributes")
        .and_then(|text| js_sys::JSON::parse(text).ok())
        .and_then(|value| serde_wasm_bindgen::from_value(value).ok())
        .unwrap_or_default();
    let missing: Vec<String> = required_attributes(&listed)
        .into_iter()
        .filter(|name| !details.iter().any(|(given, value)| given == name && !value.trim().is_empty()))
        .collect();
    if !missing.is_empty() {
        return WelcomeOutcome::NeedDetails(missing);
    }
    let answers: Vec<(String, String)> = details.iter().map(|(name, value)| (format!("{ATTRIBUTE_PREFIX}{name}"), value.trim().to_string())).collect();
    let answer_as = reply.parameter("USER_ID_FOR_SRP").unwrap_or(username);
    let call = respond_new_password(&config.client_id, reply.session.as_deref(), answer_as, password, &answers);
    let answered = match http::send(config, &call).await {
        Ok(answered) => answered,
        Err(error) => return WelcomeOutcome::Failed(WelcomeAdvice::for_error(&error)),
    };
    let Some(tokens) = answered.tokens else { return WelcomeOutcome::SignInToFinish };
    if config.sign_in == SignIn::None {
        return WelcomeOutcome::Done { next: None, account: ChangedAccount::Unconfirmed };
    }
    // The same rule as after a reset: the session is kept only for the account the page
    // showed, named by a fact Cognito has verified.
    match signin::keep_session(config, &tokens, shown.unwrap_or(username)) {
        Ok(_) => WelcomeOutcome::Done { next: Some(signin::next_address(config, redirect)), account: ChangedAccount::Shown },
        Err(NoSession::Unrecognisable | NoSession::Unverified) => WelcomeOutcome::Done { next: None, account: ChangedAccount::Unnamed },
        Err(_) => WelcomeOutcome::Done { next: None, account: ChangedAccount::Other },
    }
}
