//! The reset link: built by the trigger, read by the page. One module for both ends, so the
//! two can never disagree about names or encoding.
//!
//! ```
//! use reset_link_core::link::{build_link, parse_link, LinkContent, LinkStyle, Secret};
//! let content = LinkContent { code: "123456", secret: Secret::Code, username: "jane+1@example.com", email: None, sent_at: Some(1_764_860_000), attribute: None };
//! let link = build_link("https://example.com/reset-password.html", LinkStyle::Fragment, &content);
//! assert_eq!(link, "https://example.com/reset-password.html#confirmation_code=123456&user_name=jane%2B1%40example.com&sent=1764860000");
//! let (_, fragment) = link.split_once('#').unwrap();
//! let params = parse_link("", fragment);
//! assert_eq!(params.username.as_deref(), Some("jane+1@example.com"));
//! assert_eq!(params.sent_at, Some(1_764_860_000));
//! ```

/// Name of the code parameter (the name the widely shared version of this recipe uses).
pub const CODE_PARAM: &str = "confirmation_code";
/// Name of the username parameter.
pub const USERNAME_PARAM: &str = "user_name";
/// Other names accepted for the code, from hand-written links.
const CODE_ALIASES: [&str; 2] = ["code", "confirmationCode"];
/// Other names accepted for the username, from hand-written links.
const USERNAME_ALIASES: [&str; 2] = ["username", "userName"];
/// Name of the optional email shown to the person (the username may be an opaque id).
pub const EMAIL_PARAM: &str = "email";
/// Name of an invitation's temporary password. Always the last parameter, read raw to the
/// end of the fragment: Cognito fills `{####}` in after the trigger, without encoding, and a
/// generated temporary password may hold `&`, `=`, `+`, `%` or `#`.
pub const TEMPORARY_PASSWORD_PARAM: &str = "temporary_password";
/// Name of a sign-in code (`EMAIL_OTP`), in sign-in links. Apart from `confirmation_code`, so
/// that no other page takes a code that signs in for one of its own.
pub const SIGN_IN_CODE_PARAM: &str = "sign_in_code";
/// Name of the attribute a code confirms (`email` or `phone_number`), in address-change links.
pub const ATTRIBUTE_PARAM: &str = "attribute";
/// Name of the time the trigger wrote the email (Unix seconds): not a secret, it only lets
/// the page say how long the link still works (see [`crate::age`]).
pub const SENT_PARAM: &str = "sent";
/// Longest code Cognito accepts (`ConfirmationCode` is 1-2048 characters).
pub const MAX_CODE_CHARS: usize = 2048;
/// Longest username Cognito accepts.
pub const MAX_USERNAME_CHARS: usize = 128;

/// Where the link carries its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkStyle {
    /// After `#`: never sent to the server, its logs, proxies or mail scanners (the default).
    #[default]
    Fragment,
    /// After `?`: for people who need the server to see them.
    Query,
}

/// What the secret in a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Secret {
    /// A numeric code (reset, sign-up, address change): `confirmation_code=`, first.
    #[default]
    Code,
    /// An invitation's temporary password: `temporary_password=`, last, always in the
    /// fragment (a `#` in it would end a query).
    TemporaryPassword,
    /// A sign-in code (`CustomMessage_Authentication`): `sign_in_code=`, first.
    SignInCode,
}

/// What a link carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkContent<'a> {
    /// The code, or Cognito's `{####}` placeholder.
    pub code: &'a str,
    /// What the code is.
    pub secret: Secret,
    /// The pool username the code belongs to.
    pub username: &'a str,
    /// The email shown to the person, who may not recognise an opaque username. Only a
    /// hint: anyone holding the link can change it (the page trusts Cognito's answer).
    pub email: Option<&'a str>,
    /// When the email was written (Unix seconds), so the page knows the link's age.
    pub sent_at: Option<u64>,
    /// The attribute the code confirms, for an address change.
    pub attribute: Option<&'a str>,
}

