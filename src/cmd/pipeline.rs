//! Reads every pipeline export of a run (SPEC §13): the `[[pipeline]]` sources with a `path`
//! and each `--pipeline FILE`, the latter with the mapping whose columns its header has. Rows
//! go through the actuals reader with the probability or stage column in the place of the
//! metric column, so every reading rule of the actuals applies; bad rows are reported alike.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::Io;
use super::actuals::{open, report_bad_rows, to_mapping};
use crate::model::{Chance, GoalFile, PipelineMapping};
use crate::smart::Checked;
use crate::track::csv_read::{Field, Mapping, RowRejection, read_actuals, read_header};
use crate::track::ledger::Ledger;
use crate::track::numbers::clip;
use crate::track::pipeline::{PipelineBook, cover, probability};
use crate::track::report::{Skipped, SourceSummary, TrackReport};

/// Every pipeline export read.
#[derive(Default)]
pub struct Pipeline {
    pub book: PipelineBook,
    pub sources: Vec<SourceSummary>,
    /// Rows skipped in all exports.
    pub bad: u64,
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
        let shown = format!(
            "{} (the `path` of a [[pipeline]] source in {})",
            full.display(),
            goal_path.display()
        );
        read_one(&mut read, &full, &shown, mapping, ledger, as_of, io)?;
    }
    for path in extra {
        if path.canonicalize().is_ok_and(|c| declared.contains(&c)) {
            writeln!(
                io.stderr,
                "goals: {} is a [[pipeline]] source already; read once",
                path.display()
            )?;
            continue;
        }
        let shown = path.display().to_string();
        let mapping = mapping_for(file, path, &shown)?;
        read_one(&mut read, path, &shown, mapping, ledger, as_of, io)?;
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
fn mapping_for<'a>(file: &'a GoalFile, path: &Path, shown: &str) -> Result<&'a PipelineMapping> {
    let header = read_header(open(path, shown)?)
        .with_context(|| format!("reading the pipeline from {shown}"))?;
    let has = |column: &str| {
        header
            .columns
            .iter()
            .any(|c| c.eq_ignore_ascii_case(column.trim()))
    };
    let fits = |m: &&PipelineMapping| {
        let r = &m.reading;
        has(&r.date)
            && has(&r.rep)
            && r.value.as_deref().is_none_or(has)
            && has(chance_column(&m.chance))
            && r.filters.iter().all(|(c, _)| has(c))
    };
    file.pipeline.iter().find(fits).ok_or_else(|| {
        anyhow!(
            "{shown}: no [[pipeline]] mapping of the goal file fits its columns ({}); declare one with the export's `date`, `rep`, `value` and `probability` or `stage` columns",
            header.columns.join(", ")
        )
    })
}

/// Streams one export into the book and reports its bad rows.
fn read_one(
    read: &mut Pipeline,
    path: &Path,
    shown: &str,
    mapping: &PipelineMapping,
    ledger: &Ledger,
    as_of: NaiveDate,
    io: &mut Io<'_>,
) -> Result<()> {
    let metric = mapping
        .reading
        .metric
        .as_ref()
        .map(|m| m.value.clone())
        .expect("invariant: a [[pipeline]] mapping has a metric (the reader refuses one without)");
    read.book.declare(&metric);
    let columns = Mapping {
        fixed_metric: None,
        metric: Some(chance_column(&mapping.chance).to_owned()),
        ..to_mapping(&mapping.reading)
    };
    let name = path.display().to_string();
    let mut outside = 0;
    let book = &mut read.book;
    let summary = read_actuals(open(path, shown)?, &columns, |row| {
        let rep = ledger.rep_index(row.rep).ok_or_else(|| RowRejection {
            field: Field::Rep,
            reason: "unknown rep".to_owned(),
            detail: Some(format!(
                "`{}` is not the id, name or alias of a rep; add it to that rep's `aliases`",
                clip(row.rep)
            )),
        })?;
        let p = probability(row.metric, &mapping.chance)?;
        if row.date <= as_of {
            outside += 1;
        } else {
            book.add(&metric, rep, row.date, row.value, p);
        }
        Ok(())
    })
    .map_err(|e| anyhow!("{name}: {e}"))?;
    report_bad_rows(&name, &summary, io)?;
    read.bad += summary.bad;
    read.sources.push(SourceSummary {
        file: name,
        rows: summary.rows,
        kept: summary.kept - outside,
        filtered_out: summary.filtered_out,
        bad: summary.bad,
        outside,
        skipped: summary
            .bad_by_reason
            .into_iter()
            .map(|r| Skipped {
                column: r.column,
                reason: r.reason,
                count: r.count,
            })
            .collect(),
    });
    Ok(())
}
