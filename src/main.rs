//! The `goals` binary: parses the command line, runs it, and turns the outcome into an exit
//! code. The only place that touches the process's streams.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use goals::cli::{Cli, ColorChoice};
use goals::output::background::Background;
use goals::output::style::Paint;
use goals::output::wrap;
use goals::{Io, Outcome, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let (paint_out, paint_err) = (
        Paint {
            enabled: use_color(cli.color, anstream::AutoStream::choice(&stdout)),
        },
        Paint {
            enabled: use_color(cli.color, anstream::AutoStream::choice(&stderr)),
        },
    );
    let width = table_width(
        std::env::var("COLUMNS").ok().as_deref(),
        columns_of(&stdout),
    );
    // A document for a file or a pipe is written out on a thread of its own, unless standard
    // error goes to the same place (`> log 2>&1`), where the two must interleave as written.
    let mut out: Box<dyn Write> = if stdout.is_terminal() || same_file(&stdout, &stderr) {
        Box::new(io::BufWriter::new(stdout.lock()))
    } else {
        Box::new(Background::new(io::stdout()))
    };
    let mut err = stderr.lock();
    let today = chrono::Local::now().date_naive();
    let mut streams = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut io::stdin().lock(),
        paint_out,
        paint_err,
        today,
        width,
    };
    let result = run(cli, &mut streams).and_then(|outcome| Ok(out.flush().map(|()| outcome)?));
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Wrapped for a person at a terminal; one line for a pipe or a log.
            let stderr = io::stderr();
            let width = if stderr.is_terminal() {
                table_width(
                    std::env::var("COLUMNS").ok().as_deref(),
                    columns_of(&stderr),
                )
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

/// Whether to colour a stream: `--color` when it says always or never; otherwise what
/// anstream finds for the stream (a terminal that supports colour, `NO_COLOR`, `CLICOLOR`,
/// `CLICOLOR_FORCE`). The styles themselves stay `Paint`'s.
fn use_color(choice: ColorChoice, found: anstream::ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => found != anstream::ColorChoice::Never,
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

/// Whether two streams are the same file (or the same pipe or terminal).
fn same_file(a: &impl std::os::fd::AsFd, b: &impl std::os::fd::AsFd) -> bool {
    use std::os::unix::fs::MetadataExt;
    let identity = |stream: &dyn std::os::fd::AsFd| {
        let fd = stream.as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        Some((meta.dev(), meta.ino()))
    };
    // A stream that cannot be looked at is taken for the same: its order is then kept.
    identity(a).is_none_or(|a| identity(b) == Some(a))
}

/// The width of a terminal stream, if it is one.
fn columns_of(stream: &(impl IsTerminal + std::os::fd::AsFd)) -> Option<usize> {
    if !stream.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(stream).map(|(terminal_size::Width(w), _)| usize::from(w))
}

/// Columns for tables: `COLUMNS` when set (40 or more), else the terminal's width, else 80
/// (a pipe or a file).
fn table_width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    let at_least_40 = |w: &usize| *w >= 40;
    columns
        .and_then(|c| c.trim().parse().ok())
        .filter(at_least_40)
        .or(terminal.filter(at_least_40))
        .unwrap_or(80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_override_the_terminal_and_a_pipe_gets_80() {
        assert_eq!(table_width(Some("120"), Some(100)), 120);
        assert_eq!(table_width(None, Some(100)), 100);
        assert_eq!(table_width(None, None), 80);
        assert_eq!(table_width(Some("wide"), Some(100)), 100);
        assert_eq!(table_width(Some("20"), None), 80, "too narrow to use");
        assert_eq!(table_width(None, Some(30)), 80);
    }

    #[test]
    fn the_flag_wins_over_what_anstream_finds() {
        use anstream::ColorChoice as Found;
        assert!(use_color(ColorChoice::Always, Found::Never));
        assert!(!use_color(ColorChoice::Never, Found::Always));
        assert!(use_color(ColorChoice::Auto, Found::Always));
        assert!(!use_color(ColorChoice::Auto, Found::Never));
    }
}
