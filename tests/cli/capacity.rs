//! `goals capacity` end to end: the worked examples of the specification, the hiring plan
//! with its `open_by` dates, what stays uncovered, attrition, filters and every format.

use rust_decimal::Decimal;
use serde_json::Value;

use super::common::{goals_as_of, json_decimal, json_of};

const HIRING: &str = "tests/fixtures/planning/hiring.toml";
const TEN: &str = "tests/fixtures/planning/team_of_ten.toml";

fn capacity_json(as_of: &str, args: &[&str], stdin: Option<&str>) -> Value {
    json_of(as_of, &[&["capacity"], args].concat(), stdin)
}

fn column(target: &Value, key: &str) -> Vec<Decimal> {
    target["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| json_decimal(&m[key]))
        .collect()
}

fn ints(values: &[i64]) -> Vec<Decimal> {
    values.iter().map(|&v| Decimal::from(v)).collect()
}

#[test]
fn a_hire_ramping_from_zero_brings_0_then_12_500_up_to_50_000() {
    let doc = capacity_json("2026-10-01", &[HIRING, "--goal", "smb-revenue"], None);
    assert_eq!(doc["version"], 1);
    let t = &doc["targets"][0];
    assert_eq!(t["team"], "smb");
    let hires = t["hires"].as_array().unwrap();
    assert_eq!(hires.len(), 1, "{t}");
    assert_eq!(hires[0]["start"], "2027-01-01");
    assert_eq!(hires[0]["open_by"], "2026-11-02");
    assert_eq!(json_decimal(&hires[0]["capacity"]), Decimal::from(175_000));
    let brought: Vec<Decimal> = column(t, "capacity_with_hires")
        .iter()
        .zip(column(t, "capacity"))
        .map(|(with, without)| with - without)
        .collect();
    assert_eq!(brought, ints(&[0, 12_500, 25_000, 37_500, 50_000, 50_000]));
    assert_eq!(json_decimal(&t["uncovered"]), Decimal::ZERO);
}

#[test]
fn a_rep_ramping_from_zero_loses_125_000_to_ramp() {
    let doc = capacity_json("2026-10-01", &[HIRING, "--team", "ramping"], None);
    let t = &doc["targets"][0];
    assert_eq!(t["goal"], "ramping-revenue");
    let lost = column(t, "lost_to_ramp");
    assert_eq!(lost, ints(&[50_000, 37_500, 25_000, 12_500, 0, 0]));
    assert_eq!(lost.iter().sum::<Decimal>(), Decimal::from(125_000));
    assert_eq!(
        column(t, "capacity"),
        ints(&[50_000, 62_500, 75_000, 87_500, 100_000, 100_000])
    );
    let gap = column(t, "gap");
    assert_eq!(gap, ints(&[50_000, 37_500, 25_000, 12_500, 0, 0]));
}

#[test]
fn seven_ramped_reps_and_three_at_forty_percent_are_8_2_rre_and_1_045_500() {
    let doc = capacity_json("2027-01-15", &[TEN], None);
    let t = &doc["targets"][0];
    let jan = &t["months"][0];
    assert_eq!(jan["label"], "2027-01");
    assert_eq!(jan["rre"].to_string(), "8.2");
    assert_eq!(json_decimal(&jan["capacity"]), Decimal::from(1_045_500));
    assert_eq!(json_decimal(&jan["target"]), Decimal::from(1_250_000));
    assert_eq!(json_decimal(&jan["gap"]), Decimal::from(204_500));
    // The earliest hire starts once the requisition can be filled: 15 Jan + 45 days.
    assert_eq!(t["hires"][0]["start"], "2027-03-01");
    assert_eq!(t["hires"][0]["open_by"], "2027-01-15");
}

#[test]
fn the_json_has_exactly_the_documented_fields() {
    let doc = capacity_json("2027-01-15", &[TEN], None);
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&doc), ["version", "targets"]);
    let t = &doc["targets"][0];
    assert_eq!(
        keys(t),
        ["goal", "metric", "team", "months", "hires", "uncovered"]
    );
    assert_eq!(
        keys(&t["months"][0]),
        [
            "label",
            "start",
            "end",
            "rre",
            "capacity",
            "capacity_with_hires",
            "target",
            "gap",
            "lost_to_ramp"
        ]
    );
    assert_eq!(keys(&t["hires"][0]), ["start", "open_by", "capacity"]);
    let raw = goals_as_of("2027-01-15")
        .args(["capacity", TEN, "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8(raw.stdout).unwrap();
    assert!(
        text.contains("\"capacity\": 1045500.00,"),
        "money keeps its cents"
    );
    assert!(text.contains("\"rre\": 8.2000,"), "rre has four decimals");
}

#[test]
fn a_target_ending_before_any_hire_can_start_stays_uncovered() {
    // 15 May + 60 days is mid-July: the first allowed month is August, after the target.
    let doc = capacity_json("2027-05-15", &[HIRING, "--goal", "smb-revenue"], None);
    let t = &doc["targets"][0];
    assert!(t["hires"].as_array().unwrap().is_empty());
    assert_eq!(json_decimal(&t["uncovered"]), Decimal::from(175_000));
    let out = goals_as_of("2027-05-15")
        .args(["capacity", HIRING, "--goal", "smb-revenue"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("no hire can start in time: 175,000 stays uncovered"),
        "{text}"
    );
}

#[test]
fn a_late_hire_covers_part_and_the_rest_is_uncovered_only_when_no_more_helps() {
    // From April a hire ramping from zero brings 0 + 12,500 + 25,000 = 37,500 by June: five
    // hires close 175,000.
    let doc = capacity_json("2027-01-20", &[HIRING, "--goal", "smb-revenue"], None);
    let t = &doc["targets"][0];
    let hires = t["hires"].as_array().unwrap();
    assert_eq!(hires.len(), 5);
    assert_eq!(hires[0]["start"], "2027-04-01");
    assert_eq!(hires[0]["open_by"], "2027-01-31");
    assert_eq!(json_decimal(&hires[0]["capacity"]), Decimal::from(37_500));
    assert_eq!(json_decimal(&t["uncovered"]), Decimal::ZERO);
    let total: Decimal = column(t, "capacity_with_hires").iter().sum();
    assert!(total >= Decimal::from(475_000), "{total}");
}

#[test]
fn attrition_takes_a_twelfth_of_its_yearly_share_each_month() {
    let text = std::fs::read_to_string(HIRING).unwrap().replace(
        "time_to_fill_days = 60",
        "time_to_fill_days = 60\nattrition = 0.12",
    );
    let doc = capacity_json("2026-10-01", &["-", "--goal", "smb-revenue"], Some(&text));
    let t = &doc["targets"][0];
    assert_eq!(
        column(t, "capacity"),
        ints(&[50_000, 49_500, 49_000, 48_500, 48_000, 47_500])
    );
    assert_eq!(column(t, "rre")[1], Decimal::ONE, "rre is before attrition");
}

#[test]
fn a_team_whose_only_rep_carries_nothing_in_month_one_is_refused() {
    let text = std::fs::read_to_string(HIRING).unwrap().replace(
        "id = \"ben\"\nteam = \"ramping\"",
        "id = \"ben\"\nteam = \"smb\"",
    );
    let out = goals_as_of("2026-10-01")
        .args(["check", "-", "--format", "json"])
        .write_stdin(text)
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
    assert_eq!(d["goal"], "ramping-revenue");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("between 2027-01-01 and 2027-01-29"),
        "{d}"
    );
}

#[test]
fn every_format_reads_well() {
    let table = goals_as_of("2027-01-15")
        .args(["capacity", TEN])
        .output()
        .unwrap();
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(
        text.contains("2027-01   8.2000   1,045,500   1,250,000  204,500"),
        "{text}"
    );
    assert!(
        text.contains("1 full-time hire starting 2027-03-01: open the requisition by 2027-01-15")
    );
    let csv = goals_as_of("2027-01-15")
        .args(["capacity", TEN, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "goal,metric,team,row,label,start,end,open_by,rre,capacity,capacity_with_hires,target,gap,lost_to_ramp"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "mid-revenue,revenue,mid,month,2027-01,2027-01-01,2027-01-31,,8.2000,1045500.00,1045500.00,1250000.00,204500.00,229500.00"
        )
    );
    assert!(
        csv.contains(
            "mid-revenue,revenue,mid,hire,hire 1,2027-03-01,2027-12-31,2027-01-15,,1275000.00,,,,\n"
        ),
        "{csv}"
    );
    assert!(
        csv.ends_with("mid-revenue,revenue,mid,uncovered,,,,,,,,,0.00,\n"),
        "{csv}"
    );
    let md = goals_as_of("2027-01-15")
        .args(["capacity", TEN, "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| 2027-01 | 8.2000 | 1,045,500 | 1,250,000 | 204,500 | 229,500 | 1,045,500 |"),
        "{md}"
    );
    assert!(
        md.contains("| 1 | 2027-03-01 | 2027-01-15 | 1,275,000 |"),
        "{md}"
    );
}

#[test]
fn a_team_named_company_reads_as_a_team_and_the_company_as_the_company() {
    let text = std::fs::read_to_string(TEN).unwrap();
    let facts = |text: String| {
        let out = goals_as_of("2027-01-15")
            .args(["--color", "never", "capacity", "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        let shown = String::from_utf8(out.stdout).unwrap();
        shown
            .lines()
            .find(|l| l.starts_with("revenue · "))
            .unwrap_or_else(|| panic!("{shown}"))
            .to_owned()
    };
    let team = facts(
        text.replace("\"mid\"", "\"company\"")
            .replace("team:mid", "team:company"),
    );
    assert!(team.starts_with("revenue · team company · "), "{team}");
    let company = facts(text.replace("owner = \"team:mid\"", "owner = \"company\""));
    assert!(company.starts_with("revenue · company · "), "{company}");
}

#[test]
fn unknown_filters_are_usage_errors() {
    let out = goals_as_of("2027-01-15")
        .args(["capacity", TEN, "--team", "field"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--team field: no such team"), "{err}");
    assert!(err.contains("known: mid, company"), "{err}");
}

#[test]
fn a_month_cut_by_the_target_counts_its_workdays_inside_against_the_whole_month() {
    // From Monday 18 January: 10 of January's 21 workdays.
    let text = std::fs::read_to_string(HIRING).unwrap().replacen(
        "  start = 2027-01-01\n  end = 2027-06-30",
        "  start = 2027-01-18\n  end = 2027-06-30",
        1,
    );
    let doc = capacity_json("2026-10-01", &["-", "--goal", "smb-revenue"], Some(&text));
    let jan = &doc["targets"][0]["months"][0];
    assert_eq!(jan["start"], "2027-01-18");
    assert_eq!(jan["rre"].to_string(), "0.4762");
    assert_eq!(
        json_decimal(&jan["capacity"]).round_dp(2),
        Decimal::new(2_380_952, 2)
    );
    // No hire before the target starts: the first allowed month is February.
    assert_eq!(doc["targets"][0]["hires"][0]["start"], "2027-02-01");
}
