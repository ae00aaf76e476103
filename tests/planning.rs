//! Territory weights and over-assignment end to end: `weight` on a rep, `over_assign` on the
//! plan, a team or a target, and what `plan`, `check` and `track` make of them.

use assert_cmd::Command;
use serde_json::Value;

const WEIGHTS: &str = "tests/fixtures/planning/weights.toml";

fn goals() -> Command {
    let mut cmd = Command::cargo_bin("goals").expect("the goals binary is built");
    cmd.arg("--as-of").arg("2026-12-01").env("COLUMNS", "80");
    cmd
}

fn run_json(args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = goals();
    cmd.args(args).args(["--format", "json"]);
    if let Some(text) = stdin {
        cmd.write_stdin(text.to_string());
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rep_quotas(period: &Value) -> Vec<(String, i64)> {
    period["reps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rep"].as_str().unwrap().to_string(),
                r["quota"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn weights_share_a_team_target_by_territory() {
    let doc = run_json(&["plan", WEIGHTS], None);
    let t = &doc["targets"][0];
    assert_eq!(t["total"], 3600);
    for p in t["periods"].as_array().unwrap() {
        assert_eq!(p["quota"], 300);
        assert_eq!(
            rep_quotas(p),
            [
                ("north".into(), 120),
                ("centre".into(), 100),
                ("south".into(), 80)
            ],
            "{}",
            p["label"]
        );
    }
}

#[test]
fn a_weighted_share_above_capacity_is_still_reported() {
    // 120 a month for north is above a capacity of 110; the others are below it.
    let text = std::fs::read_to_string(WEIGHTS).unwrap().replace(
        "source = \"CRM: meetings held\"",
        "source = \"CRM\"\ncapacity = 110",
    );
    let doc = run_json(&["check", "-"], Some(&text));
    let found: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "quota-above-capacity")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("rep `north` must deliver 120"),
        "{}",
        found[0]
    );
}

#[test]
fn a_weight_must_be_above_zero() {
    let text = std::fs::read_to_string(WEIGHTS)
        .unwrap()
        .replace("weight = 0.8", "weight = 0");
    let out = goals()
        .args(["check", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "invalid-value");
    assert!(
        d["message"].as_str().unwrap().contains("`weight` is 0"),
        "{d}"
    );
}
