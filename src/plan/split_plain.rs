//! The day loop of the split among reps (`reps::split`) in plain arithmetic, for a split that
//! `split_arith::bounded` admits: the very rule of the saturating loop in `reps`, worked over
//! stretches of days on which no rep's capacity changes. There the reps with capacity stay
//! the same, each one's share of a day is one product and one sum, and the day its next unit
//! falls due is, most days, the next day with an amount, checked with one more product;
//! `split_left` gives the units left over once the units due are given.

use super::reps::Split;
use super::split_arith::{Arith, Plain};
use super::split_left::Round;
use super::split_rep::NOISE;

/// A rep with capacity throughout the stretch.
pub(super) struct Lane {
    /// The rep (its index in the split).
    r: usize,
    /// Its capacity (below 2^26 in a bounded split), and the offset that makes its share of
    /// day `e` `k + c × prefix[e + 1]`.
    pub(super) c: u64,
    k: i128,
    /// The last day of its run.
    to: usize,
    /// Units given so far (below 2^60 in a bounded split; the rep's own count is brought up
    /// to date when it is asked).
    pub(super) given: i64,
    /// Exact share up to today.
    pub(super) share: i128,
    /// The day the next unit is due, worked out when `given` was `found.0`.
    found: (i64, usize),
    /// Every day after today and before this one falls short of the next unit.
    low: usize,
}

impl Lane {
    /// Its exact share up to today less the units it was given.
    pub(super) fn deficit(&self) -> i128 {
        self.share - Plain::whole(i128::from(self.given))
    }

    /// Gives the lane one unit of day `d`.
    pub(super) fn take_one(&mut self, d: usize, quotas: &mut [Vec<i64>]) {
        self.given += 1;
        quotas[self.r][d] += 1;
    }
}

/// The reps with capacity over a stretch of days, its last day and their least capacity.
pub(super) struct Stretch {
    pub(super) lanes: Vec<Lane>,
    pub(super) last: usize,
    pub(super) least: u64,
}

impl Split {
    /// [`Split::run`] in plain arithmetic: the quotas and the days no rep can carry.
    pub(super) fn run_plain(&mut self, team_quota: &[i64]) -> (Vec<Vec<i64>>, Vec<usize>) {
        let days = team_quota.len();
        let mut quotas = vec![vec![0_i64; days]; self.reps.len()];
        let mut round = Round::default();
        let mut bad = Vec::new();
        let mut stretch = Stretch {
            lanes: Vec::new(),
            last: 0,
            least: 0,
        };
        let mut open = false;
        for (d, &q) in team_quota.iter().enumerate() {
            if q == 0 {
                continue;
            }
            if !open || d > stretch.last {
                self.stretch_from(d, &mut stretch, open);
                round.fit(stretch.lanes.len());
                open = true;
            }
            if q < 0 || stretch.lanes.is_empty() {
                bad.push(d);
                continue;
            }
            self.day_plain(d, q, &mut stretch, &mut round, &mut quotas);
        }
        (quotas, bad)
    }

    /// The stretch of days from `d` on which every rep keeps its run; the units given over
    /// the stretch before (when `open`) go back to their reps first.
    fn stretch_from(&mut self, d: usize, stretch: &mut Stretch, open: bool) {
        if open {
            for lane in &stretch.lanes {
                self.reps[lane.r].given = i128::from(lane.given);
            }
        }
        stretch.lanes.clear();
        stretch.last = self.prefix.len() - 2;
        stretch.least = u64::MAX;
        for (r, rep) in self.reps.iter_mut().enumerate() {
            while rep.run < rep.runs.len() && rep.runs[rep.run].1 < d {
                rep.run += 1;
            }
            let Some(&(from, to, c)) = rep.runs.get(rep.run) else {
                continue;
            };
            if from > d {
                stretch.last = stretch.last.min(from - 1);
                continue;
            }
            stretch.last = stretch.last.min(to);
            if c > 0 {
                stretch.lanes.push(Lane {
                    r,
                    c: u64::try_from(c).expect("invariant: a bounded capacity"),
                    k: rep.base[rep.run] - c * self.prefix[from],
                    to,
                    given: i64::try_from(rep.given).expect("invariant: bounded units"),
                    share: 0,
                    found: (-1, 0),
                    low: 0,
                });
                stretch.least = stretch.least.min(u64::try_from(c).unwrap_or(u64::MAX));
            }
        }
    }

