//! The trigger's settings, read once from the environment at start and checked.

use reset_link_core::email::{check_message, render, EmailTexts, Kind, MessageError};
use reset_link_core::i18n::{pick_language, LANGUAGES};
use reset_link_core::link::{build_link, LinkContent, LinkStyle, Secret};

/// Checked settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Address of `reset-password.html`.
    pub reset_page: String,
    /// Address of `confirm.html` (sign-up links); by default beside the reset page.
    pub confirm_page: String,
    /// Address of `welcome.html` (invitations); by default beside the reset page.
    pub welcome_page: String,
    /// Address of `verify.html` (a changed email address or phone number); by default
    /// beside the reset page.
    pub verify_page: String,
    /// Fragment (default) or query.
    pub style: LinkStyle,
    /// Product name, subject and optional template.
    pub texts: EmailTexts,
    /// Whether the link also carries the email, so the page can show it.
    pub include_email: bool,
    /// The language when neither the page nor the user's `locale` names a shipped one.
    pub default_language: &'static str,
    /// The messages rewritten (`MESSAGE_SOURCES`; all by default); the others keep the pool's own.
    pub sources: Vec<Kind>,
    /// Address of `sign-in.html` when sign-in links are on (`SIGN_IN_LINKS=true`), by default
    /// beside the reset page; `None` (the default) leaves the sign-in code email as Cognito's.
    pub sign_in_page: Option<String>,
}

/// Why the settings cannot be used; the trigger then leaves Cognito's default message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// `RESET_PAGE_URL` is not set.
    MissingPage,
    /// `RESET_PAGE_URL` is not an https address (or http on this machine).
    BadPage(String),
    /// `LINK_STYLE` is neither `fragment` nor `query`.
    BadStyle(String),
    /// `EMAIL_SUBJECT` is empty or longer than 140 characters.
    BadSubject,
    /// `EMAIL_WORDS_FILE` is not `words`' shape.
    BadWords(crate::words::WordsError),
    /// `LINK_INCLUDE_EMAIL` is neither `true` nor `false`.
    BadIncludeEmail(String),
    /// `EMAIL_TEMPLATE` lacks `{link}` and `{code}`, or renders a message Cognito refuses.
    BadTemplate(MessageError),
    /// `MESSAGE_SOURCES` names something other than reset, sign-up, invitation, address-change.
    BadSources(String),
    /// `SIGN_IN_LINKS` is neither `true` nor `false`.
    BadSignInLinks(String),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingPage => write!(f, "RESET_PAGE_URL is not set"),
            Self::BadPage(why) => write!(f, "RESET_PAGE_URL is not usable: {why}"),
            Self::BadStyle(got) => write!(f, "LINK_STYLE must be 'fragment' or 'query', not {got:?}"),
            Self::BadSubject => write!(f, "EMAIL_SUBJECT must be 1-140 characters"),
            Self::BadWords(why) => write!(f, "{why}"),
            Self::BadIncludeEmail(got) => write!(f, "LINK_INCLUDE_EMAIL must be 'true' or 'false', not {got:?}"),
            Self::BadSources(got) => write!(f, "MESSAGE_SOURCES lists reset, sign-up, invitation, address-change; not {got:?}"),
            Self::BadSignInLinks(got) => write!(f, "SIGN_IN_LINKS must be 'true' or 'false', not {got:?}"),
            Self::BadTemplate(why) => write!(f, "EMAIL_TEMPLATE is not usable ({why:?}); it needs {{link}} or {{code}} and must stay within Cognito's limits"),
        }
    }
}

