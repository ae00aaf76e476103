//! `goals diff` as a reviewer uses it: exactly the periods and reps a change moves, with
//! deltas that add up; history protected by `--frozen-before`; `REV:PATH` read from git.

use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{goals_in, json_and_code, json_decimal, succeed, write_file};

fn example() -> String {
    std::fs::read_to_string("goals.example.toml").unwrap()
}

/// A copy of the example with the new-customers target (100 a month) raised by 10%.
fn raised() -> String {
    let text = example();
    let at = "  metric = \"new_customers\"\n  target = 100\n";
    assert!(
        text.contains(at),
        "the example's new-customers target is 100"
    );
    text.replacen(at, "  metric = \"new_customers\"\n  target = 110\n", 1)
}

fn diff_json(dir: &Path, args: &[&str]) -> (Value, i32) {
    json_and_code(
        goals_in(dir)
            .arg("diff")
            .args(args)
            .args(["--format", "json"]),
    )
}

#[test]
fn a_target_raised_by_ten_percent_changes_exactly_its_periods_and_reps() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    write_file(dir.path(), "new.toml", &raised());
    let (doc, code) = diff_json(dir.path(), &["old.toml", "new.toml"]);
    assert_eq!(code, 0);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["by"], "month");
    let keys = doc["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(keys[0]["path"], "goals.new-customers.targets[0].target");
    assert_eq!(
        (keys[0]["old"].as_str(), keys[0]["new"].as_str()),
        (Some("100"), Some("110"))
    );
    assert_eq!(keys[0]["line"], 274);
    assert_eq!(doc["goals"]["added"], Value::Array(vec![]));
    assert_eq!(doc["targets"]["removed"], Value::Array(vec![]));

    let changes = doc["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "only the raised target changes");
    let change = &changes[0];
    assert_eq!(
        (change["goal"].as_str(), change["metric"].as_str()),
        (Some("new-customers"), Some("new_customers"))
    );
    assert_eq!(json_decimal(&change["total"]["old"]), Decimal::from(1200));
    assert_eq!(json_decimal(&change["total"]["new"]), Decimal::from(1320));
    assert_eq!(json_decimal(&change["total"]["delta"]), Decimal::from(120));

    let periods = change["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12, "every month of 2027 changes");
    let mut sum = Decimal::ZERO;
    for p in periods {
        let delta = json_decimal(&p["delta"]);
        assert_eq!(delta, Decimal::from(10), "{p}");
        assert_eq!(json_decimal(&p["new"]) - json_decimal(&p["old"]), delta);
        let reps: Decimal = p["reps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json_decimal(&r["delta"]))
            .sum();
        assert_eq!(
            reps, delta,
            "the reps' deltas add up to the period's in {}",
            p["label"]
        );
        for r in p["reps"].as_array().unwrap() {
            assert_ne!(
                json_decimal(&r["delta"]),
                Decimal::ZERO,
                "only reps that changed are listed"
            );
        }
        sum += delta;
    }
    assert_eq!(sum, json_decimal(&change["total"]["delta"]));
    let reps = change["reps"].as_array().unwrap();
    let names: Vec<&str> = reps.iter().map(|r| r["rep"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["giulia", "marco", "chiara", "luca"],
        "the inside team only"
    );
    let rep_sum: Decimal = reps.iter().map(|r| json_decimal(&r["delta"])).sum();
    assert_eq!(rep_sum, Decimal::from(120));
    assert_eq!(doc["frozen"], Value::Array(vec![]));
}

#[test]
fn a_change_to_a_past_period_fails_with_frozen_before() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    write_file(dir.path(), "new.toml", &raised());
    let (doc, code) = diff_json(
        dir.path(),
        &["old.toml", "new.toml", "--frozen-before", "2027-03-01"],
    );
    assert_eq!(code, 1);
    let labels: Vec<&str> = doc["frozen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2027-01", "2027-02"]);
    assert_eq!(doc["frozen"][0]["delta"], 10);

    // `--as-of` is the default; a period ending on the day itself is not before it.
    succeed(goals_in(dir.path()).args([
        "--as-of",
        "2027-03-01",
        "diff",
        "old.toml",
        "new.toml",
        "--by",
        "quarter",
    ]));
    let out = goals_in(dir.path())
        .args([
            "--as-of",
            "2027-04-01",
            "diff",
            "old.toml",
            "new.toml",
            "--by",
            "quarter",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("end before 2027-04-01"), "{stderr}");
}

#[test]
fn removing_a_target_whose_months_are_over_is_a_change_to_history() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    let new = example();
    let start = new.find("[[goals]]\nid = \"field-revenue\"").unwrap();
    let end = start + new[start..].find("\n[[goals]]").unwrap() + 1;
    let new = format!("{}{}", &new[..start], &new[end..]);
    write_file(dir.path(), "new.toml", &new);
    let (doc, code) = diff_json(
        dir.path(),
        &["old.toml", "new.toml", "--frozen-before", "2027-02-01"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        doc["goals"]["removed"],
        serde_json::json!(["field-revenue"])
    );
    assert_eq!(doc["changes"], serde_json::json!([]));
    let frozen = doc["frozen"].as_array().unwrap();
    assert_eq!(frozen.len(), 1, "{frozen:?}");
    assert_eq!(frozen[0]["label"], "2027-01");
    assert_eq!(frozen[0]["goal"], "field-revenue");
    assert!(
        json_decimal(&frozen[0]["old"]) > Decimal::ZERO,
        "{frozen:?}"
    );
    assert_eq!(json_decimal(&frozen[0]["new"]), Decimal::ZERO);
    let (_, code) = diff_json(dir.path(), &["old.toml", "new.toml"]);
    assert_eq!(
        code, 0,
        "without --frozen-before or --as-of, removing a goal is allowed"
    );
}

#[test]
fn a_change_outside_the_goals_replans_every_target_and_goals_added_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    let new = example()
        .replacen("\nfte = 0.5", "\nfte = 0.8", 1)
        .replacen("id = \"time-to-close\"", "id = \"close-faster\"", 1);
    write_file(dir.path(), "new.toml", &new);
    let (doc, code) = diff_json(dir.path(), &["old.toml", "new.toml"]);
    assert_eq!(code, 0);
    assert_eq!(doc["goals"]["added"], serde_json::json!(["close-faster"]));
    assert_eq!(
        doc["goals"]["removed"],
        serde_json::json!(["time-to-close"])
    );
    assert!(
        doc["keys"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["path"] == "reps.francesca.fte")
    );
    // Francesca is in the field team: its team targets move between reps, not in total.
    let changed: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["goal"].as_str().unwrap())
        .collect();
    assert!(changed.contains(&"field-revenue"), "{changed:?}");
    for c in doc["changes"].as_array().unwrap() {
        for p in c["periods"].as_array().unwrap() {
            let reps: Decimal = p["reps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json_decimal(&r["delta"]))
                .sum();
            if c["goal"] == "field-revenue" {
                assert_eq!(reps, json_decimal(&p["delta"]), "{p}");
            }
        }
    }
}

#[test]
fn rev_path_is_read_from_git_and_markdown_fits_a_pull_request() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    write_file(dir.path(), "goals.toml", &example());
    git(&["add", "goals.toml"]);
    git(&["commit", "-q", "-m", "goals"]);
    write_file(dir.path(), "goals.toml", &raised());
    let out = succeed(goals_in(dir.path()).args([
        "diff",
        "HEAD:goals.toml",
        "goals.toml",
        "--format",
        "markdown",
    ]));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("### Goal changes: `HEAD:goals.toml` → `goals.toml` (by month)"),
        "{md}"
    );
    assert!(
        md.contains("| `goals.new-customers.targets[0].target` | `100` | `110` | 274 |"),
        "{md}"
    );
    assert!(
        md.contains("| 2027-01 | **team** | 100 | 110 | +10 |"),
        "{md}"
    );

    let out = goals_in(dir.path())
        .args(["diff", "HEAD~3:goals.toml", "goals.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("cannot read HEAD~3:goals.toml from git"),
        "{stderr}"
    );
}

#[test]
fn a_new_file_with_errors_is_refused_with_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    write_file(
        dir.path(),
        "new.toml",
        &example().replacen("target = 100", "target = -5", 1),
    );
    let out = goals_in(dir.path())
        .args(["diff", "old.toml", "new.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("target-not-positive"), "{stderr}");
    let out = goals_in(dir.path())
        .args(["diff", "old.toml", "old.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("No change to any goal")
    );
}

#[test]
fn money_moves_by_the_cent_and_levels_keep_two_decimals() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    let new = example()
        .replacen("  target = 1800000\n", "  target = \"1800000.01\"\n", 1)
        .replacen("  target = 8 ", "  target = 7 ", 1);
    write_file(dir.path(), "new.toml", &new);
    let out = goals_in(dir.path())
        .args(["diff", "old.toml", "new.toml", "--by", "quarter"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("field-revenue · revenue: total 1,800,000.00 → 1,800,000.01 (+0.01)"),
        "{table}"
    );
    assert!(
        table.contains("data-entry · data_entry_hours: total 8.00 → 7.00 (-1.00)"),
        "{table}"
    );
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "over 80 columns: {line}");
    }
    let (doc, _) = diff_json(dir.path(), &["old.toml", "new.toml", "--by", "quarter"]);
    let revenue = &doc["changes"][0];
    assert_eq!(revenue["goal"], "field-revenue");
    assert_eq!(revenue["total"]["delta"].to_string(), "0.01");
    assert_eq!(
        revenue["periods"].as_array().unwrap().len(),
        1,
        "one cent lands in one quarter"
    );
}

#[test]
fn the_table_lists_each_period_with_its_reps_indented_and_their_totals() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "old.toml", &example());
    write_file(dir.path(), "new.toml", &raised());
    let out = goals_in(dir.path())
        .args(["diff", "old.toml", "new.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with("period, reps"))
        .unwrap_or_else(|| panic!("{table}"));
    assert_eq!(
        lines[head + 1].split_whitespace().collect::<Vec<_>>(),
        ["2027-01", "100", "110", "+10"]
    );
    assert!(lines[head + 2].starts_with("  giulia "), "{table}");
    assert!(table.contains("\nrep total "), "{table}");
    let giulia = lines
        .iter()
        .find(|l| l.starts_with("giulia "))
        .unwrap_or_else(|| panic!("{table}"));
    assert_eq!(
        giulia.split_whitespace().collect::<Vec<_>>(),
        ["giulia", "300", "330", "+30"]
    );
}
