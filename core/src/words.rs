//! What people read: every outcome of a call, in words a non-technical person understands,
//! with the action that helps. Raw error names and messages never reach a page.

use crate::error::{CallError, CognitoError};
use crate::policy::Rule;

/// The checklist line for a password rule.
pub fn rule_text(rule: Rule) -> String {
    match rule {
        Rule::MinimumLength(n) => ["At least ", &crate::json::decimal(n.into()), " characters"].concat(),
        Rule::Uppercase => "An uppercase letter (A-Z)".into(),
        Rule::Lowercase => "A lowercase letter (a-z)".into(),
        Rule::Number => "A number (0-9)".into(),
        Rule::Symbol => "A symbol, such as ! ? # - or _".into(),
        Rule::NoOuterSpace => "No space at the start or end".into(),
        Rule::Match => "Both passwords match".into(),
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
        match error {
            CallError::Network => Self::Offline,
            CallError::Timeout | CallError::Unreadable(_) => Self::TryAgain,
            CallError::Service(service) => match service {
                CognitoError::CodeMismatch
                | CognitoError::UserNotFound
                | CognitoError::UserNotConfirmed
                | CognitoError::InvalidParameter => Self::InvalidLink,
                CognitoError::ExpiredCode => Self::ExpiredLink,
                CognitoError::InvalidPassword => Self::WeakPassword,
                CognitoError::PasswordHistoryPolicyViolation => Self::ReusedPassword,
                CognitoError::LimitExceeded | CognitoError::TooManyFailedAttempts => Self::Wait,
                CognitoError::TooManyRequests | CognitoError::InternalError => Self::TryAgain,
                _ => Self::SiteProblem,
            },
        }
    }

    /// What the person reads.
    pub fn text(self) -> &'static str {
        match self {
            Self::InvalidLink => "This reset link doesn't work. It may have been replaced by a newer one, or copied incompletely. We can send you a new link.",
            Self::ExpiredLink => "This reset link has expired (links work for one hour). We can send you a new link.",
            Self::WeakPassword => "This password isn't accepted. Please check the requirements listed below the password box.",
            Self::ReusedPassword => "You've used this password before. Please choose one you haven't used.",
            Self::Wait => "Too many attempts. For your security, please wait 15 minutes before trying again. Your new password is still filled in.",
            Self::TryAgain => "The service is busy right now and your password was not changed. Please try again in a minute.",
            Self::Offline => "We couldn't reach the server. Please check your internet connection and try again.",
            Self::SiteProblem => "Something is wrong with this site's setup, so the password can't be changed here. Please contact the site's support.",
        }
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
            CallError::Network => Self::Offline,
            CallError::Timeout | CallError::Unreadable(_) => Self::TryAgain,
            CallError::Service(service) => match service {
                CognitoError::UserNotFound
                | CognitoError::InvalidParameter
                | CognitoError::UserNotConfirmed
                | CognitoError::CodeDeliveryFailure => Self::Sent,
                CognitoError::LimitExceeded | CognitoError::TooManyFailedAttempts => Self::Wait,
                CognitoError::TooManyRequests | CognitoError::InternalError => Self::TryAgain,
                _ => Self::SiteProblem,
            },
        }
    }

    /// What the person reads; `{who}` is replaced by what they typed (shown as text).
    pub fn text(self) -> &'static str {
        match self {
            Self::Sent => "If an account exists for {who}, we've sent it an email with a link to choose a new password. It can take a minute to arrive; please check your spam folder too. The link works for one hour.",
            Self::Wait => "Too many reset requests. Please use the link in the email we already sent, or wait 15 minutes and try again.",
            Self::TryAgain => "The service is busy right now. Please try again in a minute.",
            Self::Offline => "We couldn't reach the server. Please check your internet connection and try again.",
            Self::SiteProblem => "Something is wrong with this site's setup, so we can't send a reset link. Please contact the site's support.",
        }
    }
}

/// Words of the forgot-password page.
pub mod forgot_page {
    use crate::config::SignInWith;

    /// The box's label for what people sign in with.
    pub fn label(with: SignInWith) -> &'static str {
        match with {
            SignInWith::Email => "Email address",
            SignInWith::Username => "Username",
            SignInWith::Either => "Email or username",
        }
    }

    /// Shown when the box is empty.
    pub fn need(with: SignInWith) -> &'static str {
        match with {
            SignInWith::Email => "Please enter the email address you use to sign in.",
            SignInWith::Username => "Please enter the username you use to sign in.",
            SignInWith::Either => "Please enter the email address or username you use to sign in.",
        }
    }

    /// The button.
    pub const SEND: &str = "Send reset link";
    /// The button while the request runs.
    pub const SENDING: &str = "Sending…";
    /// The button after a request.
    pub const SEND_AGAIN: &str = "Send again";
    /// The button during the cooldown; `{s}` is the seconds left.
    pub const SEND_AGAIN_WAIT: &str = "Send again (wait {s} s)";
    /// Added when the deployer shows the masked destination.
    pub const DESTINATION: &str = " We sent it to {destination}.";
}

/// Words for states of the reset page that involve no call.
pub mod reset_page {
    /// Shown after the password was changed.
    pub const DONE: &str = "Your password has been changed. You can now sign in with your new password.";
    /// The link to the app once signed in.
    pub const CONTINUE: &str = "Continue";
    /// Shown while the page signs the person in after the reset.
    pub const SIGNING_IN: &str = "Your password has been changed. Signing you in…";
    /// Shown while the request runs.
    pub const WORKING: &str = "Changing your password…";
    /// The two boxes differ.
    pub const MISMATCH: &str = "The two passwords don't match yet.";
    /// The password misses a rule of the checklist.
    pub const INCOMPLETE: &str = "Your new password doesn't meet all the requirements yet.";
    /// No username in the link or the form.
    pub const NEED_USERNAME: &str = "Please enter your email or username.";
    /// No code in the link or the form.
    pub const NEED_CODE: &str = "Please enter the code from your email or text message.";
    /// Checklist state read by screen readers: met.
    pub const RULE_MET: &str = " (done)";
    /// Checklist state read by screen readers: not met yet.
    pub const RULE_UNMET: &str = " (not yet)";
    /// The button that asks for a new link.
    pub const NEW_LINK: &str = "Send me a new link";
    /// The same button during the cooldown; `{s}` is the seconds left.
    pub const NEW_LINK_WAIT: &str = "Send me a new link (wait {s} s)";
    /// A new link was sent.
    pub const NEW_LINK_SENT: &str = "We've sent a new link. Please check your email; the old link no longer works.";
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
    fn forgot_reads_the_same_whether_or_not_the_account_exists() {
        let hiding = ["UserNotFoundException", "InvalidParameterException", "UserNotConfirmedException"];
        for name in hiding {
            let result = Err(CallError::Service(CognitoError::from_name(name)));
            assert_eq!(ForgotOutcome::for_result(&result), ForgotOutcome::Sent, "{name}");
        }
        assert_eq!(ForgotOutcome::for_result(&Ok(())), ForgotOutcome::Sent);
    }

    #[test]
    fn no_text_leaks_a_technical_name() {
        let texts = [ResetAdvice::InvalidLink, ResetAdvice::ExpiredLink, ResetAdvice::WeakPassword, ResetAdvice::ReusedPassword, ResetAdvice::Wait, ResetAdvice::TryAgain, ResetAdvice::Offline, ResetAdvice::SiteProblem]
            .map(ResetAdvice::text);
        for text in texts {
            assert!(!text.contains("Exception") && !text.contains("Cognito"), "{text}");
        }
    }
}