impl Settings {
    /// Reads the settings through `var` (the environment in production, a map in tests).
    ///
    /// # Errors
    /// The first unusable setting.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let reset_page = var("RESET_PAGE_URL").filter(|v| !v.trim().is_empty()).ok_or(SettingsError::MissingPage)?;
        check_page(&reset_page)?;
        let confirm_page = match var("CONFIRM_PAGE_URL").filter(|v| !v.trim().is_empty()) {
            Some(page) => page,
            None => beside(&reset_page, "confirm.html"),
        };
        check_page(&confirm_page)?;
        let page_beside = |variable: &str, file: &str| -> Result<String, SettingsError> {
            let page = var(variable).filter(|v| !v.trim().is_empty()).unwrap_or_else(|| beside(&reset_page, file));
            check_page(&page)?;
            Ok(page)
        };
        let welcome_page = page_beside("WELCOME_PAGE_URL", "welcome.html")?;
        let verify_page = page_beside("VERIFY_PAGE_URL", "verify.html")?;
        let style = match var("LINK_STYLE").as_deref().map(str::trim) {
            None | Some("") | Some("fragment") => LinkStyle::Fragment,
            Some("query") => LinkStyle::Query,
            Some(other) => return Err(SettingsError::BadStyle(other.to_string())),
        };
        let subject = var("EMAIL_SUBJECT");
        if subject.as_ref().is_some_and(|s| s.trim().is_empty() || s.chars().count() > 140) {
            return Err(SettingsError::BadSubject);
        }
        // The brand the pages read from config.json's brand (the deploy passes it on), checked
        // by the same rules: a logo path is made absolute against the reset page's site. A part
        // it cannot use is left out (main logs it), never the whole link.
        let (brand, _left_out) = crate::brand::read_brand(&var);
        let texts = EmailTexts {
            product: var("PRODUCT_NAME").filter(|v| !v.trim().is_empty()),
            subject,
            template: var("EMAIL_TEMPLATE").filter(|t| !t.trim().is_empty()),
            colors: brand.colors,
            logo_url: brand.logo.map(|(path, _)| absolute(&reset_page, &path)),
            support: brand.support,
            // A sentence that cannot be taken is left out (main logs it), never the link.
            words: crate::words::read_words(&var).map_err(SettingsError::BadWords)?.0,
        };
        let default_language = pick_language(var("DEFAULT_LANGUAGE").as_deref(), [], "en");
        let include_email = match var("LINK_INCLUDE_EMAIL").as_deref().map(str::trim) {
            None | Some("") | Some("true") => true,
            Some("false") => false,
            Some(other) => return Err(SettingsError::BadIncludeEmail(other.to_string())),
        };
        let sources = read_sources(var("MESSAGE_SOURCES").as_deref())?;
        // Off unless asked: the same source carries emailed MFA codes, which a pool without
        // the sign-in page must keep as Cognito writes them.
        let sign_in_page = match var("SIGN_IN_LINKS").as_deref().map(str::trim) {
            None | Some("") | Some("false") => None,
            Some("true") => Some(page_beside("SIGN_IN_PAGE_URL", "sign-in.html")?),
            Some(other) => return Err(SettingsError::BadSignInLinks(other.to_string())),
        };
        let settings = Settings { reset_page, confirm_page, welcome_page, verify_page, style, texts, include_email, default_language, sources, sign_in_page };
        settings.check_sample()?;
        Ok(settings)
    }

    /// Renders every message the trigger writes (reset, sign-up and invitation, to their
    /// pages) for a long username in every language, so settings that Cognito would refuse
    /// are found at start, not when a person asks for a link.
    fn check_sample(&self) -> Result<(), SettingsError> {
        let long_name = "n".repeat(128);
        let pages = [(Kind::Reset, &self.reset_page, Secret::Code), (Kind::SignUp, &self.confirm_page, Secret::Code),
            (Kind::Invitation, &self.welcome_page, Secret::TemporaryPassword), (Kind::AddressChange, &self.verify_page, Secret::Code)];
        let sign_in = self.sign_in_page.as_ref().map(|page| (Kind::SignIn, page, Secret::SignInCode));
        pages.into_iter().chain(sign_in).try_for_each(|(kind, page, secret)| {
            // The longest time the link can carry until the year 2286.
            let attribute = Some("phone_number");
            let content = LinkContent { code: "{####}", secret, username: &long_name, email: Some(&long_name), sent_at: Some(9_999_999_999), attribute };
            let link = build_link(page, self.style, &content);
            LANGUAGES.iter().try_for_each(|language| {
                let message = render(kind, &self.texts, &link, &long_name, &self.texts.catalogue(language));
                check_message(kind, &message).map_err(SettingsError::BadTemplate)
            })
        })
    }
}

impl Settings {
    /// Whether the trigger rewrites messages of `kind` (a team may keep its own sign-up email;
    /// the sign-in code email only with `SIGN_IN_LINKS=true`).
    #[must_use]
    pub fn rewrites(&self, kind: Kind) -> bool {
        match kind {
            Kind::SignIn => self.sign_in_page.is_some(),
            _ => self.sources.contains(&kind),
        }
    }
}

