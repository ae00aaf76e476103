//! A plain text grid: left-aligned first column, right-aligned numbers, two spaces between
//! columns, widths by content counted in visible characters (colour codes take no room).
//! Shared by every table renderer.

use std::io::{self, Write};

/// Rows of cells with one header row.
#[derive(Debug, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows after which a rule is drawn (e.g. before the totals).
    pub rule_before_last: bool,
}

impl Grid {
    /// The width of each column.
    pub fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| visible(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if i < widths.len() {
                    widths[i] = widths[i].max(visible(cell));
                }
            }
        }
        widths
    }

    /// The width of the whole grid.
    pub fn total_width(&self) -> usize {
        let widths = self.widths();
        widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
    }

    /// Writes the grid, each line prefixed by `indent`; `bold` styles the header.
    pub fn write(
        &self,
        indent: &str,
        bold: &dyn Fn(&str) -> String,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let widths = self.widths();
        writeln!(out, "{indent}{}", bold(&line(&self.header, &widths)))?;
        let last = self.rows.len().saturating_sub(1);
        for (i, row) in self.rows.iter().enumerate() {
            if self.rule_before_last && i == last && i > 0 {
                let rule = "-".repeat(self.total_width());
                writeln!(out, "{indent}{rule}")?;
            }
            writeln!(out, "{indent}{}", line(row, &widths))?;
        }
        Ok(())
    }
}

fn line(cells: &[String], widths: &[usize]) -> String {
    let mut text = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let pad = width.saturating_sub(visible(cell));
        if i == 0 {
            text.push_str(cell);
            text.push_str(&" ".repeat(pad));
        } else {
            text.push_str("  ");
            text.push_str(&" ".repeat(pad));
            text.push_str(cell);
        }
    }
    text.trim_end().to_string()
}

/// The characters of `text` a terminal shows: ANSI escape sequences (`ESC [ … letter`)
/// take no column.
pub fn visible(text: &str) -> usize {
    let mut count = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            count += 1;
        }
    }
    count
}

/// A bar of `value / max` of `width` characters: `█` with colour on, `#` in plain text.
pub fn bar(value: f64, max: f64, width: usize, fancy: bool) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    // Display only: the ratio picks a bar length, no amount is computed in floating point.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((value / max) * width as f64).round().max(1.0) as usize;
    let c = if fancy { "█" } else { "#" };
    c.repeat(filled.min(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_align_right() {
        let grid = Grid {
            header: vec!["period".into(), "quota".into()],
            rows: vec![
                vec!["2027-01".into(), "5".into()],
                vec!["total".into(), "1,200".into()],
            ],
            rule_before_last: true,
        };
        let mut out = Vec::new();
        grid.write("", &|s| s.to_string(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "period   quota\n2027-01      5\n--------------\ntotal    1,200\n"
        );
    }

    #[test]
    fn colour_codes_take_no_column() {
        let red = "\u{1b}[1m\u{1b}[31m8.8/0.0 !\u{1b}[0m";
        assert_eq!(visible(red), 9);
        let grid = Grid {
            header: vec!["period".into(), "leo".into()],
            rows: vec![
                vec!["Q1".into(), red.into()],
                vec!["Q2".into(), "59.5/256.0".into()],
            ],
            rule_before_last: false,
        };
        let mut out = Vec::new();
        grid.write("", &|s| s.to_string(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let widths: Vec<usize> = text.lines().map(visible).collect();
        assert_eq!(widths, [18, 18, 18], "{text}");
    }

    #[test]
    fn bars_scale() {
        assert_eq!(bar(5.0, 10.0, 10, false), "#####");
        assert_eq!(bar(0.0, 10.0, 10, false), "");
        assert_eq!(bar(0.01, 10.0, 10, true), "█");
    }
}
