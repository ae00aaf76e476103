//! Hours: what a target's activity costs (units × minutes / 60, exact) and what a rep has for
//! selling (`hours_per_week × selling_share`, spread over the rep's workdays), and the
//! `funnel-hours-exceed-capacity` check by rep and calendar month.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::activity::{Activity, activity};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Rep};
use crate::plan::calendar::CalendarRules;
use crate::plan::capacity::is_active;
use crate::plan::fixed::round_dp;
use crate::plan::target;
use crate::smart::Checked;

/// Hours `units` of an activity take at `minutes` each.
pub fn hours(units: i64, minutes: Decimal) -> Decimal {
    // Saturates rather than overflows: a hostile file must not crash the capacity check.
    Decimal::from(units).saturating_mul(minutes) / Decimal::from(60)
}

/// The rep's selling hours from `from` to `to`, inclusive: `hours_per_week × selling_share`
/// shared evenly among the week's workdays, times the workdays in the range on which the rep
/// is active (holidays, days off and days before `start` or after `end` have none). `None`
/// when the rep has no `hours_per_week`. Not scaled by fte: `hours_per_week` is the rep's own
/// week.
pub fn available(
    rules: &CalendarRules,
    rep: &Rep,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Decimal> {
    let week = rep.hours_per_week? * rep.selling_share;
    let workdays = rules.workdays.iter().filter(|w| **w).count();
    if workdays == 0 {
        return Some(Decimal::ZERO);
    }
    let days = from
        .iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| rules.is_workday(*d) && is_active(rep, *d))
        .count();
    Some(week / Decimal::from(workdays) * Decimal::from(days))
}

/// Hours the activity of rep `r` takes from `from` to `to`, inclusive, over every stage.
pub fn needed(a: &Activity<'_>, r: usize, from: NaiveDate, to: NaiveDate) -> Decimal {
    a.stages
        .iter()
        .map(|s| hours(units_between(a, &s.rep_quota[r], from, to), s.minutes))
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

/// Per rep and calendar month: hours needed, and each target's part (by target index).
type Loads = BTreeMap<(String, (i32, u32)), (Decimal, Vec<(usize, Decimal)>)>;

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
    loads: Loads,
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
            loads,
            named,
            first,
        } = self;
        let Some(first) = first else {
            return Vec::new();
        };
        let rules = target::rules(file);
        let mut out = Vec::new();
        for rep in &file.reps {
            // Loads are ordered by rep id, so this rep's months are one range of the map.
            let from_key = (rep.id.value.clone(), (i32::MIN, 0));
            let over: Vec<_> = loads
                .range(from_key..)
                .take_while(|((id, _), _)| *id == rep.id.value)
                .filter_map(|((_, month), (need, parts))| {
                    let (from, to) = month_days(*month, first, plan_end(file));
                    let have = available(&rules, rep, from, to)?;
                    (*need > have).then_some((*month, *need, have, parts))
                })
                .collect();
            if let Some(&(month, need, have, parts)) = over.first() {
                out.push(diagnostic(
                    &named,
                    rep,
                    month,
                    need,
                    have,
                    parts,
                    over.len() - 1,
                ));
            }
        }
        out
    }
}

fn plan_end(file: &GoalFile) -> NaiveDate {
    file.plan.end.as_ref().map_or(NaiveDate::MAX, |e| e.value)
}

/// Adds the hours of target `index`'s activity to its reps' calendar months.
fn add_loads(loads: &mut Loads, index: usize, a: &Activity<'_>) {
    for (r, rep) in a.resolved.reps.iter().enumerate() {
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
            let h = needed(a, r, day, end);
            let entry = loads.entry((rep.id.value.clone(), month)).or_default();
            entry.0 += h;
            entry.1.push((index, h));
        }
    }
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
    (year, month): (i32, u32),
    need: Decimal,
    have: Decimal,
    parts: &[(usize, Decimal)],
    more: usize,
) -> Diagnostic {
    let main = parts.iter().max_by_key(|(_, h)| *h).map_or(0, |(i, _)| *i);
    let a = &named[main];
    let goals: Vec<String> = parts
        .iter()
        .filter(|(_, h)| !h.is_zero())
        .map(|(i, _)| format!("`{}`", named[*i].goal))
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
