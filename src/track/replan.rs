//! `goals replan`: the plan's day-by-day amounts with history kept as it happened. Days up to
//! the as-of date hold each rep's actuals; what remains of the target (total − actual to date,
//! never below zero) is spread over the remaining days with the target's own split and rep
//! shares. It plugs into the plan's decomposition as a [`DaySource`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ledger::Ledger;
use super::progress::days_to_date;
use crate::model::GoalFile;
use crate::plan::DaySource;
use crate::plan::apportion::{cumulative_quotas, exact_shares};
use crate::plan::capacity::{Runs, capacity_runs, dense};
use crate::plan::rep_exact::RepExact;
use crate::plan::reps;
use crate::plan::target::{self, Days, Resolved, level_at};
use crate::plan::weights::{daily_amounts, day_weights};

/// A replan from the ledger as of a date.
pub struct Replan<'a> {
    pub ledger: &'a Ledger,
    pub as_of: NaiveDate,
}

/// Exact amounts and whole-unit quotas, `[rep][day]`.
type Split = (Vec<Vec<Decimal>>, Vec<Vec<i64>>);

impl DaySource for Replan<'_> {
    fn days(&self, file: &GoalFile, r: &Resolved<'_>) -> Days {
        let plan = target::days(file, r);
        let len = plan.team_quota.len();
        let past = days_to_date(r, self.as_of, len);
        if past == 0 {
            return plan;
        }
        let (mut rep_exact, mut rep_quota) = self.history(r, past);
        let from = r.start + chrono::Days::new(past as u64);
        let future_len = len - past;
        let runs: Vec<Runs> = r
            .reps
            .iter()
            .map(|rep| capacity_runs(rep, from, future_len))
            .collect();
        let capacity: Vec<Vec<Decimal>> = runs.iter().map(|c| dense(c, future_len)).collect();
        let (future_team, (future_exact, future_quota)) = if r.target.each_rep {
            let rests = rep_quota
                .iter()
                .zip(&plan.rep_quota)
                .map(|(done, planned)| rest(planned, done))
                .collect();
            (None, each_rep_future(file, r, from, &capacity, rests))
        } else {
            let done: Vec<i64> = rep_quota.iter().map(|q| q.iter().sum()).collect();
            let rest = (plan.team_quota.iter().sum::<i64>() - done.iter().sum::<i64>()).max(0);
            let (team_exact, team_quota, shares) =
                team_future(file, r, from, (&runs, &capacity), rest);
            (Some((team_exact, team_quota)), shares)
        };
        for (i, (e, q)) in future_exact.into_iter().zip(future_quota).enumerate() {
            rep_exact[i].extend(e);
            rep_quota[i].extend(q);
        }
        let mut team_exact = sum_columns(&rep_exact, len, Decimal::ZERO);
        let mut team_quota = sum_columns(&rep_quota, len, 0);
        if let Some((exact, quota)) = future_team {
            team_exact.splice(past.., exact);
            team_quota.splice(past.., quota);
        }
        Days {
            start: r.start,
            team_exact,
            team_quota,
            rep_exact: RepExact::Dense(rep_exact),
            rep_quota,
            uncovered: Vec::new(),
        }
    }

    fn level(&self, r: &Resolved<'_>, day: NaiveDate) -> Decimal {
        if day <= self.as_of {
            return self.team_level(r, day).unwrap_or_else(|| level_at(r, day));
        }
        let Some(now) = self.team_level(r, self.as_of.max(r.start)) else {
            return level_at(r, day);
        };
        let from = self.as_of.max(r.start);
        let span = Decimal::from((r.end - from).num_days().max(1));
        let gone = Decimal::from((day.min(r.end) - from).num_days());
        now + (level_at(r, r.end) - now) * gone / span
    }
}

impl Replan<'_> {
    /// Each rep's actuals on the first `past` days, in whole units rounded cumulatively.
    fn history(&self, r: &Resolved<'_>, past: usize) -> Split {
        let last = r.start + chrono::Days::new(past as u64 - 1);
        let exact: Vec<Vec<Decimal>> = r
            .reps
            .iter()
            .map(|rep| match self.ledger.rep_index(&rep.id.value) {
                Some(i) => self
                    .ledger
                    .days(&r.metric.id.value, i, r.start, last)
                    .map(|c| c.sum * r.scale)
                    .collect(),
                None => vec![Decimal::ZERO; past],
            })
            .collect();
        let quota = exact.iter().map(|e| cumulative_quotas(e)).collect();
        (exact, quota)
    }

    /// The mean of the reps' latest levels up to `day`, if any rep has one.
    fn team_level(&self, r: &Resolved<'_>, day: NaiveDate) -> Option<Decimal> {
        let levels: Vec<Decimal> = r
            .reps
            .iter()
            .filter_map(|rep| self.ledger.rep_index(&rep.id.value))
            .filter_map(|i| self.ledger.latest(&r.metric.id.value, i, r.start, day))
            .map(|(_, level)| level)
            .collect();
        (!levels.is_empty()).then(|| levels.iter().sum::<Decimal>() / Decimal::from(levels.len()))
    }
}

