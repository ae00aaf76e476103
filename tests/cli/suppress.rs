//! `allow = [...]` in a goal file: accepted warnings and infos stay visible, marked suppressed,
//! are counted apart, and never fail `--deny-warnings`; errors are never suppressed.

use std::path::Path;

use serde_json::Value;

use super::common::{AS_OF, goals_as_of, json_and_code, write_file};

/// The example without its `review` cadences: one `goal-without-review` warning per goal.
fn without_reviews() -> String {
    std::fs::read_to_string("goals.example.toml")
        .unwrap()
        .replace("review = \"", "# review = \"")
}

fn check_json(path: &Path) -> Value {
    json_and_code(
        goals_as_of(AS_OF)
            .arg("check")
            .arg(path)
            .args(["--format", "json"]),
    )
    .0
}

/// Puts `allow` at the top of the goal `id`'s table.
fn allow_on_goal(text: &str, id: &str, codes: &str) -> String {
    let at = format!("id = \"{id}\"\n");
    assert!(text.contains(&at), "the example has goal {id}");
    text.replacen(&at, &format!("{at}allow = [{codes}]\n"), 1)
}

#[test]
fn a_suppressed_warning_passes_deny_warnings_and_an_unsuppressed_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    let everywhere = format!(
        "[check]\nallow = [\"goal-without-review\"]\n\n{}",
        without_reviews()
    );
    let all = write_file(dir.path(), "all.toml", &everywhere);
    goals_as_of(AS_OF)
        .arg("check")
        .arg(&all)
        .arg("--deny-warnings")
        .assert()
        .code(0);

    // Accepted on one goal only: the other goals' warnings still fail the check.
    let one = write_file(
        dir.path(),
        "one.toml",
        &allow_on_goal(
            &without_reviews(),
            "new-customers",
            "\"goal-without-review\"",
        ),
    );
    goals_as_of(AS_OF)
        .arg("check")
        .arg(&one)
        .arg("--deny-warnings")
        .assert()
        .code(1);
    let doc = check_json(&one);
    let reviews: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "goal-without-review")
        .collect();
    assert_eq!(reviews.len(), 6);
    for d in &reviews {
        let expected = d["goal"] == "new-customers";
        assert_eq!(d["suppressed"], expected, "{d}");
    }
    assert_eq!(doc["summary"]["warnings"], 5);
    assert_eq!(doc["summary"]["suppressed"], 1);
    // The scorecard grades what is not accepted.
    assert_eq!(doc["scorecard"][0]["goal"], "new-customers");
    assert_eq!(doc["scorecard"][0]["time_bound"], "ok");
    assert_eq!(doc["scorecard"][1]["time_bound"], "warning");
}

#[test]
fn the_human_summary_counts_suppressed_findings_apart() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "[check]\nallow = [\"goal-without-review\"]\n\n{}",
        without_reviews()
    );
    let path = write_file(dir.path(), "goals.toml", &text);
    let out = goals_as_of(AS_OF).arg("check").arg(&path).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("0 errors, 0 warnings, 0 infos (6 suppressed by `allow`)"),
        "{stderr}"
    );
    assert!(!stderr.contains("goal-without-review"), "{stderr}");
}

#[test]
fn errors_cannot_be_suppressed_and_unknown_codes_get_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let text = allow_on_goal(
        &without_reviews().replacen("title = \"Win", "titel = \"Win", 1),
        "new-customers",
        "\"unknown-key\", \"goal-without-reveiw\"",
    );
    let path = write_file(dir.path(), "goals.toml", &text);
    let doc = check_json(&path);
    let find = |code: &str| {
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("a {code} finding in {doc}"))
            .clone()
    };
    let error = find("allow-error-code");
    assert_eq!(error["severity"], "warning");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("`unknown-key` is an error")
    );
    let unknown = find("allow-unknown-code");
    assert!(
        unknown["help"]
            .as_str()
            .unwrap()
            .contains("did you mean `goal-without-review`?"),
        "{unknown}"
    );
    let errors: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(errors.iter().any(|d| d["code"] == "unknown-key"));
    assert!(errors.iter().all(|d| d["suppressed"] == false));
    assert_eq!(doc["summary"]["errors"], errors.len());
}
