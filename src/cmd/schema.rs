//! `goals schema`: print the goal file's JSON Schema.

use anyhow::Result;

use super::{Io, Outcome};
use crate::model::schema_json::json_schema;

/// Runs `goals schema`.
pub fn run(io: &mut Io<'_>) -> Result<Outcome> {
    serde_json::to_writer_pretty(&mut *io.stdout, &json_schema())?;
    writeln!(io.stdout)?;
    Ok(Outcome::Success)
}
