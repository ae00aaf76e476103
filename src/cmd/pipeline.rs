//! Reads every pipeline export of a run (SPEC §13): the `[[pipeline]]` sources with a `path`
//! and each `--pipeline FILE` (read by `track::pipeline_read`), reporting each export's bad
//! rows, and adds the coverage to a tracking report.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use super::Io;
use crate::model::{GoalFile, PipelineMapping};
use crate::output::{bad_rows, messages, notes};
use crate::smart::Checked;
use crate::track::ledger::Ledger;
use crate::track::pipeline::cover;
use crate::track::pipeline_read::{Pipeline, read_export};
use crate::track::report::{SourceSummary, TrackReport};

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

/// Reads one export and reports its bad rows.
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
    let summary = read_export(read, path, shown, mapping, file, ledger, as_of)?;
    let name = path.display().to_string();
    bad_rows::render(&name, &summary, io.paint_err, io.width, io.stderr)?;
    read.sources.push(SourceSummary::from_read(name, summary));
    Ok(())
}
