//! Builds the funnel report: every funnel target's activity summed into the periods of
//! `--by`, its baseline worked back through the funnel, and each rep's selling hours.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::activity::{Activity, StageDays};
use super::hours::{self, activities, available, needed, units_between};
use super::report::{
    CapacityPeriod, Comparison, FunnelReport, FunnelTarget, RepCapacity, RepStage, StagePeriod,
    StageReport,
};
use crate::model::{GoalFile, Per, Rep};
use crate::plan::calendar::{CalendarRules, Period, periods};
use crate::plan::report::rep_names;
use crate::plan::target::{self, granularity};
use crate::smart::Checked;

/// What to show.
#[derive(Clone, Debug)]
pub struct FunnelOptions {
    pub by: Per,
    /// Only these goals (all when empty).
    pub goals: Vec<String>,
}

/// Builds the funnel report of a checked file.
///
/// # Panics
/// When the file broke an invariant that the SMART rules check (a plan without dates).
pub fn build(checked: Checked<'_>, options: &FunnelOptions) -> FunnelReport {
    let file = checked.file();
    let rules = target::rules(file);
    let by = granularity(options.by);
    // Each target's report is built as soon as its activity is, and the activity then keeps
    // only what the capacity section needs.
    let mut shown: Vec<Activity<'_>> = Vec::new();
    let mut targets = Vec::new();
    for mut a in activities(checked)
        .filter(|a| options.goals.is_empty() || options.goals.contains(&a.resolved.goal.id.value))
    {
        targets.push(target_report(
            &a,
            &periods(&rules, by, a.axis_start, a.resolved.end),
        ));
        a.forget_exact();
        shown.push(a);
    }
    let (start, end) = checked.period();
    let first = shown.iter().map(|a| a.axis_start).min().unwrap_or(start);
    let capacity = capacity(
        file,
        &rules,
        &shown,
        &periods(&rules, by, first.min(start), end),
    );
    FunnelReport {
        name: file.plan.name.as_ref().map(|n| n.value.clone()),
        start,
        end,
        by: options.by.name(),
        targets,
        capacity,
        rep_names: rep_names(file),
    }
}

fn target_report(a: &Activity<'_>, periods: &[Period]) -> FunnelTarget {
    let r = &a.resolved;
    FunnelTarget {
        goal: r.goal.id.value.clone(),
        title: r
            .goal
            .title
            .as_ref()
            .map_or_else(String::new, |t| t.value.clone()),
        metric: r.metric.id.value.clone(),
        funnel: a.funnel.id.value.clone(),
        owner: r
            .goal
            .owner
            .as_ref()
            .map_or_else(String::new, |o| o.value.label()),
        each: if r.target.each_rep { "rep" } else { "team" },
        cycle_days: a.funnel.cycle_days,
        start: r.start,
        end: r.end,
        stages: a
            .stages
            .iter()
            .map(|s| stage_report(a, s, periods))
            .collect(),
    }
}

fn stage_report(a: &Activity<'_>, s: &StageDays, periods: &[Period]) -> StageReport {
    let total: i64 = s.team_quota.iter().sum();
    let rows = periods
        .iter()
        .map(|p| {
            let quota = units_between(a, &s.team_quota, p.start, p.end);
            StagePeriod {
                label: p.label.clone(),
                start: p.start,
                end: p.end,
                before_start: p.end < a.resolved.start,
                quota,
                exact: exact_between(a, &s.team_exact, p.start, p.end),
                hours: hours::hours(quota, s.minutes),
                reps: rep_cells(a, s, p.start, p.end),
            }
        })
        .collect();
    let axis_end = a.day(a.len().saturating_sub(1));
    StageReport {
        activity: s.activity.clone(),
        rate: s.rate,
        minutes: s.minutes,
        per_outcome: s.per_outcome,
        outcome: s.outcome,
        total,
        exact: s.team_exact.iter().sum(),
        hours: hours::hours(total, s.minutes),
        baseline: comparison(a, s),
        periods: rows,
        reps: rep_cells(a, s, a.axis_start, axis_end),
    }
}

fn rep_cells(a: &Activity<'_>, s: &StageDays, from: NaiveDate, to: NaiveDate) -> Vec<RepStage> {
    a.resolved
        .reps
        .iter()
        .enumerate()
        .map(|(i, rep)| {
            let quota = units_between(a, &s.rep_quota[i], from, to);
            RepStage {
                rep: rep.id.value.clone(),
                quota,
                exact: exact_between(a, &s.rep_exact[i], from, to),
                hours: hours::hours(quota, s.minutes),
            }
        })
        .collect()
}

fn exact_between(a: &Activity<'_>, series: &[Decimal], from: NaiveDate, to: NaiveDate) -> Decimal {
    let index = |d: NaiveDate| (d - a.axis_start).num_days();
    let lo = usize::try_from(index(from).max(0)).unwrap_or(0);
    let hi = usize::try_from(index(to) + 1)
        .unwrap_or(0)
        .min(series.len());
    series.get(lo..hi).map_or(Decimal::ZERO, |s| s.iter().sum())
}

/// The baseline and the target, both per `per` period, divided by the stage's rates.
fn comparison(a: &Activity<'_>, s: &StageDays) -> Option<Comparison> {
    let base = a.resolved.target.baseline.as_ref()?.value;
    let per = a.resolved.target.per.map_or("total", |p| p.name());
    Some(Comparison {
        per,
        baseline: base * s.per_outcome,
        required: a.resolved.amount * s.per_outcome,
    })
}

fn capacity(
    file: &GoalFile,
    rules: &CalendarRules,
    shown: &[Activity<'_>],
    periods: &[Period],
) -> Vec<RepCapacity> {
    // For each rep, the activities it takes part in and its place among their reps: one pass
    // over the targets instead of a search per rep and period.
    let mut carried: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (a, activity) in shown.iter().enumerate() {
        for (i, rep) in activity.resolved.reps.iter().enumerate() {
            carried
                .entry(rep.id.value.as_str())
                .or_default()
                .push((a, i));
        }
    }
    file.reps
        .iter()
        .filter_map(|rep| {
            let mine = carried.get(rep.id.value.as_str())?;
            Some(rep_capacity(rules, rep, shown, mine, periods))
        })
        .collect()
}

fn rep_capacity(
    rules: &CalendarRules,
    rep: &Rep,
    shown: &[Activity<'_>],
    mine: &[(usize, usize)],
    periods: &[Period],
) -> RepCapacity {
    let need = |from: NaiveDate, to: NaiveDate| -> Decimal {
        mine.iter()
            .map(|&(a, i)| needed(&shown[a], i, from, to))
            .sum()
    };
    let rows: Vec<CapacityPeriod> = periods
        .iter()
        .map(|p| CapacityPeriod {
            label: p.label.clone(),
            start: p.start,
            end: p.end,
            needed: need(p.start, p.end),
            available: available(rules, rep, p.start, p.end),
        })
        .collect();
    let (first, last) = (
        periods.first().map(|p| p.start),
        periods.last().map(|p| p.end),
    );
    RepCapacity {
        rep: rep.id.value.clone(),
        name: rep.name.as_ref().map(|n| n.value.clone()),
        hours_per_week: rep.hours_per_week,
        selling_share: rep.selling_share,
        needed: rows.iter().map(|p| p.needed).sum(),
        available: first
            .zip(last)
            .and_then(|(f, l)| available(rules, rep, f, l)),
        periods: rows,
    }
}
