//! `--goal`, `--team` and `--rep` on `plan`, `track` and `replan`, through the binary: a rep
//! is found by id, name or alias, priorities keep their unfiltered numbers, the leaderboard
//! keeps its ranks, and an unknown id is a usage error (exit 2) naming the closest one.

use serde_json::Value;

use super::common::{goals_as_of, json_of, stdout_of};

/// The date the example is tracked at, halfway through its plan.
const AS_OF_TRACK: &str = "2027-06-30";
const FILE: &str = "goals.example.toml";
const ACTUALS: &str = "examples/actuals.csv";
const FIELD: [&str; 3] = ["alessandro", "francesca", "davide"];

fn goals(args: &[&str]) -> std::process::Output {
    goals_as_of(AS_OF_TRACK).args(args).output().unwrap()
}

fn stdout(args: &[&str]) -> String {
    stdout_of(goals_as_of(AS_OF_TRACK).args(args))
}

/// Each target as (goal, metric, priority).
fn priorities(doc: &Value) -> Vec<(String, String, u64)> {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["goal"].as_str().unwrap().to_string(),
                t["metric"].as_str().unwrap().to_string(),
                t["priority"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn reps_of(target: &Value) -> Vec<&str> {
    target["reps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rep"].as_str().unwrap())
        .collect()
}

/// The `#N goal` headings of a table, in order.
fn headings(table: &str) -> Vec<&str> {
    table
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.split(':').next().unwrap())
        .collect()
}

#[test]
fn a_rep_is_found_by_id_name_or_alias() {
    let by_id = stdout(&["plan", FILE, "--rep", "giulia"]);
    for spelling in ["Giulia Rossi", "g.rossi@acme.it", " GIULIA ROSSI "] {
        assert_eq!(
            stdout(&["plan", FILE, "--rep", spelling]),
            by_id,
            "{spelling}"
        );
    }
    let track_id = json_of(
        AS_OF_TRACK,
        &["track", FILE, "--actuals", ACTUALS, "--rep", "marco"],
        None,
    );
    let track_name = json_of(
        AS_OF_TRACK,
        &[
            "track",
            FILE,
            "--actuals",
            ACTUALS,
            "--rep",
            "Marco Bianchi",
        ],
        None,
    );
    assert_eq!(track_id, track_name);
    let replan_alias = json_of(
        AS_OF_TRACK,
        &[
            "replan",
            FILE,
            "--actuals",
            ACTUALS,
            "--rep",
            "m.bianchi@acme.it",
        ],
        None,
    );
    for t in replan_alias["targets"].as_array().unwrap() {
        assert_eq!(reps_of(t), vec!["marco"], "{}", t["goal"]);
    }
}

#[test]
fn filtering_never_renumbers_priorities() {
    let all = priorities(&json_of(AS_OF_TRACK, &["plan", FILE], None));
    let field = priorities(&json_of(
        AS_OF_TRACK,
        &["plan", FILE, "--team", "field"],
        None,
    ));
    assert!(field.len() < all.len(), "the team filter drops targets");
    for kept in &field {
        assert!(
            all.contains(kept),
            "{kept:?} renumbered; unfiltered: {all:?}"
        );
    }
    let one = priorities(&json_of(
        AS_OF_TRACK,
        &["plan", FILE, "--goal", "data-entry"],
        None,
    ));
    assert_eq!(
        one,
        vec![("data-entry".into(), "data_entry_hours".into(), 7)]
    );
    let table = stdout(&[
        "plan",
        FILE,
        "--goal",
        "data-entry",
        "--goal",
        "time-to-close",
    ]);
    assert_eq!(headings(&table), vec!["#6 time-to-close", "#7 data-entry"]);
    let replanned = priorities(&json_of(
        AS_OF_TRACK,
        &[
            "replan",
            FILE,
            "--actuals",
            ACTUALS,
            "--goal",
            "field-revenue",
        ],
        None,
    ));
    let unfiltered = priorities(&json_of(
        AS_OF_TRACK,
        &["replan", FILE, "--actuals", ACTUALS],
        None,
    ));
    assert_eq!(replanned.len(), 1);
    assert!(unfiltered.contains(&replanned[0]), "{replanned:?}");
    let table = stdout(&[
        "replan",
        FILE,
        "--actuals",
        ACTUALS,
        "--goal",
        "field-revenue",
    ]);
    assert_eq!(headings(&table), vec!["#3 field-revenue"]);
}

