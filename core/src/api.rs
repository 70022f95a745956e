//! Cognito calls as data: each request is a serde type naming its operation (the
//! `X-Amz-Target`) and its reply type; each reply, `(status, body)`, becomes that typed reply
//! or a [`CallError`]. No transport here: the shells serialize the request and hand the reply
//! back through any serde `Deserializer` (serde_json in the trigger and the tests, the
//! browser's own parsed value on the page).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{CallError, CognitoError};

/// The `Content-Type` every Cognito call uses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of every `X-Amz-Target` value.
const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// A Cognito request: its body is the serde form of the type.
pub trait Operation: Serialize {
    /// The operation's name, such as `ForgotPassword`.
    const NAME: &'static str;
    /// What a successful call answers.
    type Reply: Reply;

    /// Value of the `X-Amz-Target` header.
    fn target(&self) -> String {
        format!("{TARGET_PREFIX}{}", Self::NAME)
    }
}

/// A reply type: read from the JSON of a 2xx answer.
pub trait Reply: DeserializeOwned {
    /// Whether the reply holds what the caller needs (a sign-in reply without tokens and
    /// without a challenge does not).
    fn is_usable(&self) -> bool {
        true
    }
}

/// `ClientMetadata`: the page's language, passed to the CustomMessage trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metadata<'a> {
    /// The language the email should be written in.
    pub lang: &'a str,
}

/// `ForgotPassword`: emails a reset code (a link, through the trigger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPassword<'a> {
    /// The app client.
    pub client_id: &'a str,
    /// Whom the code is for.
    pub username: &'a str,
    /// Passed to the trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<Metadata<'a>>,
}

impl Operation for ForgotPassword<'_> {
    const NAME: &'static str = "ForgotPassword";
    type Reply = ForgotPasswordReply;
}

/// The `ForgotPassword` call for `username`, with `language` passed to the trigger.
pub fn forgot_password<'a>(client_id: &'a str, username: &'a str, language: Option<&'a str>) -> ForgotPassword<'a> {
    ForgotPassword { client_id, username, client_metadata: language.map(|lang| Metadata { lang }) }
}

/// `ConfirmForgotPassword`: sets the new password with the emailed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmForgotPassword<'a> {
    /// The app client.
    pub client_id: &'a str,
    /// Whose password changes.
    pub username: &'a str,
    /// The code from the link.
    pub confirmation_code: &'a str,
    /// The new password.
    pub password: &'a str,
}

impl Operation for ConfirmForgotPassword<'_> {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Reply = EmptyReply;
}

/// The `ConfirmForgotPassword` call.
pub fn confirm_forgot_password<'a>(client_id: &'a str, username: &'a str, code: &'a str, password: &'a str) -> ConfirmForgotPassword<'a> {
    ConfirmForgotPassword { client_id, username, confirmation_code: code, password }
}

/// `ConfirmSignUp`: confirms a new account with the emailed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUp<'a> {
    /// The app client.
    pub client_id: &'a str,
    /// Whose account.
    pub username: &'a str,
    /// The code from the link.
    pub confirmation_code: &'a str,
}

impl Operation for ConfirmSignUp<'_> {
    const NAME: &'static str = "ConfirmSignUp";
    type Reply = EmptyReply;
}

/// The `ConfirmSignUp` call.
pub fn confirm_sign_up<'a>(client_id: &'a str, username: &'a str, code: &'a str) -> ConfirmSignUp<'a> {
    ConfirmSignUp { client_id, username, confirmation_code: code }
}

/// `ResendConfirmationCode`: a new sign-up code (a new link, through the trigger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCode<'a> {
    /// The app client.
    pub client_id: &'a str,
    /// Whose account.
    pub username: &'a str,
    /// Passed to the trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<Metadata<'a>>,
}

impl Operation for ResendConfirmationCode<'_> {
    const NAME: &'static str = "ResendConfirmationCode";
    type Reply = EmptyReply;
}

/// The `ResendConfirmationCode` call, with `language` passed to the trigger.
pub fn resend_confirmation_code<'a>(client_id: &'a str, username: &'a str, language: Option<&'a str>) -> ResendConfirmationCode<'a> {
    ResendConfirmationCode { client_id, username, client_metadata: language.map(|lang| Metadata { lang }) }
}

