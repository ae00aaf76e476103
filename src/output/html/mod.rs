//! `goals report`: one self-contained HTML page (inline CSS and SVG, no script, no network)
//! rendered from the report value. Same input, same bytes.

mod burnup;
mod chart;
mod coverage;
mod page;
mod scorecard;
mod target;
mod team;
mod text;

use std::io::{self, Write};

use crate::report::Report;

/// Writes the report page.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"<!DOCTYPE html>\n")?;
    out.write_all(page::page(report).into_string().as_bytes())?;
    out.write_all(b"\n")
}
