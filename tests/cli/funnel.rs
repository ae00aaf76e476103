//! CLI tests of `goals funnel`, `goals survey` and `goals check --feedback`: the guide's
//! cold-call example, whole units that add up, exact hours, the survey round trip, and a
//! located finding for every bad input.

use super::common::{goals_on_stdin, temp_file};

/// Two reps, each asked for 22 answered calls a month (+10% of 20) through a 10% funnel.
const GUIDE: &str = r#"
[plan]
name = "Guide"
start = 2027-01-01
end = 2027-12-31

[[teams]]
id = "inside"

[[reps]]
id = "giulia"
name = "Giulia Rossi"
team = "inside"
hours_per_week = 40
selling_share = 0.6

[[reps]]
id = "marco"
team = "inside"
hours_per_week = 40
selling_share = 0.6

[metrics.answered_calls]
kind = "count"
source = "phone system"

[[funnels]]
id = "cold-calls"
stages = [{ activity = "calls", rate = 0.10, minutes = 6 }, { activity = "answered_calls" }]

[[goals]]
id = "answered-calls"
title = "Raise answered cold calls by 10%"
family = "skills"
owner = "team:inside"
review = "monthly"
steps = ["Call in the morning"]

  [[goals.targets]]
  metric = "answered_calls"
  target = "+10%"
  baseline = 20
  per = "month"
  each = "rep"
  funnel = "cold-calls"
"#;

fn stdout(args: &[&str], stdin: &str) -> String {
    String::from_utf8(
        goals_on_stdin(args, stdin)
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap()
}

fn json(stdin: &str) -> serde_json::Value {
    serde_json::from_str(&stdout(&["funnel", "-", "--format", "json"], stdin)).unwrap()
}

#[test]
fn the_guides_example_needs_220_calls_and_22_hours() {
    let doc = json(GUIDE);
    assert_eq!(doc["version"], 1);
    let calls = &doc["targets"][0]["stages"][0];
    assert_eq!(calls["activity"], "calls");
    assert_eq!(calls["baseline"]["baseline"], 200);
    assert_eq!(calls["baseline"]["required"], 220);
    assert_eq!(calls["baseline"]["change"], 20);
    let january = &calls["periods"][0];
    assert_eq!(january["reps"][0]["quota"], 220);
    assert_eq!(january["reps"][0]["hours"], 22);
    assert_eq!(doc["capacity"][0]["periods"][0]["needed"], 22);
    assert_eq!(doc["capacity"][0]["periods"][0]["fits"], true);
    let table = stdout(&["funnel", "-"], GUIDE);
    assert!(table.contains("+20"), "{table}");
}

#[test]
fn activities_are_whole_units_that_add_up() {
    let doc = json(
        &GUIDE
            .replace("baseline = 20", "baseline = 7")
            .replace("per = \"month\"\n  each = \"rep\"", "each = \"team\""),
    );
    for stage in doc["targets"][0]["stages"].as_array().unwrap() {
        let periods = stage["periods"].as_array().unwrap();
        let sum: i64 = periods.iter().map(|p| p["quota"].as_i64().unwrap()).sum();
        assert_eq!(sum, stage["total"].as_i64().unwrap());
        for p in periods {
            let reps: i64 = p["reps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["quota"].as_i64().unwrap())
                .sum();
            assert_eq!(reps, p["quota"].as_i64().unwrap());
        }
    }
    assert_eq!(doc["targets"][0]["stages"][0]["total"], 77);
}

#[test]
fn hours_are_minutes_times_units_exactly() {
    let doc = json(&GUIDE.replace("minutes = 6", "minutes = 7"));
    let january = &doc["targets"][0]["stages"][0]["periods"][0]["reps"][0];
    assert_eq!(january["quota"], 220);
    assert_eq!(january["hours"].to_string(), "25.6667");
}

#[test]
fn too_many_hours_is_a_warning_naming_rep_month_and_hours() {
    let heavy = GUIDE.replace("minutes = 6", "minutes = 60");
    let out = goals_on_stdin(&["check", "-", "--format", "json"], &heavy)
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let found = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "funnel-hours-exceed-capacity")
        .expect("a funnel warning");
    let message = found["message"].as_str().unwrap();
    assert!(
        message.contains("giulia")
            && message.contains("2027-01")
            && message.contains("220")
            && message.contains("100.8"),
        "{message}"
    );
    assert!(found["line"].as_u64().is_some());
}

#[test]
fn every_format_parses() {
    let csv = stdout(&["funnel", "-", "--format", "csv"], GUIDE);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(reader.records().all(|r| r.is_ok()));
    assert!(stdout(&["funnel", "-", "--format", "markdown"], GUIDE).starts_with("# Guide: funnel"));
    assert!(stdout(&["funnel", "-", "--by", "week"], GUIDE).contains("2027-W01"));
}

#[test]
fn a_bad_funnel_is_a_located_error() {
    let bad = GUIDE.replace("rate = 0.10", "rate = 0");
    let assert = goals_on_stdin(&["funnel", "-"], &bad).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("funnel-rate-out-of-range") && err.contains("<stdin>:"),
        "{err}"
    );
}

