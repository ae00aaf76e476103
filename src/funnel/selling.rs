//! What a rep has for selling: `hours_per_week × selling_share`, spread over the rep's
//! workdays, over any range of days; the plan's workdays of a span are counted once, so a
//! range is a subtraction for a rep without time off.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::Rep;
use crate::plan::calendar::CalendarRules;
use crate::plan::capacity::is_active;

/// The rep's selling hours from `from` to `to`, inclusive: `hours_per_week × selling_share`
/// shared evenly among the week's workdays, times the workdays in the range on which the rep
/// is active (holidays, days off and days before `start` or after `end` have none). `None`
/// when the rep has no `hours_per_week`. Not scaled by fte: `hours_per_week` is the rep's own
/// week.
pub fn available(
    rules: &CalendarRules,
    rep: &Rep,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Decimal> {
    selling_hours(rules, rep, || active_workdays(rules, rep, from, to))
}

/// `hours_per_week × selling_share` over the week's workdays, times `days()` of them.
fn selling_hours(
    rules: &CalendarRules,
    rep: &Rep,
    days: impl FnOnce() -> usize,
) -> Option<Decimal> {
    let week = rep.hours_per_week? * rep.selling_share;
    let workdays = rules.workdays.iter().filter(|w| **w).count();
    if workdays == 0 {
        return Some(Decimal::ZERO);
    }
    Some(week / Decimal::from(workdays) * Decimal::from(days()))
}

/// The workdays from `from` to `to`, inclusive, on which the rep is active, day by day.
fn active_workdays(rules: &CalendarRules, rep: &Rep, from: NaiveDate, to: NaiveDate) -> usize {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| rules.is_workday(*d) && is_active(rep, *d))
        .count()
}

/// The plan's workdays of a span of days, counted once.
pub struct Workdays<'a> {
    rules: &'a CalendarRules,
    first: NaiveDate,
    /// `before[i]`: workdays from `first` to the day before `first + i`.
    before: Vec<usize>,
}

impl<'a> Workdays<'a> {
    /// The workdays from `first` to `last`, inclusive (none when `last` is before `first`).
    pub fn new(rules: &'a CalendarRules, first: NaiveDate, last: NaiveDate) -> Self {
        let mut before = vec![0];
        let mut count = 0;
        for day in first.iter_days().take_while(|d| *d <= last) {
            count += usize::from(rules.is_workday(day));
            before.push(count);
        }
        Workdays {
            rules,
            first,
            before,
        }
    }

    /// As [`available`]: for a rep without time off, from the counted workdays of the span.
    pub fn available(&self, rep: &Rep, from: NaiveDate, to: NaiveDate) -> Option<Decimal> {
        match self.counted(rep, from, to) {
            Some(days) => selling_hours(self.rules, rep, || days),
            None => available(self.rules, rep, from, to),
        }
    }

    /// The rep's active workdays from `from` to `to` from the count, `None` for a rep with time
    /// off or a range outside the span.
    fn counted(&self, rep: &Rep, from: NaiveDate, to: NaiveDate) -> Option<usize> {
        if !rep.time_off.is_empty() {
            return None;
        }
        let from = rep.start.as_ref().map_or(from, |s| from.max(s.value));
        let to = rep.end.as_ref().map_or(to, |e| to.min(e.value));
        if from > to {
            return Some(0);
        }
        let index = |d: NaiveDate| usize::try_from((d - self.first).num_days()).ok();
        let (lo, hi) = (index(from)?, index(to)? + 1);
        Some(self.before.get(hi)? - self.before[lo])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sp;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn rep(start: Option<NaiveDate>, end: Option<NaiveDate>, off: bool) -> Rep {
        Rep {
            id: Sp::new("r".into(), 0..0),
            name: None,
            aliases: vec![],
            team: None,
            fte: Decimal::ONE,
            start: start.map(|d| Sp::new(d, 0..0)),
            end: end.map(|d| Sp::new(d, 0..0)),
            ramp: vec![],
            hours_per_week: Some(Decimal::from(40)),
            selling_share: "0.6".parse().unwrap(),
            time_off: if off {
                vec![(date(2027, 3, 8), date(2027, 3, 12))]
            } else {
                vec![]
            },
            weight: Decimal::ONE,
            crm_id: None,
        }
    }

    #[test]
    fn counted_workdays_give_the_hours_of_a_day_by_day_count() {
        let mut rules = CalendarRules::default();
        rules.holidays.insert(date(2027, 3, 1));
        let (first, last) = (date(2027, 1, 1), date(2027, 6, 30));
        let workdays = Workdays::new(&rules, first, last);
        let reps = [
            rep(None, None, false),
            rep(Some(date(2027, 3, 3)), None, false),
            rep(None, Some(date(2027, 3, 20)), false),
            rep(Some(date(2027, 4, 1)), Some(date(2027, 2, 1)), false),
            rep(None, None, true),
        ];
        for r in &reps {
            for (from, to) in [
                (date(2027, 3, 1), date(2027, 3, 31)),
                (date(2027, 3, 31), date(2027, 3, 1)),
                (date(2026, 12, 1), date(2027, 3, 31)),
                (date(2027, 6, 1), date(2027, 7, 31)),
                (first, last),
            ] {
                assert_eq!(
                    workdays.available(r, from, to),
                    available(&rules, r, from, to),
                    "{from} to {to}"
                );
            }
        }
        // March 2027 has 23 weekdays, one of them a holiday: 22 days of 24 / 5 hours.
        let march = workdays.available(&reps[0], date(2027, 3, 1), date(2027, 3, 31));
        assert_eq!(march, Some("105.6".parse().unwrap()));
    }
}
