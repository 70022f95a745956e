//! Cognito calls as data: each request is an `X-Amz-Target` and a serializable body; each
//! reply, `(status, body)`, becomes a typed result or a [`CallError`]. No transport here.

use std::collections::BTreeMap;

use serde::{de::IgnoredAny, Deserialize, Deserializer, Serialize};

use crate::error::{CallError, CognitoError};

/// The `Content-Type` every Cognito call uses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of every `X-Amz-Target` value.
const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// One call ready to send: the `X-Amz-Target` header and the JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<B> {
    /// Value of the `X-Amz-Target` header.
    pub target: String,
    /// The body, to be serialized as JSON.
    pub body: B,
}

impl<B> Call<B> {
    /// A call to `operation` (such as `ForgotPassword`) with `body`.
    fn new(operation: &str, body: B) -> Self {
        Call { target: format!("{TARGET_PREFIX}{operation}"), body }
    }
}

/// Body of `ForgotPassword`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPassword {
    /// The app client id.
    pub client_id: String,
    /// The username, email or alias the person typed.
    pub username: String,
    /// Passed to the CustomMessage trigger (the page's language, for instance).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub client_metadata: BTreeMap<String, String>,
}

/// Body of `ConfirmForgotPassword`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmForgotPassword {
    /// The app client id.
    pub client_id: String,
    /// The username from the link or the form.
    pub username: String,
    /// The code from the link or the form.
    pub confirmation_code: String,
    /// The new password.
    pub password: String,
}

/// Body of `InitiateAuth` with `USER_PASSWORD_AUTH`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuth {
    /// Always `USER_PASSWORD_AUTH` here.
    pub auth_flow: &'static str,
    /// The app client id.
    pub client_id: String,
    /// `USERNAME` and `PASSWORD`.
    pub auth_parameters: BTreeMap<&'static str, String>,
}

/// The `ForgotPassword` call for `username`, with `language` passed to the trigger.
pub fn forgot_password(client_id: &str, username: &str, language: Option<&str>) -> Call<ForgotPassword> {
    let mut client_metadata = BTreeMap::new();
    if let Some(language) = language {
        client_metadata.insert("lang".to_string(), language.to_string());
    }
    Call::new(
        "ForgotPassword",
        ForgotPassword { client_id: client_id.into(), username: username.into(), client_metadata },
    )
}

/// The `ConfirmForgotPassword` call.
pub fn confirm_forgot_password(
    client_id: &str,
    username: &str,
    code: &str,
    password: &str,
) -> Call<ConfirmForgotPassword> {
    Call::new(
        "ConfirmForgotPassword",
        ConfirmForgotPassword {
            client_id: client_id.into(),
            username: username.into(),
            confirmation_code: code.into(),
            password: password.into(),
        },
    )
}

/// The `InitiateAuth` call with `USER_PASSWORD_AUTH`.
pub fn initiate_password_auth(client_id: &str, username: &str, password: &str) -> Call<InitiateAuth> {
    let auth_parameters =
        BTreeMap::from([("USERNAME", username.to_string()), ("PASSWORD", password.to_string())]);
    Call::new(
        "InitiateAuth",
        InitiateAuth { auth_flow: "USER_PASSWORD_AUTH", client_id: client_id.into(), auth_parameters },
    )
}

/// Reply of `ForgotPassword`: where the code went (masked by Cognito).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ForgotPasswordReply {
    /// Where and how the code was sent.
    pub code_delivery_details: Option<CodeDelivery>,
}

/// `CodeDeliveryDetails` of a reply.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CodeDelivery {
    /// Masked address, such as `j***@e***`.
    pub destination: Option<String>,
    /// `EMAIL` or `SMS`.
    pub delivery_medium: Option<String>,
}

/// A reply whose content does not matter (`ConfirmForgotPassword` answers `{}`).
pub type EmptyReply = IgnoredAny;

/// Reply of `InitiateAuth`: tokens, or a challenge to answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AuthReply {
    /// The tokens, when sign-in is complete.
    pub authentication_result: Option<Tokens>,
    /// The next challenge (MFA, NEW_PASSWORD_REQUIRED, ...), when it is not.
    pub challenge_name: Option<String>,
}

/// `AuthenticationResult` of a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Tokens {
    /// The ID token (a JWT).
    pub id_token: String,
    /// The access token (a JWT).
    pub access_token: String,
    /// The refresh token, when issued.
    pub refresh_token: Option<String>,
}