#[test]
fn track_by_team_shows_its_reps_with_their_unfiltered_ranks() {
    let all = json_of(AS_OF_TRACK, &["track", FILE, "--actuals", ACTUALS], None);
    let field = json_of(
        AS_OF_TRACK,
        &["track", FILE, "--actuals", ACTUALS, "--team", "field"],
        None,
    );
    let targets = field["targets"].as_array().unwrap();
    assert!(!targets.is_empty());
    assert!(
        targets.iter().all(|t| t["goal"] != "new-customers"),
        "inside's goal is dropped"
    );
    for t in targets {
        assert!(
            reps_of(t).iter().all(|r| FIELD.contains(r)),
            "{}",
            t["goal"]
        );
        let whole = all["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["goal"] == t["goal"] && u["metric"] == t["metric"])
            .unwrap();
        assert_eq!(
            t["actual_to_date"], whole["actual_to_date"],
            "team figures stay whole"
        );
    }
    let leaders = field["leaderboard"].as_array().unwrap();
    assert!(!leaders.is_empty());
    for leader in leaders {
        assert!(FIELD.contains(&leader["rep"].as_str().unwrap()));
        assert!(
            all["leaderboard"].as_array().unwrap().contains(leader),
            "{leader}"
        );
    }
    for item in field["review"].as_array().unwrap() {
        for behind in item["reps_behind"].as_array().unwrap() {
            assert!(FIELD.contains(&behind["rep"].as_str().unwrap()), "{behind}");
        }
    }
}

#[test]
fn track_by_goal_counts_that_goal_alone() {
    let doc = json_of(
        AS_OF_TRACK,
        &[
            "track",
            FILE,
            "--actuals",
            ACTUALS,
            "--goal",
            "new-customers",
        ],
        None,
    );
    let goals: Vec<&str> = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["goal"].as_str().unwrap())
        .collect();
    assert_eq!(goals, vec!["new-customers"]);
    for leader in doc["leaderboard"].as_array().unwrap() {
        assert_eq!(leader["targets"], 1, "{leader}");
    }
    assert!(
        doc["review"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["goal"] == "new-customers")
    );
}

#[test]
fn an_unknown_filter_is_a_usage_error_naming_the_closest() {
    for (args, expected) in [
        (
            vec!["track", FILE, "--actuals", ACTUALS, "--rep", "Giulia Rosi"],
            "--rep Giulia Rosi: no such rep in the goal file (by id, name or alias); did you mean `Giulia Rossi`?",
        ),
        (
            vec!["replan", FILE, "--actuals", ACTUALS, "--team", "fields"],
            "did you mean `field`?",
        ),
        (
            vec![
                "track",
                FILE,
                "--actuals",
                ACTUALS,
                "--goal",
                "new-customer",
            ],
            "did you mean `new-customers`?",
        ),
        (
            vec!["plan", FILE, "--rep", "marko"],
            "did you mean `marco`?",
        ),
    ] {
        let out = goals(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is rendered");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn a_filtered_rep_keeps_its_own_pipeline_coverage() {
    let args = [
        "track",
        "tests/pipeline/coverage.toml",
        "--actuals",
        "tests/pipeline/won.csv",
        "--pipeline",
        "tests/pipeline/open.csv",
    ];
    let all = json_of(AS_OF_TRACK, &args, None);
    let bo = json_of(
        AS_OF_TRACK,
        &[&args[..], &["--rep", "Bo Bianchi"]].concat(),
        None,
    );
    let whole = &all["targets"][0]["reps"];
    let only = &bo["targets"][0]["reps"];
    assert_eq!(only.as_array().unwrap().len(), 1);
    assert_eq!(only[0]["rep"], "bo");
    assert_eq!(only[0]["weighted"], whole[1]["weighted"]);
    assert_ne!(
        whole[0]["weighted"], whole[1]["weighted"],
        "the fixture tells reps apart"
    );
}
