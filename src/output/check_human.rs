//! `goals check --format human`: rustc-style snippets pointing at the key at fault, then the
//! SMART scorecard and a summary line. Meant for a terminal; colour only when asked.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::smart::report::{Counts, FileFindings, Grade, scorecard};

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
    notes(d, &format!("{pad} "), look, out)
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
