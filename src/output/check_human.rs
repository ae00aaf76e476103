//! `goals check --format human`: rustc-style snippets pointing at the key at fault, then the
//! SMART scorecard and a summary line. Meant for a terminal; colour only when asked.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::smart::report::{Counts, FileFindings, Grade, scorecard};

use super::grid::Grid;
use super::style::Paint;
use super::wrap;

/// Renders every file's findings, each file's scorecard and the overall summary; messages,
/// notes and help texts are filled to `width` columns.
pub fn render(
    files: &[FileFindings],
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in file.diagnostics.iter().filter(|d| !d.suppressed) {
            snippet(d, &file.name, &index, Look { paint, width }, out)?;
        }
        scorecard_table(file, paint, out)?;
    }
    summary(files, paint, out)
}

fn label(severity: Severity, paint: Paint) -> String {
    match severity {
        Severity::Error => paint.error("error"),
        Severity::Warning => paint.warning("warning"),
        Severity::Info => paint.note("info"),
    }
}

/// How to draw: colours and the width to fill text to.
#[derive(Clone, Copy)]
struct Look {
    paint: Paint,
    width: usize,
}

fn snippet(
    d: &Diagnostic,
    name: &str,
    index: &LineIndex<'_>,
    look: Look,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = look.paint;
    headline(d, look, out)?;
    let Some(span) = &d.span else {
        writeln!(out, "  {} {name}", paint.gutter("-->"))?;
        return notes(d, "  ", look, out);
    };
    let loc = index.locate(span);
    let pad = " ".repeat(loc.line.to_string().len());
    write!(out, "{}", excerpt(d.severity(), name, index, span, look))?;
    notes(d, &format!("{pad} "), look, out)
}

/// The located source line with carets under the span, drawn by annotate-snippets: tabs,
/// wide characters (CJK, emoji) and long lines keep the carets under the text they mark. A
/// span running over several lines is marked to the end of its first line.
fn excerpt(
    severity: Severity,
    name: &str,
    index: &LineIndex<'_>,
    span: &Range<usize>,
    look: Look,
) -> String {
    let loc = index.locate(span);
    let text = index.line_text(loc.line);
    let start = byte_column(text, loc.column);
    let end = if loc.end_line == loc.line {
        byte_column(text, loc.end_column)
    } else {
        text.len()
    };
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let report = [Group::with_level(level).element(
        Snippet::source(text)
            .line_start(loc.line)
            .path(name)
            .annotation(AnnotationKind::Primary.span(start..end)),
    )];
    let renderer = if look.paint.enabled {
        Renderer::styled()
            .error(Paint::ERROR)
            .warning(Paint::WARNING)
            .info(Paint::NOTE)
            .line_num(Paint::GUTTER)
    } else {
        Renderer::plain()
    };
    let mut shown = renderer.term_width(look.width).render(&report);
    shown.push('\n');
    shown
}

/// The byte offset of the 1-based character `column` within `line`.
fn byte_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at)
}

/// `warning[code]: message`, continued on lines aligned after the `: `.
fn headline(d: &Diagnostic, look: Look, out: &mut dyn Write) -> io::Result<()> {
    let paint = look.paint;
    let code = d.code.name();
    let lead = format!("{}[{code}]: ", d.severity().name());
    for (i, line) in wrap::hanging(&d.message, &lead, look.width)
        .iter()
        .enumerate()
    {
        let (start, text) = line.split_at(lead.len());
        if i == 0 {
            let head = format!("{}[{code}]", label(d.severity(), paint));
            writeln!(out, "{head}: {}", paint.bold(text))?;
        } else {
            writeln!(out, "{start}{}", paint.bold(text))?;
        }
    }
    Ok(())
}

/// `= note: …` and `= help: …`, continued on lines aligned after the `: `.
fn labelled(pad: &str, name: &str, text: &str, look: Look, out: &mut dyn Write) -> io::Result<()> {
    let paint = look.paint;
    let lead = format!("{pad}= {name}: ");
    for (i, line) in wrap::hanging(text, &lead, look.width).iter().enumerate() {
        let (start, rest) = line.split_at(lead.len());
        if i == 0 {
            writeln!(
                out,
                "{pad}{} {}: {rest}",
                paint.gutter("="),
                paint.note(name)
            )?;
        } else {
            writeln!(out, "{start}{rest}")?;
        }
    }
    Ok(())
}

