//! `goals baseline --format table`: per metric, the months of the history with the team's
//! total and its profile weight, then each rep's total and weight with any warning.

use std::io::{self, Write};

use super::baseline_toml::shown;
use super::grid::Grid;
use super::style::Paint;
use super::wrap;
use crate::history::{BaselineReport, MetricBaseline};

/// Writes the baseline report as text tables.
pub fn render(
    report: &BaselineReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let head = [
        format!("History from {} to {}", report.start, report.end),
        super::baseline_toml::outside(report.outside_history),
    ];
    for line in wrap::facts(&head, width) {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    for m in &report.metrics {
        writeln!(out)?;
        metric(report, m, paint, width, out)?;
    }
    Ok(())
}

fn metric(
    report: &BaselineReport,
    m: &MetricBaseline,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(&m.metric))?;
    let Some(profile) = &m.profile else {
        return writeln!(out, "no history in these dates");
    };
    let rows = m
        .months
        .iter()
        .map(|h| {
            vec![
                h.label.clone(),
                shown(m, h.team),
                format!("{}%", profile[h.month as usize - 1]),
                if h.imputed() {
                    "no history: the mean of the others".to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    Grid {
        header: ["month", "team", "profile", ""].map(String::from).to_vec(),
        rows,
        rule_before_last: false,
        ..Grid::default()
    }
    .write("", &|s| paint.bold(s), out)?;
    let facts = [
        format!("total {}", shown(m, m.total)),
        format!(
            "suggested target {} ({:+}%)",
            shown(m, m.suggested_target),
            report.growth.normalize()
        ),
        format!("profile [seasonality.{}_history]", m.metric),
    ];
    for line in wrap::facts(&facts, width) {
        writeln!(out, "{line}")?;
    }
    let reps = m
        .reps
        .iter()
        .map(|r| {
            vec![
                r.rep.clone(),
                shown(m, r.total),
                r.weight.map_or_else(String::new, |w| w.to_string()),
                match (&r.warning, r.partial()) {
                    (Some(w), _) => w.clone(),
                    (None, true) => format!("partial history ({} of 12 months)", r.months),
                    (None, false) => String::new(),
                },
            ]
        })
        .collect::<Vec<_>>();
    if reps.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    Grid {
        header: ["rep", "total", "weight", ""].map(String::from).to_vec(),
        rows: reps,
        rule_before_last: false,
        ..Grid::default()
    }
    .write("", &|s| paint.bold(s), out)
}
