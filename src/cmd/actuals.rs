//! Glue between `track`/`replan` and the reading of their sources: lists the `[[actuals]]`
//! exports with a `path` (relative to the goal file) and each `--actuals FILE`, has
//! `track::csv_read::sources` read them once each into one ledger, and prints the notes and
//! bad rows on stderr.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::Io;
use crate::model::GoalFile;
use crate::output::{bad_rows, messages, notes};
use crate::smart::Checked;
use crate::track::csv_read::sources::{Source, mapping_of, read_sources};
use crate::track::ledger::Ledger;
use crate::track::report::SourceSummary;

/// Every export read.
pub struct Actuals {
    pub ledger: Ledger,
    pub sources: Vec<SourceSummary>,
}

impl Actuals {
    /// Rows skipped in all exports.
    pub fn bad(&self) -> u64 {
        self.sources.iter().map(|s| s.bad).sum()
    }
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
    mut ledger: Ledger,
    file: &GoalFile,
    goal_path: &Path,
    extra: &[PathBuf],
    declared: Declared,
    io: &mut Io<'_>,
) -> Result<Actuals> {
    let from_stdin = goal_path == Path::new("-");
    if from_stdin && extra.iter().any(|p| p == Path::new("-")) {
        bail!(
            "the goal file and --actuals cannot both be standard input (`-`); save one to a file"
        );
    }
    let base = goal_path
        .parent()
        .filter(|_| !from_stdin)
        .unwrap_or(Path::new(""));
    let mut sources: Vec<Source> = file
        .actuals
        .iter()
        .filter(|_| declared == Declared::Read)
        .filter_map(|m| {
            let path = base.join(&m.path.as_ref()?.value);
            let shown = messages::actuals_source(&path, goal_path);
            Some(Source {
                name: path.display().to_string(),
                path,
                shown,
                mapping: Some(mapping_of(m)),
            })
        })
        .collect();
    sources.extend(extra.iter().map(|path| {
        let name = if path == Path::new("-") {
            "standard input".to_owned()
        } else {
            path.display().to_string()
        };
        Source {
            path: path.clone(),
            shown: name.clone(),
            name,
            mapping: None,
        }
    }));
    let mappings: Vec<_> = file.actuals.iter().map(mapping_of).collect();
    let reading = read_sources(sources, &mappings, io.stdin, &mut ledger)?;
    for note in &reading.notes {
        notes::reader_note(note, io.stderr)?;
    }
    let mut actuals = Actuals {
        ledger,
        sources: Vec::new(),
    };
    for read in reading.sources {
        let summary = read.summary;
        bad_rows::render(&read.file, &summary, io.paint_err, io.width, io.stderr)?;
        actuals
            .sources
            .push(SourceSummary::from_read(read.file, summary));
    }
    Ok(actuals)
}
