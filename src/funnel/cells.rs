//! A worked-out target read by period and rep: the rows of its report (whole units, exact
//! amounts and hours of each stage), and a rep's selling hours by period. Period labels and
//! rep ids are made once and shared by every row.

use std::ops::Range;
use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::activity::{Activity, StageDays};
use super::hours::units_between;
use super::report::{
    CapacityPeriod, Comparison, Each, FunnelTarget, RepCapacity, RepStage, StagePeriod, StageReport,
};
use super::selling::Workdays;
use crate::model::{MetricKind, Rep};
use crate::plan::calendar::Period;

/// A target's periods without the leading ones before it starts that hold no activity, not
/// even a fraction of a unit.
pub fn lead_trimmed(a: &Activity<'_>, mut periods: Vec<Period>) -> Vec<Period> {
    let lead = periods
        .iter()
        .take_while(|p| {
            p.end < a.resolved.start
                && a.stages.iter().all(|s| {
                    units_between(a, &s.team_quota, p.start, p.end) == 0
                        && s.exact.team_is_zero(days_between(a, p.start, p.end))
                })
        })
        .count();
    periods.drain(..lead);
    periods
}

/// The report of one target's activity by period (the target's own, from `--by`) and rep.
pub fn target_report(a: &Activity<'_>, periods: &[Period]) -> FunnelTarget {
    let r = &a.resolved;
    let shared = Shared {
        labels: labels(periods),
        reps: r
            .reps
            .iter()
            .map(|rep| Rc::from(rep.id.value.as_str()))
            .collect(),
    };
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
        each: if r.target.each_rep {
            Each::Rep
        } else {
            Each::Team
        },
        cycle_days: a.funnel.cycle_days,
        deal_size: a
            .funnel
            .deal_size
            .as_ref()
            .filter(|_| r.metric.kind == MetricKind::Money)
            .map(|d| (d.value, decimals(r.scale))),
        start: r.start,
        end: r.end,
        stages: a
            .stages
            .iter()
            .map(|s| stage_report(a, s, periods, &shared))
            .collect(),
    }
}

/// `n` of a scale of 10^n minor units per unit.
fn decimals(scale: Decimal) -> u32 {
    let (mut n, mut s) = (0, scale);
    while s > Decimal::ONE {
        s /= Decimal::TEN;
        n += 1;
    }
    n
}

/// The period labels and rep ids of a target, made once for all its rows.
struct Shared {
    labels: Vec<Rc<str>>,
    reps: Vec<Rc<str>>,
}

/// Each period's label, to share among rows.
pub fn labels(periods: &[Period]) -> Vec<Rc<str>> {
    periods.iter().map(|p| Rc::from(p.label.as_str())).collect()
}

fn stage_report(
    a: &Activity<'_>,
    s: &StageDays,
    periods: &[Period],
    shared: &Shared,
) -> StageReport {
    let total: i64 = s.team_quota.iter().sum();
    let rows = periods
        .iter()
        .zip(&shared.labels)
        .map(|(p, label)| {
            let quota = units_between(a, &s.team_quota, p.start, p.end);
            StagePeriod {
                label: Rc::clone(label),
                start: p.start,
                end: p.end,
                before_start: p.end < a.resolved.start,
                quota,
                exact: s.exact.team_sum(days_between(a, p.start, p.end)),
                hours: s.hours(quota),
                reps: rep_cells(a, s, &shared.reps, p.start, p.end),
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
        exact: s.exact.team_total(),
        hours: s.hours(total),
        baseline: comparison(a, s),
        periods: rows,
        reps: rep_cells(a, s, &shared.reps, a.axis_start, axis_end),
    }
}

fn rep_cells(
    a: &Activity<'_>,
    s: &StageDays,
    reps: &[Rc<str>],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<RepStage> {
    reps.iter()
        .enumerate()
        .map(|(i, rep)| {
            let quota = units_between(a, &s.rep_quota[i], from, to);
            RepStage {
                rep: Rc::clone(rep),
                quota,
                exact: s.exact.reps[i].sum(days_between(a, from, to)),
                hours: s.hours(quota),
            }
        })
        .collect()
}

/// The axis days from `from` to `to`, inclusive (empty when `to` is before the axis).
fn days_between(a: &Activity<'_>, from: NaiveDate, to: NaiveDate) -> Range<usize> {
    let index = |d: NaiveDate| (d - a.axis_start).num_days();
    let lo = usize::try_from(index(from).max(0)).unwrap_or(0);
    let hi = usize::try_from(index(to) + 1).unwrap_or(0);
    lo..hi
}

/// The baseline and the target, both per `per` period, divided by the stage's rates.
fn comparison(a: &Activity<'_>, s: &StageDays) -> Option<Comparison> {
    let base = a.resolved.target.baseline.as_ref()?.value;
    Some(Comparison {
        per: a.resolved.target.per,
        baseline: base * s.per_outcome,
        required: a.resolved.amount * s.per_outcome,
    })
}

/// A rep's selling hours needed (`need`, by period) against those it has; `labels` are the
/// periods' labels.
pub fn rep_capacity(
    workdays: &Workdays<'_>,
    rep: &Rep,
    need: &[Decimal],
    periods: &[Period],
    labels: &[Rc<str>],
) -> RepCapacity {
    let rows: Vec<CapacityPeriod> = periods
        .iter()
        .zip(need)
        .zip(labels)
        .map(|((p, needed), label)| CapacityPeriod {
            label: Rc::clone(label),
            start: p.start,
            end: p.end,
            needed: *needed,
            available: workdays.available(rep, p.start, p.end),
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
            .and_then(|(f, l)| workdays.available(rep, f, l)),
        periods: rows,
    }
}
