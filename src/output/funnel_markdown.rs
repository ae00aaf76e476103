//! `goals funnel --format markdown`: per target a table of its stages (baseline against
//! required), then, as the table view does, each stage's activity by period with a column
//! per rep and a total row; last, a table of each rep's selling hours by period.

use std::io::{self, Write};

use super::amount::{fixed, group};
use super::funnel_stream::{FunnelStream, write_report};
use super::funnel_table::{dec, hours, percent, shows_periods};
use crate::funnel::report::{FunnelReport, FunnelTarget, RepCapacity, StageReport};

/// The funnel as Markdown, a target's section as soon as it is worked out.
pub struct Markdown;

impl FunnelStream for Markdown {
    fn head(&mut self, report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
        let name = report.name.as_deref().unwrap_or("Plan");
        writeln!(
            out,
            "# {}: funnel\n\n{} to {}, by {}.",
            escape(name),
            report.start,
            report.end,
            report.by
        )?;
        if report.shown_targets == 0 {
            writeln!(
                out,
                "\nNo target shown has a funnel: add `funnel = \"ID\"` to a count or money target."
            )?;
        }
        Ok(())
    }

    fn target(
        &mut self,
        _: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        target(t, out)
    }

    fn foot(
        &mut self,
        report: &FunnelReport,
        capacity: &mut dyn Iterator<Item = RepCapacity>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if report.shown_targets == 0 {
            return Ok(());
        }
        // One column per rep: they are gathered first.
        hours_table(&capacity.collect::<Vec<_>>(), out)
    }
}

/// Renders a whole funnel report as Markdown.
pub fn render(report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Markdown, report, out)
}

/// `|` would end a cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}

fn target(t: &FunnelTarget, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n## {} — {}\n", t.goal, escape(&t.title))?;
    let deal = t.deal_size.map_or_else(String::new, |(size, decimals)| {
        format!(", deal size {}", group(&fixed(size, decimals)))
    });
    writeln!(
        out,
        "Metric `{}`, funnel `{}`{deal}, each {}, cycle {} days, {} to {}.\n",
        t.metric, t.funnel, t.each, t.cycle_days, t.start, t.end
    )?;
    summary(t, out)?;
    for s in t.stages.iter().filter(|s| shows_periods(s)) {
        writeln!(
            out,
            "\n### {} · {} min each\n",
            escape(&s.activity),
            dec(s.minutes, 2)
        )?;
        periods(s, out)?;
    }
    if t.stages
        .iter()
        .any(|s| s.periods.iter().any(|p| p.before_start && p.quota > 0))
    {
        writeln!(
            out,
            "\n\\* before the target starts: activity for its first outcomes ({} days earlier).",
            t.cycle_days
        )?;
    }
    Ok(())
}

fn summary(t: &FunnelTarget, out: &mut dyn Write) -> io::Result<()> {
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
            escape(&s.activity),
            percent(s.rate),
            dec(s.per_outcome, 2),
            group(&s.total.to_string()),
            hours(s.hours)
        )?;
    }
    Ok(())
}

/// One stage by period: total, hours and a column per rep, then the total row.
fn periods(s: &StageReport, out: &mut dyn Write) -> io::Result<()> {
    let reps: Vec<String> = s.reps.iter().map(|r| escape(&r.rep)).collect();
    writeln!(
        out,
        "| period | total | hours | {} |\n|---|---:|---:|{}",
        reps.join(" | "),
        "---:|".repeat(reps.len())
    )?;
    for p in &s.periods {
        let cells: Vec<String> = p.reps.iter().map(|r| group(&r.quota.to_string())).collect();
        writeln!(
            out,
            "| {}{} | {} | {} | {} |",
            p.label,
            if p.before_start { "\\*" } else { "" },
            group(&p.quota.to_string()),
            hours(p.hours),
            cells.join(" | ")
        )?;
    }
    let totals: Vec<String> = s
        .reps
        .iter()
        .map(|r| format!("**{}**", group(&r.quota.to_string())))
        .collect();
    writeln!(
        out,
        "| **total** | **{}** | **{}** | {} |",
        group(&s.total.to_string()),
        hours(s.hours),
        totals.join(" | ")
    )
}

fn hours_table(capacity: &[RepCapacity], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n## Selling hours (needed / available)\n")?;
    let reps: Vec<String> = capacity.iter().map(|c| escape(&c.rep)).collect();
    writeln!(
        out,
        "| period | {} |\n|---|{}",
        reps.join(" | "),
        "---:|".repeat(reps.len())
    )?;
    let cell = |needed, available: Option<_>, fits: bool| {
        let have = available.map_or_else(|| "?".into(), hours);
        format!(
            "{}/{have}{}",
            hours(needed),
            if fits { "" } else { " **!**" }
        )
    };
    let count = capacity.first().map_or(0, |c| c.periods.len());
    for p in 0..count {
        let cells: Vec<String> = capacity
            .iter()
            .map(|c| {
                let row = &c.periods[p];
                cell(row.needed, row.available, row.fits())
            })
            .collect();
        writeln!(
            out,
            "| {} | {} |",
            capacity[0].periods[p].label,
            cells.join(" | ")
        )?;
    }
    let totals: Vec<String> = capacity
        .iter()
        .map(|c| format!("**{}**", cell(c.needed, c.available, c.fits())))
        .collect();
    writeln!(out, "| **total** | {} |", totals.join(" | "))?;
    if capacity.iter().any(|c| !c.fits()) {
        writeln!(
            out,
            "\n**!** the activity needs more hours than the rep has for selling."
        )?;
    }
    if capacity.iter().any(|c| c.hours_per_week.is_none()) {
        writeln!(
            out,
            "\n? the rep has no `hours_per_week`: its hours are not checked."
        )?;
    }
    Ok(())
}
