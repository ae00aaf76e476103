//! `goals check --format sarif` against the official SARIF 2.1.0 JSON schema (shipped in
//! tests/, from the OASIS sarif-spec repository), with formats such as `uri-reference`
//! validated: every result has a region, URIs are relative to `%SRCROOT%`.

use std::path::Path;

use serde_json::Value;

use super::common::{AS_OF, goals_as_of, json_and_code};

/// The schema declares draft-04, which has no `uri-reference` format; it uses no keyword whose
/// meaning changed up to draft-07 (no `exclusiveMinimum`, `id` only at the root), so it is
/// applied with draft-07 rules, which check that format.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/sarif-schema-2.1.0.json").unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(doc: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

fn sarif(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Value {
    let mut cmd = goals_as_of(AS_OF);
    cmd.current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "sarif"]);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    json_and_code(&mut cmd).0
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn the_broken_example_is_valid_sarif_with_a_region_on_every_result() {
    let doc = sarif(Path::new("."), &["examples/broken.toml"], None);
    assert_valid(&doc);
    assert!(!results(&doc).is_empty());
    for result in results(&doc) {
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["region"]["startLine"].as_u64().unwrap() >= 1,
            "{result}"
        );
        assert_eq!(location["artifactLocation"]["uri"], "examples/broken.toml");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    }
    let root = doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
}

#[test]
fn a_finding_about_the_whole_file_points_at_line_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("empty.toml"), "").unwrap();
    let doc = sarif(dir.path(), &["./sub/../empty.toml"], None);
    assert_valid(&doc);
    let whole_file: Vec<&Value> = results(&doc)
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["region"]["startColumn"].is_null())
        .collect();
    assert!(
        !whole_file.is_empty(),
        "an empty file has findings about the whole file"
    );
    for result in whole_file {
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["region"]["startLine"], 1);
        assert_eq!(location["artifactLocation"]["uri"], "empty.toml");
    }
}

#[test]
fn standard_input_and_suppressed_findings_are_valid_sarif() {
    let text = std::fs::read_to_string("goals.example.toml")
        .unwrap()
        .replace("review = \"", "# review = \"");
    let text = format!("[check]\nallow = [\"goal-without-review\"]\n\n{text}");
    let doc = sarif(Path::new("."), &["-"], Some(text.into_bytes()));
    assert_valid(&doc);
    let suppressed: Vec<&Value> = results(&doc)
        .iter()
        .filter(|r| r["ruleId"] == "goal-without-review")
        .collect();
    assert_eq!(suppressed.len(), 6);
    for result in suppressed {
        assert_eq!(result["suppressions"][0]["kind"], "inSource");
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "stdin");
    }
}

#[test]
fn the_validator_refuses_what_code_scanning_refuses() {
    // The test is only worth something if the schema catches the old mistakes.
    let mut doc = sarif(Path::new("."), &["examples/broken.toml"], None);
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        Value::from("<stdin>");
    assert!(!validator().is_valid(&doc), "`<stdin>` is no URI reference");
    let mut doc = sarif(Path::new("."), &["examples/broken.toml"], None);
    doc["runs"][0]["results"][0]["suppressions"] = serde_json::json!([{ "kind": "inline" }]);
    assert!(
        !validator().is_valid(&doc),
        "suppression kinds are a closed set"
    );
}
