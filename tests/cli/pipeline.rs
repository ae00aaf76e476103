//! `goals track --pipeline` run as a user would (SPEC §13): the section's example (4,800,000
//! open against 1,600,000 remaining is 3.0x; a 22% win rate needs 4.5455x, so it is short) in
//! every format, stage tables with a missing stage, and the example organisation's export.

use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{decimal, json_decimal, run};

fn track(pipeline: &str, format: &str) -> std::process::Output {
    run(&[
        "--as-of",
        "2027-06-30",
        "track",
        "tests/pipeline/coverage.toml",
        "--actuals",
        "tests/pipeline/won.csv",
        "--pipeline",
        pipeline,
        "--format",
        format,
    ])
}

fn text(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_specifications_example_is_short_at_a_22_percent_win_rate() {
    let out = track("tests/pipeline/open.csv", "json");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let raw = text(&out);
    assert!(
        raw.contains("\"coverage\": 3.0000,"),
        "ratios have four decimals"
    );
    assert!(
        raw.contains("\"pipeline\": 4800000.00,"),
        "money has the currency's decimals"
    );
    let doc: Value = serde_json::from_str(&raw).unwrap();
    let t = &doc["targets"][0];
    // 1,000,000 at 40% + 1,400,000 at 0.5 (Ada) + 2,400,000 at 25% (Bo); the May deal is
    // overdue and the 2028 one closes after the target: neither counts.
    assert_eq!(json_decimal(&t["actual_to_date"]), decimal("2400000.00"));
    assert_eq!(json_decimal(&t["pipeline"]), decimal("4800000.00"));
    assert_eq!(json_decimal(&t["weighted"]), decimal("1700000.00"));
    assert_eq!(json_decimal(&t["coverage"]), decimal("3.0000"));
    assert_eq!(json_decimal(&t["required_coverage"]), decimal("4.5455"));
    assert_eq!(t["pipeline_short"], true);
    assert_eq!(json_decimal(&t["forecast_weighted"]), decimal("4100000.00"));
    let ada = &t["reps"][0];
    assert_eq!(json_decimal(&ada["pipeline"]), decimal("2400000.00"));
    assert_eq!(json_decimal(&ada["weighted"]), decimal("1100000.00"));
    assert_eq!(json_decimal(&ada["coverage"]), decimal("3.0000"));
    let source = doc["sources"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(source["file"], "tests/pipeline/open.csv");
    assert_eq!(source["rows"], 5);
    assert_eq!(
        source["outside_plan"], 1,
        "the deal due before the as-of date"
    );
}

#[test]
fn every_format_shows_the_coverage() {
    let table = text(&track("tests/pipeline/open.csv", "table"));
    let section = &table[table.find("Pipeline coverage").expect("a coverage section")..];
    let team = section
        .lines()
        .find(|l| l.trim_start().starts_with("team"))
        .unwrap();
    let cells: Vec<&str> = team.split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "team",
            "4,800,000",
            "1,700,000",
            "3.00x",
            "4.55x",
            "short",
            "4,100,000"
        ]
    );
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let markdown = text(&track("tests/pipeline/open.csv", "markdown"));
    assert!(markdown.contains("## Pipeline coverage"));
    assert!(
        markdown.contains("| team | 4,800,000 | 1,700,000 | 3.00x | 4.55x | short | 4,100,000 |")
    );
    let csv = text(&track("tests/pipeline/open.csv", "csv"));
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(
        &header[header.len() - 6..],
        [
            "pipeline",
            "weighted",
            "coverage",
            "required_coverage",
            "pipeline_short",
            "forecast_weighted"
        ]
    );
    let team_row = csv
        .lines()
        .find(|l| l.starts_with("revenue,revenue,money,team:field,*,"))
        .unwrap();
    assert!(
        team_row.ends_with(",4800000.00,1700000.00,3.0000,4.5455,true,4100000.00"),
        "{team_row}"
    );
}

#[test]
fn without_a_pipeline_the_formats_keep_their_shape() {
    let out = run(&[
        "--as-of",
        "2027-06-30",
        "track",
        "tests/pipeline/coverage.toml",
        "--actuals",
        "tests/pipeline/won.csv",
        "--format",
        "csv",
    ]);
    assert!(!text(&out).lines().next().unwrap().contains("pipeline"));
    let json = run(&[
        "--as-of",
        "2027-06-30",
        "track",
        "tests/pipeline/coverage.toml",
        "--actuals",
        "tests/pipeline/won.csv",
        "--format",
        "json",
    ]);
    assert!(!text(&json).contains("\"weighted\""));
}

