//! The trigger's work on one event. The event as a whole stays plain JSON, so that a missing
//! or unknown field can never make the trigger fail (a failing trigger fails the person's
//! request) and what it does not read comes back exactly as it came; the parts it reads are
//! serde types, each read on its own. Anything it cannot use leaves Cognito's default.
//! (`aws_lambda_events`' Cognito types are all-or-nothing for the whole event and do not model
//! every field Cognito sends, such as `linkParameter`, so they would drop or refuse data.)

use std::collections::BTreeMap;

use reset_link_core::email::{check_message, render, Kind, CODE_PLACEHOLDER};
use reset_link_core::i18n::pick_language;
use reset_link_core::link::{build_link, LinkContent, Secret};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::settings::Settings;

/// The trigger source of a password reset.
const FORGOT_PASSWORD: &str = "CustomMessage_ForgotPassword";
/// The trigger sources of a sign-up confirmation.
const SIGN_UP: [&str; 2] = ["CustomMessage_SignUp", "CustomMessage_ResendCode"];
/// The trigger source of an invitation (an administrator created the user).
const INVITATION: &str = "CustomMessage_AdminCreateUser";
/// The trigger sources of a changed (or re-sent) email address or phone number code.
const ADDRESS_CHANGE: [&str; 2] = ["CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute"];
/// The trigger source of a code sent during sign-in: the `EMAIL_OTP` sign-in code of
/// choice-based sign-in, and an MFA code sent by email or SMS.
const SIGN_IN: &str = "CustomMessage_Authentication";

/// What happened to an event, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The message with its link was written (reset, confirmation, invitation, address
    /// change or sign-in).
    Rewritten,
    /// Another trigger source: left as it came.
    OtherSource,
    /// A source the trigger rewrites, left as it came (Cognito sends its default message).
    LeftDefault(LeftDefault),
}

/// Why an event the trigger would rewrite was left as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftDefault {
    /// The settings were unusable at start (the problem was logged then).
    NoSettings,
    /// The event names no user.
    NoUsername,
    /// The message written would break a rule of Cognito's (length, placeholders).
    MessageRefused,
    /// The event is not a JSON object, so `response` cannot be set.
    NotAnObject,
}

/// `request` of a CustomMessage event: the parts the trigger reads.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct MessageRequest {
    /// The user's attributes (`email`, `locale`, ...).
    user_attributes: BTreeMap<String, Value>,
    /// Cognito's placeholder for the code, `{####}`.
    code_parameter: Option<String>,
    /// What the page passed to the call (`lang`).
    client_metadata: Option<BTreeMap<String, Value>>,
}

impl MessageRequest {
    /// Reads `request`; one that is not of this shape reads as empty (the defaults apply).
    fn read(request: Option<&Value>) -> MessageRequest {
        request.and_then(|request| MessageRequest::deserialize(request).ok()).unwrap_or_default()
    }

    /// A text attribute of the user.
    fn attribute(&self, name: &str) -> Option<&str> {
        self.user_attributes.get(name).and_then(Value::as_str)
    }

    /// The person's language: the one the forgot page sent (`clientMetadata.lang`), else the
    /// user's `locale` attribute, else the configured default.
    fn language(&self, default: &str) -> &'static str {
        let requested = self.client_metadata.as_ref().and_then(|metadata| metadata.get("lang")).and_then(Value::as_str);
        pick_language(requested, self.attribute("locale"), default)
    }
}

/// `response` of a CustomMessage event, as Cognito reads it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct MessageResponse<'a> {
    email_subject: &'a str,
    email_message: &'a str,
    sms_message: &'a str,
}

