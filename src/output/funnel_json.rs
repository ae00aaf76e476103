//! `goals funnel --format json`: the funnel document (version 1). Activity counts are JSON
//! integers; rates, exact values and hours are exact decimal numbers (at most four decimals).

use std::io::{self, Write};

use super::amount::fixed;
use super::funnel_stream::{FunnelStream, write_report};
use super::pretty_json::Pretty;
use crate::funnel::report::{
    CapacityPeriod, FunnelReport, FunnelTarget, RepCapacity, RepStage, StagePeriod, StageReport,
};
use crate::plan::report::RepNames;

/// Places of the rates, exact values and hours shown (no trailing zeros).
const SHOWN: u32 = 4;

/// The funnel document, written target by target with the layout `serde_json`'s pretty
/// printer gives the whole document: each target (and each rep's selling hours) is written
/// value by value into one reused buffer, then out.
#[derive(Default)]
pub struct Json {
    /// Targets written so far.
    pub written: usize,
    /// The target or rep being written, reused.
    buf: Vec<u8>,
}

impl FunnelStream for Json {
    fn head(&mut self, report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
        self.buf.clear();
        self.buf
            .extend_from_slice(b"{\n  \"version\": 1,\n  \"plan\": ");
        let mut p = Pretty::at(1, &mut self.buf);
        p.begin_object();
        p.key("name");
        p.opt_string(report.name.as_deref());
        p.key("start");
        p.date(report.start);
        p.key("end");
        p.date(report.end);
        p.key("by");
        p.string(report.by.name());
        p.end_object();
        self.buf.extend_from_slice(b",\n  \"targets\": [");
        out.write_all(&self.buf)
    }

    fn target(
        &mut self,
        report: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        self.buf.clear();
        self.buf.extend_from_slice(separator.as_bytes());
        self.buf.extend_from_slice(b"\n    ");
        target(t, &report.rep_names, &mut Pretty::at(2, &mut self.buf));
        out.write_all(&self.buf)
    }

    fn foot(
        &mut self,
        _: &FunnelReport,
        reps: &mut dyn Iterator<Item = RepCapacity>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        write!(out, "{close},\n  \"capacity\": [")?;
        let mut any = false;
        for c in reps {
            self.buf.clear();
            self.buf
                .extend_from_slice(if any { b",\n    " } else { b"\n    " });
            any = true;
            capacity(&c, &mut Pretty::at(2, &mut self.buf));
            out.write_all(&self.buf)?;
        }
        writeln!(out, "{}\n}}", if any { "\n  ]" } else { "]" })
    }
}

/// Renders a whole funnel report as the JSON document.
pub fn render(report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Json::default(), report, out)
}

fn target(t: &FunnelTarget, names: &RepNames, p: &mut Pretty<'_>) {
    p.begin_object();
    p.strings(&[
        ("goal", &t.goal),
        ("title", &t.title),
        ("metric", &t.metric),
        ("funnel", &t.funnel),
        ("owner", &t.owner),
    ]);
    p.key("each");
    p.string(t.each.name());
    p.key("cycle_days");
    p.int(i64::from(t.cycle_days));
    p.key("deal_size");
    match t.deal_size {
        Some((d, decimals)) => p.number(fixed(d, decimals)),
        None => p.null(),
    }
    p.key("start");
    p.date(t.start);
    p.key("end");
    p.date(t.end);
    p.key("stages");
    p.begin_array();
    for s in &t.stages {
        p.element();
        stage(s, names, p);
    }
    p.end_array();
    p.end_object();
}

fn stage(s: &StageReport, names: &RepNames, p: &mut Pretty<'_>) {
    p.begin_object();
    p.key("activity");
    p.string(&s.activity);
    p.key("rate");
    p.opt_rounded(s.rate, SHOWN);
    p.key("minutes");
    p.rounded(s.minutes, SHOWN);
    p.key("per_outcome");
    p.rounded(s.per_outcome, SHOWN);
    p.key("outcome");
    p.bool(s.outcome);
    p.key("total");
    p.int(s.total);
    p.key("exact");
    p.rounded(s.exact, SHOWN);
    p.key("hours");
    p.rounded(s.hours, SHOWN);
    p.key("baseline");
    match &s.baseline {
        Some(b) => {
            p.begin_object();
            p.key("per");
            p.string(b.per_name());
            for (key, value) in [
                ("baseline", b.baseline),
                ("required", b.required),
                ("change", b.required - b.baseline),
            ] {
                p.key(key);
                p.rounded(value, SHOWN);
            }
            p.end_object();
        }
        None => p.null(),
    }
    p.key("periods");
    p.begin_array();
    for row in &s.periods {
        p.element();
        period(row, names, p);
    }
    p.end_array();
    p.key("reps");
    reps(&s.reps, names, p);
    p.end_object();
}

fn period(row: &StagePeriod, names: &RepNames, p: &mut Pretty<'_>) {
    p.begin_object();
    p.key("label");
    p.string(&row.label);
    p.key("start");
    p.date(row.start);
    p.key("end");
    p.date(row.end);
    p.key("before_start");
    p.bool(row.before_start);
    p.key("quota");
    p.int(row.quota);
    p.key("exact");
    p.rounded(row.exact, SHOWN);
    p.key("hours");
    p.rounded(row.hours, SHOWN);
    p.key("reps");
    reps(&row.reps, names, p);
    p.end_object();
}

fn reps(reps: &[RepStage], names: &RepNames, p: &mut Pretty<'_>) {
    p.begin_array();
    for r in reps {
        p.element();
        p.begin_object();
        p.key("rep");
        p.string(&r.rep);
        p.key("name");
        p.opt_string(names.get(&*r.rep).map(String::as_str));
        p.key("quota");
        p.int(r.quota);
        p.key("exact");
        p.rounded(r.exact, SHOWN);
        p.key("hours");
        p.rounded(r.hours, SHOWN);
        p.end_object();
    }
    p.end_array();
}

fn capacity(c: &RepCapacity, p: &mut Pretty<'_>) {
    p.begin_object();
    p.key("rep");
    p.string(&c.rep);
    p.key("name");
    p.opt_string(c.name.as_deref());
    p.key("hours_per_week");
    p.opt_rounded(c.hours_per_week, SHOWN);
    p.key("selling_share");
    p.rounded(c.selling_share, SHOWN);
    p.key("needed");
    p.rounded(c.needed, SHOWN);
    p.key("available");
    p.opt_rounded(c.available, SHOWN);
    p.key("fits");
    p.bool(c.fits());
    p.key("periods");
    p.begin_array();
    for row in &c.periods {
        p.element();
        capacity_row(row, p);
    }
    p.end_array();
    p.end_object();
}

fn capacity_row(row: &CapacityPeriod, p: &mut Pretty<'_>) {
    p.begin_object();
    p.key("label");
    p.string(&row.label);
    p.key("start");
    p.date(row.start);
    p.key("end");
    p.date(row.end);
    p.key("needed");
    p.rounded(row.needed, SHOWN);
    p.key("available");
    p.opt_rounded(row.available, SHOWN);
    p.key("fits");
    p.bool(row.fits());
    p.end_object();
}
