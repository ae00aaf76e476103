//! `goals schema`: print the goal file's JSON Schema.

use anyhow::Result;

use super::{Io, Outcome};
use crate::model::schema_json::json_schema;
use crate::output::schema;

/// Runs `goals schema`.
pub fn run(io: &mut Io<'_>) -> Result<Outcome> {
    schema::render(&json_schema(), io.stdout)?;
    Ok(Outcome::Success)
}
