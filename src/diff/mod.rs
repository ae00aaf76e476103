//! What a change to a goal file does (`goals diff`): goals and targets added and removed, keys
//! changed, and for every target in both files the period and rep quotas that moved. Only
//! goals whose text changed are planned, unless something they depend on changed (anything
//! outside `[[goals]]`), so a small change to a large file costs little; goals are planned a
//! slice at a time, so memory never holds the two plans whole.

pub mod keys;
pub mod quotas;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

use crate::model::{GoalFile, Per};
use crate::plan::report::TargetReport;
use crate::plan::{Order, PlanOptions, Planned, each_target};
use crate::smart::Checked;
pub use keys::KeyChange;
pub use quotas::{Change, RepChange, TargetChange};

/// One side of the comparison: the file as read, its text, and the file if it has no errors.
pub struct Side<'a> {
    pub text: &'a str,
    pub file: &'a GoalFile,
    pub checked: Option<Checked<'a>>,
}

/// A target named by its goal and metric (the n-th target on that metric in the goal).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetKey {
    pub goal: String,
    pub metric: String,
    pub nth: usize,
}

/// A changed period that ends before `--frozen-before`: history rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frozen {
    pub goal: String,
    pub metric: String,
    pub decimals: u32,
    /// A rate or level, not an additive quota.
    pub level: bool,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub change: Change,
}

/// The whole comparison.
#[derive(Debug)]
pub struct DiffReport {
    pub by: Per,
    pub goals_added: Vec<String>,
    pub goals_removed: Vec<String>,
    pub targets_added: Vec<TargetKey>,
    pub targets_removed: Vec<TargetKey>,
    pub keys: Vec<KeyChange>,
    /// Targets in both files whose quotas changed, in the new file's order.
    pub changes: Vec<TargetChange>,
    pub frozen_before: Option<NaiveDate>,
    pub frozen: Vec<Frozen>,
    /// False when the old file has errors, so its quotas could not be compared.
    pub quotas_compared: bool,
}

/// Compares `old` with `new` by `by`; periods ending before `frozen_before` must not change.
pub fn diff(
    old: &Side<'_>,
    new: &Side<'_>,
    by: Per,
    frozen_before: Option<NaiveDate>,
) -> DiffReport {
    let (old_table, _) = DeTable::parse_recoverable(old.text);
    let (new_table, _) = DeTable::parse_recoverable(new.text);
    let keys = keys::changed(old_table.get_ref(), new_table.get_ref(), new_table.span());
    let (old_ids, new_ids) = (goal_ids(old.file), goal_ids(new.file));
    let (old_set, new_set): (HashSet<&String>, HashSet<&String>) =
        (old_ids.iter().collect(), new_ids.iter().collect());
    let goals_added = new_ids.iter().filter(|g| !old_set.contains(g)).cloned();
    let goals_removed = old_ids.iter().filter(|g| !new_set.contains(g)).cloned();
    let (old_targets, new_targets) = (target_keys(old.file), target_keys(new.file));
    let mut report = DiffReport {
        by,
        goals_added: goals_added.collect(),
        goals_removed: goals_removed.collect(),
        targets_added: missing(&new_targets, &old_targets),
        targets_removed: missing(&old_targets, &new_targets),
        keys,
        changes: Vec::new(),
        frozen_before,
        frozen: Vec::new(),
        quotas_compared: false,
    };
    let (Some(old_checked), Some(new_checked)) = (old.checked, new.checked) else {
        return report;
    };
    report.quotas_compared = true;
    let touched = touched_goals(old_table.get_ref(), new_table.get_ref());
    // NEW's goals in order, then those only OLD has; only the touched ones.
    let ids: Vec<&String> = new_ids
        .iter()
        .chain(old_ids.iter().filter(|g| !new_set.contains(g)))
        .filter(|id| touched.as_ref().is_none_or(|t| t.contains(*id)))
        .collect();
    let (old_by_goal, new_by_goal) = (by_goal(&old_targets), by_goal(&new_targets));
    let mut one_sided = Vec::new();
    // A few goals at a time, so memory holds a slice of the two plans, never both whole.
    for chunk in ids.chunks(CHUNK.max(ids.len() / 16)) {
        let goals: Vec<String> = chunk.iter().map(|id| (*id).clone()).collect();
        let old_plans = plans(old_checked, &goals, by);
        let new_plans = plans(new_checked, &goals, by);
        for goal in chunk {
            for key in new_by_goal.get(goal.as_str()).into_iter().flatten() {
                match (old_plans.get(*key), new_plans.get(*key)) {
                    (Some(before), Some(after)) => {
                        report
                            .changes
                            .extend(quotas::compare(Some(before), Some(after)));
                    }
                    (None, Some(after)) if frozen_before.is_some() => {
                        one_sided.extend(quotas::compare(None, Some(after)));
                    }
                    _ => {}
                }
            }
            for key in old_by_goal.get(goal.as_str()).into_iter().flatten() {
                if frozen_before.is_some() && !new_plans.contains_key(*key) {
                    one_sided.extend(quotas::compare(old_plans.get(*key), None));
                }
            }
        }
    }
    report.frozen = frozen(frozen_before, report.changes.iter().chain(&one_sided));
    report
}

