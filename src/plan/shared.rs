//! What the targets of one plan share, worked out once for all of them: a team's share runs
//! over a target's days (`TeamRuns`), for every target the team owns, and a split's weights
//! over a target's dates (`Shape`), for every target with that split and those dates.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use super::calendar::{CalendarRules, Granularity};
use super::capacity::share_runs;
use super::team_runs::TeamRuns;
use super::weights::{Shape, Split};
use crate::model::Rep;

/// Team runs by reps (the very same reps of one file), first day and number of days; shapes
/// by split, `per` and dates. One plan's: the calendar rules are the same throughout.
#[derive(Default)]
pub struct PlanCache {
    teams: HashMap<(Vec<*const Rep>, NaiveDate, usize), Rc<TeamRuns>>,
    shapes: HashMap<(Split, Option<Granularity>, NaiveDate, NaiveDate), Rc<Shape>>,
}

impl PlanCache {
    /// The share runs of `reps` over the `days` days from `start`.
    pub fn runs(&mut self, reps: &[&Rep], start: NaiveDate, days: usize) -> Rc<TeamRuns> {
        let key = (
            reps.iter().map(|&r| std::ptr::from_ref(r)).collect(),
            start,
            days,
        );
        Rc::clone(self.teams.entry(key).or_insert_with(|| {
            let runs = reps
                .iter()
                .map(|rep| share_runs(rep, start, days))
                .collect();
            Rc::new(TeamRuns::new(runs, days))
        }))
    }

    /// The weights of `split` over [`start`, `end`], by `per`, under the plan's `rules`
    /// (asked for only when the shape is new).
    pub fn shape(
        &mut self,
        rules: impl FnOnce() -> CalendarRules,
        split: Split,
        per: Option<Granularity>,
        (start, end): (NaiveDate, NaiveDate),
    ) -> Rc<Shape> {
        let key = (split, per, start, end);
        if let Some(shape) = self.shapes.get(&key) {
            return Rc::clone(shape);
        }
        let shape = Rc::new(Shape::new(&rules(), &key.0, per, start, end));
        self.shapes.insert(key, Rc::clone(&shape));
        shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sp;
    use crate::plan::weights::daily_amounts;
    use rust_decimal::Decimal;

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
        let mut cache = PlanCache::default();
        let first = cache.runs(&[&a, &b, &c], day(1), 31);
        assert!(Rc::ptr_eq(&first, &cache.runs(&[&a, &b, &c], day(1), 31)));
        assert!(!Rc::ptr_eq(&first, &cache.runs(&[&a, &b, &c], day(2), 30)));
        assert!(!Rc::ptr_eq(&first, &cache.runs(&[&a, &b], day(1), 31)));
        assert_eq!(first.profile, vec![0, 1, 0], "a and c have the same runs");
        assert_eq!(first.totals, vec!["2.5".parse::<Decimal>().unwrap(); 31]);
    }

    #[test]
    fn a_split_s_weights_are_made_once_for_its_dates() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let rules = CalendarRules::default();
        let mut cache = PlanCache::default();
        let dates = (day(1), day(31));
        let first = cache.shape(CalendarRules::default, Split::Workdays, None, dates);
        let again = cache.shape(|| unreachable!("made"), Split::Workdays, None, dates);
        assert!(Rc::ptr_eq(&first, &again));
        let by_month = Some(Granularity::Month);
        let other = cache.shape(CalendarRules::default, Split::Workdays, by_month, dates);
        assert!(!Rc::ptr_eq(&first, &other));
        let amount = Decimal::from(1000);
        let direct = daily_amounts(&rules, &Split::Workdays, None, amount, day(1), day(31));
        assert_eq!(first.amounts(amount), direct);
    }
}
