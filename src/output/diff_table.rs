//! `goals diff` for people: what was added and removed, the keys changed with their line in
//! the new file, and per target the periods and reps whose quota moved, in the project's
//! grid (columns as wide as their widest cell, numbers right-aligned).

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::group;
use super::diff_json::number;
use super::grid::Grid;
use crate::diagnostic::LineIndex;
use crate::diff::{Change, DiffReport, TargetChange, TargetKey};

/// An amount for people: thousands grouped.
pub fn shown(x: Decimal, t: &TargetChange) -> String {
    group(&number(x, t.decimals, t.level))
}

/// A delta for people: signed, thousands grouped.
pub fn signed(x: Decimal, t: &TargetChange) -> String {
    let text = shown(x, t);
    if x > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// `goal · metric` of targets, one list.
pub fn target_list(keys: &[TargetKey]) -> String {
    keys.iter()
        .map(|k| format!("{} · {}", k.goal, k.metric))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `old → new (delta)` of a total.
pub fn total(t: &TargetChange) -> String {
    format!(
        "{} → {} ({})",
        shown(t.total.old, t),
        shown(t.total.new, t),
        signed(t.total.delta(), t)
    )
}

/// Whether the report has nothing to show.
pub fn is_empty(report: &DiffReport) -> bool {
    report.goals_added.is_empty()
        && report.goals_removed.is_empty()
        && report.targets_added.is_empty()
        && report.targets_removed.is_empty()
        && report.keys.is_empty()
        && report.changes.is_empty()
}

/// Renders the change for a terminal or a pipe.
pub fn render(
    report: &DiffReport,
    names: (&str, &str),
    new_text: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "goals diff · {} → {} · by {}",
        names.0,
        names.1,
        report.by.name()
    )?;
    if is_empty(report) {
        return writeln!(out, "\nNo change to any goal, target, key or quota.");
    }
    let lists = [
        ("Goals added", report.goals_added.join(", ")),
        ("Goals removed", report.goals_removed.join(", ")),
        ("Targets added", target_list(&report.targets_added)),
        ("Targets removed", target_list(&report.targets_removed)),
    ];
    for (title, list) in lists.iter().filter(|(_, l)| !l.is_empty()) {
        writeln!(out, "\n{title}: {list}")?;
    }
    keys(report, new_text, out)?;
    for t in &report.changes {
        target(t, out)?;
    }
    if !report.quotas_compared {
        writeln!(out, "\nQuotas not compared: the old file has errors.")?;
    }
    frozen(report, out)
}

fn keys(report: &DiffReport, new_text: &str, out: &mut dyn Write) -> io::Result<()> {
    if report.keys.is_empty() {
        return Ok(());
    }
    let index = LineIndex::new(new_text);
    writeln!(out, "\nKeys changed (line in the new file)")?;
    for k in &report.keys {
        let line = k
            .span
            .as_ref()
            .map_or(String::new(), |s| format!("{:>5}  ", index.locate(s).line));
        let old = k.old.as_deref().unwrap_or("(none)");
        let new = k.new.as_deref().unwrap_or("(removed)");
        let (old, new) = (clip(old), clip(new));
        writeln!(out, "{line}{}: {old} → {new}", k.path)?;
    }
    Ok(())
}

/// Long values (a whole table added) are cut for the terminal; JSON has them whole.
fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

/// One line of a change table: who, then old, new and the signed delta.
fn cells(who: String, c: Change, t: &TargetChange) -> Vec<String> {
    vec![who, shown(c.old, t), shown(c.new, t), signed(c.delta(), t)]
}

/// Per period the team's change, then the reps' indented under it; then each rep's total.
fn target(t: &TargetChange, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n{} · {}: total {}", t.goal, t.metric, total(t))?;
    let plain = |h: &str| h.to_string();
    if !t.periods.is_empty() {
        let mut rows = Vec::new();
        for p in &t.periods {
            rows.push(cells(p.label.clone(), p.change, t));
            rows.extend(
                p.reps
                    .iter()
                    .map(|r| cells(format!("  {}", r.rep), r.change, t)),
            );
        }
        grid("period, reps", rows).write("", &plain, out)?;
    }
    if !t.reps.is_empty() {
        if !t.periods.is_empty() {
            writeln!(out)?;
        }
        let rows = t
            .reps
            .iter()
            .map(|r| cells(r.rep.clone(), r.change, t))
            .collect();
        grid("rep total", rows).write("", &plain, out)?;
    }
    Ok(())
}

fn grid(first: &str, rows: Vec<Vec<String>>) -> Grid {
    Grid {
        header: [first, "old", "new", "delta"].map(String::from).to_vec(),
        rows,
        rule_before_last: false,
        ..Grid::default()
    }
}

fn frozen(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    let Some(date) = report.frozen_before else {
        return Ok(());
    };
    if report.frozen.is_empty() {
        return writeln!(out, "\nNo period ending before {date} changed.");
    }
    writeln!(out, "\nChanged periods ending before {date} (history):")?;
    for f in &report.frozen {
        writeln!(out, "  {} · {} {}", f.goal, f.metric, f.label)?;
    }
    Ok(())
}
