//! `goals replan`: check the goal file, read the actuals, and render a plan in which the past
//! holds the actuals and each target's remainder is spread over the days left.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, actuals, load};
use crate::cli::{ReportFormat, TrackArgs};
use crate::output::replan_notes;
use crate::track::replan::Replan;

/// Runs `goals replan`.
pub fn run(args: &TrackArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "nothing was replanned", io);
    };
    let selection = super::filters::select(checked.file(), &args.filters)?;
    if !args.pipeline.is_empty() {
        anyhow::bail!(
            "--pipeline is for `goals track` and `goals report`; a replan spreads what remains over the plan, not over open deals"
        );
    }
    super::warn(&loaded.findings, io)?;
    let read = actuals::read_all(checked, &args.file, &args.actuals, io)?;
    let options = selection.plan_options(super::plan::per(args.by));
    if args.format == ReportFormat::Table {
        replan_notes::heading(as_of, io.stdout)?;
    }
    let source = Replan::new(&read.ledger, as_of);
    super::plan::write_plan(checked, &options, &source, args.format, io)?;
    for s in source.stranded.borrow().iter() {
        replan_notes::stranded(s, as_of, io.paint_err, io.width, io.stderr)?;
    }
    Ok(super::track::outcome(read.bad(), args.allow_bad_rows, io))
}
