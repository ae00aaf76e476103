//! Reads every actuals export of a run into one ledger: the `[[actuals]]` sources with a `path`
//! (relative to the goal file) and each `--actuals FILE`, the latter with the mapping whose
//! columns its header has. Bad rows go to stderr with file, line and column, and are counted.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use super::Io;
use crate::model::{ActualsMapping, GoalFile};
use crate::output::wrap;
use crate::smart::Checked;
use crate::track::csv_read::{Mapping, ReadSummary, read_actuals, read_header};
use crate::track::ledger::Ledger;
use crate::track::report::{Skipped, SourceSummary};

/// Every export read.
pub struct Actuals {
    pub ledger: Ledger,
    pub sources: Vec<SourceSummary>,
    /// Rows skipped in all exports.
    pub bad: u64,
}

/// Reads the declared sources and the `--actuals` files of a checked goal file at `goal_path`.
pub fn read_all(
    checked: Checked<'_>,
    goal_path: &Path,
    extra: &[PathBuf],
    io: &mut Io<'_>,
) -> Result<Actuals> {
    let (start, end) = checked.period();
    let ledger = Ledger::new(checked.file(), start, end);
    read_into(ledger, checked.file(), goal_path, extra, Declared::Read, io)
}

/// Whether the `[[actuals]]` sources with a `path` are read besides the given files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declared {
    Read,
    /// Only the given files (`goals baseline` reads last year's exports, not this year's).
    Skipped,
}

/// Reads the given files (and the declared sources unless skipped) into `ledger`, with the
/// same mappings, reader and bad-row rules as `goals track`.
pub fn read_into(
    ledger: Ledger,
    file: &GoalFile,
    goal_path: &Path,
    extra: &[PathBuf],
    declared_sources: Declared,
    io: &mut Io<'_>,
) -> Result<Actuals> {
    let mut actuals = Actuals {
        ledger,
        sources: Vec::new(),
        bad: 0,
    };
    let base = goal_path
        .parent()
        .filter(|_| goal_path != Path::new("-"))
        .unwrap_or(Path::new(""));
    for mapping in &file.actuals {
        let Some(path) = &mapping.path else { continue };
        if declared_sources == Declared::Skipped {
            continue;
        }
        let full = base.join(&path.value);
        let shown = format!(
            "{} (the `path` of an [[actuals]] source in {})",
            full.display(),
            goal_path.display()
        );
        read_one(&mut actuals, &full, &shown, &to_mapping(mapping), io)?;
    }
    let declared: Vec<PathBuf> = file
        .actuals
        .iter()
        .filter_map(|m| m.path.as_ref())
        .filter_map(|p| base.join(&p.value).canonicalize().ok())
        .collect();
    for path in extra {
        let read_already = declared_sources == Declared::Read;
        if read_already && path.canonicalize().is_ok_and(|c| declared.contains(&c)) {
            writeln!(
                io.stderr,
                "goals: {} is an [[actuals]] source already; read once",
                path.display()
            )?;
            continue;
        }
        let mapping = mapping_for(file, path)?;
        read_one(
            &mut actuals,
            path,
            &path.display().to_string(),
            &mapping,
            io,
        )?;
    }
    Ok(actuals)
}

/// The mapping of the goal file whose columns the header has, else the standard columns.
fn mapping_for(file: &GoalFile, path: &Path) -> Result<Mapping> {
    let header = read_header(open(path, &path.display().to_string())?)
        .with_context(|| format!("reading actuals from {}", path.display()))?;
    let has = |column: &str| header.columns.iter().any(|c| c == column.trim());
    let fits = |m: &&ActualsMapping| {
        has(&m.date)
            && has(&m.rep)
            && m.value.as_deref().is_none_or(has)
            && m.filters.iter().all(|(c, _)| has(c))
    };
    Ok(file
        .actuals
        .iter()
        .find(fits)
        .map_or_else(Mapping::standard, to_mapping))
}

pub(super) fn to_mapping(m: &ActualsMapping) -> Mapping {
    let fixed = m.metric.as_ref().map(|s| s.value.clone());
    Mapping {
        date: m.date.clone(),
        rep: m.rep.clone(),
        metric: if fixed.is_some() {
            None
        } else {
            Some("metric".to_owned())
        },
        value: m.value.clone(),
        value_optional: false,
        fixed_metric: fixed,
        filters: m.filters.clone(),
    }
}

pub(super) fn open(path: &Path, shown: &str) -> Result<File> {
    File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            anyhow!("{shown}: no such file; check the path, or export the actuals there")
        }
        _ => anyhow!("cannot open {shown}: {e}"),
    })
}

/// Streams one export into the ledger and reports its bad rows.
fn read_one(
    actuals: &mut Actuals,
    path: &Path,
    shown: &str,
    mapping: &Mapping,
    io: &mut Io<'_>,
) -> Result<()> {
    let input = open(path, shown)?;
    let name = path.display().to_string();
    let before = actuals.ledger.outside;
    let ledger = &mut actuals.ledger;
    let summary =
        read_actuals(input, mapping, |row| ledger.add(row)).map_err(|e| {
        let hint = if *mapping == Mapping::standard() {
            "; without an [[actuals]] mapping whose columns it has, an export needs the columns `date`, `rep`, `metric` and (optionally) `value`"
        } else {
            ""
        };
        anyhow!("{name}: {e}{hint}")
    })?;
    report_bad_rows(&name, &summary, io)?;
    actuals.bad += summary.bad;
    actuals.sources.push(SourceSummary {
        file: name,
        rows: summary.rows,
        kept: summary.kept,
        filtered_out: summary.filtered_out,
        bad: summary.bad,
        outside: actuals.ledger.outside - before,
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

/// `file:line: column `x`: reason` for the first bad rows, then a count by reason.
pub(super) fn report_bad_rows(name: &str, summary: &ReadSummary, io: &mut Io<'_>) -> Result<()> {
    if summary.bad == 0 {
        return Ok(());
    }
    for bad in &summary.bad_examples {
        let text = format!(
            "{name}:{}: column `{}`: {}",
            bad.line, bad.column, bad.reason
        );
        let why = bad
            .detail
            .clone()
            .unwrap_or_else(|| format!("`{}`", bad.text));
        // One line per row, never wrapped: `file:line:` records for editors and grep.
        writeln!(io.stderr, "{}: {}", io.paint_err.warning(&text), why)?;
    }
    let shown = summary.bad_examples.len() as u64;
    if summary.bad > shown {
        writeln!(
            io.stderr,
            "… and {} more bad {} in {name}",
            summary.bad - shown,
            if summary.bad - shown == 1 {
                "row"
            } else {
                "rows"
            }
        )?;
    }
    let reasons: Vec<String> = summary
        .bad_by_reason
        .iter()
        .map(|r| format!("{} {} in `{}`", r.count, r.reason, r.column))
        .collect();
    let s = if summary.bad == 1 { "" } else { "s" };
    let line = format!(
        "goals: {name}: skipped {} row{s} of {}: {}",
        summary.bad,
        summary.rows,
        reasons.join(", ")
    );
    for (i, line) in wrap::words(&line, io.width.saturating_sub(2))
        .iter()
        .enumerate()
    {
        writeln!(io.stderr, "{}{line}", if i == 0 { "" } else { "  " })?;
    }
    Ok(())
}
