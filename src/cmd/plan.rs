//! `goals plan`: check the file, refuse it when it has errors, decompose it, render the plan.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{By, PlanArgs, ReportFormat};
use crate::model::Per;
use crate::output::{check_human, plan_csv, plan_json, plan_markdown, plan_table};
use crate::plan::{PlanOptions, decompose};

/// The granularity of `--by`.
pub fn per(by: By) -> Per {
    match by {
        By::Quarter => Per::Quarter,
        By::Month => Per::Month,
        By::Week => Per::Week,
        By::Day => Per::Day,
    }
}

/// Runs `goals plan`.
pub fn run(args: &PlanArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
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
            "goals: the plan was not made: fix the errors above first"
        )?;
        return Ok(Outcome::Findings);
    };
    let file = checked.file();
    super::require_known(
        "goal",
        &args.goal,
        &file
            .goals
            .iter()
            .map(|g| g.id.value.as_str())
            .collect::<Vec<_>>(),
    )?;
    super::require_known(
        "team",
        &args.team,
        &file
            .teams
            .iter()
            .map(|t| t.id.value.as_str())
            .collect::<Vec<_>>(),
    )?;
    super::require_known(
        "rep",
        &args.rep,
        &file
            .reps
            .iter()
            .map(|r| r.id.value.as_str())
            .collect::<Vec<_>>(),
    )?;
    super::warn(&loaded.findings, io)?;
    let options = PlanOptions {
        by: per(args.by),
        goals: args.goal.clone(),
        teams: args.team.clone(),
        reps: args.rep.clone(),
    };
    let report = decompose(checked, &options);
    match args.format {
        ReportFormat::Table => plan_table::render(&report, io.paint_out, io.width, io.stdout)?,
        ReportFormat::Json => plan_json::render(&report, io.stdout)?,
        ReportFormat::Csv => plan_csv::render(&report, io.stdout)?,
        ReportFormat::Markdown => plan_markdown::render(&report, io.stdout)?,
    }
    Ok(Outcome::Success)
}
