//! Reading a link and checking a password, in the npm API: one reader for every link the
//! trigger writes, by core's parser and its judge of a link's age, as the pages read them.

use js_sys::{Array, Date};
use reset_link_core::age::{judge, LinkAge, LinkKind};
use reset_link_core::i18n::{pick_language, Catalogue};
use reset_link_core::policy::{checklist, PasswordPolicy, Rule};
use reset_link_core::sign_in_link::sign_in_code;
use reset_link_core::words::rule_key;
use wasm_bindgen::prelude::*;

use crate::api::{failure, object, read_config, read_link, text_or_null};
use crate::plumbing::signin::next_address;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Which email a link came from, by the page it opens: reset-password, confirm (sign-up), welcome (invitation), verify (address change) or sign-in. */
export type LinkKind = "reset" | "signUp" | "invitation" | "addressChange" | "signIn";

/** Everything a link carries; null for what it lacks. Anything in a link is a hint its holder may have edited: the calls hold a sign-in to what Cognito has verified, never to these. */
export interface Link {
  kind: LinkKind;
  /** Whether the address held one of the link's parameters (the app should then take them out of the address bar, as the pages do). */
  found: boolean;
  /** The pool username the code belongs to (an opaque id in a pool that signs in by email). */
  username: string | null;
  /** The email address the trigger wrote beside it. */
  email: string | null;
  /** What to show the person as their account: the email, else the username; null without a username. Pass it as `account` to signIn and acceptInvitation. */
  account: string | null;
  /** The emailed code of a reset, sign-up or address-change link. */
  code: string | null;
  /** An invitation's temporary password. */
  temporaryPassword: string | null;
  /** A sign-in link's code (6 to 8 digits). */
  signInCode: string | null;
  /** What an address-change link confirms: "email" or "phone_number". */
  attribute: string | null;
  /** The language the link asks for. */
  language: string | null;
  /** Where to go once signed in: the link's redirect when redirectAllowList allows it, else afterSignInUrl. */
  next: string;
  age: LinkAgeVerdict;
}

/** How old the link is, judged as the pages judge it. */
export interface LinkAgeVerdict {
  /** "unknown": the link carries no time; "fine": it works until worksUntil; "expired": the server's clock says it has run out (offer a new code before anything is typed); "mayHaveExpired": only the device's clock says so (say so, keep the form: Cognito decides). */
  verdict: "unknown" | "fine" | "expired" | "mayHaveExpired";
  /** When the email was written (Unix seconds). */
  sent: number | null;
  /** Until when the code works (Unix seconds), with "fine". */
  worksUntil: number | null;
}

/** The clocks readLink judges by, in milliseconds since 1970: now (default Date.now()) and, when the app has it, the server's (the Date header of a response from its own site: a phone whose clock is wrong never locks a person out). */
export interface Clocks {
  now?: number;
  serverNow?: number;
}

/** One line of the password checklist. */
export interface PasswordRule {
  rule: "length" | "upper" | "lower" | "number" | "symbol" | "spaces" | "match";
  met: boolean;
  /** The line to show, in the configured language. */
  text: string;
}

/** The result of checkPassword. */
export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRule[];
}
"#;

/// `kind` as core's link kind, with the lifetimes the configuration knows.
fn link_kind(kind: &str, invitation_days: u32, sign_in_minutes: u32) -> Option<LinkKind> {
    Some(match kind {
        "reset" => LinkKind::Reset,
        "signUp" => LinkKind::SignUp,
        "invitation" => LinkKind::Invitation { days: invitation_days.into() },
        "addressChange" => LinkKind::AddressChange,
        "signIn" => LinkKind::SignIn { minutes: sign_in_minutes.into() },
        _ => return None,
    })
}

/// Milliseconds since 1970 as Unix seconds, when it is a time at all.
fn seconds(ms: Option<f64>) -> Option<u64> {
    ms.filter(|ms| ms.is_finite() && *ms >= 0.0).map(|ms| (ms / 1000.0) as u64)
}

