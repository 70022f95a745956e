//! Requests are the JSON Cognito expects; replies are read by name, never by status.

use super::*;
use crate::error::{CallError, CognitoError};

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
fn an_expired_temporary_password_is_told_apart_by_its_message() {
    let expired = r#"{"__type":"NotAuthorizedException","message":"Temporary password has expired and must be reset by an administrator."}"#;
    assert_eq!(read_reply_text::<AuthReply>(400, expired, None), Err(CallError::Service(CognitoError::TemporaryPasswordExpired)));
    let wrong = r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#;
    assert_eq!(read_reply_text::<AuthReply>(400, wrong, None), Err(CallError::Service(CognitoError::NotAuthorized)));
    let other = r#"{"__type":"InvalidParameterException","Message":"Temporary password has expired"}"#;
    assert_eq!(read_reply_text::<AuthReply>(400, other, None), Err(CallError::Service(CognitoError::InvalidParameter)), "only NotAuthorized");
    assert_eq!(CognitoError::TemporaryPasswordExpired.name(), "NotAuthorizedException");
}

#[test]
fn foreign_bodies_are_unreadable() {
    assert_eq!(read_reply_text::<EmptyReply>(502, "", None), Err(CallError::Unreadable(502)));
    assert_eq!(read_reply_text::<EmptyReply>(403, "<html>Forbidden</html>", None), Err(CallError::Unreadable(403)));
    assert_eq!(read_reply_text::<AuthReply>(200, "[1,2]", None), Err(CallError::Unreadable(200)));
    assert_eq!(read_reply_text::<EmptyReply>(200, r#"{"a":"#, None), Err(CallError::Unreadable(200)));
}

#[test]
fn the_new_password_answer_carries_the_required_details() {
    let details = [("userAttributes.name".to_string(), "Jane Roe".to_string())];
    let call = respond_new_password("client", Some("sess"), "3f2a", "New-pass1", &details);
    assert_eq!(
        body(&call),
        r#"{"ChallengeName":"NEW_PASSWORD_REQUIRED","ClientId":"client","Session":"sess","ChallengeResponses":{"USERNAME":"3f2a","NEW_PASSWORD":"New-pass1","userAttributes.name":"Jane Roe"}}"#
    );
}
