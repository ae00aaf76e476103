//! The one split of a team's whole units among its reps, used by `plan`, `funnel` and
//! `replan`. A rep's exact share of a day is the day's exact amount × its capacity / the
//! team's capacity. Knowing the whole period ahead, each rep's k-th unit may be given once its
//! exact share passes k - 1 and is due by the day it reaches k; every day gives the units that
//! are due, then hands out the rest earliest due first, a tie going to the largest deficit
//! against the exact share, then to the rep listed first (on a single day: the
//! largest-remainder method). Where shares change so that this cannot be met, a late unit
//! goes first and, when no rep is short of its share, the largest deficit takes the unit:
//! the split never fails except on a day without any capacity.
//!
//! The shares are kept in integer fixed point (2^-64 of a unit): one division a day, and
//! O(reps) integer operations (multiplications and shifts) on a day with units. This module
//! holds the rule day by day in saturating arithmetic, right for any input; when the split's
//! sizes allow it (`split_arith`), `split_plain` works the same rule over stretches of days
//! in plain arithmetic (a day's leftover units in `split_left`), and must give the very same
//! quotas.

use rust_decimal::Decimal;

use super::capacity::Runs;
use super::fixed::{capacity_units, to_binary};
use super::split_arith::{Arith, ONE, Saturating, bounded};
use super::split_keys::Keys;
use super::split_rep::{NOISE, Rep};

/// Deficits that agree down to 2^-40 (about 10^-12) of a unit count as equal.
pub(super) const TIE_BITS: u32 = 24;

/// A split that could not share every day: the days (indices) on which the team has units but
/// no rep has capacity, or a negative quota, which the caller must report (`no-rep-active`),
/// and the quotas of every other day, shared as usual (those days' units stay unshared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncovered {
    pub days: Vec<usize>,
    pub quotas: Vec<Vec<i64>>,
}

/// Shares `team_quota[d]` (whole units) among reps whose capacity is `capacity[r]` (runs over
/// the same days; negative counts as 0, taken to six decimals), by their exact shares of
/// `team_exact[d]`. Returns `quotas[r][d]`: every day they add up to the team's quota, they
/// are never negative, a rep without capacity on a day gets nothing that day, and while the
/// reps' shares stay constant every rep's running total stays strictly within one unit of its
/// exact share. `Err` names the days whose units no rep can carry, with every other day
/// shared as usual: nothing is zeroed in silence.
pub fn split(
    team_quota: &[i64],
    team_exact: &[Decimal],
    capacity: &[Runs],
) -> Result<Vec<Vec<i64>>, Uncovered> {
    let days = team_quota.len();
    let mut split = Split::new(team_exact, capacity, days);
    let plain = bounded(
        split
            .reps
            .iter()
            .flat_map(|r| r.runs.iter().map(|(_, _, c)| c)),
        split.prefix.last().copied().unwrap_or(0),
        team_quota,
    );
    let (quotas, bad) = if plain {
        split.run_plain(team_quota)
    } else {
        split.run::<Saturating>(team_quota)
    };
    if bad.is_empty() {
        Ok(quotas)
    } else {
        Err(Uncovered { days: bad, quotas })
    }
}

/// [`split`] in saturating arithmetic whatever the sizes, day by day over every rep: what the
/// plain arithmetic over stretches (`split_plain`) must match.
#[cfg(test)]
pub(super) fn split_saturating(
    team_quota: &[i64],
    team_exact: &[Decimal],
    capacity: &[Runs],
) -> Vec<Vec<i64>> {
    let mut split = Split::new(team_exact, capacity, team_quota.len());
    split.run::<Saturating>(team_quota).0
}

/// The split's working state.
pub(super) struct Split {
    pub(super) reps: Vec<Rep>,
    /// Sum of the day amounts per unit of capacity before each day (`days + 1` entries).
    pub(super) prefix: Vec<i128>,
    /// Reps with capacity on the current day, their exact share up to it and the units due
    /// to them today.
    active: Vec<(usize, i128, i128)>,
    /// The first day from each day on whose amount is not 0 (`days` when none): the days
    /// between add nothing to any share (`days + 1` entries).
    pub(super) grows: Vec<usize>,
    /// Reusable buffer of `(class, deadline, -deficit, rep)`, the smallest first.
    pub(super) keys: Keys,
}

