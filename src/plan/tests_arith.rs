//! Unit tests for calendars and time splits, with the guide's numbers.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

use super::apportion::cumulative_quotas;
use super::calendar::{CalendarRules, Granularity, period_containing, periods};
use super::weights::{Split, daily_amounts, day_weights};

pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

pub(super) fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

pub(super) fn close(a: Decimal, b: Decimal, tol: &str) -> bool {
    (a - b).abs() <= dec(tol)
}

/// Sums of `values` (index 0 = `start`) per calendar month, in order.
pub(super) fn by_month<T: Copy + std::iter::Sum<T>>(start: NaiveDate, values: &[T]) -> Vec<T> {
    let mut out: Vec<(u32, Vec<T>)> = Vec::new();
    for (d, &v) in start.iter_days().zip(values) {
        match out.last_mut() {
            Some((m, vs)) if *m == d.month() => vs.push(v),
            _ => out.push((d.month(), vec![v])),
        }
    }
    out.into_iter()
        .map(|(_, vs)| vs.into_iter().sum())
        .collect()
}

#[test]
fn iso_week_labels() {
    let r = CalendarRules::default();
    let w = period_containing(&r, Granularity::Week, ymd(2026, 12, 28));
    assert_eq!(
        (w.label.as_str(), w.start, w.end),
        ("2026-W53", ymd(2026, 12, 28), ymd(2027, 1, 3))
    );
    assert_eq!(
        period_containing(&r, Granularity::Week, ymd(2027, 1, 1)).label,
        "2026-W53"
    );
    let w1 = period_containing(&r, Granularity::Week, ymd(2027, 1, 4));
    assert_eq!((w1.label.as_str(), w1.start), ("2027-W01", ymd(2027, 1, 4)));
    let weeks = periods(&r, Granularity::Week, ymd(2026, 1, 1), ymd(2026, 12, 31));
    assert_eq!(
        weeks
            .iter()
            .filter(|p| p.label.starts_with("2026-W"))
            .count(),
        53
    );
    assert_eq!(weeks[0].label, "2026-W01");
}

#[test]
fn sunday_weeks() {
    let r = CalendarRules {
        week_start: Weekday::Sun,
        ..CalendarRules::default()
    };
    for day in [ymd(2027, 1, 3), ymd(2027, 1, 9)] {
        let w = period_containing(&r, Granularity::Week, day);
        assert_eq!(
            (w.label.as_str(), w.start, w.end),
            ("2027-W01", ymd(2027, 1, 3), ymd(2027, 1, 9))
        );
    }
    let prev = period_containing(&r, Granularity::Week, ymd(2027, 1, 2));
    assert_eq!(
        (prev.label.as_str(), prev.start),
        ("2026-W53", ymd(2026, 12, 27))
    );
}

#[test]
fn fiscal_and_calendar_labels() {
    let fy4 = CalendarRules {
        fiscal_year_start: 4,
        ..CalendarRules::default()
    };
    let q = period_containing(&fy4, Granularity::Quarter, ymd(2028, 1, 15));
    assert_eq!(
        (q.label.as_str(), q.start, q.end),
        ("FY2027-Q4", ymd(2028, 1, 1), ymd(2028, 3, 31))
    );
    assert_eq!(
        period_containing(&fy4, Granularity::Quarter, ymd(2027, 4, 1)).label,
        "FY2027-Q1"
    );
    let y = period_containing(&fy4, Granularity::Year, ymd(2028, 1, 15));
    assert_eq!(
        (y.label.as_str(), y.start, y.end),
        ("FY2027", ymd(2027, 4, 1), ymd(2028, 3, 31))
    );
    assert_eq!(
        period_containing(&fy4, Granularity::Month, ymd(2028, 1, 15)).label,
        "2028-01"
    );
    let cal = CalendarRules::default();
    assert_eq!(
        period_containing(&cal, Granularity::Quarter, ymd(2027, 2, 1)).label,
        "2027-Q1"
    );
    assert_eq!(
        period_containing(&cal, Granularity::Year, ymd(2027, 12, 31)).label,
        "2027"
    );
    assert_eq!(
        period_containing(&cal, Granularity::Day, ymd(2027, 1, 4)).label,
        "2027-01-04"
    );
}

#[test]
fn periods_are_clipped() {
    let r = CalendarRules::default();
    let ps = periods(&r, Granularity::Month, ymd(2027, 1, 15), ymd(2027, 3, 10));
    let got: Vec<_> = ps
        .iter()
        .map(|p| (p.label.as_str(), p.start, p.end))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2027-01", ymd(2027, 1, 15), ymd(2027, 1, 31)),
            ("2027-02", ymd(2027, 2, 1), ymd(2027, 2, 28)),
            ("2027-03", ymd(2027, 3, 1), ymd(2027, 3, 10)),
        ]
    );
    assert!(periods(&r, Granularity::Day, ymd(2027, 1, 2), ymd(2027, 1, 1)).is_empty());
    assert_eq!(
        periods(&r, Granularity::Day, ymd(2020, 1, 1), ymd(2029, 12, 31)).len(),
        3653
    );
}

#[test]
fn holidays_are_not_workdays() {
    let mut r = CalendarRules::default();
    assert!(r.is_workday(ymd(2027, 1, 1)));
    assert!(!r.is_workday(ymd(2027, 1, 2)));
    r.holidays.insert(ymd(2027, 1, 1));
    assert!(!r.is_workday(ymd(2027, 1, 1)));
}

