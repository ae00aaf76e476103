//! `goals capacity --format markdown`: one section per target with the months as a pipe
//! table, then the hiring plan, ready to paste into a planning document.

use std::io::{self, Write};

use super::capacity_cells::{gap, rre, whole};
use crate::staffing::CapacityReport;

/// Writes the capacity report as Markdown.
pub fn render(report: &CapacityReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# Capacity of {}\n\nAttainment {}, attrition {} a year, time to fill {} days.",
        report.name.as_deref().unwrap_or("the plan"),
        report.attainment.normalize(),
        report.attrition.normalize(),
        report.time_to_fill_days
    )?;
    for t in &report.targets {
        writeln!(
            out,
            "\n## {} — {}\n\nMetric `{}`, team `{}`, capacity {} a rep a month.\n",
            t.goal,
            t.title.replace('|', "\\|"),
            t.metric,
            t.team.id(),
            whole(t, t.metric_capacity)
        )?;
        writeln!(
            out,
            "| month | rre | capacity | target | gap | lost to ramp | with hires |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
        for m in &t.months {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                m.label,
                rre(m.rre),
                whole(t, m.capacity),
                whole(t, m.target.into()),
                whole(t, gap(m)),
                whole(t, m.lost_to_ramp),
                whole(t, m.capacity_with_hires)
            )?;
        }
        if t.hires.is_empty() {
            writeln!(out, "\nNo hire planned.")?;
        } else {
            writeln!(out, "\n| hire | start | open by | capacity |")?;
            writeln!(out, "|---|---|---|---:|")?;
            for (i, h) in t.hires.iter().enumerate() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    i + 1,
                    h.start,
                    h.open_by,
                    whole(t, h.capacity)
                )?;
            }
        }
        writeln!(out, "\nUncovered: {}.", whole(t, t.uncovered))?;
    }
    Ok(())
}
