//! `goals replan`: the plan's day-by-day amounts with history kept as it happened. Days up to
//! the as-of date hold each rep's actuals; what remains of the target (total − actual to date,
//! never below zero) is spread over the remaining days in proportion to the rest of the plan
//! (the same spreading as the catch-up of `goals track`) and shared among the reps by capacity
//! with the plan's own split. What no remaining day can carry is `unplaced`. It plugs into the
//! plan's decomposition as a [`DaySource`].

use std::cell::RefCell;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ledger::Ledger;
use super::progress::days_to_date;
use super::remainder::{gap, running, spread};
use crate::model::{GoalFile, MetricKind};
use crate::plan::DaySource;
use crate::plan::apportion::{cumulative_quotas, exact_shares};
use crate::plan::capacity::{Runs, dense, share_runs};
use crate::plan::fixed::round_half_up;
use crate::plan::rep_exact::RepExact;
use crate::plan::reps;
use crate::plan::target::{self, Days, Street, level_at};
use crate::smart::Resolved;

/// A replan from the ledger as of a date.
pub struct Replan<'a> {
    pub ledger: &'a Ledger,
    pub as_of: NaiveDate,
    /// The targets whose remainder could not all be placed, as they were replanned.
    pub stranded: RefCell<Vec<Stranded>>,
}

/// A target with an unplaced remainder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stranded {
    pub goal: String,
    pub metric: String,
    /// In the metric's unit (currency units for money).
    pub amount: Decimal,
    /// Decimals of the unit: the currency's minor units for money, else 0.
    pub decimals: u32,
}

impl<'a> Replan<'a> {
    /// A replan of the ledger's actuals through `as_of`.
    pub fn new(ledger: &'a Ledger, as_of: NaiveDate) -> Self {
        Replan {
            ledger,
            as_of,
            stranded: RefCell::new(Vec::new()),
        }
    }
}

/// Exact amounts and whole-unit quotas, `[rep][day]`.
type Split = (Vec<Vec<Decimal>>, Vec<Vec<i64>>);

/// The days after the as-of date: the team's and each rep's amounts, and what no day carries.
struct Future {
    team: Option<(Vec<Decimal>, Vec<i64>)>,
    /// Whether the reps share a street plan (over-assignment) rather than the team's.
    street: bool,
    reps: Split,
    unplaced: i64,
}

impl DaySource for Replan<'_> {
    fn days(&self, file: &GoalFile, r: &Resolved<'_>) -> Days {
        let plan = target::days(file, r);
        let len = plan.team_quota.len();
        let past = days_to_date(r, self.as_of, len);
        if past == 0 {
            return plan;
        }
        let (mut rep_exact, mut rep_quota) = self.history(r, past);
        let done: Vec<Decimal> = rep_exact.iter().map(|e| e.iter().sum()).collect();
        let future = if r.target.each_rep {
            each_rep_future(&plan, past, &done)
        } else {
            team_future(r, &plan, past, &done)
        };
        for (i, (e, q)) in future.reps.0.into_iter().zip(future.reps.1).enumerate() {
            rep_exact[i].extend(e);
            rep_quota[i].extend(q);
        }
        let mut team_exact = sum_columns(&rep_exact, len, Decimal::ZERO);
        let mut team_quota = sum_columns(&rep_quota, len, 0);
        // Over-assigned: what the reps carry is the street plan; the team's line is the target.
        let street = future.street.then(|| Street {
            exact: team_exact.clone(),
            quota: team_quota.clone(),
        });
        if let Some((exact, quota)) = future.team {
            team_exact.splice(past.., exact);
            team_quota.splice(past.., quota);
        }
        if future.unplaced != 0 {
            self.stranded.borrow_mut().push(Stranded {
                goal: r.goal.id.value.clone(),
                metric: r.metric.id.value.clone(),
                amount: Decimal::from(future.unplaced) / r.scale,
                decimals: match (&r.metric.kind, &file.plan.currency) {
                    (MetricKind::Money, Some(c)) => c.value.minor_units,
                    _ => 0,
                },
            });
        }
        Days {
            start: r.start,
            team_exact,
            team_quota,
            rep_exact: RepExact::Dense(rep_exact),
            rep_quota,
            uncovered: Vec::new(),
            street,
            unplaced: future.unplaced,
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

    /// The owner's own latest level up to `day` (a team-level row), else the mean of the reps'
    /// latest levels, if any rep has one.
    fn team_level(&self, r: &Resolved<'_>, day: NaiveDate) -> Option<Decimal> {
        let metric = &r.metric.id.value;
        let own = r
            .goal
            .owner
            .as_ref()
            .and_then(|o| self.ledger.owner_slot(&o.value));
        if let Some((_, level)) =
            own.and_then(|slot| self.ledger.latest(metric, slot, r.start, day))
        {
            return Some(level);
        }
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

/// The team's remainder spread over the rest of the team's plan, then shared among the reps
/// by capacity × weight with the plan's split. An over-assigned target's reps share what
/// remains of the street plan instead, spread the same way. Should that split fail, nothing is
/// handed to a rep who is not there: the whole remainder is unplaced.
fn team_future(r: &Resolved<'_>, plan: &Days, past: usize, done: &[Decimal]) -> Future {
    let total = Decimal::from(plan.team_quota.iter().sum::<i64>());
    let left = gap(total, done.iter().sum());
    let s = spread(left, &running(&plan.team_quota[past..]));
    let from = r.start + chrono::Days::new(past as u64);
    let runs: Vec<Runs> = r
        .reps
        .iter()
        .map(|rep| share_runs(rep, from, s.quota.len()))
        .collect();
    let capacity: Vec<Vec<Decimal>> = runs.iter().map(|c| dense(c, s.quota.len())).collect();
    let street = plan.street.as_ref().map(|street| {
        let total = Decimal::from(street.quota.iter().sum::<i64>());
        spread(
            gap(total, done.iter().sum()),
            &running(&street.quota[past..]),
        )
    });
    let carried = street.as_ref().unwrap_or(&s);
    let shares = exact_shares(&carried.exact, &capacity);
    match reps::split(&carried.quota, &carried.exact, &runs) {
        Ok(quotas) => Future {
            team: Some((s.exact, s.quota)),
            street: street.is_some(),
            reps: (shares, quotas),
            unplaced: round_half_up(s.unplaced),
        },
        Err(_) => {
            let days = s.quota.len();
            let zeros = || vec![vec![Decimal::ZERO; days]; capacity.len()];
            Future {
                team: Some((vec![Decimal::ZERO; days], vec![0; days])),
                street: false,
                reps: (zeros(), vec![vec![0; days]; capacity.len()]),
                unplaced: round_half_up(left),
            }
        }
    }
}

/// Each rep's own remainder spread over the rest of that rep's plan; the stranded reps' exact
/// gaps are unplaced, rounded once.
fn each_rep_future(plan: &Days, past: usize, done: &[Decimal]) -> Future {
    let mut exacts = Vec::new();
    let mut quotas = Vec::new();
    let mut unplaced = Decimal::ZERO;
    for (planned, done) in plan.rep_quota.iter().zip(done) {
        let total = Decimal::from(planned.iter().sum::<i64>());
        let s = spread(gap(total, *done), &running(&planned[past..]));
        unplaced += s.unplaced;
        exacts.push(s.exact);
        quotas.push(s.quota);
    }
    Future {
        team: None,
        street: false,
        reps: (exacts, quotas),
        unplaced: round_half_up(unplaced),
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
