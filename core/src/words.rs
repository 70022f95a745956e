//! What people read for every outcome of a call: each outcome maps to the action that helps
//! and to a catalogue key (`core/i18n/<lang>.json` holds the words, in every language). Raw
//! error names and messages never reach a page.

use serde::{Deserialize, Serialize};

use crate::error::{CallError, CognitoError, CommonFailure};
use crate::policy::Rule;

/// The catalogue key of a checklist line (`rule.length` takes `{n}`).
pub fn rule_key(rule: Rule) -> &'static str {
    match rule {
        Rule::MinimumLength(_) => "rule.length",
        Rule::Uppercase => "rule.upper",
        Rule::Lowercase => "rule.lower",
        Rule::Number => "rule.number",
        Rule::Symbol => "rule.symbol",
        Rule::NoOuterSpace => "rule.spaces",
        Rule::Match => "rule.match",
    }
}

/// What the reset page tells the person after a failed `ConfirmForgotPassword`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetAdvice {
    /// The code is wrong: offer a new link.
    InvalidLink,
    /// The code is too old: offer a new link.
    ExpiredLink,
    /// The password fails the policy: point at the checklist.
    WeakPassword,
    /// The password was used before.
    ReusedPassword,
    /// Too many attempts: wait, no automatic retry.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The person's device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly: nothing the person can do.
    SiteProblem,
}

impl ResetAdvice {
    /// The advice for a failed `ConfirmForgotPassword`.
    pub fn for_error(error: &CallError) -> Self {
        let CallError::Service(service) = error else { return error.common().into() };
        match service {
            CognitoError::CodeMismatch | CognitoError::UserNotFound | CognitoError::UserNotConfirmed | CognitoError::InvalidParameter => Self::InvalidLink,
            CognitoError::ExpiredCode => Self::ExpiredLink,
            CognitoError::InvalidPassword => Self::WeakPassword,
            CognitoError::PasswordHistoryPolicyViolation => Self::ReusedPassword,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::InvalidLink => "advice.invalid_link",
            Self::ExpiredLink => "advice.expired_link",
            Self::WeakPassword => "advice.weak_password",
            Self::ReusedPassword => "advice.reused_password",
            Self::Wait => "advice.wait",
            Self::TryAgain => "advice.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "advice.site_problem",
        }
    }

    /// Whether a "send me a new link" button helps.
    pub fn offers_new_link(self) -> bool {
        matches!(self, Self::InvalidLink | Self::ExpiredLink)
    }
}

/// How one submit of the reset page ended (the account module sends the calls and shows
/// the words for this).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetOutcome {
    /// The password is changed; `next` is where to go when the person is signed in too.
    Changed {
        /// The address to continue to, when sign-in worked.
        next: Option<String>,
        /// What the page may say about whose password it was.
        account: ChangedAccount,
    },
    /// The password is not changed.
    Failed(ResetAdvice),
}

/// Whose password the reset page can say it changed. The link's email is only a hint that
/// anyone holding the link can edit; only Cognito's token says whose account it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangedAccount {
    /// Signed in, and the token names the account the page showed: "your password".
    Shown,
    /// Not signed in (sign-in off, another challenge, a failure): the words claim no account.
    Unconfirmed,
    /// The token names another account than the page showed: no session was kept, and the
    /// person is told so without naming that account.
    Other,
    /// The link named no account a person recognises (no email, an opaque username), or one
    /// Cognito has not verified as the account's: nobody was signed in, and the person is
    /// asked to sign in.
    Unnamed,
}

impl ChangedAccount {
    /// The catalogue key of the success words.
    pub fn key(self) -> &'static str {
        match self {
            Self::Shown => "reset.done",
            Self::Unconfirmed => "reset.done_unconfirmed",
            Self::Other => "reset.other_account",
            Self::Unnamed => "reset.done_sign_in",
        }
    }
}

/// What the confirm page tells the person after `ConfirmSignUp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// The account is confirmed now.
    Done,
    /// It was confirmed before: not an error.
    AlreadyConfirmed,
    /// The code is wrong: offer a new link.
    InvalidLink,
    /// The code is too old: offer a new link.
    ExpiredLink,
    /// Too many attempts: wait.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

