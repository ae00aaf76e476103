//! Reads every pipeline export of a run (SPEC §13): the `[[pipeline]]` sources with a `path`
//! and each `--pipeline FILE`, the latter with the mapping whose columns its header has. Rows
//! go through the actuals reader with the probability or stage column in the place of the
//! metric column, so every reading rule of the actuals applies; bad rows are reported alike.

use std::path::{Path, PathBuf};

use std::fs::File;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::Io;
use crate::model::{Chance, GoalFile, PipelineMapping};
use crate::output::{bad_rows, messages, notes};
use crate::smart::Checked;
use crate::track::csv_read::sources::mapping_of;
use crate::track::csv_read::{
    Added, Field, Mapping, Peeked, RowKey, RowRejection, Sink, peek_columns, read_peeked,
};
use crate::track::ledger::Ledger;
use crate::track::numbers::{Amount, clip};
use crate::track::pipeline::{PipelineBook, cover, probability};
use crate::track::report::{SourceSummary, TrackReport};

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

/// Reads the declared pipeline sources and the `--pipeline` files; reps are matched as in the
/// actuals (`ledger`), and deals closing on or before `as_of` are counted outside.
pub fn read_all(
    checked: Checked<'_>,
    goal_path: &Path,
    extra: &[PathBuf],
    ledger: &Ledger,
    as_of: NaiveDate,
    io: &mut Io<'_>,
) -> Result<Pipeline> {
    let file = checked.file();
    let mut read = Pipeline::default();
    let base = goal_path
        .parent()
        .filter(|_| goal_path != Path::new("-"))
        .unwrap_or(Path::new(""));
    let mut declared = Vec::new();
    for mapping in &file.pipeline {
        let Some(path) = &mapping.reading.path else {
            continue;
        };
        let full = base.join(&path.value);
        declared.extend(full.canonicalize().ok());
        let shown = messages::pipeline_source(&full, goal_path);
        read_one(
            &mut read,
            &full,
            &shown,
            Some(mapping),
            file,
            ledger,
            as_of,
            io,
        )?;
    }
    for path in extra {
        if path.canonicalize().is_ok_and(|c| declared.contains(&c)) {
            notes::pipeline_read_once(path, io.stderr)?;
            continue;
        }
        let shown = path.display().to_string();
        read_one(&mut read, path, &shown, None, file, ledger, as_of, io)?;
    }
    Ok(read)
}

/// Adds the coverage of the pipeline read to a tracking report, and its exports to the
/// report's sources.
pub fn apply(report: &mut TrackReport, open: Pipeline, checked: Checked<'_>, ledger: &Ledger) {
    if open.sources.is_empty() {
        return;
    }
    let win_rate = checked.file().win_rate;
    cover(
        &mut report.targets,
        &open.book,
        win_rate,
        report.as_of,
        |id| ledger.rep_index(id),
    );
    report.sources.extend(open.sources);
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
    Err(anyhow!("{}", messages::no_pipeline_mapping(shown, &seen)))
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
            detail: Some(messages::unknown_pipeline_rep(&clip(rep))),
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

/// Streams one export into the book and reports its bad rows.
#[allow(clippy::too_many_arguments)] // the run's state, the source, and where it goes
fn read_one(
    read: &mut Pipeline,
    path: &Path,
    shown: &str,
    mapping: Option<&PipelineMapping>,
    file: &GoalFile,
    ledger: &Ledger,
    as_of: NaiveDate,
    io: &mut Io<'_>,
) -> Result<()> {
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
    let summary =
        read_peeked(peeked, &columns_of(mapping), &mut sink).map_err(|e| anyhow!("{name}: {e}"))?;
    bad_rows::render(&name, &summary, io.paint_err, io.width, io.stderr)?;
    read.sources.push(SourceSummary::from_read(name, summary));
    Ok(())
}
