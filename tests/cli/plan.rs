//! `goals plan` end to end: the guide's numbers, whole units that add up, every format and
//! filter, refusal of a file with errors, and byte-identical output.

use serde_json::Value;

use super::common::{AS_OF, goal_target, goals_as_of, json_of};

const GUIDE: &str = "tests/fixtures/guide.toml";

fn plan_json(args: &[&str]) -> Value {
    json_of(AS_OF, &[&["plan"], args].concat(), None)
}

#[test]
fn a_hundred_a_month_for_four_reps_is_twenty_five_each() {
    let doc = plan_json(&[GUIDE]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["plan"]["end"], "2027-12-31");
    let t = goal_target(&doc, "new-customers");
    assert_eq!(t["total"], 1200);
    let periods = t["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12);
    for p in periods {
        assert_eq!(p["quota"], 100, "{}", p["label"]);
        for r in p["reps"].as_array().unwrap() {
            assert_eq!(r["quota"], 25, "{} {}", p["label"], r["rep"]);
        }
    }
}

#[test]
fn twenty_upsells_a_year_is_one_or_two_a_month() {
    let doc = plan_json(&[GUIDE, "--rep", "r1"]);
    let t = goal_target(&doc, "upsells");
    let months: Vec<i64> = t["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["reps"][0]["quota"].as_i64().unwrap())
        .collect();
    assert!(months.iter().all(|&q| q == 1 || q == 2), "{months:?}");
    assert_eq!(months.iter().sum::<i64>(), 20);
    assert_eq!(t["periods"][0]["reps"][0]["exact"].to_string(), "1.6667");
    assert_eq!(t["reps"][0]["quota"], 20);
}

#[test]
fn a_million_over_twelve_months_adds_up_to_the_cent() {
    let out = goals_as_of(AS_OF)
        .args(["plan", GUIDE, "--format", "json", "--goal", "revenue"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let t = &doc["targets"][0];
    assert!(
        text.contains("\"total\": 1000000.00,"),
        "money keeps its cents: {text}"
    );
    // Sum as decimals (in cents), as the contract promises.
    let cents = |v: &Value| -> i64 {
        let text = v.to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        format!("{int}{frac:0<2}").parse().unwrap()
    };
    let months: i64 = t["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| cents(&p["quota"]))
        .sum();
    assert_eq!(months, 100_000_000);
    for p in t["periods"].as_array().unwrap() {
        let reps: i64 = p["reps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| cents(&r["quota"]))
            .sum();
        assert_eq!(reps, cents(&p["quota"]), "{}", p["label"]);
    }
    assert!(
        text.contains("\"quota\": 83333.33"),
        "money is written exactly"
    );
}

#[test]
fn weeks_and_quarters_add_up_to_the_same_total() {
    for by in ["quarter", "week", "day"] {
        let doc = plan_json(&[GUIDE, "--by", by, "--goal", "new-customers"]);
        let t = &doc["targets"][0];
        let sum: i64 = t["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["quota"].as_i64().unwrap())
            .sum();
        assert_eq!(sum, 1200, "{by}");
    }
    let doc = plan_json(&[GUIDE, "--by", "week", "--goal", "new-customers"]);
    let first = &doc["targets"][0]["periods"][0];
    assert_eq!(
        (
            first["label"].as_str(),
            first["start"].as_str(),
            first["end"].as_str()
        ),
        (Some("2026-W53"), Some("2027-01-01"), Some("2027-01-03"))
    );
}

#[test]
fn levels_move_in_a_straight_line() {
    let doc = plan_json(&[GUIDE, "--goal", "data-entry"]);
    let t = &doc["targets"][0];
    assert_eq!(t["kind"], "level");
    assert_eq!(t["periods"][0]["quota"].to_string(), "14.41");
    // Written `8.00` (levels keep two decimals), read back as a number.
    assert_eq!(t["periods"][11]["quota"].as_f64(), Some(8.0));
    assert_eq!(t["total"].as_f64(), Some(8.0));
}

#[test]
fn csv_has_a_row_per_target_period_and_rep() {
    let out = goals_as_of(AS_OF)
        .args(["plan", GUIDE, "--format", "csv", "--goal", "new-customers"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("priority,goal,metric,kind,owner,period,start,end,rep,quota,exact,street_quota")
    );
    assert_eq!(text.lines().count(), 1 + 12 * 5);
    assert!(
        text.contains(
            "1,new-customers,new_customers,count,team:team,2027-01,2027-01-01,2027-01-31,r1,25,25.0"
        ),
        "{text}"
    );
}

#[test]
fn markdown_and_table_read_well() {
    let out = goals_as_of(AS_OF)
        .args([
            "plan",
            GUIDE,
            "--format",
            "markdown",
            "--goal",
            "new-customers",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| period | quota | r1 | r2 | r3 | r4 |"),
        "{text}"
    );
    assert!(
        text.contains("| 2027-01 | 100 | 25 | 25 | 25 | 25 |"),
        "{text}"
    );
    let out = goals_as_of(AS_OF)
        .args(["plan", "goals.example.toml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "every line fits 80 columns:\n{text}"
    );
    assert!(text.contains("#1 new-customers: Win 100 new customers every month"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn goals_are_listed_by_priority() {
    let out = goals_as_of(AS_OF)
        .args(["plan", "goals.example.toml", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut seen: Vec<String> = Vec::new();
    for line in text.lines().skip(1) {
        let goal = line.split(',').nth(1).unwrap().to_string();
        if seen.last() != Some(&goal) {
            seen.push(goal);
        }
    }
    assert_eq!(seen.first().map(String::as_str), Some("new-customers"));
    let doc = plan_json(&["goals.example.toml"]);
    assert_eq!(
        doc["targets"][0]["goal"], "new-customers",
        "JSON keeps file order"
    );
}

#[test]
fn filters_narrow_the_plan_and_unknown_ids_are_refused() {
    let doc = plan_json(&["goals.example.toml", "--team", "field"]);
    for t in doc["targets"].as_array().unwrap() {
        for r in t["reps"].as_array().unwrap() {
            assert!(
                ["alessandro", "francesca", "davide"].contains(&r["rep"].as_str().unwrap()),
                "{}",
                r["rep"]
            );
        }
    }
    let out = goals_as_of(AS_OF)
        .args(["plan", "goals.example.toml", "--rep", "giula"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `giulia`?")
    );
}

#[test]
fn a_file_with_errors_is_refused() {
    let out = goals_as_of(AS_OF)
        .args(["plan", "examples/broken.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("error[target-not-positive]") && text.contains("the plan was not made"),
        "{text}"
    );
}

#[test]
fn days_nobody_works_are_an_error_and_overloads_a_warning() {
    let text = std::fs::read_to_string(GUIDE).unwrap();
    let late = text
        .replace("id = \"r1\"\n", "id = \"r1\"\nstart = 2027-03-01\n")
        .replace("id = \"r2\"\n", "id = \"r2\"\nstart = 2027-03-01\n");
    let late = late
        .replace("id = \"r3\"\n", "id = \"r3\"\nstart = 2027-03-01\n")
        .replace("id = \"r4\"\n", "id = \"r4\"\nstart = 2027-03-01\n");
    let out = goals_as_of(AS_OF)
        .args(["check", "-", "--format", "json"])
        .write_stdin(late)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "no-rep-active")
        .expect("no-rep-active");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("between 2027-01-04 and 2027-02-26"),
        "{d}"
    );
    let busy = text.replace("capacity = 30", "capacity = 20");
    let out = goals_as_of(AS_OF)
        .args(["check", "-", "--format", "json"])
        .write_stdin(busy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "quota-above-capacity")
        .expect("quota-above-capacity");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("rep `r1` must deliver 25"),
        "{d}"
    );
    assert_eq!(d["severity"], "warning");
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let run = || {
        goals_as_of(AS_OF)
            .args([
                "plan",
                "goals.example.toml",
                "--by",
                "week",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("goals"))
        .args(["plan", "goals.example.toml", "--by", "day"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_per_rep_target_too_small_for_any_rep_is_an_error() {
    let text = std::fs::read_to_string(GUIDE).unwrap();
    let part_time = |file: &str| {
        ["r1", "r2", "r3", "r4"]
            .iter()
            .fold(file.to_owned(), |t, r| {
                t.replace(
                    &format!("id = \"{r}\"\n"),
                    &format!("id = \"{r}\"\nfte = 0.1\n"),
                )
            })
    };
    let codes = |file: String| {
        let out = goals_as_of(AS_OF)
            .args(["check", "-", "--format", "json"])
            .write_stdin(file)
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: Vec<(String, String)> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].to_string(), d["message"].to_string()))
            .collect();
        (out.status.code(), found)
    };
    // 4 upsells a year at fte 0.1 is 0.4 a rep: nothing rounds to a whole upsell.
    let tiny = part_time(&text).replace("target = 20\n  each", "target = 4\n  each");
    let (code, found) = codes(tiny);
    assert_eq!(code, Some(1));
    assert!(
        found
            .iter()
            .any(|(c, m)| c == "\"no-rep-active\"" && m.contains("nothing would be planned")),
        "{found:?}"
    );
    // 5 a year is 0.5 a rep, which rounds up to one each.
    let enough = part_time(&text).replace("target = 20\n  each", "target = 5\n  each");
    let (_, found) = codes(enough);
    assert!(
        !found
            .iter()
            .any(|(_, m)| m.contains("nothing would be planned")),
        "{found:?}"
    );
}
