//! Sign-in by emailed code (choice-based sign-in, `USER_AUTH` with the `EMAIL_OTP`
//! challenge): asking Cognito to email the code, and answering with it.

use serde::Serialize;

use super::{as_map, AuthReply, Metadata, Operation, RespondToAuthChallenge};

/// The challenge whose code Cognito emails.
pub const EMAIL_OTP: &str = "EMAIL_OTP";
/// Cognito's question "which way?" when it has more than one.
pub const SELECT_CHALLENGE: &str = "SELECT_CHALLENGE";

/// `InitiateAuth` with `USER_AUTH`, asking for `EMAIL_OTP`: Cognito emails a code (a link,
/// through the trigger, which reads the page's language from `ClientMetadata`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateUserAuth<'a> {
    /// Always `USER_AUTH`.
    pub auth_flow: &'static str,
    /// The app client.
    pub client_id: &'a str,
    /// `USERNAME` and `PREFERRED_CHALLENGE`.
    #[serde(serialize_with = "as_map")]
    pub auth_parameters: Vec<(&'a str, &'a str)>,
    /// Passed to the trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<Metadata<'a>>,
}

impl Operation for InitiateUserAuth<'_> {
    const NAME: &'static str = "InitiateAuth";
    type Reply = AuthReply;
}

/// The `InitiateAuth` call that emails `username` a sign-in code, in `language`.
pub fn initiate_email_code<'a>(client_id: &'a str, username: &'a str, language: Option<&'a str>) -> InitiateUserAuth<'a> {
    InitiateUserAuth {
        auth_flow: "USER_AUTH",
        client_id,
        auth_parameters: vec![("USERNAME", username), ("PREFERRED_CHALLENGE", EMAIL_OTP)],
        client_metadata: language.map(|lang| Metadata { lang }),
    }
}

/// The answer to `SELECT_CHALLENGE` choosing `EMAIL_OTP` (Cognito then emails the code).
pub fn choose_email_code<'a>(client_id: &'a str, session: Option<&'a str>, username: &'a str) -> RespondToAuthChallenge<'a> {
    RespondToAuthChallenge { challenge_name: SELECT_CHALLENGE, client_id, session, challenge_responses: vec![("USERNAME", username), ("ANSWER", EMAIL_OTP)] }
}

/// The answer to `EMAIL_OTP`: the emailed code, with the challenge's `Session`.
pub fn respond_email_code<'a>(client_id: &'a str, session: &'a str, username: &'a str, code: &'a str) -> RespondToAuthChallenge<'a> {
    RespondToAuthChallenge { challenge_name: EMAIL_OTP, client_id, session: Some(session), challenge_responses: vec![("USERNAME", username), ("EMAIL_OTP_CODE", code)] }
}

/// The field a code answers `challenge` in, for a challenge that asks for a code Cognito sent
/// or an authenticator app shows (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`); `None` for a
/// challenge no code answers (`MFA_SETUP`, `SELECT_MFA_TYPE`, ...).
pub fn code_field(challenge: &str) -> Option<&'static str> {
    Some(match challenge {
        "SMS_MFA" => "SMS_MFA_CODE",
        "SOFTWARE_TOKEN_MFA" => "SOFTWARE_TOKEN_MFA_CODE",
        EMAIL_OTP => "EMAIL_OTP_CODE",
        _ => return None,
    })
}

/// The answer to a code challenge ([`code_field`]) after a sign-in with a password; `None`
/// for a challenge no code answers.
pub fn respond_code_challenge<'a>(client_id: &'a str, challenge: &'a str, session: &'a str, username: &'a str, code: &'a str) -> Option<RespondToAuthChallenge<'a>> {
    let field = code_field(challenge)?;
    Some(RespondToAuthChallenge { challenge_name: challenge, client_id, session: Some(session), challenge_responses: vec![("USERNAME", username), (field, code)] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::read_reply_text;

    #[test]
    fn each_code_challenge_is_answered_in_its_own_field_and_no_other_challenge_is() {
        let body = |challenge| respond_code_challenge("c", challenge, "s", "u", "123456").map(|call| serde_json::to_string(&call).unwrap());
        assert_eq!(body("SMS_MFA").unwrap(), r#"{"ChallengeName":"SMS_MFA","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"u","SMS_MFA_CODE":"123456"}}"#);
        assert!(body("SOFTWARE_TOKEN_MFA").unwrap().contains(r#""SOFTWARE_TOKEN_MFA_CODE":"123456""#));
        assert!(body("EMAIL_OTP").unwrap().contains(r#""EMAIL_OTP_CODE":"123456""#));
        for other in ["MFA_SETUP", "SELECT_MFA_TYPE", "NEW_PASSWORD_REQUIRED", "PASSWORD_VERIFIER", ""] {
            assert_eq!(body(other), None, "{other}");
        }
    }

    #[test]
    fn the_two_calls_carry_what_cognito_expects() {
        let start = initiate_email_code("c", "jane@example.com", Some("de"));
        assert_eq!(start.target(), "AWSCognitoIdentityProviderService.InitiateAuth");
        assert_eq!(
            serde_json::to_string(&start).unwrap(),
            r#"{"AuthFlow":"USER_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"jane@example.com","PREFERRED_CHALLENGE":"EMAIL_OTP"},"ClientMetadata":{"lang":"de"}}"#
        );
        let answer = respond_email_code("c", "s", "jane@example.com", "123456");
        assert_eq!(answer.target(), "AWSCognitoIdentityProviderService.RespondToAuthChallenge");
        assert_eq!(
            serde_json::to_string(&answer).unwrap(),
            r#"{"ChallengeName":"EMAIL_OTP","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"jane@example.com","EMAIL_OTP_CODE":"123456"}}"#
        );
        assert_eq!(
            serde_json::to_string(&choose_email_code("c", Some("s"), "u")).unwrap(),
            r#"{"ChallengeName":"SELECT_CHALLENGE","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"u","ANSWER":"EMAIL_OTP"}}"#
        );
    }

    #[test]
    fn reads_the_challenge_and_the_choices() {
        let sent: AuthReply = read_reply_text(
            200,
            r#"{"ChallengeName":"EMAIL_OTP","Session":"s1","ChallengeParameters":{"CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","CODE_DELIVERY_DESTINATION":"j***@e***"}}"#,
            None,
        )
        .unwrap();
        assert_eq!((sent.challenge.as_deref(), sent.parameter("CODE_DELIVERY_DESTINATION")), (Some(EMAIL_OTP), Some("j***@e***")));
        let choice: AuthReply = read_reply_text(200, r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"s","AvailableChallenges":["PASSWORD","EMAIL_OTP"]}"#, None).unwrap();
        assert_eq!(choice.available_challenges, ["PASSWORD", "EMAIL_OTP"]);
    }
}
