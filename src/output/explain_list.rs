//! `goals explain --list`: every check code in catalogue order, in the grid: its name,
//! severity and criterion in columns that never wrap, and what it means in a column that
//! wraps at spaces to keep each line within the terminal's width.

use std::io::{self, Write};

use crate::diagnostic::CodeInfo;
use crate::output::grid::{Column, Grid};
use crate::output::style::Paint;

/// Writes one row per code, within `width` columns.
pub fn render<'a>(
    codes: impl IntoIterator<Item = &'a CodeInfo>,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let grid = Grid {
        header: ["code", "severity", "criterion", "summary"]
            .map(String::from)
            .to_vec(),
        rows: codes
            .into_iter()
            .map(|info| {
                vec![
                    info.name.to_owned(),
                    info.severity.name().to_owned(),
                    info.criterion.name().to_owned(),
                    info.summary.to_owned(),
                ]
            })
            .collect(),
        columns: vec![Column::Text, Column::Text, Column::Text, Column::Prose],
        width: Some(width),
        ..Grid::default()
    };
    grid.write("", &|h| paint.bold(h), out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn listed(width: usize) -> String {
        let mut out = Vec::new();
        let codes = Code::ALL.iter().map(|c| c.info());
        render(codes, Paint::default(), width, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_line_fits_the_width_and_words_stay_left() {
        for width in [80, 100, 120] {
            let text = listed(width);
            for line in text.lines() {
                assert!(line.chars().count() <= width, "{width}: {line}");
            }
            let header = text.lines().next().unwrap();
            assert!(header.starts_with("code  "), "{header}");
            let severity = header.find("severity").unwrap();
            let row = text
                .lines()
                .find(|l| l.starts_with("growth-too-high "))
                .unwrap();
            assert_eq!(&row[severity..severity + 9], "warning  ", "{row}");
        }
    }

    #[test]
    fn a_long_summary_wraps_within_its_column() {
        let text = listed(80);
        let summary = text.lines().next().unwrap().find("summary").unwrap();
        let lines: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("unknown-reference "))
            .take_while(|l| l.starts_with("unknown-reference ") || l.starts_with(' '))
            .collect();
        assert!(lines.len() > 1, "{text}");
        for line in &lines[1..] {
            assert_eq!(line.find(|c: char| c != ' '), Some(summary), "{line}");
        }
        let words: Vec<&str> = lines.iter().map(|l| l[summary..].trim_end()).collect();
        assert_eq!(words.join(" "), Code::UnknownReference.info().summary);
    }

    #[test]
    fn a_wide_terminal_keeps_each_code_on_one_line() {
        let text = listed(200);
        assert_eq!(text.lines().count(), Code::ALL.len() + 1, "{text}");
    }
}
