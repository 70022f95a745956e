//! Joining and splitting text without the standard library's generic `concat`, `split` and
//! `replace`, whose pattern machinery costs the browser module a kilobyte or two. The
//! separators here are single ASCII bytes, so every split falls on a character boundary.

use crate::prelude::*;

/// `parts` one after another, as one string.
pub fn concat(parts: &[&str]) -> String {
    let mut text = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        text.push_str(part);
    }
    text
}

/// `text` before and after the first `separator`.
pub fn split_once(text: &str, separator: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|byte| byte == separator)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The pieces of `text` between `separator`s (one piece when there is none).
pub fn pieces(text: &str, separator: u8) -> Pieces<'_> {
    Pieces { rest: Some(text), separator }
}

/// Iterator of [`pieces`].
pub struct Pieces<'a> {
    rest: Option<&'a str>,
    separator: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match split_once(rest, self.separator) {
            Some((piece, after)) => {
                self.rest = Some(after);
                Some(piece)
            }
            None => self.rest.take(),
        }
    }
}

/// `text` without leading and trailing whitespace (Unicode's, as `str::trim`), read forwards
/// only: the standard `trim` brings a reverse UTF-8 decoder and a pattern searcher.
pub fn trim(text: &str) -> &str {
    let mut start = None;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        if !c.is_whitespace() {
            start.get_or_insert(at);
            end = at + c.len_utf8();
        }
    }
    start.and_then(|start| text.get(start..end)).unwrap_or("")
}

/// Characters in `text` (what Cognito's length limits count), without a Unicode table.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|byte| byte & 0xC0 != 0x80).count()
}

/// Whether `bytes` holds `byte` (a plain loop: the standard `contains` brings its word-wise
/// search, several hundred bytes, into the browser module).
#[allow(clippy::manual_contains)] // on purpose: see above
pub fn has_byte(bytes: &[u8], byte: u8) -> bool {
    bytes.iter().any(|&b| b == byte)
}

/// `text` with every `from` byte turned into `to`.
pub fn replace_byte(text: &str, from: u8, to: char) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, piece) in pieces(text, from).enumerate() {
        if i > 0 {
            out.push(to);
        }
        out.push_str(piece);
    }
    out
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

    #[test]
    fn counts_characters_as_cognito_does() {
        for text in ["", "abc", "é", "日本語", "😀x"] {
            assert_eq!(char_count(text), text.chars().count());
        }
    }

    #[test]
    fn trims_like_the_standard_library() {
        for text in ["", " ", "a", " a ", "\u{a0}\u{3000}code\t\n", "a b", " \u{2003}ü ß\u{85}", "\r\n"] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn splits_like_the_standard_library() {
        for text in ["", "a", "&", "a&b", "&&x&", "ü&ß&&", "no separator"] {
            assert_eq!(pieces(text, b'&').collect::<Vec<_>>(), text.split('&').collect::<Vec<_>>(), "{text:?}");
            assert_eq!(split_once(text, b'&'), text.split_once('&'), "{text:?}");
            assert_eq!(replace_byte(text, b'&', '+'), text.replace('&', "+"), "{text:?}");
        }
    }
}