impl ConfirmOutcome {
    /// The outcome of a `ConfirmSignUp` call. Cognito answers `NotAuthorizedException` for a
    /// user who is already confirmed.
    pub fn for_result(result: &Result<(), CallError>) -> Self {
        let Err(error) = result else { return Self::Done };
        match error {
            CallError::Service(CognitoError::NotAuthorized) => Self::AlreadyConfirmed,
            CallError::Service(CognitoError::CodeMismatch | CognitoError::UserNotFound | CognitoError::InvalidParameter) => Self::InvalidLink,
            CallError::Service(CognitoError::ExpiredCode) => Self::ExpiredLink,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::Done => "confirm.done",
            Self::AlreadyConfirmed => "confirm.already",
            Self::InvalidLink => "confirm.invalid",
            Self::ExpiredLink => "confirm.expired",
            Self::Wait => "advice.wait",
            Self::TryAgain => "common.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "advice.site_problem",
        }
    }

    /// Whether the account can be used now (say so plainly, offer sign-in).
    pub fn is_ready(self) -> bool {
        matches!(self, Self::Done | Self::AlreadyConfirmed)
    }

    /// Whether a "send me a new link" button helps.
    pub fn offers_new_link(self) -> bool {
        matches!(self, Self::InvalidLink | Self::ExpiredLink)
    }
}

/// What the forgot-password page shows after a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForgotOutcome {
    /// The request was taken; the same words whether or not the account exists.
    Sent,
    /// Too many requests for this account: wait.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

impl ForgotOutcome {
    /// The outcome of a `ForgotPassword` call. Errors that would tell whether an account
    /// exists (unknown user, no verified email) read exactly like success.
    pub fn for_result(result: &Result<(), CallError>) -> Self {
        let Err(error) = result else { return Self::Sent };
        match error {
            CallError::Service(
                CognitoError::UserNotFound | CognitoError::InvalidParameter | CognitoError::UserNotConfirmed | CognitoError::CodeDeliveryFailure,
            ) => Self::Sent,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads; `{who}` is what they typed.
    pub fn key(self) -> &'static str {
        match self {
            Self::Sent => "forgot.sent",
            Self::Wait => "forgot.wait",
            Self::TryAgain => "common.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "forgot.site_problem",
        }
    }
}

/// Reads a [`CommonFailure`] as the outcome of `$outcome`, whose variants carry its names.
macro_rules! common_failure_reads_as {
    ($($outcome:ty),*) => {$(
        impl From<CommonFailure> for $outcome {
            fn from(failure: CommonFailure) -> Self {
                match failure {
                    CommonFailure::Offline => Self::Offline,
                    CommonFailure::TryAgain => Self::TryAgain,
                    CommonFailure::Wait => Self::Wait,
                    CommonFailure::SiteProblem => Self::SiteProblem,
                }
            }
        }
    )*};
}
pub(crate) use common_failure_reads_as;

common_failure_reads_as!(ResetAdvice, ConfirmOutcome, ForgotOutcome);

/// Catalogue keys of the forgot-password page that depend on the pool.
pub mod forgot_page {
    use crate::config::SignInWith;

    /// The box's label for what people sign in with.
    pub fn label(with: SignInWith) -> &'static str {
        match with {
            SignInWith::Email => "forgot.label.email",
            SignInWith::Username => "forgot.label.username",
            SignInWith::Either => "forgot.label.either",
        }
    }

