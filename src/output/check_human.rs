//! `goals check --format human`: rustc-style snippets pointing at the key at fault, then the
//! SMART scorecard and a summary line. Meant for a terminal; colour only when asked.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::smart::report::{Counts, FileFindings, Grade, scorecard};

use super::style::Paint;

/// Renders every file's findings, each file's scorecard and the overall summary.
pub fn render(files: &[FileFindings], paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            snippet(d, &file.name, &index, paint, out)?;
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

fn snippet(
    d: &Diagnostic,
    name: &str,
    index: &LineIndex<'_>,
    paint: Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    let head = format!("{}[{}]", label(d.severity(), paint), d.code.name());
    writeln!(out, "{head}: {}", paint.bold(&d.message))?;
    let Some(span) = &d.span else {
        writeln!(out, "  {} {name}", paint.gutter("-->"))?;
        return notes(d, "  ", paint, out);
    };
    let loc = index.locate(span);
    let width = loc.line.to_string().len();
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{pad}{} {name}:{}:{}",
        paint.gutter("-->"),
        loc.line,
        loc.column
    )?;
    writeln!(out, "{pad} {}", paint.gutter("|"))?;
    let text = index.line_text(loc.line);
    let shown: String = text.chars().take(120).collect();
    writeln!(
        out,
        "{} {} {shown}",
        paint.gutter(&loc.line.to_string()),
        paint.gutter("|")
    )?;
    let end_col = if loc.end_line == loc.line {
        loc.end_column
    } else {
        text.chars().count() + 1
    };
    let carets = "^".repeat(end_col.saturating_sub(loc.column).max(1));
    let marker = match d.severity() {
        Severity::Error => paint.error(&carets),
        Severity::Warning => paint.warning(&carets),
        Severity::Info => paint.note(&carets),
    };
    writeln!(
        out,
        "{pad} {} {}{marker}",
        paint.gutter("|"),
        " ".repeat(loc.column - 1)
    )?;
    notes(d, &format!("{pad} "), paint, out)
}

fn notes(d: &Diagnostic, pad: &str, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{pad}{} {}: {}",
        paint.gutter("="),
        paint.note("help"),
        d.help
    )?;
    let mut about = vec![d.criterion().name().to_string()];
    if let Some(goal) = &d.goal {
        about.push(format!("goal {goal}"));
    }
    if let Some(metric) = &d.metric {
        about.push(format!("metric {metric}"));
    }
    writeln!(out, "{pad}{} {}\n", paint.gutter("="), about.join(" · "))
}

fn cell(grade: Grade, paint: Paint) -> String {
    let text = format!("{:<12}", grade.name());
    match grade {
        Grade::Ok => paint.good(&text),
        Grade::Info => paint.note(&text),
        Grade::Warning => paint.warning(&text),
        Grade::Error => paint.error(&text),
    }
}

fn scorecard_table(file: &FileFindings, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let rows = scorecard(file);
    if rows.is_empty() {
        return Ok(());
    }
    let width = rows
        .iter()
        .map(|r| r.goal.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 28);
    writeln!(
        out,
        "{}",
        paint.bold(&format!("SMART scorecard: {}", file.name))
    )?;
    let head = format!(
        "{:<width$}  {:<12}{:<12}{:<12}{:<12}{}",
        "goal", "specific", "measurable", "achievable", "relevant", "time-bound"
    );
    writeln!(out, "{}", paint.bold(head.trim_end()))?;
    for row in &rows {
        let goal: String = row.goal.chars().take(width).collect();
        let cells = [
            row.specific,
            row.measurable,
            row.achievable,
            row.relevant,
            row.time_bound,
        ];
        let line: String = cells.iter().map(|g| cell(*g, paint)).collect();
        writeln!(out, "{goal:<width$}  {}", line.trim_end())?;
    }
    writeln!(out)
}

fn summary(files: &[FileFindings], paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let counts = Counts::of(files);
    let goals: usize = files.iter().map(|f| f.goals.len()).sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let text = format!(
        "{}, {}: {}, {}, {}",
        plural(files.len(), "file"),
        plural(goals, "goal"),
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
