//! JSON written value by value straight into a byte buffer, byte for byte in the layout of
//! `serde_json`'s pretty printer (two spaces a level), for documents too large to build as
//! values first. It checks no structure: the caller opens and closes what it writes.

use std::fmt::Display;
use std::io::Write;

use rust_decimal::Decimal;

/// A writer of pretty-printed JSON at some depth of a document. Writing into memory cannot
/// fail, so nothing returns an error; the caller writes the buffer out.
pub struct Pretty<'w> {
    out: &'w mut Vec<u8>,
    depth: usize,
    /// The innermost open object or array has no member yet.
    empty: bool,
}

impl<'w> Pretty<'w> {
    /// Writes a value that stands `depth` levels deep in a document: lines after its first
    /// start with `2 × depth` spaces more.
    pub fn at(depth: usize, out: &'w mut Vec<u8>) -> Self {
        Pretty {
            out,
            depth,
            empty: false,
        }
    }

    /// `{`.
    pub fn begin_object(&mut self) {
        self.begin(b'{');
    }

    /// `}`, on a line of its own unless the object is empty.
    pub fn end_object(&mut self) {
        self.end(b'}');
    }

    /// `[`.
    pub fn begin_array(&mut self) {
        self.begin(b'[');
    }

    /// `]`, on a line of its own unless the array is empty.
    pub fn end_array(&mut self) {
        self.end(b']');
    }

    /// The key of the next member of the open object; its value comes next.
    pub fn key(&mut self, key: &str) {
        self.next_line();
        self.string(key);
        self.out.extend_from_slice(b": ");
    }

    /// Opens the next element of the open array; its value comes next.
    pub fn element(&mut self) {
        self.next_line();
    }

    /// A string, escaped as `serde_json` escapes it.
    pub fn string(&mut self, s: &str) {
        if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
            serde_json::to_writer(&mut *self.out, s).expect("a string serializes into memory");
            return;
        }
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
    }

    /// A string or `null`.
    pub fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// A value whose `Display` is a string needing no escapes (a date), quoted.
    pub fn quoted(&mut self, x: impl Display) {
        write!(self.out, "\"{x}\"").expect("writing into memory cannot fail");
    }

    /// A number written as its `Display` text: an integer, or a decimal as it stands.
    pub fn number(&mut self, x: impl Display) {
        write!(self.out, "{x}").expect("writing into memory cannot fail");
    }

    /// A decimal number or `null`.
    pub fn opt_decimal(&mut self, x: Option<Decimal>) {
        match x {
            Some(x) => self.number(x),
            None => self.null(),
        }
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    fn begin(&mut self, open: u8) {
        self.depth += 1;
        self.empty = true;
        self.out.push(open);
    }

    fn end(&mut self, close: u8) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.empty = false;
        self.out.push(close);
    }

    /// The line of the next member or element: `,` after the one before.
    fn next_line(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        const SPACES: &[u8; 64] =
            b"                                                                ";
        self.out.push(b'\n');
        let mut left = self.depth * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            self.out.extend_from_slice(&SPACES[..n]);
            left -= n;
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_layout_is_serde_jsons_pretty_printer() {
        let value = json!({
            "a": "x \"quoted\"\n",
            "b": [],
            "c": {},
            "d": [{ "e": 1, "f": null, "g": [true, false] }, 2.5],
            "h": "2027-01-01",
        });
        let mut out = Vec::new();
        let mut p = Pretty::at(0, &mut out);
        p.begin_object();
        p.key("a");
        p.string("x \"quoted\"\n");
        p.key("b");
        p.begin_array();
        p.end_array();
        p.key("c");
        p.begin_object();
        p.end_object();
        p.key("d");
        p.begin_array();
        p.element();
        p.begin_object();
        p.key("e");
        p.number(1);
        p.key("f");
        p.opt_string(None);
        p.key("g");
        p.begin_array();
        p.element();
        p.bool(true);
        p.element();
        p.bool(false);
        p.end_array();
        p.end_object();
        p.element();
        p.opt_decimal(Some(Decimal::new(25, 1)));
        p.end_array();
        p.key("h");
        p.quoted(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        p.end_object();
        let expected = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_value_deep_in_a_document_indents_its_lines() {
        let mut out = Vec::new();
        let mut p = Pretty::at(2, &mut out);
        p.begin_array();
        p.element();
        p.number(7);
        p.end_array();
        assert_eq!(String::from_utf8(out).unwrap(), "[\n      7\n    ]");
    }
}
