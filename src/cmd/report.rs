//! `goals report`: check the goal file, read the actuals when there are any, build the report
//! value and write it as one HTML page to `-o FILE` or standard output.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{Io, Outcome, actuals, load, pipeline};
use crate::cli::ReportArgs;
use crate::output::html;
use crate::report::{ReportOptions, build};

/// Runs `goals report`.
pub fn run(args: &ReportArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "no report was written", io);
    };
    super::warn(&loaded.findings, io)?;
    let read = actuals::read_all(checked, &args.file, &args.actuals, io)?;
    let options = ReportOptions {
        as_of,
        by: super::plan::per(args.by),
    };
    let open = pipeline::read_all(checked, &args.file, &args.pipeline, &read.ledger, as_of, io)?;
    let bad = read.bad() + open.bad();
    let tracked = (!read.sources.is_empty() || !open.sources.is_empty())
        .then_some((&read.ledger, read.sources));
    let mut report = build(checked, &loaded.findings, tracked, options);
    if let Some(track) = &mut report.track {
        pipeline::apply(track, open, checked, &read.ledger);
    }
    match &args.output {
        Some(path) => {
            let shown = path.display();
            let file = File::create(path)
                .with_context(|| format!("cannot write the report to {shown}"))?;
            let mut out = BufWriter::new(file);
            html::render(&report, &mut out)
                .and_then(|()| out.flush())
                .with_context(|| format!("writing the report to {shown}"))?;
        }
        None => html::render(&report, io.stdout)?,
    }
    Ok(super::track::outcome(bad, args.allow_bad_rows, io))
}
