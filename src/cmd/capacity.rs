//! `goals capacity`: check the file, refuse it when it has errors, build the capacity and
//! hiring report, render it.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{CapacityArgs, ReportFormat};
use crate::output::{capacity_csv, capacity_json, capacity_markdown, capacity_table};
use crate::staffing::{self, CapacityOptions};

/// Runs `goals capacity`.
pub fn run(args: &CapacityArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "the capacity was not computed", io);
    };
    let file = checked.file();
    let goals: Vec<&str> = file.goals.iter().map(|g| g.id.value.as_str()).collect();
    super::require_known("goal", &args.goal, &goals)?;
    let mut teams: Vec<&str> = file.teams.iter().map(|t| t.id.value.as_str()).collect();
    teams.push("company");
    super::require_known("team", &args.team, &teams)?;
    super::warn(&loaded.findings, io)?;
    let options = CapacityOptions {
        goals: args.goal.clone(),
        teams: args.team.clone(),
        as_of: Some(as_of),
    };
    let report = staffing::build(checked, &options);
    match args.format {
        ReportFormat::Table => capacity_table::render(&report, io.paint_out, io.width, io.stdout)?,
        ReportFormat::Json => capacity_json::render(&report, io.stdout)?,
        ReportFormat::Csv => capacity_csv::render(&report, io.stdout)?,
        ReportFormat::Markdown => capacity_markdown::render(&report, io.stdout)?,
    }
    Ok(Outcome::Success)
}
