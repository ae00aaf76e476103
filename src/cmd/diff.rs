//! `goals diff OLD NEW`: reads both files (a path, `-`, or `REV:PATH` through `git show`),
//! compares them and renders the change; exit 1 when NEW has errors or history changed.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{DiffArgs, DiffBy, DiffFormat};
use crate::diff::{Side, diff};
use crate::model::Per;
use crate::output::{diff_json, diff_markdown, diff_table, messages, notes};
use crate::source::Source;

/// Runs `goals diff`; `given_as_of` is `--as-of` as given, the default of `--frozen-before`.
pub fn run(
    args: &DiffArgs,
    given_as_of: Option<NaiveDate>,
    as_of: NaiveDate,
    io: &mut Io<'_>,
) -> Result<Outcome> {
    if args.old == "-" && args.new == "-" {
        bail!("OLD and NEW cannot both be `-`: standard input can be read only once");
    }
    let old = load::check_source(read(&args.old, io.stdin)?, as_of, &mut |_| Vec::new());
    let new = load::check_source(read(&args.new, io.stdin)?, as_of, &mut |_| Vec::new());
    if new.checked().is_none() {
        return super::refuse(&new, "the change was not compared", io);
    }
    if old.checked().is_none() {
        notes::old_has_errors(&args.old, io.stderr)?;
    }
    let by = match args.by {
        DiffBy::Quarter => Per::Quarter,
        DiffBy::Month => Per::Month,
        DiffBy::Week => Per::Week,
    };
    let frozen_before = args.frozen_before.or(given_as_of);
    let report = diff(&side(&old), &side(&new), by, frozen_before);
    let names = (args.old.as_str(), args.new.as_str());
    match args.format {
        DiffFormat::Table => diff_table::render(&report, names, &new.findings.text, io.stdout)?,
        DiffFormat::Json => diff_json::render(&report, names, &new.findings.text, io.stdout)?,
        DiffFormat::Markdown => {
            diff_markdown::render(&report, names, &new.findings.text, io.stdout)?;
        }
    }
    if let (Some(date), false) = (frozen_before, report.frozen.is_empty()) {
        notes::history_changed(report.frozen.len(), date, io.stderr)?;
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Success)
}

fn side(loaded: &load::Loaded) -> Side<'_> {
    Side {
        text: &loaded.findings.text,
        file: &loaded.file,
        checked: loaded.checked(),
    }
}

/// A goal file by name: a path, `-`, or `REV:PATH` when no such path exists.
fn read(name: &str, stdin: &mut dyn Read) -> Result<Source> {
    let path = Path::new(name);
    if name == "-" || path.exists() {
        return Source::read(path, stdin);
    }
    match name.split_once(':') {
        Some((rev, file)) if !rev.is_empty() && !file.is_empty() => git_show(name),
        _ => Source::read(path, stdin),
    }
}

/// The text of `REV:PATH` in the git repository of the working directory.
fn git_show(spec: &str) -> Result<Source> {
    let out = Command::new("git")
        .args(["show", "--no-textconv", spec])
        .output()
        .with_context(|| format!("cannot run `git show {spec}`: is git installed?"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        bail!("{}", messages::git_show_failed(spec, &why));
    }
    Source::from_bytes(spec.to_string(), out.stdout)
}
