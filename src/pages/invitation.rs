//! The account module's call for the welcome page: accepting an invitation
//! (`src/plumbing/invitation_calls.rs`, the npm API's call too), answered as the
//! `WelcomeOutcome` the form module shows. Runs only when the person presses the button (mail
//! scanners open links; see SECURITY.md).

use reset_link_core::invitation::{WelcomeAdvice, WelcomeOutcome};
use wasm_bindgen::prelude::*;

use crate::pages::account;
use crate::plumbing::{config, invitation_calls, signin};

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
        Ok(config) => {
            let shown = shown.as_deref().unwrap_or(&username);
            let accepted = invitation_calls::accept(&config, &username, &temporary, &password, &details, shown).await;
            accepted.outcome(|| signin::next_address(&config, redirect.as_deref()))
        }
    };
    account::answer(&outcome)
}
