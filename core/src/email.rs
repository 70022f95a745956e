//! The reset email and SMS the trigger writes, checked against Cognito's limits.


/// Cognito's placeholder for the code, filled in after the trigger returns.
pub const CODE_PLACEHOLDER: &str = "{####}";
/// Cognito's placeholder for the username, which an invitation must carry (with the code).
pub const USERNAME_PLACEHOLDER: &str = "{username}";
/// Longest email body Cognito accepts.
pub const MAX_EMAIL_CHARS: usize = 20_000;
/// Longest subject and SMS Cognito accepts.
pub const MAX_SHORT_CHARS: usize = 140;

use crate::i18n::Catalogue;

/// What a team can set without touching the layout; unset texts come from the catalogue of
/// the person's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmailTexts {
    /// The product or site name, shown in the body.
    pub product: Option<String>,
    /// The subject line, in every language.
    pub subject: Option<String>,
    /// A team's own HTML body with `{link}`, `{code}`, `{username}` and `{product}`
    /// placeholders, filled in with escaping; `None` uses the built-in layout.
    pub template: Option<String>,
    /// The brand's colours for the button (accent, text on it), checked for contrast.
    pub colors: Option<(String, String)>,
    /// An absolute https address of the logo, shown above the heading.
    pub logo_url: Option<String>,
    /// Whom to ask for help, shown at the end.
    pub support: Option<String>,
}

/// Which message: the password reset, the sign-up confirmation or an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `CustomMessage_ForgotPassword`: a link to `reset-password.html`.
    Reset,
    /// `CustomMessage_SignUp` and `_ResendCode`: a link to `confirm.html`.
    SignUp,
    /// `CustomMessage_AdminCreateUser`: a link to `welcome.html` carrying the temporary
    /// password; the message also shows `{username}` and `{####}`, as Cognito requires.
    Invitation,
    /// `CustomMessage_UpdateUserAttribute` and `_VerifyUserAttribute`: a link to
    /// `verify.html` confirming a changed email address or phone number.
    AddressChange,
}

impl Kind {
    /// The catalogue key of `part` (`subject`, `heading`, `intro`, `button`, `expiry`,
    /// `ignore`) for this kind of message.
    fn key(self, part: &str) -> String {
        let prefix = match self {
            Kind::Reset => "email.",
            Kind::SignUp => "signup.",
            Kind::Invitation => "invite.",
            Kind::AddressChange => "change.",
        };
        [prefix, part].concat()
    }

    /// The catalogue keys of the SMS with the link and with the code.
    fn sms_keys(self) -> (&'static str, &'static str) {
        match self {
            Kind::Reset => ("sms.link", "sms.code"),
            Kind::SignUp => ("sms.confirm_link", "sms.confirm_code"),
            Kind::Invitation => ("sms.invite_link", "sms.invite_code"),
            Kind::AddressChange => ("sms.change_link", "sms.change_code"),
        }
    }
}

/// The placeholders Cognito leaves for itself: filled with themselves, so they survive.
const COGNITO_PLACEHOLDERS: [(&str, &str); 2] = [("code", CODE_PLACEHOLDER), ("username", USERNAME_PLACEHOLDER)];

/// A rendered message, ready to put in the trigger's `response`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// `emailSubject`.
    pub subject: String,
    /// `emailMessage` (HTML).
    pub email_html: String,
    /// `smsMessage`.
    pub sms: String,
}

/// Why a rendered message would be refused by Cognito.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessageError {
    /// The body lacks `{####}`.
    NoPlaceholder,
    /// The body is longer than 20,000 characters.
    BodyTooLong,
    /// The subject is empty or longer than 140 characters.
    SubjectLength,
    /// The SMS is longer than 140 characters or lacks `{####}`.
    Sms,
    /// An invitation's email or SMS lacks `{username}`.
    NoUsername,
    /// A character outside Cognito's pattern (letters, marks, symbols, numbers, punctuation,
    /// white space).
    ForbiddenCharacter,
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders the reset email and SMS in the catalogue's language. `link` holds the `{####}`
/// placeholder; `shown_name` is what the person will recognise (their email, or username).
pub fn render_reset(texts: &EmailTexts, link: &str, shown_name: &str, words: &Catalogue) -> Message {
    render(Kind::Reset, texts, link, shown_name, words)
}

