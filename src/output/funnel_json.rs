//! `goals funnel --format json`: the funnel document (version 1). Activity counts are JSON
//! integers; rates, exact values and hours are exact decimal numbers (at most four decimals).

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::amount::fixed;
use super::funnel_stream::{FunnelStream, write_report};
use super::plan_json::{Num, write_indented};
use crate::funnel::report::{
    CapacityPeriod, FunnelReport, FunnelTarget, RepCapacity, RepStage, StagePeriod, StageReport,
};
use crate::plan::fixed::round_dp;
use crate::plan::report::RepNames;

fn num(x: Decimal) -> Num {
    Num(round_dp(x, 4).normalize().to_string())
}

#[derive(Serialize)]
struct Plan<'a> {
    name: Option<&'a str>,
    start: String,
    end: String,
    by: &'a str,
}

#[derive(Serialize)]
struct Target<'a> {
    goal: &'a str,
    title: &'a str,
    metric: &'a str,
    funnel: &'a str,
    owner: &'a str,
    each: &'a str,
    cycle_days: u32,
    deal_size: Option<Num>,
    start: String,
    end: String,
    stages: Vec<Stage<'a>>,
}

#[derive(Serialize)]
struct Stage<'a> {
    activity: &'a str,
    rate: Option<Num>,
    minutes: Num,
    per_outcome: Num,
    outcome: bool,
    total: i64,
    exact: Num,
    hours: Num,
    baseline: Option<Baseline<'a>>,
    periods: Vec<Period<'a>>,
    reps: Vec<Rep<'a>>,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // `baseline` is the JSON contract's field name
struct Baseline<'a> {
    per: &'a str,
    baseline: Num,
    required: Num,
    change: Num,
}

#[derive(Serialize)]
struct Period<'a> {
    label: &'a str,
    start: String,
    end: String,
    before_start: bool,
    quota: i64,
    exact: Num,
    hours: Num,
    reps: Vec<Rep<'a>>,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // `rep` is the JSON contract's field name
struct Rep<'a> {
    rep: &'a str,
    name: Option<&'a str>,
    quota: i64,
    exact: Num,
    hours: Num,
}

#[derive(Serialize)]
struct Capacity<'a> {
    rep: &'a str,
    name: Option<&'a str>,
    hours_per_week: Option<Num>,
    selling_share: Num,
    needed: Num,
    available: Option<Num>,
    fits: bool,
    periods: Vec<CapacityRow<'a>>,
}

#[derive(Serialize)]
struct CapacityRow<'a> {
    label: &'a str,
    start: String,
    end: String,
    needed: Num,
    available: Option<Num>,
    fits: bool,
}

/// The funnel document, written target by target with the layout `serde_json`'s pretty
/// printer gives the whole document.
#[derive(Default)]
pub struct Json {
    /// Targets written so far.
    pub written: usize,
}

impl FunnelStream for Json {
    fn head(&mut self, report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
        let plan = Plan {
            name: report.name.as_deref(),
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
        report: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        write!(out, "{separator}\n    ")?;
        write_indented(&target(t, &report.rep_names), "    ", out)
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
            write!(out, "{}\n    ", if any { "," } else { "" })?;
            any = true;
            write_indented(&capacity(&c), "    ", out)?;
        }
        writeln!(out, "{}\n}}", if any { "\n  ]" } else { "]" })
    }
}

/// Renders a whole funnel report as the JSON document.
pub fn render(report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Json::default(), report, out)
}

fn target<'a>(t: &'a FunnelTarget, names: &'a RepNames) -> Target<'a> {
    Target {
        goal: &t.goal,
        title: &t.title,
        metric: &t.metric,
        funnel: &t.funnel,
        owner: &t.owner,
        each: t.each.name(),
        cycle_days: t.cycle_days,
        deal_size: t.deal_size.map(|(d, decimals)| Num(fixed(d, decimals))),
        start: t.start.to_string(),
        end: t.end.to_string(),
        stages: t.stages.iter().map(|s| stage(s, names)).collect(),
    }
}

fn stage<'a>(s: &'a StageReport, names: &'a RepNames) -> Stage<'a> {
    Stage {
        activity: &s.activity,
        rate: s.rate.map(num),
        minutes: num(s.minutes),
        per_outcome: num(s.per_outcome),
        outcome: s.outcome,
        total: s.total,
        exact: num(s.exact),
        hours: num(s.hours),
        baseline: s.baseline.as_ref().map(|b| Baseline {
            per: b.per_name(),
            baseline: num(b.baseline),
            required: num(b.required),
            change: num(b.required - b.baseline),
        }),
        periods: s.periods.iter().map(|p| period(p, names)).collect(),
        reps: s.reps.iter().map(|r| rep(r, names)).collect(),
    }
}

fn period<'a>(p: &'a StagePeriod, names: &'a RepNames) -> Period<'a> {
    Period {
        label: &p.label,
        start: p.start.to_string(),
        end: p.end.to_string(),
        before_start: p.before_start,
        quota: p.quota,
        exact: num(p.exact),
        hours: num(p.hours),
        reps: p.reps.iter().map(|r| rep(r, names)).collect(),
    }
}

fn rep<'a>(r: &'a RepStage, names: &'a RepNames) -> Rep<'a> {
    Rep {
        rep: &r.rep,
        name: names.get(&r.rep).map(String::as_str),
        quota: r.quota,
        exact: num(r.exact),
        hours: num(r.hours),
    }
}

fn capacity(c: &RepCapacity) -> Capacity<'_> {
    Capacity {
        rep: &c.rep,
        name: c.name.as_deref(),
        hours_per_week: c.hours_per_week.map(num),
        selling_share: num(c.selling_share),
        needed: num(c.needed),
        available: c.available.map(num),
        fits: c.fits(),
        periods: c.periods.iter().map(capacity_row).collect(),
    }
}

fn capacity_row(p: &CapacityPeriod) -> CapacityRow<'_> {
    CapacityRow {
        label: &p.label,
        start: p.start.to_string(),
        end: p.end.to_string(),
        needed: num(p.needed),
        available: p.available.map(num),
        fits: p.fits(),
    }
}
