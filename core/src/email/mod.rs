//! The emails and SMS the trigger writes, checked against Cognito's limits.

mod layout;

/// Cognito's placeholder for the code, filled in after the trigger returns.
pub const CODE_PLACEHOLDER: &str = "{####}";
/// Cognito's placeholder for the username, which an invitation must carry (with the code).
pub const USERNAME_PLACEHOLDER: &str = "{username}";
/// Longest email body Cognito accepts.
pub const MAX_EMAIL_CHARS: usize = 20_000;
/// Longest subject and SMS Cognito accepts.
pub const MAX_SHORT_CHARS: usize = 140;

use std::collections::BTreeMap;

use crate::i18n::{Catalogue, Entries};

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
    /// Reworded sentences of the emails and SMS by language (`words` in `config.json`), taken
    /// by [`Catalogue::reword_messages`].
    pub words: BTreeMap<String, Entries>,
}

impl EmailTexts {
    /// The words of `language` (a shipped one, else English) with this team's rewording.
    pub fn catalogue(&self, language: &str) -> Catalogue {
        let mut catalogue = Catalogue::bundled(language);
        if let Some(reworded) = self.words.get(&catalogue.language) {
            // What cannot be taken was reported when the settings were read.
            let _ = catalogue.reword_messages(reworded);
        }
        catalogue
    }
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
    /// `CustomMessage_Authentication` (a sign-in code, or an emailed MFA code): a link to
    /// `sign-in.html`, with the code also written out for apps that ask for it on their own
    /// screen.
    SignIn,
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
            Kind::SignIn => "signin_email.",
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
            Kind::SignIn => ("sms.signin_link", "sms.signin_code"),
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
    let email_html = match (&texts.template, kind) {
        (Some(template), Kind::Reset) => {
            let product = texts.product.clone().unwrap_or_else(|| words.text("email.product").to_string());
            fill_template(template, link, shown_name, &product)
        }
        _ => layout::builtin_html(kind, link, shown_name, texts, words),
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
        (_, Kind::SignIn) => with_product(kind, "subject", &[], texts.product.as_deref(), words),
        _ => words.text(&kind.key("subject")).to_string(),
    };
    Message { subject, email_html, sms }
}

/// The sentence `part` of `kind` naming the product, or its `_plain` form, which needs none,
/// when there is no product name.
fn with_product(kind: Kind, part: &str, values: &[(&str, &str)], product: Option<&str>, words: &Catalogue) -> String {
    match product {
        Some(product) => words.fill(&kind.key(part), &[values, &[("product", product)][..]].concat()),
        None => words.fill(&kind.key(&[part, "_plain"].concat()), values),
    }
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
mod tests;
