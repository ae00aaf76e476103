//! `goals diff --format json`: the change document of the JSON contract (version 1). Amounts
//! are exact decimal numbers; key values are canonical TOML text.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::amount;
use super::plan_json::Num;
use crate::diagnostic::LineIndex;
use crate::diff::{Change, DiffReport, RepChange, TargetKey};

/// An amount as exact decimal text: the unit's decimals, or two for a level (as the plan
/// writes levels).
pub fn number(x: Decimal, decimals: u32, level: bool) -> String {
    amount::fixed(x, if level { 2 } else { decimals })
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    by: &'static str,
    goals: AddedRemoved<&'a String>,
    targets: AddedRemoved<Target<'a>>,
    keys: Vec<Key<'a>>,
    changes: Vec<TargetDoc<'a>>,
    frozen: Vec<FrozenDoc<'a>>,
}

#[derive(Serialize)]
struct AddedRemoved<T> {
    added: Vec<T>,
    removed: Vec<T>,
}

#[derive(Serialize)]
struct Target<'a> {
    goal: &'a str,
    metric: &'a str,
}

#[derive(Serialize)]
struct Key<'a> {
    path: &'a str,
    old: Option<&'a str>,
    new: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
}

/// Old, new and delta of a change.
struct Amounts {
    old: Num,
    new: Num,
    delta: Num,
}

#[derive(Serialize)]
struct TargetDoc<'a> {
    goal: &'a str,
    metric: &'a str,
    total: Total,
    periods: Vec<PeriodDoc<'a>>,
    reps: Vec<RepDoc<'a>>,
}

#[derive(Serialize)]
struct Total {
    old: Num,
    new: Num,
    delta: Num,
}

#[derive(Serialize)]
struct PeriodDoc<'a> {
    label: &'a str,
    start: String,
    end: String,
    old: Num,
    new: Num,
    delta: Num,
    reps: Vec<RepDoc<'a>>,
}

#[derive(Serialize)]
struct RepDoc<'a> {
    rep: &'a str,
    old: Num,
    new: Num,
    delta: Num,
}

#[derive(Serialize)]
struct FrozenDoc<'a> {
    goal: &'a str,
    metric: &'a str,
    label: &'a str,
    start: String,
    end: String,
    old: Num,
    new: Num,
    delta: Num,
}

fn amounts(c: Change, decimals: u32, level: bool) -> Amounts {
    let n = |x| Num(number(x, decimals, level));
    Amounts {
        old: n(c.old),
        new: n(c.new),
        delta: n(c.delta()),
    }
}

fn targets(keys: &[TargetKey]) -> Vec<Target<'_>> {
    keys.iter()
        .map(|k| Target {
            goal: &k.goal,
            metric: &k.metric,
        })
        .collect()
}

fn reps(reps: &[RepChange], decimals: u32, level: bool) -> Vec<RepDoc<'_>> {
    reps.iter()
        .map(|r| {
            let Amounts { old, new, delta } = amounts(r.change, decimals, level);
            RepDoc {
                rep: &r.rep,
                old,
                new,
                delta,
            }
        })
        .collect()
}

/// Renders the change document; `names` are OLD and NEW as given, `new_text` locates keys.
pub fn render(
    report: &DiffReport,
    names: (&str, &str),
    new_text: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let index = LineIndex::new(new_text);
    let document = Document {
        version: 1,
        old: names.0,
        new: names.1,
        by: report.by.name(),
        goals: AddedRemoved {
            added: report.goals_added.iter().collect(),
            removed: report.goals_removed.iter().collect(),
        },
        targets: AddedRemoved {
            added: targets(&report.targets_added),
            removed: targets(&report.targets_removed),
        },
        keys: report
            .keys
            .iter()
            .map(|k| {
                let at = k.span.as_ref().map(|s| index.locate(s));
                Key {
                    path: &k.path,
                    old: k.old.as_deref(),
                    new: k.new.as_deref(),
                    line: at.map(|l| l.line),
                    column: at.map(|l| l.column),
                }
            })
            .collect(),
        changes: report
            .changes
            .iter()
            .map(|t| TargetDoc {
                goal: &t.goal,
                metric: &t.metric,
                total: {
                    let Amounts { old, new, delta } = amounts(t.total, t.decimals, t.level);
                    Total { old, new, delta }
                },
                periods: t
                    .periods
                    .iter()
                    .map(|p| {
                        let Amounts { old, new, delta } = amounts(p.change, t.decimals, t.level);
                        PeriodDoc {
                            label: &p.label,
                            start: p.start.to_string(),
                            end: p.end.to_string(),
                            old,
                            new,
                            delta,
                            reps: reps(&p.reps, t.decimals, t.level),
                        }
                    })
                    .collect(),
                reps: reps(&t.reps, t.decimals, t.level),
            })
            .collect(),
        frozen: report
            .frozen
            .iter()
            .map(|f| {
                let Amounts { old, new, delta } = amounts(f.change, f.decimals, f.level);
                FrozenDoc {
                    goal: &f.goal,
                    metric: &f.metric,
                    label: &f.label,
                    start: f.start.to_string(),
                    end: f.end.to_string(),
                    old,
                    new,
                    delta,
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
