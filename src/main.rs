//! The `goals` binary: parses the command line, runs it, and turns the outcome into an exit
//! code. The only place that touches the process's streams.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use goals::cli::{Cli, ColorChoice};
use goals::output::style::Paint;
use goals::output::wrap;
use goals::{Io, Outcome, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let paint = |terminal: bool| Paint {
        enabled: use_color(cli.color, terminal),
    };
    let (paint_out, paint_err) = (paint(stdout.is_terminal()), paint(stderr.is_terminal()));
    let (mut out, mut err) = (io::BufWriter::new(stdout.lock()), stderr.lock());
    let today = chrono::Local::now().date_naive();
    let mut streams = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut io::stdin().lock(),
        paint_out,
        paint_err,
        today,
        width: terminal_width(),
    };
    let result = run(cli, &mut streams).and_then(|outcome| Ok(out.flush().map(|()| outcome)?));
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Wrapped for a person at a terminal; one line for a pipe or a log.
            let width = if io::stderr().is_terminal() {
                terminal_width()
            } else {
                usize::MAX
            };
            for line in wrap::hanging(&format!("{e:#}"), "goals: error: ", width) {
                let _ = writeln!(io::stderr(), "{line}");
            }
            ExitCode::from(2)
        }
    }
}

fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// A closed stdout (`goals plan | head`) ends the run quietly. The csv writer's errors
/// reach here as an `io::Error` of kind `Other` wrapping a `csv::Error`, so the pipe's own
/// error is looked for inside it too.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let broken = |e: &io::Error| e.kind() == io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| {
            broken(e)
                || e.get_ref()
                    .and_then(|inner| inner.downcast_ref::<csv::Error>())
                    .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(e) if broken(e)))
        })
    })
}

/// Columns for tables: `COLUMNS` when set, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(80)
}
