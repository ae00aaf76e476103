//! The one table layout of every table renderer, drawn by comfy-table: no borders, a
//! left-aligned first column, right-aligned numbers and left-aligned words, two spaces between
//! columns, widths by what a terminal shows (colour codes take no room, CJK and emoji take
//! two), and an optional rule before the totals. Numbers and words are pinned to their
//! content, so they never wrap; only a prose column wraps, at spaces, to keep the grid within
//! its width. Colour comes only from the cells the renderers painted through `style::Paint`.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

/// Rows of cells with one header row.
#[derive(Debug, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows after which a rule is drawn (e.g. before the totals).
    pub rule_before_last: bool,
    /// What each column holds, by index; a column not listed is [`Column::Text`] when it is
    /// the first and [`Column::Number`] otherwise.
    pub columns: Vec<Column>,
    /// The columns the grid may take, its indent included: prose columns wrap to stay within
    /// them. `None` lays every column out by its content.
    pub width: Option<usize>,
}

/// What a column holds, which decides its alignment and whether it may wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Amounts, counts, percentages: right-aligned, never wrapped.
    Number,
    /// Words (names, codes, statuses): left-aligned, never wrapped.
    Text,
    /// Sentences: left-aligned, wrapped at spaces when the grid would pass its width.
    Prose,
}

/// The fewest columns a prose column keeps (its two leading spaces included), however narrow
/// the width: past that the grid passes its width rather than crush the words.
const MIN_PROSE: u16 = 20;

impl Grid {
    /// The width of each column, by content (before a prose column wraps).
    pub fn widths(&self) -> Vec<usize> {
        widths_of(&self.table(""))
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
        let table = self.table(indent);
        let drawn: Vec<String> = table.lines().collect();
        let lines: Vec<&str> = drawn.iter().map(|line| line.trim_end()).collect();
        let Some((header, body)) = lines.split_first() else {
            return Ok(());
        };
        writeln!(out, "{indent}{}", bold(header))?;
        let last = body.len().saturating_sub(1);
        for (i, line) in body.iter().enumerate() {
            if self.rule_before_last && i == last && i > 0 {
                let span = if self.fitted() {
                    // Each drawn line is padded to the grid's full width.
                    drawn.iter().map(|line| visible(line)).max().unwrap_or(0)
                } else {
                    spanned(&widths_of(&table))
                };
                writeln!(out, "{indent}{}", "-".repeat(span))?;
            }
            writeln!(out, "{indent}{line}")?;
        }
        Ok(())
    }

    /// Whether the grid is laid out to its width: it has one and a prose column to wrap.
    fn fitted(&self) -> bool {
        self.width.is_some() && (0..self.columns()).any(|i| self.column(i) == Column::Prose)
    }

    /// The number of columns: the longest row's, or the header's.
    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0)
    }

    /// What column `i` holds.
    fn column(&self, i: usize) -> Column {
        self.columns
            .get(i)
            .copied()
            .unwrap_or(if i == 0 { Column::Text } else { Column::Number })
    }

    /// The comfy-table behind the grid: borderless, columns two spaces apart, laid out by
    /// content; with a width, prose columns share what the others leave of it, less the
    /// columns `indent` takes.
    fn table(&self, indent: &str) -> Table {
        let columns = self.columns();
        let mut table = Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(padded(&self.header, columns))
            .add_rows(self.rows.iter().map(|row| padded(row, columns)));
        let fitted = self.width.filter(|_| self.fitted());
        if let Some(width) = fitted {
            let room = u16::try_from(width.saturating_sub(visible(indent))).unwrap_or(u16::MAX);
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(room);
        }
        for i in 0..columns {
            let kind = self.column(i);
            let Some(column) = table.column_mut(i) else {
                continue;
            };
            column.set_padding((if i == 0 { 0 } else { 2 }, 0));
            if kind == Column::Number {
                column.set_cell_alignment(CellAlignment::Right);
            } else {
                column.set_cell_alignment(CellAlignment::Left);
            }
            column.set_constraint(if kind == Column::Prose && fitted.is_some() {
                ColumnConstraint::LowerBoundary(Width::Fixed(MIN_PROSE))
            } else {
                ColumnConstraint::ContentWidth
            });
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
            ..Grid::default()
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
            ..Grid::default()
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
            ..Grid::default()
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
            ..Grid::default()
        };
        let mut out = Vec::new();
        grid.write("  ", &|s| format!("*{s}*"), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  *period  a  b*\n  Q1      1\n  Q2      2  3\n"
        );
    }

    #[test]
    fn text_columns_align_left_and_numbers_right() {
        let grid = Grid {
            header: vec!["code".into(), "severity".into(), "n".into()],
            rows: vec![
                vec!["a".into(), "error".into(), "1".into()],
                vec!["b".into(), "warning".into(), "12".into()],
            ],
            columns: vec![Column::Text, Column::Text],
            ..Grid::default()
        };
        let mut out = Vec::new();
        grid.write("", &|s| s.to_string(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "code  severity   n\na     error      1\nb     warning   12\n"
        );
    }

    #[test]
    fn prose_wraps_within_its_column_to_keep_the_width() {
        let grid = Grid {
            header: vec!["code".into(), "summary".into()],
            rows: vec![
                vec!["toml-syntax".into(), "the file is not valid TOML".into()],
                vec!["x".into(), "short".into()],
            ],
            columns: vec![Column::Text, Column::Prose],
            width: Some(36),
            ..Grid::default()
        };
        let mut out = Vec::new();
        grid.write("  ", &|s| s.to_string(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "  code         summary\n  toml-syntax  the file is not valid\n               TOML\n  x            short\n"
        );
        let wide = Grid {
            width: Some(200),
            ..grid
        };
        let mut out = Vec::new();
        wide.write("", &|s| s.to_string(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().nth(1),
            Some("toml-syntax  the file is not valid TOML")
        );
    }

    #[test]
    fn prose_keeps_room_for_words_in_a_width_too_narrow() {
        let grid = Grid {
            header: vec!["a-very-long-code-name".into(), "summary".into()],
            rows: vec![vec!["x".into(), "one two three four five six seven".into()]],
            columns: vec![Column::Text, Column::Prose],
            width: Some(30),
            ..Grid::default()
        };
        let mut out = Vec::new();
        grid.write("", &|s| s.to_string(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let second = text.lines().nth(1).unwrap();
        assert_eq!(
            second, "x                      one two three four",
            "{text}"
        );
    }

    #[test]
    fn bars_scale() {
        assert_eq!(bar(5.0, 10.0, 10, false), "#####");
        assert_eq!(bar(0.0, 10.0, 10, false), "");
        assert_eq!(bar(0.01, 10.0, 10, true), "█");
    }
}
