//! `goals plan --format salesforce|pipedrive`: the shapes a Data Loader insert of
//! `ForecastingQuota` and Pipedrive's `POST /v1/goals` take, reps by `crm_id`, and every
//! rep's rows adding up to the plan.

use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{decimal, goals_in, json_decimal, stdout_of};

/// The example with a Salesforce-style user id on every rep (`005…`, 18 characters).
fn with_crm_ids(dir: &Path) {
    let mut text = std::fs::read_to_string("goals.example.toml").unwrap();
    let mut n = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find("[[reps]]\nid = \"") {
        let start = at + found;
        let line_end = start + text[start..].find("\"\n").unwrap() + 2;
        n += 1;
        let id = format!("crm_id = \"0055e000000{n:07}\"\n");
        text.insert_str(line_end, &id);
        at = line_end + id.len();
    }
    assert_eq!(n, 7, "the example has seven reps");
    std::fs::write(dir.join("goals.toml"), text).unwrap();
}

/// Each rep's total of each additive target in `goals plan --format json`, by (goal, rep).
fn plan_totals(dir: &Path) -> HashMap<(String, String), Decimal> {
    let out = goals_in(dir)
        .args(["plan", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut totals = HashMap::new();
    for t in doc["targets"].as_array().unwrap() {
        if t["kind"] != "count" && t["kind"] != "money" {
            continue;
        }
        for r in t["reps"].as_array().unwrap() {
            let key = (
                t["goal"].as_str().unwrap().to_string(),
                r["rep"].as_str().unwrap().to_string(),
            );
            totals.insert(key, json_decimal(&r["quota"]));
        }
    }
    totals
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    stdout_of(goals_in(dir).args(args))
}

#[test]
fn salesforce_rows_are_forecasting_quotas_that_add_up_to_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    with_crm_ids(dir.path());
    let csv = stdout(
        dir.path(),
        &["plan", "--format", "salesforce", "--goal", "field-revenue"],
    );
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("QuotaOwnerId,StartDate,QuotaAmount,QuotaQuantity,CurrencyIsoCode")
    );
    assert_eq!(
        lines.next(),
        Some("0055e0000000000005,2027-01-01,72000.00,,EUR")
    );
    let mut sum = Decimal::ZERO;
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 5, "{line}");
        assert_eq!(fields[0].len(), 18, "a Salesforce user id: {line}");
        assert!(fields[1].ends_with("-01"), "a month's first day: {line}");
        assert_eq!(
            (fields[3], fields[4]),
            ("", "EUR"),
            "money goes in QuotaAmount"
        );
        sum += decimal(fields[2]);
    }
    assert_eq!(
        sum,
        decimal("1800000.00"),
        "the field team's revenue target, to the cent"
    );

    // Every rep's rows add up to the rep's total of the plan, for every additive target.
    let csv = stdout(
        dir.path(),
        &["plan", "--format", "salesforce", "--by", "quarter"],
    );
    let ids: HashMap<String, String> = (1..=7)
        .zip([
            "giulia",
            "marco",
            "chiara",
            "luca",
            "alessandro",
            "francesca",
            "davide",
        ])
        .map(|(n, rep)| (format!("0055e000000{n:07}"), rep.to_string()))
        .collect();
    let mut by_rep: HashMap<(String, bool), Decimal> = HashMap::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        assert!(
            f[1].ends_with("-01-01")
                || f[1].ends_with("-04-01")
                || f[1].ends_with("-07-01")
                || f[1].ends_with("-10-01"),
            "{line}"
        );
        let money = !f[2].is_empty();
        let amount = decimal(if money { f[2] } else { f[3] });
        *by_rep.entry((ids[f[0]].clone(), money)).or_default() += amount;
    }
    let plan = plan_totals(dir.path());
    let money_goals = ["field-revenue"];
    let mut expected: HashMap<(String, bool), Decimal> = HashMap::new();
    for ((goal, rep), total) in plan {
        *expected
            .entry((rep, money_goals.contains(&goal.as_str())))
            .or_default() += total;
    }
    expected.retain(|_, v| !v.is_zero());
    by_rep.retain(|_, v| !v.is_zero());
    assert_eq!(by_rep, expected);
}

#[test]
fn pipedrive_lines_are_goal_bodies_that_add_up_to_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    with_crm_ids(dir.path());
    let text = stdout(
        dir.path(),
        &["plan", "--format", "pipedrive", "--currency-id", "3"],
    );
    let plan = plan_totals(dir.path());
    let mut sums: HashMap<(String, String), Decimal> = HashMap::new();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "title",
            "assignee",
            "type",
            "expected_outcome",
            "duration",
            "interval"
        ]
    );
    assert_eq!(first["assignee"]["type"], "person");
    assert_eq!(first["type"], serde_json::json!({ "name": "deals_won" }));
    assert_eq!(first["interval"], "monthly");
    assert_eq!(
        first["duration"],
        serde_json::json!({ "start": "2027-01-01", "end": "2027-01-31" })
    );
    for line in text.lines() {
        let body: Value = serde_json::from_str(line).unwrap();
        let outcome = &body["expected_outcome"];
        let title = body["title"].as_str().unwrap();
        let rep = title.rsplit(" · ").next().unwrap().to_string();
        let goal = if outcome["tracking_metric"] == "sum" {
            assert_eq!(outcome["currency_id"], 3);
            "field-revenue".to_string()
        } else {
            assert_eq!(outcome["tracking_metric"], "quantity");
            assert!(
                outcome.get("currency_id").is_none(),
                "only sum goals have a currency"
            );
            // Count goals are told apart by their title.
            plan.keys()
                .map(|(g, _)| g.clone())
                .find(|g| g != "field-revenue" && title.starts_with(&title_of(g)))
                .unwrap()
        };
        *sums.entry((goal, rep)).or_default() += json_decimal(&outcome["target"]);
    }
    let mut plan = plan;
    plan.retain(|_, v| !v.is_zero());
    sums.retain(|_, v| !v.is_zero());
    assert_eq!(sums, plan);
}

/// The title of goal `goal` in the example (count goals are told apart by it).
fn title_of(goal: &str) -> String {
    let file = std::fs::read_to_string("goals.example.toml").unwrap();
    let head = format!("id = \"{goal}\"\ntitle = \"");
    let start = file.find(&head).unwrap() + head.len();
    file[start..start + file[start..].find('"').unwrap()].to_string()
}

#[test]
fn a_rep_without_crm_id_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    with_crm_ids(dir.path());
    let path = dir.path().join("goals.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("crm_id = \"0055e0000000000007\"\n", "", 1);
    std::fs::write(&path, text).unwrap();
    let out = goals_in(dir.path())
        .args(["plan", "--format", "salesforce"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing is written before the check");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("rep `davide` has no `crm_id`"), "{stderr}");
    // Leaving the rep out works.
    stdout(
        dir.path(),
        &["plan", "--format", "salesforce", "--team", "inside"],
    );
    let out = goals_in(dir.path())
        .args([
            "plan",
            "--format",
            "salesforce",
            "--by",
            "week",
            "--team",
            "inside",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a ForecastingQuota is monthly or quarterly"
    );
}