/// The kinds `MESSAGE_SOURCES` lists (comma-separated); all when unset or empty.
fn read_sources(value: Option<&str>) -> Result<Vec<Kind>, SettingsError> {
    let all = [("reset", Kind::Reset), ("sign-up", Kind::SignUp), ("invitation", Kind::Invitation), ("address-change", Kind::AddressChange)];
    let listed: Vec<&str> = value.unwrap_or("").split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if listed.is_empty() {
        return Ok(all.iter().map(|(_, kind)| *kind).collect());
    }
    listed.into_iter().map(|name| all.iter().find(|(n, _)| *n == name).map(|(_, kind)| *kind).ok_or_else(|| SettingsError::BadSources(name.to_string()))).collect()
}

/// `path` (a path on the pages' site) as an absolute address on `page`'s site, for an email.
fn absolute(page: &str, path: &str) -> String {
    match url::Url::parse(page).and_then(|page| page.join(path)) {
        Ok(address) => address.to_string(),
        Err(_) => path.to_string(),
    }
}

/// The address of `file` in the same folder as `page`.
fn beside(page: &str, file: &str) -> String {
    let without_extras = page.split(['?', '#']).next().unwrap_or(page);
    match without_extras.rfind('/') {
        Some(slash) => [&without_extras[..=slash], file].concat(),
        None => file.to_string(),
    }
}

