//! The day loop of the split among reps (`reps::split`) in plain arithmetic, for a split that
//! `split_arith::bounded` admits: the very rule of the saturating loop in `reps`, worked over
//! stretches of days on which no rep's capacity changes. There the reps with capacity stay
//! the same, each one's share of a day is one product and one sum, and the day its next unit
//! falls due is, most days, the next day with an amount, checked with one more product.

use super::reps::{Split, TIE_BITS, give, units_due};
use super::split_arith::{Arith, Plain};
use super::split_rep::NOISE;

/// A rep with capacity throughout the stretch.
struct Lane {
    /// The rep (its index in the split).
    r: usize,
    /// Its capacity, and the offset that makes its share of day `e` `k + c × prefix[e + 1]`.
    c: i128,
    k: i128,
    /// The last day of its run.
    to: usize,
    /// Units given so far (the rep's own count is brought up to date when it is asked).
    given: i128,
    /// Exact share up to today, and the units due today.
    share: i128,
    due: i128,
    /// The day the next unit is due, worked out when `given` was `found.0`.
    found: (i128, usize),
    /// Every day after today and before this one falls short of the next unit.
    low: usize,
}

/// The reps with capacity over a stretch of days, and its last day.
struct Stretch {
    lanes: Vec<Lane>,
    last: usize,
}

impl Split {
    /// [`Split::run`] in plain arithmetic: the quotas and the days no rep can carry.
    pub(super) fn run_plain(&mut self, team_quota: &[i64]) -> (Vec<Vec<i64>>, Vec<usize>) {
        let days = team_quota.len();
        let mut quotas = vec![vec![0_i64; days]; self.reps.len()];
        let mut bad = Vec::new();
        let mut stretch = Stretch {
            lanes: Vec::new(),
            last: 0,
        };
        let mut open = false;
        for (d, &q) in team_quota.iter().enumerate() {
            if q == 0 {
                continue;
            }
            if !open || d > stretch.last {
                self.stretch_from(d, &mut stretch, open);
                open = true;
            }
            if q < 0 || stretch.lanes.is_empty() {
                bad.push(d);
                continue;
            }
            self.day_plain(d, q, &mut stretch.lanes, &mut quotas);
        }
        (quotas, bad)
    }

    /// The stretch of days from `d` on which every rep keeps its run; the units given over
    /// the stretch before (when `open`) go back to their reps first.
    fn stretch_from(&mut self, d: usize, stretch: &mut Stretch, open: bool) {
        if open {
            for lane in &stretch.lanes {
                self.reps[lane.r].given = lane.given;
            }
        }
        stretch.lanes.clear();
        stretch.last = self.prefix.len() - 2;
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
                    c,
                    k: rep.base[rep.run] - c * self.prefix[from],
                    to,
                    given: rep.given,
                    share: 0,
                    due: 0,
                    found: (-1, 0),
                    low: 0,
                });
            }
        }
    }

    /// Gives `q > 0` units of day `d`: the units due today, then the rest by priority.
    fn day_plain(&mut self, d: usize, q: i64, lanes: &mut [Lane], quotas: &mut [Vec<i64>]) {
        let x = self.prefix[d + 1];
        let mut must = 0;
        for lane in lanes.iter_mut() {
            lane.share = lane.k + lane.c * x;
            lane.due = units_due::<Plain>(lane.given, lane.share);
            must += lane.due;
        }
        let q = i128::from(q);
        let mut left = q;
        if must <= q {
            for lane in lanes.iter_mut() {
                if lane.due > 0 {
                    lane.given += lane.due;
                    give(&mut quotas[lane.r][d], lane.due);
                }
            }
            left -= must;
        }
        while left > 0 {
            self.keys.clear();
            for (i, lane) in lanes.iter_mut().enumerate() {
                let deficit = lane.share - Plain::whole(lane.given);
                let key = if deficit > NOISE {
                    (0, self.deadline_plain(lane, d), -(deficit >> TIE_BITS), i)
                } else {
                    (1, 0, -(deficit >> TIE_BITS), i)
                };
                self.keys.push(key);
            }
            // Lanes are in rep order: the lane's index breaks ties as the rep's would.
            let m = usize::try_from(left)
                .unwrap_or(usize::MAX)
                .min(self.keys.len());
            self.keys.smallest(m, |i| {
                let lane = &mut lanes[i];
                lane.given += 1;
                give(&mut quotas[lane.r][d], 1);
            });
            left -= i128::try_from(m).unwrap_or(i128::MAX);
        }
    }

    /// The day the lane's next unit is due, as `Rep::deadline` finds it: the first day with
    /// an amount from `lane.low` on, within the rep's run, on which its share reaches the
    /// unit, else the rep's own search beyond the run.
    fn deadline_plain(&mut self, lane: &mut Lane, d: usize) -> usize {
        if lane.found.0 == lane.given {
            return lane.found.1;
        }
        let need = Plain::whole(lane.given + 1);
        let day = if lane.share + NOISE < need {
            // Shares never fall and do not move on a day without an amount: short of the unit
            // today (and before `low`), the rep's share first reaches it on a day with one.
            let mut e = self.grows[lane.low.max(d + 1)];
            while e <= lane.to && lane.k + lane.c * self.prefix[e + 1] + NOISE < need {
                e = self.grows[e + 1];
            }
            lane.low = e.min(lane.to + 1);
            if e <= lane.to {
                e
            } else {
                let rep = &mut self.reps[lane.r];
                rep.given = lane.given;
                rep.short_through(lane.to);
                rep.deadline::<Plain>(&self.prefix, &self.grows, d, lane.share)
            }
        } else {
            let rep = &mut self.reps[lane.r];
            rep.given = lane.given;
            rep.deadline::<Plain>(&self.prefix, &self.grows, d, lane.share)
        };
        lane.found = (lane.given, day);
        day
    }
}
