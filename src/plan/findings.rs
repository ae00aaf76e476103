//! The Achievable checks that need the decomposition: amounts on days no rep can carry, and
//! rep monthly quotas above the metric's capacity (scaled by fte and ramp).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::calendar::CalendarRules;
use super::capacity::{capacity_each_day, capacity_runs};
use super::fixed::{round_dp, round_half_up};
use super::target::{self, Days};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Per, Rep, SplitName};
use crate::smart::{Checked, Resolved};

/// Every plan-level finding of a checked file.
pub fn findings(checked: Checked<'_>) -> Vec<Diagnostic> {
    let file = checked.file();
    let rules = target::rules(file);
    let mut out = Vec::new();
    let mut shapes = Shapes::new();
    for resolved in checked.targets() {
        if !resolved.metric.kind.is_additive() {
            continue;
        }
        // The split among reps is only needed to compare rep quotas with a capacity.
        if resolved.metric.capacity.is_none() {
            if resolved.target.each_rep {
                each_rep_findings(file, &resolved, &mut out);
            } else {
                team_findings(file, &resolved, &mut shapes, &mut out);
            }
            continue;
        }
        let days = target::days(file, &resolved);
        if !days.uncovered.is_empty() {
            out.push(uncovered(&resolved, &days.uncovered));
        }
        if resolved.amount > Decimal::ZERO && days.team_quota.iter().all(|q| *q == 0) {
            out.push(weightless(&resolved));
        }
        out.extend(above_capacity(&rules, &resolved, &days));
    }
    out
}

/// The share of a target's amount that falls on each day, by (split, per, start, end): the
/// same for every target of that shape, so it is computed once.
type Shapes = HashMap<(SplitName, Option<Per>, NaiveDate, NaiveDate), Decimal>;

/// A team target without a capacity to compare: only whether it can be carried at all. Days
/// without an active rep are looked for only when no rep is active throughout; a target that
/// rounds to nothing is found from the sum of its shape.
fn team_findings(
    file: &GoalFile,
    r: &Resolved<'_>,
    shapes: &mut Shapes,
    out: &mut Vec<Diagnostic>,
) {
    let always = r
        .reps
        .iter()
        .any(|rep| rep.start.is_none() && rep.end.is_none() && rep.time_off.is_empty());
    if !always {
        let (days, _) = target::uncovered_days(file, r);
        if !days.is_empty() {
            out.push(uncovered(r, &days));
        }
    }
    let key = (r.target.split.value.clone(), r.target.per, r.start, r.end);
    let share = *shapes.entry(key).or_insert_with(|| {
        let unit = Resolved {
            amount: Decimal::ONE,
            scale: Decimal::ONE,
            ..r.clone()
        };
        target::day_amounts(file, &unit).iter().sum()
    });
    if r.amount > Decimal::ZERO && round_half_up(r.amount * r.scale * share) == 0 {
        out.push(weightless(r));
    }
}

/// An `each = "rep"` target without a capacity to compare: only whether it plans anything.
/// Each rep's quotas add up to its exact total rounded, so the target plans nothing exactly
/// when every rep's exact total rounds to zero; no day-by-day rounding is needed.
fn each_rep_findings(file: &GoalFile, r: &Resolved<'_>, out: &mut Vec<Diagnostic>) {
    if r.amount <= Decimal::ZERO {
        return;
    }
    let day_exact = target::day_amounts(file, r);
    let mut prefix = Vec::with_capacity(day_exact.len() + 1);
    let mut sum = Decimal::ZERO;
    prefix.push(sum);
    for x in &day_exact {
        sum += x;
        prefix.push(sum);
    }
    let plans_something = r.reps.iter().any(|rep| {
        let total: Decimal = capacity_runs(rep, r.start, day_exact.len())
            .iter()
            .map(|&(from, to, c)| c.max(Decimal::ZERO) * (prefix[to + 1] - prefix[from]))
            .sum();
        round_half_up(total) != 0
    });
    if !plans_something {
        out.push(weightless(r));
    }
}

fn label(d: Diagnostic, r: &Resolved<'_>) -> Diagnostic {
    d.goal(Some(&r.goal.id.value))
        .metric(Some(&r.metric.id.value))
}

fn uncovered(r: &Resolved<'_>, days: &[usize]) -> Diagnostic {
    let day = |i: usize| r.start + chrono::Days::new(i as u64);
    let (first, last) = (days[0], days[days.len() - 1]);
    let when = if first == last {
        format!("on {}", day(first))
    } else {
        format!(
            "on {} days between {} and {}",
            days.len(),
            day(first),
            day(last)
        )
    };
    let span = r
        .target
        .start
        .as_ref()
        .map_or_else(|| r.target.span.clone(), |s| s.span.clone());
    label(
        Diagnostic::new(
            Code::NoRepActive,
            Some(span),
            format!(
                "part of the target falls on days when none of its reps is active (or all are in a tenure month with ramp 0): {when}"
            ),
        ),
        r,
    )
}

