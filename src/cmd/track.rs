//! `goals track`: check the goal file, read the actuals, compare them with the plan and render
//! the tracking report; the plan is worked out on threads of its own while the exports are
//! read, and the targets tracked there (`track::ahead`).
//! Skipped rows make the exit code 1 unless `--allow-bad-rows`.

use std::sync::Arc;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, actuals, load, pipeline};
use crate::cli::{ReportFormat, TrackArgs};
use crate::output::{notes, track_csv, track_json, track_markdown, track_table};
use crate::track::report::TrackReport;
use crate::track::{TrackOptions, ahead, assemble};

/// Runs `goals track`.
pub fn run(args: &TrackArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "nothing was tracked", io);
    };
    let selection = super::filters::select(checked.file(), &args.filters)?;
    super::warn(&loaded.findings, io)?;
    let options = TrackOptions {
        as_of,
        by: super::plan::per(args.by),
    };
    let mut bad = 0;
    let report = selection.track(checked, &loaded.findings.diagnostics, |view| {
        // The plan needs no actuals: it is worked out while the exports are read, and each
        // target tracked on the same threads once they are.
        std::thread::scope(|scope| -> Result<TrackReport> {
            let ahead = ahead::start(scope, view, options);
            let read = actuals::read_all(checked, &args.file, &args.actuals, io)?;
            let open =
                pipeline::read_all(checked, &args.file, &args.pipeline, &read.ledger, as_of, io)?;
            bad = read.bad() + open.bad();
            let ledger = Arc::new(read.ledger);
            let targets = ahead.tracked(&ledger);
            let mut report = assemble(view, read.sources, options, targets);
            pipeline::apply(&mut report, open, view, &ledger);
            Ok(report)
        })
    })?;
    match args.format {
        ReportFormat::Table => track_table::render(&report, io.paint_out, io.width, io.stdout)?,
        ReportFormat::Json => track_json::render(&report, io.stdout)?,
        ReportFormat::Csv => track_csv::render(&report, io.stdout)?,
        ReportFormat::Markdown => track_markdown::render(&report, io.stdout)?,
    }
    // The process ends next: freeing a large report's many small allocations one by one
    // (tens of milliseconds at 10,000 reps) is left to the system, which frees them at once.
    std::mem::forget(report);
    std::mem::forget(loaded);
    Ok(outcome(bad, args.allow_bad_rows, io))
}

/// Exit 1 when rows were skipped, unless they are allowed.
pub fn outcome(bad: u64, allowed: bool, io: &mut Io<'_>) -> Outcome {
    if bad == 0 || allowed {
        return Outcome::Success;
    }
    // The exit code says it already; a closed stderr must not turn it into a failure.
    let _ = notes::rows_skipped(bad, io.stderr);
    Outcome::Findings
}
