//! Calendar rules and period arithmetic: which day is a workday, and which day, week, month,
//! fiscal quarter or fiscal year a date belongs to, with its label. It knows nothing of
//! amounts and must not do any money arithmetic.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Size of a planning period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// One calendar day, labelled `2027-01-04`.
    Day,
    /// Seven days from `CalendarRules::week_start`, labelled with an ISO 8601 week (`2027-W01`).
    Week,
    /// One calendar month, labelled `2027-01`.
    Month,
    /// Three months of the fiscal year, labelled `2027-Q1` or `FY2027-Q1`.
    Quarter,
    /// Twelve months from the fiscal year start, labelled `2027` or `FY2027`.
    Year,
}

/// The calendar a plan is made in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarRules {
    /// Month (1..=12) that starts the fiscal year; values outside that range are clamped into it.
    pub fiscal_year_start: u32,
    /// First day of a week: `Mon` (ISO 8601 weeks) or `Sun`; any other day is treated as `Mon`.
    pub week_start: Weekday,
    /// Working weekdays, indexed by `Weekday::num_days_from_monday()` (0 = Monday).
    pub workdays: [bool; 7],
    /// Dates that are never workdays, whatever their weekday.
    pub holidays: BTreeSet<NaiveDate>,
}

impl Default for CalendarRules {
    /// Calendar fiscal year, ISO weeks, Monday to Friday workdays, no holidays.
    fn default() -> Self {
        Self {
            fiscal_year_start: 1,
            week_start: Weekday::Mon,
            workdays: [true, true, true, true, true, false, false],
            holidays: BTreeSet::new(),
        }
    }
}

impl CalendarRules {
    /// True when `d`'s weekday is a workday and `d` is not a holiday.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        self.workdays[d.weekday().num_days_from_monday() as usize] && !self.holidays.contains(&d)
    }

    /// The fiscal year start month, clamped to 1..=12.
    fn fy_start(&self) -> u32 {
        self.fiscal_year_start.clamp(1, 12)
    }
}

/// A run of days with its label; `start` and `end` are both inclusive and `start <= end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// Label of the whole (unclipped) period, e.g. `2027-W01`, `FY2027-Q4`.
    pub label: String,
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
}

/// `d + n` days, saturating at `NaiveDate::MAX`.
pub(super) fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// `d - n` days, saturating at `NaiveDate::MIN`.
fn sub_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// Number of days from `from` to `to` inclusive (0 when `to < from`).
pub(super) fn day_count(from: NaiveDate, to: NaiveDate) -> usize {
    usize::try_from((to - from).num_days() + 1).unwrap_or(0)
}

/// First day of the month `months` after the month of (`year`, `month`), saturating.
fn month_first(year: i32, month: u32, months: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.checked_add_months(Months::new(months)))
        .unwrap_or(if year < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Inclusive first and last day of `d`'s calendar month (the last saturates at `NaiveDate::MAX`).
pub(super) fn month_bounds(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = d
        .with_day(1)
        .expect("invariant: day 1 exists in every month");
    let next = first.checked_add_months(Months::new(1));
    (first, next.map_or(NaiveDate::MAX, |n| sub_days(n, 1)))
}

/// Unclipped period of granularity `by` that contains `day`, with its label.
/// Bounds saturate at `NaiveDate::MIN`/`MAX` for periods reaching past chrono's range.
pub fn period_containing(rules: &CalendarRules, by: Granularity, day: NaiveDate) -> Period {
    match by {
        Granularity::Day => Period {
            label: day.to_string(),
            start: day,
            end: day,
        },
        Granularity::Week => week_containing(rules, day),
        Granularity::Month => {
            let (start, end) = month_bounds(day);
            let label = format!("{:04}-{:02}", day.year(), day.month());
            Period { label, start, end }
        }
        Granularity::Quarter | Granularity::Year => fiscal_containing(rules, by, day),
    }
}

/// The week (Monday..Sunday or Sunday..Saturday) containing `day`, with its ISO label.
fn week_containing(rules: &CalendarRules, day: NaiveDate) -> Period {
    let (start, monday) = if rules.week_start == Weekday::Sun {
        let sunday = sub_days(day, u64::from(day.weekday().num_days_from_sunday()));
        (sunday, add_days(sunday, 1))
    } else {
        let monday = sub_days(day, u64::from(day.weekday().num_days_from_monday()));
        (monday, monday)
    };
    let iso = monday.iso_week();
    Period {
        label: format!("{}-W{:02}", iso.year(), iso.week()),
        start,
        end: add_days(start, 6),
    }
}

/// The fiscal quarter or fiscal year containing `day`; a fiscal year is named by the calendar
/// year it starts in, with an `FY` prefix unless it starts in January.
fn fiscal_containing(rules: &CalendarRules, by: Granularity, day: NaiveDate) -> Period {
    let fys = rules.fy_start();
    let fy = if day.month() >= fys {
        day.year()
    } else {
        day.year() - 1
    };
    let offset = (day.month() + 12 - fys) % 12;
    let prefix = if fys == 1 { "" } else { "FY" };
    let (first_month, len, label) = if by == Granularity::Year {
        (0, 12, format!("{prefix}{fy}"))
    } else {
        let q = offset / 3;
        (q * 3, 3, format!("{prefix}{fy}-Q{}", q + 1))
    };
    let start = month_first(fy, fys, first_month);
    let end = sub_days(month_first(fy, fys, first_month + len), 1);
    Period { label, start, end }
}

/// The periods of granularity `by` that meet [`start`, `end`], clipped to it, in date order.
/// Every day of [`start`, `end`] is in exactly one of them; labels are those of the unclipped
/// periods. Empty when `end < start`. Costs O(number of periods).
pub fn periods(
    rules: &CalendarRules,
    by: Granularity,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Period> {
    let mut out = Vec::new();
    let mut cur = start;
    while cur <= end {
        let p = period_containing(rules, by, cur);
        let clipped_end = p.end.min(end);
        out.push(Period {
            label: p.label,
            start: cur,
            end: clipped_end,
        });
        if clipped_end >= end {
            break;
        }
        cur = add_days(clipped_end, 1);
    }
    out
}
