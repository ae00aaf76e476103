//! `goals capacity` for people: per target, the months down with rre, capacity, target, gap,
//! lost to ramp and capacity with the planned hires across, then the hiring plan and what
//! stays uncovered. Amounts in whole currency units (JSON and CSV keep the minor units).

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::capacity_cells::{gap, rre, whole};
use super::grid::Grid;
use super::style::Paint;
use super::wrap;
use crate::staffing::{CapacityReport, TargetCapacity, TeamOwner};

/// Writes the capacity report as text tables.
pub fn render(
    report: &CapacityReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut head = vec![format!(
        "Capacity of {}",
        report.name.as_deref().unwrap_or("the plan")
    )];
    head.push(format!("attainment {}", report.attainment.normalize()));
    head.push(format!("attrition {} a year", report.attrition.normalize()));
    head.push(format!("time to fill {} days", report.time_to_fill_days));
    if let Some(currency) = &report.currency {
        head.push(currency.clone());
    }
    for line in wrap::facts(&head, width) {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    if report.targets.is_empty() {
        writeln!(
            out,
            "\nno team target of a metric with a `capacity` matches the filters"
        )?;
    }
    for (i, t) in report.targets.iter().enumerate() {
        writeln!(out)?;
        target(t, i + 1, paint, width, out)?;
    }
    Ok(())
}

fn target(
    t: &TargetCapacity,
    n: usize,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = if t.title.is_empty() {
        String::new()
    } else {
        format!(": {}", t.title)
    };
    writeln!(out, "{}", paint.bold(&format!("{n}. {}{title}", t.goal)))?;
    let facts = [
        t.metric.clone(),
        match &t.team {
            TeamOwner::Company => "company".to_string(),
            TeamOwner::Team(id) => format!("team {id}"),
        },
        format!("capacity {} a rep a month", whole(t, t.metric_capacity)),
    ];
    for line in wrap::facts(&facts, width) {
        writeln!(out, "{line}")?;
    }
    months(t).write("", &|s| paint.bold(s), out)?;
    hires(t, paint, out)
}

fn months(t: &TargetCapacity) -> Grid {
    let header = [
        "month",
        "rre",
        "capacity",
        "target",
        "gap",
        "lost to ramp",
        "with hires",
    ];
    let mut rows: Vec<Vec<String>> = t
        .months
        .iter()
        .map(|m| {
            vec![
                m.label.clone(),
                rre(m.rre),
                whole(t, m.capacity),
                whole(t, m.target.into()),
                whole(t, gap(m)),
                whole(t, m.lost_to_ramp),
                whole(t, m.capacity_with_hires),
            ]
        })
        .collect();
    let sum = |f: &dyn Fn(&crate::staffing::MonthCapacity) -> Decimal| -> Decimal {
        t.months.iter().map(f).sum()
    };
    rows.push(vec![
        "total".to_string(),
        String::new(),
        whole(t, sum(&|m| m.capacity)),
        whole(t, sum(&|m| m.target.into())),
        whole(t, sum(&gap)),
        whole(t, sum(&|m| m.lost_to_ramp)),
        whole(t, sum(&|m| m.capacity_with_hires)),
    ]);
    Grid {
        header: header.map(String::from).to_vec(),
        rows,
        rule_before_last: true,
        ..Grid::default()
    }
}

fn hires(t: &TargetCapacity, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let Some(first) = t.hires.first() else {
        let line = if t.uncovered > Decimal::ZERO {
            format!(
                "no hire can start in time: {} stays uncovered",
                whole(t, t.uncovered)
            )
        } else {
            "no hire needed: the team covers the target".to_string()
        };
        return writeln!(out, "{line}");
    };
    let s = if t.hires.len() == 1 { "" } else { "s" };
    writeln!(
        out,
        "{} full-time hire{s} starting {}: open the requisition{s} by {}",
        t.hires.len(),
        first.start,
        first.open_by
    )?;
    let mut rows: Vec<Vec<String>> = t
        .hires
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                format!("hire {}", i + 1),
                h.start.to_string(),
                h.open_by.to_string(),
                whole(t, h.capacity),
            ]
        })
        .collect();
    if rows.len() > 12 {
        let rest = rows.len() - 10;
        rows.truncate(10);
        rows.push(vec![
            format!("… {rest} more alike"),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    Grid {
        header: ["hire", "start", "open by", "capacity"]
            .map(String::from)
            .to_vec(),
        rows,
        rule_before_last: false,
        ..Grid::default()
    }
    .write("  ", &|s| paint.bold(s), out)?;
    if t.uncovered > Decimal::ZERO {
        writeln!(
            out,
            "{} stays uncovered even with these hires",
            whole(t, t.uncovered)
        )?;
    }
    Ok(())
}
