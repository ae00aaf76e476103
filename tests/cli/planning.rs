//! Territory weights and over-assignment end to end: `weight` on a rep, `over_assign` on the
//! plan, a team or a target, and what `plan`, `check` and `track` make of them.

use std::fmt::Write as _;

use serde_json::Value;

use super::common::{AS_OF, decimal, goals_as_of, json_decimal, json_of, succeed};

const WEIGHTS: &str = "tests/fixtures/planning/weights.toml";

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
    let doc = json_of(AS_OF, &["plan", WEIGHTS], None);
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
    let doc = json_of(AS_OF, &["check", "-"], Some(&text));
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
    let out = goals_as_of(AS_OF)
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

const STREET: &str = "tests/fixtures/planning/street.toml";

#[test]
fn fifteen_million_over_twenty_reps_at_one_fifteen_is_862_500_each() {
    let doc = json_of(AS_OF, &["plan", STREET, "--by", "quarter"], None);
    let t = &doc["targets"][0];
    assert_eq!(json_decimal(&t["total"]), decimal("15000000.00"));
    assert_eq!(json_decimal(&t["street_total"]), decimal("17250000.00"));
    let reps = t["reps"].as_array().unwrap();
    assert_eq!(reps.len(), 20);
    for r in reps {
        assert_eq!(
            json_decimal(&r["quota"]),
            decimal("862500.00"),
            "{}",
            r["rep"]
        );
    }
}

