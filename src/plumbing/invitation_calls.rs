//! Accepting an invitation, shared by the welcome page's account module and the npm API:
//! sign in with the temporary password, answer `NEW_PASSWORD_REQUIRED` with the person's own
//! password and the details the pool requires, then keep the session by the same rule as
//! after a reset (the account shown, named by a fact Cognito has verified).

use reset_link_core::api::{respond_new_password, Tokens};
use reset_link_core::config::{Config, SignIn};
use reset_link_core::error::CallError;
use reset_link_core::invitation::{required_attributes, WelcomeAdvice, WelcomeOutcome, ATTRIBUTE_PREFIX};
use reset_link_core::words::ChangedAccount;

use crate::plumbing::http;
use crate::plumbing::signin::{self, NoSession};

/// How accepting an invitation ended.
pub enum Accepted {
    /// The password is set and the session kept, for this pool username.
    SignedIn(Tokens, String),
    /// The password is set; no session was kept, for this reason.
    PasswordSet(NotKept),
    /// Nothing is changed yet: the pool requires these details first (attribute names).
    NeedDetails(Vec<String>),
    /// Nothing is changed: what the person reads, and the API's `code` and `retryable`.
    Failed(WelcomeAdvice, String, bool),
}

/// Why the password was set but nobody was signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotKept {
    /// The configuration signs nobody in (`signIn: "none"`).
    NoSignIn,
    /// Cognito asks for more (MFA set-up, say): this challenge.
    Challenge(String),
    /// The tokens name another account than the one shown.
    OtherAccount,
    /// The account shown is an address Cognito has not verified.
    Unverified,
    /// The account shown is nothing a person recognises.
    Unrecognisable,
}

/// The API's code when the temporary password signed in without Cognito asking for a new
/// one (the invitation was accepted already).
pub const NOT_AN_INVITATION: &str = "InvitationAlreadyAccepted";

/// Sets the password of the invited `username` from `temporary` to `password`, with the
/// `details` (attribute, value) the pool requires; `shown` is the account the app showed.
pub async fn accept(config: &Config, username: &str, temporary: &str, password: &str, details: &[(String, String)], shown: &str) -> Accepted {
    let failed = |error: &CallError| Accepted::Failed(WelcomeAdvice::for_error(error), error.code().to_string(), error.is_transient());
    let reply = match signin::start(config, username, temporary).await {
        Ok(reply) => reply,
        Err(NoSession::Failed(error)) => return failed(&error),
        Err(_) => return Accepted::Failed(WelcomeAdvice::NotWorking, NOT_AN_INVITATION.into(), false),
    };
    // Tokens at once, or another challenge: the temporary password is not one to replace.
    if reply.challenge.as_deref() != Some("NEW_PASSWORD_REQUIRED") {
        return Accepted::Failed(WelcomeAdvice::NotWorking, NOT_AN_INVITATION.into(), false);
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
        return Accepted::NeedDetails(missing);
    }
    let answers: Vec<(String, String)> = details.iter().map(|(name, value)| (format!("{ATTRIBUTE_PREFIX}{name}"), value.trim().to_string())).collect();
    let answer_as = reply.parameter("USER_ID_FOR_SRP").unwrap_or(username);
    let call = respond_new_password(&config.client_id, reply.session.as_deref(), answer_as, password, &answers);
    let answered = match http::send(config, &call).await {
        Ok(answered) => answered,
        Err(error) => return failed(&error),
    };
    let Some(tokens) = answered.tokens else {
        return Accepted::PasswordSet(NotKept::Challenge(answered.challenge.unwrap_or_default()));
    };
    if config.sign_in == SignIn::None {
        return Accepted::PasswordSet(NotKept::NoSignIn);
    }
    match signin::keep_session(config, &tokens, shown) {
        Ok(owner) => Accepted::SignedIn(tokens, owner),
        Err(NoSession::Unrecognisable) => Accepted::PasswordSet(NotKept::Unrecognisable),
        Err(NoSession::Unverified) => Accepted::PasswordSet(NotKept::Unverified),
        Err(_) => Accepted::PasswordSet(NotKept::OtherAccount),
    }
}

impl Accepted {
    /// What the welcome page shows for it; `next` is where a kept session goes.
    pub fn outcome(&self, next: impl FnOnce() -> String) -> WelcomeOutcome {
        match self {
            Self::SignedIn(..) => WelcomeOutcome::Done { next: Some(next()), account: ChangedAccount::Shown },
            Self::PasswordSet(NotKept::NoSignIn) => WelcomeOutcome::Done { next: None, account: ChangedAccount::Unconfirmed },
            Self::PasswordSet(NotKept::Challenge(_)) => WelcomeOutcome::SignInToFinish,
            Self::PasswordSet(NotKept::OtherAccount) => WelcomeOutcome::Done { next: None, account: ChangedAccount::Other },
            Self::PasswordSet(NotKept::Unverified | NotKept::Unrecognisable) => WelcomeOutcome::Done { next: None, account: ChangedAccount::Unnamed },
            Self::NeedDetails(names) => WelcomeOutcome::NeedDetails(names.clone()),
            Self::Failed(advice, ..) => WelcomeOutcome::Failed(*advice),
        }
    }
}