#[test]
fn a_stage_missing_from_the_table_is_a_bad_row() {
    let out = track("tests/pipeline/stages.csv", "json");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tests/pipeline/stages.csv:3: column `Stage`: unknown stage: `Discovery` is not in the mapping's `stages` (Proposal, Negotiation)"),
        "{err}"
    );
    let doc: Value = serde_json::from_str(&text(&out)).unwrap();
    // 100,000 at 40% (Ada) and 10,000 at 70% (Bo, `negotiation` in any case).
    assert_eq!(
        json_decimal(&doc["targets"][0]["pipeline"]),
        decimal("110000.00")
    );
    assert_eq!(
        json_decimal(&doc["targets"][0]["weighted"]),
        decimal("47000.00")
    );
    let allowed = run(&[
        "--as-of",
        "2027-06-30",
        "track",
        "tests/pipeline/coverage.toml",
        "--pipeline",
        "tests/pipeline/stages.csv",
        "--allow-bad-rows",
    ]);
    assert_eq!(allowed.status.code(), Some(0));
}

#[test]
fn a_pipeline_export_no_mapping_fits_is_refused() {
    let out = track("tests/pipeline/won.csv", "json");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tests/pipeline/won.csv: no [[pipeline]] mapping of the goal file fits its columns (date, rep, metric, value)"), "{err}");
}

#[test]
fn replan_refuses_a_pipeline() {
    let out = run(&[
        "replan",
        "goals.example.toml",
        "--pipeline",
        "examples/exports/pipeline.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--pipeline is for `goals track` and `goals report`")
    );
}

#[test]
fn the_example_organisations_pipeline_is_read_as_exported() {
    let out = run(&[
        "--as-of",
        "2027-06-30",
        "track",
        "goals.example.toml",
        "--actuals",
        "examples/actuals.csv",
        "--pipeline",
        "examples/exports/pipeline.csv",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_str(&text(&out)).unwrap();
    let targets = doc["targets"].as_array().unwrap();
    let revenue = targets
        .iter()
        .find(|t| t["goal"] == "field-revenue")
        .unwrap();
    let sum: Decimal = revenue["reps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json_decimal(&r["pipeline"]))
        .sum();
    assert_eq!(json_decimal(&revenue["pipeline"]), sum);
    assert!(
        revenue["required_coverage"].is_null(),
        "the example sets no win rate"
    );
    assert!(
        targets
            .iter()
            .filter(|t| t["goal"] != "field-revenue")
            .all(|t| t.get("pipeline").is_none())
    );
}

#[test]
fn win_rate_and_stages_are_checked_in_the_goal_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("tests/pipeline/coverage.toml").unwrap();
    let bad = base
        .replace("win_rate = \"22%\"", "win_rate = 1.5")
        .replace("Negotiation = \"70%\"", "Negotiation = 7");
    let path = dir.path().join("goals.toml");
    std::fs::write(&path, bad).unwrap();
    let out = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&text(&out)).unwrap();
    let messages: Vec<String> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("`win_rate` is 1.5")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`stages.Negotiation` is 7, not a probability")),
        "{messages:?}"
    );
}

#[test]
fn a_deal_owned_by_nobody_in_the_file_is_a_bad_row_that_names_the_fix() {
    // A CRM export with Windows line ends, as Salesforce writes it, and one owner the goal
    // file does not know.
    let (_dir, path) = super::common::temp_file(
        "open.csv",
        "Close Date,Deal Owner,Amount,Probability (%)\r\n\
         2027-07-15,Ada Rossi,1000000.00,40%\r\n\
         2027-08-01,Carla Neri,500000.00,50%\r\n",
    );
    let out = track(path.to_str().unwrap(), "json");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":3: column `Deal Owner`: unknown rep: `Carla Neri` is not the id, name or alias of a rep; add it to that rep's `aliases`"),
        "{err}"
    );
    let doc: Value = serde_json::from_str(&text(&out)).unwrap();
    assert_eq!(
        json_decimal(&doc["targets"][0]["pipeline"]),
        decimal("1000000.00")
    );
}
