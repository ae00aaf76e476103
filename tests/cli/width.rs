//! Human output in an 80-column terminal: every line that the tool composes fits, for every
//! shipped goal file and command, in both streams. Quoted goal-file lines in finding snippets
//! are the file's own text, bad CSV rows are one `file:line:` record each for editors and
//! grep, and a fatal `goals: error:` is one line in a pipe (wrapped only at a terminal): all
//! are left whole.

use std::process::Output;

use serde_json::Value;

use super::common::{goals, goals_as_of, goals_with_colour_env};

const FILES: &[&str] = &[
    "goals.example.toml",
    "examples/capacity.toml",
    "examples/customers.toml",
    "examples/product.toml",
    "examples/skills.toml",
    "examples/broken.toml",
    "tests/fixtures/guide.toml",
    "tests/fixtures/outbound.toml",
    "tests/fixtures/retention.toml",
    "docs/tour/step1.toml",
    "docs/tour/step2.toml",
    "docs/tour/step3.toml",
    "docs/tour/step4.toml",
];

fn run(args: &[&str]) -> Output {
    goals_with_colour_env("2027-06-30")
        .args(args)
        .output()
        .unwrap()
}

/// A line of a finding snippet that quotes the goal file: `12 | text`.
fn quotes_the_file(line: &str) -> bool {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && trimmed[digits..].starts_with(" | ")
}

/// A bad-row record: `examples/actuals.csv:2: column `rep`: …`.
fn is_a_record(line: &str) -> bool {
    line.split_once(".csv:")
        .is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn assert_fits(args: &[&str]) {
    let out = run(args);
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for line in text
            .lines()
            .filter(|l| !quotes_the_file(l) && !is_a_record(l) && !l.starts_with("goals: error: "))
        {
            assert!(
                line.chars().count() <= 80,
                "`goals {}` writes a {}-column line to {stream}:\n{line}",
                args.join(" "),
                line.chars().count()
            );
        }
    }
}

#[test]
fn every_line_of_goals_funnel_fits_80_columns() {
    for file in FILES {
        for by in ["quarter", "month", "week"] {
            assert_fits(&["funnel", file, "--by", by]);
        }
    }
}

#[test]
fn every_line_of_goals_plan_and_check_fits_80_columns() {
    for file in FILES {
        assert_fits(&["check", file]);
        for by in ["quarter", "month", "week", "day"] {
            assert_fits(&["plan", file, "--by", by]);
        }
    }
}

#[test]
fn every_line_of_goals_track_and_replan_fits_80_columns() {
    for file in ["goals.example.toml", "examples/product.toml"] {
        for actuals in ["examples/actuals.csv", "examples/crm-deals.csv"] {
            assert_fits(&["track", file, "--actuals", actuals]);
            assert_fits(&["replan", file, "--actuals", actuals]);
        }
    }
}

#[test]
fn explain_output_fits_80_columns_for_every_code_and_the_list() {
    assert_fits(&["explain", "--list"]);
    let sarif = run(&["check", "examples/broken.toml", "--format", "sarif"]);
    let log: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.len() > 30, "every code is a SARIF rule");
    for rule in rules {
        assert_fits(&["explain", rule["id"].as_str().unwrap()]);
    }
}

#[test]
fn explain_keeps_the_indent_of_wrapped_paragraphs() {
    let out = run(&["explain", "quota-above-capacity"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let why: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Why it matters")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(why.len() > 1, "the paragraph is wrapped:\n{text}");
    assert!(why.iter().all(|l| l.starts_with("  ")), "{text}");
}

#[test]
fn findings_keep_long_details_out_of_the_headline() {
    let out = run(&[
        "check",
        "docs/tour/step3.toml",
        "--feedback",
        "docs/tour/survey.csv",
    ]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "warning[low-team-confidence]: the team's mean confidence in goal `new-cafes` is\n\
             \x20                             2.7 of 5\n"
        ),
        "{err}"
    );
    // Continuation lines align after `= note: ` and `= help: `, as rustc aligns them.
    assert!(
        err.contains(
            "   = note: doubts voiced: tom: Tastings go well but I never know what to say\n\
             \x20          about price;"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "   = help: talk to the reps about the challenges they named before committing\n\
             \x20          the goal\n"
        ),
        "{err}"
    );
}

#[test]
fn the_feedback_summary_counts_the_survey_apart_from_goal_files() {
    let out = run(&[
        "check",
        "docs/tour/step3.toml",
        "--feedback",
        "docs/tour/survey.csv",
    ]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("6 answers read, 2 not filled in"), "{err}");
    assert!(
        err.ends_with("1 file, 1 survey, 2 goals: 0 errors, 1 warning, 1 info\n"),
        "{err}"
    );
}

#[test]
fn a_wider_terminal_keeps_lines_whole() {
    let out = goals()
        .args(["funnel", "goals.example.toml"])
        .env("COLUMNS", "120")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "Selling hours: needed by funnel activity / available (hours_per_week × selling_share)"
        ),
        "{text}"
    );
}

