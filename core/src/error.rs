//! What can go wrong with a call to Cognito, as data. The words people read live in
//! [`crate::words`], never in `Display`.

/// An error Cognito named in its reply (`__type`, or the `x-amzn-ErrorType` header).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CognitoError {
    /// The code is wrong (or, with PreventUserExistenceErrors, the user is unknown).
    CodeMismatch,
    /// The code is older than an hour, or none was requested.
    ExpiredCode,
    /// The new password fails the pool's policy.
    InvalidPassword,
    /// The new password was used recently.
    PasswordHistoryPolicyViolation,
    /// The per-user attempt limit was reached.
    LimitExceeded,
    /// Too many failed attempts.
    TooManyFailedAttempts,
    /// Throttled; worth retrying after a pause.
    TooManyRequests,
    /// No such user (only with LEGACY existence errors).
    UserNotFound,
    /// The user never confirmed the account.
    UserNotConfirmed,
    /// A parameter was rejected, or the user has no verified email or phone.
    InvalidParameter,
    /// The app client has a secret, the user is disabled, or a password is wrong.
    NotAuthorized,
    /// `NotAuthorizedException` saying an invitation's temporary password has expired: only
    /// an administrator can send a new one (told apart by Cognito's message).
    TemporaryPasswordExpired,
    /// Cognito could not deliver the code.
    CodeDeliveryFailure,
    /// The user pool or app client does not exist.
    ResourceNotFound,
    /// A Lambda trigger failed or answered badly.
    LambdaFailure,
    /// Cognito's own internal error.
    InternalError,
    /// A web application firewall refused the request.
    Forbidden,
    /// Anything else, by name.
    Other(String),
}

impl CognitoError {
    /// Reads an error name such as `CodeMismatchException` or
    /// `com.amazonaws#CodeMismatchException` (the part after the last `#` counts).
    pub fn from_name(raw: &str) -> Self {
        let after_hash = raw.rsplit_once('#').map_or(raw, |(_, name)| name);
        let name = after_hash.split_once(':').map_or(after_hash, |(name, _)| name).trim();
        match name {
            "CodeMismatchException" => Self::CodeMismatch,
            "ExpiredCodeException" => Self::ExpiredCode,
            "InvalidPasswordException" => Self::InvalidPassword,
            "PasswordHistoryPolicyViolationException" => Self::PasswordHistoryPolicyViolation,
            "LimitExceededException" => Self::LimitExceeded,
            "TooManyFailedAttemptsException" => Self::TooManyFailedAttempts,
            "TooManyRequestsException" => Self::TooManyRequests,
            "UserNotFoundException" => Self::UserNotFound,
            "UserNotConfirmedException" => Self::UserNotConfirmed,
            "InvalidParameterException" => Self::InvalidParameter,
            "NotAuthorizedException" => Self::NotAuthorized,
            "CodeDeliveryFailureException" => Self::CodeDeliveryFailure,
            "ResourceNotFoundException" => Self::ResourceNotFound,
            "UserLambdaValidationException"
            | "UnexpectedLambdaException"
            | "InvalidLambdaResponseException" => Self::LambdaFailure,
            "InternalErrorException" => Self::InternalError,
            "ForbiddenException" => Self::Forbidden,
            other => Self::Other(other.to_string()),
        }
    }
}

impl CognitoError {
    /// Reads an error from its name and Cognito's message, which alone tells an expired
    /// temporary password ("Temporary password has expired and must be reset by an
    /// administrator.") from a wrong one.
    pub fn from_reply(name: &str, message: Option<&str>) -> Self {
        let error = Self::from_name(name);
        let expired = message.is_some_and(|m| m.to_ascii_lowercase().contains("temporary password has expired"));
        if error == Self::NotAuthorized && expired {
            Self::TemporaryPasswordExpired
        } else {
            error
        }
    }

    /// The error's name as Cognito writes it, such as `CodeMismatchException`.
    pub fn name(&self) -> &str {
        match self {
            Self::CodeMismatch => "CodeMismatchException",
            Self::ExpiredCode => "ExpiredCodeException",
            Self::InvalidPassword => "InvalidPasswordException",
            Self::PasswordHistoryPolicyViolation => "PasswordHistoryPolicyViolationException",
            Self::LimitExceeded => "LimitExceededException",
            Self::TooManyFailedAttempts => "TooManyFailedAttemptsException",
            Self::TooManyRequests => "TooManyRequestsException",
            Self::UserNotFound => "UserNotFoundException",
            Self::UserNotConfirmed => "UserNotConfirmedException",
            Self::InvalidParameter => "InvalidParameterException",
            Self::NotAuthorized | Self::TemporaryPasswordExpired => "NotAuthorizedException",
            Self::CodeDeliveryFailure => "CodeDeliveryFailureException",
            Self::ResourceNotFound => "ResourceNotFoundException",
            Self::LambdaFailure => "UserLambdaValidationException",
            Self::InternalError => "InternalErrorException",
            Self::Forbidden => "ForbiddenException",
            Self::Other(name) => name,
        }
    }
}

