//! `goals check`: check each file and render all findings in the chosen format.

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::{CheckArgs, CheckFormat};
use crate::output::{check_human, check_json, github, notes, sarif};
use crate::smart::report::Counts;

/// Runs `goals check`.
pub fn run(args: &CheckArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let mut files = Vec::with_capacity(args.files.len());
    if args.feedback.is_empty() {
        for path in &args.files {
            files.push(load::load(path, as_of, io.stdin)?.findings);
        }
    } else {
        let [path] = args.files.as_slice() else {
            anyhow::bail!(
                "--feedback needs exactly one goal file, the one the survey was written from"
            );
        };
        let (loaded, surveys) = load::load_with_surveys(path, &args.feedback, as_of, io.stdin)?;
        files.push(loaded.findings);
        for survey in surveys {
            notes::survey_read(&survey.findings.name, survey.rows, survey.empty, io.stderr)?;
            files.push(survey.findings);
        }
    }
    match args.format {
        CheckFormat::Human => check_human::render(&files, io.paint_err, io.width, io.stderr)?,
        CheckFormat::Json => check_json::render(&files, io.stdout)?,
        CheckFormat::Github => github::render(&files, io.stdout)?,
        CheckFormat::Sarif => {
            let cwd = std::env::current_dir().context("finding the working directory")?;
            sarif::render(&files, &cwd, io.stdout)?;
        }
    }
    let counts = Counts::of(&files);
    let failed = counts.errors > 0 || (args.deny_warnings && counts.warnings > 0);
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