/// The page must be https, or http on this machine, with no parameters of ours already on it.
fn check_page(page: &str) -> Result<(), SettingsError> {
    let parsed = url::Url::parse(page).map_err(|e| SettingsError::BadPage(e.to_string()))?;
    let local = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1"));
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if local => Ok(()),
        other => Err(SettingsError::BadPage(format!("scheme {other} (use https)"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_vars(|k| map.get(k).cloned())
    }

    #[test]
    fn accepts_https_and_local_http() {
        let s = read(&[("RESET_PAGE_URL", "https://example.com/reset-password.html")]).unwrap();
        assert_eq!(s.style, LinkStyle::Fragment);
        assert!(read(&[("RESET_PAGE_URL", "http://127.0.0.1:8080/reset-password.html"), ("LINK_STYLE", "query")]).is_ok());
    }

    #[test]
    fn the_confirm_and_welcome_pages_sit_beside_the_reset_page_unless_set() {
        let s = read(&[("RESET_PAGE_URL", "https://example.com/account/reset-password.html?x=1")]).unwrap();
        assert_eq!(s.confirm_page, "https://example.com/account/confirm.html");
        assert_eq!(s.welcome_page, "https://example.com/account/welcome.html");
        assert_eq!(s.verify_page, "https://example.com/account/verify.html");
        let set = read(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("CONFIRM_PAGE_URL", "https://e.com/welcome/confirm.html")]).unwrap();
        assert_eq!(set.confirm_page, "https://e.com/welcome/confirm.html");
        assert!(read(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("CONFIRM_PAGE_URL", "http://e.com/c.html")]).is_err());
        assert!(read(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("WELCOME_PAGE_URL", "http://e.com/w.html")]).is_err());
    }

    #[test]
    fn sign_in_links_are_off_unless_asked_and_their_page_sits_beside_the_reset_page() {
        let off = read(&[("RESET_PAGE_URL", "https://e.com/a/reset-password.html"), ("SIGN_IN_PAGE_URL", "https://e.com/s.html")]).unwrap();
        assert_eq!(off.sign_in_page, None);
        assert!(!off.rewrites(Kind::SignIn), "even with MESSAGE_SOURCES unset (all)");
        let on = read(&[("RESET_PAGE_URL", "https://e.com/a/reset-password.html"), ("SIGN_IN_LINKS", "true")]).unwrap();
        assert_eq!(on.sign_in_page.as_deref(), Some("https://e.com/a/sign-in.html"));
        assert!(on.rewrites(Kind::SignIn));
        let set = read(&[("RESET_PAGE_URL", "https://e.com/r.html"), ("SIGN_IN_LINKS", "true"), ("SIGN_IN_PAGE_URL", "https://e.com/login/")]).unwrap();
        assert_eq!(set.sign_in_page.as_deref(), Some("https://e.com/login/"));
        assert_eq!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("SIGN_IN_LINKS", "yes")]), Err(SettingsError::BadSignInLinks("yes".into())));
        assert!(matches!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("SIGN_IN_LINKS", "true"), ("SIGN_IN_PAGE_URL", "http://e.com/s")]), Err(SettingsError::BadPage(_))));
    }

    #[test]
    fn refuses_unusable_settings() {
        assert_eq!(read(&[]), Err(SettingsError::MissingPage));
        assert!(matches!(read(&[("RESET_PAGE_URL", "http://example.com/r")]), Err(SettingsError::BadPage(_))));
        assert!(matches!(read(&[("RESET_PAGE_URL", "not a url")]), Err(SettingsError::BadPage(_))));
        assert!(matches!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("LINK_STYLE", "path")]), Err(SettingsError::BadStyle(_))));
        assert_eq!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("EMAIL_SUBJECT", " ")]), Err(SettingsError::BadSubject));
        assert_eq!(
            read(&[("RESET_PAGE_URL", "https://e.com/"), ("EMAIL_TEMPLATE", "<p>Hi {username}</p>")]),
            Err(SettingsError::BadTemplate(MessageError::NoPlaceholder))
        );
        let huge = format!("{{link}}{}", "x".repeat(20_000));
        assert_eq!(
            read(&[("RESET_PAGE_URL", "https://e.com/"), ("EMAIL_TEMPLATE", &huge)]),
            Err(SettingsError::BadTemplate(MessageError::BodyTooLong))
        );
        assert!(matches!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("LINK_INCLUDE_EMAIL", "yes")]), Err(SettingsError::BadIncludeEmail(_))));
        let custom = read(&[("RESET_PAGE_URL", "https://e.com/"), ("EMAIL_TEMPLATE", "<a href=\"{link}\">Reset</a>")]).unwrap();
        assert!(custom.texts.template.is_some());
        let low = read(&[("RESET_PAGE_URL", "https://e.com/"), ("BRAND_ACCENT", "#ff0"), ("BRAND_ON_ACCENT", "#fff"), ("BRAND_LOGO", "/l.png")]).unwrap();
        assert_eq!((low.texts.colors, low.texts.logo_url.as_deref()), (None, Some("https://e.com/l.png")), "only the colours are left out");
        let elsewhere = read(&[("RESET_PAGE_URL", "https://e.com/"), ("BRAND_LOGO", "https://cdn.example/l.png"), ("BRAND_SUPPORT", "help")]).unwrap();
        assert_eq!((elsewhere.texts.logo_url, elsewhere.texts.support.as_deref()), (None, Some("help")), "only the logo is left out");
    }

    #[test]
    fn message_sources_choose_what_is_rewritten() {
        let all = read(&[("RESET_PAGE_URL", "https://e.com/")]).unwrap();
        assert!([Kind::Reset, Kind::SignUp, Kind::Invitation, Kind::AddressChange].into_iter().all(|k| all.rewrites(k)));
        let some = read(&[("RESET_PAGE_URL", "https://e.com/"), ("MESSAGE_SOURCES", "reset, invitation")]).unwrap();
        assert!(some.rewrites(Kind::Reset) && some.rewrites(Kind::Invitation));
        assert!(!some.rewrites(Kind::SignUp) && !some.rewrites(Kind::AddressChange));
        assert_eq!(read(&[("RESET_PAGE_URL", "https://e.com/"), ("MESSAGE_SOURCES", "reset,signup")]), Err(SettingsError::BadSources("signup".into())));
    }

    #[test]
    fn the_brand_reaches_the_email_settings_with_the_logo_made_absolute() {
        let s = read(&[("RESET_PAGE_URL", "https://reset.acme.example/account/reset-password.html"), ("BRAND_LOGO", "/brand/logo.png"),
            ("BRAND_ACCENT", "#7a1fa2"), ("BRAND_ON_ACCENT", "#fff"), ("BRAND_SUPPORT", "help@acme.example")]).unwrap();
        assert_eq!(s.texts.logo_url.as_deref(), Some("https://reset.acme.example/brand/logo.png"));
        assert_eq!(s.texts.colors, Some(("#7a1fa2".into(), "#fff".into())));
        assert_eq!(s.texts.support.as_deref(), Some("help@acme.example"));
        let relative = read(&[("RESET_PAGE_URL", "https://e.com/a/reset-password.html"), ("BRAND_LOGO", "www/logo.svg")]).unwrap();
        assert_eq!(relative.texts.logo_url.as_deref(), Some("https://e.com/a/www/logo.svg"));
    }
}
