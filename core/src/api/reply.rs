//! Cognito's replies as serde types, and [`read_reply`]: `(status, body)` into the typed
//! reply or a [`CallError`].

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use super::Reply;
use crate::error::{CallError, CognitoError};

/// Where Cognito sent a code (masked by Cognito).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeDelivery {
    /// Masked address, such as `j***@e***`.
    #[serde(default)]
    pub destination: Option<String>,
    /// `EMAIL` or `SMS`.
    #[serde(default)]
    pub delivery_medium: Option<String>,
}

/// Reply of `ForgotPassword`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPasswordReply {
    /// Where the code went, when Cognito says.
    #[serde(default)]
    pub code_delivery_details: Option<CodeDelivery>,
}

impl ForgotPasswordReply {
    /// The masked destination, when Cognito gave one.
    pub fn destination(&self) -> Option<&str> {
        self.code_delivery_details.as_ref()?.destination.as_deref()
    }

    /// `EMAIL` or `SMS`, when Cognito said.
    pub fn medium(&self) -> Option<&str> {
        self.code_delivery_details.as_ref()?.delivery_medium.as_deref()
    }
}

impl Reply for ForgotPasswordReply {}

/// A reply whose content does not matter (`ConfirmForgotPassword` answers `{}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct EmptyReply {}

impl Reply for EmptyReply {}

/// Reply of `InitiateAuth` or `RespondToAuthChallenge`: tokens, or a challenge to answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthReply {
    /// The tokens, when sign-in is complete.
    #[serde(default, rename = "AuthenticationResult")]
    pub tokens: Option<Tokens>,
    /// The next challenge (PASSWORD_VERIFIER, MFA, NEW_PASSWORD_REQUIRED, ...), when it is not.
    #[serde(default, rename = "ChallengeName")]
    pub challenge: Option<String>,
    /// `ChallengeParameters`.
    #[serde(default, rename = "ChallengeParameters")]
    pub parameters: BTreeMap<String, String>,
    /// The `Session` to send back with the answer.
    #[serde(default)]
    pub session: Option<String>,
    /// `AvailableChallenges` of a `SELECT_CHALLENGE` (choice-based sign-in).
    #[serde(default, rename = "AvailableChallenges")]
    pub available_challenges: Vec<String>,
}

impl AuthReply {
    /// A challenge parameter.
    pub fn parameter(&self, key: &str) -> Option<&str> {
        self.parameters.get(key).map(String::as_str)
    }
}

impl Reply for AuthReply {
    fn is_usable(&self) -> bool {
        self.tokens.is_some() || self.challenge.is_some()
    }
}

/// `AuthenticationResult` of a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tokens {
    /// The ID token (a JWT).
    pub id_token: String,
    /// The access token (a JWT).
    pub access_token: String,
    /// The refresh token, when issued.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// The body of an error reply: `{"__type":"...#Name","message":"..."}`.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    #[serde(rename = "__type")]
    kind: Option<String>,
    /// Cognito writes `message`; some proxies `Message`.
    #[serde(alias = "Message")]
    message: Option<String>,
}

/// Reads a reply. `status` decides: 2xx is read as `T`; anything else as Cognito's error
/// body (`__type`), with `error_header` (`x-amzn-ErrorType`) as the fallback name. `body` is
/// `None` when the reply was not JSON at all.
///
/// # Errors
/// The named Cognito error, or [`CallError::Unreadable`] with the status when the body is
/// not Cognito's (a proxy's error page, malformed JSON).
pub fn read_reply<'de, T: Reply, D: Deserializer<'de>>(status: u16, body: Option<D>, error_header: Option<&str>) -> Result<T, CallError> {
    if (200..300).contains(&status) {
        let reply = body.and_then(|body| T::deserialize(body).ok());
        return reply.filter(Reply::is_usable).ok_or(CallError::Unreadable(status));
    }
    let error = body.and_then(|body| ErrorBody::deserialize(body).ok());
    let (kind, message) = error.map_or((None, None), |error| (error.kind, error.message));
    match kind.as_deref().or(error_header).filter(|name| !name.trim().is_empty()) {
        Some(name) => Err(CallError::Service(CognitoError::from_reply(name, message.as_deref()))),
        None => Err(CallError::Unreadable(status)),
    }
}

/// [`read_reply`] from the reply's text (the trigger, the tests, the fuzz targets).
///
/// # Errors
/// As [`read_reply`].
pub fn read_reply_text<T: Reply>(status: u16, body: &str, error_header: Option<&str>) -> Result<T, CallError> {
    read_reply(status, serde_json::from_str::<serde_json::Value>(body).ok(), error_header)
}
