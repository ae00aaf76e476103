//! Month by month, what a set of reps brings to a target: each rep's ramped-rep equivalent
//! (`fte × ramp factor × share of the month's workdays the rep is active`), the same at full
//! ramp, and the attrition factor of the month. A month cut by the target's dates counts only
//! the workdays inside them, against all the workdays of the month.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::MonthCapacity;
use crate::model::{GoalFile, Rep};
use crate::plan::calendar::{Granularity, periods};
use crate::plan::capacity::capacity_runs;
use crate::plan::target;
use crate::smart::Resolved;

/// A month of the target: its days as indices from the target's start, and how many counted
/// days (workdays, or calendar days in a month without any) the whole month has.
pub struct Window {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub from: usize,
    pub to: usize,
    pub counted_in_month: Decimal,
}

/// The target's months and, for every day from its start, the number of counted days before
/// it (a prefix sum), so any run of days is counted in O(1).
pub struct Calendar {
    pub windows: Vec<Window>,
    prefix: Vec<u32>,
}

impl Calendar {
    /// The months of `r`'s dates.
    pub fn of(file: &GoalFile, r: &Resolved<'_>) -> Self {
        let rules = target::rules(file);
        let mut prefix = vec![0_u32];
        let mut windows = Vec::new();
        for p in periods(&rules, Granularity::Month, r.start, r.end) {
            let first = p.start.with_day(1).expect("invariant: months have a day 1");
            let whole: Vec<NaiveDate> = first
                .iter_days()
                .take_while(|d| d.month() == first.month())
                .collect();
            let workdays = whole.iter().filter(|d| rules.is_workday(**d)).count();
            let counts = |d: NaiveDate| workdays == 0 || rules.is_workday(d);
            let from = prefix.len() - 1;
            for d in p.start.iter_days().take_while(|d| *d <= p.end) {
                let last = *prefix.last().expect("invariant: the prefix starts at 0");
                prefix.push(last + u32::from(counts(d)));
            }
            windows.push(Window {
                label: p.label,
                start: p.start,
                end: p.end,
                from,
                to: prefix.len() - 2,
                counted_in_month: Decimal::from(if workdays == 0 { whole.len() } else { workdays }),
            });
        }
        Calendar { windows, prefix }
    }

    /// Counted days among the day indices `from..=to`.
    fn counted(&self, from: usize, to: usize) -> Decimal {
        Decimal::from(self.prefix[to + 1] - self.prefix[from])
    }

    /// The number of days of the target.
    pub fn days(&self) -> usize {
        self.prefix.len() - 1
    }

    /// A rep's ramped-rep equivalent in each month, from its capacity over the target's days.
    pub fn rre(&self, rep: &Rep, start: NaiveDate) -> Vec<Decimal> {
        let runs = capacity_runs(rep, start, self.days());
        let mut out = vec![Decimal::ZERO; self.windows.len()];
        let mut m = 0;
        for (from, to, c) in runs {
            if c.is_zero() {
                continue;
            }
            while self.windows[m].to < from {
                m += 1;
            }
            let mut k = m;
            while k < self.windows.len() && self.windows[k].from <= to {
                let w = &self.windows[k];
                let n = self.counted(from.max(w.from), to.min(w.to));
                out[k] += c * n / w.counted_in_month;
                k += 1;
            }
        }
        out
    }
}

/// The share of a rep's capacity kept in each month after attrition: `1 − attrition × months
/// elapsed / 12`, months counted from the later of the plan start and the rep's start (0 in
/// that month), never below 0.
pub fn attrition(
    file: &GoalFile,
    rep_start: Option<NaiveDate>,
    calendar: &Calendar,
) -> Vec<Decimal> {
    let rate = file.hiring.attrition;
    let plan_start = file.plan.start.as_ref().map(|s| s.value);
    let from = match (plan_start, rep_start) {
        (Some(p), Some(r)) => Some(p.max(r)),
        (p, r) => p.or(r),
    };
    calendar
        .windows
        .iter()
        .map(|w| {
            let Some(from) = from.filter(|_| !rate.is_zero()) else {
                return Decimal::ONE;
            };
            let elapsed = (w.start.year() - from.year()) * 12
                + i32::try_from(w.start.month()).unwrap_or(0)
                - i32::try_from(from.month()).unwrap_or(0);
            let kept = Decimal::ONE - rate * Decimal::from(elapsed.max(0)) / Decimal::from(12);
            kept.max(Decimal::ZERO)
        })
        .collect()
}

/// The team's months: rre, capacity and lost to ramp of the reps in the file, and the team's
/// quota. `unit_capacity` is the metric's capacity in units; `quota` the team's day quotas.
pub fn months(
    file: &GoalFile,
    r: &Resolved<'_>,
    quota: &[i64],
    unit_capacity: Decimal,
) -> (Calendar, Vec<MonthCapacity>) {
    let calendar = Calendar::of(file, r);
    let per_rre = unit_capacity * file.hiring.attainment;
    let mut rows: Vec<MonthCapacity> = calendar
        .windows
        .iter()
        .map(|w| MonthCapacity {
            label: w.label.clone(),
            start: w.start,
            end: w.end,
            rre: Decimal::ZERO,
            capacity: Decimal::ZERO,
            capacity_with_hires: Decimal::ZERO,
            target: quota[w.from..=w.to].iter().sum(),
            lost_to_ramp: Decimal::ZERO,
        })
        .collect();
    for rep in &r.reps {
        let ramped = calendar.rre(rep, r.start);
        let full = if rep.ramp.is_empty() || rep.start.is_none() {
            ramped.clone()
        } else {
            let unramped = Rep {
                ramp: Vec::new(),
                ..(*rep).clone()
            };
            calendar.rre(&unramped, r.start)
        };
        let kept = attrition(file, rep.start.as_ref().map(|s| s.value), &calendar);
        for (m, row) in rows.iter_mut().enumerate() {
            row.rre += ramped[m];
            row.capacity += ramped[m] * kept[m] * per_rre;
            row.lost_to_ramp += (full[m] - ramped[m]) * kept[m] * per_rre;
        }
    }
    for row in &mut rows {
        row.capacity_with_hires = row.capacity;
    }
    (calendar, rows)
}
