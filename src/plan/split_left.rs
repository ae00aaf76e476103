//! The units of a day left over once its units due are given, in the plain-arithmetic split
//! among reps (`split_plain`): a round at a time, the smallest keys of the priority rule in
//! `reps` each take one. Once every unit due today is given, no rep's next unit is due before
//! the next day with an amount, and a share only moves on a day with an amount: the days with
//! one are gone through in order, each taking the reps with a free unit that fall due on it,
//! ordered by deficit and rank alone, until they are enough; the rule's deadlines are only
//! searched for reps past the stretch's end.

use super::reps::{Split, TIE_BITS};
use super::split_arith::ONE;
use super::split_plain::{Lane, Stretch};
use super::split_rep::NOISE;

/// Bits of the lane's index in a key among lanes due on one day.
const LANE_BITS: u32 = 24;

/// Reusable buffers of a round, each as long as the stretch's lanes.
#[derive(Default)]
pub(super) struct Round {
    /// Keys of the lanes due on one day.
    due: Vec<u64>,
    /// Lanes with a free unit not yet due, and lanes ahead of their share.
    wait: Vec<usize>,
    ahead: Vec<usize>,
}

impl Round {
    /// Makes room for `lanes` lanes.
    pub(super) fn fit(&mut self, lanes: usize) {
        self.due.resize(lanes, 0);
        self.wait.resize(lanes, 0);
        self.ahead.resize(lanes, 0);
    }
}

impl Split {
    /// Gives `m` units of day `d`, one to each lane of the `m` smallest keys. `early` is the
    /// next day with an amount, when every lane has had its units due, it lies in the
    /// stretch and the lanes are fewer than 2^24; `round` fits the lanes.
    pub(super) fn round_plain(
        &mut self,
        d: usize,
        early: Option<usize>,
        stretch: &mut Stretch,
        m: usize,
        round: &mut Round,
        quotas: &mut [Vec<i64>],
    ) {
        let (lanes, last) = (&mut stretch.lanes[..], stretch.last);
        let Some(mut e) = early else {
            self.keys_of_all(d, lanes);
            self.keys.smallest(m, |i| lanes[i].take_one(d, quotas));
            return;
        };
        let today = self.prefix[d + 1];
        // A step that brings a unit to the least capacity brings every free unit due.
        let weakest = i128::from(stretch.least);
        let step = |e: usize| {
            let step = self.prefix[e + 1] - today;
            u64::try_from(step).ok().filter(|_| weakest * step < ONE)
        };
        let Round { due, wait, ahead } = round;
        let (mut dues, mut waits, mut aheads) = (0, 0, 0);
        let first = step(e);
        for (i, lane) in lanes.iter().enumerate() {
            let deficit = lane.deficit();
            if deficit <= NOISE {
                ahead[aheads] = i;
                aheads += 1;
            } else if due_by(deficit, lane.c, first) {
                due[dues] = due_key(deficit, i);
                dues += 1;
            } else {
                wait[waits] = i;
                waits += 1;
            }
        }
        // A lane that takes its unit is not looked at again: every key is the one it had
        // before the round.
        let mut m = m;
        loop {
            if dues >= m {
                if m < dues {
                    // A few keys are sorted faster than selected from.
                    if dues <= 24 {
                        due[..dues].sort_unstable();
                    } else {
                        due[..dues].select_nth_unstable(m - 1);
                    }
                }
                for &key in &due[..m] {
                    lanes[lane_of(key)].take_one(d, quotas);
                }
                return;
            }
            for &key in &due[..dues] {
                lanes[lane_of(key)].take_one(d, quotas);
            }
            m -= dues;
            e = self.grows[e + 1];
            if waits == 0 || e > last {
                break;
            }
            let step = step(e);
            let mut kept = 0;
            dues = 0;
            for w in 0..waits {
                let i = wait[w];
                let deficit = lanes[i].deficit();
                if due_by(deficit, lanes[i].c, step) {
                    due[dues] = due_key(deficit, i);
                    dues += 1;
                } else {
                    wait[kept] = i;
                    kept += 1;
                }
            }
            waits = kept;
        }
        // The rest by the rule's keys: lanes due past the stretch, then lanes ahead.
        self.keys.clear();
        for &i in &wait[..waits] {
            let tie = -(lanes[i].deficit() >> TIE_BITS);
            let deadline = self.deadline_plain(&mut lanes[i], d);
            self.keys.push((0, deadline, tie, i));
        }
        for &i in &ahead[..aheads] {
            self.keys.push((1, 0, -(lanes[i].deficit() >> TIE_BITS), i));
        }
        self.keys.smallest(m, |i| lanes[i].take_one(d, quotas));
    }

