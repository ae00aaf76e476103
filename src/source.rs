//! Reads goal files and standard input into named text, kept whole so findings can quote
//! it. Refuses inputs too large to plan from; reports invalid UTF-8 as a located finding.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// A goal file's text and the name findings show for it.
#[derive(Debug)]
pub struct Source {
    /// The path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence, replaced by U+FFFD in `text`.
    pub invalid_utf8_at: Option<usize>,
}

/// Goal files larger than this are refused: a real one is a few hundred kilobytes.
pub const MAX_GOAL_FILE: u64 = 64 * 1024 * 1024;

impl Source {
    /// Reads `path`, or standard input for `-`.
    pub fn read(path: &Path, stdin: &mut dyn Read) -> Result<Source> {
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        if name == "-" {
            stdin
                .take(MAX_GOAL_FILE + 1)
                .read_to_end(&mut bytes)
                .context("reading the goal file from standard input")?;
            return Source::from_bytes("<stdin>".into(), bytes);
        }
        let file = std::fs::File::open(path).map_err(|e| open_error(&name, &e))?;
        file.take(MAX_GOAL_FILE + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {name}"))?;
        Source::from_bytes(name, bytes)
    }

    /// Wraps text that is already in memory.
    pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Source> {
        if bytes.len() as u64 > MAX_GOAL_FILE {
            bail!(
                "{name} is larger than {} MiB, too large for a goal file; split it or check that it is the right file",
                MAX_GOAL_FILE >> 20
            );
        }
        let (text, invalid_utf8_at) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        Ok(Source {
            name,
            text,
            invalid_utf8_at,
        })
    }
}

fn open_error(name: &str, error: &std::io::Error) -> anyhow::Error {
    if error.kind() == std::io::ErrorKind::NotFound {
        anyhow::anyhow!(
            "{name}: no such file; run `goals init {name}` to write a starter goal file"
        )
    } else {
        anyhow::anyhow!("cannot open {name}: {error}")
    }
}
