//! `goals capacity --format json`: the capacity document (version 1), per target its months,
//! its hires and what stays uncovered. Amounts are exact decimals, never through floats.

use std::io::{self, Write};

use serde::Serialize;

use super::capacity_cells::{gap, plain, rre};
use super::plan_json::Num;
use crate::staffing::{CapacityReport, TargetCapacity};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    targets: Vec<Target<'a>>,
}

#[derive(Serialize)]
struct Target<'a> {
    goal: &'a str,
    metric: &'a str,
    team: &'a str,
    months: Vec<Month<'a>>,
    hires: Vec<Hire>,
    uncovered: Num,
}

#[derive(Serialize)]
struct Month<'a> {
    label: &'a str,
    start: String,
    end: String,
    rre: Num,
    capacity: Num,
    capacity_with_hires: Num,
    target: Num,
    gap: Num,
    lost_to_ramp: Num,
}

#[derive(Serialize)]
struct Hire {
    start: String,
    open_by: String,
    capacity: Num,
}

/// Writes the capacity document.
pub fn render(report: &CapacityReport, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: 1,
        targets: report.targets.iter().map(target).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn target(t: &TargetCapacity) -> Target<'_> {
    let n = |x| Num(plain(t, x));
    Target {
        goal: &t.goal,
        metric: &t.metric,
        team: t.team.id(),
        months: t
            .months
            .iter()
            .map(|m| Month {
                label: &m.label,
                start: m.start.to_string(),
                end: m.end.to_string(),
                rre: Num(rre(m.rre)),
                capacity: n(m.capacity),
                capacity_with_hires: n(m.capacity_with_hires),
                target: n(m.target.into()),
                gap: n(gap(m)),
                lost_to_ramp: n(m.lost_to_ramp),
            })
            .collect(),
        hires: t
            .hires
            .iter()
            .map(|h| Hire {
                start: h.start.to_string(),
                open_by: h.open_by.to_string(),
                capacity: n(h.capacity),
            })
            .collect(),
        uncovered: n(t.uncovered),
    }
}