#[test]
fn hundred_per_month_is_exactly_hundred_every_month() {
    let r = CalendarRules::default();
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 12, 31));
    let exact = daily_amounts(&r, &Split::Even, Some(Granularity::Month), dec("100"), s, e);
    assert_eq!(exact.len(), 365);
    assert_eq!(by_month(s, &cumulative_quotas(&exact)), vec![100; 12]);
    for m in by_month(s, &exact) {
        assert!(close(m, dec("100"), "1e-12"), "{m}");
    }
}

#[test]
fn twenty_per_year_even() {
    let r = CalendarRules::default();
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 12, 31));
    let exact = daily_amounts(&r, &Split::Even, None, dec("20"), s, e);
    for m in by_month(s, &exact) {
        assert!(close(m, dec("20") / dec("12"), "1e-12"), "{m}");
    }
    let months = by_month(s, &cumulative_quotas(&exact));
    assert!(months.iter().all(|&q| q == 1 || q == 2), "{months:?}");
    assert_eq!(months.iter().sum::<i64>(), 20);
}

#[test]
fn a_million_euros_in_cents_sums_exactly() {
    let r = CalendarRules::default();
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 12, 31));
    for per in [None, Some(Granularity::Year)] {
        for split in [Split::Even, Split::Workdays, Split::Calendar] {
            let exact = daily_amounts(&r, &split, per, dec("100000000"), s, e);
            assert!(close(exact.iter().sum(), dec("100000000"), "1e-12"));
            assert_eq!(cumulative_quotas(&exact).iter().sum::<i64>(), 100_000_000);
        }
    }
}

#[test]
fn month_cut_by_dates_gets_pro_rata_share() {
    let r = CalendarRules::default();
    let (s, e) = (ymd(2027, 1, 15), ymd(2027, 3, 31));
    let exact = daily_amounts(&r, &Split::Even, Some(Granularity::Month), dec("100"), s, e);
    let months = by_month(s, &exact);
    // January 2027 has 21 workdays (Mon-Fri), 11 of them from the 15th.
    assert!(
        close(months[0], dec("1100") / dec("21"), "1e-12"),
        "{}",
        months[0]
    );
    assert!(close(months[1], dec("100"), "1e-12") && close(months[2], dec("100"), "1e-12"));
    assert_eq!(by_month(s, &cumulative_quotas(&exact)), vec![52, 100, 100]);
}

#[test]
fn profile_split_follows_the_profile() {
    let r = CalendarRules::default();
    let mut profile = [Decimal::ONE; 12];
    profile[11] = dec("2");
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 12, 31));
    let exact = daily_amounts(&r, &Split::Profile(profile), None, dec("1300"), s, e);
    let months = by_month(s, &exact);
    for (i, m) in months.iter().enumerate() {
        let want = if i == 11 { dec("200") } else { dec("100") };
        assert!(close(*m, want, "1e-12"), "month {i}: {m}");
    }
    assert!(
        exact
            .iter()
            .zip(s.iter_days())
            .all(|(x, d)| r.is_workday(d) || x.is_zero())
    );
}

#[test]
fn month_without_workdays_spreads_over_calendar_days() {
    let r = CalendarRules {
        workdays: [false; 7],
        ..CalendarRules::default()
    };
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 1, 31));
    let exact = daily_amounts(&r, &Split::Even, None, dec("310"), s, e);
    assert!(
        exact.iter().all(|&x| close(x, dec("10"), "1e-20")),
        "{exact:?}"
    );
    assert!(
        day_weights(&r, &Split::Workdays, s, e)
            .iter()
            .all(Decimal::is_zero)
    );
    assert!(
        daily_amounts(&r, &Split::Workdays, None, dec("310"), s, e)
            .iter()
            .all(Decimal::is_zero)
    );
}

#[test]
fn months_without_workdays_keep_their_monthly_weight() {
    let none = CalendarRules {
        workdays: [false; 7],
        ..CalendarRules::default()
    };
    let exact = daily_amounts(
        &none,
        &Split::Even,
        None,
        dec("200"),
        ymd(2027, 1, 1),
        ymd(2027, 2, 28),
    );
    assert!(
        close(exact[0], dec("100") / dec("31"), "1e-20")
            && close(exact[58], dec("100") / dec("28"), "1e-20")
    );
    let r = CalendarRules {
        holidays: ymd(2027, 2, 1).iter_days().take(28).collect(),
        ..CalendarRules::default()
    };
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 3, 31));
    let exact = daily_amounts(&r, &Split::Even, None, dec("300"), s, e);
    assert!(
        by_month(s, &exact)
            .iter()
            .all(|&m| close(m, dec("100"), "1e-12"))
    );
    assert!(
        close(exact[31 + 5], dec("100") / dec("28"), "1e-20"),
        "a Saturday in February"
    );
}

#[test]
fn calendar_split_is_one_per_day() {
    let r = CalendarRules::default();
    let exact = daily_amounts(
        &r,
        &Split::Calendar,
        None,
        dec("365"),
        ymd(2027, 1, 1),
        ymd(2027, 12, 31),
    );
    assert!(exact.iter().all(|&x| x == Decimal::ONE));
}
