//! Reads one pipeline export (SPEC §13) into the book of open deals: the `[[pipeline]]`
//! mapping that fits its header, and a sink that sends its rows through the actuals reader
//! with the probability or stage column in the place of the metric column, so every reading
//! rule of the actuals applies and bad rows are counted alike.

use std::fs::File;
use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::csv_read::sources::mapping_of;
use super::csv_read::{
    Added, Field, Mapping, Peeked, ReadSummary, RowKey, RowRejection, Sink, peek_columns,
    read_peeked,
};
use super::ledger::Ledger;
use super::numbers::{Amount, clip};
use super::pipeline::{PipelineBook, probability};
use super::report::SourceSummary;
use crate::model::{Chance, GoalFile, PipelineMapping};

/// Every pipeline export read.
#[derive(Default)]
pub struct Pipeline {
    pub book: PipelineBook,
    pub sources: Vec<SourceSummary>,
}

impl Pipeline {
    /// Rows skipped in all exports.
    pub fn bad(&self) -> u64 {
        self.sources.iter().map(|s| s.bad).sum()
    }
}

/// The chance column of a mapping.
fn chance_column(chance: &Chance) -> &str {
    match chance {
        Chance::Probability(column) | Chance::Stage { column, .. } => column,
    }
}

/// The `[[pipeline]]` mapping whose columns the header has.
fn mapping_for<'a, R: std::io::Read>(
    file: &'a GoalFile,
    peeked: &Peeked<R>,
    shown: &str,
) -> Result<&'a PipelineMapping> {
    let mut seen = Vec::new();
    for mapping in &file.pipeline {
        let columns = peek_columns(peeked, mapping.reading.encoding);
        let reading = columns_of(mapping);
        if reading.columns().all(|c| {
            columns
                .iter()
                .any(|h| h.trim().eq_ignore_ascii_case(c.trim()))
        }) {
            return Ok(mapping);
        }
        seen = columns;
    }
    if seen.is_empty() {
        seen = peek_columns(peeked, None);
    }
    Err(anyhow!("{}", no_mapping(shown, &seen)))
}

/// The reading mapping of a pipeline source: the chance column in the place of the metric.
fn columns_of(mapping: &PipelineMapping) -> Mapping {
    Mapping {
        fixed_metric: None,
        metric: Some(chance_column(&mapping.chance).to_owned()),
        ..mapping_of(&mapping.reading)
    }
}

/// Where a pipeline export's rows go: reps as in the actuals, each row's chance parsed from
/// its probability or stage, deals closing on or before the as-of date counted outside.
struct PipelineSink<'a> {
    ledger: &'a Ledger,
    book: &'a mut PipelineBook,
    metric: &'a str,
    chance: &'a Chance,
    as_of: NaiveDate,
    /// Chances by their text, so a row's chance is a key like a metric.
    chances: FxHashMap<String, u32>,
    values: Vec<Decimal>,
}

impl Sink for PipelineSink<'_> {
    fn owner(&mut self, rep: &str) -> Result<u32, RowRejection> {
        let rep_index = self.ledger.rep_index(rep).ok_or_else(|| RowRejection {
            field: Field::Rep,
            reason: "unknown rep".to_owned(),
            detail: Some(format!(
                "`{}` is not the id, name or alias of a rep; add it to that rep's `aliases`",
                clip(rep)
            )),
        })?;
        Ok(u32::try_from(rep_index).unwrap_or(u32::MAX))
    }

    fn metric(&mut self, text: &str) -> Result<u32, RowRejection> {
        if let Some(&i) = self.chances.get(text) {
            return Ok(i);
        }
        let p = probability(text, self.chance)?;
        let i = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(p);
        self.chances.insert(text.to_owned(), i);
        Ok(i)
    }

    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection> {
        if date <= self.as_of {
            return Ok(Added::Outside);
        }
        let p = self.values[key.metric as usize];
        self.book
            .add(self.metric, key.owner as usize, date, amount.value, p);
        Ok(Added::Kept)
    }
}

/// Streams one export into `read`'s book and returns what was read of it; the caller
/// reports its bad rows. `mapping` is the declared source's, else the one whose columns the
/// header has.
#[allow(clippy::too_many_arguments)] // the run's state, the source, and where it goes
pub fn read_export(
    read: &mut Pipeline,
    path: &Path,
    shown: &str,
    mapping: Option<&PipelineMapping>,
    file: &GoalFile,
    ledger: &Ledger,
    as_of: NaiveDate,
) -> Result<ReadSummary> {
    let input = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            anyhow!("{shown}: no such file; check the path, or export the pipeline there")
        }
        _ => anyhow!("cannot open {shown}: {e}"),
    })?;
    let peeked = Peeked::new(input).map_err(|e| anyhow!("cannot read {shown}: {e}"))?;
    let mapping = match mapping {
        Some(mapping) => mapping,
        None => mapping_for(file, &peeked, shown)?,
    };
    let metric = mapping
        .reading
        .metric
        .as_ref()
        .map(|m| m.value.clone())
        .expect("invariant: a [[pipeline]] mapping has a metric (the reader refuses one without)");
    read.book.declare(&metric);
    let name = path.display().to_string();
    let mut sink = PipelineSink {
        ledger,
        book: &mut read.book,
        metric: &metric,
        chance: &mapping.chance,
        as_of,
        chances: FxHashMap::default(),
        values: Vec::new(),
    };
    read_peeked(peeked, &columns_of(mapping), &mut sink).map_err(|e| anyhow!("{name}: {e}"))
}

/// The error of an export that no `[[pipeline]]` mapping fits.
fn no_mapping(shown: &str, columns: &[String]) -> String {
    format!(
        "{shown}: no [[pipeline]] mapping of the goal file fits its columns ({}); declare one with the export's `date`, `rep`, `value` and `probability` or `stage` columns",
        columns.join(", ")
    )
}
