//! The sources of one run, each opened and read once: the `[[actuals]]` exports with a `path`
//! and each `--actuals FILE` (`-` is standard input; pipes, FIFOs and process substitution are
//! read as they come, exactly once). A command-line file is read with the mapping whose
//! columns its header has. A file named twice (the same file after resolving, or the same
//! content) is read once, with a note.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::halves::{read_halves, worth_halves};
use super::{Mapping, Peeked, ReadSummary, Sink, peek_columns, read_peeked};
use crate::model::ActualsMapping;
use crate::track::dates::Rule;
use crate::track::ledger::Ledger;

/// One source to read.
pub struct Source {
    /// The path, or `-` for standard input.
    pub path: PathBuf,
    /// How the report names it.
    pub name: String,
    /// How error messages name it.
    pub shown: String,
    /// The mapping of a declared source; `None` chooses one by the header.
    pub mapping: Option<Mapping>,
}

/// What was read from one source.
pub struct SourceRead {
    pub file: String,
    pub summary: ReadSummary,
}

/// The reading of every source of a run.
pub struct Reading {
    pub sources: Vec<SourceRead>,
    /// Sources not read again, and other remarks for stderr.
    pub notes: Vec<String>,
}

/// The reading mapping of a goal file's `[[actuals]]` entry.
pub fn mapping_of(m: &ActualsMapping) -> Mapping {
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
        dates: Rule::of(m.date_format.as_deref(), m.dates),
        decimal: m.decimal,
        currency: m.currency.clone(),
        encoding: m.encoding,
    }
}

/// A source read: its identity, its size and path when it is a regular file, its name.
type Seen = (Identity, Option<(u64, PathBuf)>, String);

/// What makes two sources the same.
#[derive(PartialEq, Eq)]
enum Identity {
    Stdin,
    /// Device and inode (Unix), else the resolved path.
    File(u64, u64, Option<PathBuf>),
}

/// Reads every source into `ledger`, in order. `mappings` are the goal file's, for
/// command-line files; `stdin` serves `-`. A large export is read in halves on two threads
/// (`halves`).
pub fn read_sources(
    sources: Vec<Source>,
    mappings: &[Mapping],
    stdin: &mut dyn Read,
    ledger: &mut Ledger,
) -> Result<Reading> {
    let mut reading = Reading {
        sources: Vec::new(),
        notes: Vec::new(),
    };
    let mut seen: Vec<Seen> = Vec::new();
    for source in sources {
        let shown = source.shown.clone();
        let (identity, regular) = identify(&source.path, &shown)?;
        if let Some((_, _, first)) = seen.iter().find(|(i, _, _)| *i == identity) {
            reading
                .notes
                .push(format!("{shown} is {first} again; read once"));
            continue;
        }
        if let Some((size, path)) = &regular
            && let Some((_, _, first)) = seen.iter().find(|(_, r, _)| {
                r.as_ref()
                    .is_some_and(|(s, p)| s == size && same_content(p, path).unwrap_or(false))
            })
        {
            reading.notes.push(format!(
                "{shown} has the same content as {first}; read once"
            ));
            continue;
        }
        let size = regular.as_ref().map(|(size, _)| *size);
        seen.push((identity, regular, source.name.clone()));
        let summary = if source.path == Path::new("-") {
            read_one(&mut *stdin, &source, mappings, &mut ledger.filling())?
        } else if let Some(size) = size.filter(|&s| worth_halves(s)) {
            let file = open(&source.path, &shown)?;
            let (peeked, mapping) = peek(file, &source, mappings)?;
            match read_halves(&source.path, peeked, &mapping, ledger, size / 2) {
                Some(summary) => summary,
                None => read_one(
                    open(&source.path, &shown)?,
                    &source,
                    mappings,
                    &mut ledger.filling(),
                )?,
            }
        } else {
            let file = open(&source.path, &shown)?;
            read_one(file, &source, mappings, &mut ledger.filling())?
        };
        reading.sources.push(SourceRead {
            file: source.name.clone(),
            summary,
        });
    }
    Ok(reading)
}

