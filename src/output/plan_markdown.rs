//! `goals plan --format markdown`: one section per target with a pipe table, ready to paste
//! into a planning document.

use std::io::{self, Write};

use super::amount::grouped;
use super::plan_stream::{PlanStream, write_report};
use crate::plan::Order;
use crate::plan::report::{PlanReport, Quantity, TargetReport};

/// The plan as Markdown, one section per target in priority order.
pub struct Markdown;

impl PlanStream for Markdown {
    fn order(&self) -> Order {
        Order::Priority
    }

    fn head(&mut self, report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let name = report.name.as_deref().unwrap_or("Plan");
        writeln!(
            out,
            "# {name}\n\n{} to {}, by {}.",
            report.start, report.end, report.by
        )
    }

    fn target(&mut self, _: &PlanReport, t: &TargetReport, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "\n## {}. {} — {}\n",
            t.priority,
            t.goal,
            escape(&t.title)
        )?;
        writeln!(
            out,
            "Metric `{}` ({}), owner `{}`, importance {}, urgency {}.\n",
            t.metric, t.kind, t.owner, t.importance, t.urgency
        )?;
        if let Some((factor, _)) = t.street {
            writeln!(
                out,
                "Rep quotas are over-assigned ×{}: they add up to the street quota.\n",
                factor.normalize()
            )?;
        }
        let reps: Vec<&str> = t.reps.iter().map(|r| &*r.rep).collect();
        let (team, align) = if t.street.is_some() {
            ("target | street | cushion", "---:|---:|---:|")
        } else {
            ("quota", "---:|")
        };
        writeln!(out, "| period | {team} | {} |", reps.join(" | "))?;
        writeln!(out, "|---|{align}{}", "---:|".repeat(reps.len()))?;
        for p in &t.periods {
            let cells: Vec<String> = p
                .reps
                .iter()
                .map(|r| grouped(r.quota, t.decimals))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                p.label,
                team_cells(t, p.quota, p.street_quota, ""),
                cells.join(" | ")
            )?;
        }
        let totals: Vec<String> = t
            .reps
            .iter()
            .map(|r| format!("**{}**", grouped(r.quota, t.decimals)))
            .collect();
        writeln!(
            out,
            "| **total** | {} | {} |",
            team_cells(t, t.total, t.street.map(|(_, units)| units), "**"),
            totals.join(" | ")
        )?;
        if let Some(unplaced) = t.unplaced {
            writeln!(
                out,
                "\n**Unplaced: {}**: no remaining day of the plan can carry it.",
                grouped(unplaced, t.decimals)
            )?;
        }
        Ok(())
    }

    fn foot(&mut self, _: &PlanReport, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Renders a whole plan report as Markdown.
pub fn render(report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Markdown, report, out)
}

/// The team's cells: the quota, or target, street quota and cushion, each wrapped in `mark`.
fn team_cells(t: &TargetReport, quota: Quantity, street: Option<i64>, mark: &str) -> String {
    let mut cells = vec![grouped(quota, t.decimals)];
    if let (Some(street), Quantity::Units(target)) = (street, quota) {
        cells.push(grouped(Quantity::Units(street), t.decimals));
        cells.push(grouped(Quantity::Units(street - target), t.decimals));
    }
    cells
        .iter()
        .map(|c| format!("{mark}{c}{mark}"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Escapes the characters that would break a Markdown table or heading.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
