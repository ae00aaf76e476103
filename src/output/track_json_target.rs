//! One target of the tracking JSON document, written field by field with `Pretty` at its
//! depth in the document (2), with the bytes `serde_json`'s pretty printer gives: the team's
//! figures, its pipeline coverage, then each rep's. The buffer goes to the output between
//! reps whenever it holds a chunk, so a target with thousands of reps is never whole in memory.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::{write_fixed, write_scaled};
use super::pretty_json::Pretty;
use crate::track::report::{Coverage, Progress, TargetTrack};

/// How much text the buffer gathers before it goes to the output.
pub const CHUNK: usize = 1 << 16;

/// Writes the buffer to `out` and empties it once it holds at least [`CHUNK`] bytes.
pub fn flush_full(j: &mut Pretty<'_>, out: &mut dyn Write) -> io::Result<()> {
    if j.buffer().len() >= CHUNK {
        out.write_all(j.buffer())?;
        j.buffer().clear();
    }
    Ok(())
}

/// Writes one target at depth 2 of the document, sending the buffer to `out` as it fills.
pub fn write_target(t: &TargetTrack, j: &mut Pretty<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Each period's dates as quoted text once, for the team and every rep.
    let dates: Vec<(Vec<u8>, Vec<u8>)> = t
        .periods
        .iter()
        .map(|p| (date_text(p.start), date_text(p.end)))
        .collect();
    j.begin_object();
    j.strings(&[
        ("goal", t.goal.as_str()),
        ("title", &t.title),
        ("metric", &t.metric),
        ("kind", t.kind.name()),
    ]);
    j.key("unit");
    j.opt_string(t.unit.as_deref());
    j.key("owner");
    j.string(&t.owner);
    j.key("lower_is_better");
    j.bool(t.lower_is_better);
    j.key("start");
    j.date(t.start);
    j.key("end");
    j.date(t.end);
    j.key("remaining_periods");
    count(j, t.remaining_periods);
    write_figures(j, t, &t.team, &dates);
    if let Some(c) = &t.coverage {
        write_coverage(j, &c.team, t.decimals);
    }
    if let Some(x) = t.team_level {
        j.key("team_level_actual");
        fixed(j, x, t.decimals);
    }
    j.key("reps");
    j.begin_array();
    for (i, r) in t.reps.iter().enumerate() {
        j.element();
        j.begin_object();
        j.key("rep");
        j.string(&r.rep);
        j.key("name");
        j.opt_string(r.name.as_deref());
        write_figures(j, t, &r.progress, &dates);
        if let Some(c) = t.coverage.as_ref().and_then(|c| c.reps.get(i)) {
            write_coverage(j, c, t.decimals);
        }
        j.end_object();
        flush_full(j, out)?;
    }
    j.end_array();
    j.end_object();
    Ok(())
}

/// A date as the document quotes it, made once: `"2027-01-31"`.
fn date_text(d: chrono::NaiveDate) -> Vec<u8> {
    let mut text = Vec::with_capacity(12);
    Pretty::at(0, &mut text).date(d);
    text
}

/// The progress figures of the team or a rep, members of its object; `dates` are the
/// quoted start and end of each of the target's periods.
fn write_figures(j: &mut Pretty<'_>, t: &TargetTrack, p: &Progress, dates: &[(Vec<u8>, Vec<u8>)]) {
    let d = t.decimals;
    j.key("plan_to_date");
    fixed(j, p.plan_to_date, d);
    j.key("actual_to_date");
    opt_fixed(j, p.actual_to_date, d);
    j.key("attainment");
    opt_fixed(j, p.attainment, 4);
    j.key("total");
    fixed(j, p.total, d);
    j.key("forecast");
    opt_fixed(j, p.forecast, d);
    j.key("status");
    j.string(p.status.name());
    j.key("gap");
    opt_fixed(j, p.gap, d);
    j.key("catch_up");
    opt_fixed(j, p.catch_up, d);
    j.key("catch_up_periods");
    j.begin_array();
    for (span, &quota) in t.remaining.iter().zip(&p.catch_up_periods) {
        j.element();
        j.begin_object();
        j.key("label");
        j.string(&span.label);
        j.key("quota");
        fixed(j, quota, d);
        j.end_object();
    }
    j.end_array();
    j.key("no_period_left");
    j.bool(p.no_period_left);
    j.key("periods");
    j.begin_array();
    for ((span, (start, end)), b) in t.periods.iter().zip(dates).zip(&p.burn_up) {
        j.element();
        j.begin_object();
        j.key("label");
        j.string(&span.label);
        j.key("start");
        j.raw(start);
        j.key("end");
        j.raw(end);
        j.key("plan");
        fixed(j, b.plan, d);
        j.key("actual");
        opt_fixed(j, b.actual, d);
        j.key("cumulative_plan");
        fixed(j, b.cumulative_plan, d);
        j.key("cumulative_actual");
        opt_fixed(j, b.cumulative_actual, d);
        j.end_object();
    }
    j.end_array();
}

/// Pipeline coverage (SPEC §13), members of the team's or a rep's object.
fn write_coverage(j: &mut Pretty<'_>, c: &Coverage, decimals: u32) {
    j.key("pipeline");
    fixed(j, c.pipeline, decimals);
    j.key("weighted");
    fixed(j, c.weighted, decimals);
    j.key("coverage");
    opt_fixed(j, c.coverage, 4);
    j.key("required_coverage");
    opt_fixed(j, c.required_coverage, 4);
    j.key("pipeline_short");
    match c.pipeline_short {
        Some(short) => j.bool(short),
        None => j.null(),
    }
    j.key("forecast_weighted");
    fixed(j, c.forecast_weighted, decimals);
}

/// A number with exactly `decimals` places (ratios: four), rounded halves away from zero.
pub fn fixed(j: &mut Pretty<'_>, x: Decimal, decimals: u32) {
    write_fixed(x, decimals, j.buffer());
}

/// As [`fixed`], or `null`.
pub fn opt_fixed(j: &mut Pretty<'_>, x: Option<Decimal>, decimals: u32) {
    match x {
        Some(x) => fixed(j, x, decimals),
        None => j.null(),
    }
}

/// A count.
pub fn count(j: &mut Pretty<'_>, n: usize) {
    match u64::try_from(n) {
        Ok(n) => write_scaled(i128::from(n), 0, j.buffer()),
        Err(_) => j.number(n),
    }
}
