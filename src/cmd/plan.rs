//! `goals plan`: check the file, refuse it when it has errors, decompose it, render the plan.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{By, PlanArgs, PlanFormat, ReportFormat};
use crate::model::Per;
use crate::output::plan_stream::PlanStream;
use crate::output::{plan_csv, plan_json, plan_markdown, plan_table};
use crate::plan::{DaySource, PlanOptions, Planned, each_target, plan_head};
use crate::smart::Checked;

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
        return super::refuse(&loaded, "the plan was not made", io);
    };
    let file = checked.file();
    let selection = super::filters::select(file, &args.filters)?;
    super::warn(&loaded.findings, io)?;
    let options = selection.plan_options(per(args.by));
    let format = match args.format {
        PlanFormat::Table => ReportFormat::Table,
        PlanFormat::Json => ReportFormat::Json,
        PlanFormat::Csv => ReportFormat::Csv,
        PlanFormat::Markdown => ReportFormat::Markdown,
        crm @ (PlanFormat::Salesforce | PlanFormat::Pipedrive) => {
            super::crm::write(checked, &options, crm, args.by, args.currency_id, io)?;
            return Ok(Outcome::Success);
        }
    };
    write_plan(checked, &options, &Planned, format, io)?;
    Ok(Outcome::Success)
}

/// Writes the plan of `source` in `format`, each target as soon as it is computed, so memory
/// does not grow with the plan. Shared by `goals plan` and `goals replan`.
pub fn write_plan(
    checked: Checked<'_>,
    options: &PlanOptions,
    source: &dyn DaySource,
    format: ReportFormat,
    io: &mut Io<'_>,
) -> Result<()> {
    let mut stream: Box<dyn PlanStream> = match format {
        ReportFormat::Table => Box::new(plan_table::Table {
            paint: io.paint_out,
            width: io.width,
            written: 0,
        }),
        ReportFormat::Json => Box::new(plan_json::Json::default()),
        ReportFormat::Csv => Box::new(plan_csv::Csv),
        ReportFormat::Markdown => Box::new(plan_markdown::Markdown),
    };
    let head = plan_head(checked, options);
    stream.head(&head, io.stdout)?;
    let order = stream.order();
    each_target(checked, options, source, order, &mut |t| {
        stream.target(&head, &t, io.stdout)
    })?;
    stream.foot(&head, io.stdout)?;
    Ok(())
}
