//! `goals track` and `goals replan` run as a user would: the example plan with the example
//! exports at 2027-06-30, in every format, with bad rows, missing files and missing columns.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use super::common::{goal_target, goals, root, succeed, temp_file};

const AS_OF: &str = "2027-06-30";

/// `goals --as-of 2027-06-30 <command> goals.example.toml --actuals examples/actuals.csv …`.
fn run(command: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut args = vec![
        "--as-of",
        AS_OF,
        command,
        "goals.example.toml",
        "--actuals",
        "examples/actuals.csv",
    ];
    args.extend_from_slice(extra);
    goals().args(args).assert()
}

fn json(command: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let out = run(command, &args).success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn target<'a>(doc: &'a Value, metric: &str) -> &'a Value {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["metric"] == metric)
        .unwrap()
}

fn rep<'a>(t: &'a Value, id: &str) -> &'a Value {
    t["reps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rep"] == id)
        .unwrap()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn json_has_plan_and_actuals_to_date_for_a_rep_computed_by_hand() {
    let doc = json("track", &[]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["track"]["as_of"], AS_OF);
    let giulia = rep(target(&doc, "new_customers"), "giulia");
    // 100 a month shared by four equal reps: 25 a month, 150 by the end of June.
    assert_eq!(giulia["plan_to_date"], 150);
    // examples/actuals.csv, giulia's new_customers January to June: 22+25+23+20+20+26.
    assert_eq!(giulia["actual_to_date"], 136);
    assert_eq!(giulia["attainment"].to_string(), "0.9067");
    assert_eq!(giulia["status"], "at_risk");
    assert_eq!(giulia["gap"], 14);
}