#[test]
fn rep_quotas_add_up_to_the_street_quota_in_every_period() {
    let text = std::fs::read_to_string(STREET)
        .unwrap()
        .replace("over_assign = 1.15", "over_assign = 1.13");
    for by in ["month", "week", "day"] {
        let doc = json_of(AS_OF, &["plan", "-", "--by", by], Some(&text));
        let t = &doc["targets"][0];
        let mut street_sum = rust_decimal::Decimal::ZERO;
        let mut team_sum = rust_decimal::Decimal::ZERO;
        for p in t["periods"].as_array().unwrap() {
            let street = json_decimal(&p["street_quota"]);
            let reps: rust_decimal::Decimal = p["reps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json_decimal(&r["quota"]))
                .sum();
            assert_eq!(reps, street, "{by} {}", p["label"]);
            street_sum += street;
            team_sum += json_decimal(&p["quota"]);
        }
        assert_eq!(street_sum, decimal("16950000"), "{by}");
        assert_eq!(team_sum, decimal("15000000"), "{by}");
        assert_eq!(json_decimal(&t["street_total"]), street_sum);
    }
}

#[test]
fn targets_without_over_assignment_carry_no_street_fields() {
    let doc = json_of(AS_OF, &["plan", WEIGHTS], None);
    let t = &doc["targets"][0];
    assert!(t.get("street_total").is_none(), "{t}");
    assert!(t["periods"][0].get("street_quota").is_none());
    let csv = goals_as_of(AS_OF)
        .args(["plan", WEIGHTS, "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.lines().nth(1).unwrap().ends_with("*,300,300.0,"),
        "{text}"
    );
}

#[test]
fn the_most_specific_factor_wins() {
    let base = std::fs::read_to_string(STREET).unwrap();
    let on_team = base.replace(
        "id = \"enterprise\"\n\n",
        "id = \"enterprise\"\nover_assign = 1.2\n\n",
    );
    let doc = json_of(AS_OF, &["plan", "-"], Some(&on_team));
    assert_eq!(
        json_decimal(&doc["targets"][0]["street_total"]),
        decimal("18000000.00")
    );
    let on_target = on_team.replace(
        "target = 15000000",
        "target = 15000000\n  over_assign = 1.1",
    );
    let doc = json_of(AS_OF, &["plan", "-"], Some(&on_target));
    assert_eq!(
        json_decimal(&doc["targets"][0]["street_total"]),
        decimal("16500000.00")
    );
}

#[test]
fn tables_show_target_street_quota_and_cushion() {
    let out = goals_as_of(AS_OF)
        .args(["plan", STREET, "--by", "quarter"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("reps over-assigned ×1.15"), "{text}");
    assert!(
        text.contains("total    15,000,000.00  17,250,000.00  2,250,000.00  862,500.00"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    let md = goals_as_of(AS_OF)
        .args(["plan", STREET, "--by", "quarter", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| period | target | street | cushion | rep01 |"),
        "{md}"
    );
    assert!(
        md.contains("| 2027-Q1 | 3,750,000.00 | 4,312,500.00 | 562,500.00 | 215,625.00 |"),
        "{md}"
    );
    let csv = goals_as_of(AS_OF)
        .args(["plan", STREET, "--by", "quarter", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.contains("2027-Q1,2027-01-01,2027-03-31,*,3750000.00,3750000.0,4312500.00\n"),
        "{csv}"
    );
}

fn check_codes(text: &str) -> (i32, Vec<(String, String)>) {
    let out = goals_as_of(AS_OF)
        .args(["check", "-", "--format", "json"])
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap(), codes)
}

#[test]
fn factors_above_one_and_a_half_warn_and_below_one_are_errors() {
    let base = std::fs::read_to_string(STREET).unwrap();
    let (code, found) = check_codes(&base.replace("over_assign = 1.15", "over_assign = 1.6"));
    assert_eq!(code, 0);
    assert!(
        found.iter().any(|(c, m)| c == "over-assignment-too-high"
            && m.contains("`over_assign = 1.6` on the plan sets rep quotas 60% above")),
        "{found:?}"
    );
    let (code, found) = check_codes(&base.replace("over_assign = 1.15", "over_assign = 0.9"));
    assert_eq!(code, 1);
    assert!(
        found
            .iter()
            .any(|(c, m)| c == "invalid-value" && m.contains("`over_assign` is 0.9")),
        "{found:?}"
    );
}

#[test]
fn over_assign_on_an_each_rep_target_is_an_error() {
    let base = std::fs::read_to_string(STREET).unwrap();
    let each = base.replace(
        "target = 15000000",
        "target = 750000\n  each = \"rep\"\n  over_assign = 1.1",
    );
    let (code, found) = check_codes(&each);
    assert_eq!(code, 1);
    assert!(
        found.iter().any(|(c, _)| c == "over-assignment-not-shared"),
        "{found:?}"
    );
    // The plan's factor does not apply to an each-rep target: no street plan.
    let plan_level = base.replace("target = 15000000", "target = 750000\n  each = \"rep\"");
    let doc = json_of(AS_OF, &["plan", "-"], Some(&plan_level));
    assert!(doc["targets"][0].get("street_total").is_none());
    assert_eq!(
        json_decimal(&doc["targets"][0]["total"]),
        decimal("15000000.00")
    );
}

#[test]
fn track_measures_the_team_against_the_target_and_reps_against_their_quota() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let csv = dir.join("won.csv");
    let mut rows = String::from("date,rep,metric,value\n");
    for i in 1..=20 {
        writeln!(rows, "2027-03-15,rep{i:02},revenue,431250.00").unwrap();
    }
    std::fs::write(&csv, rows).unwrap();
    let out = succeed(
        goals_as_of("2027-06-30")
            .args(["track", STREET, "--format", "json"])
            .arg("--actuals")
            .arg(&csv),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &doc["targets"][0];
    assert_eq!(json_decimal(&t["plan_to_date"]), decimal("7500000.0"));
    assert_eq!(json_decimal(&t["actual_to_date"]), decimal("8625000.0"));
    assert_eq!(t["status"], "ahead");
    let rep = &t["reps"][0];
    assert_eq!(json_decimal(&rep["plan_to_date"]), decimal("431250.0"));
    assert_eq!(rep["status"], "on_track");
}

#[test]
fn replan_keeps_the_cushion_on_what_remains() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let csv = dir.join("won.csv");
    let mut rows = String::from("date,rep,metric,value\n");
    for i in 1..=20 {
        writeln!(rows, "2027-03-15,rep{i:02},revenue,431250.00").unwrap();
    }
    std::fs::write(&csv, rows).unwrap();
    let out = succeed(
        goals_as_of("2027-06-30")
            .args(["replan", STREET, "--by", "quarter"])
            .args(["--format", "json", "--actuals"])
            .arg(&csv),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &doc["targets"][0];
    assert_eq!(json_decimal(&t["total"]), decimal("15000000"));
    assert_eq!(json_decimal(&t["street_total"]), decimal("17250000"));
    let q3 = &t["periods"][2];
    assert_eq!(json_decimal(&q3["quota"]), decimal("3187500"));
    assert_eq!(json_decimal(&q3["street_quota"]), decimal("4312500"));
    let reps: rust_decimal::Decimal = q3["reps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json_decimal(&r["quota"]))
        .sum();
    assert_eq!(reps, decimal("4312500"));
}

#[test]
fn a_target_level_factor_is_checked_where_it_is_written() {
    let base = std::fs::read_to_string(STREET)
        .unwrap()
        .replace("over_assign = 1.15\n", "");
    let high = base.replace(
        "target = 15000000",
        "target = 15000000\n  over_assign = 1.75",
    );
    let (code, found) = check_codes(&high);
    assert_eq!(code, 0);
    assert!(
        found.iter().any(|(c, m)| c == "over-assignment-too-high"
            && m.contains("on this target of goal `revenue` sets rep quotas 75% above")),
        "{found:?}"
    );
    let rate = base.replace(
        "[metrics.revenue]",
        "[metrics.win_rate]\nkind = \"rate\"\nsource = \"CRM\"\n\n[metrics.revenue]",
    ) + "\n  [[goals.targets]]\n  metric = \"win_rate\"\n  target = 30\n  over_assign = 1.1\n";
    let (code, found) = check_codes(&rate);
    assert_eq!(code, 1);
    assert!(
        found
            .iter()
            .any(|(c, m)| c == "over-assignment-not-shared" && m.contains("a rate or level")),
        "{found:?}"
    );
    // Without any factor the plan has no street plan at all.
    let doc = json_of(AS_OF, &["plan", "-"], Some(&base));
    assert!(doc["targets"][0].get("street_total").is_none());
}
