//! Golden outputs of the shipped example: the plan as a table and as JSON, the check
//! findings of the broken example, and the list of check codes, as insta snapshots under `tests/snapshots/`. A change to
//! any of them shows up here as a diff to review with `cargo insta review`.

use super::common::{AS_OF, goals_as_of};

fn run(args: &[&str]) -> String {
    let out = goals_as_of(AS_OF).args(args).output().expect("goals runs");
    let mut text = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    text.push_str(&String::from_utf8(out.stdout).expect("UTF-8 stdout"));
    let code = out.status.code().unwrap_or(-1);
    text.push_str("[exit ");
    text.push_str(&code.to_string());
    text.push_str("]\n");
    text
}

/// Compares `actual` with the insta snapshot `tests/snapshots/{name}.snap`; review a change
/// with `cargo insta review` (or `INSTA_UPDATE=always`), never in CI.
fn check_snapshot(name: &str, actual: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, actual);
    });
}

#[test]
fn the_example_plan_table() {
    check_snapshot("example-plan", &run(&["plan", "goals.example.toml"]));
}

#[test]
fn the_example_plan_json() {
    check_snapshot(
        "example-plan.json",
        &run(&["plan", "goals.example.toml", "--format", "json"]),
    );
}

#[test]
fn the_broken_example_findings() {
    check_snapshot("broken-check", &run(&["check", "examples/broken.toml"]));
}

#[test]
fn the_list_of_check_codes_in_80_columns() {
    check_snapshot("explain-list", &run(&["explain", "--list"]));
}