#[test]
fn money_is_exact_and_the_italian_export_reads_without_bad_rows() {
    let out = run("track", &["--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // The italy profile puts 50% of 1,800,000 in January to June.
    assert!(text.contains("\"plan_to_date\": 900000.00"), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let crm = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"] == "examples/crm-deals.csv")
        .unwrap();
    assert_eq!(
        (
            crm["rows"].as_u64(),
            crm["kept"].as_u64(),
            crm["skipped"].as_u64()
        ),
        (Some(40), Some(30), Some(0))
    );
    let revenue = target(&doc, "revenue");
    assert!(
        (num(&revenue["actual_to_date"]) - crm_won_total(&root().join("examples/crm-deals.csv")))
            .abs()
            < 0.001
    );
    let std = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"] == "examples/actuals.csv")
        .unwrap();
    assert_eq!(std["skipped"], 0);
}

/// The won deals of the Italian export, read independently of the program.
fn crm_won_total(path: &Path) -> f64 {
    crm_won(path).iter().map(|(_, v)| v).sum()
}

/// (month, value) of every won deal of the Italian export.
fn crm_won(path: &Path) -> Vec<(u32, f64)> {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| l.contains(";Vinta;"))
        .map(|l| {
            let fields: Vec<&str> = l.split(';').collect();
            let month = fields[0][3..5].parse().unwrap();
            let value = fields[2]
                .replace('.', "")
                .replace(',', ".")
                .parse()
                .unwrap();
            (month, value)
        })
        .collect()
}

#[test]
fn lower_is_better_inverts_attainment() {
    let doc = json("track", &[]);
    let t = target(&doc, "days_to_close");
    assert_eq!(t["lower_is_better"], true);
    let marco = rep(t, "marco");
    // Planned 12.52 days by the end of June (15 → 10 over the year); marco closes in 11.
    assert_eq!(marco["plan_to_date"].to_string(), "12.52");
    assert!((num(&marco["actual_to_date"]) - 11.0).abs() < 1e-9);
    assert!(num(&marco["attainment"]) > 1.13 && num(&marco["attainment"]) < 1.14);
    assert_eq!(marco["status"], "ahead");
    let chiara = rep(t, "chiara");
    assert!(num(&chiara["attainment"]) < 1.0);
    assert_eq!(chiara["status"], "at_risk");
}

#[test]
fn catch_up_periods_bring_exactly_the_gap_and_the_first_is_the_catch_up() {
    let doc = json("track", &[]);
    for t in doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "count" || t["kind"] == "money")
    {
        let unit = if t["kind"] == "money" { 0.01 } else { 1.0 };
        for who in std::iter::once(t).chain(t["reps"].as_array().unwrap()) {
            let periods = who["catch_up_periods"].as_array().unwrap();
            assert_eq!(periods.len(), 6, "{}: July to December", t["goal"]);
            assert_eq!(periods[0]["label"], "2027-07");
            assert_eq!(periods[0]["quota"], who["catch_up"]);
            let sum: f64 = periods.iter().map(|p| num(&p["quota"])).sum();
            let gap = (num(&who["total"]) - num(&who["actual_to_date"])).max(0.0);
            assert!(
                (sum - gap).abs() < unit / 2.0 + 1e-6,
                "{}: {who}",
                t["goal"]
            );
            assert_eq!(who["no_period_left"], false);
        }
    }
}

#[test]
fn leaderboard_marks_the_reps_to_reward() {
    let doc = json("track", &[]);
    let board = doc["leaderboard"].as_array().unwrap();
    assert!(!board.is_empty());
    let mut last = f64::MAX;
    for (i, row) in board.iter().enumerate() {
        assert_eq!(row["rank"], i + 1);
        let a = num(&row["attainment"]);
        assert!(a <= last);
        last = a;
        assert_eq!(row["hit"], row["targets_hit"] == row["targets"], "{row}");
    }
    assert!(
        board
            .iter()
            .any(|r| r["rep"] == "chiara" && r["hit"] == false)
    );
    let bands = &doc["distribution"];
    let counted: u64 = ["from_100", "from_80", "from_50", "below_50"]
        .iter()
        .map(|k| bands[k].as_u64().unwrap())
        .sum();
    assert_eq!(counted, board.len() as u64);
}

#[test]
fn review_lists_goals_behind_plan_with_the_guide_questions() {
    let doc = json("track", &[]);
    let review = doc["review"].as_array().unwrap();
    assert_eq!(review.len(), 1);
    assert_eq!(review[0]["goal"], "field-revenue");
    assert_eq!(review[0]["status"], "behind");
    assert!(
        review[0]["questions"][0]
            .as_str()
            .unwrap()
            .contains("barriers")
    );
    assert!(
        review[0]["questions"][1]
            .as_str()
            .unwrap()
            .contains("right team")
    );
    assert!(
        review[0]["questions"][2]
            .as_str()
            .unwrap()
            .contains("tools")
    );
}

#[test]
fn table_fits_80_columns() {
    let out = run("track", &[]).success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("Acme Italia — 2027 · as of 2027-06-30"));
    assert!(text.contains("Leaderboard"));
    assert!(text.contains("To review: 1 goal behind plan"));
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn csv_has_a_team_row_and_a_row_per_rep() {
    let out = run("track", &["--format", "csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "goal,metric,kind,owner,rep,plan_to_date,actual_to_date,attainment,total,forecast,status,gap,catch_up,\
         period,start,end,plan,actual,cumulative_plan,cumulative_actual"
    );
    assert!(text.contains(
        "new-customers,new_customers,count,team:inside,*,600,571,0.9517,1200,1142,on_track,29,105"
    ));
    assert!(
        text.contains("new-customers,new_customers,count,team:inside,giulia,150,136,0.9067,300,")
    );
}

#[test]
fn markdown_is_a_review_agenda() {
    let out = run("track", &["--format", "markdown"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("# Goal review: Acme Italia — 2027, as of 2027-06-30"));
    for part in [
        "## Where we stand",
        "## Goals behind plan",
        "### 1. field-revenue",
        "- [ ] What barriers stood in the way?",
        "## Reps to recognise",
        "## Data",
    ] {
        assert!(text.contains(part), "missing {part}:\n{text}");
    }
}

#[test]
fn bad_rows_are_reported_with_line_and_column_and_fail_unless_allowed() {
    let csv = "date,rep,metric,value\n2027-01-10,giulia,new_customers,3\n2027-13-01,marco,new_customers,2\n2027-01-11,mario,new_customers,1\n2027-01-12,luca,new_customers,x\n2027-01-12,Luca Esposito,new_customers,4\n";
    let (_dir, path) = temp_file("bad.csv", csv);
    let p = path.to_str().unwrap();
    let assert = goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--actuals",
            p,
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains(&format!("{p}:3: column `date`: invalid date")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{p}:4: column `rep`: unknown rep: `mario` is not the id, name or alias"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{p}:5: column `value`: invalid number")),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 3 rows of 5"), "{stderr}");
    assert!(stderr.contains("1 × unknown rep in `rep`"), "{stderr}");
    assert!(stderr.contains("--allow-bad-rows"), "{stderr}");
    let doc: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let source = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"] == p)
        .unwrap();
    assert_eq!(
        (source["kept"].as_u64(), source["skipped"].as_u64()),
        (Some(2), Some(3))
    );
    let reasons = source["skipped_by_reason"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .any(|r| r["column"] == "rep" && r["reason"] == "unknown rep" && r["count"] == 1)
    );
    goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--actuals",
            p,
            "--allow-bad-rows",
        ])
        .assert()
        .success();
}

