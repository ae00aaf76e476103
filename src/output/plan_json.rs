//! `goals plan --format json`: the plan document of the JSON contract (version 1). Money
//! quotas are written as exact decimal numbers, never through floating point.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use super::amount;
use crate::plan::report::{PeriodRow, PlanReport, Quantity, RepCell, TargetReport};

/// A number written exactly as its decimal text.
pub(super) struct Num(pub(super) String);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.clone()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    plan: Plan<'a>,
    targets: Vec<Target<'a>>,
}

#[derive(Serialize)]
struct Plan<'a> {
    name: Option<&'a str>,
    currency: Option<&'a str>,
    start: String,
    end: String,
    by: &'a str,
}

#[derive(Serialize)]
struct Target<'a> {
    goal: &'a str,
    metric: &'a str,
    kind: &'a str,
    unit: Option<&'a str>,
    owner: &'a str,
    priority: usize,
    total: Num,
    periods: Vec<Period<'a>>,
    reps: Vec<RepTotal<'a>>,
}

#[derive(Serialize)]
struct Period<'a> {
    label: &'a str,
    start: String,
    end: String,
    quota: Num,
    exact: Num,
    reps: Vec<Rep<'a>>,
}

#[derive(Serialize)]
struct Rep<'a> {
    rep: &'a str,
    quota: Num,
    exact: Num,
}

#[derive(Serialize)]
struct RepTotal<'a> {
    rep: &'a str,
    quota: Num,
}

/// Renders the plan document; targets in file order, each with its priority rank.
pub fn render(report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
    let mut targets: Vec<&TargetReport> = report.targets.iter().collect();
    targets.sort_by_key(|t| t.file_order);
    let document = Document {
        version: 1,
        plan: Plan {
            name: report.name.as_deref(),
            currency: report.currency.as_deref(),
            start: report.start.to_string(),
            end: report.end.to_string(),
            by: report.by,
        },
        targets: targets.into_iter().map(target).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn target(t: &TargetReport) -> Target<'_> {
    let q = |quantity: Quantity| Num(amount::plain(quantity, t.decimals));
    Target {
        goal: &t.goal,
        metric: &t.metric,
        kind: t.kind,
        unit: t.unit.as_deref(),
        owner: &t.owner,
        priority: t.priority,
        total: q(t.total),
        periods: t.periods.iter().map(|p| period(p, &q)).collect(),
        reps: t.reps.iter().map(|r| RepTotal { rep: &r.rep, quota: q(r.quota) }).collect(),
    }
}

fn period<'a>(p: &'a PeriodRow, q: &dyn Fn(Quantity) -> Num) -> Period<'a> {
    Period {
        label: &p.label,
        start: p.start.to_string(),
        end: p.end.to_string(),
        quota: q(p.quota),
        exact: Num(amount::exact(p.exact)),
        reps: p.reps.iter().map(|r| rep(r, q)).collect(),
    }
}

fn rep<'a>(r: &'a RepCell, q: &dyn Fn(Quantity) -> Num) -> Rep<'a> {
    Rep { rep: &r.rep, quota: q(r.quota), exact: Num(amount::exact(r.exact)) }
}
