//! JSON written value by value straight into a byte buffer, byte for byte in the layout of
//! `serde_json`'s pretty printer (two spaces a level), for documents too large to build as
//! values first. It checks no structure: the caller opens and closes what it writes.

use std::fmt::Display;
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::amount::write_scaled;
use crate::plan::fixed::div_round;

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

    /// The key of the next member of the open object; its value comes next. The document's
    /// own keys are words of letters, digits and `_`, which need no escapes: they are copied
    /// as they are.
    pub fn key(&mut self, key: &'static str) {
        debug_assert!(
            key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "a document key needs no escapes: {key}"
        );
        self.next_line();
        self.out.reserve(key.len() + 4);
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }

    /// A key that may need escapes (one that comes from data), as [`Pretty::key`] otherwise.
    pub fn key_text(&mut self, key: &str) {
        self.next_line();
        self.string(key);
        self.out.extend_from_slice(b": ");
    }

    /// Members whose values are strings, in order.
    pub fn strings(&mut self, members: &[(&'static str, &str)]) {
        for &(key, value) in members {
            self.key(key);
            self.string(value);
        }
    }

    /// Opens the next element of the open array; its value comes next.
    pub fn element(&mut self) {
        self.next_line();
    }

    /// A string, escaped as `serde_json` escapes it: `"` and `\\` with a backslash, control
    /// characters by their short escape or `\u00XX`, nothing else.
    pub fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                0..0x20 => b'u',
                _ => continue,
            };
            self.out.extend_from_slice(&s.as_bytes()[plain..i]);
            plain = i + 1;
            self.out.extend_from_slice(&[b'\\', short]);
            if short == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let hex = [
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ];
                self.out.extend_from_slice(&hex);
            }
        }
        self.out.extend_from_slice(&s.as_bytes()[plain..]);
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
    ///
    /// # Panics
    /// When `x`'s `Display` fails, which no date's does (writing into memory cannot fail).
    pub fn quoted(&mut self, x: impl Display) {
        write!(self.out, "\"{x}\"").expect("writing into memory cannot fail");
    }

    /// A number written as its `Display` text: an integer, or a decimal as it stands.
    ///
    /// # Panics
    /// When `x`'s `Display` fails, which no number's does (writing into memory cannot fail).
    pub fn number(&mut self, x: impl Display) {
        write!(self.out, "{x}").expect("writing into memory cannot fail");
    }

    /// An integer.
    pub fn int(&mut self, n: i64) {
        write_scaled(i128::from(n), 0, self.out);
    }

    /// A date, quoted: `"2027-01-31"`, as its `Display` writes it.
    pub fn date(&mut self, d: NaiveDate) {
        // Years beyond four digits take a sign, which `Display` writes.
        let Some(year) = u32::try_from(d.year()).ok().filter(|y| *y <= 9_999) else {
            return self.quoted(d);
        };
        let mut text = *b"\"0000-00-00\"";
        for (at, n, width) in [(1, year, 4), (6, d.month(), 2), (9, d.day(), 2)] {
            for place in 0..width {
                let digit = n / 10_u32.pow(width - 1 - place) % 10;
                text[at + place as usize] = b'0' + u8::try_from(digit).unwrap_or(0);
            }
        }
        self.out.extend_from_slice(&text);
    }

    /// `x` rounded to `dp` places, halves away from zero, without trailing zeros: the text of
    /// `round_dp(x, dp).normalize()`.
    pub fn rounded(&mut self, x: Decimal, dp: u32) {
        let (mut mantissa, mut scale) = (x.mantissa(), x.scale());
        if scale > dp {
            mantissa = div_round(mantissa, 10_i128.pow(scale - dp));
            scale = dp;
        }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        write_scaled(mantissa, scale, self.out);
    }

    /// As [`Pretty::rounded`], or `null`.
    pub fn opt_rounded(&mut self, x: Option<Decimal>, dp: u32) {
        match x {
            Some(x) => self.rounded(x, dp),
            None => self.null(),
        }
    }

    /// JSON text made elsewhere (a number written by `amount`), as it is.
    pub fn raw(&mut self, text: &[u8]) {
        self.out.extend_from_slice(text);
    }

    /// The buffer, for a writer that puts a number straight into it.
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        self.out
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
        // A line break and the indentation of up to 63 levels in one copy.
        const BREAK: [u8; 128] = {
            let mut line = [b' '; 128];
            line[0] = b'\n';
            line
        };
        let width = 1 + self.depth * 2;
        if let Some(line) = BREAK.get(..width) {
            self.out.extend_from_slice(line);
            return;
        }
        self.out.push(b'\n');
        self.out.resize(self.out.len() + self.depth * 2, b' ');
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::fixed::round_dp;
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
        p.int(1);
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
        p.opt_rounded(Some(Decimal::new(25, 1)), 4);
        p.end_array();
        p.key("h");
        p.date(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
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
        p.int(7);
        p.end_array();
        assert_eq!(String::from_utf8(out).unwrap(), "[\n      7\n    ]");
    }

    fn written(write: impl FnOnce(&mut Pretty<'_>)) -> String {
        let mut out = Vec::new();
        write(&mut Pretty::at(0, &mut out));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0_u8..128).map(char::from).collect();
        for s in [
            every_ascii.as_str(),
            "",
            "plain",
            "ünïcödé \u{7f} \u{2028} ✓",
            "\"\\\"x",
        ] {
            assert_eq!(written(|p| p.string(s)), serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn integers_and_dates_are_written_as_display_writes_them() {
        for n in [0, 7, -7, 1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(written(|p| p.int(n)), n.to_string());
        }
        for (y, m, d) in [
            (2027, 1, 1),
            (2027, 12, 31),
            (987, 6, 5),
            (-1, 1, 1),
            (10_000, 2, 3),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(written(|p| p.date(date)), format!("\"{date}\""));
        }
    }

    proptest::proptest! {
        #[test]
        fn rounded_is_the_text_of_the_rounded_decimal(
            lo: u32, mid: u32, hi in 0_u32..4, negative: bool, scale in 0_u32..=28, dp in 0_u32..6,
        ) {
            let x = Decimal::from_parts(lo, mid, hi, negative, scale);
            let expected = round_dp(x, dp).normalize().to_string();
            proptest::prop_assert_eq!(written(|p| p.rounded(x, dp)), expected);
        }
    }

    #[test]
    fn rounded_halves_go_away_from_zero() {
        for (x, text) in [
            ("0.00005", "0.0001"),
            ("-0.00005", "-0.0001"),
            ("2.50", "2.5"),
            ("-0.00001", "0"),
        ] {
            assert_eq!(written(|p| p.rounded(x.parse().unwrap(), 4)), text);
        }
        assert_eq!(
            written(|p| p.rounded(Decimal::MAX, 4)),
            Decimal::MAX.to_string()
        );
    }

    /// Writes any JSON value with `Pretty`.
    fn write_value(j: &mut Pretty<'_>, v: &serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                j.begin_object();
                for (k, v) in map {
                    j.key_text(k);
                    write_value(j, v);
                }
                j.end_object();
            }
            serde_json::Value::Array(items) => {
                j.begin_array();
                for v in items {
                    j.element();
                    write_value(j, v);
                }
                j.end_array();
            }
            other => j.raw(other.to_string().as_bytes()),
        }
    }

    #[test]
    fn eighty_levels_deep_are_indented_as_the_pretty_printer_does() {
        // Past the 63 levels whose indentation is one copy; a key from data is escaped.
        let mut value = json!([1, {}]);
        for _ in 0..80 {
            value = json!({ "a": value, "b \"c\"": [] });
        }
        let mut out = Vec::new();
        write_value(&mut Pretty::at(0, &mut out), &value);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
