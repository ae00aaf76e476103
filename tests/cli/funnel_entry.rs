//! CLI tests of where a target enters its funnel and when its activity happens: a `meetings`
//! target enters at `meetings`, money enters as deals through `deal_size`, activity lands on
//! workdays, and the hours check reads the same days. Fixture: tests/fixtures/outbound.toml.

use super::common::{AS_OF, findings, goal_target, goals_on_stdin, json_of, position};
use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::Value;

const OUTBOUND: &str = include_str!("../fixtures/outbound.toml");

fn funnel(stdin: &str, by: &str) -> Value {
    json_of(AS_OF, &["funnel", "-", "--by", by], Some(stdin))
}

fn activities(t: &Value) -> Vec<&str> {
    t["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["activity"].as_str().unwrap())
        .collect()
}

#[test]
fn a_meetings_target_enters_at_meetings_and_ignores_the_deals_below() {
    let doc = funnel(OUTBOUND, "month");
    let meetings = goal_target(&doc, "book-meetings");
    assert_eq!(activities(meetings), ["calls", "meetings"]);
    let stages = meetings["stages"].as_array().unwrap();
    assert_eq!(stages[1]["outcome"], true);
    assert_eq!(stages[1]["rate"], Value::Null);
    // 40 meetings a month for each of two SDRs, at a 10% call-to-meeting rate.
    assert_eq!(stages[1]["total"], 960);
    assert_eq!(stages[0]["per_outcome"], 10);
    assert_eq!(stages[0]["total"], 9600);
    // 400 calls (40 h) and 40 meetings (30 h) a month per SDR fit 100.8 selling hours: the
    // SDRs are not asked to book the meetings that 40 deals would take.
    let sara = &doc["capacity"][0];
    assert_eq!(sara["rep"], "sara");
    assert_eq!(sara["fits"], true);
    assert!(
        !findings(OUTBOUND)
            .iter()
            .any(|(code, _, _)| code == "funnel-hours-exceed-capacity")
    );
}

#[test]
fn a_metric_that_is_no_stage_is_an_error_at_the_funnel_key() {
    let text = OUTBOUND
        .replace("[metrics.meetings]", "[metrics.demos]")
        .replace("metric = \"meetings\"", "metric = \"demos\"");
    let found = findings(&text);
    let at = position(&text, "\"outbound\"", 1);
    assert!(
        found.contains(&("funnel-metric-not-a-stage".to_string(), at.0, at.1)),
        "{found:?}"
    );
    let err = goals_on_stdin(&["funnel", "-"], &text)
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("error[funnel-metric-not-a-stage]: metric `demos` is no stage"),
        "{err}"
    );
}

