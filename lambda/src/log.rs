//! The one log line the trigger writes per event: JSON, so a CloudWatch metric filter can
//! count outcomes (deploy/template.yaml's `LeftDefaultFilter` matches `outcome`), and built
//! only from the message source and the outcome, so no code, link, username or address can
//! reach the logs.

use serde::Serialize;
use serde_json::Value;

use crate::handler::{LeftDefault, Outcome};

/// The longest message source the line repeats; Cognito's longest is 36 characters.
const MAX_SOURCE: usize = 64;

/// The line, as it is written to the log (and read by the tests).
#[derive(Debug, Serialize)]
struct Line<'a> {
    /// Names the writer, so the line is found among the runtime's own.
    trigger: &'static str,
    /// The event's `triggerSource`, such as `CustomMessage_ForgotPassword`.
    source: &'a str,
    /// `rewritten`, `left_default` or `other_source`.
    outcome: &'static str,
    /// Why Cognito's default message was left; only with `left_default`.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
}

/// The event's message source as the log may repeat it: Cognito's own names are letters and
/// `_`; anything else (never sent by Cognito) is logged as `unknown`, not copied.
pub fn source_of(event: &Value) -> &str {
    let Some(source) = event.get("triggerSource") else { return "none" };
    match source.as_str() {
        Some(name) if !name.is_empty() && name.len() <= MAX_SOURCE && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => name,
        _ => "unknown",
    }
}

/// The JSON line for an event of `source` that ended in `outcome`.
pub fn line(source: &str, outcome: Outcome) -> String {
    let (outcome, reason) = match outcome {
        Outcome::Rewritten => ("rewritten", None),
        Outcome::OtherSource => ("other_source", None),
        Outcome::LeftDefault(why) => ("left_default", Some(reason(why))),
    };
    let line = Line { trigger: "reset-link", source, outcome, reason };
    // A struct of strings always serialises; the fallback keeps the line JSON regardless.
    serde_json::to_string(&line).unwrap_or_else(|_| r#"{"trigger":"reset-link","outcome":"unlogged"}"#.into())
}

/// The word the log uses for each reason.
fn reason(why: LeftDefault) -> &'static str {
    match why {
        LeftDefault::NoSettings => "no_settings",
        LeftDefault::NoUsername => "no_username",
        LeftDefault::MessageRefused => "message_refused",
        LeftDefault::NotAnObject => "not_an_object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_line_is_json_with_source_outcome_and_reason() {
        let event = json!({"triggerSource": "CustomMessage_ForgotPassword"});
        let left = line(source_of(&event), Outcome::LeftDefault(LeftDefault::NoSettings));
        assert_eq!(left, r#"{"trigger":"reset-link","source":"CustomMessage_ForgotPassword","outcome":"left_default","reason":"no_settings"}"#);
        assert_eq!(line("CustomMessage_SignUp", Outcome::Rewritten), r#"{"trigger":"reset-link","source":"CustomMessage_SignUp","outcome":"rewritten"}"#);
    }

    #[test]
    fn a_source_that_is_not_a_name_is_not_copied() {
        assert_eq!(source_of(&json!({"triggerSource": "x\"}{ jane@example.com"})), "unknown");
        assert_eq!(source_of(&json!({"triggerSource": "A".repeat(65)})), "unknown");
        assert_eq!(source_of(&json!({"triggerSource": 5})), "unknown");
        assert_eq!(source_of(&json!({})), "none");
        assert_eq!(source_of(&json!([1])), "none");
    }
}
