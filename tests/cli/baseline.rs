//! `goals baseline` end to end: last year's export read with the goal file's mapping, the
//! worked example of the specification, rep weights and their warnings, every format, and the
//! round trip an analyst makes: baseline, paste into the goal file, check, plan.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{AS_OF, goals_as_of, json_decimal};

const GOALS: &str = "tests/fixtures/planning/history.toml";
const EXPORT: &str = "tests/fixtures/planning/deals_2026.csv";

fn baseline(args: &[&str]) -> (i32, String, String) {
    let out = goals_as_of(AS_OF)
        .arg("baseline")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_hundred_a_month_with_a_weak_august_and_a_strong_december() {
    let (code, out, err) = baseline(&[
        GOALS,
        "--actuals",
        EXPORT,
        "--growth",
        "10",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["outside_history"], 1);
    let m = &doc["metrics"][0];
    assert_eq!(m["metric"], "deals");
    assert_eq!(m["history"]["start"], "2026-01-01");
    assert_eq!(m["history"]["end"], "2026-12-31");
    assert_eq!(json_decimal(&m["total"]), Decimal::from(1200));
    assert_eq!(json_decimal(&m["suggested_target"]), Decimal::from(1320));
    let profile = m["profile"].as_object().unwrap();
    let weights: Vec<String> = profile.values().map(ToString::to_string).collect();
    assert_eq!(
        weights,
        [
            "8.34", "8.34", "8.34", "8.34", "8.33", "8.33", "8.33", "3.33", "8.33", "8.33", "8.33",
            "13.33"
        ]
    );
    assert!(
        out.contains("\"jan\": 8.34,"),
        "weights are exact two-decimal numbers"
    );
    let sum: Decimal = profile.values().map(json_decimal).sum();
    assert_eq!(sum, Decimal::from(100));
    let months = m["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[7]["label"], "2026-08");
    assert_eq!(json_decimal(&months[7]["team"]), Decimal::from(40));
    // The `where` filter drops the lost deals; Bruno's rows match his alias.
    assert_eq!(months[11]["reps"][0]["rep"], "anna");
    assert_eq!(
        json_decimal(&months[11]["reps"][0]["value"]),
        Decimal::from(96)
    );
    assert_eq!(months[11]["reps"][1]["rep"], "bruno");
    let reps = m["reps"].as_array().unwrap();
    assert_eq!(reps[0]["weight"].to_string(), "1.2");
    assert_eq!(reps[1]["weight"].to_string(), "0.8");
    assert!(out.contains("\"weight\": 1.2000,"), "four decimals");
    assert_eq!(reps[0]["partial"], false);
    assert!(reps[0]["warning"].is_null());
}

/// The export with `extra` rows appended.
fn export_with(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(EXPORT).unwrap();
    text.push_str(extra);
    std::fs::write(dir.path().join("deals.csv"), text).unwrap();
    dir
}

#[test]
fn history_that_would_punish_the_best_rep_is_flagged_and_new_reps_are_partial() {
    let goals_text = std::fs::read_to_string(GOALS).unwrap().replace(
        "[metrics.deals]",
        "[[reps]]\nid = \"carla\"\nteam = \"inside\"\n\n[metrics.deals]",
    );
    let mut extra = String::new();
    // Carla joined in October; Anna had a huge year on top of her usual deals.
    for m in 10..=12 {
        writeln!(extra, "2026-{m:02}-10,carla,Closed Won,30\r").unwrap();
    }
    for m in 1..=12 {
        writeln!(extra, "2026-{m:02}-11,Anna Berg,Closed Won,100\r").unwrap();
    }
    let dir = export_with(&extra);
    std::fs::write(dir.path().join("goals.toml"), goals_text).unwrap();
    let goal_file = dir.path().join("goals.toml");
    let csv = dir.path().join("deals.csv");
    let (code, out, err) = baseline(&[
        goal_file.to_str().unwrap(),
        "--actuals",
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let reps = doc["metrics"][0]["reps"].as_array().unwrap();
    // Anna 1,920 and Bruno 480 of 2,400 between two full-year reps: 1.6 and 0.4.
    assert_eq!(reps[0]["weight"].to_string(), "1.6");
    assert_eq!(reps[1]["weight"].to_string(), "0.4");
    assert!(
        reps[0]["warning"].as_str().unwrap().contains("punish"),
        "{}",
        reps[0]
    );
    assert!(
        reps[1]["warning"].as_str().unwrap().contains("reward"),
        "{}",
        reps[1]
    );
    assert_eq!(reps[2]["rep"], "carla");
    assert_eq!(reps[2]["partial"], true);
    assert!(reps[2]["weight"].is_null());
    let (_, toml, _) = baseline(&[
        goal_file.to_str().unwrap(),
        "--actuals",
        csv.to_str().unwrap(),
    ]);
    assert!(
        toml.contains("#   carla: partial history (3 of 12 months), no weight"),
        "{toml}"
    );
    assert!(
        toml.contains("#   anna: weight = 1.6000   # warning: 1.6× the equal share"),
        "{toml}"
    );
}

#[test]
fn a_month_without_history_gets_the_mean_of_the_others_and_is_flagged() {
    let mut text = String::new();
    for line in std::fs::read_to_string(EXPORT)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("2026-03-"))
    {
        text.push_str(line);
        text.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deals.csv"), text).unwrap();
    let csv = dir.path().join("deals.csv");
    let (code, out, _) = baseline(&[GOALS, "--actuals", csv.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("mar = 8.34   # no history: the mean of the other months"),
        "{out}"
    );
    assert!(
        out.contains("last year's total 1,100;"),
        "the total is the real sum: {out}"
    );
    let (_, json, _) = baseline(&[
        GOALS,
        "--actuals",
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["metrics"][0]["months"][2]["no_history"], true);
    let sum: Decimal = doc["metrics"][0]["profile"]
        .as_object()
        .unwrap()
        .values()
        .map(json_decimal)
        .sum();
    assert_eq!(sum, Decimal::from(100));
    // Both reps lack March now: neither has a full year.
    assert!(doc["metrics"][0]["reps"][0]["weight"].is_null());
}

#[test]
fn bad_rows_are_reported_and_fail_the_run_like_track() {
    let dir = export_with("2026-05-02,Nobody Known,Closed Won,4\r\n");
    let csv = dir.path().join("deals.csv");
    let (code, _, err) = baseline(&[GOALS, "--actuals", csv.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("unknown rep"), "{err}");
    assert!(err.contains("--allow-bad-rows"), "{err}");
    let (code, _, _) = baseline(&[
        GOALS,
        "--actuals",
        csv.to_str().unwrap(),
        "--allow-bad-rows",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn usage_errors_name_the_fix() {
    let (code, _, err) = baseline(&[GOALS]);
    assert_eq!(code, 2);
    assert!(err.contains("--actuals"), "{err}");
    let (code, _, err) = baseline(&[GOALS, "--actuals", EXPORT, "--metric", "deal"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `deals`?"), "{err}");
    let (code, _, err) = baseline(&[GOALS, "--actuals", EXPORT, "--growth", "ten"]);
    assert_eq!(code, 2);
    assert!(err.contains("such as 10 or 10%"), "{err}");
}

#[test]
fn the_table_reads_well() {
    let (code, out, _) = baseline(&[
        GOALS,
        "--actuals",
        EXPORT,
        "--growth",
        "10%",
        "--format",
        "table",
    ]);
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(out.contains("2026-12   160   13.33%"), "{out}");
    assert!(
        out.contains("total 1,200 · suggested target 1,320 (+10%)"),
        "{out}"
    );
    assert!(out.contains("anna     720  1.2000"), "{out}");
}

#[test]
fn baseline_pasted_into_the_goal_file_passes_check_and_plans() {
    let (code, snippet, err) = baseline(&[GOALS, "--actuals", EXPORT, "--growth", "10"]);
    assert_eq!(code, 0, "{err}");
    let target = snippet
        .lines()
        .find_map(|l| l.strip_prefix("#   target = "))
        .expect("a suggested target line");
    let mut goal_file = std::fs::read_to_string(GOALS).unwrap().replace(
        "  target = 1000",
        &format!("  target = {target}\n  split = \"deals_history\""),
    );
    for line in snippet.lines().filter(|l| l.contains(": weight = ")) {
        let (rep, weight) = line
            .trim_start_matches("#   ")
            .split_once(": weight = ")
            .unwrap();
        goal_file = goal_file.replace(
            &format!("id = \"{rep}\"\n"),
            &format!("id = \"{rep}\"\nweight = {weight}\n"),
        );
    }
    goal_file.push('\n');
    goal_file.push_str(&snippet);
    let check = goals_as_of(AS_OF)
        .args(["check", "-", "--deny-warnings"])
        .write_stdin(goal_file.clone())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}\n{goal_file}",
        String::from_utf8_lossy(&check.stdout)
    );
    let plan = goals_as_of(AS_OF)
        .args(["plan", "-", "--format", "json"])
        .write_stdin(goal_file)
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&plan.stdout).unwrap();
    let t = &doc["targets"][0];
    assert_eq!(t["total"], 1320);
    let quotas: Vec<i64> = t["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["quota"].as_i64().unwrap())
        .collect();
    // 1,320 shaped like last year: August 3.33%, December 13.33%.
    assert_eq!(quotas[7], 44);
    assert_eq!(quotas[11], 176);
    assert_eq!(quotas.iter().sum::<i64>(), 1320);
    assert_eq!(
        t["reps"][0]["quota"], 792,
        "Anna carries 1.2 of an equal share"
    );
    assert_eq!(t["reps"][1]["quota"], 528);
}
