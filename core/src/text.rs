//! Joining text and bytes without the standard library's generic `concat` and `join`, whose
//! overflow checks and formatting cost the browser module about a kilobyte.

use crate::prelude::*;

/// `parts` one after another, as one string.
pub fn concat(parts: &[&str]) -> String {
    let mut text = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        text.push_str(part);
    }
    text
}

/// `parts` one after another, as one byte vector.
pub fn concat_bytes(parts: &[&[u8]]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        bytes.extend_from_slice(part);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_in_order() {
        assert_eq!(concat(&["a", "", "bc", "ü"]), "abcü");
        assert_eq!(concat(&[]), "");
        assert_eq!(concat_bytes(&[b"ab", &[], &[0xff]]), vec![b'a', b'b', 0xff]);
    }
}