fn notes(d: &Diagnostic, pad: &str, look: Look, out: &mut dyn Write) -> io::Result<()> {
    let paint = look.paint;
    if let Some(note) = &d.note {
        labelled(pad, "note", note, look, out)?;
    }
    labelled(pad, "help", &d.help, look, out)?;
    let mut about = vec![d.criterion().name().to_string()];
    if let Some(goal) = &d.goal {
        about.push(format!("goal {goal}"));
    }
    if let Some(metric) = &d.metric {
        about.push(format!("metric {metric}"));
    }
    writeln!(out, "{pad}{} {}\n", paint.gutter("="), about.join(" · "))
}

/// A grade as a scorecard cell, padded inside its colour so every criterion column is as
/// wide as the longest criterion name.
fn cell(grade: Grade, paint: Paint) -> String {
    let text = format!("{:<CRITERION$}", grade.name());
    match grade {
        Grade::Ok => paint.good(&text),
        Grade::Info => paint.note(&text),
        Grade::Warning => paint.warning(&text),
        Grade::Error => paint.error(&text),
    }
}

/// The width of the criterion columns: `measurable`, `achievable`, `time-bound`.
const CRITERION: usize = 10;

/// The longest goal id shown whole in the scorecard.
const GOAL: usize = 28;

fn scorecard_table(file: &FileFindings, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let rows = scorecard(file);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        paint.bold(&format!("SMART scorecard: {}", file.name))
    )?;
    let mut header = vec!["goal".to_string()];
    header.extend(
        [
            "specific",
            "measurable",
            "achievable",
            "relevant",
            "time-bound",
        ]
        .map(|c| format!("{c:<CRITERION$}")),
    );
    let rows = rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.goal.chars().take(GOAL).collect::<String>()];
            cells.extend(
                [
                    row.specific,
                    row.measurable,
                    row.achievable,
                    row.relevant,
                    row.time_bound,
                ]
                .map(|g| cell(g, paint)),
            );
            cells
        })
        .collect();
    let grid = Grid {
        header,
        rows,
        rule_before_last: false,
        ..Grid::default()
    };
    grid.write("", &|s| paint.bold(s), out)?;
    writeln!(out)
}

fn summary(files: &[FileFindings], paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let counts = Counts::of(files);
    let goals: usize = files.iter().map(|f| f.goals.len()).sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let surveys = files.iter().filter(|f| f.survey).count();
    let mut read = vec![plural(files.len() - surveys, "file")];
    if surveys > 0 {
        read.push(plural(surveys, "survey"));
    }
    read.push(plural(goals, "goal"));
    let suppressed = if counts.suppressed > 0 {
        format!(" ({} suppressed by `allow`)", counts.suppressed)
    } else {
        String::new()
    };
    let text = format!(
        "{}: {}, {}, {}{suppressed}",
        read.join(", "),
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning"),
        plural(counts.infos, "info")
    );
    let shown = if counts.errors > 0 {
        paint.error(&text)
    } else if counts.warnings > 0 {
        paint.warning(&text)
    } else {
        paint.good(&text)
    };
    writeln!(out, "{shown}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt for the span of `needle` in `text`, plain, 80 columns.
    fn excerpt_of(text: &str, needle: &str) -> String {
        let start = text.find(needle).unwrap();
        let index = LineIndex::new(text);
        let look = Look {
            paint: Paint::default(),
            width: 80,
        };
        excerpt(
            Severity::Warning,
            "goals.toml",
            &index,
            &(start..start + needle.len()),
            look,
        )
    }

    #[test]
    fn carets_sit_under_text_after_a_tab() {
        let shown = excerpt_of("[plan]\n\tcurency = \"EUR\"\n", "curency");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], " --> goals.toml:2:2");
        assert_eq!(
            lines[2], "2 |     curency = \"EUR\"",
            "the tab shows as spaces"
        );
        assert_eq!(lines[3], "  |     ^^^^^^^");
    }

    #[test]
    fn carets_sit_under_text_after_wide_characters() {
        let shown = excerpt_of("title = \"売上 🚀\" # target\n", "target");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[2], "1 | title = \"売上 🚀\" # target");
        // 売, 上 and 🚀 each take two columns, so the carets start at column 21.
        assert_eq!(lines[3], format!("  | {}^^^^^^", " ".repeat(20)));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let text = format!("note = \"{}\" curency = 1\n", "x".repeat(200));
        let shown = excerpt_of(&text, "curency");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], " --> goals.toml:1:211");
        assert!(lines[2].starts_with("1 | ...x"), "{shown}");
        assert!(lines[2].ends_with("\" curency = 1"), "{shown}");
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{shown}");
        let under = lines[3].find('^').unwrap();
        assert_eq!(&lines[2][under..under + 7], "curency", "{shown}");
    }
}
