//! `goals plan --format json`: the plan document of the JSON contract (version 1). Money
//! quotas are written as exact decimal numbers, never through floating point.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use super::plan_json_target::write_target;
use super::plan_json_text::RepHeads;
use super::plan_stream::{PlanStream, write_report};
use crate::plan::Order;
use crate::plan::report::{PlanReport, TargetReport};

/// A number written exactly as its decimal text.
pub struct Num(pub String);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw: &RawValue = serde_json::from_str(&self.0).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

#[derive(Serialize)]
struct Plan<'a> {
    name: Option<&'a str>,
    currency: Option<&'a str>,
    start: String,
    end: String,
    by: &'a str,
}

/// The plan document, targets in file order, each with its priority rank. Written piece by
/// piece with the layout `serde_json`'s pretty printer gives the whole document.
#[derive(Default)]
pub struct Json {
    /// Targets written so far.
    pub written: usize,
    /// The target being written, sent to the output in one piece.
    buffer: Vec<u8>,
    /// Each rep's text, made once for the document.
    heads: RepHeads,
}

impl PlanStream for Json {
    fn order(&self) -> Order {
        Order::File
    }

    fn head(&mut self, report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let plan = Plan {
            name: report.name.as_deref(),
            currency: report.currency.as_deref(),
            start: report.start.to_string(),
            end: report.end.to_string(),
            by: report.by.name(),
        };
        write!(out, "{{\n  \"version\": 1,\n  \"plan\": ")?;
        write_indented(&plan, "  ", out)?;
        write!(out, ",\n  \"targets\": [")
    }

    fn target(
        &mut self,
        report: &PlanReport,
        t: &TargetReport,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.buffer.clear();
        if self.written > 0 {
            self.buffer.push(b',');
        }
        self.written += 1;
        self.buffer.extend_from_slice(b"\n    ");
        write_target(t, &report.rep_names, &mut self.heads, &mut self.buffer);
        out.write_all(&self.buffer)
    }

    fn foot(&mut self, _: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        writeln!(out, "{close}\n}}")
    }
}

/// Writes `value` pretty-printed straight to `out`, as if it stood at the level whose lines
/// start with `indent` (two spaces a level) in a pretty-printed document: the bytes
/// `serde_json`'s pretty printer gives the whole document, every line after the first
/// prefixed by `indent`.
pub fn write_indented(value: &impl Serialize, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Nested::at(indent.len() / 2));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `serde_json`'s pretty layout (two spaces a level) starting at a given depth.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn newline<W: ?Sized + Write>(&self, out: &mut W, comma: bool) -> io::Result<()> {
        const SPACES: &[u8; 64] =
            b"                                                                ";
        out.write_all(if comma { b",\n" } else { b"\n" })?;
        let mut left = self.depth * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            out.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(out, false)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.newline(out, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.newline(out, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Renders a whole plan report as the JSON document.
pub fn render(report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Json::default(), report, out)
}