/// Fills `response` of a ForgotPassword event with the reset link message, of a SignUp or
/// ResendCode event with the confirmation link message, and of an AdminCreateUser event with
/// the invitation, whose link carries the temporary password, and, with sign-in links on, of an
/// Authentication event with the sign-in link and the code written out. `now` (Unix seconds, the shell's
/// clock) goes into the link, so the page can tell how long it still works.
pub fn handle(settings: Option<&Settings>, mut event: Value, now: u64) -> (Value, Outcome) {
    let kind = match event.get("triggerSource").and_then(Value::as_str) {
        Some(FORGOT_PASSWORD) => Kind::Reset,
        Some(source) if SIGN_UP.contains(&source) => Kind::SignUp,
        Some(INVITATION) => Kind::Invitation,
        Some(source) if ADDRESS_CHANGE.contains(&source) => Kind::AddressChange,
        Some(SIGN_IN) => Kind::SignIn,
        _ => return (event, Outcome::OtherSource),
    };
    // Unusable settings cannot say whether sign-in links were wanted; the sign-in code email
    // is then logged as left alone, as it was before they existed, and the other sources'
    // `left_default` lines raise the alarm.
    let Some(settings) = settings else {
        let outcome = if kind == Kind::SignIn { Outcome::OtherSource } else { Outcome::LeftDefault(LeftDefault::NoSettings) };
        return (event, outcome);
    };
    // A source the team keeps its own message for (MESSAGE_SOURCES): Cognito's, untouched.
    if !settings.rewrites(kind) {
        return (event, Outcome::OtherSource);
    }
    let Some(username) = event.get("userName").and_then(Value::as_str).filter(|u| !u.is_empty()) else {
        return (event, Outcome::LeftDefault(LeftDefault::NoUsername));
    };
    let request = MessageRequest::read(event.get("request"));
    let code = request.code_parameter.as_deref().filter(|c| !c.is_empty()).unwrap_or(CODE_PLACEHOLDER);
    let email = request.attribute("email");
    let shown_email = email.filter(|_| settings.include_email);
    let (page, secret) = match kind {
        Kind::Reset => (&settings.reset_page, Secret::Code),
        Kind::SignUp => (&settings.confirm_page, Secret::Code),
        Kind::Invitation => (&settings.welcome_page, Secret::TemporaryPassword),
        Kind::AddressChange => (&settings.verify_page, Secret::Code),
        // `rewrites` let it through, so the page is set.
        Kind::SignIn => match &settings.sign_in_page {
            Some(page) => (page, Secret::SignInCode),
            None => return (event, Outcome::OtherSource),
        },
    };
    // An address-change email confirms the email address; its SMS, the phone number.
    let attribute = (kind == Kind::AddressChange).then_some("email");
    let content = LinkContent { code, secret, username, email: shown_email, sent_at: Some(now), attribute };
    let link = build_link(page, settings.style, &content);
    let words = settings.texts.catalogue(request.language(settings.default_language));
    let mut message = render(kind, &settings.texts, &link, email.unwrap_or(username), &words);
    if kind == Kind::AddressChange {
        let phone = LinkContent { email: None, attribute: Some("phone_number"), ..content };
        message.sms = render(kind, &settings.texts, &build_link(page, settings.style, &phone), username, &words).sms;
    }
    if check_message(kind, &message).is_err() {
        return (event, Outcome::LeftDefault(LeftDefault::MessageRefused));
    }
    let Some(object) = event.as_object_mut() else { return (event, Outcome::LeftDefault(LeftDefault::NotAnObject)) };
    let response = MessageResponse { email_subject: &message.subject, email_message: &message.email_html, sms_message: &message.sms };
    object.insert("response".into(), json!(response));
    (event, Outcome::Rewritten)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reset_link_core::link::{parse_link, LinkStyle};

    /// The clock the tests pass in.
    const NOW: u64 = 1_764_860_000;

    fn settings() -> Settings {
        Settings {
            reset_page: "https://example.com/reset-password.html".into(),
            confirm_page: "https://example.com/confirm.html".into(),
            welcome_page: "https://example.com/welcome.html".into(),
            verify_page: "https://example.com/verify.html".into(),
            style: LinkStyle::Fragment,
            texts: Default::default(),
            include_email: true,
            default_language: "en",
            sources: vec![Kind::Reset, Kind::SignUp, Kind::Invitation, Kind::AddressChange],
            sign_in_page: None,
        }
    }

    fn fixture(name: &str) -> Value {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// The href of the message's button, unescaped as a mail client would.
    fn first_link(html: &str) -> String {
        let start = html.find("href=\"").unwrap() + 6;
        let end = start + html[start..].find('"').unwrap();
        html[start..end].replace("&amp;", "&")
    }

    #[test]
    fn writes_a_link_that_parses_back_to_the_username() {
        let (event, outcome) = handle(Some(&settings()), fixture("custom-message-forgot-password.json"), NOW);
        assert_eq!(outcome, Outcome::Rewritten);
        let html = event["response"]["emailMessage"].as_str().unwrap();
        let link = first_link(html);
        let (_, fragment) = link.split_once('#').unwrap();
        let params = parse_link("", &fragment.replace("{####}", "123456"));
        assert_eq!(params.username.as_deref(), Some("3f2a6c1e-9b7d-4c2a-8e51-6d0f1b2a7c90"));
        assert_eq!(params.code.as_deref(), Some("123456"));
        assert_eq!(params.sent_at, Some(NOW), "the link knows when it was written");
        assert!(html.contains("jane+test@example.com"), "the email is shown for reassurance");
        assert_eq!(params.email.as_deref(), Some("jane+test@example.com"), "and carried for the page");
        assert_eq!(event["response"]["emailSubject"], "Reset your password");
        assert_eq!(event["userName"], "3f2a6c1e-9b7d-4c2a-8e51-6d0f1b2a7c90", "the rest is kept");
    }

    #[test]
    fn a_username_with_html_is_escaped_in_the_email_and_encoded_in_the_link() {
        let mut event = fixture("custom-message-forgot-password.json");
        event["userName"] = json!("o'brien&co<script>alert(1)</script>");
        event["request"]["userAttributes"]["email"] = json!("<b>jane</b>@example.com");
        let (event, outcome) = handle(Some(&settings()), event, NOW);
        assert_eq!(outcome, Outcome::Rewritten);
        let html = event["response"]["emailMessage"].as_str().unwrap();
        assert!(!html.contains("<script>") && !html.contains("<b>jane"), "{html}");
        assert!(html.contains("&lt;b&gt;jane&lt;/b&gt;@example.com"));
        assert!(html.contains("user_name=o%27brien%26co%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
    }

    #[test]
    fn answers_in_the_language_of_the_page_then_the_user_then_the_default() {
        let with = |metadata: Value, locale: Option<&str>, default: &'static str| {
            let mut event = fixture("custom-message-forgot-password.json");
            event["request"]["clientMetadata"] = metadata;
            if let Some(locale) = locale {
                event["request"]["userAttributes"]["locale"] = json!(locale);
            }
            let settings = Settings { default_language: default, ..settings() };
            handle(Some(&settings), event, NOW).0["response"]["emailSubject"].as_str().unwrap().to_string()
        };
        assert_eq!(with(json!({"lang": "de-DE"}), Some("fr"), "es"), "Passwort zurücksetzen");
        assert_eq!(with(json!({}), Some("fr_CA"), "es"), "Réinitialisez votre mot de passe");
        assert_eq!(with(json!({"lang": "xx"}), None, "es"), "Restablezca su contraseña", "the emails address the reader formally");
        assert_eq!(with(json!(null), None, "en"), "Reset your password");
    }

    #[test]
    fn sign_up_and_resend_get_a_confirmation_link() {
        for source in SIGN_UP {
            let mut event = fixture("custom-message-signup.json");
            event["triggerSource"] = json!(source);
            let (event, outcome) = handle(Some(&settings()), event, NOW);
            assert_eq!(outcome, Outcome::Rewritten, "{source}");
            let html = event["response"]["emailMessage"].as_str().unwrap();
            let link = first_link(html);
            assert!(link.starts_with("https://example.com/confirm.html#confirmation_code={####}"), "{link}");
            let params = parse_link("", link.split_once('#').unwrap().1);
            assert_eq!(params.username.as_deref(), Some("o'brien&co<script>"));
            assert!(!html.contains("<script>"), "the fixture's username is escaped");
            assert_eq!(event["response"]["emailSubject"], "Confirm your account");
        }
    }

    #[test]
    fn an_invitation_links_to_the_welcome_page_with_the_temporary_password_last() {
        let mut event = fixture("custom-message-signup.json");
        event["triggerSource"] = json!(INVITATION);
        event["request"]["usernameParameter"] = json!("{username}");
        let (event, outcome) = handle(Some(&settings()), event, NOW);
        assert_eq!(outcome, Outcome::Rewritten);
        let html = event["response"]["emailMessage"].as_str().unwrap();
        let link = first_link(html);
        assert!(link.starts_with("https://example.com/welcome.html#user_name=o%27brien%26co%3Cscript%3E"), "{link}");
        assert!(link.ends_with(&format!("&sent={NOW}&temporary_password={{####}}")), "{link}");
        assert!(html.contains("{username}") && html.contains("{####}"), "what Cognito requires of an invitation");
        assert!(event["response"]["smsMessage"].as_str().unwrap().contains("{username}"));
        assert_eq!(event["response"]["emailSubject"], "You're invited: set your password");
        let settings = Settings { style: reset_link_core::link::LinkStyle::Query, ..settings() };
        let mut again = fixture("custom-message-signup.json");
        again["triggerSource"] = json!(INVITATION);
        let (event, _) = handle(Some(&settings), again, NOW);
        assert!(first_link(event["response"]["emailMessage"].as_str().unwrap()).contains(".html#user_name="), "fragment even in query style");
    }

    #[test]
    fn an_address_change_links_to_the_verify_page_for_each_attribute() {
        for source in ADDRESS_CHANGE {
            let mut event = fixture("custom-message-forgot-password.json");
            event["triggerSource"] = json!(source);
            // A short username, so the SMS link fits in 140 characters.
            event["userName"] = json!("jo");
            let (event, outcome) = handle(Some(&settings()), event, NOW);
            assert_eq!(outcome, Outcome::Rewritten, "{source}");
            let link = first_link(event["response"]["emailMessage"].as_str().unwrap());
            let params = parse_link("", link.split_once('#').unwrap().1);
            assert!(link.starts_with("https://example.com/verify.html#confirmation_code={####}"), "{link}");
            assert_eq!((params.attribute.as_deref(), params.email.as_deref()), (Some("email"), Some("jane+test@example.com")));
            let sms = event["response"]["smsMessage"].as_str().unwrap();
            assert!(sms.contains("attribute=phone_number") && !sms.contains("email="), "{sms}");
            assert_eq!(event["response"]["emailSubject"], "Confirm your new address");
        }
    }

    #[test]
    fn other_sources_come_back_unchanged() {
        let mut original = fixture("custom-message-signup.json");
        original["triggerSource"] = json!("CustomMessage_Authentication");
        let (event, outcome) = handle(Some(&settings()), original.clone(), NOW);
        assert_eq!((event, outcome), (original, Outcome::OtherSource));
    }

    #[test]
    fn unusable_events_and_settings_leave_the_default() {
        let original = fixture("custom-message-forgot-password.json");
        assert_eq!(handle(None, original.clone(), NOW), (original, Outcome::LeftDefault(LeftDefault::NoSettings)));
        let bare = json!({"triggerSource": FORGOT_PASSWORD});
        assert_eq!(handle(Some(&settings()), bare.clone(), NOW), (bare, Outcome::LeftDefault(LeftDefault::NoUsername)));
        let odd = json!({"triggerSource": FORGOT_PASSWORD, "userName": "x", "request": 5, "extra": [1]});
        let (event, outcome) = handle(Some(&settings()), odd, NOW);
        assert_eq!(outcome, Outcome::Rewritten);
        assert!(event["response"]["emailMessage"].as_str().unwrap().contains("{####}"));
        assert_eq!(handle(Some(&settings()), json!([1, 2]), NOW).1, Outcome::OtherSource);
    }

    #[test]
    fn a_source_the_team_keeps_is_left_as_cognito_wrote_it() {
        let kept = Settings { sources: vec![Kind::Reset], ..settings() };
        let mut event = json!({"triggerSource": "CustomMessage_SignUp", "userName": "u1", "request": {"codeParameter": "{####}"}, "response": {}});
        event["response"] = json!({"emailMessage": "the team's own", "emailSubject": null, "smsMessage": null});
        let (out, outcome) = handle(Some(&kept), event.clone(), NOW);
        assert_eq!((out, outcome), (event, Outcome::OtherSource));
    }
}
