//! The bad rows of one export on stderr: one `file:line: column `x`: reason: detail` record
//! per row (never wrapped, for editors and grep), then the count by reason filled to the
//! width.

use std::io::{self, Write};

use crate::output::style::Paint;
use crate::output::wrap;
use crate::track::csv_read::ReadSummary;

/// Writes the bad rows and notes of the export `name`.
pub fn render(
    name: &str,
    summary: &ReadSummary,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if summary.bad == 0 {
        return Ok(());
    }
    for bad in &summary.bad_examples {
        let text = format!(
            "{name}:{}: column `{}`: {}",
            bad.line, bad.column, bad.reason
        );
        let why = bad
            .detail
            .clone()
            .unwrap_or_else(|| format!("`{}`", bad.text));
        writeln!(out, "{}: {}", paint.warning(&text), why)?;
    }
    let shown = summary.bad_examples.len() as u64;
    if summary.bad > shown {
        let more = summary.bad - shown;
        let rows = if more == 1 { "row" } else { "rows" };
        writeln!(out, "… and {more} more bad {rows} in {name}")?;
    }
    let reasons: Vec<String> = summary
        .bad_by_reason
        .iter()
        .map(|r| format!("{} × {} in `{}`", r.count, r.reason, r.column))
        .collect();
    let s = if summary.bad == 1 { "" } else { "s" };
    let line = format!(
        "goals: {name}: skipped {} row{s} of {}: {}",
        summary.bad,
        summary.rows,
        reasons.join(", ")
    );
    for (i, line) in wrap::words(&line, width.saturating_sub(2))
        .iter()
        .enumerate()
    {
        writeln!(out, "{}{line}", if i == 0 { "" } else { "  " })?;
    }
    Ok(())
}
