//! `goals funnel`: check the file, refuse it when it has errors, work every funnel target
//! back to its activity and hours, writing each as soon as it is worked out, then the
//! selling hours.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{FunnelArgs, ReportFormat};
use crate::funnel::{FunnelOptions, each_target, head};
use crate::output::funnel_stream::FunnelStream;
use crate::output::{funnel_csv, funnel_json, funnel_markdown, funnel_table};

/// Runs `goals funnel`.
pub fn run(args: &FunnelArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "the funnel was not worked out", io);
    };
    let goals: Vec<&str> = checked
        .file()
        .goals
        .iter()
        .map(|g| g.id.value.as_str())
        .collect();
    super::require_known("goal", &args.goal, &goals)?;
    super::warn(&loaded.findings, io)?;
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
    // Each target is written as soon as it is worked out, then dropped.
    let report = head(checked, &options);
    stream.head(&report, io.stdout)?;
    let capacity = each_target(checked, &options, &mut |t| {
        stream.target(&report, &t, io.stdout)
    })?;
    stream.foot(&report, &mut capacity.reps(), io.stdout)?;
    Ok(Outcome::Success)
}