/// A positive target whose split gives no day any weight (say `split = "workdays"` over days
/// that are all holidays) would silently plan nothing.
fn weightless(r: &Resolved<'_>) -> Diagnostic {
    let span = r.target.split.span.clone();
    label(
        Diagnostic::new(
            Code::NoRepActive,
            Some(span),
            format!(
                "no day from {} to {} can carry this target under its split: nothing would be planned",
                r.start, r.end
            ),
        )
        .help("widen the target's dates, or check `workdays`, `holidays` and the split"),
        r,
    )
}

fn above_capacity(rules: &CalendarRules, r: &Resolved<'_>, days: &Days) -> Vec<Diagnostic> {
    let Some(capacity) = &r.metric.capacity else {
        return Vec::new();
    };
    let n = days.team_quota.len();
    // Each day's calendar month (an index into `months`) and its share of the month's
    // capacity: 1 / workdays in the month on workdays, else 0.
    let mut months: Vec<(i32, u32)> = Vec::new();
    let mut month_of = Vec::with_capacity(n);
    let mut weight = Vec::with_capacity(n);
    let mut per_workday = Decimal::ZERO;
    for day in days.start.iter_days().take(n) {
        if months.last() != Some(&(day.year(), day.month())) {
            months.push((day.year(), day.month()));
            per_workday = Decimal::ONE / Decimal::from(workdays_in_month(rules, day));
        }
        month_of.push(months.len() - 1);
        weight.push(if rules.is_workday(day) {
            per_workday
        } else {
            Decimal::ZERO
        });
    }
    let mut out = Vec::new();
    for (i, rep) in r.reps.iter().enumerate() {
        // Per month: (quota in units, capacity in units).
        let mut load = vec![(0_i64, Decimal::ZERO); months.len()];
        let mut last: Option<([u8; 16], [u8; 16], Decimal)> = None;
        for (d, c) in capacity_each_day(rep, days.start, n)
            .into_iter()
            .enumerate()
        {
            let entry = &mut load[month_of[d]];
            entry.0 += days.rep_quota[i][d];
            if !weight[d].is_zero() {
                let bits = (c.serialize(), weight[d].serialize());
                let share = match last {
                    Some((a, b, share)) if (a, b) == bits => share,
                    _ => c * weight[d],
                };
                last = Some((bits.0, bits.1, share));
                entry.1 += share;
            }
        }
        let over: Vec<((i32, u32), i64, Decimal)> = months
            .iter()
            .zip(load)
            .map(|(&month, (quota, share))| (month, quota, capacity.value * share * r.scale))
            .filter(|(_, quota, cap)| Decimal::from(*quota) > *cap)
            .collect();
        if let Some(&(month, quota, cap)) = over.first() {
            out.push(over_capacity(r, rep, month, quota, cap, over.len()));
        }
    }
    out
}

/// The finding of a rep whose quota passes its capacity in `month` (and `months - 1` more).
fn over_capacity(
    r: &Resolved<'_>,
    rep: &Rep,
    (year, month): (i32, u32),
    quota: i64,
    cap: Decimal,
    months: usize,
) -> Diagnostic {
    let more = if months > 1 {
        format!(" (and {} more months)", months - 1)
    } else {
        String::new()
    };
    let fmt = |n: Decimal| round_dp(n / r.scale, 2).normalize();
    let message = format!(
        "rep `{}` must deliver {} {} in {year}-{month:02}, above a capacity of {}{more}",
        rep.id.value,
        fmt(Decimal::from(quota)),
        r.metric.unit.as_deref().unwrap_or(&r.metric.id.value),
        fmt(cap)
    );
    let span = r
        .target
        .target
        .as_ref()
        .map_or_else(|| r.target.span.clone(), |t| t.span.clone());
    label(
        Diagnostic::new(Code::QuotaAboveCapacity, Some(span), message),
        r,
    )
}

fn workdays_in_month(rules: &CalendarRules, day: NaiveDate) -> u32 {
    let first = day
        .with_day(1)
        .expect("invariant: every month has a first day");
    let n = first
        .iter_days()
        .take_while(|d| d.month() == first.month())
        .filter(|d| rules.is_workday(*d))
        .count();
    u32::try_from(n.max(1)).unwrap_or(1)
}