#[test]
fn money_enters_as_deals_through_the_deal_size() {
    let doc = funnel(OUTBOUND, "month");
    let revenue = goal_target(&doc, "new-revenue");
    assert_eq!(activities(revenue), ["calls", "meetings", "deals"]);
    assert_eq!(revenue["deal_size"].to_string(), "12000.0");
    assert_eq!(goal_target(&doc, "book-meetings")["deal_size"], Value::Null);
    let deals = &revenue["stages"][2];
    assert_eq!(deals["outcome"], true);
    assert_eq!(deals["total"], 100);
    // 100,000.00 a month is 8⅓ deals: rounded up cumulatively, 9 in January, 17 by February.
    let months: Vec<i64> = deals["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["quota"].as_i64().unwrap())
        .collect();
    assert_eq!(months[1..4], [9, 8, 8]);
    assert_eq!(months.iter().sum::<i64>(), 100);
    // The stages above work from the exact 100 deals, not the rounded-up months.
    assert_eq!(revenue["stages"][1]["exact"].to_string(), "333.3333");
    assert_eq!(revenue["stages"][1]["total"], 333);
    assert_eq!(revenue["stages"][0]["total"], 3333);
}

#[test]
fn the_table_says_the_deal_size_a_money_target_entered_with() {
    let out = goals_on_stdin(&["funnel", "-"], OUTBOUND)
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    assert!(
        table.contains("revenue · funnel outbound · deal size 12,000.00 · each team"),
        "{table}"
    );
    let raw = String::from_utf8(
        goals_on_stdin(&["funnel", "-", "--format", "json"], OUTBOUND)
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(raw.contains("\"deal_size\": 12000.00,"), "{raw}");
}

#[test]
fn money_through_a_funnel_without_deal_size_is_an_error_at_the_funnel_key() {
    let text = OUTBOUND.replace("deal_size = 12000\n", "");
    let at = position(&text, "\"outbound\"", 2);
    assert_eq!(
        findings(&text),
        vec![("funnel-needs-deal-size".to_string(), at.0, at.1)]
    );
}

#[test]
fn a_rate_target_through_a_funnel_is_an_error_at_the_funnel_key() {
    // A rate is no number of outcomes: the funnel cannot work it back, and is never ignored.
    let text = OUTBOUND.replace(
        "[metrics.meetings]\nkind = \"count\"",
        "[metrics.meetings]\nkind = \"rate\"",
    );
    assert_ne!(text, OUTBOUND);
    let at = position(&text, "\"outbound\"", 1);
    assert_eq!(
        findings(&text),
        vec![("funnel-needs-additive-target".to_string(), at.0, at.1)]
    );
}

fn weekday_activity(doc: &Value, rules_holidays: &[NaiveDate]) -> Vec<(String, String, i64)> {
    let mut bad = Vec::new();
    for t in doc["targets"].as_array().unwrap() {
        for s in t["stages"].as_array().unwrap() {
            if s["outcome"] == true {
                continue;
            }
            for p in s["periods"].as_array().unwrap() {
                let day: NaiveDate = p["start"].as_str().unwrap().parse().unwrap();
                let off = matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
                    || rules_holidays.contains(&day);
                if off && p["quota"].as_i64().unwrap() > 0 {
                    bad.push((
                        s["activity"].as_str().unwrap().to_string(),
                        day.to_string(),
                        p["quota"].as_i64().unwrap(),
                    ));
                }
            }
        }
    }
    bad
}

#[test]
fn activity_lands_on_the_workday_on_or_before_the_shifted_day() {
    let holidays: Vec<NaiveDate> = [
        "2027-01-01",
        "2027-01-06",
        "2027-04-05",
        "2027-04-25",
        "2027-05-01",
        "2027-06-02",
        "2027-08-15",
        "2027-11-01",
        "2027-12-08",
        "2027-12-25",
        "2027-12-26",
    ]
    .iter()
    .map(|d| d.parse().unwrap())
    .collect();
    let doc = funnel(OUTBOUND, "day");
    assert_eq!(weekday_activity(&doc, &holidays), vec![]);
    // The first outcomes, on Monday 4 January, are called for 15 days earlier: Sunday
    // 20 December, so on Friday 18 December.
    let first = goal_target(&doc, "book-meetings")["stages"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["quota"].as_i64().unwrap() > 0)
        .unwrap();
    assert_eq!(first["start"], "2026-12-18");
    // With `cycle_days = 0` and outcomes on every calendar day, weekend activity still moves
    // to the Friday.
    let calendar = OUTBOUND
        .replace("cycle_days = 15", "cycle_days = 0")
        .replace("each = \"rep\"", "each = \"rep\"\n  split = \"calendar\"");
    let doc = funnel(&calendar, "day");
    assert_eq!(weekday_activity(&doc, &holidays), vec![]);
}

/// Six meetings on the weekend of 1-2 May 2027 need 60 calls, 6 hours; they land on Friday
/// 30 April, the first activity day, which has 4.8 selling hours.
const WEEKEND: &str = r#"
[plan]
name = "Weekend"
start = 2027-01-01

[[teams]]
id = "sdr"

[[reps]]
id = "sara"
team = "sdr"
hours_per_week = 40
selling_share = 0.6

[metrics.meetings]
kind = "count"
source = "CRM"

[[funnels]]
id = "phone"
stages = [{ activity = "calls", rate = 0.10, minutes = 6 }, { activity = "meetings" }]

[[goals]]
id = "weekend-meetings"
title = "Book six meetings at the trade fair"
family = "customers"
owner = "team:sdr"
review = "weekly"
steps = ["Call the fair's visitors"]

  [[goals.targets]]
  metric = "meetings"
  target = 6
  split = "calendar"
  start = 2027-05-01
  end = 2027-05-02
  funnel = "phone"
"#;

#[test]
fn the_hours_check_reads_the_days_the_activity_lands_on() {
    let out = goals_on_stdin(&["check", "-", "--format", "json"], WEEKEND)
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let warning = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "funnel-hours-exceed-capacity")
        .expect("the calls do not fit Friday's hours");
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains("2027-04") && message.contains("needs 6 hours") && message.contains("4.8"),
        "{message}"
    );
    let doc = funnel(WEEKEND, "day");
    let calls = &doc["targets"][0]["stages"][0]["periods"];
    assert_eq!(calls[0]["start"], "2027-04-30");
    assert_eq!(calls[0]["quota"], 60);
}

#[test]
fn a_plan_starting_on_a_holiday_opens_no_empty_period_before_it() {
    // 1 January 2027 is a holiday: nothing is planned on it, so with no cycle nothing lands
    // on 31 December either, and neither the stages nor the selling hours open with it.
    let text = OUTBOUND.replace("cycle_days = 15", "cycle_days = 0");
    let doc = funnel(&text, "month");
    for t in doc["targets"].as_array().unwrap() {
        for s in t["stages"].as_array().unwrap() {
            assert_eq!(s["periods"][0]["label"], "2027-01", "{}", t["goal"]);
        }
    }
    assert_eq!(doc["capacity"][0]["periods"][0]["label"], "2027-01");
    // With the 15-day cycle the December lead is real and stays.
    let doc = funnel(OUTBOUND, "month");
    let calls = &goal_target(&doc, "book-meetings")["stages"][0]["periods"][0];
    assert_eq!(
        (&calls["label"], &calls["before_start"]),
        (&"2026-12".into(), &true.into())
    );
}