    /// The keys of every lane, each with its deadline.
    fn keys_of_all(&mut self, d: usize, lanes: &mut [Lane]) {
        self.keys.clear();
        for (i, lane) in lanes.iter_mut().enumerate() {
            let deficit = lane.deficit();
            let key = if deficit > NOISE {
                (0, self.deadline_plain(lane, d), -(deficit >> TIE_BITS), i)
            } else {
                (1, 0, -(deficit >> TIE_BITS), i)
            };
            self.keys.push(key);
        }
    }
}

/// Whether a lane with a free unit (`NOISE < deficit < ONE`) and capacity `c` reaches its
/// next unit on a day its share has grown by `c × step` (`None`: a unit or more per unit of
/// capacity).
fn due_by(deficit: i128, c: u64, step: Option<u64>) -> bool {
    step.is_none_or(|step| deficit + i128::from(c) * i128::from(step) + NOISE >= ONE)
}

/// The key of lane `i` among the lanes due on the same day, the smallest first: the largest
/// deficit (`0 <= deficit < ONE`, truncated as in the rule's ties: its low word without its
/// last `TIE_BITS`), then the lane first listed (`i < 2^24`).
fn due_key(deficit: i128, i: usize) -> u64 {
    const _: () = assert!(TIE_BITS == LANE_BITS);
    !low_word(deficit) & !((1 << LANE_BITS) - 1) | i as u64
}

/// The low word of a value, all of it when `0 <= x < 2^64`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // the low word on purpose
fn low_word(x: i128) -> u64 {
    x as u64
}

/// The lane of a first key.
fn lane_of(key: u64) -> usize {
    usize::try_from(key & ((1 << LANE_BITS) - 1)).expect("invariant: 24 bits fit a usize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::reps::units_due;
    use crate::plan::split_arith::{Arith, Plain};
    use crate::plan::split_plain::due_plain;
    use proptest::prelude::*;

    fn deficit() -> impl Strategy<Value = i128> {
        prop_oneof![
            NOISE + 1..ONE,
            Just(NOISE + 1),
            Just(ONE - 1),
            Just(ONE - (1 << 24))
        ]
    }

    proptest! {
        #[test]
        fn first_keys_keep_the_order_of_the_rule(
            a in deficit(), b in deficit(), i in 0_usize..1 << 24, j in 0_usize..1 << 24,
        ) {
            let rule = |deficit: i128, i: usize| (0_u8, 7_usize, -(deficit >> TIE_BITS), i);
            prop_assert_eq!(due_key(a, i).cmp(&due_key(b, j)), rule(a, i).cmp(&rule(b, j)));
            prop_assert_eq!(lane_of(due_key(a, i)), i);
        }

        #[test]
        fn due_by_is_the_share_of_the_day(
            deficit in deficit(),
            c in prop_oneof![1_u64..1 << 26, Just((1 << 26) - 1)],
            step in prop_oneof![0_u64..1 << 40, any::<u64>(), Just(0)],
        ) {
            let reach = deficit + i128::from(c) * i128::from(step) + NOISE >= ONE;
            prop_assert_eq!(due_by(deficit, c, Some(step)), reach);
            prop_assert!(due_by(deficit, c, None), "a unit or more a unit of capacity");
        }

        #[test]
        fn plain_units_due_are_the_rule_s(
            given in prop_oneof![0_i64..1 << 60, Just((1 << 60) - 1), Just(0)],
            share in prop_oneof![0_i128..1 << 126, Just((1 << 126) - 1), Just(0)],
            near in -3_i128..3,
            whole in 0_i64..1 << 60,
        ) {
            let rule = |given: i64, share| units_due::<Plain>(i128::from(given), share);
            prop_assert_eq!(i128::from(due_plain(given, share)), rule(given, share));
            // Shares at the edge of a unit, with and without the noise.
            let edge = (Plain::whole(i128::from(whole)) - NOISE + near).max(0);
            prop_assert_eq!(i128::from(due_plain(given, edge)), rule(given, edge));
            let given = given.min(whole);
            prop_assert_eq!(i128::from(due_plain(given, edge)), rule(given, edge));
        }
    }
}