/// Builds the link for an email or SMS.
///
/// The code is put in verbatim so that Cognito's `{####}` placeholder survives; the username
/// and the optional email are percent-encoded (`+` becomes `%2B`, so it cannot turn into a
/// space). Parameters already on `page` in the chosen part are kept.
pub fn build_link(page: &str, style: LinkStyle, content: &LinkContent) -> String {
    let LinkContent { code, secret, username, email, sent_at, attribute } = *content;
    let style = if secret == Secret::TemporaryPassword { LinkStyle::Fragment } else { style };
    let (page, existing_fragment) = match page.split_once('#') {
        Some((base, fragment)) => (base, fragment),
        None => (page, ""),
    };
    let encode = |value: &str| form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>();
    let mut params = match secret {
        Secret::Code => format!("{CODE_PARAM}={code}&"),
        Secret::SignInCode => format!("{SIGN_IN_CODE_PARAM}={code}&"),
        Secret::TemporaryPassword => String::new(),
    };
    params.push_str(&format!("{USERNAME_PARAM}={}", encode(username)));
    if let Some(email) = email.filter(|e| !e.is_empty() && *e != username) {
        params.push_str(&format!("&{EMAIL_PARAM}={}", encode(email)));
    }
    if let Some(attribute) = attribute {
        params.push_str(&format!("&{ATTRIBUTE_PARAM}={}", encode(attribute)));
    }
    if let Some(sent_at) = sent_at {
        params.push_str(&format!("&{SENT_PARAM}={sent_at}"));
    }
    if secret == Secret::TemporaryPassword {
        params.push_str(&format!("&{TEMPORARY_PASSWORD_PARAM}={code}"));
    }
    match style {
        LinkStyle::Fragment if existing_fragment.is_empty() => format!("{page}#{params}"),
        LinkStyle::Fragment => format!("{page}#{existing_fragment}&{params}"),
        LinkStyle::Query => {
            let joiner = if page.contains('?') { "&" } else { "?" };
            format!("{page}{joiner}{params}")
        }
    }
}

/// What the page found in its address. Either part may be missing: the page then asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkParams {
    /// The confirmation code, trimmed; `None` when absent, empty or unusable.
    pub code: Option<String>,
    /// A sign-in code, trimmed, by the same rules as `code` (kept apart from it).
    pub sign_in_code: Option<String>,
    /// An invitation's temporary password, exactly as Cognito wrote it.
    pub temporary_password: Option<String>,
    /// The username, with a `+` that a naive link turned into a space restored.
    pub username: Option<String>,
    /// The email to show the person, when the link carries one.
    pub email: Option<String>,
    /// Where the app asked to go after sign-in (checked against the allow-list before use).
    pub redirect: Option<String>,
    /// When the trigger wrote the email (Unix seconds), when the link says.
    pub sent_at: Option<u64>,
    /// The attribute the code confirms (`email` or `phone_number`), for an address change.
    pub attribute: Option<String>,
    /// The language the link asks for (`lang=`).
    pub lang: Option<String>,
    /// Whether the address held any of our parameters (so the page should scrub it).
    pub found: bool,
}

/// Reads the parameters from the query (`search`, with or without `?`) and the fragment
/// (`hash`, with or without `#`); a value in the fragment wins over one in the query.
pub fn parse_link(search: &str, hash: &str) -> LinkParams {
    let mut params = LinkParams::default();
    let (hash, temporary_password) = split_temporary_password(hash.strip_prefix('#').unwrap_or(hash));
    if let Some(password) = temporary_password {
        params.found = true;
        params.temporary_password = Some(password).filter(|p| !p.is_empty() && !p.contains('{'));
    }
    // The first usable value of each parameter wins, so the fragment is read first.
    parse_part(hash, &mut params);
    parse_part(search.strip_prefix('?').unwrap_or(search), &mut params);
    params
}