    /// Gives `q > 0` units of day `d`: the units due today (all of them at once, taken back
    /// when they are more than `q`), then the rest by priority (`split_left`).
    fn day_plain(
        &mut self,
        d: usize,
        q: i64,
        stretch: &mut Stretch,
        round: &mut Round,
        quotas: &mut [Vec<i64>],
    ) {
        let x = self.prefix[d + 1];
        let mut must = 0;
        for lane in &mut stretch.lanes {
            lane.share = lane.k + i128::from(lane.c) * x;
            let due = due_plain(lane.given, lane.share);
            lane.given += due;
            quotas[lane.r][d] = due;
            must += i128::from(due);
        }
        let q = i128::from(q);
        let mut left = q - must;
        if must > q {
            for lane in &mut stretch.lanes {
                lane.given -= std::mem::take(&mut quotas[lane.r][d]);
            }
            left = q;
        }
        // With every unit due today given, each rep falls short of its next unit today and on
        // every day up to the next day with an amount, `next`: no deadline comes before it.
        let next = self.grows[d + 1];
        let lanes = stretch.lanes.len();
        let early = (must <= q && next <= stretch.last && lanes < 1 << 24).then_some(next);
        while left > 0 {
            let m = usize::try_from(left).unwrap_or(usize::MAX).min(lanes);
            self.round_plain(d, early, stretch, m, round, quotas);
            left -= i128::try_from(m).unwrap_or(i128::MAX);
        }
    }

    /// The day the lane's next unit is due, as `Rep::deadline` finds it: the first day with
    /// an amount from `lane.low` on, within the rep's run, on which its share reaches the
    /// unit, else the rep's own search beyond the run.
    pub(super) fn deadline_plain(&mut self, lane: &mut Lane, d: usize) -> usize {
        if lane.found.0 == lane.given {
            return lane.found.1;
        }
        let need = Plain::whole(i128::from(lane.given) + 1);
        let day = if lane.share + NOISE < need {
            // Shares never fall and do not move on a day without an amount: short of the unit
            // today (and before `low`), the rep's share first reaches it on a day with one.
            let mut e = self.grows[lane.low.max(d + 1)];
            while e <= lane.to && lane.k + i128::from(lane.c) * self.prefix[e + 1] + NOISE < need {
                e = self.grows[e + 1];
            }
            lane.low = e.min(lane.to + 1);
            if e <= lane.to {
                e
            } else {
                let rep = &mut self.reps[lane.r];
                rep.given = i128::from(lane.given);
                rep.short_through(lane.to);
                rep.deadline::<Plain>(&self.prefix, &self.grows, d, lane.share)
            }
        } else {
            let rep = &mut self.reps[lane.r];
            rep.given = i128::from(lane.given);
            rep.deadline::<Plain>(&self.prefix, &self.grows, d, lane.share)
        };
        lane.found = (lane.given, day);
        day
    }
}

/// The units due to a lane given `given >= 0` so far at a share of `share` (`0 <= share <
/// 2^126`): `units_due` in plain arithmetic, without its branches.
pub(super) fn due_plain(given: i64, share: i128) -> i64 {
    (units_of(share + NOISE) - given).max(0)
}

/// The whole units of a fixed-point value `0 <= x < 2^127`: its high word.
#[allow(clippy::cast_possible_truncation)] // the high word of a value below 2^127 fits an i64
pub(super) fn units_of(x: i128) -> i64 {
    (x >> 64) as i64
}
