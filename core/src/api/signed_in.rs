//! Calls made with a signed-in session's tokens: renewing the access token, and confirming
//! (or re-sending the code of) a changed email address or phone number.

use serde::Serialize;

use super::{EmptyReply, ForgotPasswordReply, InitiateAuth, Metadata, Operation};

/// The `InitiateAuth` call with `REFRESH_TOKEN_AUTH`: new ID and access tokens.
pub fn initiate_refresh_auth<'a>(client_id: &'a str, refresh_token: &'a str) -> InitiateAuth<'a> {
    InitiateAuth { auth_flow: "REFRESH_TOKEN_AUTH", client_id, auth_parameters: vec![("REFRESH_TOKEN", refresh_token)] }
}

/// `VerifyUserAttribute`: confirms an email address or phone number with its emailed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerifyUserAttribute<'a> {
    /// The signed-in person's access token.
    pub access_token: &'a str,
    /// `email` or `phone_number`.
    pub attribute_name: &'a str,
    /// The code from the link.
    pub code: &'a str,
}

impl Operation for VerifyUserAttribute<'_> {
    const NAME: &'static str = "VerifyUserAttribute";
    type Reply = EmptyReply;
}

/// `GetUserAttributeVerificationCode`: sends a new code (a new link, through the trigger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserAttributeVerificationCode<'a> {
    /// The signed-in person's access token.
    pub access_token: &'a str,
    /// `email` or `phone_number`.
    pub attribute_name: &'a str,
    /// Passed to the trigger: the page's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<Metadata<'a>>,
}

impl Operation for GetUserAttributeVerificationCode<'_> {
    const NAME: &'static str = "GetUserAttributeVerificationCode";
    type Reply = ForgotPasswordReply;
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_in_calls_carry_the_access_token_and_attribute() {
        let verify = VerifyUserAttribute { access_token: "at", attribute_name: "email", code: "123456" };
        assert_eq!(serde_json::to_string(&verify).unwrap(), r#"{"AccessToken":"at","AttributeName":"email","Code":"123456"}"#);
        let resend = GetUserAttributeVerificationCode { access_token: "at", attribute_name: "phone_number", client_metadata: Some(Metadata { lang: "de" }) };
        assert_eq!(serde_json::to_string(&resend).unwrap(), r#"{"AccessToken":"at","AttributeName":"phone_number","ClientMetadata":{"lang":"de"}}"#);
        let refresh = initiate_refresh_auth("client", "rt");
        assert_eq!(serde_json::to_string(&refresh).unwrap(), r#"{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"client","AuthParameters":{"REFRESH_TOKEN":"rt"}}"#);
        assert_eq!(<VerifyUserAttribute as Operation>::NAME, "VerifyUserAttribute");
    }
}
