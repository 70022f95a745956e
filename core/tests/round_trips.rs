//! Round trips that must hold for any input: HTML escaping leaves no markup, and a request
//! body carries any text the person typed unchanged.

use proptest::prelude::*;
use reset_link_core::api::confirm_forgot_password;
use reset_link_core::email::escape_html;

proptest! {
    #[test]
    fn escaped_text_holds_no_markup(text in any::<String>()) {
        let escaped = escape_html(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
    }

    #[test]
    fn request_bodies_carry_any_text_unchanged(username in any::<String>(), password in any::<String>()) {
        let call = confirm_forgot_password("client", &username, "123456", &password);
        let body: serde_json::Value = serde_json::from_str(&serde_json::to_string(&call).unwrap()).unwrap();
        prop_assert_eq!(body["Username"].as_str(), Some(username.as_str()));
        prop_assert_eq!(body["Password"].as_str(), Some(password.as_str()));
    }
}