    /// Shown when the box is empty.
    pub fn need(with: SignInWith) -> &'static str {
        match with {
            SignInWith::Email => "forgot.need.email",
            SignInWith::Username => "forgot.need.username",
            SignInWith::Either => "forgot.need.either",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reset_error_in_the_table_has_advice() {
        let cases = [
            ("CodeMismatchException", ResetAdvice::InvalidLink),
            ("ExpiredCodeException", ResetAdvice::ExpiredLink),
            ("InvalidPasswordException", ResetAdvice::WeakPassword),
            ("PasswordHistoryPolicyViolationException", ResetAdvice::ReusedPassword),
            ("LimitExceededException", ResetAdvice::Wait),
            ("TooManyFailedAttemptsException", ResetAdvice::Wait),
            ("TooManyRequestsException", ResetAdvice::TryAgain),
            ("UserNotFoundException", ResetAdvice::InvalidLink),
            ("NotAuthorizedException", ResetAdvice::SiteProblem),
            ("InternalErrorException", ResetAdvice::TryAgain),
        ];
        for (name, advice) in cases {
            let error = CallError::Service(CognitoError::from_name(name));
            assert_eq!(ResetAdvice::for_error(&error), advice, "{name}");
        }
        assert_eq!(ResetAdvice::for_error(&CallError::Network), ResetAdvice::Offline);
        assert!(ResetAdvice::ExpiredLink.offers_new_link());
        assert!(!ResetAdvice::Wait.offers_new_link());
    }

    #[test]
    fn confirming_twice_is_not_an_error() {
        let outcome = |name: &str| ConfirmOutcome::for_result(&Err(CallError::Service(CognitoError::from_name(name))));
        assert!(outcome("NotAuthorizedException").is_ready());
        assert!(ConfirmOutcome::for_result(&Ok(())).is_ready());
        assert!(outcome("ExpiredCodeException").offers_new_link() && outcome("CodeMismatchException").offers_new_link());
        assert_eq!(outcome("LimitExceededException"), ConfirmOutcome::Wait);
    }

    #[test]
    fn forgot_reads_the_same_whether_or_not_the_account_exists() {
        let hiding = ["UserNotFoundException", "InvalidParameterException", "UserNotConfirmedException"];
        for name in hiding {
            let result = Err(CallError::Service(CognitoError::from_name(name)));
            assert_eq!(ForgotOutcome::for_result(&result), ForgotOutcome::Sent, "{name}");
        }
        assert_eq!(ForgotOutcome::for_result(&Ok(())), ForgotOutcome::Sent);
    }

    #[test]
    fn every_key_exists_and_no_text_leaks_a_technical_name() {
        use crate::config::SignInWith;
        use crate::i18n::{Catalogue, LANGUAGES};
        let advice = [ResetAdvice::InvalidLink, ResetAdvice::ExpiredLink, ResetAdvice::WeakPassword, ResetAdvice::ReusedPassword, ResetAdvice::Wait, ResetAdvice::TryAgain, ResetAdvice::Offline, ResetAdvice::SiteProblem]
            .map(ResetAdvice::key);
        let outcomes = [ForgotOutcome::Sent, ForgotOutcome::Wait, ForgotOutcome::TryAgain, ForgotOutcome::Offline, ForgotOutcome::SiteProblem].map(ForgotOutcome::key);
        let rules = [Rule::MinimumLength(8), Rule::Uppercase, Rule::Lowercase, Rule::Number, Rule::Symbol, Rule::NoOuterSpace, Rule::Match].map(rule_key);
        let pool = [SignInWith::Email, SignInWith::Username, SignInWith::Either];
        let confirm = [ConfirmOutcome::Done, ConfirmOutcome::AlreadyConfirmed, ConfirmOutcome::InvalidLink, ConfirmOutcome::ExpiredLink, ConfirmOutcome::Wait, ConfirmOutcome::TryAgain, ConfirmOutcome::Offline, ConfirmOutcome::SiteProblem]
            .map(ConfirmOutcome::key);
        let changed = [ChangedAccount::Shown, ChangedAccount::Unconfirmed, ChangedAccount::Other, ChangedAccount::Unnamed].map(ChangedAccount::key);
        let keys: Vec<&str> = advice.into_iter().chain(outcomes).chain(rules).chain(changed)
            .chain(pool.map(forgot_page::label)).chain(pool.map(forgot_page::need)).chain(confirm).collect();
        let english = Catalogue::english();
        let known = english.keys();
        for key in keys {
            assert!(known.contains(&key), "{key} is not in en.json");
            for language in LANGUAGES {
                let text = Catalogue::bundled(language).text(key).to_string();
                assert!(!text.contains("Exception") && !text.contains("Cognito"), "{language} {key}: {text}");
            }
        }
    }
}