/// Body of an error reply.
#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "__type", default)]
    kind: Option<String>,
}

/// Reads a reply. `status` decides: 2xx is read as `T`, anything else as Cognito's error
/// body, with `error_header` (`x-amzn-ErrorType`) as the fallback name. `body` is any serde
/// deserializer over the parsed JSON; a body that is not Cognito's gives
/// [`CallError::Unreadable`].
///
/// # Errors
/// The named Cognito error, or `Unreadable` with the status.
pub fn read_reply<'de, T, D>(status: u16, body: D, error_header: Option<&str>) -> Result<T, CallError>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    if (200..300).contains(&status) {
        return T::deserialize(body).map_err(|_| CallError::Unreadable(status));
    }
    let from_body = ErrorBody::deserialize(body).ok().and_then(|b| b.kind);
    let name = from_body.as_deref().or(error_header).filter(|name| !name.trim().is_empty());
    match name {
        Some(name) => Err(CallError::Service(CognitoError::from_name(name))),
        None => Err(CallError::Unreadable(status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn read<T: for<'de> Deserialize<'de>>(status: u16, body: Value, header: Option<&str>) -> Result<T, CallError> {
        read_reply(status, body, header)
    }

    #[test]
    fn requests_serialize_as_cognito_expects() {
        let call = forgot_password("client1", "jane+1@example.com", Some("de"));
        assert_eq!(call.target, "AWSCognitoIdentityProviderService.ForgotPassword");
        assert_eq!(
            serde_json::to_value(&call.body).unwrap(),
            json!({"ClientId":"client1","Username":"jane+1@example.com","ClientMetadata":{"lang":"de"}})
        );
        let plain = forgot_password("c", "u", None);
        assert_eq!(serde_json::to_value(&plain.body).unwrap(), json!({"ClientId":"c","Username":"u"}));

        let confirm = confirm_forgot_password("c", "u", "123456", "New-pass1");
        assert_eq!(confirm.target, "AWSCognitoIdentityProviderService.ConfirmForgotPassword");
        assert_eq!(
            serde_json::to_value(&confirm.body).unwrap(),
            json!({"ClientId":"c","Username":"u","ConfirmationCode":"123456","Password":"New-pass1"})
        );
        let auth = initiate_password_auth("c", "u", "p");
        assert_eq!(
            serde_json::to_value(&auth.body).unwrap(),
            json!({"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"c","AuthParameters":{"PASSWORD":"p","USERNAME":"u"}})
        );
    }

    #[test]
    fn reads_success_replies() {
        let reply: ForgotPasswordReply = read(
            200,
            json!({"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}),
            None,
        )
        .unwrap();
        assert_eq!(reply.code_delivery_details.unwrap().destination.as_deref(), Some("j***@e***"));
        assert!(read::<EmptyReply>(200, json!({}), None).is_ok());
        let auth: AuthReply = read(200, json!({"ChallengeName":"SMS_MFA","Session":"s"}), None).unwrap();
        assert_eq!(auth.challenge_name.as_deref(), Some("SMS_MFA"));
    }

    #[test]
    fn reads_error_replies_by_name_not_status() {
        let err = read::<EmptyReply>(400, json!({"__type":"ExpiredCodeException","message":"x"}), None);
        assert_eq!(err.unwrap_err(), CallError::Service(CognitoError::ExpiredCode));
        let prefixed = read::<EmptyReply>(500, json!({"__type":"a.b#TooManyRequestsException"}), None);
        assert_eq!(prefixed.unwrap_err(), CallError::Service(CognitoError::TooManyRequests));
        let header_only = read::<EmptyReply>(400, json!({}), Some("CodeMismatchException:http://x/"));
        assert_eq!(header_only.unwrap_err(), CallError::Service(CognitoError::CodeMismatch));
    }

    #[test]
    fn foreign_bodies_are_unreadable() {
        assert_eq!(read::<EmptyReply>(502, Value::Null, None).unwrap_err(), CallError::Unreadable(502));
        assert_eq!(read::<EmptyReply>(403, json!("<html>"), None).unwrap_err(), CallError::Unreadable(403));
        assert_eq!(read::<AuthReply>(200, json!([1, 2]), None).unwrap_err(), CallError::Unreadable(200));
    }
}
