//! Cognito calls as data: each request is an `X-Amz-Target` and a JSON body; each reply,
//! `(status, body)`, becomes a typed result or a [`CallError`]. No transport here.

use crate::prelude::*;
use crate::error::{CallError, CognitoError};
use crate::json::{self, object_text, Field, Json};

/// The `Content-Type` every Cognito call uses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of every `X-Amz-Target` value.
const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// One call ready to send: the `X-Amz-Target` header and the JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// Value of the `X-Amz-Target` header.
    pub target: String,
    /// The request body, as JSON text.
    pub body: String,
}

impl Call {
    /// A call to `operation` (such as `ForgotPassword`) with a body of `members`.
    fn new(operation: &str, members: &[(&str, Field)]) -> Self {
        Call { target: crate::text::concat(&[TARGET_PREFIX, operation]), body: object_text(members) }
    }
}

/// A call about one user: `ClientId`, `Username`, and `language` passed to the trigger in
/// `ClientMetadata.lang`.
fn user_call(operation: &str, client_id: &str, username: &str, language: Option<&str>) -> Call {
    let metadata = [("lang", Field::Text(language.unwrap_or_default()))];
    let metadata = if language.is_some() { Field::Object(&metadata) } else { Field::Absent };
    Call::new(operation, &[("ClientId", Field::Text(client_id)), ("Username", Field::Text(username)), ("ClientMetadata", metadata)])
}

/// The `ForgotPassword` call for `username`, with `language` passed to the trigger.
pub fn forgot_password(client_id: &str, username: &str, language: Option<&str>) -> Call {
    user_call("ForgotPassword", client_id, username, language)
}

/// The `ConfirmForgotPassword` call.
pub fn confirm_forgot_password(client_id: &str, username: &str, code: &str, password: &str) -> Call {
    Call::new(
        "ConfirmForgotPassword",
        &[
            ("ClientId", Field::Text(client_id)),
            ("Username", Field::Text(username)),
            ("ConfirmationCode", Field::Text(code)),
            ("Password", Field::Text(password)),
        ],
    )
}

/// The `ConfirmSignUp` call.
pub fn confirm_sign_up(client_id: &str, username: &str, code: &str) -> Call {
    Call::new(
        "ConfirmSignUp",
        &[("ClientId", Field::Text(client_id)), ("Username", Field::Text(username)), ("ConfirmationCode", Field::Text(code))],
    )
}

/// The `ResendConfirmationCode` call, with `language` passed to the trigger.
pub fn resend_confirmation_code(client_id: &str, username: &str, language: Option<&str>) -> Call {
    user_call("ResendConfirmationCode", client_id, username, language)
}

/// An `InitiateAuth` call with `flow` and its `AuthParameters`.
fn initiate_auth(flow: &str, client_id: &str, parameters: &[(&str, Field)]) -> Call {
    Call::new(
        "InitiateAuth",
        &[("AuthFlow", Field::Text(flow)), ("ClientId", Field::Text(client_id)), ("AuthParameters", Field::Object(parameters))],
    )
}

/// The `InitiateAuth` call with `USER_PASSWORD_AUTH`.
pub fn initiate_password_auth(client_id: &str, username: &str, password: &str) -> Call {
    initiate_auth("USER_PASSWORD_AUTH", client_id, &[("USERNAME", Field::Text(username)), ("PASSWORD", Field::Text(password))])
}

/// The `InitiateAuth` call with `USER_SRP_AUTH`; `srp_a` is `A` in hex.
pub fn initiate_srp_auth(client_id: &str, username: &str, srp_a: &str) -> Call {
    initiate_auth("USER_SRP_AUTH", client_id, &[("USERNAME", Field::Text(username)), ("SRP_A", Field::Text(srp_a))])
}

/// The answer to `PASSWORD_VERIFIER` (`RespondToAuthChallenge`).
pub fn respond_password_verifier(
    client_id: &str,
    session: Option<&str>,
    username: &str,
    secret_block: &str,
    timestamp: &str,
    signature: &str,
) -> Call {
    let responses = [
        ("USERNAME", Field::Text(username)),
        ("PASSWORD_CLAIM_SECRET_BLOCK", Field::Text(secret_block)),
        ("TIMESTAMP", Field::Text(timestamp)),
        ("PASSWORD_CLAIM_SIGNATURE", Field::Text(signature)),
    ];
    Call::new(
        "RespondToAuthChallenge",
        &[
            ("ChallengeName", Field::Text("PASSWORD_VERIFIER")),
            ("ClientId", Field::Text(client_id)),
            ("Session", session.map_or(Field::Absent, Field::Text)),
            ("ChallengeResponses", Field::Object(&responses)),
        ],
    )
}

