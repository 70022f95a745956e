//! The two calls of sign-in by link, shared by `sign-in.html` and the npm API (one copy, so
//! both ask and answer alike): asking Cognito to email a code (choosing it when Cognito
//! offers a choice), and answering with it. The callers decide what to show, and the page
//! and the API keep the pending sign-in in the same localStorage entry (`pending.rs`).

use reset_link_core::api::{choose_email_code, initiate_email_code, respond_email_code, AuthReply, Tokens};
use reset_link_core::config::Config;
use reset_link_core::error::CallError;
use reset_link_core::sign_in_link::{AnswerOutcome, AskOutcome, PendingSignIn, Started};

use crate::plumbing::http;
use crate::plumbing::pending;
use crate::plumbing::signin::{keep_session, NoSession};

/// The API's code for "this pool or account cannot sign in by emailed code".
pub const UNAVAILABLE: &str = "SignInByLinkUnavailable";

/// A code on its way (or, for an unknown account, the same answer with nothing to finish).
pub struct Sent {
    /// The sign-in the code finishes; `None` when Cognito gave no `Session` (an unknown account).
    pub pending: Option<PendingSignIn>,
    /// Where the code went (masked), when Cognito says.
    pub destination: Option<String>,
    /// How it went (`EMAIL`), when Cognito says.
    pub medium: Option<String>,
}

/// Why a step stopped: what the person reads, and the API's rejection `code` and `retryable`.
#[derive(Debug)]
pub struct Stopped<O> {
    /// What the person reads.
    pub outcome: O,
    /// A Cognito error name, a challenge name, or one of the API's own codes.
    pub code: String,
    /// Whether trying again later may help.
    pub retryable: bool,
}

impl<O> Stopped<O> {
    /// Stopped by a failed call.
    fn call(outcome: O, error: &CallError) -> Self {
        Self { outcome, code: error.code().to_string(), retryable: error.is_transient() }
    }

    /// Stopped by an answer that trying again will not change.
    fn plain(outcome: O, code: &str) -> Self {
        Self { outcome, code: code.to_string(), retryable: false }
    }
}

/// Asks Cognito to email `who` a sign-in code in `language` (`InitiateAuth` `USER_AUTH`,
/// then `SELECT_CHALLENGE` choosing `EMAIL_OTP` when Cognito asks). An unknown account
/// reads as sent, as the page's words must.
pub async fn ask(config: &Config, who: &str, language: &str) -> Result<Sent, Stopped<AskOutcome>> {
    let mut started = started(http::send(config, &initiate_email_code(&config.client_id, who, Some(language))).await)?;
    if let Started::Choose { session } = &started {
        started = self::started(http::send(config, &choose_email_code(&config.client_id, Some(session), who)).await)?;
    }
    match started {
        Started::Sent { session, destination, medium } => {
            let pending = (!session.is_empty()).then(|| PendingSignIn { username: who.to_string(), session, asked_at: pending::now() });
            Ok(Sent { pending, destination, medium })
        }
        // Another challenge: with PreventUserExistenceErrors Cognito answers an unknown account
        // with one of the pool's challenges, so this must read like "sent" (nothing to finish),
        // or the words would tell which accounts exist. The page offers the password sign-in
        // to everyone who asked.
        _ => Ok(Sent { pending: None, destination: None, medium: None }),
    }
}

/// What a reply to the request for a code started; an error that reads like success
/// (an unknown account) keeps nothing and says "check your email" all the same.
fn started(reply: Result<AuthReply, CallError>) -> Result<Started, Stopped<AskOutcome>> {
    match reply {
        Ok(reply) => Ok(Started::from_reply(&reply)),
        Err(error) => match AskOutcome::for_error(&error) {
            AskOutcome::Sent => Ok(Started::Sent { session: String::new(), destination: None, medium: None }),
            AskOutcome::OtherWay => Err(Stopped::plain(AskOutcome::OtherWay, UNAVAILABLE)),
            outcome => Err(Stopped::call(outcome, &error)),
        },
    }
}

/// `pending` when it can still be answered: Cognito's session is there and not yet expired.
pub fn usable(config: &Config, pending: Option<PendingSignIn>) -> Option<PendingSignIn> {
    pending.filter(|p| p.is_valid(pending::now(), config.sign_in_session_minutes) && !p.session.is_empty())
}

/// `pending` when a link naming `username` / `email` may answer it: still usable, and that
/// link's account is the one asked for here (the page and the API hold a link to one rule).
pub fn usable_for_link(config: &Config, pending: Option<PendingSignIn>, username: Option<&str>, email: Option<&str>) -> Option<PendingSignIn> {
    usable(config, pending).filter(|p| p.is_for(username, email, pending::now(), config.sign_in_session_minutes))
}

/// Answers the `EMAIL_OTP` challenge of `pending` with `code`; keeps the session (by
/// signIn's rule: the ID token names the account typed by a verified fact) and returns the
/// tokens and their pool username. With `stored`, the stored pending sign-in is settled: gone
/// once used or refused, kept while a corrected code or a retry may still work.
pub async fn answer(config: &Config, pending: &PendingSignIn, code: &str, stored: bool) -> Result<(Tokens, String), Stopped<AnswerOutcome>> {
    let reply = http::send(config, &respond_email_code(&config.client_id, &pending.session, &pending.username, code)).await;
    let result = match reply {
        Ok(AuthReply { tokens: Some(tokens), .. }) => match keep_session(config, &tokens, &pending.username) {
            Ok(owner) => Ok((tokens, owner)),
            Err(refused) => Err(Stopped::plain(AnswerOutcome::OtherAccount, refused_code(&refused))),
        },
        Ok(reply) => Err(Stopped::plain(AnswerOutcome::OtherWay, reply.challenge.as_deref().unwrap_or(UNAVAILABLE))),
        Err(error) => Err(Stopped::call(AnswerOutcome::for_error(&error), &error)),
    };
    if stored {
        match result.as_ref().map_err(|stopped| stopped.outcome) {
            Ok(_) => pending::finish(&config.client_id),
            // Cognito's session is still good for another try.
            Err(AnswerOutcome::WrongCode | AnswerOutcome::TryAgain | AnswerOutcome::Offline) => {}
            Err(_) => pending::forget(&config.client_id),
        }
    }
    result
}

/// The API's code when a session was not kept (the same codes as signIn's).
pub fn refused_code(refused: &NoSession) -> &str {
    match refused {
        NoSession::OtherAccount => "OtherAccount",
        NoSession::Unverified => "AccountNotVerified",
        NoSession::Unrecognisable => "AccountNotShown",
        NoSession::Challenge(name) => name,
        NoSession::Failed(error) => error.code(),
    }
}
