//! CRM exports as the CRMs write them, read by `goals track` through the mappings of
//! `examples/exports.toml`, and a generated export with every kind of bad row: each row is
//! kept, filtered, outside the plan, a footer line or a bad row counted by reason, whether the
//! export comes from a file, standard input or a pipe.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::{Command as Process, Stdio};

use serde_json::Value;

use super::common::{goal_target, goals_within_a_minute, printed, root};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("goals-exports-{}-{name}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn parse(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", printed(output)))
}

/// A money figure of the JSON with its two decimals (the JSON has at most two).
fn money(value: &Value) -> String {
    format!(
        "{:.2}",
        value
            .as_f64()
            .unwrap_or_else(|| panic!("{value} is no number"))
    )
}

fn rep_actual(target: &Value, rep: &str) -> String {
    let reps = target["reps"].as_array().unwrap();
    let found = reps.iter().find(|r| r["rep"] == rep).unwrap();
    money(&found["actual_to_date"])
}

fn source<'a>(doc: &'a Value, ends_with: &str) -> &'a Value {
    doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"].as_str().unwrap().ends_with(ends_with))
        .unwrap_or_else(|| panic!("no source {ends_with}"))
}

fn counts(source: &Value) -> [u64; 6] {
    [
        "rows",
        "kept",
        "filtered_out",
        "outside_plan",
        "skipped",
        "footer",
    ]
    .map(|key| source[key].as_u64().unwrap())
}

#[test]
fn the_four_crm_exports_give_their_figures() {
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track", "examples/exports.toml"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
    let doc = parse(&output);
    // Pipedrive: 12,500 EUR; 8,000 USD at 0.92 = 7,360 + 4,250.50; lost and open deals filtered.
    let lisbon = goal_target(&doc, "revenue-lisbon");
    assert_eq!(money(&lisbon["actual_to_date"]), "24110.50");
    assert_eq!(rep_actual(lisbon, "ana"), "12500.00");
    assert_eq!(rep_actual(lisbon, "joao"), "11610.50");
    let pipedrive = source(&doc, "pipedrive-deals.csv");
    assert_eq!(counts(pipedrive), [5, 3, 2, 0, 0, 0]);
    // HubSpot: Closed Won only, timestamps without seconds.
    let london = goal_target(&doc, "revenue-london");
    assert_eq!(money(&london["actual_to_date"]), "18550.75");
    assert_eq!(rep_actual(london, "emma"), "16200.00");
    assert_eq!(
        counts(source(&doc, "hubspot-deals.csv")),
        [5, 3, 2, 0, 0, 0]
    );
    // Salesforce (US): 5/14/2027 and 4/5/2027 are month first; "USD 1,000.00" is 920 euros;
    // the report's footer is four lines of footer, not bad rows.
    let boston = goal_target(&doc, "revenue-boston");
    assert_eq!(money(&boston["actual_to_date"]), "17420.00");
    assert_eq!(rep_actual(boston, "sarah"), "4920.00");
    assert_eq!(
        counts(source(&doc, "salesforce-opportunities.csv")),
        [8, 3, 1, 0, 0, 4]
    );
    // Excel (German): windows-1252 names, 12.500,00 and 14.05.2027.
    let berlin = goal_target(&doc, "revenue-berlin");
    assert_eq!(money(&berlin["actual_to_date"]), "16750.49");
    assert_eq!(rep_actual(berlin, "jurgen"), "12500.00");
    assert_eq!(rep_actual(berlin, "lena"), "4250.49");
    assert_eq!(
        counts(source(&doc, "excel-verkaeufe.csv")),
        [4, 3, 1, 0, 0, 0]
    );
}

#[test]
fn the_exports_table_names_the_footer() {
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track", "examples/exports.toml"])
        .output()
        .unwrap();
    let all = printed(&output);
    assert!(
        all.contains("salesforce-opportunities.csv: 8 rows, 3 kept, 1 filtered out, 0 skipped, 4 footer lines"),
        "{all}"
    );
}

/// A goal file with one rep (`r1`, alias `Rita`), a revenue and a deals target.
const GOAL_FILE: &str = r#"
[plan]
name = "Generated"
start = 2027-01-01
currency = "EUR"

[[objectives]]
id = "grow"
title = "Grow"

