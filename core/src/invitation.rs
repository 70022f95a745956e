//! Accepting an invitation: an administrator created the account (`AdminCreateUser`) and
//! Cognito emailed a temporary password. The welcome page signs in with it, answers
//! `NEW_PASSWORD_REQUIRED` with the person's own password (and any details the pool
//! requires), and hands the session over like the reset page. This module holds what the
//! page says about each outcome and how it reads the challenge.

use serde::{Deserialize, Serialize};

use crate::error::{CallError, CognitoError, CommonFailure};
use crate::words::ChangedAccount;

/// Prefix Cognito puts before each attribute in `requiredAttributes` and in the answer.
pub const ATTRIBUTE_PREFIX: &str = "userAttributes.";

/// Attributes the page has words for; any other is asked for by its own name.
const KNOWN_ATTRIBUTES: [&str; 13] = ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
    "phone_number", "birthdate", "address", "gender", "website", "zoneinfo", "locale"];

/// The attributes `NEW_PASSWORD_REQUIRED` asks for, from its `requiredAttributes` (a JSON
/// list such as `["userAttributes.name"]`, read by the shell): names without the prefix,
/// without the `email` the invitation already went to (Cognito never needs it again).
pub fn required_attributes(listed: &[String]) -> Vec<String> {
    listed
        .iter()
        .map(|name| name.strip_prefix(ATTRIBUTE_PREFIX).unwrap_or(name).to_string())
        .filter(|name| !name.is_empty() && name != "email")
        .collect()
}

/// The catalogue key of an attribute's label, or `None` for one the catalogue does not
/// name (a `custom:` attribute, say), which the page then labels with the name itself.
pub fn attribute_label_key(name: &str) -> Option<String> {
    KNOWN_ATTRIBUTES.contains(&name).then(|| format!("attribute.{name}"))
}

/// What the welcome page tells the person when setting the password failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WelcomeAdvice {
    /// The temporary password expired: only an administrator can send a new invitation.
    Expired,
    /// The temporary password is wrong: used already, cut short, or the password is set.
    NotWorking,
    /// The new password fails the pool's policy.
    WeakPassword,
    /// A detail the pool requires was refused (a phone number without its country code).
    BadDetail,
    /// Too many attempts: wait.
    Wait,
    /// Cognito or the network kept failing after retries.
    TryAgain,
    /// The device is offline or the server unreachable.
    Offline,
    /// The site is set up wrongly.
    SiteProblem,
}

impl WelcomeAdvice {
    /// The advice for a failed sign-in with the temporary password, or a refused answer.
    pub fn for_error(error: &CallError) -> Self {
        let CallError::Service(service) = error else { return error.common().into() };
        match service {
            CognitoError::TemporaryPasswordExpired => Self::Expired,
            CognitoError::NotAuthorized | CognitoError::UserNotFound => Self::NotWorking,
            CognitoError::InvalidPassword | CognitoError::PasswordHistoryPolicyViolation => Self::WeakPassword,
            CognitoError::InvalidParameter => Self::BadDetail,
            _ => error.common().into(),
        }
    }

    /// The catalogue key of what the person reads.
    pub fn key(self) -> &'static str {
        match self {
            Self::Expired => "welcome.expired",
            Self::NotWorking => "welcome.not_working",
            Self::WeakPassword => "advice.weak_password",
            Self::BadDetail => "welcome.bad_detail",
            Self::Wait => "advice.wait",
            Self::TryAgain => "advice.try_again",
            Self::Offline => "common.offline",
            Self::SiteProblem => "advice.site_problem",
        }
    }
}

crate::words::common_failure_reads_as!(WelcomeAdvice);

/// How one press of "Set my password" ended: what the account module answers the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WelcomeOutcome {
    /// The password is set; `next` is where to go when signed in.
    Done {
        /// The address to continue to, when the session was kept.
        next: Option<String>,
        /// What the page may say about whose account it was.
        account: ChangedAccount,
    },
    /// The password is set, but Cognito asks for more (MFA set-up, say): sign in to finish.
    SignInToFinish,
    /// Nothing is changed yet: the pool requires these details first (attribute names).
    NeedDetails(Vec<String>),
    /// Nothing is changed.
    Failed(WelcomeAdvice),
}

impl WelcomeOutcome {
    /// The catalogue key of the words for a finished outcome.
    pub fn done_key(&self) -> &'static str {
        match self {
            Self::Done { account: ChangedAccount::Other, .. } => "reset.other_account",
            Self::Done { next: Some(_), .. } => "welcome.done",
            _ => "welcome.done_sign_in",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_required_attributes_without_prefix_or_email() {
        let listed = ["userAttributes.name", "userAttributes.email", "custom:team", "userAttributes."].map(String::from);
        assert_eq!(required_attributes(&listed), ["name", "custom:team"]);
        assert_eq!(attribute_label_key("phone_number").as_deref(), Some("attribute.phone_number"));
        assert_eq!(attribute_label_key("custom:team"), None);
    }

    #[test]
    fn each_failure_has_advice_and_words() {
        let service = |e| CallError::Service(e);
        let table = [
            (service(CognitoError::TemporaryPasswordExpired), WelcomeAdvice::Expired),
            (service(CognitoError::NotAuthorized), WelcomeAdvice::NotWorking),
            (service(CognitoError::InvalidPassword), WelcomeAdvice::WeakPassword),
            (service(CognitoError::InvalidParameter), WelcomeAdvice::BadDetail),
            (service(CognitoError::LimitExceeded), WelcomeAdvice::Wait),
            (service(CognitoError::TooManyRequests), WelcomeAdvice::TryAgain),
            (service(CognitoError::ResourceNotFound), WelcomeAdvice::SiteProblem),
            (CallError::Network, WelcomeAdvice::Offline),
            (CallError::Timeout, WelcomeAdvice::TryAgain),
        ];
        let english = crate::i18n::Catalogue::english();
        for (error, advice) in table {
            assert_eq!(WelcomeAdvice::for_error(&error), advice, "{error:?}");
            assert!(english.keys().contains(&advice.key()), "{advice:?}");
        }
        for name in KNOWN_ATTRIBUTES {
            assert!(english.keys().contains(&attribute_label_key(name).unwrap().as_str()), "{name}");
        }
    }

    #[test]
    fn the_words_after_success_claim_an_account_only_when_cognito_confirmed_it() {
        let done = |next: Option<&str>, account| WelcomeOutcome::Done { next: next.map(String::from), account };
        assert_eq!(done(Some("/app"), ChangedAccount::Shown).done_key(), "welcome.done");
        assert_eq!(done(None, ChangedAccount::Other).done_key(), "reset.other_account");
        assert_eq!(done(None, ChangedAccount::Unconfirmed).done_key(), "welcome.done_sign_in");
        assert_eq!(done(None, ChangedAccount::Unnamed).done_key(), "welcome.done_sign_in");
        assert_eq!(WelcomeOutcome::SignInToFinish.done_key(), "welcome.done_sign_in");
    }
}
