//! `goals completions SHELL`: the shell completion script, from the clap definition.

use anyhow::Result;
use clap::CommandFactory;

use super::{Io, Outcome};
use crate::cli::{Cli, CompletionsArgs};

/// Runs `goals completions`.
pub fn run(args: &CompletionsArgs, io: &mut Io<'_>) -> Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "goals", &mut script);
    io.stdout.write_all(&script)?;
    Ok(Outcome::Success)
}
