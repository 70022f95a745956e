//! Confirming a changed email address or phone number by link: what the verify page says for
//! each outcome of `VerifyUserAttribute`. The call needs the session of the person who
//! changed the address; without one on this browser, the page shows the code to type in the
//! app instead.

use crate::error::{CallError, CognitoError, CommonFailure};

/// What the verify page tells the person after `VerifyUserAttribute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// The address is confirmed.
    Done,
    /// The code is wrong or replaced: offer a new code.
    InvalidLink,
    /// The code is too old: offer a new code.
    ExpiredLink,
    /// The session was refused (signed out, tokens revoked): show the code to type in the app.
    NoSession,
    /// Too many attempts.
    Wait,
    /// Cognito or the network kept failing.
    TryAgain,
    /// The device is offline.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

crate::words::common_failure_reads_as!(VerifyOutcome);

impl VerifyOutcome {
    /// The outcome of a `VerifyUserAttribute` call.
    pub fn for_result(result: &Result<(), CallError>) -> Self {
        let Err(error) = result else { return Self::Done };
        match error {
            CallError::Service(CognitoError::CodeMismatch | CognitoError::InvalidParameter) => Self::InvalidLink,
            CallError::Service(CognitoError::ExpiredCode) => Self::ExpiredLink,
            CallError::Service(CognitoError::NotAuthorized | CognitoError::UserNotFound) => Self::NoSession,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::Done => "verify.done",
            Self::InvalidLink => "verify.invalid",
            Self::ExpiredLink => "verify.expired",
            Self::NoSession => "verify.no_session",
            Self::Wait => "advice.wait",
            Self::TryAgain => "advice.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "advice.site_problem",
        }
    }

    /// Whether "Send me a new code" helps.
    pub fn offers_new_code(self) -> bool {
        matches!(self, Self::InvalidLink | Self::ExpiredLink)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_has_words_and_the_right_way_on() {
        let service = |e| Err(CallError::Service(e));
        let table = [
            (Ok(()), VerifyOutcome::Done),
            (service(CognitoError::CodeMismatch), VerifyOutcome::InvalidLink),
            (service(CognitoError::ExpiredCode), VerifyOutcome::ExpiredLink),
            (service(CognitoError::NotAuthorized), VerifyOutcome::NoSession),
            (service(CognitoError::LimitExceeded), VerifyOutcome::Wait),
            (service(CognitoError::TooManyRequests), VerifyOutcome::TryAgain),
            (service(CognitoError::ResourceNotFound), VerifyOutcome::SiteProblem),
            (Err(CallError::Network), VerifyOutcome::Offline),
        ];
        let english = crate::i18n::Catalogue::english();
        for (result, outcome) in table {
            assert_eq!(VerifyOutcome::for_result(&result), outcome, "{result:?}");
            assert!(english.keys().contains(&outcome.key()), "{outcome:?}");
        }
        assert!(VerifyOutcome::ExpiredLink.offers_new_code() && !VerifyOutcome::NoSession.offers_new_code());
    }
}
