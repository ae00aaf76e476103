//! `goals plan --format json`: the plan document of the JSON contract (version 1). Money
//! quotas are written as exact decimal numbers, never through floating point.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use rust_decimal::Decimal;

use super::amount;
use super::json_pretty::Pretty;
use super::plan_stream::{PlanStream, write_report};
use crate::plan::Order;
use crate::plan::report::{PeriodRow, PlanReport, Quantity, RepCell, RepNames, TargetReport};

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
            by: report.by,
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
        write_target(t, &report.rep_names, &mut self.buffer);
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

/// Writes one target at depth 2 of the document, field by field.
fn write_target(t: &TargetReport, names: &RepNames, out: &mut Vec<u8>) {
    let texts = RepTexts::of(&t.reps, names);
    let mut j = Pretty::at(out, 2);
    let mut cells = Cells::default();
    j.begin_object();
    for (key, value) in [
        ("goal", t.goal.as_str()),
        ("title", &t.title),
        ("metric", &t.metric),
        ("kind", t.kind),
    ] {
        j.key(key);
        j.string(value);
    }
    j.key("unit");
    j.opt_string(t.unit.as_deref());
    j.key("owner");
    j.string(&t.owner);
    j.key("priority");
    j.raw(t.priority.to_string().as_bytes());
    j.key("start");
    j.date(t.start);
    j.key("end");
    j.date(t.end);
    j.key("total");
    cells.quantity(t.total, t.decimals, j.buffer());
    if let Some((_, units)) = t.street {
        j.key("street_total");
        amount::write_units(units, t.decimals, j.buffer());
    }
    if let Some(unplaced) = t.unplaced {
        j.key("unplaced");
        cells.quantity(unplaced, t.decimals, j.buffer());
    }
    j.key("periods");
    j.begin_array();
    for p in &t.periods {
        j.element();
        write_period(&mut j, p, t.decimals, &texts, &mut cells);
    }
    j.end_array();
    j.key("reps");
    j.begin_array();
    for (i, r) in t.reps.iter().enumerate() {
        j.element();
        j.begin_object();
        texts.write(&mut j, i, &r.rep);
        j.key("quota");
        cells.quantity(r.quota, t.decimals, j.buffer());
        j.end_object();
    }
    j.end_array();
    j.end_object();
}

fn write_period(
    j: &mut Pretty<'_>,
    p: &PeriodRow,
    decimals: u32,
    texts: &RepTexts<'_>,
    cells: &mut Cells,
) {
    j.begin_object();
    j.key("label");
    j.string(&p.label);
    j.key("start");
    j.date(p.start);
    j.key("end");
    j.date(p.end);
    j.key("quota");
    cells.quantity(p.quota, decimals, j.buffer());
    if let Some(units) = p.street_quota {
        j.key("street_quota");
        amount::write_units(units, decimals, j.buffer());
    }
    j.key("exact");
    cells.exact(p.exact, j.buffer());
    j.key("reps");
    j.begin_array();
    for (i, r) in p.reps.iter().enumerate() {
        j.element();
        write_rep_quota(j, r, i, decimals, texts, cells);
    }
    j.end_array();
    j.end_object();
}

fn write_rep_quota(
    j: &mut Pretty<'_>,
    r: &RepCell,
    i: usize,
    decimals: u32,
    texts: &RepTexts<'_>,
    cells: &mut Cells,
) {
    j.begin_object();
    texts.write(j, i, &r.rep);
    j.key("quota");
    cells.quantity(r.quota, decimals, j.buffer());
    j.key("exact");
    cells.exact(r.exact, j.buffer());
    j.end_object();
}

/// The JSON text of each rep's id and name (`null` without one), escaped and looked up once
/// a target: every period lists the reps of the target's totals, in the same order.
struct RepTexts<'a> {
    names: &'a RepNames,
    /// The id, its JSON string and its name's.
    reps: Vec<(&'a str, Vec<u8>, Vec<u8>)>,
}

impl<'a> RepTexts<'a> {
    fn of(reps: &'a [RepCell], names: &'a RepNames) -> Self {
        let reps = reps
            .iter()
            .map(|r| {
                let (mut id, mut name) = (Vec::new(), Vec::new());
                Pretty::at(&mut id, 0).string(&r.rep);
                Pretty::at(&mut name, 0).opt_string(names.get(&r.rep).map(String::as_str));
                (r.rep.as_str(), id, name)
            })
            .collect();
        RepTexts { names, reps }
    }

    /// `"rep"` and `"name"` of rep `rep`, the `i`-th of its list.
    fn write(&self, j: &mut Pretty<'_>, i: usize, rep: &str) {
        j.key("rep");
        match self.reps.get(i) {
            Some((id, text, name)) if *id == rep => {
                j.raw(text);
                j.key("name");
                j.raw(name);
            }
            _ => {
                j.string(rep);
                j.key("name");
                j.opt_string(self.names.get(rep).map(String::as_str));
            }
        }
    }
}

/// The text of the last level and exact amount written: a level target gives every rep of a
/// period the same two, which are rounded and written once.
#[derive(Default)]
struct Cells {
    level: Option<([u8; 16], Vec<u8>)>,
    exact: Option<([u8; 16], Vec<u8>)>,
}

impl Cells {
    fn quantity(&mut self, q: Quantity, decimals: u32, out: &mut Vec<u8>) {
        match q {
            Quantity::Units(n) => amount::write_units(n, decimals, out),
            Quantity::Level(level) => {
                let text = remembered(&mut self.level, level, |x| {
                    amount::plain(Quantity::Level(x), decimals).into_bytes()
                });
                out.extend_from_slice(text);
            }
        }
    }

    fn exact(&mut self, x: Decimal, out: &mut Vec<u8>) {
        let text = remembered(&mut self.exact, x, |x| {
            let mut text = Vec::new();
            amount::write_exact(x, &mut text);
            text
        });
        out.extend_from_slice(text);
    }
}

/// The text of `x`, from `last` when it holds the very same decimal (same bits: `1.0` and
/// `1.00` write differently).
fn remembered(
    last: &mut Option<([u8; 16], Vec<u8>)>,
    x: Decimal,
    write: impl FnOnce(Decimal) -> Vec<u8>,
) -> &[u8] {
    let bits = x.serialize();
    if last.as_ref().is_none_or(|(b, _)| *b != bits) {
        *last = Some((bits, write(x)));
    }
    &last.as_ref().expect("invariant: just filled").1
}
