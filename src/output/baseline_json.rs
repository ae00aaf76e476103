//! `goals baseline --format json`: the baseline document (version 1), per metric its history
//! window, monthly totals per rep and team, profile, total, suggested target and rep weights.

use std::io::{self, Write};

use serde::Serialize;

use super::plan_json::Num;
use crate::history::{BaselineReport, MetricBaseline};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    outside_history: u64,
    metrics: Vec<MetricDoc<'a>>,
}

#[derive(Serialize)]
struct MetricDoc<'a> {
    metric: &'a str,
    history: History,
    months: Vec<Month<'a>>,
    profile: Option<Profile>,
    total: Num,
    suggested_target: Num,
    reps: Vec<RepDoc<'a>>,
}

/// January..December, as the keys of a seasonality profile.
#[derive(Serialize)]
struct Profile {
    jan: Num,
    feb: Num,
    mar: Num,
    apr: Num,
    may: Num,
    jun: Num,
    jul: Num,
    aug: Num,
    sep: Num,
    oct: Num,
    nov: Num,
    dec: Num,
}

#[derive(Serialize)]
struct History {
    start: String,
    end: String,
}

#[derive(Serialize)]
struct Month<'a> {
    label: &'a str,
    team: Num,
    no_history: bool,
    reps: Vec<RepValue<'a>>,
}

#[derive(Serialize)]
struct RepValue<'a> {
    rep: &'a str,
    value: Num,
}

#[derive(Serialize)]
struct RepDoc<'a> {
    rep: &'a str,
    total: Num,
    weight: Option<Num>,
    partial: bool,
    warning: Option<&'a str>,
}

/// Writes the baseline document.
pub fn render(report: &BaselineReport, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: 1,
        outside_history: report.outside_history,
        metrics: report.metrics.iter().map(|m| metric(report, m)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn num(x: rust_decimal::Decimal) -> Num {
    Num(x.normalize().to_string())
}

fn metric<'a>(report: &BaselineReport, m: &'a MetricBaseline) -> MetricDoc<'a> {
    let profile = m.profile.map(|w| {
        let n = |i: usize| Num(w[i].to_string());
        Profile {
            jan: n(0),
            feb: n(1),
            mar: n(2),
            apr: n(3),
            may: n(4),
            jun: n(5),
            jul: n(6),
            aug: n(7),
            sep: n(8),
            oct: n(9),
            nov: n(10),
            dec: n(11),
        }
    });
    MetricDoc {
        metric: &m.metric,
        history: History {
            start: report.start.to_string(),
            end: report.end.to_string(),
        },
        months: m
            .months
            .iter()
            .map(|h| Month {
                label: &h.label,
                team: num(h.team),
                no_history: h.imputed(),
                reps: h
                    .reps
                    .iter()
                    .map(|(rep, value)| RepValue {
                        rep,
                        value: num(*value),
                    })
                    .collect(),
            })
            .collect(),
        profile,
        total: num(m.total),
        suggested_target: num(m.suggested_target),
        reps: m
            .reps
            .iter()
            .map(|r| RepDoc {
                rep: &r.rep,
                total: num(r.total),
                weight: r.weight.map(|w| Num(w.to_string())),
                partial: r.partial(),
                warning: r.warning.as_deref(),
            })
            .collect(),
    }
}