/// What remains of a rep's planned total after its actuals, never below zero.
fn rest(planned: &[i64], done: &[i64]) -> i64 {
    (planned.iter().sum::<i64>() - done.iter().sum::<i64>()).max(0)
}

/// The team's remainder spread over the days from `from` with the target's split, then shared
/// among reps by capacity: (team exact, team quota, rep shares). When some of those days have
/// no rep at work, the remainder is spread over the days that do, so no unit goes unshared
/// while any rep can still carry it.
fn team_future(
    file: &GoalFile,
    r: &Resolved<'_>,
    from: NaiveDate,
    (runs, capacity): (&[Runs], &[Vec<Decimal>]),
    rest: i64,
) -> (Vec<Decimal>, Vec<i64>, Split) {
    let split = target::split(file, &r.target.split.value);
    let mut exact = daily_amounts(
        &target::rules(file),
        &split,
        None,
        Decimal::from(rest),
        from,
        r.end,
    );
    keep_whole(&mut exact, rest);
    let mut quota = cumulative_quotas(&exact);
    let rep_quota = match reps::split(&quota, &exact, runs) {
        Ok(shared) => shared,
        Err(uncovered) => {
            let staffed: Vec<bool> = (0..exact.len())
                .map(|d| capacity.iter().any(|c| c[d] > Decimal::ZERO))
                .collect();
            let weight: Decimal = exact
                .iter()
                .zip(&staffed)
                .filter(|(_, s)| **s)
                .map(|(x, _)| x)
                .sum();
            if weight.is_zero() {
                uncovered.quotas
            } else {
                for (x, s) in exact.iter_mut().zip(&staffed) {
                    *x = if *s {
                        *x * Decimal::from(rest) / weight
                    } else {
                        Decimal::ZERO
                    };
                }
                quota = cumulative_quotas(&exact);
                reps::split(&quota, &exact, runs).unwrap_or_else(|u| u.quotas)
            }
        }
    };
    let shares = exact_shares(&exact, capacity);
    (exact, quota, (shares, rep_quota))
}

/// Each rep's own remainder spread over the days from `from` by split weight × capacity.
fn each_rep_future(
    file: &GoalFile,
    r: &Resolved<'_>,
    from: NaiveDate,
    capacity: &[Vec<Decimal>],
    rests: Vec<i64>,
) -> Split {
    let weights = day_weights(
        &target::rules(file),
        &target::split(file, &r.target.split.value),
        from,
        r.end,
    );
    let mut exacts = Vec::new();
    let mut quotas = Vec::new();
    for (caps, rest) in capacity.iter().zip(rests) {
        let w: Vec<Decimal> = weights.iter().zip(caps).map(|(w, c)| w * c).collect();
        let total: Decimal = w.iter().sum();
        let mut exact: Vec<Decimal> = if total.is_zero() {
            vec![Decimal::ZERO; w.len()]
        } else {
            w.iter().map(|x| Decimal::from(rest) * x / total).collect()
        };
        keep_whole(&mut exact, rest);
        quotas.push(cumulative_quotas(&exact));
        exacts.push(exact);
    }
    (exacts, quotas)
}

/// When no remaining day has any weight, the whole remainder falls on the last day rather than
/// being lost.
fn keep_whole(exact: &mut [Decimal], rest: i64) {
    if rest > 0
        && exact.iter().all(Decimal::is_zero)
        && let Some(last) = exact.last_mut()
    {
        *last = Decimal::from(rest);
    }
}

fn sum_columns<T: Copy + std::ops::Add<Output = T>>(
    rows: &[Vec<T>],
    len: usize,
    zero: T,
) -> Vec<T> {
    let mut total = vec![zero; len];
    for row in rows {
        for (t, x) in total.iter_mut().zip(row) {
            *t = *t + *x;
        }
    }
    total
}
