//! `goals baseline --format toml`: a snippet that pastes into the goal file and passes
//! `goals check`: per metric the `[seasonality.<metric>_history]` profile, with the suggested
//! target and each rep's `weight` as comment lines to copy into the target and the reps.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::{fixed, group};
use crate::history::{BaselineReport, MetricBaseline};
use crate::model::schema::MONTH_NAMES;

/// Writes the snippet.
pub fn render(report: &BaselineReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# goals baseline: history from {} to {}; {}",
        report.start,
        report.end,
        outside(report.outside_history)
    )?;
    for m in &report.metrics {
        writeln!(out)?;
        metric(report, m, out)?;
    }
    Ok(())
}

fn metric(report: &BaselineReport, m: &MetricBaseline, out: &mut dyn Write) -> io::Result<()> {
    let Some(profile) = &m.profile else {
        return writeln!(
            out,
            "# {}: no history from {} to {}; no profile, target or weights",
            m.metric, report.start, report.end
        );
    };
    let growth = report.growth.normalize();
    writeln!(
        out,
        "# {}: last year's total {}; with {}{growth}% growth the suggested target is {}.",
        m.metric,
        group(&m.total.to_string()),
        if report.growth >= Decimal::ZERO {
            "+"
        } else {
            ""
        },
        group(&m.suggested_target.to_string())
    )?;
    writeln!(out, "# In its [[goals.targets]] entry:")?;
    writeln!(out, "#   target = {}", plain(m.suggested_target))?;
    writeln!(out, "#   split = \"{}_history\"", m.metric)?;
    writeln!(out, "[seasonality.{}_history]", m.metric)?;
    for (i, name) in MONTH_NAMES.iter().enumerate() {
        let imputed = m
            .months
            .iter()
            .any(|h| h.month as usize == i + 1 && h.imputed());
        let note = if imputed {
            "   # no history: the mean of the other months"
        } else {
            ""
        };
        writeln!(out, "{name} = {}{note}", profile[i])?;
    }
    if m.reps.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "# Each rep's share against an equal share, for its [[reps]] entry:"
    )?;
    for rep in &m.reps {
        match rep.weight {
            Some(weight) => {
                let warning = rep
                    .warning
                    .as_ref()
                    .map_or_else(String::new, |w| format!("   # warning: {w}"));
                writeln!(out, "#   {}: weight = {weight}{warning}", rep.rep)?;
            }
            None => writeln!(
                out,
                "#   {}: partial history ({} of 12 months), no weight",
                rep.rep, rep.months
            )?,
        }
    }
    Ok(())
}

/// A decimal as TOML accepts it: an integer, or a decimal string for money with cents.
fn plain(x: Decimal) -> String {
    let x = x.normalize();
    if x.scale() == 0 {
        x.to_string()
    } else {
        format!("\"{x}\"")
    }
}

/// "3 rows outside it not used", in words that agree with the count.
pub fn outside(rows: u64) -> String {
    match rows {
        0 => "no row outside it".to_string(),
        1 => "1 row outside it, not used".to_string(),
        n => format!("{n} rows outside it, not used"),
    }
}

/// An amount of the metric for people: its unit's decimals, thousands grouped.
pub fn shown(m: &MetricBaseline, x: Decimal) -> String {
    group(&fixed(x, m.decimals))
}
