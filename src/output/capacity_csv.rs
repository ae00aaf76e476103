//! `goals capacity --format csv`: one row per target and month (`row` = `month`), one per
//! planned hire (`hire`) and one for what stays uncovered (`uncovered`), with a header row;
//! amounts as plain decimals rounded to the unit.

use std::io::{self, Write};

use super::capacity_cells::{gap, plain, rre};
use crate::staffing::CapacityReport;

const HEADER: [&str; 14] = [
    "goal",
    "metric",
    "team",
    "row",
    "label",
    "start",
    "end",
    "open_by",
    "rre",
    "capacity",
    "capacity_with_hires",
    "target",
    "gap",
    "lost_to_ramp",
];

/// Writes the capacity report as CSV.
pub fn render(report: &CapacityReport, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for t in &report.targets {
        let id = [t.goal.as_str(), t.metric.as_str(), t.team.id()];
        for m in &t.months {
            let cells = [
                "month".to_string(),
                m.label.clone(),
                m.start.to_string(),
                m.end.to_string(),
                String::new(),
                rre(m.rre),
                plain(t, m.capacity),
                plain(t, m.capacity_with_hires),
                plain(t, m.target.into()),
                plain(t, gap(m)),
                plain(t, m.lost_to_ramp),
            ];
            csv.write_record(id.iter().map(ToString::to_string).chain(cells))?;
        }
        for (i, h) in t.hires.iter().enumerate() {
            let cells = [
                "hire".to_string(),
                format!("hire {}", i + 1),
                h.start.to_string(),
                t.months
                    .last()
                    .map_or_else(String::new, |m| m.end.to_string()),
                h.open_by.to_string(),
                String::new(),
                plain(t, h.capacity),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
            csv.write_record(id.iter().map(ToString::to_string).chain(cells))?;
        }
        let mut uncovered = vec![String::new(); 11];
        uncovered[0] = "uncovered".into();
        uncovered[9] = plain(t, t.uncovered);
        csv.write_record(id.iter().map(ToString::to_string).chain(uncovered))?;
    }
    csv.flush()
}