impl Split {
    fn new(team_exact: &[Decimal], capacity: &[Runs], days: usize) -> Self {
        let reps: Vec<Rep> = capacity
            .iter()
            .map(|runs| {
                Rep::new(
                    runs.iter()
                        .filter(|&&(from, _, _)| from < days)
                        .map(|&(from, to, c)| (from, to.min(days - 1), capacity_units(c)))
                        .collect(),
                )
            })
            .collect();
        let mut change = vec![0_i128; days + 1];
        for &(from, to, c) in reps.iter().flat_map(|r| &r.runs) {
            change[from] += c;
            change[to + 1] -= c;
        }
        let mut prefix = Vec::with_capacity(days + 1);
        let (mut total, mut sum) = (0_i128, 0_i128);
        prefix.push(0);
        // Amounts and capacities hold for days on end: a day with the amount and the
        // capacity of the one before takes its quotient.
        let mut last: Option<(Decimal, i128, i128)> = None;
        for (d, step) in change[..days].iter().enumerate() {
            total += step;
            let day = team_exact.get(d).copied().unwrap_or(Decimal::ZERO);
            let per_unit = match last {
                Some((x, t, per_unit)) if x == day && t == total => per_unit,
                _ => {
                    let amount = if day.is_sign_positive() {
                        to_binary(day).unwrap_or(i128::MAX)
                    } else {
                        0
                    };
                    // One division a day: the day's amount per unit of capacity.
                    let per_unit = if total > 0 { amount / total } else { 0 };
                    last = Some((day, total, per_unit));
                    per_unit
                }
            };
            sum = sum.saturating_add(per_unit);
            prefix.push(sum);
        }
        let mut grows = vec![days; days + 1];
        for d in (0..days).rev() {
            grows[d] = if prefix[d + 1] == prefix[d] {
                grows[d + 1]
            } else {
                d
            };
        }
        let mut split = Split {
            reps,
            prefix,
            active: Vec::new(),
            grows,
            keys: Keys::default(),
        };
        for rep in &mut split.reps {
            let mut share = 0_i128;
            rep.base = rep
                .runs
                .iter()
                .map(|&(from, to, c)| {
                    let before = share;
                    let span = split.prefix[to + 1] - split.prefix[from];
                    share = Saturating::add(share, Saturating::times(c, span));
                    before
                })
                .collect();
        }
        split
    }

    /// Shares every day's units: the quotas, and the days no rep can carry.
    fn run<A: Arith>(&mut self, team_quota: &[i64]) -> (Vec<Vec<i64>>, Vec<usize>) {
        let mut quotas = vec![vec![0_i64; team_quota.len()]; self.reps.len()];
        let mut bad = Vec::new();
        for (d, &q) in team_quota.iter().enumerate() {
            if q == 0 {
                continue;
            }
            self.enter::<A>(d);
            if q < 0 || self.active.is_empty() {
                bad.push(d);
                continue;
            }
            self.allocate::<A>(d, q, &mut quotas);
        }
        (quotas, bad)
    }

    /// Moves to day `d`: which reps have capacity, their exact shares up to it and the units
    /// due to them.
    fn enter<A: Arith>(&mut self, d: usize) {
        self.active.clear();
        for (r, rep) in self.reps.iter_mut().enumerate() {
            while rep.run < rep.runs.len() && rep.runs[rep.run].1 < d {
                rep.run += 1;
            }
            if let Some(&(from, _, c)) = rep.runs.get(rep.run)
                && from <= d
                && c > 0
            {
                let share = rep.share::<A>(&self.prefix, rep.run, d);
                self.active
                    .push((r, share, units_due::<A>(rep.given, share)));
            }
        }
    }

    /// Gives `q > 0` units of day `d`: the units due today, then the rest by priority.
    fn allocate<A: Arith>(&mut self, d: usize, q: i64, quotas: &mut [Vec<i64>]) {
        let q = i128::from(q);
        let must: i128 = self.active.iter().map(|&(_, _, n)| n).sum();
        let mut left = q;
        if must <= q {
            for &(r, _, n) in &self.active {
                if n > 0 {
                    self.reps[r].given += n;
                    give(&mut quotas[r][d], n);
                }
            }
            left -= must;
        }
        while left > 0 {
            self.fill_keys::<A>(d);
            let m = usize::try_from(left)
                .unwrap_or(usize::MAX)
                .min(self.keys.len());
            let reps = &mut self.reps;
            self.keys.smallest(m, |r| {
                reps[r].given += 1;
                give(&mut quotas[r][d], 1);
            });
            left -= i128::try_from(m).unwrap_or(i128::MAX);
        }
    }

    /// The priority of each active rep's next unit, the first to go smallest: units already
    /// free (class 0) before units not yet earned (class 1); then the earliest due day; then
    /// the largest deficit against the exact share; then the rep listed first.
    fn fill_keys<A: Arith>(&mut self, d: usize) {
        self.keys.clear();
        for &(r, share, _) in &self.active {
            let rep = &mut self.reps[r];
            let deficit = A::sub(share, A::whole(rep.given));
            let key = if deficit > NOISE {
                (
                    0,
                    rep.deadline::<A>(&self.prefix, &self.grows, d, share),
                    -(deficit >> TIE_BITS),
                    r,
                )
            } else {
                (1, 0, -(deficit >> TIE_BITS), r)
            };
            self.keys.push(key);
        }
    }
}

/// How many more units are due to a rep given `given` so far, at an exact share of `share`
/// (a division only when more than one is due).
pub(super) fn units_due<A: Arith>(given: i128, share: i128) -> i128 {
    let reach = A::add(share, NOISE);
    let next = A::whole(A::add(given, 1));
    if reach < next {
        0
    } else if reach < A::add(next, ONE) {
        1
    } else {
        reach / ONE - given
    }
}

/// Adds `units` to a rep's quota of a day, `cell`.
pub(super) fn give(cell: &mut i64, units: i128) {
    *cell = cell.saturating_add(i64::try_from(units).unwrap_or(i64::MAX));
}
