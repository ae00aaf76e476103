//! When activity happens: `cycle_days` (calendar days) before the outcome it produces, on the
//! nearest workday on or before that day, never on a weekend or holiday.

use chrono::{Days, NaiveDate};

use crate::plan::calendar::CalendarRules;

/// How far back a workday is looked for: a plan whose calendar has no workday in a year has
/// none at all, and its activity then stays on the shifted day.
const MAX_DAYS_BACK: usize = 400;

/// The days of a target's activity: the axis they share with the outcome, and for each
/// outcome day the axis index its activity lands on.
#[derive(Debug, PartialEq, Eq)]
pub struct Landing {
    /// First day of the axis: where the first outcome day's activity lands.
    pub axis_start: NaiveDate,
    /// Axis index of the outcome's first day (the target's start).
    pub outcome_offset: usize,
    /// `[outcome day]` → axis index of its activity.
    pub activity_index: Vec<usize>,
}

impl Landing {
    /// Lands the activity of `days` outcome days from `start`, `cycle_days` earlier.
    pub fn new(rules: &CalendarRules, start: NaiveDate, days: usize, cycle_days: u32) -> Self {
        let shifted = |d: usize| {
            start
                .checked_add_days(Days::new(d as u64))
                .and_then(|day| day.checked_sub_days(Days::new(u64::from(cycle_days))))
                .unwrap_or(start)
        };
        let landed: Vec<NaiveDate> = (0..days)
            .map(|d| latest_workday(rules, shifted(d)))
            .collect();
        let axis_start = axis_start(rules, start, cycle_days);
        let index = |day: NaiveDate| usize::try_from((day - axis_start).num_days()).unwrap_or(0);
        Landing {
            axis_start,
            outcome_offset: index(start),
            activity_index: landed.into_iter().map(index).collect(),
        }
    }

    /// Number of days on the axis: up to the outcome's last day.
    pub fn len(&self) -> usize {
        self.outcome_offset + self.activity_index.len()
    }
}

/// The first day of a target's activity axis: where the activity for its first day lands.
pub fn axis_start(rules: &CalendarRules, start: NaiveDate, cycle_days: u32) -> NaiveDate {
    let shifted = start
        .checked_sub_days(Days::new(u64::from(cycle_days)))
        .unwrap_or(start);
    latest_workday(rules, shifted).min(start)
}

/// `day` when it is a workday, else the latest workday before it.
pub fn latest_workday(rules: &CalendarRules, day: NaiveDate) -> NaiveDate {
    let mut d = day;
    for _ in 0..MAX_DAYS_BACK {
        if rules.is_workday(d) {
            return d;
        }
        match d.pred_opt() {
            Some(before) => d = before,
            None => break,
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekends_and_holidays_land_on_the_workday_before() {
        let mut rules = CalendarRules::default();
        rules.holidays.insert(date(2027, 1, 1));
        // Sunday 3 January → Friday 1 January is a holiday → Thursday 31 December.
        assert_eq!(latest_workday(&rules, date(2027, 1, 3)), date(2026, 12, 31));
        assert_eq!(latest_workday(&rules, date(2027, 1, 4)), date(2027, 1, 4));
    }

    #[test]
    fn the_axis_starts_where_the_first_activity_lands() {
        let rules = CalendarRules::default();
        // Outcomes from Monday 4 January 2027; 2 days earlier is Saturday 2 → Friday 1.
        let landing = Landing::new(&rules, date(2027, 1, 4), 3, 2);
        assert_eq!(landing.axis_start, date(2027, 1, 1));
        assert_eq!(landing.outcome_offset, 3);
        // Mon 4 → Sat 2 → Fri 1; Tue 5 → Sun 3 → Fri 1; Wed 6 → Mon 4.
        assert_eq!(landing.activity_index, vec![0, 0, 3]);
    }

    #[test]
    fn without_a_cycle_weekend_outcomes_still_land_on_a_workday() {
        let rules = CalendarRules::default();
        let landing = Landing::new(&rules, date(2027, 1, 2), 3, 0);
        assert_eq!(landing.axis_start, date(2027, 1, 1));
        assert_eq!(landing.activity_index, vec![0, 0, 3]);
    }

    #[test]
    fn a_calendar_without_workdays_keeps_the_shifted_day() {
        let rules = CalendarRules {
            workdays: [false; 7],
            ..CalendarRules::default()
        };
        assert_eq!(latest_workday(&rules, date(2027, 1, 3)), date(2027, 1, 3));
    }
}
