//! `goals funnel`: check the file, refuse it when it has errors, work every funnel target
//! back to its activity and hours, render the report.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{FunnelArgs, ReportFormat};
use crate::funnel::{FunnelOptions, build};
use crate::output::{check_human, funnel_csv, funnel_json, funnel_markdown, funnel_table};

/// Runs `goals funnel`.
pub fn run(args: &FunnelArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        check_human::render(
            std::slice::from_ref(&loaded.findings),
            io.paint_err,
            io.width,
            io.stderr,
        )?;
        writeln!(
            io.stderr,
            "goals: the funnel was not worked out: fix the errors above first"
        )?;
        return Ok(Outcome::Findings);
    };
    let goals: Vec<&str> = checked
        .file()
        .goals
        .iter()
        .map(|g| g.id.value.as_str())
        .collect();
    super::require_known("goal", &args.goal, &goals)?;
    super::warn(&loaded.findings, io)?;
    let report = build(
        checked,
        &FunnelOptions {
            by: super::plan::per(args.by),
            goals: args.goal.clone(),
        },
    );
    match args.format {
        ReportFormat::Table => funnel_table::render(&report, io.paint_out, io.width, io.stdout)?,
        ReportFormat::Json => funnel_json::render(&report, io.stdout)?,
        ReportFormat::Csv => funnel_csv::render(&report, io.stdout)?,
        ReportFormat::Markdown => funnel_markdown::render(&report, io.stdout)?,
    }
    Ok(Outcome::Success)
}
