//! `goals init`: write the commented starter goal file, never over an existing file unless
//! `--force` is given.

use std::fs::OpenOptions;
use std::io::Write;

use anyhow::{Context, Result, bail};

use super::{Io, Outcome};
use crate::cli::InitArgs;
use crate::output::notes;

/// The starter file: valid, SMART, and commented for a first-time user.
pub const STARTER: &str = include_str!("starter.toml");

/// Runs `goals init`; the path `-` writes the starter to standard output.
pub fn run(args: &InitArgs, io: &mut Io<'_>) -> Result<Outcome> {
    if args.path.as_os_str() == "-" {
        io.stdout.write_all(STARTER.as_bytes())?;
        return Ok(Outcome::Success);
    }
    let name = args.path.display();
    let mut options = OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = match options.open(&args.path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{name} already exists; pass --force to overwrite it, or give another path")
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write {name}")),
    };
    file.write_all(STARTER.as_bytes())
        .with_context(|| format!("writing {name}"))?;
    notes::init_written(&name.to_string(), io.width, io.stderr)?;
    Ok(Outcome::Success)
}
