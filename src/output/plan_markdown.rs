//! `goals plan --format markdown`: one section per target with a pipe table, ready to paste
//! into a planning document.

use std::io::{self, Write};

use super::amount::grouped;
use super::plan_stream::{PlanStream, write_report};
use crate::plan::Order;
use crate::plan::report::{PlanReport, TargetReport};

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
        let reps: Vec<&str> = t.reps.iter().map(|r| r.rep.as_str()).collect();
        writeln!(out, "| period | quota | {} |", reps.join(" | "))?;
        writeln!(out, "|---|---:|{}", "---:|".repeat(reps.len()))?;
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
                grouped(p.quota, t.decimals),
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
            "| **total** | **{}** | {} |",
            grouped(t.total, t.decimals),
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

/// Escapes the characters that would break a Markdown table or heading.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
