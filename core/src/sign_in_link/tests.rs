//! The pending sign-in's judgement, the replies read, and the words for each outcome.

use super::*;
use crate::api::read_reply_text;

const ASKED: u64 = 1_796_400_000;

fn pending(username: &str) -> PendingSignIn {
    PendingSignIn { username: username.into(), session: "s".into(), asked_at: ASKED }
}

#[test]
fn a_pending_sign_in_lasts_the_configured_minutes() {
    let p = pending("jane@example.com");
    assert!(p.is_valid(ASKED, 3) && p.is_valid(ASKED + 179, 3));
    assert!(!p.is_valid(ASKED + 180, 3));
    assert!(p.is_valid(ASKED + 14 * 60, 15) && !p.is_valid(ASKED + 15 * 60, 15));
    assert!(!p.is_valid(ASKED - 1, 3), "a clock set back is not trusted");
}

#[test]
fn a_link_uses_only_its_own_account_s_pending_sign_in() {
    let p = pending("Jane@Example.com");
    assert!(p.is_for(Some("Jane@Example.com"), None, ASKED + 10, 3));
    assert!(p.is_for(Some("3f2a-opaque"), Some("jane@example.com"), ASKED + 10, 3), "the link's email, without case");
    assert!(!p.is_for(Some("john@example.com"), None, ASKED + 10, 3));
    assert!(!p.is_for(None, None, ASKED + 10, 3));
    assert!(!p.is_for(Some("Jane@Example.com"), None, ASKED + 200, 3), "expired");
    assert!(!pending("jane").is_for(Some("JANE"), None, ASKED, 3), "usernames keep their case");
}

#[test]
fn the_pending_sign_in_round_trips_as_json() {
    let text = serde_json::to_string(&pending("u")).unwrap();
    assert_eq!(text, r#"{"username":"u","session":"s","asked_at":1796400000}"#);
    assert_eq!(serde_json::from_str::<PendingSignIn>(&text).unwrap(), pending("u"));
    assert_eq!(pending_key("c1"), "cognito-reset-link.c1.pendingSignIn");
}

#[test]
fn reads_what_the_request_started() {
    let read = |body: &str| Started::from_reply(&read_reply_text(200, body, None).unwrap());
    assert_eq!(
        read(r#"{"ChallengeName":"EMAIL_OTP","Session":"s1","ChallengeParameters":{"CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","CODE_DELIVERY_DESTINATION":"j***@e***"}}"#),
        Started::Sent { session: "s1".into(), destination: Some("j***@e***".into()), medium: Some("EMAIL".into()) }
    );
    assert_eq!(read(r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"s2","AvailableChallenges":["PASSWORD","EMAIL_OTP"]}"#), Started::Choose { session: "s2".into() });
    assert_eq!(read(r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"s2","AvailableChallenges":["PASSWORD","WEB_AUTHN"]}"#), Started::OtherWay);
    assert_eq!(read(r#"{"ChallengeName":"PASSWORD","Session":"s3"}"#), Started::OtherWay);
    assert_eq!(read(r#"{"AuthenticationResult":{"IdToken":"i","AccessToken":"a"}}"#), Started::OtherWay);
}

#[test]
fn every_failure_has_words_and_the_right_way_on() {
    let error = |name: &str| CallError::Service(CognitoError::from_name(name));
    assert_eq!(AskOutcome::for_error(&error("UserNotFoundException")), AskOutcome::Sent, "reads the same for an unknown account");
    assert_eq!(AskOutcome::for_error(&error("LimitExceededException")), AskOutcome::Wait);
    assert_eq!(AskOutcome::for_error(&CallError::Network), AskOutcome::Offline);
    let answer = |name: &str| AnswerOutcome::for_error(&error(name));
    assert_eq!(answer("CodeMismatchException"), AnswerOutcome::WrongCode);
    assert!(!AnswerOutcome::WrongCode.offers_new_link());
    for name in ["NotAuthorizedException", "ExpiredCodeException"] {
        assert_eq!(answer(name), AnswerOutcome::Expired, "{name}");
    }
    for name in ["LimitExceededException", "TooManyFailedAttemptsException"] {
        assert_eq!(answer(name), AnswerOutcome::Wait, "{name}");
    }
    // Throttling is the service's load, not the person's attempts: "busy", and the sign-in stays.
    assert_eq!(answer("TooManyRequestsException"), AnswerOutcome::TryAgain);
    assert!(AnswerOutcome::Expired.offers_new_link() && AnswerOutcome::Wait.offers_new_link());
    assert_eq!(AnswerOutcome::for_error(&CallError::Network), AnswerOutcome::Offline);
}

#[test]
fn every_key_exists_in_every_language_without_technical_names() {
    use crate::i18n::{Catalogue, LANGUAGES};
    let asks = [AskOutcome::Sent, AskOutcome::OtherWay, AskOutcome::Wait, AskOutcome::TryAgain, AskOutcome::Offline, AskOutcome::SiteProblem].map(AskOutcome::key);
    let answers = [
        AnswerOutcome::SignedIn,
        AnswerOutcome::WrongCode,
        AnswerOutcome::Expired,
        AnswerOutcome::OtherAccount,
        AnswerOutcome::OtherWay,
        AnswerOutcome::Wait,
        AnswerOutcome::TryAgain,
        AnswerOutcome::Offline,
        AnswerOutcome::SiteProblem,
    ]
    .map(AnswerOutcome::key);
    let english = Catalogue::english();
    let known = english.keys();
    for key in asks.into_iter().chain(answers) {
        assert!(known.contains(&key), "{key} is not in en.json");
        for language in LANGUAGES {
            let text = Catalogue::bundled(language).text(key).to_string();
            assert!(!text.contains("Exception") && !text.contains("Cognito"), "{language} {key}: {text}");
        }
    }
}

#[test]
fn only_digits_of_a_codes_length_read_as_a_sign_in_code() {
    for code in ["123456", " 12345678 ", "0000000"] {
        assert_eq!(sign_in_code(code).as_deref(), Some(code.trim()), "{code}");
    }
    for text in ["12345", "123456789", "ACCOUNT-LOCKED:call-+1-555-0100", "12 3456", "\u{ff11}23456", ""] {
        assert_eq!(sign_in_code(text), None, "{text}");
    }
}
