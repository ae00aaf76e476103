//! Numbers and dates at the edges of what the tool holds: each is refused where it is read,
//! with its place, or accepted and planned, never a panic downstream.

use super::tests::{edit, findings};
use crate::diagnostic::Code;
use crate::model::read::read;

fn codes(text: &str) -> Vec<Code> {
    findings(text).into_iter().map(|f| f.0).collect()
}

#[test]
fn a_relative_change_beyond_a_trillion_percent_is_not_finite() {
    for pct in [
        "+1e27%",
        "+79228162514264337593543950335%",
        "+1000000000001%",
    ] {
        let text = edit("target = 20", &format!("target = \"{pct}\""));
        let found = findings(&text);
        assert!(
            found.contains(&(Code::TargetNotFinite, 60, 12)),
            "{pct}: {found:?}"
        );
    }
}

#[test]
fn a_tiny_baseline_is_growth_without_overflow() {
    for base in ["1e-28", "\"0.0000000000000000000000000001\""] {
        let found = codes(&edit("baseline = 16", &format!("baseline = {base}")));
        assert_eq!(found, vec![Code::GrowthTooHigh], "{base}");
    }
}

#[test]
fn a_target_whose_whole_amount_passes_a_trillion_is_refused() {
    let per_day = edit(
        "target = 20\n  per = \"month\"",
        "target = 1e12\n  per = \"day\"",
    )
    .replace("  baseline = 16\n", "");
    assert!(codes(&per_day).contains(&Code::TargetNotFinite));
    let each_rep = edit(
        "target = 20\n  per = \"month\"",
        "target = 600000000000\n  each = \"rep\"",
    )
    .replace("  baseline = 16\n", "");
    assert!(codes(&each_rep).contains(&Code::TargetNotFinite));
    let fits = edit("target = 20", "target = 80000000000").replace("  baseline = 16\n", "");
    assert!(
        !codes(&fits).contains(&Code::TargetNotFinite),
        "{:?}",
        codes(&fits)
    );
}

#[test]
fn funnel_minutes_beyond_a_year_are_invalid() {
    let found = codes(&edit("minutes = 6", "minutes = 1000000"));
    assert_eq!(found, vec![Code::InvalidValue]);
    assert!(codes(&edit("minutes = 6", "minutes = 525600")).is_empty());
}

#[test]
fn a_plan_from_29_february_ends_on_28_february() {
    let text = edit("start = 2027-01-01\nend = 2027-12-31", "start = 2028-02-29");
    let (file, _) = read(&text);
    assert_eq!(file.plan.end.unwrap().value.to_string(), "2029-02-28");
    assert!(codes(&text).iter().all(|c| *c != Code::PlanTooLong));
}

#[test]
fn a_ten_year_plan_is_accepted_from_any_day() {
    for (start, end) in [
        ("2028-02-29", "2038-02-28"),
        ("2027-03-15", "2037-03-14"),
        ("2027-01-01", "2036-12-31"),
    ] {
        let text = edit(
            "start = 2027-01-01\nend = 2027-12-31",
            &format!("start = {start}\nend = {end}"),
        );
        assert!(!codes(&text).contains(&Code::PlanTooLong), "{start}..{end}");
        let longer = text.replace(&format!("end = {end}"), &format!("end = {}", next(end)));
        assert!(
            codes(&longer).contains(&Code::PlanTooLong),
            "{start}..next day"
        );
    }
}

fn next(day: &str) -> String {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    d.succ_opt().unwrap().to_string()
}

#[test]
fn a_plan_past_9999_is_an_error_at_its_date() {
    let found = findings(&edit(
        "start = 2027-01-01\nend = 2027-12-31",
        "start = 9999-06-01",
    ));
    assert_eq!(found, vec![(Code::InvalidValue, 3, 9)]);
    let last = edit(
        "start = 2027-01-01\nend = 2027-12-31",
        "start = 9999-06-01\nend = 9999-12-31",
    );
    assert!(
        !codes(&last).contains(&Code::InvalidValue),
        "{:?}",
        codes(&last)
    );
    for date in ["\"+10000-01-01\"", "0000-12-31", "\"10000-01-01\""] {
        let found = findings(&edit("end = 2027-12-31", &format!("end = {date}")));
        assert!(
            found.contains(&(Code::InvalidValue, 4, 7)),
            "{date}: {found:?}"
        );
    }
}

#[test]
fn funnel_activity_before_year_one_is_an_error() {
    let text = edit("start = 2027-01-01\nend = 2027-12-31", "start = 0001-01-01")
        .replace(
            "{ activity = \"deals\" }]",
            "{ activity = \"deals\" }]\ncycle_days = 30",
        )
        .replace(
            "  baseline = 16\n",
            "  baseline = 16\n  funnel = \"calls\"\n",
        );
    assert!(
        codes(&text).contains(&Code::InvalidValue),
        "{:?}",
        codes(&text)
    );
}

#[test]
fn a_money_target_of_more_than_a_trillion_deals_is_refused() {
    let money = edit(
        "target = 20\n  per = \"month\"",
        "target = 1000000000\n  funnel = \"calls\"",
    )
    .replace("  baseline = 16\n", "")
    .replace("kind = \"count\"", "kind = \"money\"")
    .replace("id = \"calls\"\n", "id = \"calls\"\ndeal_size = @\n");
    let tiny = money.replace('@', "0.0001");
    assert!(
        codes(&tiny).contains(&Code::TargetNotFinite),
        "{:?}",
        codes(&tiny)
    );
    let fits = money.replace('@', "0.01");
    assert!(
        !codes(&fits).contains(&Code::TargetNotFinite),
        "{:?}",
        codes(&fits)
    );
}