#[test]
fn a_missing_column_names_the_file_the_column_and_the_fix() {
    let (_dir, path) = temp_file("nocol.csv", "when,rep,metric\n2027-01-01,giulia,upsells\n");
    let p = path.to_str().unwrap();
    goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--actuals",
            p,
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(p)
                .and(predicate::str::contains("no column `date`"))
                .and(predicate::str::contains("fix")),
        );
}

#[test]
fn a_missing_actuals_file_is_exit_2() {
    goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--actuals",
            "no/such.csv",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such.csv: no such file"));
}

#[test]
fn a_goal_file_with_errors_is_refused() {
    goals()
        .args(["--as-of", AS_OF, "track", "examples/broken.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing was tracked"));
}

#[test]
fn replan_keeps_past_periods_as_actuals_and_totals_as_targets() {
    let doc = json("replan", &[]);
    let months = |t: &Value| -> Vec<f64> {
        t["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| num(&p["quota"]))
            .collect()
    };
    // new_customers actuals by month, from examples/actuals.csv.
    let csv = fs::read_to_string(root().join("examples/actuals.csv")).unwrap();
    let mut actual = [0.0; 12];
    for line in csv
        .lines()
        .skip(1)
        .filter(|l| l.contains(",new_customers,"))
    {
        let f: Vec<&str> = line.split(',').collect();
        let m: usize = f[0][5..7].parse().unwrap();
        actual[m - 1] += f[3].parse::<f64>().unwrap();
    }
    let t = target(&doc, "new_customers");
    let got = months(t);
    assert_eq!(&got[..6], &actual[..6]);
    assert!((got.iter().sum::<f64>() - 1200.0).abs() < 1e-9);
    assert_eq!(t["total"], 1200);
    let revenue = target(&doc, "revenue");
    let mut won = [0.0; 12];
    for (m, v) in crm_won(&root().join("examples/crm-deals.csv")) {
        won[m as usize - 1] += v;
    }
    let got = months(revenue);
    for m in 0..6 {
        assert!(
            (got[m] - won[m]).abs() < 0.001,
            "month {}: {} vs {}",
            m + 1,
            got[m],
            won[m]
        );
    }
    assert!((got.iter().sum::<f64>() - 1_800_000.0).abs() < 0.001);
}

#[test]
fn replan_formats_match_plan() {
    for format in ["table", "csv", "markdown"] {
        run("replan", &["--format", format]).success();
    }
}

#[test]
fn replan_totals_equal_the_plan_totals_for_every_additive_target() {
    let replan = json("replan", &[]);
    let out = goals()
        .args(["plan", "goals.example.toml", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plan: Value = serde_json::from_slice(&out).unwrap();
    for t in replan["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "count" || t["kind"] == "money")
    {
        let sum: f64 = t["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| num(&p["quota"]))
            .sum();
        let planned = target(&plan, t["metric"].as_str().unwrap());
        assert!(
            (sum - num(&planned["total"])).abs() < 0.001,
            "{}: {sum} vs {}",
            t["metric"],
            planned["total"]
        );
    }
}

#[test]
fn reps_match_by_name_and_alias_in_any_case() {
    let csv = "date,rep,metric,value\n2027-01-10,GIULIA ROSSI,upsells,1\n2027-01-10,a.romano@acme.it,upsells,2\n2027-01-11,Alessandro Romano,UPSELLS,3\n";
    let (_dir, path) = temp_file("names.csv", csv);
    let out = goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--actuals",
            path.to_str().unwrap(),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    // giulia is not in the field team: her upsell is read but belongs to no upsells target.
    assert_eq!(
        rep(target(&doc, "upsells"), "alessandro")["actual_to_date"],
        5
    );
}

/// A copy of the example with `extra` appended, in a temporary folder beside its exports.
fn example_with(extra: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("examples")).unwrap();
    fs::copy(
        root().join("examples/crm-deals.csv"),
        dir.join("examples/crm-deals.csv"),
    )
    .unwrap();
    let text = fs::read_to_string(root().join("goals.example.toml")).unwrap();
    fs::write(dir.join("goals.toml"), format!("{text}\n{extra}")).unwrap();
    tmp
}

#[test]
fn status_thresholds_come_from_the_tracking_table() {
    // Giulia is at 0.9067 of plan on new customers: at risk by default, on track from 0.90.
    let default = json("track", &[]);
    assert_eq!(
        rep(target(&default, "new_customers"), "giulia")["status"],
        "at_risk"
    );
    let dir = example_with("[tracking]\nahead = 1.10\non_track = 0.90\nat_risk = 0.70\n");
    let out = succeed(
        goals()
            .current_dir(dir.path())
            .args(["--as-of", AS_OF, "track", "goals.toml", "--actuals"])
            .arg(root().join("examples/actuals.csv"))
            .args(["--format", "json"]),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rep(target(&doc, "new_customers"), "giulia")["status"],
        "on_track"
    );
    assert_eq!(
        rep(target(&doc, "new_customers"), "marco")["status"],
        "on_track",
        "1.067 is below 1.10"
    );
}

#[test]
fn thresholds_out_of_order_are_a_located_error() {
    let dir = example_with("[tracking]\nahead = 0.9\non_track = 0.95\n");
    let out = goals()
        .current_dir(dir.path())
        .args(["check", "goals.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &doc["diagnostics"][0];
    assert_eq!(finding["code"], "invalid-value");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("ahead 0.9 >= on_track 0.95"),
        "{finding}"
    );
    assert!(finding["line"].as_u64().unwrap() > 300);
}

#[test]
fn track_json_has_the_burn_up_for_the_team_and_every_rep() {
    let doc = json("track", &[]);
    let t = target(&doc, "new_customers");
    assert_eq!(t["title"], "Win 100 new customers every month");
    let periods = t["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12);
    let june = &periods[5];
    assert_eq!(
        (
            june["label"].as_str(),
            june["start"].as_str(),
            june["end"].as_str()
        ),
        (Some("2027-06"), Some("2027-06-01"), Some("2027-06-30"))
    );
    assert_eq!(june["plan"], 100);
    assert_eq!(june["cumulative_plan"], 600);
    assert_eq!(june["cumulative_actual"], t["actual_to_date"]);
    assert!(periods[6]["actual"].is_null() && periods[6]["cumulative_actual"].is_null());
    assert_eq!(periods[11]["cumulative_plan"], t["total"]);
    let giulia = rep(t, "giulia");
    assert_eq!(giulia["name"], "Giulia Rossi");
    let months = giulia["periods"].as_array().unwrap();
    // examples/actuals.csv, giulia's new_customers rows of January to June.
    let by_month: Vec<i64> = months[..6]
        .iter()
        .map(|m| m["actual"].as_i64().unwrap())
        .collect();
    assert_eq!(by_month, [22, 25, 20, 20, 23, 26]);
    assert_eq!(months[5]["cumulative_actual"], 136);
    assert_eq!(months[5]["cumulative_plan"], 150);
}

#[test]
fn the_burn_up_is_in_csv_markdown_and_the_table() {
    let out = run("track", &["--format", "csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("catch_up,period,start,end,plan,actual,cumulative_plan,cumulative_actual")
    );
    assert!(
        text.contains("new-customers,new_customers,count,team:inside,giulia,,,,,,,,,2027-06,2027-06-01,2027-06-30,25,26,150,136\n"),
        "{text}"
    );
    let out = run("track", &["--format", "markdown"])
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("## Burn-up by month"), "{md}");
    assert!(
        md.contains("| 2027-06 | 100 | 103 | 600 | 571 |  |"),
        "{md}"
    );
    assert!(md.contains("| 2027-07 | 100 | – | 700 | – | 105 |"), "{md}");
    let out = run("track", &[]).success().get_output().stdout.clone();
    let table = String::from_utf8(out).unwrap();
    assert!(
        table.contains("  plan    _..-~~=++*##  1,200  (2027-01 to 2027-12)"),
        "{table}"
    );
    assert!(table.contains("  actual  _..-~~        571\n"), "{table}");
    assert!(
        table.contains("6 months left · catch-up for 2027-07"),
        "{table}"
    );
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn the_daily_burn_up_of_the_table_still_fits_80_columns() {
    let out = run("track", &["--by", "day"])
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    // 184 days to go: several days to a character, the actual line up to the as-of date.
    let actual = table.lines().find(|l| l.starts_with("  actual  ")).unwrap();
    assert!(
        actual.starts_with("  actual  ________.........----~~~~~ "),
        "{table}"
    );
    assert!(actual.ends_with("  571"), "{table}");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

/// `goals --as-of AS_OF <command> tests/fixtures/seasonal.toml` with its actuals, as JSON.
fn seasonal(command: &str, as_of: &str) -> Value {
    let out = goals()
        .args([
            "--as-of",
            as_of,
            command,
            "tests/fixtures/seasonal.toml",
            "--actuals",
            "tests/fixtures/seasonal-actuals.csv",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn quotas(periods: &Value) -> Vec<f64> {
    periods
        .as_array()
        .unwrap()
        .iter()
        .map(|p| num(&p["quota"]))
        .collect()
}

#[test]
fn team_catch_up_equals_the_replanned_months_on_a_seasonal_plan_with_leave_a_leaver_and_a_ramp() {
    let track = seasonal("track", "2027-06-30");
    let replan = seasonal("replan", "2027-06-30");
    for id in ["revenue", "meetings"] {
        let caught = quotas(&goal_target(&track, id)["catch_up_periods"]);
        let replanned = quotas(&goal_target(&replan, id)["periods"]);
        assert_eq!(caught, replanned[6..], "{id}");
    }
    let revenue = goal_target(&track, "revenue");
    // 2,400,000 − 905,000 to bring, in proportion to the retail profile of July to December
    // (7, 3, 9, 11, 14, 15): never the same amount every month.
    let caught = quotas(&revenue["catch_up_periods"]);
    assert_eq!(
        caught,
        [
            177_372.88, 76_016.95, 228_050.85, 278_728.81, 354_745.76, 380_084.75
        ]
    );
    assert!((caught.iter().sum::<f64>() - 1_495_000.0).abs() < 0.005);
    assert_eq!(revenue["catch_up"], revenue["catch_up_periods"][0]["quota"]);
    // Ben leaves at the end of October: nothing asked of him in November and December.
    let ben = quotas(&rep(revenue, "ben")["catch_up_periods"]);
    assert_eq!(ben[4..], [0.0, 0.0]);
    assert!(ben[3] > 0.0);
    // Cara is on leave from September to November.
    let cara = quotas(&rep(revenue, "cara")["catch_up_periods"]);
    assert_eq!(cara[2..5], [0.0, 0.0, 0.0]);
    assert!(cara[5] > 0.0);
    // Dan starts in July at 30%: 30% of a full rep's 12 meetings, not a share of the team gap.
    let meetings = goal_target(&track, "meetings");
    assert_eq!(rep(meetings, "dan")["catch_up_periods"][0]["quota"], 4);
    assert_eq!(rep(meetings, "anna")["catch_up_periods"][0]["quota"], 12);
}

#[test]
fn replan_never_gives_a_quota_to_a_rep_who_is_not_there() {
    let replan = seasonal("replan", "2027-06-30");
    let revenue = goal_target(&replan, "revenue");
    let months = revenue["periods"].as_array().unwrap();
    let quota = |month: usize, who: usize| num(&months[month]["reps"][who]["quota"]);
    for m in 10..12 {
        assert!(quota(m, 1).abs() < 1e-9, "ben after October");
    }
    for m in 8..11 {
        assert!(quota(m, 2).abs() < 1e-9, "cara on leave");
    }
    for m in 0..6 {
        assert!(quota(m, 3).abs() < 1e-9, "dan before July");
    }
    let sum: f64 = months.iter().map(|m| num(&m["quota"])).sum();
    assert!((sum - 2_400_000.0).abs() < 0.005);
    assert!(revenue.get("unplaced").is_none());
}

#[test]
fn a_remainder_with_no_day_left_is_unplaced_with_a_warning() {
    let assert = goals()
        .args([
            "--as-of",
            "2027-12-31",
            "replan",
            "tests/fixtures/seasonal.toml",
            "--actuals",
            "tests/fixtures/seasonal-actuals.csv",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "goals: warning: revenue (revenue): 1,495,000.00 unplaced: no remaining day of\n",
        ));
    let doc: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let revenue = goal_target(&doc, "revenue");
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("\"total\": 905000.00,\n      \"unplaced\": 1495000.00,"),
        "{text}"
    );
    assert!((num(&revenue["total"]) + num(&revenue["unplaced"]) - 2_400_000.0).abs() < 0.005);
    let table = goals()
        .args([
            "--as-of",
            "2027-12-31",
            "replan",
            "tests/fixtures/seasonal.toml",
            "--actuals",
            "tests/fixtures/seasonal-actuals.csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(
        table.contains("unplaced 1,495,000.00: no remaining day of the plan can carry it"),
        "{table}"
    );
    let track = seasonal("track", "2027-12-31");
    let revenue = goal_target(&track, "revenue");
    assert!(revenue["catch_up"].is_null());
    assert_eq!(revenue["no_period_left"], true);
    assert_eq!(revenue["catch_up_periods"].as_array().unwrap().len(), 0);
    let table = goals()
        .args([
            "--as-of",
            "2027-12-31",
            "track",
            "tests/fixtures/seasonal.toml",
            "--actuals",
            "tests/fixtures/seasonal-actuals.csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(
        table.contains("1,495,000 short of plan)\n    no period is left to catch up in\n"),
        "{table}"
    );
}

#[test]
fn zero_complaints_is_ahead_and_no_data_shows_no_ratio() {
    let track = seasonal("track", "2027-06-30");
    let complaints = goal_target(&track, "complaints");
    assert_eq!(complaints["status"], "ahead");
    assert!(complaints["attainment"].is_null());
    let demos = goal_target(&track, "demos");
    assert_eq!(demos["status"], "no_data");
    for field in [
        "actual_to_date",
        "attainment",
        "forecast",
        "gap",
        "catch_up",
    ] {
        assert!(demos[field].is_null(), "{field}: {demos}");
    }
    let table = goals()
        .args([
            "--as-of",
            "2027-06-30",
            "track",
            "tests/fixtures/seasonal.toml",
            "--actuals",
            "tests/fixtures/seasonal-actuals.csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    let demos = table
        .split("demos: ")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert!(
        !demos.contains("0.0%") && !demos.contains("forecast"),
        "{demos}"
    );
}

#[test]
fn a_rep_who_met_one_target_of_three_is_not_hit() {
    let track = seasonal("track", "2027-06-30");
    let board = track["leaderboard"].as_array().unwrap();
    let row = |id: &str| board.iter().find(|r| r["rep"] == id).unwrap();
    assert_eq!(
        (
            row("anna")["targets_hit"].as_u64(),
            row("anna")["hit"].as_bool()
        ),
        (Some(3), Some(true))
    );
    // Cara is behind on revenue and meetings and met the complaints target only.
    assert_eq!(row("cara")["targets"], 3);
    assert_eq!(row("cara")["targets_hit"], 1);
    assert_eq!(row("cara")["hit"], false);
    assert!(
        board.iter().all(|r| r["rep"] != "dan"),
        "dan has no data yet"
    );
    assert_eq!(
        track["distribution"],
        serde_json::json!({ "from_100": 1, "from_80": 1, "from_50": 1, "below_50": 0 })
    );
}

#[test]
fn a_level_burn_up_holds_the_planned_level_and_the_latest_reading_of_each_period() {
    let doc = json("track", &[]);
    let t = target(&doc, "days_to_close");
    let giulia = &rep(t, "giulia")["periods"];
    // From 15 to 10 days in a straight line: 12.52 at the end of June.
    assert_eq!(giulia[5]["plan"].to_string(), "12.52");
    assert_eq!(giulia[5]["cumulative_plan"], giulia[5]["plan"]);
    // examples/actuals.csv has giulia's readings of May (13) and June (12), nothing before.
    assert!(giulia[3]["actual"].is_null());
    assert_eq!(giulia[4]["actual"].to_string(), "13.0");
    assert_eq!(giulia[5]["actual"].to_string(), "12.0");
    assert!(
        giulia[6]["actual"].is_null(),
        "July is after the as-of date"
    );
    assert_eq!(t["periods"][5]["actual"], t["actual_to_date"]);
    assert!(t["catch_up"].is_null() && t["catch_up_periods"].as_array().unwrap().is_empty());
}

/// Both reps are off in the week of 6 December. The plan (1 upsell a month) puts no unit in
/// that week, but what remains after November (all 12) does: the replan moves it to the
/// days the reps work instead of giving every rep nothing.
#[test]
fn replan_spreads_what_remains_over_the_days_reps_work() {
    let (_dir, actuals) = temp_file(
        "replan-time-off.csv",
        "date,rep,metric,value\n2027-01-29,r1,upsells,0\n",
    );
    let out = succeed(
        goals()
            .args(["--as-of", "2027-11-30", "replan"])
            .arg("tests/fixtures/replan-time-off.toml")
            .arg("--actuals")
            .arg(&actuals)
            .args(["--format", "json", "--by", "week"]),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let periods = doc["targets"][0]["periods"].as_array().unwrap();
    let mut december = (0, 0);
    for p in periods
        .iter()
        .filter(|p| p["end"].as_str().unwrap() >= "2027-12-01")
    {
        let reps: i64 = p["reps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["quota"].as_i64().unwrap())
            .sum();
        assert_eq!(reps, p["quota"].as_i64().unwrap(), "{}", p["label"]);
        if p["label"] == "2027-W49" {
            assert_eq!(p["quota"], 0, "nobody works that week");
        }
        december.0 += p["quota"].as_i64().unwrap();
        december.1 += reps;
    }
    assert_eq!(december.0, december.1);
    assert!(
        december.1 >= 12,
        "the remaining 12 are all planned: {december:?}"
    );
}

/// An export of `rows` rows (two reps taking turns, an unknown rep on each line of `bad`), as
/// long as a real year of activity: large enough to be read in two halves at once.
fn long_export(rows: usize, bad: &[usize]) -> String {
    let mut text = String::from("date,rep,metric,value\n");
    for i in 0..rows {
        let line = i + 2;
        let rep = if bad.contains(&line) {
            "nobody"
        } else if i % 2 == 0 {
            "giulia"
        } else {
            "marco"
        };
        writeln!(text, "2027-03-{:02},{rep},answered_calls,1", 1 + i % 28).unwrap();
    }
    text
}

#[test]
fn a_long_export_counts_every_row_once_and_names_bad_rows_by_their_line() {
    let rows = 200_000;
    let bad = [10, 150_001];
    let text = long_export(rows, &bad);
    assert!(text.len() > 6 << 20, "read in halves: {} bytes", text.len());
    let (_dir, path) = temp_file("calls.csv", &text);
    let out = goals()
        .args([
            "--as-of",
            AS_OF,
            "track",
            "goals.example.toml",
            "--format",
            "json",
        ])
        .arg("--actuals")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the bad rows make exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in bad {
        assert!(
            stderr.contains(&format!("calls.csv:{line}: column `rep`: unknown rep")),
            "{stderr}"
        );
    }
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let source = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"].as_str().unwrap().ends_with("calls.csv"))
        .unwrap();
    assert_eq!(source["rows"], rows);
    assert_eq!(source["kept"], rows - 2);
    assert_eq!(source["skipped"], 2);
    let calls = target(&doc, "answered_calls");
    assert_eq!(calls["actual_to_date"], rows - 2);
    // Line 10 would have been giulia's, line 150,001 marco's.
    assert_eq!(rep(calls, "giulia")["actual_to_date"], rows / 2 - 1);
    assert_eq!(rep(calls, "marco")["actual_to_date"], rows / 2 - 1);
}

/// A team goal with a count and a money target, both behind plan at the end of June.
const TWO_TARGETS: &str = r#"
[plan]
name = "Two targets"
start = 2027-01-01
end = 2027-12-31
currency = "EUR"

[[teams]]
id = "t"

[[reps]]
id = "ana"
team = "t"

[[reps]]
id = "ben"
team = "t"

[metrics.deals]
kind = "count"
unit = "deals"
source = "CRM"

[metrics.revenue]
kind = "money"
unit = "EUR"
source = "CRM"

[[goals]]
id = "grow"
title = "Grow the team's business"
family = "customers"
owner = "team:t"
review = "monthly"
steps = ["Review the pipeline every Monday"]

  [[goals.targets]]
  metric = "deals"
  target = 120

  [[goals.targets]]
  metric = "revenue"
  target = 600000
"#;

#[test]
fn a_goal_behind_on_two_targets_is_reviewed_once_with_each_target_named() {
    let dir = tempfile::tempdir().unwrap();
    let goals_file = super::common::write_file(dir.path(), "goals.toml", TWO_TARGETS);
    let csv = "date,rep,metric,value\n2027-03-01,ana,deals,5\n2027-03-01,ben,revenue,1000\n";
    let actuals = super::common::write_file(dir.path(), "actuals.csv", csv);
    let text = |format: &str| {
        let out = goals()
            .args(["--as-of", AS_OF, "track", "--format", format])
            .arg(&goals_file)
            .arg("--actuals")
            .arg(&actuals)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let table = text("table");
    assert!(table.contains("To review: 1 goal behind plan"), "{table}");
    assert!(table.contains("  grow · deals (behind at"), "{table}");
    assert!(table.contains("  grow · revenue (behind at"), "{table}");
    let markdown = text("markdown");
    assert!(markdown.contains("### 1. grow · "), "{markdown}");
    assert!(markdown.contains("### 2. grow · "), "{markdown}");
}
