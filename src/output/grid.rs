//! The one table layout of every table renderer, drawn by comfy-table: no borders, a
//! left-aligned first column, right-aligned numbers, two spaces between columns, widths by
//! what a terminal shows (colour codes take no room, CJK and emoji take two), and an optional
//! rule before the totals. Numeric columns are pinned to their content, so they never wrap;
//! colour comes only from the cells the renderers painted through `style::Paint`.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, presets};

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
        widths_of(&self.table())
    }

    /// The width of the whole grid.
    pub fn total_width(&self) -> usize {
        spanned(&self.widths())
    }

    /// Writes the grid, each line prefixed by `indent`; `bold` styles the header.
    pub fn write(
        &self,
        indent: &str,
        bold: &dyn Fn(&str) -> String,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let table = self.table();
        let lines: Vec<String> = table
            .lines()
            .map(|line| line.trim_end().to_string())
            .collect();
        let Some((header, body)) = lines.split_first() else {
            return Ok(());
        };
        writeln!(out, "{indent}{}", bold(header))?;
        let last = body.len().saturating_sub(1);
        for (i, line) in body.iter().enumerate() {
            if self.rule_before_last && i == last && i > 0 {
                writeln!(out, "{indent}{}", "-".repeat(spanned(&widths_of(&table))))?;
            }
            writeln!(out, "{indent}{line}")?;
        }
        Ok(())
    }

    /// The comfy-table behind the grid: borderless, columns two spaces apart, laid out by
    /// content and never wrapped.
    fn table(&self) -> Table {
        let columns = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        let mut table = Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(padded(&self.header, columns))
            .add_rows(self.rows.iter().map(|row| padded(row, columns)));
        for (i, column) in table.column_iter_mut().enumerate() {
            if i == 0 {
                column.set_padding((0, 0));
                column.set_cell_alignment(CellAlignment::Left);
            } else {
                column.set_padding((2, 0));
                column.set_cell_alignment(CellAlignment::Right);
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        table
    }
}

/// The width of each column of `table`, as comfy-table measures it.
fn widths_of(table: &Table) -> Vec<usize> {
    table
        .column_max_content_widths()
        .into_iter()
        .map(usize::from)
        .collect()
}

/// The width of columns of `widths` two spaces apart.
fn spanned(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

/// A row with empty cells up to `columns`, so short rows keep the columns in place.
fn padded(cells: &[String], columns: usize) -> Vec<String> {
    let mut row = cells.to_vec();
    row.resize(columns, String::new());
    row
}

/// The columns of `text` a terminal shows: ANSI escape sequences take none, wide characters
/// (CJK, emoji) take two.
pub fn visible(text: &str) -> usize {
    let mut table = Table::new();
    table.load_style(presets::NOTHING).add_row([text]);
    table
        .column_max_content_widths()
        .first()
        .map_or(0, |&w| usize::from(w))
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
    fn wide_characters_take_two_columns() {
        let grid = Grid {
            header: vec!["period".into(), "田中".into(), "🚀 ana".into()],
            rows: vec![
                vec!["2027-01".into(), "1,200".into(), "5".into()],
                vec!["total".into(), "3".into(), "14,000".into()],
            ],
            rule_before_last: true,
        };
        let mut out = Vec::new();
        grid.write("", &|s| s.to_string(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "period    田中  🚀 ana\n2027-01  1,200       5\n----------------------\ntotal        3  14,000\n"
        );
    }

    #[test]
    fn short_rows_keep_columns_in_place() {
        let grid = Grid {
            header: vec!["period".into(), "a".into(), "b".into()],
            rows: vec![
                vec!["Q1".into(), "1".into()],
                vec!["Q2".into(), "2".into(), "3".into()],
            ],
            rule_before_last: false,
        };
        let mut out = Vec::new();
        grid.write("  ", &|s| format!("*{s}*"), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  *period  a  b*\n  Q1      1\n  Q2      2  3\n"
        );
    }

    #[test]
    fn bars_scale() {
        assert_eq!(bar(5.0, 10.0, 10, false), "#####");
        assert_eq!(bar(0.0, 10.0, 10, false), "");
        assert_eq!(bar(0.01, 10.0, 10, true), "█");
    }
}
