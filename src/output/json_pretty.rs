//! A pretty-printed JSON writer into a byte buffer, value by value: the layout of
//! `serde_json`'s pretty printer (two spaces a level), for documents too large to build as
//! values first. It knows nothing of what it writes; numbers come as their exact text.

use chrono::{Datelike, NaiveDate};

/// Writes JSON into `out` at a given depth, one key or element at a time.
pub struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    /// Whether the object or array being written has no member yet.
    first: bool,
}

impl<'a> Pretty<'a> {
    /// A writer whose values stand at `depth` (lines start with `2 × depth` spaces).
    pub fn at(out: &'a mut Vec<u8>, depth: usize) -> Self {
        Pretty {
            out,
            depth,
            first: true,
        }
    }

    fn newline(&mut self) {
        /// A comma, a newline and the indent of up to 31 levels, copied at once.
        const LINE: &[u8; 64] =
            b",\n                                                              ";
        let from = usize::from(self.first);
        self.first = false;
        let indent = self.depth * 2;
        if indent <= LINE.len() - 2 {
            self.out.extend_from_slice(&LINE[from..2 + indent]);
        } else {
            self.out.extend_from_slice(&LINE[from..2]);
            self.out.resize(self.out.len() + indent, b' ');
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        let empty = self.first;
        self.depth -= 1;
        if !empty {
            self.first = true;
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    pub fn begin_object(&mut self) {
        self.open(b'{');
    }

    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    pub fn begin_array(&mut self) {
        self.open(b'[');
    }

    pub fn end_array(&mut self) {
        self.close(b']');
    }

    /// Starts the next member of an object: `"name": ` on its own line. `name` is plain
    /// ASCII without quotes or backslashes (the contract's field names).
    pub fn key(&mut self, name: &str) {
        self.newline();
        self.out.reserve(name.len() + 4);
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }

    /// Starts the next element of an array.
    pub fn element(&mut self) {
        self.newline();
    }

    /// A string, escaped as `serde_json` escapes it.
    ///
    /// # Panics
    /// Never: a string always serializes and a `Vec` takes every write.
    pub fn string(&mut self, s: &str) {
        serde_json::to_writer(&mut *self.out, s).expect("invariant: a Vec takes every write");
    }

    /// A string, or `null`.
    pub fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// A number (or any JSON text) written as it is.
    pub fn raw(&mut self, text: &[u8]) {
        self.out.extend_from_slice(text);
    }

    /// The buffer, to write a number straight into it.
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        self.out
    }

    /// A date as a string, `"2027-01-31"` (as chrono writes it).
    pub fn date(&mut self, day: NaiveDate) {
        self.out.push(b'"');
        let year = day.year();
        if (0..=9999).contains(&year) {
            let digits = |n: u32, width: usize, out: &mut Vec<u8>| {
                for k in (0..width).rev() {
                    let digit = n / 10_u32.pow(u32::try_from(k).unwrap_or(0)) % 10;
                    out.push(b'0' + u8::try_from(digit).unwrap_or(0));
                }
            };
            digits(year.unsigned_abs(), 4, self.out);
            self.out.push(b'-');
            digits(day.month(), 2, self.out);
            self.out.push(b'-');
            digits(day.day(), 2, self.out);
        } else {
            self.out.extend_from_slice(day.to_string().as_bytes());
        }
        self.out.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn writes_what_the_pretty_printer_writes() {
        let value = json!({
            "a": "x\"y\n\u{1}é",
            "b": [],
            "c": {},
            "d": [{"e": null, "f": [1, 2]}, {"g": "2027-01-05"}],
            "h": 3
        });
        let mut out = Vec::new();
        let mut j = Pretty::at(&mut out, 0);
        j.begin_object();
        j.key("a");
        j.string("x\"y\n\u{1}é");
        j.key("b");
        j.begin_array();
        j.end_array();
        j.key("c");
        j.begin_object();
        j.end_object();
        j.key("d");
        j.begin_array();
        j.element();
        j.begin_object();
        j.key("e");
        j.opt_string(None);
        j.key("f");
        j.begin_array();
        for n in [b"1", b"2"] {
            j.element();
            j.raw(n);
        }
        j.end_array();
        j.end_object();
        j.element();
        j.begin_object();
        j.key("g");
        j.date(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap());
        j.end_object();
        j.end_array();
        j.key("h");
        j.raw(b"3");
        j.end_object();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    /// Writes any JSON value with `Pretty`.
    fn write(j: &mut Pretty<'_>, v: &serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                j.begin_object();
                for (k, v) in map {
                    j.key(k);
                    write(j, v);
                }
                j.end_object();
            }
            serde_json::Value::Array(items) => {
                j.begin_array();
                for v in items {
                    j.element();
                    write(j, v);
                }
                j.end_array();
            }
            other => j.raw(other.to_string().as_bytes()),
        }
    }

    #[test]
    fn deep_values_are_indented_as_the_pretty_printer_does() {
        let mut value = json!([1, {}]);
        for _ in 0..40 {
            value = json!({ "a": value, "b": [] });
        }
        let mut out = Vec::new();
        write(&mut Pretty::at(&mut out, 0), &value);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn dates_read_as_chrono_writes_them() {
        for (y, m, d) in [
            (2027, 12, 31),
            (1, 1, 1),
            (999, 10, 9),
            (10_000, 1, 1),
            (-5, 3, 4),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            Pretty::at(&mut out, 0).date(day);
            assert_eq!(String::from_utf8(out).unwrap(), format!("\"{day}\""));
        }
    }
}