/// Reads a link of `kind` (a full address, or its query or fragment), with its age by
/// `clocks`. Only the secret of that kind is read: a sign-in code in a reset link is none.
#[wasm_bindgen(js_name = readLink, unchecked_return_type = "Link")]
pub fn read_link_of_kind(
    #[wasm_bindgen(unchecked_param_type = "ResetConfig")] config: JsValue,
    url: &str,
    #[wasm_bindgen(unchecked_param_type = "LinkKind")] kind: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Clocks")] clocks: JsValue,
) -> Result<JsValue, JsValue> {
    let (config, _) = read_config(&config)?;
    let Some(link_kind) = link_kind(kind, config.invitation_days, config.sign_in_session_minutes) else {
        return Err(failure("InvalidInput", "kind is one of \"reset\", \"signUp\", \"invitation\", \"addressChange\" or \"signIn\".", false));
    };
    let clock = |name: &str| js_sys::Reflect::get(&clocks, &name.into()).ok().and_then(|v| v.as_f64());
    let clocks_given = clocks.is_object();
    let device_now = seconds(clocks_given.then(|| clock("now")).flatten().or(Some(Date::now()))).unwrap_or(0);
    let server_now = seconds(clocks_given.then(|| clock("serverNow")).flatten());
    let link = read_link(url);
    let (verdict, works_until) = match judge(link.sent_at, device_now, server_now, link_kind) {
        LinkAge::Unknown => ("unknown", None),
        LinkAge::WorksUntil(until) => ("fine", Some(until)),
        LinkAge::Expired => ("expired", None),
        LinkAge::MayHaveExpired => ("mayHaveExpired", None),
    };
    let number = |value: Option<u64>| value.map_or(JsValue::NULL, |v| JsValue::from_f64(v as f64));
    let age = object(&[("verdict", verdict.into()), ("sent", number(link.sent_at)), ("worksUntil", number(works_until))]);
    let code = link.code.as_deref().filter(|_| matches!(link_kind, LinkKind::Reset | LinkKind::SignUp | LinkKind::AddressChange));
    let temporary = link.temporary_password.as_deref().filter(|_| matches!(link_kind, LinkKind::Invitation { .. }));
    let sign_in = link.sign_in_code.as_deref().and_then(sign_in_code).filter(|_| matches!(link_kind, LinkKind::SignIn { .. }));
    let attribute = link.attribute.as_deref().filter(|_| link_kind == LinkKind::AddressChange);
    let account = link.email.as_deref().or(link.username.as_deref()).filter(|_| link.username.is_some());
    Ok(object(&[
        ("kind", kind.into()),
        ("found", link.found.into()),
        ("username", text_or_null(link.username.as_deref())),
        ("email", text_or_null(link.email.as_deref())),
        ("account", text_or_null(account)),
        ("code", text_or_null(code)),
        ("temporaryPassword", text_or_null(temporary)),
        ("signInCode", text_or_null(sign_in.as_deref())),
        ("attribute", text_or_null(attribute)),
        ("language", text_or_null(link.lang.as_deref())),
        ("next", next_address(&config, link.redirect.as_deref()).into()),
        ("age", age),
    ]))
}

/// The live checklist: each rule of the policy, whether it is met, and its words.
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PasswordCheck")]
pub fn check_password(
    #[wasm_bindgen(unchecked_param_type = "PasswordPolicy | undefined")] policy: JsValue,
    password: &str,
    confirm: &str,
    language: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = if policy.is_undefined() || policy.is_null() {
        PasswordPolicy::default()
    } else {
        serde_wasm_bindgen::from_value(policy).map_err(|_| failure("InvalidConfig", "passwordPolicy has a value of the wrong kind.", false))?
    };
    let words = Catalogue::bundled(pick_language(language.as_deref(), None, "en"));
    let rules = Array::new();
    let mut ok = true;
    for (rule, met) in checklist(&policy, password, confirm) {
        ok &= met;
        let n = match rule {
            Rule::MinimumLength(n) => n.to_string(),
            _ => String::new(),
        };
        let text = words.fill(rule_key(rule), &[("n", &n)]);
        rules.push(&object(&[("rule", rule.key().into()), ("met", met.into()), ("text", text.into())]));
    }
    Ok(object(&[("ok", ok.into()), ("rules", rules.into())]))
}
