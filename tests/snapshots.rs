//! Golden outputs of the shipped example: the plan as a table and as JSON, and the check
//! findings of the broken example. A change to any of them shows up here as a diff to review;
//! `GOALS_BLESS=1 cargo test --test snapshots` rewrites them after an intended change.

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("goals")
        .expect("the goals binary is built")
        .args(["--as-of", "2026-12-01"])
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .expect("goals runs");
    let mut text = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    text.push_str(&String::from_utf8(out.stdout).expect("UTF-8 stdout"));
    let code = out.status.code().unwrap_or(-1);
    text.push_str("[exit ");
    text.push_str(&code.to_string());
    text.push_str("]\n");
    text
}

fn check_snapshot(name: &str, actual: &str) {
    let path = format!("tests/snapshots/{name}");
    if std::env::var_os("GOALS_BLESS").is_some() {
        std::fs::write(&path, actual).expect("the snapshot is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{path} differs from the program's output at line {}:\n  snapshot: {:?}\n  program:  {:?}\nreview the change, then rerun with GOALS_BLESS=1",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn the_example_plan_table() {
    check_snapshot("example-plan.txt", &run(&["plan", "goals.example.toml"]));
}

#[test]
fn the_example_plan_json() {
    check_snapshot(
        "example-plan.json.txt",
        &run(&["plan", "goals.example.toml", "--format", "json"]),
    );
}

#[test]
fn the_broken_example_findings() {
    check_snapshot("broken-check.txt", &run(&["check", "examples/broken.toml"]));
}