/// Writes `(name, value)` pairs as a JSON object, in their order.
fn as_map<S: serde::Serializer>(pairs: &[(&str, &str)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().copied())
}

/// `InitiateAuth`: starts a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuth<'a> {
    /// `USER_PASSWORD_AUTH` or `USER_SRP_AUTH`.
    pub auth_flow: &'a str,
    /// The app client.
    pub client_id: &'a str,
    /// The flow's parameters, in the order Cognito documents them.
    #[serde(serialize_with = "as_map")]
    pub auth_parameters: Vec<(&'a str, &'a str)>,
}

impl Operation for InitiateAuth<'_> {
    const NAME: &'static str = "InitiateAuth";
    type Reply = AuthReply;
}

/// The `InitiateAuth` call with `USER_PASSWORD_AUTH`.
pub fn initiate_password_auth<'a>(client_id: &'a str, username: &'a str, password: &'a str) -> InitiateAuth<'a> {
    InitiateAuth { auth_flow: "USER_PASSWORD_AUTH", client_id, auth_parameters: vec![("USERNAME", username), ("PASSWORD", password)] }
}

/// The `InitiateAuth` call with `USER_SRP_AUTH`; `srp_a` is `A` in hex.
pub fn initiate_srp_auth<'a>(client_id: &'a str, username: &'a str, srp_a: &'a str) -> InitiateAuth<'a> {
    InitiateAuth { auth_flow: "USER_SRP_AUTH", client_id, auth_parameters: vec![("USERNAME", username), ("SRP_A", srp_a)] }
}

/// `RespondToAuthChallenge`: answers a challenge of a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RespondToAuthChallenge<'a> {
    /// Such as `PASSWORD_VERIFIER`.
    pub challenge_name: &'a str,
    /// The app client.
    pub client_id: &'a str,
    /// The `Session` of the challenge, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<&'a str>,
    /// The answers.
    #[serde(serialize_with = "as_map")]
    pub challenge_responses: Vec<(&'a str, &'a str)>,
}

impl Operation for RespondToAuthChallenge<'_> {
    const NAME: &'static str = "RespondToAuthChallenge";
    type Reply = AuthReply;
}

