//! `goals baseline`: check the goal file, read last year's exports with the mappings and reader
//! of `goals track` into a ledger over the twelve months before the plan, and render what they
//! say: profiles, suggested targets and rep weights. Skipped rows make the exit code 1.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::actuals::{Declared, read_into};
use super::{Io, Outcome, load};
use crate::cli::{BaselineArgs, BaselineFormat};
use crate::history::{self, BaselineOptions};
use crate::output::{baseline_json, baseline_table, baseline_toml, messages};
use crate::track::ledger::Ledger;

/// Runs `goals baseline`.
pub fn run(args: &BaselineArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        return super::refuse(&loaded, "no baseline was made", io);
    };
    let file = checked.file();
    if let Some(id) = &args.metric {
        let additive: Vec<&str> = file
            .metrics
            .iter()
            .filter(|m| m.kind.is_additive())
            .map(|m| m.id.value.as_str())
            .collect();
        if file.metric(id).is_some_and(|m| !m.kind.is_additive()) {
            anyhow::bail!("{}", messages::not_additive(id, &additive));
        }
        super::require_known("metric", std::slice::from_ref(id), &additive)?;
    }
    super::warn(&loaded.findings, io)?;
    let (start, _) = checked.period();
    let window = history::window(start)
        .ok_or_else(|| anyhow!("the plan starts too early for a year of history before it"))?;
    let ledger = Ledger::over(file, window.0, window.1);
    let read = read_into(
        ledger,
        file,
        &args.file,
        &args.actuals,
        Declared::Skipped,
        io,
    )?;
    let options = BaselineOptions {
        metric: args.metric.clone(),
        growth: args.growth,
    };
    let report = history::build(file, &read.ledger, window, &options);
    match args.format {
        BaselineFormat::Toml => baseline_toml::render(&report, io.stdout)?,
        BaselineFormat::Table => {
            baseline_table::render(&report, io.paint_out, io.width, io.stdout)?;
        }
        BaselineFormat::Json => baseline_json::render(&report, io.stdout)?,
    }
    Ok(super::track::outcome(read.bad(), args.allow_bad_rows, io))
}
