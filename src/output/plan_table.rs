//! `goals plan` for people: one block per target in priority order, periods down, the team's
//! quota and each rep's across, totals at the bottom and a bar showing the year's shape.
//! Reps that do not fit the terminal width continue in a further block.

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;

use super::amount::grouped;
use super::grid::{Grid, bar};
use super::plan_stream::{PlanStream, write_report};
use super::style::Paint;
use super::wrap;
use crate::model::MetricKind;
use crate::plan::Order;
use crate::plan::report::{PlanReport, Quantity, TargetReport};

/// Width of the shape bar.
const BAR: usize = 10;

/// The plan as text tables no wider than `width` where possible, targets in priority order.
pub struct Table {
    pub paint: Paint,
    pub width: usize,
    /// Targets written so far.
    pub written: usize,
}

impl PlanStream for Table {
    fn order(&self) -> Order {
        Order::Priority
    }

    fn head(&mut self, report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let mut head = vec![report.name.clone().unwrap_or_else(|| "Plan".into())];
        head.push(format!("{} to {}", report.start, report.end));
        head.push(format!("by {}", report.by));
        if let Some(currency) = &report.currency {
            head.push(currency.clone());
        }
        for line in wrap::facts(&head, self.width) {
            writeln!(out, "{}", self.paint.bold(&line))?;
        }
        Ok(())
    }

    fn target(
        &mut self,
        report: &PlanReport,
        t: &TargetReport,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.written += 1;
        writeln!(out)?;
        block(report, t, self.paint, self.width, out)
    }

    fn foot(&mut self, _: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        if self.written == 0 {
            writeln!(out, "\nno target matches the filters")?;
        }
        Ok(())
    }
}

/// Renders a whole plan report as text tables.
pub fn render(
    report: &PlanReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_report(
        &mut Table {
            paint,
            width,
            written: 0,
        },
        report,
        out,
    )
}

fn block(
    report: &PlanReport,
    t: &TargetReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = if t.title.is_empty() {
        String::new()
    } else {
        format!(": {}", t.title)
    };
    writeln!(
        out,
        "{}",
        paint.bold(&format!("#{} {}{title}", t.priority, t.goal))
    )?;
    let unit = match (t.kind, &report.currency, &t.unit) {
        (MetricKind::Money, Some(currency), _) => currency.clone(),
        (MetricKind::Rate, _, _) => "%".into(),
        (_, _, Some(unit)) => unit.clone(),
        _ => t.metric.clone(),
    };
    let better = if t.lower_is_better {
        ", lower is better"
    } else {
        ""
    };
    let mut parts = vec![
        format!("{} ({}, {unit}{better})", t.metric, t.kind),
        t.owner.clone(),
        format!("importance {}", t.importance),
        format!("urgency {}", t.urgency),
    ];
    if let Some((factor, _)) = t.street {
        parts.push(format!("reps over-assigned ×{}", factor.normalize()));
    }
    for line in wrap::facts(&parts, width) {
        writeln!(out, "{line}")?;
    }
    let reps: Vec<usize> = (0..t.reps.len()).collect();
    let chunks = rep_chunks(t, &reps, width);
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        grid(t, chunk, paint, i == 0).write("", &|s| paint.bold(s), out)?;
    }
    if let Some(unplaced) = t.unplaced {
        let line = format!(
            "unplaced {}: no remaining day of the plan can carry it",
            cell(unplaced, t.decimals)
        );
        writeln!(out, "{}", paint.warning(&line))?;
    }
    Ok(())
}

fn cell(q: Quantity, decimals: u32) -> String {
    grouped(q, decimals)
}

/// Groups rep columns so that each grid fits `width`. An over-assigned target shows target,
/// street quota and cushion in the first grid and only the street quota after it.
fn rep_chunks(t: &TargetReport, reps: &[usize], width: usize) -> Vec<Vec<usize>> {
    let label = t
        .periods
        .iter()
        .map(|p| p.label.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let quota = cell(t.total, t.decimals).len().max(5);
    let (first, rest) = match t.street {
        Some((_, units)) => {
            let street = cell(Quantity::Units(units), t.decimals).len().max(7) + 2;
            (label + 2 + quota + 2 + 2 * street + 1 + BAR, label + street)
        }
        None => (label + 2 + quota + 2 + BAR, label + 2 + quota + 2 + BAR),
    };
    let mut chunks: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = first;
    for &i in reps {
        let col = t.reps[i]
            .rep
            .chars()
            .count()
            .max(cell(t.reps[i].quota, t.decimals).len())
            + 2;
        let current = chunks.last_mut().expect("invariant: chunks is never empty");
        if !current.is_empty() && used + col > width {
            chunks.push(vec![i]);
            used = rest + col;
        } else {
            current.push(i);
            used += col;
        }
    }
    chunks
}

/// The team's columns of a row: the quota, or target, street quota and cushion.
fn team_cells(t: &TargetReport, quota: Quantity, street: Option<i64>, first: bool) -> Vec<String> {
    if let (Some(street), false) = (street, first) {
        return vec![cell(Quantity::Units(street), t.decimals)];
    }
    let mut cells = vec![cell(quota, t.decimals)];
    if let (Some(street), Quantity::Units(target)) = (street, quota) {
        cells.push(cell(Quantity::Units(street), t.decimals));
        cells.push(cell(Quantity::Units(street - target), t.decimals));
    }
    cells
}

fn grid(t: &TargetReport, reps: &[usize], paint: Paint, with_bar: bool) -> Grid {
    let mut header = vec!["period".to_string()];
    if t.street.is_some() && with_bar {
        header.extend(["target", "street", "cushion"].map(String::from));
    } else if t.street.is_some() {
        header.push("street".to_string());
    } else {
        header.push("quota".to_string());
    }
    header.extend(reps.iter().map(|&i| t.reps[i].rep.to_string()));
    let max = t
        .periods
        .iter()
        .map(|p| magnitude(p.quota))
        .fold(0.0, f64::max);
    let mut rows: Vec<Vec<String>> = t
        .periods
        .iter()
        .map(|p| {
            let mut row = vec![p.label.clone()];
            row.extend(team_cells(t, p.quota, p.street_quota, with_bar));
            row.extend(reps.iter().map(|&i| cell(p.reps[i].quota, t.decimals)));
            if with_bar {
                row.push(bar(magnitude(p.quota), max, BAR, paint.enabled));
            }
            row
        })
        .collect();
    let additive = matches!(t.total, Quantity::Units(_));
    let mut total = vec![if additive { "total" } else { "final" }.to_string()];
    total.extend(team_cells(
        t,
        t.total,
        t.street.map(|(_, units)| units),
        with_bar,
    ));
    total.extend(reps.iter().map(|&i| cell(t.reps[i].quota, t.decimals)));
    rows.push(total);
    if with_bar {
        header.push(String::new());
    }
    Grid {
        header,
        rows,
        rule_before_last: true,
        ..Grid::default()
    }
}

/// A quota's size for the bar only (display, not arithmetic).
fn magnitude(q: Quantity) -> f64 {
    match q {
        Quantity::Units(n) => n.to_f64().unwrap_or(0.0),
        Quantity::Level(level) => level.to_f64().unwrap_or(0.0),
    }
}