/// The answer to `PASSWORD_VERIFIER` (`RespondToAuthChallenge`).
pub fn respond_password_verifier<'a>(
    client_id: &'a str,
    session: Option<&'a str>,
    username: &'a str,
    secret_block: &'a str,
    timestamp: &'a str,
    signature: &'a str,
) -> RespondToAuthChallenge<'a> {
    RespondToAuthChallenge {
        challenge_name: "PASSWORD_VERIFIER",
        client_id,
        session,
        challenge_responses: vec![
            ("USERNAME", username),
            ("PASSWORD_CLAIM_SECRET_BLOCK", secret_block),
            ("TIMESTAMP", timestamp),
            ("PASSWORD_CLAIM_SIGNATURE", signature),
        ],
    }
}

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
    let from_body = body.and_then(|body| ErrorBody::deserialize(body).ok()).and_then(|error| error.kind);
    match from_body.as_deref().or(error_header).filter(|name| !name.trim().is_empty()) {
        Some(name) => Err(CallError::Service(CognitoError::from_name(name))),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The body a shell sends for `call`.
    fn body(call: &impl Serialize) -> String {
        serde_json::to_string(call).unwrap()
    }

    #[test]
    fn requests_are_the_json_cognito_expects() {
        let call = forgot_password("client1", "jane+1@example.com", Some("de"));
        assert_eq!(call.target(), "AWSCognitoIdentityProviderService.ForgotPassword");
        assert_eq!(body(&call), r#"{"ClientId":"client1","Username":"jane+1@example.com","ClientMetadata":{"lang":"de"}}"#);
        assert_eq!(body(&forgot_password("c", "u", None)), r#"{"ClientId":"c","Username":"u"}"#);
        let confirm = confirm_forgot_password("c", "u\"", "123456", "New-pass1");
        assert_eq!(confirm.target(), "AWSCognitoIdentityProviderService.ConfirmForgotPassword");
        assert_eq!(body(&confirm), r#"{"ClientId":"c","Username":"u\"","ConfirmationCode":"123456","Password":"New-pass1"}"#);
        assert_eq!(
            body(&initiate_password_auth("c", "u", "p")),
            r#"{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"u","PASSWORD":"p"}}"#
        );
    }

    #[test]
    fn sign_up_calls_carry_what_cognito_expects() {
        assert_eq!(body(&confirm_sign_up("c", "u", "1")), r#"{"ClientId":"c","Username":"u","ConfirmationCode":"1"}"#);
        let resend = resend_confirmation_code("c", "u", Some("ja"));
        assert_eq!(resend.target(), "AWSCognitoIdentityProviderService.ResendConfirmationCode");
        assert_eq!(body(&resend), r#"{"ClientId":"c","Username":"u","ClientMetadata":{"lang":"ja"}}"#);
    }

    #[test]
    fn srp_calls_carry_what_cognito_expects() {
        assert_eq!(
            body(&initiate_srp_auth("c", "u", "ab")),
            r#"{"AuthFlow":"USER_SRP_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"u","SRP_A":"ab"}}"#
        );
        let answer = respond_password_verifier("c", Some("s"), "u", "blk", "Mon Nov 30 06:05:09 UTC 2026", "sig");
        assert_eq!(answer.target(), "AWSCognitoIdentityProviderService.RespondToAuthChallenge");
        assert_eq!(
            body(&answer),
            r#"{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"u","PASSWORD_CLAIM_SECRET_BLOCK":"blk","TIMESTAMP":"Mon Nov 30 06:05:09 UTC 2026","PASSWORD_CLAIM_SIGNATURE":"sig"}}"#
        );
        let challenge: AuthReply = read_reply_text(
            200,
            r#"{"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SRP_B":"b","USER_ID_FOR_SRP":"id"}}"#,
            None,
        )
        .unwrap();
        assert_eq!((challenge.parameter("SRP_B"), challenge.parameter("SALT")), (Some("b"), None));
    }

    #[test]
    fn reads_success_replies() {
        let body = r#"{"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;
        let reply: ForgotPasswordReply = read_reply_text(200, body, None).unwrap();
        assert_eq!(reply.destination(), Some("j***@e***"));
        assert_eq!(read_reply_text::<ForgotPasswordReply>(200, "{}", None).unwrap(), ForgotPasswordReply::default());
        assert_eq!(read_reply_text::<EmptyReply>(200, "{}", None), Ok(EmptyReply {}));
        let auth: AuthReply = read_reply_text(200, r#"{"ChallengeName":"SMS_MFA","Session":"s"}"#, None).unwrap();
        assert_eq!(auth.challenge.as_deref(), Some("SMS_MFA"));
        let signed_in: AuthReply =
            read_reply_text(200, r#"{"AuthenticationResult":{"IdToken":"i","AccessToken":"a","ExpiresIn":3600}}"#, None).unwrap();
        assert_eq!(signed_in.tokens.unwrap().refresh_token, None);
    }

    #[test]
    fn reads_error_replies_by_name_not_status() {
        let err = read_reply_text::<EmptyReply>(400, r#"{"__type":"ExpiredCodeException","message":"x"}"#, None);
        assert_eq!(err, Err(CallError::Service(CognitoError::ExpiredCode)));
        let prefixed = read_reply_text::<EmptyReply>(500, r#"{"__type":"a.b#TooManyRequestsException"}"#, None);
        assert_eq!(prefixed, Err(CallError::Service(CognitoError::TooManyRequests)));
        let header_only = read_reply_text::<EmptyReply>(400, "{}", Some("CodeMismatchException:http://x/"));
        assert_eq!(header_only, Err(CallError::Service(CognitoError::CodeMismatch)));
    }

    #[test]
    fn foreign_bodies_are_unreadable() {
        assert_eq!(read_reply_text::<EmptyReply>(502, "", None), Err(CallError::Unreadable(502)));
        assert_eq!(read_reply_text::<EmptyReply>(403, "<html>Forbidden</html>", None), Err(CallError::Unreadable(403)));
        assert_eq!(read_reply_text::<AuthReply>(200, "[1,2]", None), Err(CallError::Unreadable(200)));
        assert_eq!(read_reply_text::<EmptyReply>(200, r#"{"a":"#, None), Err(CallError::Unreadable(200)));
    }
}
