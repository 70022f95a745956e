//! The Cognito requests the kit sends, as serde types: each names its operation and the
//! reply it expects ([`Operation`]).

use serde::Serialize;

use super::{AuthReply, EmptyReply, ForgotPasswordReply, Operation};

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
pub(super) fn as_map<S: serde::Serializer>(pairs: &[(&str, &str)], serializer: S) -> Result<S::Ok, S::Error> {
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

/// The answer to `NEW_PASSWORD_REQUIRED` (`RespondToAuthChallenge`): the person's own
/// password, and each detail the pool requires as `(userAttributes.<name>, value)`.
pub fn respond_new_password<'a>(
    client_id: &'a str,
    session: Option<&'a str>,
    username: &'a str,
    new_password: &'a str,
    details: &'a [(String, String)],
) -> RespondToAuthChallenge<'a> {
    let mut challenge_responses = vec![("USERNAME", username), ("NEW_PASSWORD", new_password)];
    challenge_responses.extend(details.iter().map(|(name, value)| (name.as_str(), value.as_str())));
    RespondToAuthChallenge { challenge_name: "NEW_PASSWORD_REQUIRED", client_id, session, challenge_responses }
}