/// Renders a message of either kind; a team template and subject apply to the reset only.
pub fn render(kind: Kind, texts: &EmailTexts, link: &str, shown_name: &str, words: &Catalogue) -> Message {
    let product = texts.product.clone().unwrap_or_else(|| words.text("email.product").to_string());
    let email_html = match (&texts.template, kind) {
        (Some(template), Kind::Reset) => fill_template(template, link, shown_name, &product),
        _ => builtin_html(kind, link, shown_name, &product, texts, words),
    };
    let (sms_link_key, sms_code_key) = kind.sms_keys();
    let sms_link = words.fill(sms_link_key, &[("link", link), COGNITO_PLACEHOLDERS[1]]);
    let sms = if sms_link.chars().count() <= MAX_SHORT_CHARS {
        sms_link
    } else {
        words.fill(sms_code_key, &COGNITO_PLACEHOLDERS)
    };
    let subject = match (&texts.subject, kind) {
        (Some(subject), Kind::Reset) => subject.clone(),
        _ => words.text(&kind.key("subject")).to_string(),
    };
    Message { subject, email_html, sms }
}

/// Fills a team's template in one pass, so a value that looks like a placeholder stays text.
pub fn fill_template(template: &str, link: &str, shown_name: &str, product: &str) -> String {
    let mut out = String::with_capacity(template.len() + link.len() * 2);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let filled = [("{link}", escape_html(link)), ("{code}", CODE_PLACEHOLDER.to_string()),
            ("{username}", escape_html(shown_name)), ("{product}", escape_html(product))]
            .into_iter()
            .find(|(name, _)| tail.starts_with(name));
        match filled {
            Some((name, value)) => {
                out.push_str(&value);
                rest = &tail[name.len()..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The built-in layout: inline styles, one button, the link as text, the code as a fallback;
/// the brand's logo, colours and support contact when set.
fn builtin_html(kind: Kind, link: &str, shown_name: &str, product: &str, brand: &EmailTexts, words: &Catalogue) -> String {
    let (accent, on_accent) = brand.colors.as_ref().map_or(("#0b57d0", "#ffffff"), |(a, b)| (a.as_str(), b.as_str()));
    let (accent, on_accent) = (escape_html(accent), escape_html(on_accent));
    let logo = brand.logo_url.as_ref().map_or(String::new(), |url| {
        format!(r#"<img src="{}" alt="{}" height="40" style="display:block;height:40px;margin:0 0 16px;border:0">"#, escape_html(url), escape_html(product))
    });
    let support = brand.support.as_ref().map_or(String::new(), |contact| {
        let line = escape_html(&words.fill("brand.support", &[("contact", contact)]));
        format!(r#"<p style="margin:16px 0 0;font-size:14px;line-height:1.5;color:#57606a">{line}</p>"#)
    });
    let text = |part: &str| escape_html(words.text(&kind.key(part)));
    let intro = escape_html(&words.fill(&kind.key("intro"), &[("name", shown_name), ("product", product)]));
    let expiry = escape_html(&words.fill(&kind.key("expiry"), &COGNITO_PLACEHOLDERS));
    let (heading, button, ignore) = (text("heading"), text("button"), text("ignore"));
    let fallback = escape_html(words.text("email.fallback"));
    let href = escape_html(link);
    let (lang, dir) = (escape_html(&words.language), if words.is_rtl() { "rtl" } else { "ltr" });
    format!(
        r#"<!doctype html><html lang="{lang}" dir="{dir}"><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px">
<tr><td style="padding:32px 28px">
{logo}<h1 style="margin:0 0 16px;font-size:22px">{heading}</h1>
<p style="margin:0 0 16px;font-size:16px;line-height:1.5">{intro}</p>
<p style="margin:0 0 24px"><a href="{href}" style="display:inline-block;padding:12px 24px;background:{accent};color:{on_accent};text-decoration:none;border-radius:6px;font-size:16px;font-weight:bold">{button}</a></p>
<p style="margin:0 0 8px;font-size:14px;line-height:1.5">{fallback}</p>
<p style="margin:0 0 16px;font-size:13px;word-break:break-all"><a href="{href}" style="color:{accent}">{href}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5">{expiry}</p>
<p style="margin:0;font-size:14px;line-height:1.5;color:#57606a">{ignore}</p>{support}
</td></tr></table></body></html>"#
    )
}

/// Checks a message of `kind` against Cognito's constraints, so a bad one is never handed
/// back.
///
/// # Errors
/// The first constraint the message breaks.
pub fn check_message(kind: Kind, message: &Message) -> Result<(), MessageError> {
    if !message.email_html.contains(CODE_PLACEHOLDER) {
        return Err(MessageError::NoPlaceholder);
    }
    if kind == Kind::Invitation && !(message.email_html.contains(USERNAME_PLACEHOLDER) && message.sms.contains(USERNAME_PLACEHOLDER)) {
        return Err(MessageError::NoUsername);
    }
    if message.email_html.chars().count() > MAX_EMAIL_CHARS {
        return Err(MessageError::BodyTooLong);
    }
    let subject_chars = message.subject.chars().count();
    if subject_chars == 0 || subject_chars > MAX_SHORT_CHARS {
        return Err(MessageError::SubjectLength);
    }
    if message.sms.chars().count() > MAX_SHORT_CHARS || !message.sms.contains(CODE_PLACEHOLDER) {
        return Err(MessageError::Sms);
    }
    let all = [&message.email_html, &message.subject, &message.sms];
    if all.iter().any(|text| text.chars().any(is_forbidden)) {
        return Err(MessageError::ForbiddenCharacter);
    }
    Ok(())
}

/// Control and invisible format characters, which Cognito's pattern does not allow.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://example.com/reset-password.html#confirmation_code={####}&user_name=a%26b";

    #[test]
    fn escapes_user_data_and_keeps_the_placeholder() {
        let message = render_reset(&EmailTexts::default(), LINK, "o'brien&co<script>", &Catalogue::english());
        assert!(message.email_html.contains("o&#39;brien&amp;co&lt;script&gt;"));
        assert!(!message.email_html.contains("<script>"));
        assert!(message.email_html.contains("href=\"https://example.com/reset-password.html#confirmation_code={####}&amp;user_name=a%26b\""));
        assert_eq!(check_message(Kind::Reset, &message), Ok(()));
    }

    #[test]
    fn a_team_template_is_filled_and_escaped_in_one_pass() {
        let texts = EmailTexts {
            template: Some("<p>{product}: <a href=\"{link}\">reset</a> for {username}, code {code} {other}</p>".into()),
            product: Some("Acme & Co".into()),
            ..EmailTexts::default()
        };
        let message = render_reset(&texts, LINK, "{product}<b>", &Catalogue::english());
        assert_eq!(
            message.email_html,
            "<p>Acme &amp; Co: <a href=\"https://example.com/reset-password.html#confirmation_code={####}&amp;user_name=a%26b\">reset</a> for {product}&lt;b&gt;, code {####} {other}</p>"
        );
        assert_eq!(check_message(Kind::Reset, &message), Ok(()));
    }

    #[test]
    fn every_language_stays_within_cognitos_limits() {
        let long_name = "n".repeat(128);
        let long_link = format!("https://reset.example.com/reset-password.html#confirmation_code={{####}}&user_name={long_name}&email={long_name}");
        for language in crate::i18n::LANGUAGES {
            let words = Catalogue::bundled(language);
            let message = render_reset(&EmailTexts::default(), &long_link, &long_name, &words);
            assert_eq!(check_message(Kind::Reset, &message), Ok(()), "{language}");
            assert!(message.email_html.contains(&format!("lang=\"{language}\"")));
        }
        let german = render_reset(&EmailTexts::default(), LINK, "jane@example.com", &Catalogue::bundled("de"));
        assert_eq!(german.subject, "Passwort zurücksetzen");
        assert!(german.email_html.contains("Neues Passwort wählen"));
        assert!(german.sms.starts_with("Passwort zurücksetzen: https://"));
    }

    #[test]
    fn sign_up_messages_use_their_own_words_and_limits() {
        let texts = EmailTexts { subject: Some("Team subject".into()), template: Some("{link}".into()), ..EmailTexts::default() };
        let link = "https://e.com/confirm.html#confirmation_code={####}&user_name=o%27brien";
        let message = render(Kind::SignUp, &texts, link, "o'brien<b>", &Catalogue::english());
        assert_eq!(message.subject, "Confirm your account");
        assert!(message.email_html.contains("Confirm my account") && message.email_html.contains("o&#39;brien&lt;b&gt;"));
        assert!(message.sms.starts_with("Confirm your account: https://e.com/confirm.html"));
        assert_eq!(check_message(Kind::SignUp, &message), Ok(()));
    }

    #[test]
    fn sms_falls_back_to_the_code_when_the_link_is_long() {
        let short = render_reset(&EmailTexts::default(), "https://x.io/r#confirmation_code={####}&user_name=b", "b", &Catalogue::english());
        assert!(short.sms.contains("https://x.io/r"));
        let long_link = format!("{LINK}{}", "%2B".repeat(30));
        let long = render_reset(&EmailTexts::default(), &long_link, "b", &Catalogue::english());
        assert_eq!(long.sms, "Your password reset code is {####}. It works for one hour.");
        assert_eq!(check_message(Kind::Reset, &long), Ok(()));
    }

    #[test]
    fn refuses_what_cognito_would_refuse() {
        let good = render_reset(&EmailTexts::default(), LINK, "b", &Catalogue::english());
        let mut no_code = good.clone();
        no_code.email_html = no_code.email_html.replace(CODE_PLACEHOLDER, "");
        assert_eq!(check_message(Kind::Reset, &no_code), Err(MessageError::NoPlaceholder));
        let mut long = good.clone();
        long.email_html.push_str(&"x".repeat(MAX_EMAIL_CHARS));
        assert_eq!(check_message(Kind::Reset, &long), Err(MessageError::BodyTooLong));
        let mut subject = good.clone();
        subject.subject = "s".repeat(141);
        assert_eq!(check_message(Kind::Reset, &subject), Err(MessageError::SubjectLength));
        let mut control = good;
        control.subject = "Reset\u{0007}".into();
        assert_eq!(check_message(Kind::Reset, &control), Err(MessageError::ForbiddenCharacter));
    }

    #[test]
    fn an_invitation_carries_the_username_and_temporary_password_cognito_requires() {
        let long_name = "n".repeat(128);
        let link = format!("https://e.com/welcome.html#user_name={long_name}&email={long_name}&sent=9999999999&temporary_password={{####}}");
        for language in crate::i18n::LANGUAGES {
            let message = render(Kind::Invitation, &EmailTexts::default(), &link, &long_name, &Catalogue::bundled(language));
            assert_eq!(check_message(Kind::Invitation, &message), Ok(()), "{language}");
            assert!(message.email_html.contains(USERNAME_PLACEHOLDER) && message.sms.contains(USERNAME_PLACEHOLDER), "{language}");
        }
        let english = render(Kind::Invitation, &EmailTexts::default(), "https://e.com/w#temporary_password={####}", "jane@e.com", &Catalogue::english());
        assert_eq!(english.subject, "You're invited: set your password");
        assert!(english.sms.contains("https://e.com/w#temporary_password={####}"), "a short link fits the SMS: {}", english.sms);
        let mut without = english.clone();
        without.email_html = without.email_html.replace(USERNAME_PLACEHOLDER, "jane");
        assert_eq!(check_message(Kind::Invitation, &without), Err(MessageError::NoUsername));
        assert_eq!(check_message(Kind::Reset, &without), Ok(()), "only an invitation needs it");
    }

    #[test]
    fn the_brand_colours_logo_and_support_reach_the_email() {
        let brand = EmailTexts {
            product: Some("Acme & Co".into()),
            colors: Some(("#7a1fa2".into(), "#ffffff".into())),
            logo_url: Some("https://acme.example/brand/logo.png?v=1&x=\"".into()),
            support: Some("help@acme.example".into()),
            ..EmailTexts::default()
        };
        let message = render_reset(&brand, LINK, "jane@example.com", &Catalogue::english());
        let html = &message.email_html;
        assert!(html.contains("background:#7a1fa2;color:#ffffff"), "{html}");
        assert!(html.contains(r#"<img src="https://acme.example/brand/logo.png?v=1&amp;x=&quot;" alt="Acme &amp; Co""#), "{html}");
        assert!(html.contains("Need help? Contact help@acme.example."));
        assert_eq!(check_message(Kind::Reset, &message), Ok(()));
        let plain = render_reset(&EmailTexts::default(), LINK, "jane@example.com", &Catalogue::english());
        assert!(plain.email_html.contains("background:#0b57d0") && !plain.email_html.contains("<img") && !plain.email_html.contains("Need help"));
    }
}
