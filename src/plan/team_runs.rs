//! What the targets of one team share: each rep's share runs over the target's days, their
//! sum each day, and which reps have the very same runs. Made once per team and dates
//! (`shared::PlanCache`) and reused by every target the team owns.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::capacity::Runs;

/// The reps' share runs over a stretch of days.
#[derive(Debug)]
pub struct TeamRuns {
    /// Each rep's share runs, in the order of the reps.
    pub runs: Vec<Runs>,
    /// The sum of every rep's share on each day.
    pub totals: Vec<Decimal>,
    /// For each rep, the first rep whose runs are the very same (to the bit): both have the
    /// same share of every range.
    pub profile: Vec<usize>,
}

impl TeamRuns {
    pub fn new(runs: Vec<Runs>, days: usize) -> Self {
        let mut first: FxHashMap<Vec<(usize, usize, [u8; 16])>, usize> = FxHashMap::default();
        let profile = runs
            .iter()
            .enumerate()
            .map(|(r, rep)| {
                let key = rep.iter().map(|&(a, b, c)| (a, b, c.serialize())).collect();
                *first.entry(key).or_insert(r)
            })
            .collect();
        TeamRuns {
            totals: super::capacity::totals(&runs, days),
            runs,
            profile,
        }
    }
}