[[teams]]
id = "inside"

[[reps]]
id = "r1"
name = "Rita Uno"
aliases = ["Rita"]
team = "inside"

[metrics.revenue]
kind = "money"
source = "CRM"

[metrics.deals]
kind = "count"
source = "CRM"

[[goals]]
id = "revenue"
title = "Sell 1,000,000 euros"
family = "product"
objective = "grow"
owner = "team:inside"
review = "monthly"
steps = ["Call"]

  [[goals.targets]]
  metric = "revenue"
  target = 1000000

  [[goals.targets]]
  metric = "deals"
  target = 100
"#;

/// K good rows whose cents add up to a known sum, and one or more bad rows of every kind,
/// blank lines between rows, and a footer. Returns (csv, K, sum in cents, bad by reason).
fn generated() -> (String, u64, i64, Vec<(&'static str, &'static str, u64)>) {
    let mut csv = String::from("date,rep,metric,value\n");
    let (mut good, mut cents) = (0u64, 0i64);
    for i in 0..1000i64 {
        let value = i * 7919 % 10_000_000 + 1; // cents, up to 100,000 euros
        let day = i % 365;
        let date = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
            + chrono::Days::new(u64::try_from(day).unwrap());
        let rep = if i % 3 == 0 { "Rita" } else { "r1" };
        match i % 4 {
            0 => writeln!(
                csv,
                "{date},{rep},revenue,{}.{:02}",
                value / 100,
                value % 100
            ),
            1 if value >= 100_000 => writeln!(
                csv,
                "{date} 16:32:10,{rep},revenue,\"{},{:03}.{:02}\"",
                value / 100_000,
                value / 100 % 1000,
                value % 100
            ),
            1 => writeln!(
                csv,
                "{date} 16:32:10,{rep},revenue,{}.{:02}",
                value / 100,
                value % 100
            ),
            2 => writeln!(
                csv,
                "{date}T09:05Z,{rep},revenue,EUR {}.{:02}",
                value / 100,
                value % 100
            ),
            _ => writeln!(
                csv,
                "{},{rep},revenue,\"{}.{:02} €\"",
                date.format("%d.%m.%Y"),
                value / 100,
                value % 100
            ),
        }
        .unwrap();
        if i == 500 {
            csv.push_str("\n\n");
        }
        good += 1;
        cents += value;
    }
    let bad_rows = [
        ("2027-02-30,r1,revenue,1", "date", "invalid date"),
        ("2027-05-14 24:30,r1,revenue,1", "date", "invalid date"),
        ("2027-05-14 10:00:99,r1,revenue,1", "date", "invalid date"),
        ("yesterday,r1,revenue,1", "date", "invalid date"),
        ("4/5/2027,r1,revenue,1", "date", "ambiguous date"),
        ("2027-01-15,r1,revenue,1,234.56", "(row)", "extra fields"),
        ("2027-01-15,r1,revenue", "(row)", "missing fields"),
        ("2027-01-15,r1,revenue,lots", "value", "invalid number"),
        (
            "2027-01-15,r1,revenue,123456789012345678901234",
            "value",
            "invalid number",
        ),
        ("2027-01-15,mario,revenue,1", "rep", "unknown rep"),
        ("2027-01-15,,revenue,1", "rep", "empty field"),
        ("2027-01-15,r1,profit,1", "metric", "unknown metric"),
        ("2027-01-15,r1,revenue,\"$5.00\"", "value", "other currency"),
    ];
    let mut by_reason: Vec<(&str, &str, u64)> = Vec::new();
    for (row, column, reason) in bad_rows {
        csv.push_str(row);
        csv.push('\n');
        match by_reason
            .iter_mut()
            .find(|(c, r, _)| *c == column && *r == reason)
        {
            Some(entry) => entry.2 += 1,
            None => by_reason.push((column, reason, 1)),
        }
    }
    csv.push_str("2027-01-15,");
    csv.push_str(&"r".repeat((1 << 20) + 5));
    csv.push_str(",revenue,1\n");
    by_reason.push(("(row)", "record too long", 1));
    csv.push_str("2027-03-01,r1,revenue,0.00\n");
    good += 1;
    csv.push_str("\n\"Grand Totals\"\n\"Generated by goals tests\"\n");
    (csv, good, cents, by_reason)
}

