//! The calls around an emailed code that need nobody signed in: a reset (`ForgotPassword`,
//! `ConfirmForgotPassword`) and a sign-up (`ConfirmSignUp`, `ResendConfirmationCode`). The
//! pages and the npm API both make them here, and read the answers through the same core
//! outcomes (`ForgotOutcome`, `ResetAdvice`, `ConfirmOutcome`), so both say the same thing
//! for the same reply.

use reset_link_core::api::{confirm_forgot_password, confirm_sign_up, forgot_password, resend_confirmation_code};
use reset_link_core::config::Config;
use reset_link_core::error::CallError;
use reset_link_core::words::ForgotOutcome;

use crate::plumbing::http;

/// How a request for a new code went: the outcome the words are chosen by (an unknown account
/// reads as sent), and where Cognito says the code went.
pub struct Asked {
    /// What the person reads.
    pub outcome: ForgotOutcome,
    /// The failed call behind an outcome other than `Sent` (for the API's `code`).
    pub error: Option<CallError>,
    /// The masked address, only where `showDestination` allows it: Cognito answers one for
    /// an unknown account too, so showing it is the team's choice, as on the pages.
    pub destination: Option<String>,
    /// How the code went (`EMAIL`, `SMS`), under the same condition as `destination`: an
    /// unknown account gets none, so it too would tell.
    pub medium: Option<String>,
}

/// Where Cognito says a code went and how (`CodeDeliveryDetails`), when it says.
type Delivery<'a> = Option<(Option<&'a str>, Option<&'a str>)>;

/// The outcome of a request for a code, with its delivery when there is one.
fn asked(config: &Config, result: Result<Delivery, CallError>) -> Asked {
    let outcome = ForgotOutcome::for_result(&result.as_ref().map(|_| ()).map_err(Clone::clone));
    let delivery = result.as_ref().ok().copied().flatten().unwrap_or_default();
    let shown = |part: Option<&str>| part.filter(|_| config.show_destination).map(str::to_string);
    let (destination, medium) = (shown(delivery.0), shown(delivery.1));
    let error = result.err().filter(|_| outcome != ForgotOutcome::Sent);
    Asked { outcome, error, destination, medium }
}

/// Asks Cognito to email `username` a reset code (`ForgotPassword`, in `language`), which the
/// trigger turns into a link.
pub async fn ask_reset_link(config: &Config, username: &str, language: &str) -> Asked {
    let reply = http::send(config, &forgot_password(&config.client_id, username, Some(language))).await;
    asked(config, reply.as_ref().map(|reply| Some((reply.destination(), reply.medium()))).map_err(Clone::clone))
}

/// Sets a new password with the emailed code (`ConfirmForgotPassword`); `ResetAdvice` reads
/// a failure.
pub async fn set_password(config: &Config, username: &str, code: &str, password: &str) -> Result<(), CallError> {
    http::send(config, &confirm_forgot_password(&config.client_id, username, code, password)).await.map(|_| ())
}

/// Confirms a sign-up with the emailed code (`ConfirmSignUp`); `ConfirmOutcome` reads the
/// result (an account confirmed before is ready, not a failure).
pub async fn confirm_sign_up_code(config: &Config, username: &str, code: &str) -> Result<(), CallError> {
    http::send(config, &confirm_sign_up(&config.client_id, username, code)).await.map(|_| ())
}

/// Asks for a new sign-up confirmation code (`ResendConfirmationCode`, in `language`).
pub async fn ask_sign_up_code(config: &Config, username: &str, language: &str) -> Asked {
    let reply = http::send(config, &resend_confirmation_code(&config.client_id, username, Some(language))).await;
    asked(config, reply.map(|_| None))
}
