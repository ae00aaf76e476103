//! The calendar rules of the file format: the days a date may name (years 0001 to 9999, so
//! every date prints as `YYYY-MM-DD`) and what "N years later" means on 29 February.

use chrono::{Datelike, Days, NaiveDate};

/// The first day a goal file, and any date the tool prints, may name.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1, 1, 1).expect("a valid date");

/// The last day a goal file, and any date the tool prints, may name.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date");

/// The same day `years` years later; 29 February falls on 1 March in a year without one, so a
/// year from 29 February ends on 28 February. `None` past chrono's range.
pub fn years_later(day: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = day.year().checked_add(i32::try_from(years).ok()?)?;
    day.with_year(year).or_else(|| {
        NaiveDate::from_ymd_opt(year, 2, 28).and_then(|d| d.checked_add_days(Days::new(1)))
    })
}

/// The last day of a period of `years` years that starts on `start`.
pub fn last_day_of_years(start: NaiveDate, years: u32) -> Option<NaiveDate> {
    years_later(start, years).and_then(|d| d.pred_opt())
}

/// A day written `YYYY-MM-DD` with a four-digit year and nothing else (chrono's `%Y` alone
/// also takes `+10000` and `-5`).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// Whether a date prints as `YYYY-MM-DD`.
pub fn printable(day: NaiveDate) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_year_from_29_february_ends_on_28_february() {
        assert_eq!(
            last_day_of_years(day("2028-02-29"), 1),
            Some(day("2029-02-28"))
        );
        assert_eq!(
            last_day_of_years(day("2028-02-29"), 4),
            Some(day("2032-02-28"))
        );
        assert_eq!(
            last_day_of_years(day("2028-02-29"), 10),
            Some(day("2038-02-28"))
        );
    }

    #[test]
    fn a_year_from_any_other_day_ends_the_day_before_its_anniversary() {
        assert_eq!(
            last_day_of_years(day("2027-01-01"), 1),
            Some(day("2027-12-31"))
        );
        assert_eq!(
            last_day_of_years(day("2027-03-01"), 1),
            Some(day("2028-02-29"))
        );
        assert_eq!(
            last_day_of_years(day("2027-03-15"), 10),
            Some(day("2037-03-14"))
        );
        assert_eq!(
            last_day_of_years(day("2028-02-28"), 1),
            Some(day("2029-02-27"))
        );
    }

    #[test]
    fn only_four_digit_years_parse() {
        assert_eq!(parse_iso("2027-05-14"), Some(day("2027-05-14")));
        for text in [
            "+10000-01-01",
            "10000-01-01",
            "-001-01-01",
            "2027-5-14",
            "2027/05/14",
            "2027-02-30",
        ] {
            assert_eq!(parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn years_0001_to_9999_print() {
        assert!(printable(day("9999-12-31")) && printable(day("0001-01-01")));
        assert!(!printable(day("+10000-01-01")) && !printable(day("0000-12-31")));
        assert!(!printable(years_later(day("9999-06-01"), 1).unwrap()));
    }
}
