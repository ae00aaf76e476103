//! `goals funnel --format markdown`: per target a table of its stages (baseline against
//! required), then a table of each rep's selling hours by period.

use std::io::{self, Write};

use super::amount::group;
use super::funnel_table::{dec, hours, percent};
use crate::funnel::report::FunnelReport;

/// Renders the funnel report as Markdown.
pub fn render(report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
    let name = report.name.as_deref().unwrap_or("Plan");
    writeln!(
        out,
        "# {name}: funnel\n\n{} to {}, by {}.",
        report.start, report.end, report.by
    )?;
    if report.targets.is_empty() {
        return writeln!(
            out,
            "\nNo target shown has a funnel: add `funnel = \"ID\"` to a count target."
        );
    }
    for t in &report.targets {
        writeln!(out, "\n## {} — {}\n", t.goal, t.title.replace('|', "\\|"))?;
        writeln!(
            out,
            "Metric `{}`, funnel `{}`, each {}, cycle {} days.\n",
            t.metric, t.funnel, t.each, t.cycle_days
        )?;
        let with_base = t.stages.iter().any(|s| s.baseline.is_some());
        if with_base {
            writeln!(
                out,
                "| stage | rate | per outcome | total | hours | baseline | required | change |\n|---|---:|---:|---:|---:|---:|---:|---:|"
            )?;
        } else {
            writeln!(
                out,
                "| stage | rate | per outcome | total | hours |\n|---|---:|---:|---:|---:|"
            )?;
        }
        for s in &t.stages {
            let (base, req, change) = s.baseline.as_ref().map_or_else(Default::default, |b| {
                (
                    dec(b.baseline, 2),
                    dec(b.required, 2),
                    format!(
                        "{}{}",
                        if b.required >= b.baseline { "+" } else { "" },
                        dec(b.required - b.baseline, 2)
                    ),
                )
            });
            let based = if with_base {
                format!(" {base} | {req} | {change} |")
            } else {
                String::new()
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |{based}",
                s.activity,
                percent(s.rate),
                dec(s.per_outcome, 2),
                group(&s.total.to_string()),
                hours(s.hours)
            )?;
        }
    }
    writeln!(out, "\n## Selling hours (needed / available)\n")?;
    let reps: Vec<&str> = report.capacity.iter().map(|c| c.rep.as_str()).collect();
    writeln!(
        out,
        "| period | {} |\n|---|{}",
        reps.join(" | "),
        "---:|".repeat(reps.len())
    )?;
    let count = report.capacity.first().map_or(0, |c| c.periods.len());
    for p in 0..count {
        let cells: Vec<String> = report
            .capacity
            .iter()
            .map(|c| {
                let cell = &c.periods[p];
                let have = cell.available.map_or_else(|| "?".into(), hours);
                format!(
                    "{}/{have}{}",
                    hours(cell.needed),
                    if cell.fits() { "" } else { " **!**" }
                )
            })
            .collect();
        writeln!(
            out,
            "| {} | {} |",
            report.capacity[0].periods[p].label,
            cells.join(" | ")
        )?;
    }
    Ok(())
}