fn check_generated(output: &std::process::Output, name: &str) {
    let (_, good, cents, by_reason) = generated();
    assert_eq!(output.status.code(), Some(0), "{name}: {}", printed(output));
    let doc = parse(output);
    let revenue = &doc["targets"][0];
    let sum = format!("{}.{:02}", cents / 100, cents % 100);
    assert_eq!(money(&revenue["actual_to_date"]), sum, "{name}");
    let source = &doc["sources"][0];
    let bad: u64 = by_reason.iter().map(|(_, _, n)| n).sum();
    assert_eq!(source["kept"].as_u64(), Some(good), "{name}");
    assert_eq!(source["skipped"].as_u64(), Some(bad), "{name}");
    assert_eq!(source["footer"].as_u64(), Some(2), "{name}");
    assert_eq!(source["rows"].as_u64(), Some(good + bad + 2), "{name}");
    let mut reported: Vec<(String, String, u64)> = source["skipped_by_reason"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["column"].as_str().unwrap().to_owned(),
                r["reason"].as_str().unwrap().to_owned(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String, u64)> = by_reason
        .iter()
        .map(|(c, r, n)| ((*c).to_owned(), (*r).to_owned(), *n))
        .collect();
    reported.sort();
    expected.sort();
    assert_eq!(reported, expected, "{name}");
}

/// The goal file and the generated export, in a folder of the test's own (tests run in
/// parallel).
fn generated_files(test: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(test);
    let goal_file = dir.join("goals.toml");
    fs::write(&goal_file, GOAL_FILE).unwrap();
    let csv = dir.join("export.csv");
    fs::write(&csv, generated().0).unwrap();
    (goal_file, csv)
}

#[test]
fn a_generated_export_keeps_exactly_its_good_rows_from_a_file() {
    let (goal_file, csv) = generated_files("generated-file");
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-12-31", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&csv)
        .args(["--allow-bad-rows", "--format", "json"])
        .output()
        .unwrap();
    check_generated(&output, "file");
    // Without --allow-bad-rows the same read fails with 1.
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-12-31", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_generated_export_reads_the_same_from_standard_input_and_a_pipe() {
    let (goal_file, csv) = generated_files("generated-pipe");
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-12-31", "track"])
        .arg(&goal_file)
        .args(["--actuals", "-", "--allow-bad-rows", "--format", "json"])
        .write_stdin(fs::read(&csv).unwrap())
        .output()
        .unwrap();
    check_generated(&output, "stdin");
    if Process::new("bash")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("goals");
    let script = format!(
        "NO_COLOR=1 '{}' --as-of 2027-12-31 track '{}' --actuals <(cat '{}') --allow-bad-rows --format json",
        bin.display(),
        goal_file.display(),
        csv.display()
    );
    let output = Process::new("bash").args(["-c", &script]).output().unwrap();
    check_generated(&output, "process substitution");
}

#[test]
fn the_same_export_twice_is_read_once_with_a_note() {
    let (goal_file, csv) = generated_files("generated-twice");
    let copy = csv.with_file_name("copy.csv");
    fs::copy(&csv, &copy).unwrap();
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-12-31", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&csv)
        .arg("--actuals")
        .arg(&csv)
        .arg("--actuals")
        .arg(&copy)
        .args(["--allow-bad-rows", "--format", "json"])
        .output()
        .unwrap();
    check_generated(&output, "twice");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("again; read once"), "{stderr}");
    assert!(stderr.contains("has the same content as"), "{stderr}");
    assert_eq!(parse(&output)["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn team_level_rows_count_for_the_team_never_for_a_rep() {
    let dir = temp_dir("team-level");
    let goal_file = dir.join("goals.toml");
    fs::write(&goal_file, GOAL_FILE).unwrap();
    let csv = dir.join("team.csv");
    fs::write(
        &csv,
        "date,rep,metric,value\n2027-01-15,r1,revenue,100\n2027-01-16,team:inside,revenue,40\n\
         2027-01-17,INSIDE,revenue,2.5\n2027-01-18,company,revenue,1000\n",
    )
    .unwrap();
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&csv)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
    let doc = parse(&output);
    let revenue = &doc["targets"][0];
    // The company's row belongs to company-owned targets only.
    assert_eq!(money(&revenue["actual_to_date"]), "142.50");
    assert_eq!(money(&revenue["team_level_actual"]), "42.50");
    assert_eq!(rep_actual(revenue, "r1"), "100.00");
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&csv)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with("team-level rows"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(line.contains("43"), "{line}"); // 42.50 to whole euros
    for (format, expected) in [
        ("csv", "team:inside,team:inside,,42.50"),
        (
            "markdown",
            "| ↳ revenue team-level rows | revenue |  | 42.50 |",
        ),
    ] {
        let output = goals_within_a_minute()
            .args(["--as-of", "2027-06-30", "track"])
            .arg(&goal_file)
            .arg("--actuals")
            .arg(&csv)
            .args(["--format", format])
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(out.contains(expected), "{format}: {out}");
    }
}

#[test]
fn a_24_digit_value_is_a_bad_row_in_track_and_replan() {
    let dir = temp_dir("huge");
    let goal_file = dir.join("goals.toml");
    fs::write(&goal_file, GOAL_FILE).unwrap();
    let csv = dir.join("huge.csv");
    let mut rows =
        String::from("date,rep,metric,value\n2027-01-15,r1,revenue,123456789012345678901234\n");
    for day in 1..=28 {
        writeln!(rows, "2027-02-{day:02},r1,revenue,1000000000000").unwrap();
        writeln!(rows, "2027-02-{day:02},r1,deals,-1000000000000").unwrap();
    }
    fs::write(&csv, rows).unwrap();
    for command in ["track", "replan"] {
        for format in ["json", "table"] {
            let output = goals_within_a_minute()
                .args(["--as-of", "2027-06-30", command])
                .arg(&goal_file)
                .arg("--actuals")
                .arg(&csv)
                .args(["--format", format])
                .output()
                .unwrap();
            let all = printed(&output);
            assert!(!all.contains("panicked"), "{command}: {all}");
            assert_eq!(output.status.code(), Some(1), "{command}: {all}");
            assert!(all.contains("is too large"), "{command}: {all}");
        }
    }
}

#[test]
fn mapping_keys_are_checked_in_the_goal_file() {
    let dir = temp_dir("keys");
    let cases = [
        ("dates = \"us\"", "invalid-value"),
        ("decimal = \";\"", "invalid-value"),
        ("encoding = \"klingon\"", "invalid-value"),
        ("date_format = \"%H:%M\"", "invalid-value"),
        ("where = { Stage = [\"Won\", 3] }", "wrong-type"),
        ("where = { Stage = [] }", "wrong-type"),
    ];
    for (i, (line, code)) in cases.iter().enumerate() {
        let file = dir.join(format!("case{i}.toml"));
        fs::write(
            &file,
            format!("{GOAL_FILE}\n[[actuals]]\nmetric = \"revenue\"\n{line}\n"),
        )
        .unwrap();
        let output = goals_within_a_minute()
            .args(["check", "--format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        let doc = parse(&output);
        let codes: Vec<&str> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(code), "{line}: {codes:?}");
    }
    let file = dir.join("good.toml");
    let good = "[[actuals]]\nmetric = \"revenue\"\ndates = \"day-first\"\ndecimal = \",\"\n\
                encoding = \"latin-1\"\ndate_format = \"%d/%m/%Y %H:%M\"\ncurrency = \"Currency\"\n\
                where = { Stage = [\"Won\", \"Closed Won\"] }\n";
    let rates = GOAL_FILE.replace(
        "currency = \"EUR\"",
        "currency = \"EUR\"\nrates = { USD = \"0.92\", GBP = 1.17 }",
    );
    fs::write(&file, format!("{rates}\n{good}")).unwrap();
    let output = goals_within_a_minute()
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
    let bad_rate = GOAL_FILE.replace(
        "currency = \"EUR\"",
        "currency = \"EUR\"\nrates = { usd = \"-1\" }",
    );
    fs::write(&file, bad_rate).unwrap();
    let output = goals_within_a_minute()
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", printed(&output));
    assert!(
        printed(&output).contains("rates.usd"),
        "{}",
        printed(&output)
    );
}

#[test]
fn without_a_dates_key_the_salesforce_report_shows_its_own_order() {
    let dir = temp_dir("salesforce-order");
    let example = fs::read_to_string(root().join("examples/exports.toml")).unwrap();
    let start = example.find("# Salesforce").unwrap();
    let end = example.find("# Excel").unwrap();
    let mapping = example[start..end]
        .replace("path = \"exports/salesforce-opportunities.csv\"\n", "")
        .replace("dates = \"month-first\"\n", "");
    let goals_only = &example[..example.find("# Pipedrive").unwrap()];
    let goal_file = dir.join("goals.toml");
    fs::write(&goal_file, format!("{goals_only}\n{mapping}")).unwrap();
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track"])
        .arg(&goal_file)
        .args(["--actuals", "examples/exports/salesforce-opportunities.csv"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
    let doc = parse(&output);
    // 5/14/2027 can only be month first, so 4/5/2027 is 5 April and 6/2/2027 is 2 June:
    // all within the first half, as with the key.
    assert_eq!(
        money(&goal_target(&doc, "revenue-boston")["actual_to_date"]),
        "17420.00"
    );
    let late = goals_within_a_minute()
        .args(["--as-of", "2027-04-30", "track"])
        .arg(&goal_file)
        .args(["--actuals", "examples/exports/salesforce-opportunities.csv"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    // By 30 April only Sarah's 4,000 of 5 April is in.
    let boston = goal_target(&parse(&late), "revenue-boston").clone();
    assert_eq!(money(&boston["actual_to_date"]), "4000.00");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read_once() {
    let dir = temp_dir("fifo");
    let goal_file = dir.join("goals.toml");
    fs::write(&goal_file, GOAL_FILE).unwrap();
    let fifo = dir.join("export.fifo");
    let _ = fs::remove_file(&fifo);
    let made = Process::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        fs::write(
            writer_path,
            "date,rep,metric,value\n2027-01-15,r1,revenue,10.50\n",
        )
        .unwrap();
    });
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track"])
        .arg(&goal_file)
        .arg("--actuals")
        .arg(&fifo)
        .args(["--format", "json"])
        .output()
        .unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
    let doc = parse(&output);
    assert_eq!(money(&doc["targets"][0]["actual_to_date"]), "10.50");
}

#[test]
fn a_team_level_rate_is_the_team_rate_in_track_and_replan() {
    let dir = temp_dir("team-rate");
    let goal_file = dir.join("goals.toml");
    let rate = "[metrics.nrr]\nkind = \"rate\"\nsource = \"Billing\"\n\n[[goals]]\nid = \"nrr\"\n\
                title = \"Keep net revenue retention at 95%\"\nfamily = \"customers\"\n\
                objective = \"grow\"\nowner = \"team:inside\"\nreview = \"monthly\"\n\
                steps = [\"Call\"]\n\n  [[goals.targets]]\n  metric = \"nrr\"\n  target = 95\n";
    fs::write(&goal_file, format!("{GOAL_FILE}\n{rate}")).unwrap();
    let csv = dir.join("nrr.csv");
    fs::write(
        &csv,
        "date,rep,metric,value\n2027-01-20,r1,nrr,80\n2027-01-31,inside,nrr,97\n",
    )
    .unwrap();
    let run = |command: &str| {
        let output = goals_within_a_minute()
            .args(["--as-of", "2027-01-31", command])
            .arg(&goal_file)
            .arg("--actuals")
            .arg(&csv)
            .args(["--by", "month", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
        parse(&output)
    };
    let track = run("track");
    let nrr = goal_target(&track, "nrr");
    assert_eq!(nrr["actual_to_date"].as_f64(), Some(97.0));
    assert_eq!(nrr["team_level_actual"].as_f64(), Some(97.0));
    let reps = nrr["reps"].as_array().unwrap();
    assert_eq!(reps[0]["actual_to_date"].as_f64(), Some(80.0));
    let replan = run("replan");
    let january = &goal_target(&replan, "nrr")["periods"][0];
    assert_eq!(january["quota"].as_f64(), Some(97.0), "{january}");
}

#[test]
fn the_goal_file_and_the_export_cannot_both_be_standard_input() {
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track", "-", "--actuals", "-"])
        .write_stdin(GOAL_FILE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", printed(&output));
    assert!(
        printed(&output).contains("cannot both be standard input"),
        "{}",
        printed(&output)
    );
}
