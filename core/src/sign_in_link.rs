//! Sign-in by link (`sign-in.html`): the pending sign-in the asking browser keeps, the
//! judgement of whether a link may use it (the clock passed in), and what the person reads
//! for each outcome. The page stores and calls; everything it decides is here.
//!
//! A pending sign-in is a sign-in in progress, not a session: Cognito's `Session` alone signs
//! no one in, it needs the emailed code too. So a link only ever signs in the browser that
//! asked for it; anywhere else the page shows the code to type where the person asked.

use serde::{Deserialize, Serialize};

use crate::api::{AuthReply, EMAIL_OTP, SELECT_CHALLENGE};
use crate::error::{CallError, CognitoError, CommonFailure};
use crate::words::common_failure_reads_as;

/// The localStorage value a finished sign-in leaves, briefly, under [`pending_key`]: the tab
/// that asked reads it in its `storage` event and moves on too.
pub const SIGNED_IN_MARK: &str = "signed-in";

/// The localStorage key of the pending sign-in for app client `client_id`.
pub fn pending_key(client_id: &str) -> String {
    format!("cognito-reset-link.{client_id}.pendingSignIn")
}

/// A sign-in in progress, as kept in this origin's localStorage until used or expired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// The account as the person typed it.
    pub username: String,
    /// Cognito's `Session` of the `EMAIL_OTP` challenge.
    pub session: String,
    /// When it was asked (Unix seconds, by the device's clock).
    pub asked_at: u64,
}

impl PendingSignIn {
    /// Whether Cognito's session may still work at `now` (Unix seconds, the device's clock
    /// that also wrote `asked_at`): it lasts the app client's `AuthSessionValidity`,
    /// `minutes`. A time in the future (a clock set back) is not trusted either.
    pub fn is_valid(&self, now: u64, minutes: u32) -> bool {
        now >= self.asked_at && now - self.asked_at < u64::from(minutes) * 60
    }

    /// Whether a link for `username` (and `email`, when it carries one) is this sign-in's,
    /// still valid at `now`. The trigger writes Cognito's username, which in a pool that
    /// signs in by email may be an opaque id, so the link's email counts too; emails are
    /// compared without case, as Cognito does.
    pub fn is_for(&self, username: Option<&str>, email: Option<&str>, now: u64, minutes: u32) -> bool {
        let typed = self.username.as_str();
        let same = |other: Option<&str>| other.is_some_and(|other| other == typed || (other.contains('@') && other.eq_ignore_ascii_case(typed)));
        self.is_valid(now, minutes) && (same(username) || same(email))
    }
}

/// The sign-in code of a link or a box, when it reads as one: Cognito's emailed codes are 6 to
/// 8 digits. Anything else is never shown in large type (a link could otherwise put any text
/// on the site's own page) nor sent to Cognito (each try costs the pending sign-in an attempt).
pub fn sign_in_code(raw: &str) -> Option<String> {
    let code = raw.trim();
    ((6..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())).then(|| code.to_string())
}

/// What Cognito's answer to the request for a code means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// The code is on its way: the `Session` to keep and the masked destination.
    Sent {
        /// Cognito's `Session`.
        session: String,
        /// Where it went (masked), when Cognito says.
        destination: Option<String>,
        /// How it went (`EMAIL`), when Cognito says.
        medium: Option<String>,
    },
    /// Cognito offers a choice that includes the emailed code: choose it.
    Choose {
        /// Cognito's `Session`.
        session: String,
    },
    /// This pool or account signs in another way: say so, point at the password sign-in.
    OtherWay,
}

impl Started {
    /// Reads the reply to `InitiateAuth` (`USER_AUTH`, preferring `EMAIL_OTP`).
    pub fn from_reply(reply: &AuthReply) -> Self {
        let session = reply.session.clone();
        match (reply.challenge.as_deref(), session) {
            (Some(EMAIL_OTP), Some(session)) => {
                let parameter = |key| reply.parameter(key).map(str::to_string);
                Self::Sent { session, destination: parameter("CODE_DELIVERY_DESTINATION"), medium: parameter("CODE_DELIVERY_DELIVERY_MEDIUM") }
            }
            (Some(SELECT_CHALLENGE), Some(session)) if reply.available_challenges.iter().any(|c| c == EMAIL_OTP) => Self::Choose { session },
            _ => Self::OtherWay,
        }
    }
}

/// What the person reads after asking for a sign-in link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskOutcome {
    /// "Check your email": the same words whether or not the account exists.
    Sent,
    /// This pool or account cannot sign in by emailed code: the password way.
    OtherWay,
    /// Too many requests: wait.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

impl AskOutcome {
    /// The outcome of a failed request. An unknown account reads like success (Cognito
    /// answers it so only without `PreventUserExistenceErrors`).
    pub fn for_error(error: &CallError) -> Self {
        match error {
            CallError::Service(CognitoError::UserNotFound | CognitoError::UserNotConfirmed) => Self::Sent,
            CallError::Service(CognitoError::InvalidParameter) => Self::OtherWay,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::Sent => "signin.sent",
            Self::OtherWay => "signin.other_way",
            Self::Wait => "signin.wait",
            Self::TryAgain => "common.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "forgot.site_problem",
        }
    }
}

/// What the person reads after answering with the code (the link's, or typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOutcome {
    /// Signed in: the page moves on.
    SignedIn,
    /// The code is wrong: what was typed stays, to correct.
    WrongCode,
    /// The code or Cognito's session ran out (or was used): a new link.
    Expired,
    /// Signed in, but the token does not name the account typed: nothing was kept.
    OtherAccount,
    /// Cognito asks for more (an MFA code, a new password): the password way.
    OtherWay,
    /// Too many attempts or requests: wait, then a new link.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

impl AnswerOutcome {
    /// The outcome of a failed `RespondToAuthChallenge`.
    pub fn for_error(error: &CallError) -> Self {
        match error {
            CallError::Service(CognitoError::CodeMismatch) => Self::WrongCode,
            CallError::Service(CognitoError::NotAuthorized | CognitoError::ExpiredCode | CognitoError::UserNotFound) => Self::Expired,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::SignedIn => "signin.signed_in",
            Self::WrongCode => "signin.wrong_code",
            Self::Expired => "signin.expired",
            Self::OtherAccount => "signin.other_account",
            Self::OtherWay => "signin.other_way",
            Self::Wait => "signin.wait",
            Self::TryAgain => "common.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "forgot.site_problem",
        }
    }

    /// Whether a "send me a new link" button helps.
    pub fn offers_new_link(self) -> bool {
        matches!(self, Self::Expired | Self::Wait | Self::OtherAccount)
    }
}

common_failure_reads_as!(AskOutcome, AnswerOutcome);

#[cfg(test)]
mod tests;
