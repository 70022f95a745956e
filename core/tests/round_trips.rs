//! Round trips that must hold for any input: JSON written by the kit reads back the same,
//! base64 decodes what it encoded, HTML escaping leaves no markup.

use proptest::prelude::*;
use reset_link_core::email::escape_html;
use reset_link_core::json::{parse, Json};
use reset_link_core::srp::digest::{base64_decode, base64_encode};

fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_filter("i64::MIN has no positive twin", |n| *n != i64::MIN).prop_map(Json::Number),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec((any::<String>(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

proptest! {
    #[test]
    fn json_reads_back_what_it_writes(value in any_json()) {
        prop_assert_eq!(parse(&value.to_text()), Some(value));
    }

    #[test]
    fn base64_decodes_what_it_encodes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn escaped_text_holds_no_markup(text in any::<String>()) {
        let escaped = escape_html(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
    }
}