/// A reply type: read from the JSON of a 2xx answer.
pub trait Reply: Sized {
    /// Reads the reply (taking parts of `json` rather than copying them); `None` when the
    /// JSON is not of this shape.
    fn from_json(json: Json) -> Option<Self>;
}

/// Reply of `ForgotPassword`: where the code went (masked by Cognito).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForgotPasswordReply {
    /// Masked address, such as `j***@e***`, when Cognito gave one.
    pub destination: Option<String>,
    /// `EMAIL` or `SMS`.
    pub medium: Option<String>,
}

impl Reply for ForgotPasswordReply {
    fn from_json(json: Json) -> Option<Self> {
        let details = json.get("CodeDeliveryDetails");
        let field = |key| details.and_then(|d| d.str_at(key)).map(str::to_string);
        matches!(&json, Json::Object(_)).then(|| ForgotPasswordReply { destination: field("Destination"), medium: field("DeliveryMedium") })
    }
}

/// A reply whose content does not matter (`ConfirmForgotPassword` answers `{}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyReply;

impl Reply for EmptyReply {
    fn from_json(json: Json) -> Option<Self> {
        matches!(json, Json::Object(_)).then_some(EmptyReply)
    }
}

/// Reply of `InitiateAuth` or `RespondToAuthChallenge`: tokens, or a challenge to answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthReply {
    /// The tokens, when sign-in is complete.
    pub tokens: Option<Tokens>,
    /// The next challenge (PASSWORD_VERIFIER, MFA, NEW_PASSWORD_REQUIRED, ...), when it is not.
    pub challenge: Option<String>,
    /// `ChallengeParameters` (string values).
    pub parameters: Json,
    /// The `Session` to send back with the answer.
    pub session: Option<String>,
}

impl AuthReply {
    /// A challenge parameter.
    pub fn parameter(&self, key: &str) -> Option<&str> {
        self.parameters.str_at(key)
    }
}

/// `AuthenticationResult` of a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tokens {
    /// The ID token (a JWT).
    pub id_token: String,
    /// The access token (a JWT).
    pub access_token: String,
    /// The refresh token, when issued.
    pub refresh_token: Option<String>,
}

impl Reply for AuthReply {
    fn from_json(mut json: Json) -> Option<Self> {
        let tokens = json.get("AuthenticationResult").and_then(|result| {
            Some(Tokens {
                id_token: result.str_at("IdToken")?.to_string(),
                access_token: result.str_at("AccessToken")?.to_string(),
                refresh_token: result.str_at("RefreshToken").map(str::to_string),
            })
        });
        let challenge = json.str_at("ChallengeName").map(str::to_string);
        let parameters = json.take("ChallengeParameters").unwrap_or(Json::Null);
        let session = json.str_at("Session").map(str::to_string);
        (tokens.is_some() || challenge.is_some()).then_some(AuthReply { tokens, challenge, parameters, session })
    }
}