impl CallError {
    /// A stable code for programs: the Cognito error name, or `NetworkError`, `Timeout`,
    /// `UnreadableReply`.
    pub fn code(&self) -> &str {
        match self {
            Self::Service(error) => error.name(),
            Self::Network => "NetworkError",
            Self::Timeout => "Timeout",
            Self::Unreadable(_) => "UnreadableReply",
        }
    }
}

/// Why a call did not give a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallError {
    /// Cognito answered with a named error.
    Service(CognitoError),
    /// The request never got an answer: offline, connection reset, DNS, or CORS.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// An answer that is not Cognito's (a proxy's error page, malformed JSON), with its status.
    Unreadable(u16),
}

/// How a failed call reads when nothing about the call makes it special: the part every
/// outcome shares. Each page's outcome matches its own errors first, then takes this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommonFailure {
    /// The device is offline or the server unreachable.
    Offline,
    /// Cognito or the network kept failing after retries: try again in a minute.
    TryAgain,
    /// Too many attempts: wait, no automatic retry.
    Wait,
    /// The site is set up wrongly: nothing the person can do.
    SiteProblem,
}

impl CallError {
    /// The common reading of this failure (see [`CommonFailure`]).
    pub fn common(&self) -> CommonFailure {
        match self {
            Self::Network => CommonFailure::Offline,
            Self::Timeout | Self::Unreadable(_) => CommonFailure::TryAgain,
            Self::Service(CognitoError::LimitExceeded | CognitoError::TooManyFailedAttempts) => CommonFailure::Wait,
            Self::Service(CognitoError::TooManyRequests | CognitoError::InternalError) => CommonFailure::TryAgain,
            Self::Service(_) => CommonFailure::SiteProblem,
        }
    }

    /// Whether trying again soon may help: throttling, server trouble, a lost connection.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Service(e) => matches!(e, CognitoError::TooManyRequests | CognitoError::InternalError),
            Self::Network | Self::Timeout => true,
            Self::Unreadable(status) => *status >= 500 || *status == 0 || *status == 429,
        }
    }

    /// The Cognito error, if Cognito named one.
    pub fn service(&self) -> Option<&CognitoError> {
        match self {
            Self::Service(e) => Some(e),
            _ => None,
        }
    }
}

/// Delay before retry number `attempt` (1-based), in milliseconds: exponential backoff with
/// "full jitter" (`jitter` in 0..1 is passed in, so this stays pure). `None` once the
/// retries are spent.
pub fn retry_delay_ms(attempt: u32, max_attempts: u32, jitter: f64) -> Option<u32> {
    if attempt >= max_attempts {
        return None;
    }
    let ceiling = 400u32.saturating_mul(1 << attempt.min(8)).min(5_000);
    let jitter = jitter.clamp(0.0, 1.0);
    Some(ceiling / 2 + (f64::from(ceiling / 2) * jitter) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_with_and_without_prefix() {
        assert_eq!(CognitoError::from_name("CodeMismatchException"), CognitoError::CodeMismatch);
        assert_eq!(
            CognitoError::from_name("com.amazonaws.cognito#ExpiredCodeException"),
            CognitoError::ExpiredCode
        );
        assert_eq!(
            CognitoError::from_name("LimitExceededException:http://internal.amazon.com/"),
            CognitoError::LimitExceeded
        );
        assert_eq!(CognitoError::from_name("Weird"), CognitoError::Other("Weird".into()));
    }

    #[test]
    fn names_read_back_to_the_same_error() {
        for name in ["CodeMismatchException", "ExpiredCodeException", "LimitExceededException", "TooManyRequestsException", "Custom"] {
            assert_eq!(CognitoError::from_name(name).name(), name);
        }
        assert_eq!(CallError::Timeout.code(), "Timeout");
    }

    #[test]
    fn only_transient_failures_are_retried() {
        assert!(CallError::Network.is_transient());
        assert!(CallError::Unreadable(503).is_transient());
        assert!(CallError::Service(CognitoError::TooManyRequests).is_transient());
        assert!(!CallError::Service(CognitoError::LimitExceeded).is_transient());
        assert!(!CallError::Service(CognitoError::CodeMismatch).is_transient());
        assert!(!CallError::Unreadable(403).is_transient());
    }

    #[test]
    fn backoff_grows_is_jittered_and_ends() {
        assert_eq!(retry_delay_ms(1, 4, 0.0), Some(400));
        assert_eq!(retry_delay_ms(1, 4, 1.0), Some(800));
        assert_eq!(retry_delay_ms(2, 4, 0.5), Some(1200));
        assert_eq!(retry_delay_ms(30, 99, 1.0), Some(5000));
        assert_eq!(retry_delay_ms(4, 4, 0.5), None);
    }
}
