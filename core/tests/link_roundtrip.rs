//! For any username Cognito allows, the link the trigger writes reads back to the same
//! username, code and email on the page, in both link styles.

use proptest::prelude::*;
use reset_link_core::link::{build_link, parse_link, LinkContent, LinkStyle, Secret};

/// Splits a link into (query, fragment) as `location.search` and `location.hash` would.
fn address_parts(link: &str) -> (String, String) {
    let (before_hash, hash) = link.split_once('#').map_or((link, ""), |(a, b)| (a, b));
    let search = before_hash.split_once('?').map_or("", |(_, q)| q);
    (search.to_string(), hash.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_cognito_username_survives_the_link(
        username in r"[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}",
        email in proptest::option::of(r"[a-z0-9.+_-]{1,20}@[a-z]{1,10}\.[a-z]{2,4}"),
        code in r"[0-9]{6}",
        sent_at in proptest::option::of(any::<u64>()),
        query_style in any::<bool>(),
    ) {
        let style = if query_style { LinkStyle::Query } else { LinkStyle::Fragment };
        let content = LinkContent { code: "{####}", secret: Secret::Code, username: &username, email: email.as_deref(), sent_at, attribute: None };
        let link = build_link("https://example.com/reset-password.html", style, &content);
        // Cognito fills in the code after the trigger returns.
        let sent = link.replace("{####}", &code);
        let (search, hash) = address_parts(&sent);
        let params = parse_link(&search, &hash);
        prop_assert_eq!(params.username.as_deref(), Some(username.as_str()));
        prop_assert_eq!(params.code.as_deref(), Some(code.as_str()));
        prop_assert_eq!(params.sent_at, sent_at);
        let expected_email = email.filter(|e| *e != username);
        prop_assert_eq!(params.email, expected_email);
    }

    #[test]
    fn parsing_never_panics_on_garbage(search in ".{0,300}", hash in ".{0,300}") {
        let _ = parse_link(&search, &hash);
    }
}