/// How many goals are planned at once, at least (a sixteenth of them when that is more).
const CHUNK: usize = 256;

fn by_goal(targets: &[TargetKey]) -> HashMap<&str, Vec<&TargetKey>> {
    let mut out: HashMap<&str, Vec<&TargetKey>> = HashMap::new();
    for key in targets {
        out.entry(key.goal.as_str()).or_default().push(key);
    }
    out
}

fn goal_ids(file: &GoalFile) -> Vec<String> {
    file.goals.iter().map(|g| g.id.value.clone()).collect()
}

/// Every target of the file, in file order.
fn target_keys(file: &GoalFile) -> Vec<TargetKey> {
    let mut out = Vec::new();
    for goal in &file.goals {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for t in &goal.targets {
            let metric = t.metric.as_ref().map_or("", |m| m.value.as_str());
            let nth = seen.entry(metric).or_default();
            out.push(TargetKey {
                goal: goal.id.value.clone(),
                metric: metric.to_string(),
                nth: *nth,
            });
            *nth += 1;
        }
    }
    out
}

fn missing(these: &[TargetKey], from: &[TargetKey]) -> Vec<TargetKey> {
    let known: HashSet<&TargetKey> = from.iter().collect();
    these
        .iter()
        .filter(|k| !known.contains(k))
        .cloned()
        .collect()
}

/// The goals whose quotas may differ: every goal when anything outside `[[goals]]` changed
/// (`None`), else the goals whose text changed (added and removed ones included).
fn touched_goals(old: &DeTable<'_>, new: &DeTable<'_>) -> Option<HashSet<String>> {
    let context = |t: &DeTable<'_>| {
        let mut rest = t.clone();
        rest.remove("goals");
        keys::canonical(&DeValue::Table(rest))
    };
    if context(old) != context(new) {
        return None;
    }
    let texts = |t: &DeTable<'_>| -> HashMap<String, String> {
        let Some(DeValue::Array(goals)) = t.get("goals").map(toml::Spanned::get_ref) else {
            return HashMap::new();
        };
        goals
            .iter()
            .filter_map(|g| {
                let id = g.get_ref().as_table()?.get("id")?.get_ref().as_str()?;
                Some((id.to_string(), keys::canonical(g.get_ref())))
            })
            .collect()
    };
    let (before, after) = (texts(old), texts(new));
    let mut touched: HashSet<String> = after
        .iter()
        .filter(|(id, text)| before.get(*id) != Some(text))
        .map(|(id, _)| id.clone())
        .collect();
    touched.extend(before.keys().filter(|id| !after.contains_key(*id)).cloned());
    Some(touched)
}

/// The plans of the targets of `goals`, by target.
fn plans(checked: Checked<'_>, goals: &[String], by: Per) -> HashMap<TargetKey, TargetReport> {
    if goals.is_empty() {
        return HashMap::new();
    }
    let options = PlanOptions {
        by,
        goals: goals.to_vec(),
        teams: Vec::new(),
        reps: Vec::new(),
    };
    let mut out = HashMap::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let _ = each_target(checked, &options, &Planned, Order::File, &mut |t| {
        let nth = seen.entry((t.goal.clone(), t.metric.clone())).or_default();
        let key = TargetKey {
            goal: t.goal.clone(),
            metric: t.metric.clone(),
            nth: *nth,
        };
        *nth += 1;
        out.insert(key, t);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// Changed periods ending before `frozen_before`: of the targets in both files, and every
/// period with a quota of a target added or removed.
fn frozen<'a>(
    frozen_before: Option<NaiveDate>,
    changes: impl Iterator<Item = &'a TargetChange>,
) -> Vec<Frozen> {
    let Some(date) = frozen_before else {
        return Vec::new();
    };
    changes
        .flat_map(|t| {
            t.periods
                .iter()
                .filter(move |p| p.end < date)
                .map(move |p| Frozen {
                    goal: t.goal.clone(),
                    metric: t.metric.clone(),
                    decimals: t.decimals,
                    level: t.level,
                    label: p.label.clone(),
                    start: p.start,
                    end: p.end,
                    change: p.change,
                })
        })
        .collect()
}
