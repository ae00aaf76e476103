//! `goals funnel`: check the file, refuse it when it has errors, work every funnel target
//! back to its activity and hours once, for the `funnel-hours-exceed-capacity` check and the
//! report alike, then the selling hours. The report is written after the warnings line, as
//! every command writes it, so it is held (in memory up to a few megabytes, beyond that in a
//! temporary file) until the check's last target is in.

use std::io::{BufWriter, Seek};

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{FunnelArgs, ReportFormat};
use crate::funnel::{FunnelOptions, HoursCheck, each_target_checking, head};
use crate::output::funnel_stream::FunnelStream;
use crate::output::{funnel_csv, funnel_json, funnel_markdown, funnel_table};

/// Bytes of the report held in memory before the rest goes to a temporary file.
const HELD_IN_MEMORY: usize = 8 << 20;

/// Runs `goals funnel`.
pub fn run(args: &FunnelArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let almost = load::load_but_funnel_hours(&args.file, as_of, io.stdin)?;
    let Some(checked) = almost.checked() else {
        let loaded = almost.finish(Vec::new());
        return super::refuse(&loaded, "the funnel was not worked out", io);
    };
    if almost.has_errors() {
        let hours = crate::funnel::findings(checked);
        let loaded = almost.finish(hours);
        return super::refuse(&loaded, "the funnel was not worked out", io);
    }
    let goals: Vec<&str> = checked
        .file()
        .goals
        .iter()
        .map(|g| g.id.value.as_str())
        .collect();
    super::require_known("goal", &args.goal, &goals)?;
    let options = FunnelOptions {
        by: super::plan::per(args.by),
        goals: args.goal.clone(),
    };
    let mut stream: Box<dyn FunnelStream> = match args.format {
        ReportFormat::Table => Box::new(funnel_table::Table {
            paint: io.paint_out,
            width: io.width,
        }),
        ReportFormat::Json => Box::new(funnel_json::Json::default()),
        ReportFormat::Csv => Box::new(funnel_csv::Csv),
        ReportFormat::Markdown => Box::new(funnel_markdown::Markdown),
    };
    // Each target is rendered as soon as it is worked out, then dropped.
    let mut out = BufWriter::new(tempfile::spooled_tempfile(HELD_IN_MEMORY));
    let report = head(checked, &options);
    stream.head(&report, &mut out)?;
    let mut check = HoursCheck::default();
    let capacity = each_target_checking(checked, &options, &mut check, &mut |t| {
        stream.target(&report, &t, &mut out)
    })?;
    stream.foot(&report, &mut capacity.reps(), &mut out)?;
    let hours = check.findings(checked.file());
    drop(capacity);
    let loaded = almost.finish(hours);
    super::warn(&loaded.findings, io)?;
    let mut held = out
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    held.rewind()?;
    std::io::copy(&mut held, io.stdout)?;
    Ok(Outcome::Success)
}
