//! `goals explain CODE`: what a check code means, why it matters and how to fix it.

use anyhow::{Result, bail};

use super::{Io, Outcome};
use crate::cli::ExplainArgs;
use crate::diagnostic::Code;
use crate::model::read::value::closest;

/// Runs `goals explain`.
pub fn run(args: &ExplainArgs, io: &mut Io<'_>) -> Result<Outcome> {
    let Some(code) = Code::from_name(args.code.trim()) else {
        let names = Code::ALL.iter().map(|c| c.name());
        match closest(&args.code, names) {
            Some(best) => bail!("unknown check code `{}`; did you mean `{best}`?", args.code),
            None => bail!(
                "unknown check code `{}`; `goals check --format json` shows the code of each finding",
                args.code
            ),
        }
    };
    let info = code.info();
    let p = io.paint_out;
    let out = &mut *io.stdout;
    writeln!(
        out,
        "{} ({} · {})",
        p.bold(info.name),
        info.severity.name(),
        info.criterion.name()
    )?;
    writeln!(out, "\n{}.", capitalise(info.summary))?;
    writeln!(out, "\nWhy it matters\n  {}", info.why)?;
    writeln!(out, "\nHow to fix it\n  {}.", capitalise(info.help))?;
    writeln!(out, "\nExample")?;
    for line in info.example.lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(Outcome::Success)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