/// Reads a reply. `status` decides: 2xx is read as `T`; anything else as Cognito's error
/// body (`__type`), with `error_header` (`x-amzn-ErrorType`) as the fallback name.
///
/// # Errors
/// The named Cognito error, or [`CallError::Unreadable`] with the status when the body is
/// not Cognito's (a proxy's error page, malformed JSON).
pub fn read_reply<T: Reply>(status: u16, body: &str, error_header: Option<&str>) -> Result<T, CallError> {
    let parsed = json::parse(body);
    if (200..300).contains(&status) {
        return parsed.and_then(T::from_json).ok_or(CallError::Unreadable(status));
    }
    let from_body = parsed.as_ref().and_then(|b| b.str_at("__type"));
    match from_body.or(error_header).filter(|name| !crate::text::trim(name).is_empty()) {
        Some(name) => Err(CallError::Service(CognitoError::from_name(name))),
        None => Err(CallError::Unreadable(status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_the_json_cognito_expects() {
        let call = forgot_password("client1", "jane+1@example.com", Some("de"));
        assert_eq!(call.target, "AWSCognitoIdentityProviderService.ForgotPassword");
        assert_eq!(call.body, r#"{"ClientId":"client1","Username":"jane+1@example.com","ClientMetadata":{"lang":"de"}}"#);
        assert_eq!(forgot_password("c", "u", None).body, r#"{"ClientId":"c","Username":"u"}"#);
        let confirm = confirm_forgot_password("c", "u\"", "123456", "New-pass1");
        assert_eq!(confirm.target, "AWSCognitoIdentityProviderService.ConfirmForgotPassword");
        assert_eq!(confirm.body, r#"{"ClientId":"c","Username":"u\"","ConfirmationCode":"123456","Password":"New-pass1"}"#);
        assert_eq!(
            initiate_password_auth("c", "u", "p").body,
            r#"{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"u","PASSWORD":"p"}}"#
        );
    }

    #[test]
    fn sign_up_calls_carry_what_cognito_expects() {
        assert_eq!(confirm_sign_up("c", "u", "1").body, r#"{"ClientId":"c","Username":"u","ConfirmationCode":"1"}"#);
        let resend = resend_confirmation_code("c", "u", Some("ja"));
        assert_eq!(resend.target, "AWSCognitoIdentityProviderService.ResendConfirmationCode");
        assert_eq!(resend.body, r#"{"ClientId":"c","Username":"u","ClientMetadata":{"lang":"ja"}}"#);
    }

    #[test]
    fn srp_calls_carry_what_cognito_expects() {
        assert_eq!(
            initiate_srp_auth("c", "u", "ab").body,
            r#"{"AuthFlow":"USER_SRP_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"u","SRP_A":"ab"}}"#
        );
        let answer = respond_password_verifier("c", Some("s"), "u", "blk", "Mon Nov 30 06:05:09 UTC 2026", "sig");
        assert_eq!(answer.target, "AWSCognitoIdentityProviderService.RespondToAuthChallenge");
        assert_eq!(
            answer.body,
            r#"{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"u","PASSWORD_CLAIM_SECRET_BLOCK":"blk","TIMESTAMP":"Mon Nov 30 06:05:09 UTC 2026","PASSWORD_CLAIM_SIGNATURE":"sig"}}"#
        );
        let challenge: AuthReply = read_reply(
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
        let reply: ForgotPasswordReply = read_reply(200, body, None).unwrap();
        assert_eq!(reply.destination.as_deref(), Some("j***@e***"));
        assert_eq!(read_reply::<ForgotPasswordReply>(200, "{}", None).unwrap(), ForgotPasswordReply::default());
        assert_eq!(read_reply::<EmptyReply>(200, "{}", None), Ok(EmptyReply));
        let auth: AuthReply = read_reply(200, r#"{"ChallengeName":"SMS_MFA","Session":"s"}"#, None).unwrap();
        assert_eq!(auth.challenge.as_deref(), Some("SMS_MFA"));
        let signed_in: AuthReply =
            read_reply(200, r#"{"AuthenticationResult":{"IdToken":"i","AccessToken":"a","ExpiresIn":3600}}"#, None).unwrap();
        assert_eq!(signed_in.tokens.unwrap().refresh_token, None);
    }

    #[test]
    fn reads_error_replies_by_name_not_status() {
        let err = read_reply::<EmptyReply>(400, r#"{"__type":"ExpiredCodeException","message":"x"}"#, None);
        assert_eq!(err, Err(CallError::Service(CognitoError::ExpiredCode)));
        let prefixed = read_reply::<EmptyReply>(500, r#"{"__type":"a.b#TooManyRequestsException"}"#, None);
        assert_eq!(prefixed, Err(CallError::Service(CognitoError::TooManyRequests)));
        let header_only = read_reply::<EmptyReply>(400, "{}", Some("CodeMismatchException:http://x/"));
        assert_eq!(header_only, Err(CallError::Service(CognitoError::CodeMismatch)));
    }

    #[test]
    fn foreign_bodies_are_unreadable() {
        assert_eq!(read_reply::<EmptyReply>(502, "", None), Err(CallError::Unreadable(502)));
        assert_eq!(read_reply::<EmptyReply>(403, "<html>Forbidden</html>", None), Err(CallError::Unreadable(403)));
        assert_eq!(read_reply::<AuthReply>(200, "[1,2]", None), Err(CallError::Unreadable(200)));
        assert_eq!(read_reply::<EmptyReply>(200, r#"{"a":"#, None), Err(CallError::Unreadable(200)));
    }
}
