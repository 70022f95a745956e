//! The built-in email layout: inline styles, one button, the link again as text, the code as a
//! fallback; the brand's logo, colours and support contact when set. An invitation shows its
//! username and temporary password each alone in its own element instead of the link as text,
//! because Cognito writes both into the HTML as they are, unescaped.

use super::{escape_html, with_product, EmailTexts, Kind, COGNITO_PLACEHOLDERS, CODE_PLACEHOLDER, USERNAME_PLACEHOLDER};
use crate::i18n::Catalogue;

/// The style of a small label above a credential.
const LABEL: &str = "margin:0 0 4px;font-size:13px;line-height:1.5;color:#57606a";
/// The style of a credential's own line.
const CREDENTIAL: &str = "margin:0 0 12px;font-size:16px;line-height:1.5";
/// The style of the credential itself: monospace, so `l`, `1` and `I` differ.
const MONO: &str = "font-family:Consolas,Menlo,monospace";

/// The built-in layout of a message of `kind`, in `words`' language.
pub(super) fn builtin_html(kind: Kind, link: &str, shown_name: &str, brand: &EmailTexts, words: &Catalogue) -> String {
    let (accent, on_accent) = brand.colors.as_ref().map_or(("#0b57d0", "#ffffff"), |(a, b)| (a.as_str(), b.as_str()));
    let (accent, on_accent) = (escape_html(accent), escape_html(on_accent));
    let product = brand.product.as_deref();
    let logo = brand.logo_url.as_ref().map_or(String::new(), |url| {
        format!(r#"<img src="{}" alt="{}" height="40" style="display:block;height:40px;margin:0 0 16px;border:0">"#, escape_html(url), escape_html(product.unwrap_or("")))
    });
    let support = brand.support.as_ref().map_or(String::new(), |contact| {
        let line = escape_html(&words.fill("email.support", &[("contact", contact)]));
        format!(r#"<p style="margin:16px 0 0;font-size:14px;line-height:1.5;color:#57606a">{line}</p>"#)
    });
    let text = |part: &str| escape_html(words.text(&kind.key(part)));
    let (button, ignore) = (text("button"), text("ignore"));
    let heading = match kind {
        Kind::SignIn => escape_html(&with_product(kind, "heading", &[], product, words)),
        _ => text("heading"),
    };
    let intro = escape_html(&with_product(kind, "intro", &[("name", shown_name)], product, words));
    // `href` comes last and the button's words sit in a span of their own, over an anchor of
    // font size 0: a `"` in an invitation's password ends the `href` early, and whatever of the
    // password follows a `>` after it becomes text inside the anchor, where it is not seen.
    let href = escape_html(link);
    let after_button = match kind {
        Kind::Invitation => credentials(words),
        _ => {
            let code = if kind == Kind::SignIn { written_code(words) } else { String::new() };
            let fallback = escape_html(words.text("email.fallback"));
            let expiry = escape_html(&words.fill(&kind.key("expiry"), &COGNITO_PLACEHOLDERS));
            format!(
                r#"{code}<p style="margin:0 0 8px;font-size:14px;line-height:1.5">{fallback}</p>
<p style="margin:0 0 16px;font-size:13px;word-break:break-all"><a href="{href}" style="color:{accent}">{href}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5">{expiry}</p>"#
            )
        }
    };
    let (lang, dir) = (escape_html(&words.language), if words.is_rtl() { "rtl" } else { "ltr" });
    format!(
        r#"<!doctype html><html lang="{lang}" dir="{dir}"><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px">
<tr><td style="padding:32px 28px">
{logo}<h1 style="margin:0 0 16px;font-size:22px">{heading}</h1>
<p style="margin:0 0 16px;font-size:16px;line-height:1.5">{intro}</p>
<p style="margin:0 0 24px"><a style="display:inline-block;padding:12px 24px;background:{accent};color:{on_accent};text-decoration:none;border-radius:6px;font-size:0" href="{href}"><span style="font-size:16px;font-weight:bold">{button}</span></a></p>
{after_button}
<p style="margin:0;font-size:14px;line-height:1.5;color:#57606a">{ignore}</p>{support}
</td></tr></table></body></html>"#
    )
}

/// A sign-in message's code, in large type on a line of its own: the same email serves apps
/// that ask for the code on their own screen (an emailed MFA code) and people who cannot use
/// the link in the browser that asked.
fn written_code(words: &Catalogue) -> String {
    let label = escape_html(words.text("signin_email.code"));
    format!(
        r#"<p style="{LABEL}">{label}</p>
<p style="margin:0 0 16px;font-size:28px;line-height:1.3;font-weight:bold;letter-spacing:4px"><span dir="ltr" style="{MONO}">{CODE_PLACEHOLDER}</span></p>
"#
    )
}

/// An invitation's way in without the button: the username and the temporary password, each
/// alone in its own element with nothing after it. Cognito puts them into the HTML unescaped,
/// so no sentence may run on after them (a `.` would read as part of the password), and the
/// link is not repeated as text, where its password would sit in running text too. `dir="ltr"`
/// keeps a password of symbols in its order inside a right-to-left email.
fn credentials(words: &Catalogue) -> String {
    let how = escape_html(words.text("invite.expiry"));
    let (username, password) = (escape_html(words.text("invite.username")), escape_html(words.text("invite.password")));
    format!(
        r#"<p style="margin:0 0 12px;font-size:14px;line-height:1.5">{how}</p>
<p style="{LABEL}">{username}</p>
<p style="{CREDENTIAL}"><span dir="ltr" style="{MONO}">{USERNAME_PLACEHOLDER}</span></p>
<p style="{LABEL}">{password}</p>
<p style="{CREDENTIAL};margin-bottom:16px"><span dir="ltr" style="{MONO}">{CODE_PLACEHOLDER}</span></p>"#
    )
}
