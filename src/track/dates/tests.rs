//! Date parsing tests: every accepted export form, and clear refusals for the rest.

use super::*;

/// Day-first reading, as a European CRM's mapping would set it.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    read_date(text, &Rule::Fixed(Order::DayFirst)).map(|r| r.in_order(Order::DayFirst))
}

fn auto(text: &str) -> Result<Reading, String> {
    read_date(text, &Rule::Auto)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn err(text: &str) -> String {
    match parse_date(text) {
        Ok(date) => panic!("`{text}` should be rejected, got {date}"),
        Err(message) => message,
    }
}

#[test]
fn iso_dates_read_alike_with_or_without_surrounding_space() {
    let want = Ok(ymd(2027, 1, 31));
    for text in [
        "2027-01-31",
        "2027-01-31\r",
        "\t2027-01-31",
        "2027-01-31 ",
        "2027-01-31 10:00",
        "2027-01-31 10:00 ",
        " 2027-01-31T10:00:00Z\r",
    ] {
        assert_eq!(parse_date(text), want, "{text:?}");
    }
    assert!(err("2027-01-31 25:00 ").contains("no hour 25"));
    assert!(err(" 2027-02-30").contains("no day 30"));
}

#[test]
fn year_first_forms() {
    let want = Ok(ymd(2027, 1, 31));
    assert_eq!(parse_date("2027-01-31"), want);
    assert_eq!(parse_date(" 2027-01-31 "), want);
    assert_eq!(parse_date("2027/01/31"), want);
    assert_eq!(parse_date("2027.01.31"), want);
    assert_eq!(parse_date("2027-1-31"), want);
    assert_eq!(parse_date("2027-01-05"), Ok(ymd(2027, 1, 5)));
    assert_eq!(parse_date("2027-1-5"), Ok(ymd(2027, 1, 5)));
}

#[test]
fn year_first_with_times() {
    let want = Ok(ymd(2027, 1, 31));
    for text in [
        "2027-01-31 14:05",
        "2027-01-31 14:05:09",
        "2027-01-31  9:05",
        "2027-01-31T14:05:09Z",
        "2027-01-31T14:05:09+02:00",
        "2027-01-31T23:30:00-05:00",
        "2027-01-31T14:05:09.123456Z",
        "2027-01-31T14:05:09,5",
        "2027/01/31 14:05",
        "2027-01-31 2:05 PM",
        "2027-01-31 14:05 UTC",
    ] {
        assert_eq!(parse_date(text), want, "{text}");
    }
}

#[test]
fn day_first_forms() {
    let want = Ok(ymd(2027, 1, 31));
    assert_eq!(parse_date("31/01/2027"), want);
    assert_eq!(parse_date("31.01.2027"), want);
    assert_eq!(parse_date("31-01-2027"), want);
    assert_eq!(parse_date("31/1/2027"), want);
    assert_eq!(parse_date("31/01/2027 14:05"), want);
    assert_eq!(parse_date("31.01.2027 14:05:09"), want);
    assert_eq!(parse_date("31-01-2027T14:05"), want);
    // Day first even when both readings are possible.
    assert_eq!(parse_date("02/03/2027"), Ok(ymd(2027, 3, 2)));
    assert_eq!(parse_date("5.3.2027"), Ok(ymd(2027, 3, 5)));
}

#[test]
fn month_first_is_rejected_with_the_day_first_rule() {
    let message = err("01/31/2027");
    assert!(message.contains("dates = \"day-first\""), "{message}");
    assert!(message.contains("no month 31"), "{message}");
    assert!(err("12-25-2027").contains("no month 25"));
}

#[test]
fn impossible_dates_say_so() {
    let message = err("2027-02-30");
    assert_eq!(message, "`2027-02-30` is not a date: 2027-02 has no day 30");
    assert!(err("29.02.2027").contains("has no day 29"));
    assert_eq!(parse_date("29.02.2028"), Ok(ymd(2028, 2, 29)));
    assert!(err("2027-13-01").contains("no month 13"));
    assert!(err("2027-00-10").contains("no month 0"));
    assert!(err("00/01/2027").contains("has no day 0"));
    assert!(err("31/45/2027").contains("no month 45"));
}

#[test]
fn two_digit_years_are_rejected() {
    let message = err("31/01/27");
    assert!(message.contains("4 digits"), "{message}");
    assert!(message.contains("31/01/2027"), "{message}");
    assert!(err("27-01-31").contains("4 digits"));
    assert!(err("1.2.27").contains("4 digits"));
}

#[test]
fn other_garbage_is_rejected() {
    assert!(err("").contains("empty field"));
    assert!(err("   ").contains("empty field"));
    let message = err("yesterday");
    assert_eq!(
        message,
        "expected a date like 2027-01-31, found `yesterday`"
    );
    for bad in [
        "2027-01",
        "2027-01-31-01",
        "2027-01/31",
        "31/01/2027.",
        "20270131",
        "2027_01_31",
        "02027-01-31",
        "2027-001-31",
        "31/01/20277",
        "2027-01-31T",
        "2027-01-31 noon",
        "2027-01-31 14",
        "2027-01-31 14:5",
        "2027-01-31 14:05\u{1}",
        "-2027-01-31",
        "2027--01",
        "Jan 31 2027",
        "31 janvier 2027",
        "2027-01-31x",
    ] {
        err(bad);
    }
}

#[test]
fn a_time_past_the_clock_is_not_a_time() {
    assert!(err("2027-01-15T25:59:00").contains("no hour 25"));
    assert!(err("2027-01-15 12:60").contains("no minute 60"));
    assert_eq!(
        parse_date("2027-01-15T23:59:59"),
        Ok(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap())
    );
}

#[test]
fn long_text_is_clipped_in_messages() {
    let long = "9".repeat(100_000);
    assert!(err(&long).len() < 200);
}

proptest::proptest! {
    #[test]
    fn never_panics(text in ".{0,30}") {
        let _ = parse_date(&text);
    }

    #[test]
    fn never_panics_on_date_like_text(text in "[0-9/.: T-]{0,24}") {
        let _ = parse_date(&text);
    }
}

#[test]
fn slash_dates_under_the_auto_rule() {
    assert_eq!(
        auto("14/5/2027"),
        Ok(Reading::Shows(ymd(2027, 5, 14), Order::DayFirst))
    );
    assert_eq!(
        auto("5/14/2027"),
        Ok(Reading::Shows(ymd(2027, 5, 14), Order::MonthFirst))
    );
    assert_eq!(
        auto("4/5/2027"),
        Ok(Reading::Ambiguous {
            day_first: ymd(2027, 5, 4),
            month_first: ymd(2027, 4, 5)
        })
    );
    assert_eq!(auto("5/5/2027"), Ok(Reading::Date(ymd(2027, 5, 5))));
    assert_eq!(auto("14.05.2027"), Ok(Reading::Date(ymd(2027, 5, 14))));
    assert_eq!(auto("4.5.2027"), Ok(Reading::Date(ymd(2027, 5, 4))));
    assert!(auto("14/14/2027").is_err());
    assert_eq!(
        auto("5/14/2027 4:32 PM"),
        Ok(Reading::Shows(ymd(2027, 5, 14), Order::MonthFirst))
    );
}

#[test]
fn impossible_times_are_refused() {
    for text in [
        "2027-05-14 24:30",
        "2027-05-14 10:00:99",
        "2027-05-14 10:60",
        "5/14/2027 13:05 PM",
        "2027-05-14 1:5",
    ] {
        assert!(auto(text).is_err(), "{text}");
    }
    for text in [
        "2027-05-14 16:32:10",
        "2027-05-14 16:32",
        "2027-05-14T16:32Z",
        "2027-05-14T16:32:10.123+02:00",
        "2027-05-14 00:00 UTC",
        "2027-05-14 12:05 am",
    ] {
        assert_eq!(auto(text), Ok(Reading::Date(ymd(2027, 5, 14))), "{text}");
    }
}

#[test]
fn iso_rule_refuses_year_last_and_formats_are_exact() {
    assert!(
        read_date("14/5/2027", &Rule::Iso)
            .unwrap_err()
            .contains("dates = \"iso\"")
    );
    let format = Rule::Format("%m/%d/%Y".into());
    assert_eq!(
        read_date("04/05/2027", &format),
        Ok(Reading::Date(ymd(2027, 4, 5)))
    );
    assert!(read_date("2027-04-05x", &format).is_err());
}
