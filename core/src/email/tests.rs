//! The messages' words, escaping and Cognito's limits, and the invitation parsed as HTML
//! with each character Cognito may put into its temporary password.

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

/// The parsed document as its elements (with `dir`, which orders the password) and texts in
/// document order, with `password`'s text put back as `{####}`, so two renderings compare by
/// their structure. (Attributes are left out: a `"` in the password ends the button's `href`,
/// which is what the link cannot carry, checked on its own.)
fn structure(html: &str, password: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    document
        .root_element()
        .descendants()
        .filter_map(|node| match node.value() {
            scraper::Node::Element(element) => Some(format!("<{} dir={:?}>", element.name(), element.attr("dir"))),
            // What a `"` in the password pushes out of the button's `href`, unseen (font size 0).
            scraper::Node::Text(_) if node.parent().and_then(|p| p.value().as_element()).is_some_and(|a| a.name() == "a") => None,
            scraper::Node::Text(text) if &**text == password => Some("{####}".into()),
            scraper::Node::Text(text) => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn an_invitation_keeps_a_temporary_password_of_html_characters_exactly() {
    let link = "https://e.com/welcome.html#user_name=jane&temporary_password={####}";
    let singles = ["<", ">", "\"", "&"];
    let mut passwords: Vec<String> = Vec::new();
    for a in singles {
        passwords.push(a.into());
        for b in singles {
            passwords.push([a, b].concat());
            for c in singles {
                passwords.push([a, b, c].concat());
            }
        }
    }
    // As Cognito generates them: the characters among letters, digits and other symbols.
    passwords.extend(["Tmp<1>\"2&3", "9&<>\"x", "Ab1<=>#%&.", "x\"<9", ">.<", "a & b", "&&\"\"<<>>"].map(String::from));
    for language in crate::i18n::LANGUAGES {
        let message = render(Kind::Invitation, &EmailTexts::default(), link, "jane@e.com", &Catalogue::bundled(language));
        let expected = structure(&message.email_html.replace(CODE_PLACEHOLDER, "Tmp-pass-6"), "Tmp-pass-6");
        assert_eq!(expected.iter().filter(|part| *part == "{####}").count(), 1, "{language}: the password stands alone in one element");
        for password in &passwords {
            // Cognito fills the placeholder with a plain string replace, unescaped.
            let sent = message.email_html.replace(CODE_PLACEHOLDER, password);
            assert_eq!(structure(&sent, password), expected, "{language}: {password:?}");
            let document = scraper::Html::parse_document(&sent);
            let spans = scraper::Selector::parse(r#"span[dir="ltr"]"#).unwrap();
            let shown: Vec<String> = document.select(&spans).map(|span| span.text().collect()).collect();
            assert_eq!(shown, ["{username}", password.as_str()], "{language}: the password reads exactly, left to right");
            let button = document.select(&scraper::Selector::parse("a").unwrap()).next().unwrap();
            let href = button.attr("href").unwrap();
            let words: String = button.select(&scraper::Selector::parse("span").unwrap()).flat_map(|span| span.text()).collect();
            assert_eq!(words, Catalogue::bundled(language).text("invite.button"), "{language}: {password:?} leaves the button's words");
            if password.contains('"') {
                assert!(href.starts_with("https://e.com/welcome.html#user_name=jane&temporary_password="), "{language}: the button still links to the page: {href}");
            } else {
                assert_eq!(href, link.replace(CODE_PLACEHOLDER, password), "{language}: the link carries {password:?}");
            }
        }
    }
}

#[test]
fn an_invitation_puts_nothing_after_the_password_and_does_not_repeat_the_link_as_text() {
    let link = "https://e.com/welcome.html#user_name=jane&temporary_password={####}";
    for language in crate::i18n::LANGUAGES {
        let message = render(Kind::Invitation, &EmailTexts::default(), link, "jane@e.com", &Catalogue::bundled(language));
        let html = &message.email_html;
        assert!(html.contains(&format!(">{CODE_PLACEHOLDER}</span></p>")), "{language}: the password ends its element");
        assert_eq!(html.matches(CODE_PLACEHOLDER).count(), 2, "{language}: once in the button's href, once on its own line");
        let sms = &message.sms;
        assert!(!sms.contains(CODE_PLACEHOLDER) || sms.ends_with(CODE_PLACEHOLDER), "{language}: nothing after the password in the SMS: {sms}");
        let by_code = crate::i18n::Catalogue::bundled(language).text("sms.invite_code").to_string();
        assert!(by_code.ends_with("{code}"), "{language}: {by_code}");
    }
}

#[test]
fn without_a_product_name_the_emails_read_naturally_in_every_language() {
    for language in crate::i18n::LANGUAGES {
        let words = Catalogue::bundled(language);
        for kind in [Kind::Reset, Kind::SignUp, Kind::Invitation, Kind::AddressChange] {
            let message = render(kind, &EmailTexts::default(), LINK, "jane@example.com", &words);
            let intro = escape_html(&words.fill(&kind.key("intro_plain"), &[("name", "jane@example.com")]));
            assert!(message.email_html.contains(&intro) && !intro.contains('{'), "{language} {kind:?}: {intro}");
        }
    }
    let english = render(Kind::Invitation, &EmailTexts::default(), LINK, "jane@e.com", &Catalogue::english());
    assert!(english.email_html.contains("An account is ready for jane@e.com."), "{}", english.email_html);
    let named = EmailTexts { product: Some("Acme".into()), ..EmailTexts::default() };
    assert!(render(Kind::Invitation, &named, LINK, "jane@e.com", &Catalogue::english()).email_html.contains("An account on Acme is ready for jane@e.com."));
}

#[test]
fn the_german_and_spanish_emails_address_the_reader_formally() {
    let informal = [("de", [" du ", " dein", " dich", " dir ", "klicke ", "drücke ", "Du ", "Dein"]), ("es", [" tu ", " te ", "Te ", "Tu ", "pulsa ", "copia ", "Restablece ", "Confirma "])];
    for (language, words) in informal {
        for kind in [Kind::Reset, Kind::SignUp, Kind::Invitation, Kind::AddressChange] {
            let brand = EmailTexts { support: Some("help@acme.example".into()), ..EmailTexts::default() };
            let message = render(kind, &brand, LINK, "jane@example.com", &Catalogue::bundled(language));
            let code_sms = Catalogue::bundled(language).text(kind.sms_keys().1).to_string();
            for text in [&message.subject, &message.email_html, &message.sms, &code_sms] {
                assert!(!words.iter().any(|word| text.contains(word)), "{language} {kind:?}: {text}");
            }
        }
    }
}

#[test]
fn a_sign_in_message_names_the_product_or_needs_none_and_writes_the_code_out() {
    let link = "https://e.com/sign-in.html#sign_in_code={####}&user_name=o%27brien";
    for language in crate::i18n::LANGUAGES {
        let words = Catalogue::bundled(language);
        for product in [None, Some("Acme")] {
            let texts = EmailTexts { product: product.map(str::to_string), ..EmailTexts::default() };
            let message = render(Kind::SignIn, &texts, link, "o'brien<b>", &words);
            assert_eq!(check_message(Kind::SignIn, &message), Ok(()), "{language}");
            assert_eq!(message.subject.contains("Acme"), product.is_some(), "{language}: {}", message.subject);
            assert!(message.email_html.contains("o&#39;brien&lt;b&gt;"), "{language}");
            assert!(message.email_html.contains(&format!("{CODE_PLACEHOLDER}</span>")), "{language}: the code on its own line");
        }
    }
    let english = render(Kind::SignIn, &EmailTexts { product: Some("Acme".into()), ..EmailTexts::default() }, link, "jo", &Catalogue::english());
    assert_eq!(english.subject, "Sign in to Acme");
    assert!(english.email_html.contains(">Sign in to Acme</h1>") && english.email_html.contains("Sign me in"));
    assert_eq!(english.sms, format!("Sign in: {link}"));
}
