//! CLI tests of rates and levels: a rate metric may declare `max` (net revenue retention of
//! 110% is a rate with `max = 200`), a rate outside 0 and its `max` is a located error, and
//! JSON writes every level and rate quota with two decimals. Fixture:
//! tests/fixtures/retention.toml.

use super::common::{error_findings, goals_on_stdin, position};
use serde_json::Value;

const RETENTION: &str = include_str!("../fixtures/retention.toml");

#[test]
fn net_revenue_retention_of_110_percent_is_a_rate_with_max_200() {
    assert_eq!(error_findings(RETENTION), vec![]);
    let plan = goals_on_stdin(&["plan", "-", "--format", "json"], RETENTION)
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&plan).unwrap();
    let nrr = &doc["targets"][0];
    assert_eq!(nrr["kind"], "rate");
    assert_eq!(nrr["total"].to_string(), "110.0");
    // January ends 31 days into the straight line from 104% to 110%.
    assert_eq!(nrr["periods"][0]["quota"].to_string(), "104.51");
}

#[test]
fn json_writes_level_and_rate_quotas_with_two_decimals() {
    let plan = goals_on_stdin(&["plan", "-", "--format", "json"], RETENTION)
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(plan).unwrap();
    // The rate's total and the level's December are whole numbers, still with two decimals.
    assert!(text.contains("\"total\": 110.00,"), "{text}");
    assert!(text.contains("\"total\": 8.00,"), "{text}");
    assert!(text.contains("\"quota\": 8.00,"), "{text}");
    assert!(text.contains("\"quota\": 104.51,"), "{text}");
}

#[test]
fn a_rate_above_its_max_or_below_zero_is_an_error_at_the_value() {
    let above = RETENTION.replace("target = 110", "target = 210");
    let at = position(&above, "210", 0);
    assert_eq!(
        error_findings(&above),
        vec![("rate-out-of-range".to_string(), at.0, at.1)]
    );
    // Without `max`, a rate stops at 100%: the target and its baseline are both beyond.
    let default = RETENTION.replace("max = 200 ", "");
    let target = position(&default, "target = 110", 0);
    let baseline = position(&default, "baseline = 104", 0);
    assert_eq!(
        error_findings(&default),
        vec![
            ("rate-out-of-range".to_string(), target.0, target.1 + 9),
            ("rate-out-of-range".to_string(), baseline.0, baseline.1 + 11)
        ]
    );
    let baseline = RETENTION.replace("baseline = 104", "baseline = 250");
    let at = position(&baseline, "250", 0);
    assert_eq!(
        error_findings(&baseline),
        vec![("rate-out-of-range".to_string(), at.0, at.1)]
    );
    let below = RETENTION.replace("target = 110", "target = -5");
    let at = position(&below, "-5", 0);
    assert!(
        error_findings(&below).contains(&("rate-out-of-range".to_string(), at.0, at.1)),
        "{:?}",
        error_findings(&below)
    );
}

#[test]
fn max_is_for_rates_only_and_above_zero() {
    let on_level = RETENTION.replace("better = \"lower\"", "better = \"lower\"\nmax = 40");
    let at = position(&on_level, "40\n", 0);
    assert_eq!(
        error_findings(&on_level),
        vec![("invalid-value".to_string(), at.0, at.1)]
    );
    let zero = RETENTION.replace("max = 200", "max = 0");
    let found = error_findings(&zero);
    assert!(
        found.first().is_some_and(|f| f.0 == "invalid-value"),
        "{found:?}"
    );
}
