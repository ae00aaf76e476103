//! `goals diff --format markdown`: the change as a pull-request comment. Summary lines first;
//! each target's periods and reps in a collapsed table so a large change stays readable.

use std::io::{self, Write};

use super::diff_table::{is_empty, shown, signed, target_list, total};
use crate::diagnostic::LineIndex;
use crate::diff::{Change, DiffReport, TargetChange};

/// Escapes text for a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Renders the comment.
pub fn render(
    report: &DiffReport,
    names: (&str, &str),
    new_text: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "### Goal changes: `{}` → `{}` (by {})\n",
        cell(names.0),
        cell(names.1),
        report.by.name()
    )?;
    if is_empty(report) {
        return writeln!(out, "No change to any goal, target, key or quota.");
    }
    if let Some(date) = report.frozen_before {
        if report.frozen.is_empty() {
            writeln!(out, "No period ending before {date} changed.\n")?;
        } else {
            writeln!(
                out,
                "> [!WARNING]\n> {} changed period(s) end before {date}: history is rewritten.\n",
                report.frozen.len()
            )?;
        }
    }
    let lists = [
        ("Goals added", report.goals_added.join(", ")),
        ("Goals removed", report.goals_removed.join(", ")),
        ("Targets added", target_list(&report.targets_added)),
        ("Targets removed", target_list(&report.targets_removed)),
    ];
    for (title, list) in lists.iter().filter(|(_, l)| !l.is_empty()) {
        writeln!(out, "- **{title}:** {}", cell(list))?;
    }
    for t in &report.changes {
        writeln!(out, "- `{}` · `{}`: {}", t.goal, t.metric, total(t))?;
    }
    if !report.quotas_compared {
        writeln!(out, "- Quotas not compared: the old file has errors.")?;
    }
    keys(report, new_text, out)?;
    for t in &report.changes {
        target(t, out)?;
    }
    Ok(())
}

fn keys(report: &DiffReport, new_text: &str, out: &mut dyn Write) -> io::Result<()> {
    if report.keys.is_empty() {
        return Ok(());
    }
    let index = LineIndex::new(new_text);
    writeln!(out, "\n#### Keys changed\n")?;
    writeln!(
        out,
        "| key | old | new | line |\n| --- | --- | --- | ---: |"
    )?;
    for k in &report.keys {
        let code = |v: Option<&str>| v.map_or(String::new(), |v| format!("`{}`", cell(v)));
        let line = k
            .span
            .as_ref()
            .map_or(String::new(), |s| index.locate(s).line.to_string());
        writeln!(
            out,
            "| `{}` | {} | {} | {line} |",
            cell(&k.path),
            code(k.old.as_deref()),
            code(k.new.as_deref())
        )?;
    }
    Ok(())
}

fn row(out: &mut dyn Write, label: &str, who: &str, c: Change, t: &TargetChange) -> io::Result<()> {
    writeln!(
        out,
        "| {label} | {who} | {} | {} | {} |",
        shown(c.old, t),
        shown(c.new, t),
        signed(c.delta(), t)
    )
}

fn target(t: &TargetChange, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\n<details><summary><code>{}</code> · <code>{}</code>: {}</summary>\n",
        t.goal,
        t.metric,
        total(t)
    )?;
    writeln!(
        out,
        "| period | team / rep | old | new | delta |\n| --- | --- | ---: | ---: | ---: |"
    )?;
    for p in &t.periods {
        row(out, &p.label, "**team**", p.change, t)?;
        for r in &p.reps {
            row(out, "", &cell(&r.rep), r.change, t)?;
        }
    }
    for r in &t.reps {
        row(out, "total", &cell(&r.rep), r.change, t)?;
    }
    writeln!(out, "\n</details>")
}