#[test]
fn the_survey_round_trip_reports_low_confidence() {
    let form = stdout(&["survey", "-"], GUIDE);
    let mut lines = form.lines();
    assert_eq!(
        lines.next(),
        Some("goal,goal_title,rep,rep_name,confidence,capable,needs_training,challenges")
    );
    let filled: Vec<String> = std::iter::once(form.lines().next().unwrap().to_string())
        .chain(lines.map(|l| {
            if l.contains(",giulia,") {
                l.replacen(",,,,", ",2,yes,no,\"Too few leads, honestly\"", 1)
            } else {
                l.to_string()
            }
        }))
        .collect();
    let (_dir, path) = temp_file("round_trip.csv", &(filled.join("\n") + "\n"));
    let path = path.display().to_string();
    let assert = goals_on_stdin(
        &["check", "-", "--feedback", &path, "--deny-warnings"],
        GUIDE,
    )
    .code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("low-team-confidence") && err.contains("Too few leads, honestly"),
        "{err}"
    );
    assert!(err.contains("1 answer read, 1 not filled in"), "{err}");
    assert!(err.contains("\n1 file, 1 survey, 1 goal: "), "{err}");
    // The headline stays short; the doubts are a note of their own.
    let headline = err
        .lines()
        .find(|l| l.starts_with("warning[low-team-confidence]"))
        .unwrap();
    assert!(!headline.contains("Too few leads"), "{err}");
    assert!(
        err.contains("= note: doubts voiced: giulia: Too few leads, honestly"),
        "{err}"
    );
    // Machine formats keep the whole message on one line, as scripts read it.
    let json = goals_on_stdin(
        &["check", "-", "--feedback", &path, "--format", "json"],
        GUIDE,
    );
    let json = String::from_utf8(json.get_output().stdout.clone()).unwrap();
    assert!(
        json.contains("is 2 of 5; doubts voiced: giulia: Too few leads, honestly\""),
        "{json}"
    );
}

#[test]
fn every_bad_survey_row_is_located() {
    let text = "goal,goal_title,rep,rep_name,confidence,capable,needs_training,challenges\n\
                answered-calls,,nobody,,3,yes,no,\n\
                answered-calls,,giulia,,9,yes,no,\n\
                answered-calls,,marco,,3,maybe,no,\n";
    let (_dir, path) = temp_file("bad_rows.csv", text);
    let path = path.display().to_string();
    let out = goals_on_stdin(
        &["check", "-", "--feedback", &path, "--format", "json"],
        GUIDE,
    )
    .code(1)
    .get_output()
    .stdout
    .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let found: Vec<(String, u64, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"].as_str().unwrap().ends_with("bad_rows.csv"))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("unknown-reference".into(), 2, 17),
            ("invalid-value".into(), 3, 25),
            ("invalid-value".into(), 4, 26)
        ]
    );
}

#[test]
fn feedback_with_two_goal_files_is_a_usage_error() {
    goals_on_stdin(&["check", "a.toml", "b.toml", "--feedback", "s.csv"], "").code(2);
}

#[test]
fn negative_minutes_are_a_located_error() {
    let bad = GUIDE.replace("minutes = 6", "minutes = -6");
    let err = String::from_utf8(
        goals_on_stdin(&["funnel", "-"], &bad)
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        err.contains("invalid-value") && err.contains("negative `minutes`"),
        "{err}"
    );
}
