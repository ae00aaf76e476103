//! `goals replan`: check the goal file, read the actuals, and render a plan in which the past
//! holds the actuals and each target's remainder is spread over the days left.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, actuals, load};
use crate::cli::{ReportFormat, TrackArgs};
use crate::output::{check_human, plan_csv, plan_json, plan_markdown, plan_table};
use crate::plan::{PlanOptions, decompose_with};
use crate::track::replan::Replan;

/// Runs `goals replan`.
pub fn run(args: &TrackArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
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
            "goals: nothing was replanned: fix the errors above first"
        )?;
        return Ok(Outcome::Findings);
    };
    super::warn(&loaded.findings, io)?;
    let read = actuals::read_all(checked, &args.file, &args.actuals, io)?;
    let options = PlanOptions {
        by: super::plan::per(args.by),
        goals: Vec::new(),
        teams: Vec::new(),
        reps: Vec::new(),
    };
    let report = decompose_with(
        checked,
        &options,
        &Replan {
            ledger: &read.ledger,
            as_of,
        },
    );
    match args.format {
        ReportFormat::Table => {
            writeln!(
                io.stdout,
                "Replanned from actuals through {as_of}; later periods share what remains."
            )?;
            plan_table::render(&report, io.paint_out, io.width, io.stdout)?;
        }
        ReportFormat::Json => plan_json::render(&report, io.stdout)?,
        ReportFormat::Csv => plan_csv::render(&report, io.stdout)?,
        ReportFormat::Markdown => plan_markdown::render(&report, io.stdout)?,
    }
    Ok(super::track::outcome(read.bad, args.allow_bad_rows, io))
}
