//! `goals explain --list`: every check code in catalogue order, one line each: its name,
//! severity, criterion and what it means, in columns. Lines are never cut, so `grep` finds
//! every word; a long one wraps in a narrow terminal.

use std::io::{self, Write};

use crate::diagnostic::CodeInfo;
use crate::output::style::Paint;

/// Writes one line per code.
pub fn render<'a>(
    codes: impl IntoIterator<Item = &'a CodeInfo>,
    _paint: Paint,
    _width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let codes: Vec<&CodeInfo> = codes.into_iter().collect();
    let name_width = codes.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for info in codes {
        writeln!(
            out,
            "{:<name_width$}  {:<7}  {:<10}  {}",
            info.name,
            info.severity.name(),
            info.criterion.name(),
            info.summary
        )?;
    }
    Ok(())
}