#[test]
fn funnel_markdown_groups_thousands_like_the_table() {
    let out = run(&["funnel", "goals.example.toml", "--format", "markdown"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| calls | 10% | 10 | 10,560 | 1,056.0 |"),
        "{text}"
    );
    assert!(text.contains("| 2027-01 | 22.0/91.2 |"), "{text}");
}

#[test]
fn colour_only_on_request_and_aligned_when_on() {
    let plain = run(&["funnel", "docs/tour/step4.toml", "--by", "quarter"]);
    assert!(!plain.stdout.contains(&0x1b), "no colour into a pipe");
    let coloured = run(&[
        "--color",
        "always",
        "funnel",
        "docs/tour/step4.toml",
        "--by",
        "quarter",
    ]);
    let text = String::from_utf8(coloured.stdout).unwrap();
    assert!(text.contains('\u{1b}'), "--color always colours");
    let strip = |line: &str| {
        let mut out = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                chars.by_ref().find(char::is_ascii_alphabetic);
            } else {
                out.push(c);
            }
        }
        out
    };
    let plain = String::from_utf8(plain.stdout).unwrap();
    let stripped: Vec<String> = text.lines().map(strip).collect();
    let plain: Vec<&str> = plain.lines().collect();
    assert_eq!(stripped, plain, "colour changes no column");
}

#[test]
fn a_funnel_report_without_funnel_targets_says_so_in_every_format() {
    for format in ["table", "markdown"] {
        let out = run(&["funnel", "examples/capacity.toml", "--format", format]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.to_lowercase()
                .contains("no target shown has a funnel: add `funnel = \"id\"`"),
            "{format}:\n{text}"
        );
        assert!(!text.contains("| period |"), "no empty table:\n{text}");
    }
}

#[test]
fn a_rep_named_in_wide_characters_keeps_the_columns_after_it_in_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("goals.toml");
    let text = std::fs::read_to_string("goals.example.toml")
        .unwrap()
        .replace("giulia", "田中");
    std::fs::write(&path, text).unwrap();
    let out = run(&["plan", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let header = lines.iter().position(|l| l.contains("田中")).unwrap();
    // 田 and 中 take two columns each: the rep's column is four wide, as its quotas are
    // right-aligned under it.
    assert_eq!(lines[header], "period   quota  田中  marco  chiara  luca");
    assert_eq!(
        lines[header + 1],
        "2027-01    100    25     25      25    25  ##########"
    );
}

#[test]
fn clicolor_force_colours_a_pipe_unless_no_color_is_set() {
    let with = |vars: &[(&str, &str)]| {
        let mut cmd = goals_with_colour_env("2027-06-30");
        cmd.args(["check", "examples/broken.toml"])
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        [out.stdout, out.stderr].concat().contains(&0x1b)
    };
    assert!(!with(&[]), "a pipe gets no colour");
    assert!(with(&[("CLICOLOR_FORCE", "1")]));
    assert!(!with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!with(&[("CLICOLOR", "0")]));
}

#[test]
fn a_pipe_without_columns_gets_80_columns() {
    let out = goals_as_of("2027-06-30")
        .args(["plan", "goals.example.toml"])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80, "{widest} columns");
    assert!(widest > 60, "the table uses the width: {widest}");
}
