//! `goals check` as CI uses it: every format carries the same findings, exit codes follow
//! the contract, and the example files keep their outcome.

use serde_json::Value;

use super::common::{AS_OF, goals_with_colour_env, json_and_code};

fn json_of(args: &[&str]) -> (Value, i32) {
    json_and_code(goals_with_colour_env(AS_OF).args(args))
}

#[test]
fn the_example_and_every_family_example_pass() {
    for file in [
        "goals.example.toml",
        "examples/capacity.toml",
        "examples/product.toml",
        "examples/skills.toml",
        "examples/customers.toml",
    ] {
        let (doc, code) = json_of(&["check", file, "--format", "json"]);
        assert_eq!(code, 0, "{file}: {doc}");
        assert_eq!(doc["summary"]["errors"], 0, "{file}");
        assert_eq!(
            doc["summary"]["warnings"], 0,
            "{file}: {}",
            doc["diagnostics"]
        );
    }
}

#[test]
fn the_broken_example_shows_its_findings() {
    let (doc, code) = json_of(&["check", "examples/broken.toml", "--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(doc["version"], 1);
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for expected in [
        "unknown-key",
        "title-too-vague",
        "unknown-reference",
        "duplicate-id",
        "target-not-positive",
        "relative-target-without-baseline",
        "rate-out-of-range",
        "goal-missing-steps",
        "goal-without-family",
        "goal-without-review",
        "end-before-start",
        "growth-too-high",
        "seasonality-missing-month",
        "metric-without-source",
    ] {
        assert!(
            codes.contains(&expected),
            "{expected} missing from {codes:?}"
        );
    }
    let first = &doc["diagnostics"][0];
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(16), Some(1))
    );
    assert_eq!(first["help"], "did you mean `currency`?");
    let card = doc["scorecard"].as_array().unwrap();
    let sell_more = card.iter().find(|r| r["goal"] == "sell-more").unwrap();
    assert_eq!(sell_more["specific"], "warning");
    assert_eq!(sell_more["measurable"], "ok");
}

#[test]
fn human_findings_point_at_the_key() {
    let out = goals_with_colour_env(AS_OF)
        .args(["check", "examples/broken.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("error[unknown-key]: unknown key `curency` in [plan]"),
        "{text}"
    );
    assert!(text.contains("  --> examples/broken.toml:16:1"), "{text}");
    assert!(text.contains("= help: did you mean `currency`?"), "{text}");
    assert!(
        text.contains("SMART scorecard: examples/broken.toml"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour through a pipe");
    assert!(out.stdout.is_empty());
}

#[test]
fn github_annotations_are_escaped_lines() {
    let out = goals_with_colour_env(AS_OF)
        .args(["check", "examples/broken.toml", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("::error file=examples/broken.toml,line=16,col=1,endLine=16,endColumn=8,title=unknown-key (file)::"), "{first}");
    assert!(
        first.contains("%0Ahelp: did you mean `currency`?"),
        "{first}"
    );
    let (doc, _) = json_of(&["check", "examples/broken.toml", "--format", "json"]);
    assert_eq!(
        text.lines().count(),
        doc["diagnostics"].as_array().unwrap().len()
    );
}

#[test]
fn sarif_is_2_1_0_with_rules_and_regions() {
    let (doc, code) = json_of(&["check", "examples/broken.toml", "--format", "sarif"]);
    assert_eq!(code, 1);
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "unknown-key");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        16
    );
    let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "unknown-key");
}

#[test]
fn warnings_pass_unless_denied() {
    let text = std::fs::read_to_string("goals.example.toml")
        .unwrap()
        .replace("review = \"", "# review = \"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warn.toml");
    std::fs::write(&path, text).unwrap();
    goals_with_colour_env(AS_OF)
        .arg("check")
        .arg(&path)
        .assert()
        .code(0);
    goals_with_colour_env(AS_OF)
        .arg("check")
        .arg(&path)
        .arg("--deny-warnings")
        .assert()
        .code(1);
}

#[test]
fn several_files_and_stdin() {
    let example = std::fs::read("goals.example.toml").unwrap();
    let (doc, code) = json_of(&[
        "check",
        "goals.example.toml",
        "examples/broken.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(doc["summary"]["files"], 2);
    let out = goals_with_colour_env(AS_OF)
        .args(["check", "-", "--format", "json"])
        .write_stdin(example)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["goals"], 6);
}

#[test]
fn unreadable_input_is_exit_2_with_advice() {
    let out = goals_with_colour_env(AS_OF)
        .args(["check", "no-such.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("no-such.toml: no such file; run `goals init no-such.toml`"),
        "{text}"
    );
    goals_with_colour_env(AS_OF)
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    goals_with_colour_env(AS_OF)
        .args(["--as-of", "yesterday", "check"])
        .assert()
        .code(2);
}

#[test]
fn syntax_errors_and_invalid_utf8_are_findings() {
    let out = goals_with_colour_env(AS_OF)
        .args(["check", "-", "--format", "json"])
        .write_stdin(b"[plan\nname = \xff\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["file"] == "<stdin>")
    );
    assert!(doc["diagnostics"][0]["code"] == "toml-syntax");
}

#[test]
fn explain_every_code_and_suggest_unknown_ones() {
    let (doc, _) = json_of(&["check", "examples/broken.toml", "--format", "sarif"]);
    for rule in doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        let code = rule["id"].as_str().unwrap();
        let out = goals_with_colour_env(AS_OF)
            .args(["explain", code])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(code) && text.contains("How to fix it") && text.contains("Example"),
            "{text}"
        );
    }
    let out = goals_with_colour_env(AS_OF)
        .args(["explain", "target-not-positiv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `target-not-positive`?")
    );
}

#[test]
fn init_writes_a_passing_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("goals.toml");
    goals_with_colour_env(AS_OF)
        .arg("init")
        .arg(&path)
        .assert()
        .code(0);
    goals_with_colour_env(AS_OF)
        .arg("check")
        .arg(&path)
        .arg("--deny-warnings")
        .assert()
        .code(0);
    std::fs::write(&path, "keep me").unwrap();
    let out = goals_with_colour_env(AS_OF)
        .arg("init")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("already exists; pass --force")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    goals_with_colour_env(AS_OF)
        .arg("init")
        .arg(&path)
        .arg("--force")
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("#:schema")
    );
}

#[test]
fn the_committed_schema_matches_goals_schema() {
    let out = goals_with_colour_env(AS_OF).arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let committed =
        std::fs::read_to_string("goals.schema.json").expect("goals.schema.json is committed");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "run `goals schema > goals.schema.json`"
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = goals_with_colour_env(AS_OF)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(String::from_utf8(out.stdout).unwrap().contains("goals"));
    }
}

#[test]
fn the_list_of_codes_is_pinned() {
    let (doc, _) = json_of(&["check", "examples/broken.toml", "--format", "sarif"]);
    let listed: Vec<String> = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["id"].as_str().unwrap(),
                r["defaultConfiguration"]["level"].as_str().unwrap(),
                r["properties"]["tags"][1].as_str().unwrap()
            )
        })
        .collect();
    let pinned = std::fs::read_to_string("tests/codes.txt").unwrap();
    assert_eq!(
        listed.join("\n") + "\n",
        pinned,
        "a code was added, renamed or changed: update tests/codes.txt and CHANGELOG.md"
    );
}
