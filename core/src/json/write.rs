//! Writing JSON: request bodies straight from borrowed fields, any [`Json`] value, numbers.

use crate::prelude::*;

use super::Json;

impl Json {
    /// Writes the value as compact JSON.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => {
                if *n < 0 {
                    out.push('-');
                }
                out.push_str(&decimal(n.unsigned_abs()));
            }
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// A member of a request body, borrowed: written straight out, never built as a [`Json`].
#[derive(Debug, Clone, Copy)]
pub enum Field<'a> {
    /// A string.
    Text(&'a str),
    /// An object of members.
    Object(&'a [(&'a str, Field<'a>)]),
    /// Left out: an optional member without a value.
    Absent,
}

/// `{...}` of `members` as compact JSON, the absent ones left out.
pub fn object_text(members: &[(&str, Field)]) -> String {
    let mut out = String::new();
    write_object(members, &mut out);
    out
}

/// Writes `members` as a JSON object.
fn write_object(members: &[(&str, Field)], out: &mut String) {
    out.push('{');
    let mut first = true;
    for (key, value) in members {
        if matches!(value, Field::Absent) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        write_string(key, out);
        out.push(':');
        match value {
            Field::Text(text) => write_string(text, out),
            Field::Object(inner) => write_object(inner, out),
            Field::Absent => {}
        }
    }
    out.push('}');
}

/// The decimal digits of `n`, without the formatting machinery.
pub fn decimal(n: u64) -> String {
    /// Pushes the digits of `n`, the leading ones first (at most 20 deep).
    fn push(n: u64, out: &mut String) {
        if n >= 10 {
            push(n / 10, out);
        }
        out.push(char::from(b'0' + (n % 10) as u8));
    }
    let mut out = String::new();
    push(n, &mut out);
    out
}

/// Writes `text` as a JSON string with the escapes JSON requires.
fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn writes_and_reads_back() {
        let value = Json::Object(vec![
            ("ClientId".into(), Json::String("c1".into())),
            ("List".into(), Json::Array(vec![Json::Number(-3), Json::Bool(false), Json::Null])),
        ]);
        let text = value.to_text();
        assert_eq!(text, r#"{"ClientId":"c1","List":[-3,false,null]}"#);
        assert_eq!(parse(&text), Some(value));
        let meta = [("lang", Field::Text("de"))];
        let body = object_text(&[
            ("ClientId", Field::Text("c1")),
            ("Session", Field::Absent),
            ("Username", Field::Text("o'brien \"&\" \\ \u{1} 山田")),
            ("Meta", Field::Object(&meta)),
            ("Empty", Field::Object(&[])),
        ]);
        assert_eq!(body, r#"{"ClientId":"c1","Username":"o'brien \"&\" \\ \u0001 山田","Meta":{"lang":"de"},"Empty":{}}"#);
        assert_eq!(parse(&body).and_then(|j| j.str_at("Username").map(String::from)).as_deref(), Some("o'brien \"&\" \\ \u{1} 山田"));
        assert_eq!(decimal(0), "0");
        assert_eq!(decimal(18_446_744_073_709_551_615), "18446744073709551615");
    }
}
