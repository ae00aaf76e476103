//! Small commands and the help of every command: `explain --list`, `init -`, and `--help`
//! in one form everywhere.

use super::common::{goals, stdout_of, succeed};

fn stdout(args: &[&str]) -> String {
    stdout_of(goals().args(args))
}

const COMMANDS: &[&str] = &[
    "init",
    "check",
    "plan",
    "funnel",
    "survey",
    "track",
    "replan",
    "capacity",
    "baseline",
    "report",
    "diff",
    "explain",
    "schema",
    "completions",
];

#[test]
fn every_command_has_its_help_in_the_same_short_form() {
    let top = stdout(&["--help"]);
    let listed = top
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .count();
    assert_eq!(
        listed,
        COMMANDS.len(),
        "every command is in this test:\n{top}"
    );
    for command in COMMANDS {
        assert!(
            top.contains(&format!("  {command} ")),
            "`{command}` in goals --help"
        );
        let long = stdout(&[command, "--help"]);
        assert_eq!(
            long,
            stdout(&[command, "-h"]),
            "{command}: -h and --help agree"
        );
        assert!(
            long.contains(&format!("Usage: goals {command} [OPTIONS]")),
            "{command}:\n{long}"
        );
        assert!(
            !long.contains("see a summary"),
            "{command} switched to the long form:\n{long}"
        );
        assert!(long.contains("\nOptions:\n"), "{command}");
        assert!(long.contains("\nGlobal options:\n"), "{command}");
        for line in long.lines() {
            assert!(
                line.chars().count() <= 80,
                "{command}: over 80 columns: {line}"
            );
        }
        let about = long.lines().next().unwrap();
        assert!(
            !about.ends_with('.'),
            "{command}: the summary line is a title: {about}"
        );
    }
}

#[test]
fn explain_list_has_one_row_per_code_with_severity_and_criterion() {
    let list = stdout(&["explain", "--list"]);
    let pinned = std::fs::read_to_string("tests/codes.txt").unwrap();
    let (header, body) = list.split_once('\n').unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["code", "severity", "criterion", "summary"]
    );
    let summary_at = header.find("summary").unwrap();
    // A row's first line starts with its code; a long summary goes on below, in its column.
    let mut rows: Vec<String> = Vec::new();
    for line in body.lines() {
        assert!(line.chars().count() <= 80, "over 80 columns: {line}");
        if line.starts_with(' ') {
            assert_eq!(line.find(|c| c != ' '), Some(summary_at), "{line}");
            rows.last_mut().unwrap().push_str(&line[summary_at - 1..]);
        } else {
            rows.push(line.to_string());
        }
    }
    assert_eq!(rows.len(), pinned.lines().count());
    for (row, code) in rows.iter().zip(pinned.lines()) {
        let fields: Vec<&str> = row.split_whitespace().collect();
        let expected: Vec<&str> = code.split(' ').collect();
        // tests/codes.txt writes SARIF's `note` for an info.
        let severity = if expected[1] == "note" {
            "info"
        } else {
            expected[1]
        };
        assert_eq!(
            (fields[0], fields[1], fields[2]),
            (expected[0], severity, expected[2])
        );
        assert!(fields.len() > 3, "a summary follows: {row}");
    }
    let wide = stdout_of(goals().env("COLUMNS", "200").args(["explain", "--list"]));
    assert_eq!(
        wide.lines().count(),
        rows.len() + 1,
        "a wide terminal has room for every summary on its line:\n{wide}"
    );
    let joined: Vec<String> = wide
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let rows: Vec<String> = rows
        .iter()
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(joined, rows, "wrapping keeps every word");
    let out = goals()
        .args(["explain", "--list", "toml-syntax"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a code or --list, not both");
    let out = goals().arg("explain").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a code or --list");
}

#[test]
fn init_dash_writes_the_starter_to_stdout_and_it_passes_check() {
    let starter = stdout(&["init", "-"]);
    assert!(starter.starts_with("#:schema ./goals.schema.json\n"));
    assert!(!std::path::Path::new("-").exists(), "no file named `-`");
    succeed(
        goals()
            .args(["--as-of", "2026-12-01", "check", "-", "--deny-warnings"])
            .write_stdin(starter),
    );
}
