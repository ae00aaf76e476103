//! `goals explain CODE`: what a check code means, why it matters and how to fix it; with
//! `--list`, every code.

use anyhow::{Result, bail};

use super::{Io, Outcome};
use crate::cli::ExplainArgs;
use crate::diagnostic::Code;
use crate::model::read::value::closest;
use crate::output::{explain, explain_list, messages};

/// Runs `goals explain`.
pub fn run(args: &ExplainArgs, io: &mut Io<'_>) -> Result<Outcome> {
    let (Some(asked), false) = (&args.code, args.list) else {
        let codes = Code::ALL.iter().map(|c| c.info());
        explain_list::render(codes, io.paint_out, io.width, io.stdout)?;
        return Ok(Outcome::Success);
    };
    let Some(code) = Code::from_name(asked.trim()) else {
        let best = closest(asked, Code::ALL.iter().map(|c| c.name()));
        bail!("{}", messages::unknown_code(asked, best));
    };
    explain::render(code.info(), io.paint_out, io.width, io.stdout)?;
    Ok(Outcome::Success)
}
