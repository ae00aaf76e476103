//! One file per subcommand: glue that turns clap arguments into options, calls the modules
//! that do the work, and hands the report to a renderer. `run` dispatches.

mod actuals;
mod baseline;
mod capacity;
mod check;
mod completions;
mod crm;
mod diff;
mod explain;
mod filters;
mod funnel;
mod init;
pub mod load;
mod pipeline;
mod plan;
mod replan;
mod report;
mod schema;
mod survey;
mod track;

use std::io::{Read, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Command};
use crate::output::style::Paint;
use crate::output::{check_human, notes};
use crate::smart::report::{Counts, FileFindings};
use filters::require_known;

/// How a command ended, when it did not fail: the process exit code follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the goal file has error findings (or warnings with `--deny-warnings`).
    Findings,
}

/// The process's streams and environment, decided in `main`.
pub struct Io<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin: &'a mut dyn Read,
    /// Colour for stdout and stderr.
    pub paint_out: Paint,
    pub paint_err: Paint,
    /// The clock's today, used when `--as-of` is not given.
    pub today: NaiveDate,
    /// Columns available for tables on stdout.
    pub width: usize,
}

/// Runs one command.
pub fn run(cli: Cli, io: &mut Io<'_>) -> Result<Outcome> {
    let as_of = cli.as_of.unwrap_or(io.today);
    match cli.command {
        Command::Init(args) => init::run(&args, io),
        Command::Check(args) => check::run(&args, as_of, io),
        Command::Plan(args) => plan::run(&args, as_of, io),
        Command::Funnel(args) => funnel::run(&args, as_of, io),
        Command::Survey(args) => survey::run(&args, as_of, io),
        Command::Track(args) => track::run(&args, as_of, io),
        Command::Replan(args) => replan::run(&args, as_of, io),
        Command::Capacity(args) => capacity::run(&args, as_of, io),
        Command::Baseline(args) => baseline::run(&args, as_of, io),
        Command::Report(args) => report::run(&args, as_of, io),
        Command::Diff(args) => diff::run(&args, cli.as_of, as_of, io),
        Command::Explain(args) => explain::run(&args, io),
        Command::Schema => schema::run(io),
        Command::Completions(args) => completions::run(&args, io),
    }
}

/// Tells on stderr that the file has warnings, without blocking the command.
fn warn(findings: &FileFindings, io: &mut Io<'_>) -> Result<()> {
    let counts = Counts::of(std::iter::once(findings));
    notes::warnings(&findings.name, counts.warnings, io.paint_err, io.stderr)?;
    Ok(())
}

/// Prints the findings of a file with errors and what was not done; exit 1.
fn refuse(loaded: &load::Loaded, not_done: &str, io: &mut Io<'_>) -> Result<Outcome> {
    check_human::render(
        std::slice::from_ref(&loaded.findings),
        io.paint_err,
        io.width,
        io.stderr,
    )?;
    notes::refused(not_done, io.stderr)?;
    Ok(Outcome::Findings)
}