/// Splits `fragment` before `temporary_password=` (at its start or after a `&`): the head to
/// read as usual, and the raw rest. The browser percent-encodes space, `"`, `<`, `>` and `` ` ``
/// in a fragment it parses; those are turned back, nothing else is decoded.
fn split_temporary_password(fragment: &str) -> (&str, Option<String>) {
    // Each parameter starts the fragment or follows a `&`: the first that is the password's.
    let mut start = 0;
    let raw = loop {
        let rest = &fragment[start..];
        if let Some(raw) = rest.strip_prefix(TEMPORARY_PASSWORD_PARAM).and_then(|after| after.strip_prefix('=')) {
            break raw;
        }
        match rest.find('&') {
            Some(at) => start += at + 1,
            None => return (fragment, None),
        }
    };
    let mut password = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('%') {
        password.push_str(&rest[..at]);
        let escaped = rest.get(at..at + 3).unwrap_or("");
        let decoded = [("%20", ' '), ("%22", '"'), ("%3C", '<'), ("%3E", '>'), ("%60", '`')]
            .into_iter()
            .find(|(code, _)| escaped.eq_ignore_ascii_case(code));
        match decoded {
            Some((_, c)) => {
                password.push(c);
                rest = &rest[at + 3..];
            }
            None => {
                password.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    password.push_str(rest);
    (fragment[..start].trim_end_matches('&'), Some(password))
}

/// Reads one `a=b&c=d` part into `params`, filling only what is still missing.
fn parse_part(part: &str, params: &mut LinkParams) {
    for (name, value) in form_urlencoded::parse(part.as_bytes()) {
        if name == CODE_PARAM || CODE_ALIASES.contains(&&*name) {
            params.found = true;
            if params.code.is_none() {
                params.code = clean_code(&value);
            }
        } else if name == SIGN_IN_CODE_PARAM {
            params.found = true;
            if params.sign_in_code.is_none() {
                params.sign_in_code = clean_code(&value);
            }
        } else if name == USERNAME_PARAM || USERNAME_ALIASES.contains(&&*name) {
            params.found = true;
            if params.username.is_none() {
                params.username = clean_username(&value);
            }
        } else if name == ATTRIBUTE_PARAM {
            params.found = true;
            let known = matches!(&*value, "email" | "phone_number");
            params.attribute = params.attribute.take().or_else(|| known.then(|| value.into_owned()));
        } else if name == SENT_PARAM {
            params.found = true;
            params.sent_at = params.sent_at.or_else(|| value.trim().parse().ok());
        } else if name == "lang" {
            params.lang.get_or_insert_with(|| value.into_owned());
        } else if name == "redirect" {
            params.found = true;
            params.redirect.get_or_insert_with(|| value.into_owned());
        } else if name == EMAIL_PARAM {
            params.found = true;
            if params.email.is_none() {
                params.email = clean_username(&value);
            }
        }
    }
}

/// Trims a code; rejects empty, over-long or whitespace-holding values and anything with a
/// `{` (an unfilled `{####}` placeholder; Cognito's codes never hold one).
pub fn clean_code(raw: &str) -> Option<String> {
    let code = raw.trim();
    let usable = !code.is_empty() && code.chars().count() <= MAX_CODE_CHARS && !code.chars().any(char::is_whitespace) && !code.contains('{');
    usable.then(|| code.to_string())
}

/// Trims a username and turns inner spaces back into `+` (Cognito usernames hold no
/// whitespace, so a space can only be a `+` that was not percent-encoded).
pub fn clean_username(raw: &str) -> Option<String> {
    let name = raw.trim().replace(' ', "+");
    let usable = !name.is_empty()
        && name.chars().count() <= MAX_USERNAME_CHARS
        && !name.chars().any(|c| c.is_whitespace() || c.is_control());
    usable.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.com/reset-password.html";

    fn content<'a>(code: &'a str, username: &'a str, email: Option<&'a str>) -> LinkContent<'a> {
        LinkContent { code, secret: Secret::Code, username, email, sent_at: None, attribute: None }
    }

    #[test]
    fn a_temporary_password_goes_last_and_comes_back_exactly() {
        let invitation = LinkContent { secret: Secret::TemporaryPassword, sent_at: Some(7), ..content("{####}", "3f2a", Some("j@e.com")) };
        let link = build_link(PAGE, LinkStyle::Query, &invitation);
        assert_eq!(link, format!("{PAGE}#user_name=3f2a&email=j%40e.com&sent=7&temporary_password={{####}}"), "always in the fragment");
        for password in ["Ab1&x=y", "p+q%41#z", "a b\"c<d>e`f", "{####}x", "%%2", "&temporary_password=x"] {
            // As Cognito fills it in, then as the browser's URL gives the fragment back.
            let browser = password.replace(' ', "%20").replace('"', "%22").replace('<', "%3C").replace('>', "%3E").replace('`', "%60");
            let fragment = link.split_once('#').unwrap().1.replace("{####}", &browser);
            let got = parse_link("", &fragment);
            let expected = Some(password.to_string()).filter(|p| !p.contains('{'));
            assert_eq!(got.temporary_password, expected, "{password}");
            assert_eq!((got.username.as_deref(), got.email.as_deref(), got.sent_at), (Some("3f2a"), Some("j@e.com"), Some(7)), "{password}");
            assert_eq!(got.code, None);
        }
        assert_eq!(parse_link("", "temporary_password=x&y").temporary_password.as_deref(), Some("x&y"));
        assert_eq!(parse_link("", "a_temporary_password=x").temporary_password, None, "only the whole name");
    }

    #[test]
    fn a_sign_in_link_reads_back_as_its_code_and_username_and_never_as_a_confirmation_code() {
        let page = "https://example.com/sign-in.html";
        let sign_in = LinkContent { secret: Secret::SignInCode, sent_at: Some(7), ..content("{####}", "jane+1@e.com", Some("j@e.com")) };
        for style in [LinkStyle::Fragment, LinkStyle::Query] {
            let link = build_link(page, style, &sign_in).replace("{####}", "01234567");
            let (search, hash) = match style {
                LinkStyle::Fragment => ("", link.split_once('#').unwrap().1),
                LinkStyle::Query => (link.split_once('?').unwrap().1, ""),
            };
            let got = parse_link(search, hash);
            assert_eq!(got.sign_in_code.as_deref(), Some("01234567"), "{link}");
            assert_eq!((got.username.as_deref(), got.email.as_deref(), got.sent_at), (Some("jane+1@e.com"), Some("j@e.com"), Some(7)));
            assert_eq!(got.code, None, "a reset or confirm page finds no code of its own in it");
        }
        let link = build_link(page, LinkStyle::Fragment, &sign_in);
        assert_eq!(link, format!("{page}#sign_in_code={{####}}&user_name=jane%2B1%40e.com&email=j%40e.com&sent=7"));
        assert_eq!(parse_link("", link.split_once('#').unwrap().1).sign_in_code, None, "an unfilled placeholder is no code");
    }

    #[test]
    fn builds_fragment_and_query_links() {
        assert_eq!(
            build_link(PAGE, LinkStyle::Fragment, &content("{####}", "a b&c#d%e", None)),
            format!("{PAGE}#confirmation_code={{####}}&user_name=a+b%26c%23d%25e")
        );
        assert_eq!(
            build_link(&format!("{PAGE}?lang=de"), LinkStyle::Query, &content("{####}", "x", Some("x"))),
            format!("{PAGE}?lang=de&confirmation_code={{####}}&user_name=x")
        );
        assert_eq!(
            build_link(&format!("{PAGE}#v=1"), LinkStyle::Fragment, &content("1", "x", Some("j+1@e.com"))),
            format!("{PAGE}#v=1&confirmation_code=1&user_name=x&email=j%2B1%40e.com")
        );
    }

    #[test]
    fn an_address_change_link_names_its_attribute() {
        let link = build_link(PAGE, LinkStyle::Fragment, &LinkContent { attribute: Some("phone_number"), ..content("1", "x", None) });
        assert!(link.ends_with("&attribute=phone_number"), "{link}");
        assert_eq!(parse_link("", link.split_once('#').unwrap().1).attribute.as_deref(), Some("phone_number"));
        assert_eq!(parse_link("", "attribute=custom%3Ax").attribute, None, "only the two Cognito verifies");
    }

    #[test]
    fn the_time_the_email_was_written_travels_with_the_link() {
        let link = build_link(PAGE, LinkStyle::Fragment, &LinkContent { sent_at: Some(1_764_860_000), ..content("1", "x", None) });
        assert!(link.ends_with("&sent=1764860000"), "{link}");
        assert_eq!(parse_link("", link.split_once('#').unwrap().1).sent_at, Some(1_764_860_000));
        for unusable in ["sent=", "sent=-5", "sent=12ab", "sent=1e9", "sent=99999999999999999999999"] {
            let got = parse_link("", unusable);
            assert_eq!(got.sent_at, None, "{unusable}");
            assert!(got.found, "{unusable} still needs scrubbing");
        }
        assert_eq!(parse_link("?sent=1", "#sent=2").sent_at, Some(2), "the fragment wins");
    }

    /// (query, fragment, expected code, expected username)
    const CASES: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        ("", "confirmation_code=123456&user_name=jane%2Btest%40example.com", Some("123456"), Some("jane+test@example.com")),
        ("?confirmation_code=123456&user_name=jane%2Bx", "", Some("123456"), Some("jane+x")),
        ("", "#confirmation_code=1&user_name=jane+x@example.com", Some("1"), Some("jane+x@example.com")),
        ("?confirmation_code=111&user_name=q", "#confirmation_code=222&user_name=f", Some("222"), Some("f")),
        ("?user_name=q", "#confirmation_code=222", Some("222"), Some("q")),
        ("", "confirmation_code=%20%20987654%0A&user_name=%E5%B1%B1%E7%94%B0", Some("987654"), Some("山田")),
        ("", "confirmation_code=1&user_name=o%27brien%26co%3Cb%3E%23%25", Some("1"), Some("o'brien&co<b>#%")),
        ("", "confirmation_code=1&confirmation_code=2&user_name=a&user_name=b", Some("1"), Some("a")),
        ("", "confirmation_code=&confirmation_code=7&user_name=", Some("7"), None),
        ("", "code=55&username=bob", Some("55"), Some("bob")),
        ("", "confirmation_code={####}&user_name=bob", None, Some("bob")),
        ("", "confirmation_code=12%2034&user_name=%00", None, None),
        ("", "garbage&&==%%%zz=&", None, None),
        ("", "", None, None),
    ];

    #[test]
    fn parses_the_link_table() {
        for (query, fragment, code, username) in CASES {
            let got = parse_link(query, fragment);
            assert_eq!(got.code.as_deref(), *code, "code of {query:?} {fragment:?}");
            assert_eq!(got.username.as_deref(), *username, "user of {query:?} {fragment:?}");
        }
    }

    #[test]
    fn rejects_over_long_values() {
        let long_name = "n".repeat(MAX_USERNAME_CHARS + 1);
        let long_code = "1".repeat(MAX_CODE_CHARS + 1);
        let got = parse_link("", &format!("confirmation_code={long_code}&user_name={long_name}"));
        assert_eq!((got.code, got.username), (None, None));
        assert!(got.found, "the address still needs scrubbing");
    }

    #[test]
    fn reads_the_email_apart_from_the_username() {
        let got = parse_link("", "confirmation_code=1&user_name=3f2a&email=jane+x%40example.com");
        assert_eq!(got.username.as_deref(), Some("3f2a"));
        assert_eq!(got.email.as_deref(), Some("jane+x@example.com"));
    }

    #[test]
    fn reports_whether_anything_was_found() {
        assert!(!parse_link("?lang=de", "#top").found);
        assert!(parse_link("", "user_name=x").found);
    }
}
