//! Hours: what a target's activity costs (units × minutes / 60, exact), and the
//! `funnel-hours-exceed-capacity` check by rep and calendar month against the rep's selling
//! hours.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::activity::{Activity, activity};
use super::selling::Workdays;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Rep};
use crate::plan::fixed::round_dp;
use crate::plan::target;
use crate::smart::Checked;

/// Hours `units` of an activity take at `minutes` each.
pub fn hours(units: i64, minutes: Decimal) -> Decimal {
    // Saturates rather than overflows: a hostile file must not crash the capacity check.
    Decimal::from(units).saturating_mul(minutes) / Decimal::from(60)
}

/// Hours the activity of rep `r` takes from `from` to `to`, inclusive, over every stage.
pub fn needed(a: &Activity<'_>, r: usize, from: NaiveDate, to: NaiveDate) -> Decimal {
    a.stages
        .iter()
        .map(|s| s.hours(units_between(a, &s.rep_quota[r], from, to)))
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// Sum of a day series of the axis from `from` to `to`, inclusive (clipped to the axis).
pub fn units_between(a: &Activity<'_>, series: &[i64], from: NaiveDate, to: NaiveDate) -> i64 {
    let index = |d: NaiveDate| (d - a.axis_start).num_days();
    let lo = usize::try_from(index(from).max(0)).unwrap_or(0);
    let hi = usize::try_from(index(to) + 1)
        .unwrap_or(0)
        .min(series.len());
    series.get(lo..hi).map_or(0, |s| s.iter().sum())
}

/// Every funnel target of a checked file, worked back to its activity, one at a time.
pub fn activities(checked: Checked<'_>) -> impl Iterator<Item = Activity<'_>> {
    checked.targets().filter_map(move |r| activity(checked, r))
}

/// One target's hours in one calendar month of a rep.
struct Part {
    month: (i32, u32),
    /// Index of the target among those added.
    target: usize,
    hours: Decimal,
}

/// What a finding says of the target that needs most hours: its goal, metric and the span of
/// its `funnel` value.
struct Named {
    goal: String,
    metric: String,
    span: std::ops::Range<usize>,
}

/// `funnel-hours-exceed-capacity`: one warning per rep, at its first month over, naming the
/// hours needed by all its funnel activity and the hours it has. Each target's activity is
/// added to the monthly loads and dropped before the next is worked out.
pub fn findings(checked: Checked<'_>) -> Vec<Diagnostic> {
    let mut check = HoursCheck::default();
    for a in activities(checked) {
        check.add(&a);
    }
    check.findings(checked.file())
}

/// The `funnel-hours-exceed-capacity` check, fed one activity at a time, so that a command
/// that works every funnel target out anyway (`goals funnel`) runs the check on the same
/// activities instead of working them out a second time.
#[derive(Default)]
pub struct HoursCheck {
    /// Every rep's hours by target and calendar month, by rep id, in the order added.
    loads: HashMap<String, Vec<Part>>,
    named: Vec<Named>,
    first: Option<NaiveDate>,
}

impl HoursCheck {
    /// Adds the hours of one funnel target's activity; every funnel target of the file must be
    /// added, in file order, for the findings to be those of [`findings`].
    pub fn add(&mut self, a: &Activity<'_>) {
        self.first = Some(self.first.map_or(a.axis_start, |f| f.min(a.axis_start)));
        add_loads(&mut self.loads, self.named.len(), a);
        let r = &a.resolved;
        self.named.push(Named {
            goal: r.goal.id.value.clone(),
            metric: r.metric.id.value.clone(),
            span: r
                .target
                .funnel
                .as_ref()
                .map_or_else(|| r.target.span.clone(), |f| f.span.clone()),
        });
    }

    /// The findings of the activities added.
    pub fn findings(self, file: &GoalFile) -> Vec<Diagnostic> {
        let HoursCheck {
            mut loads,
            named,
            first,
        } = self;
        let Some(first) = first else {
            return Vec::new();
        };
        let rules = target::rules(file);
        let last = loads
            .values()
            .flatten()
            .map(|p| month_days(p.month, first, plan_end(file)).1)
            .max()
            .unwrap_or(first);
        let workdays = Workdays::new(&rules, first, last);
        let mut out = Vec::new();
        for rep in &file.reps {
            let Some(parts) = loads.get_mut(&rep.id.value) else {
                continue;
            };
            // By month; a stable sort keeps each month's targets in the order they were added.
            parts.sort_by_key(|p| p.month);
            let over: Vec<_> = parts
                .chunk_by(|a, b| a.month == b.month)
                .filter_map(|month| {
                    let mut need = Decimal::default();
                    for p in month {
                        need += p.hours;
                    }
                    let (from, to) = month_days(month[0].month, first, plan_end(file));
                    let have = workdays.available(rep, from, to)?;
                    (need > have).then_some((month, need, have))
                })
                .collect();
            if let Some(&(parts, need, have)) = over.first() {
                out.push(diagnostic(&named, rep, need, have, parts, over.len() - 1));
            }
        }
        out
    }
}

fn plan_end(file: &GoalFile) -> NaiveDate {
    file.plan.end.as_ref().map_or(NaiveDate::MAX, |e| e.value)
}

/// Adds the hours of target `index`'s activity to its reps' calendar months.
fn add_loads(loads: &mut HashMap<String, Vec<Part>>, index: usize, a: &Activity<'_>) {
    let months = months_of(a);
    for (r, rep) in a.resolved.reps.iter().enumerate() {
        let parts = match loads.get_mut(rep.id.value.as_str()) {
            Some(parts) => parts,
            None => loads.entry(rep.id.value.clone()).or_default(),
        };
        for &(month, from, to) in &months {
            parts.push(Part {
                month,
                target: index,
                hours: needed(a, r, from, to),
            });
        }
    }
}

/// The calendar months of the activity's axis: each one's first day on the axis and last day.
fn months_of(a: &Activity<'_>) -> Vec<((i32, u32), NaiveDate, NaiveDate)> {
    let mut months = Vec::new();
    let mut month = (0, 0);
    for k in 0..a.len() {
        let day = a.day(k);
        if (day.year(), day.month()) == month {
            continue;
        }
        month = (day.year(), day.month());
        let end = day
            .with_day(1)
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .and_then(|n| n.pred_opt())
            .unwrap_or(day);
        months.push((month, day, end));
    }
    months
}

/// The days of a calendar month inside [`first`, `last`].
fn month_days(
    (year, month): (i32, u32),
    first: NaiveDate,
    last: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(first);
    let end = start
        .checked_add_months(chrono::Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(start);
    (start.max(first), end.min(last))
}

fn diagnostic(
    named: &[Named],
    rep: &Rep,
    need: Decimal,
    have: Decimal,
    parts: &[Part],
    more: usize,
) -> Diagnostic {
    let (year, month) = parts[0].month;
    let main = parts.iter().max_by_key(|p| p.hours).map_or(0, |p| p.target);
    let a = &named[main];
    let goals: Vec<String> = parts
        .iter()
        .filter(|p| !p.hours.is_zero())
        .map(|p| format!("`{}`", named[p.target].goal))
        .collect();
    let more = if more > 0 {
        format!(
            " (and {more} more month{})",
            if more == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    let message = format!(
        "rep `{}` needs {} hours of funnel activity in {year}-{month:02} (goal {}) but has {} selling hours{more}",
        rep.id.value,
        round_dp(need, 1).normalize(),
        goals.join(", "),
        round_dp(have, 1).normalize(),
    );
    Diagnostic::new(
        Code::FunnelHoursExceedCapacity,
        Some(a.span.clone()),
        message,
    )
    .goal(Some(&a.goal))
    .metric(Some(&a.metric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_exact() {
        assert_eq!(hours(220, Decimal::from(6)), Decimal::from(22));
        assert_eq!(hours(3, Decimal::from(10)).normalize().to_string(), "0.5");
        assert_eq!(hours(7, Decimal::ZERO), Decimal::ZERO);
    }
}