fn read_one<R: Read>(
    input: R,
    source: &Source,
    mappings: &[Mapping],
    sink: &mut impl Sink,
) -> Result<ReadSummary> {
    let (peeked, mapping) = peek(input, source, mappings)?;
    let shown = &source.shown;
    read_peeked(peeked, &mapping, sink).map_err(|e| {
        let missing = matches!(e, super::ReadError::MissingColumn { .. });
        let hint = if missing && mapping == Mapping::standard() {
            "; without an [[actuals]] mapping whose columns it has, an export needs the columns \
             `date`, `rep`, `metric` and (optionally) `value`"
        } else {
            ""
        };
        anyhow!("{shown}: {e}{hint}")
    })
}

/// The first bytes of a source, and the mapping it is read with.
fn peek<R: Read>(input: R, source: &Source, mappings: &[Mapping]) -> Result<(Peeked<R>, Mapping)> {
    let shown = &source.shown;
    let peeked = Peeked::new(input).map_err(|e| anyhow!("cannot read {shown}: {e}"))?;
    let mapping = match &source.mapping {
        Some(mapping) => mapping.clone(),
        None => choose(&peeked, mappings),
    };
    Ok((peeked, mapping))
}

/// The mapping whose columns the header has; else the standard columns when the header has
/// them; else the mapping with the most of its columns there (so the error names the one
/// missing and the closest header); else the standard columns.
fn choose<R: Read>(peeked: &Peeked<R>, mappings: &[Mapping]) -> Mapping {
    let mut best: Option<(usize, &Mapping)> = None;
    for mapping in mappings {
        let columns = peek_columns(peeked, mapping.encoding);
        let has = |c: &str| columns.iter().any(|h| super::error::same_name(h, c));
        let needed: Vec<&str> = mapping.columns().collect();
        let found = needed.iter().filter(|c| has(c)).count();
        if found == needed.len() {
            return mapping.clone();
        }
        if found > 0 && best.is_none_or(|(n, _)| found > n) {
            best = Some((found, mapping));
        }
    }
    let standard = Mapping::standard();
    let columns = peek_columns(peeked, None);
    let has = |c: &str| columns.iter().any(|h| super::error::same_name(h, c));
    if standard.columns().all(has) {
        return standard;
    }
    best.map_or(standard, |(_, m)| m.clone())
}

fn open(path: &Path, shown: &str) -> Result<File> {
    File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => {
            anyhow!("{shown}: no such file; check the path, or export the actuals there")
        }
        _ => anyhow!("cannot open {shown}: {e}"),
    })
}

/// The identity of a source, and for a regular file its size and path (to compare content).
fn identify(path: &Path, shown: &str) -> Result<(Identity, Option<(u64, PathBuf)>)> {
    if path == Path::new("-") {
        return Ok((Identity::Stdin, None));
    }
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => {
            anyhow!("{shown}: no such file; check the path, or export the actuals there")
        }
        _ => anyhow!("cannot open {shown}: {e}"),
    })?;
    let regular = meta.is_file().then(|| (meta.len(), path.to_path_buf()));
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt;
        Identity::File(meta.dev(), meta.ino(), None)
    };
    #[cfg(not(unix))]
    let identity = Identity::File(0, 0, path.canonicalize().ok());
    Ok((identity, regular))
}

/// Whether two regular files hold the same bytes.
fn same_content(first: &Path, second: &Path) -> io::Result<bool> {
    let mut files = (File::open(first)?, File::open(second)?);
    let mut chunks = (vec![0; 64 << 10], vec![0; 64 << 10]);
    loop {
        let left = read_full(&mut files.0, &mut chunks.0)?;
        let right = read_full(&mut files.1, &mut chunks.1)?;
        if left != right || chunks.0[..left] != chunks.1[..right] {
            return Ok(false);
        }
        if left == 0 {
            return Ok(true);
        }
    }
}

fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}
