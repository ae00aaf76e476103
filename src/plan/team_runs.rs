//! What the targets of one team share: each rep's share runs over the target's days, their
//! sum each day, and which reps have the very same runs. Made once per team and dates and
//! reused by every target the team owns (a plan has a few targets a team).

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::capacity::{Runs, share_runs, totals};
use crate::model::Rep;

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
            totals: totals(&runs, days),
            runs,
            profile,
        }
    }
}

/// The team runs made so far, by reps (the very same reps of one file), first day and
/// number of days.
#[derive(Default)]
pub struct TeamCache {
    made: HashMap<(Vec<*const Rep>, NaiveDate, usize), Rc<TeamRuns>>,
}

impl TeamCache {
    /// The share runs of `reps` over the `days` days from `start`.
    pub fn runs(&mut self, reps: &[&Rep], start: NaiveDate, days: usize) -> Rc<TeamRuns> {
        let key = (
            reps.iter().map(|&r| std::ptr::from_ref(r)).collect(),
            start,
            days,
        );
        Rc::clone(self.made.entry(key).or_insert_with(|| {
            let runs = reps
                .iter()
                .map(|rep| share_runs(rep, start, days))
                .collect();
            Rc::new(TeamRuns::new(runs, days))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sp;

    fn rep(id: &str, fte: &str) -> Rep {
        Rep {
            id: Sp::new(id.into(), 0..0),
            name: None,
            aliases: vec![],
            team: None,
            fte: fte.parse().unwrap(),
            start: None,
            end: None,
            ramp: vec![],
            hours_per_week: None,
            selling_share: Decimal::ONE,
            time_off: vec![],
            weight: Decimal::ONE,
            crm_id: None,
        }
    }

    #[test]
    fn a_team_s_runs_are_made_once_for_its_dates() {
        let (a, b, c) = (rep("a", "1"), rep("b", "0.5"), rep("c", "1"));
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let mut cache = TeamCache::default();
        let first = cache.runs(&[&a, &b, &c], day(1), 31);
        assert!(Rc::ptr_eq(&first, &cache.runs(&[&a, &b, &c], day(1), 31)));
        assert!(!Rc::ptr_eq(&first, &cache.runs(&[&a, &b, &c], day(2), 30)));
        assert!(!Rc::ptr_eq(&first, &cache.runs(&[&a, &b], day(1), 31)));
        assert_eq!(first.profile, vec![0, 1, 0], "a and c have the same runs");
        assert_eq!(first.totals, vec!["2.5".parse::<Decimal>().unwrap(); 31]);
    }
}
