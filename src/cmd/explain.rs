//! `goals explain CODE`: what a check code means, why it matters and how to fix it.

use std::io::{self, Write};

use anyhow::{Result, bail};

use super::{Io, Outcome};
use crate::cli::ExplainArgs;
use crate::diagnostic::Code;
use crate::model::read::value::closest;
use crate::output::wrap;

/// Runs `goals explain`.
pub fn run(args: &ExplainArgs, io: &mut Io<'_>) -> Result<Outcome> {
    let (Some(asked), false) = (&args.code, args.list) else {
        return list(io);
    };
    let Some(code) = Code::from_name(asked.trim()) else {
        let names = Code::ALL.iter().map(|c| c.name());
        match closest(asked, names) {
            Some(best) => bail!("unknown check code `{asked}`; did you mean `{best}`?"),
            None => bail!("unknown check code `{asked}`; `goals explain --list` lists every code"),
        }
    };
    let info = code.info();
    let p = io.paint_out;
    // Prose reads best in short lines, even in a wide terminal.
    let width = io.width.min(80);
    let out = &mut *io.stdout;
    writeln!(
        out,
        "{} ({} · {})",
        p.bold(info.name),
        info.severity.name(),
        info.criterion.name()
    )?;
    writeln!(out)?;
    paragraph(&format!("{}.", capitalise(info.summary)), "", width, out)?;
    writeln!(out, "\nWhy it matters")?;
    paragraph(info.why, "  ", width, out)?;
    writeln!(out, "\nHow to fix it")?;
    paragraph(&format!("{}.", capitalise(info.help)), "  ", width, out)?;
    writeln!(out, "\nExample")?;
    for line in info.example.lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(Outcome::Success)
}

/// `goals explain --list`: one line per code, in catalogue order: name, severity, criterion
/// and what it means, in columns. Lines are never cut, so `grep` finds every word; a long
/// one wraps in a narrow terminal.
fn list(io: &mut Io<'_>) -> Result<Outcome> {
    let name_width = Code::ALL.iter().map(|c| c.name().len()).max().unwrap_or(0);
    for code in Code::ALL {
        let info = code.info();
        writeln!(
            io.stdout,
            "{:<name_width$}  {:<7}  {:<10}  {}",
            info.name,
            info.severity.name(),
            info.criterion.name(),
            info.summary
        )?;
    }
    Ok(Outcome::Success)
}

/// Writes `text` filled to `width`, every line starting with `indent`.
fn paragraph(text: &str, indent: &str, width: usize, out: &mut dyn Write) -> io::Result<()> {
    for line in wrap::words(text, width.saturating_sub(indent.chars().count())) {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
