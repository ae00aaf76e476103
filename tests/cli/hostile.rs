//! The hostile-input corpus: every bad goal file under `tests/hostile/goals/` and every bad
//! CSV under `tests/hostile/actuals/` is run through the binary, and each must end with its
//! expected exit code and finding, never a panic, always naming the file. Inputs too big to
//! commit (deep nesting, huge files, a million columns) are generated here in a temp dir.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use super::common::{goals_within_a_minute, printed, root, with_early_close};

/// Goal file → (exit code of `check`, a diagnostic code it must report). Exit 0 means the
/// file is valid despite its looks; its first comment line says why.
const GOAL_FILES: &[(&str, i32, &str)] = &[
    (
        "capacity_all_reps_left_before_plan.toml",
        1,
        "no-rep-active",
    ),
    (
        "capacity_all_reps_start_after_plan.toml",
        1,
        "no-rep-active",
    ),
    (
        "capacity_no_teams_no_reps.toml",
        1,
        "owner-team-without-reps",
    ),
    ("capacity_no_workdays.toml", 1, "invalid-value"),
    ("capacity_ramp_zero_all_year.toml", 1, "no-rep-active"),
    (
        "capacity_team_without_reps.toml",
        1,
        "owner-team-without-reps",
    ),
    ("capacity_time_off_all_year.toml", 1, "no-rep-active"),
    ("capacity_workdays_all_holidays.toml", 1, "no-rep-active"),
    ("currency_clf_four_decimals.toml", 0, ""),
    ("currency_gold.toml", 1, "unknown-currency"),
    ("currency_lower_case.toml", 1, "unknown-currency"),
    ("currency_unknown.toml", 1, "unknown-currency"),
    ("currency_withdrawn.toml", 1, "unknown-currency"),
    ("date_funnel_before_year_one.toml", 1, "invalid-value"),
    ("date_plan_10000_years.toml", 1, "plan-too-long"),
    ("date_plan_10_years_from_29_february.toml", 0, ""),
    ("date_plan_10_years_mid_month.toml", 0, ""),
    ("date_plan_datetime.toml", 1, "wrong-type"),
    ("date_plan_end_before_start.toml", 1, "end-before-start"),
    ("date_plan_end_year_10000_string.toml", 1, "invalid-value"),
    ("date_plan_feb_30.toml", 1, "invalid-value"),
    ("date_plan_from_29_february.toml", 0, ""),
    ("date_plan_past_9999.toml", 1, "invalid-value"),
    ("date_plan_start_garbage.toml", 1, "invalid-value"),
    ("date_plan_time_only.toml", 1, "wrong-type"),
    ("date_plan_year_zero.toml", 1, "invalid-value"),
    ("date_rep_end_before_start.toml", 1, "end-before-start"),
    ("date_target_end_before_start.toml", 1, "end-before-start"),
    ("date_target_outside_plan.toml", 1, "target-outside-plan"),
    ("date_time_off_backwards.toml", 1, "invalid-value"),
    ("encoding_empty.toml", 1, "no-dates"),
    ("encoding_invalid_utf8.toml", 1, "toml-syntax"),
    ("encoding_invalid_utf8_in_comment.toml", 1, "toml-syntax"),
    ("encoding_latin1.toml", 1, "toml-syntax"),
    ("encoding_nul_between_tables.toml", 1, "toml-syntax"),
    ("encoding_nul_in_string.toml", 1, "toml-syntax"),
    ("encoding_only_comments.toml", 1, "no-dates"),
    ("encoding_only_whitespace.toml", 1, "no-dates"),
    ("encoding_utf16.toml", 1, "toml-syntax"),
    ("id_alias_on_two_reps.toml", 1, "shared-alias"),
    ("id_blank_alias.toml", 1, "empty-id"),
    ("id_blank_goal.toml", 1, "empty-id"),
    ("id_empty_metric_name.toml", 1, "empty-id"),
    ("id_empty_team.toml", 1, "empty-id"),
    ("id_name_is_other_reps_alias.toml", 1, "shared-alias"),
    ("layout_bom.toml", 0, ""),
    ("layout_crlf.toml", 0, ""),
    ("layout_deep_arrays_100.toml", 1, "wrong-type"),
    ("layout_deep_inline_100.toml", 1, "unknown-key"),
    ("layout_lone_cr.toml", 1, "toml-syntax"),
    ("layout_long_key.toml", 1, "unknown-key"),
    ("layout_long_title.toml", 0, ""),
    ("layout_tabs.toml", 0, ""),
    ("num_baseline_huge.toml", 1, "wrong-type"),
    ("num_baseline_max_decimal.toml", 1, "target-not-finite"),
    ("num_baseline_negative.toml", 1, "baseline-negative"),
    ("num_baseline_tiny.toml", 0, ""),
    ("num_capacity_max_decimal.toml", 1, "target-not-finite"),
    ("num_capacity_negative.toml", 1, "invalid-value"),
    ("num_feedback_confidence_huge.toml", 1, "invalid-value"),
    ("num_fiscal_year_start_13.toml", 1, "invalid-value"),
    ("num_fte_1e-30.toml", 1, "target-not-finite"),
    ("num_fte_above_one.toml", 1, "invalid-value"),
    ("num_fte_zero.toml", 1, "invalid-value"),
    ("num_funnel_deal_size_tiny.toml", 1, "target-not-finite"),
    ("num_funnel_minutes_beyond_a_year.toml", 1, "invalid-value"),
    (
        "num_funnel_minutes_max_decimal.toml",
        1,
        "target-not-finite",
    ),
    ("num_funnel_rate_tiny.toml", 1, "funnel-rate-out-of-range"),
    ("num_hours_max_decimal.toml", 1, "target-not-finite"),
    ("num_hours_per_week_huge.toml", 1, "target-not-finite"),
    ("num_level_target_huge.toml", 1, "target-not-finite"),
    ("num_max_goals_huge.toml", 1, "invalid-value"),
    ("num_money_huge_string.toml", 1, "wrong-type"),
    ("num_money_max_i64.toml", 1, "target-not-finite"),
    ("num_money_tiny.toml", 1, "target-not-positive"),
    ("num_money_tiny_string.toml", 1, "target-not-positive"),
    ("num_ramp_huge.toml", 1, "target-not-finite"),
    ("num_rate_target_huge.toml", 1, "target-not-finite"),
    (
        "num_relative_target_1e27_percent.toml",
        1,
        "target-not-finite",
    ),
    ("num_relative_target_huge.toml", 1, "wrong-type"),
    ("num_relative_target_overflow.toml", 1, "target-not-finite"),
    (
        "num_seasonality_max_decimal.toml",
        1,
        "seasonality-missing-month",
    ),
    ("num_target_1e300.toml", 1, "target-not-finite"),
    ("num_target_40_digits.toml", 1, "wrong-type"),
    (
        "num_target_huge_per_day_each_rep.toml",
        1,
        "target-not-finite",
    ),
    ("num_target_inf.toml", 1, "target-not-finite"),
    ("num_target_max_decimal.toml", 1, "target-not-finite"),
    ("num_target_nan.toml", 1, "target-not-finite"),
    ("num_target_negative_zero.toml", 1, "target-not-positive"),
    (
        "num_target_negative_zero_float.toml",
        1,
        "target-not-positive",
    ),
    ("num_target_trillion_per_day.toml", 1, "target-not-finite"),
    ("ref_actuals_path_empty.toml", 1, "invalid-value"),
    ("ref_actuals_unknown_metric.toml", 1, "unknown-reference"),
    ("ref_alias_is_other_rep.toml", 1, "shared-alias"),
    ("ref_duplicate_goal_id.toml", 1, "duplicate-id"),
    ("ref_duplicate_rep_id.toml", 1, "duplicate-id"),
    ("ref_feedback_unknown_goal.toml", 1, "unknown-reference"),
    ("ref_feedback_unknown_rep.toml", 1, "unknown-reference"),
    ("ref_funnel_missing.toml", 1, "unknown-reference"),
    ("ref_metric_missing.toml", 1, "unknown-reference"),
    ("ref_objective_missing.toml", 1, "unknown-reference"),
    ("ref_owner_garbage.toml", 1, "goal-missing-owner"),
    ("ref_owner_rep_missing.toml", 1, "unknown-reference"),
    ("ref_owner_team_missing.toml", 1, "unknown-reference"),
    ("ref_profile_missing.toml", 1, "unknown-reference"),
    ("ref_rep_team_missing.toml", 1, "unknown-reference"),
    ("syntax_array_of_junk.toml", 1, "toml-syntax"),
    ("syntax_bad_date_literal.toml", 1, "invalid-value"),
    ("syntax_bad_escape.toml", 1, "toml-syntax"),
    ("syntax_bad_inline_table.toml", 1, "invalid-value"),
    ("syntax_control_character.toml", 1, "toml-syntax"),
    ("syntax_duplicate_key.toml", 1, "toml-syntax"),
    ("syntax_duplicate_metric_table.toml", 1, "toml-syntax"),
    ("syntax_duplicate_table.toml", 1, "toml-syntax"),
    ("syntax_float_1e400.toml", 1, "target-not-finite"),
    ("syntax_inline_table_unclosed.toml", 1, "toml-syntax"),
    ("syntax_integer_overflow.toml", 1, "target-not-finite"),
    ("syntax_key_without_value.toml", 1, "unknown-currency"),
    ("syntax_lone_surrogate_escape.toml", 1, "toml-syntax"),
    ("syntax_table_redefines_array.toml", 1, "wrong-type"),
    ("syntax_unclosed_array_table_header.toml", 1, "wrong-type"),
    ("syntax_unclosed_table_header.toml", 1, "wrong-type"),
    (
        "syntax_unterminated_multiline_string.toml",
        1,
        "toml-syntax",
    ),
    ("syntax_unterminated_string.toml", 1, "toml-syntax"),
    ("type_actuals_where_string.toml", 1, "wrong-type"),
    ("type_feedback_confidence_string.toml", 1, "wrong-type"),
    (
        "type_funnel_stage_rate_bool.toml",
        1,
        "funnel-rate-out-of-range",
    ),
    (
        "type_funnel_stages_table.toml",
        1,
        "funnel-missing-activity",
    ),
    ("type_goal_owner_integer.toml", 1, "goal-missing-owner"),
    ("type_goal_steps_string.toml", 1, "wrong-type"),
    ("type_goal_urgency_bool.toml", 1, "wrong-type"),
    ("type_goals_table.toml", 1, "wrong-type"),
    ("type_metric_capacity_string.toml", 1, "wrong-type"),
    ("type_metric_is_string.toml", 1, "wrong-type"),
    ("type_metrics_array.toml", 1, "unknown-key"),
    ("type_mixed_array_junk.toml", 1, "wrong-type"),
    ("type_objective_title_table.toml", 1, "wrong-type"),
    ("type_objectives_table.toml", 1, "wrong-type"),
    ("type_plan_currency_array.toml", 1, "wrong-type"),
    ("type_plan_holidays_string.toml", 1, "wrong-type"),
    ("type_plan_is_string.toml", 1, "no-dates"),
    ("type_plan_max_goals_float.toml", 1, "wrong-type"),
    ("type_plan_name_integer.toml", 1, "wrong-type"),
    ("type_plan_start_integer.toml", 1, "wrong-type"),
    ("type_plan_workdays_integers.toml", 1, "wrong-type"),
    ("type_rep_aliases_table.toml", 1, "wrong-type"),
    ("type_rep_fte_string.toml", 1, "wrong-type"),
    ("type_rep_ramp_strings.toml", 1, "wrong-type"),
    ("type_rep_time_off_string.toml", 1, "wrong-type"),
    ("type_reps_integer.toml", 1, "unknown-key"),
    (
        "type_seasonality_month_string.toml",
        1,
        "seasonality-missing-month",
    ),
    ("type_target_bool.toml", 1, "wrong-type"),
    ("type_target_date.toml", 1, "wrong-type"),
    ("type_target_per_integer.toml", 1, "wrong-type"),
    ("type_targets_string.toml", 1, "goal-without-targets"),
    ("type_team_id_integer.toml", 1, "wrong-type"),
    ("type_teams_string.toml", 1, "unknown-key"),
    ("unknown_actuals_key.toml", 1, "unknown-key"),
    ("unknown_feedback_key.toml", 1, "unknown-key"),
    ("unknown_funnel_key.toml", 1, "unknown-key"),
    ("unknown_goal_key.toml", 1, "unknown-key"),
    ("unknown_metric_key.toml", 1, "unknown-key"),
    ("unknown_objective_key.toml", 1, "unknown-key"),
    ("unknown_plan_key.toml", 1, "unknown-key"),
    ("unknown_rep_key.toml", 1, "unknown-key"),
    (
        "unknown_seasonality_month.toml",
        1,
        "seasonality-missing-month",
    ),
    ("unknown_target_key.toml", 1, "unknown-key"),
    ("unknown_team_key.toml", 1, "unknown-key"),
    ("unknown_time_off_key.toml", 1, "unknown-key"),
    ("unknown_top_level_key.toml", 1, "unknown-key"),
];

/// CSV → (exit code of `goals track tests/hostile/track.toml --actuals CSV`, a fragment of
/// stderr). Exit 0: `bom.csv` (a UTF-8 BOM is skipped, as Excel writes one) and
/// `header_only.csv` (an export with no rows yet is valid).
const CSV_FILES: &[(&str, i32, &str)] = &[
    ("binary_junk.csv", 2, "has no column `metric`"),
    ("bom.csv", 0, ""),
    ("date_bad_time.csv", 1, "invalid date"),
    ("date_empty.csv", 1, "invalid date"),
    ("date_feb_30.csv", 1, "2027-02 has no day 30"),
    ("date_garbage.csv", 1, "found `yesterday`"),
    ("date_month_13.csv", 1, "there is no month 13"),
    ("date_two_digit_year.csv", 1, "the year must have 4 digits"),
    (
        "date_slash_ambiguous.csv",
        1,
        "set dates = \"day-first\" or dates = \"month-first\"",
    ),
    ("date_slash_contradicting.csv", 1, "contradicting date"),
    ("date_hour_24.csv", 1, "there is no hour 24"),
    ("date_second_99.csv", 1, "there is no second 99"),
    ("date_feb_30_with_time.csv", 1, "2027-02 has no day 30"),
    // 12/31/2027 can only be month first: the file shows its order.
    ("date_us_order.csv", 0, ""),
    ("date_year_overflow.csv", 1, "invalid date"),
    ("duplicate_header.csv", 2, "the column `rep` twice"),
    ("empty.csv", 2, "the file is empty"),
    ("header_only.csv", 0, ""),
    ("invalid_utf8.csv", 2, "encoding = \"windows-1252\""),
    (
        "line_ends_cr_only.csv",
        1,
        "line_ends_cr_only.csv:3: column `date`",
    ),
    ("blank_line_between_rows.csv", 0, ""),
    (
        "encoding_latin1_no_key.csv",
        2,
        "line 2 is not UTF-8 text (field 2",
    ),
    ("encoding_utf16_bom.csv", 0, ""),
    // Found by fuzzing: a UTF-16 file cut in the middle of a character.
    ("encoding_utf16_odd_length.csv", 1, "missing fields"),
    ("footer_report.csv", 0, ""),
    (
        "currency_other_without_rate.csv",
        1,
        "add its rate to [plan]",
    ),
    ("currency_plan_code_and_team_rows.csv", 0, ""),
    ("number_thousands_unquoted.csv", 1, "extra fields"),
    ("row_missing_fields.csv", 1, "missing fields"),
    ("number_24_digits.csv", 1, "is too large"),
    ("missing_rep_column.csv", 2, "has no column `rep`"),
    // `\r\n`, `\n` and a lone `\r` in one file: every one ends a line.
    ("mixed_line_endings.csv", 0, ""),
    ("nul_byte.csv", 1, "unknown rep"),
    ("number_1e400.csv", 1, "invalid number"),
    ("number_40_digits.csv", 1, "more than 28 digits"),
    ("number_empty.csv", 1, "found an empty field"),
    ("number_garbage.csv", 1, "found `lots`"),
    ("number_inf.csv", 1, "found `inf`"),
    ("number_max_decimal_twice.csv", 1, "invalid number"),
    ("number_nan.csv", 1, "found `NaN`"),
    ("number_two_commas.csv", 1, "thousands groups"),
    (
        "quote_never_closed.csv",
        1,
        "quote_never_closed.csv:2: column `(row)`: missing fields",
    ),
    (
        "ragged_rows.csv",
        1,
        "ragged_rows.csv:2: column `(row)`: missing fields",
    ),
    ("unknown_metric.csv", 1, "unknown metric"),
    ("unknown_rep.csv", 1, "unknown rep: `mario`"),
    ("wrong_delimiter_pipe.csv", 2, "has no column `metric`"),
];

/// Codes about one place in the file: their findings must carry a line and a column.
const LOCATED: &[&str] = &[
    "toml-syntax",
    "unknown-key",
    "wrong-type",
    "invalid-value",
    "target-not-finite",
    "target-not-positive",
    "unknown-reference",
    "duplicate-id",
    "unknown-currency",
    "empty-id",
    "shared-alias",
    "baseline-negative",
];

/// Never a panic, never 101, and an exit code from the contract.
fn assert_sane(what: &str, output: &Output) {
    let all = printed(output);
    assert!(!all.contains("panicked"), "{what}: panicked:\n{all}");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}, expected 0, 1 or 2:\n{all}"
    );
}

fn listed(dir: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
}

#[test]
fn the_tables_list_every_corpus_file() {
    let goals: Vec<&str> = GOAL_FILES.iter().map(|(n, _, _)| *n).collect();
    let mut csvs: Vec<&str> = CSV_FILES.iter().map(|(n, _, _)| *n).collect();
    csvs.sort_unstable();
    assert_eq!(listed("tests/hostile/goals", ".toml"), goals);
    assert_eq!(listed("tests/hostile/actuals", ".csv"), csvs);
    assert!(goals.len() >= 60 && csvs.len() >= 20);
}

/// `check --format json`, then `plan`: the expected exit code and finding, located.
fn check_goal_file(name: &str, expected: i32, code: &str) {
    let path = format!("tests/hostile/goals/{name}");
    let output = goals_within_a_minute()
        .args(["--as-of", "2026-12-01", "check", "--format", "json", &path])
        .output()
        .unwrap();
    assert_sane(&path, &output);
    assert_eq!(
        output.status.code(),
        Some(expected),
        "{path}: {}",
        printed(&output)
    );
    let doc: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{path}: check JSON does not parse: {e}"));
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    if expected == 1 {
        assert!(
            diagnostics.iter().any(|d| d["code"] == code),
            "{path}: no `{code}` in {diagnostics:#?}"
        );
    }
    for d in diagnostics {
        assert_eq!(
            d["file"],
            path.as_str(),
            "{path}: the finding names the file"
        );
        if LOCATED.contains(&d["code"].as_str().unwrap()) {
            assert!(
                d["line"].as_u64().is_some_and(|l| l >= 1)
                    && d["column"].as_u64().is_some_and(|c| c >= 1),
                "{path}: unlocated finding {d:#}"
            );
        }
    }
    let plan = goals_within_a_minute()
        .args(["--as-of", "2026-12-01", "plan", &path])
        .output()
        .unwrap();
    assert_sane(&format!("plan {path}"), &plan);
    assert_eq!(
        plan.status.code(),
        Some(expected),
        "plan {path}: {}",
        printed(&plan)
    );
    if expected == 1 {
        assert!(
            printed(&plan).contains(name),
            "plan {path}: the file is not named"
        );
    }
}

#[test]
fn every_bad_goal_file_is_refused_with_its_finding() {
    for (name, expected, code) in GOAL_FILES {
        check_goal_file(name, *expected, code);
    }
}

#[test]
fn every_bad_csv_is_reported_with_file_and_reason() {
    for (name, expected, fragment) in CSV_FILES {
        let path = format!("tests/hostile/actuals/{name}");
        let output = goals_within_a_minute()
            .args(["--as-of", "2027-06-30", "track", "tests/hostile/track.toml"])
            .args(["--actuals", &path, "--format", "json"])
            .output()
            .unwrap();
        assert_sane(&path, &output);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(*expected), "{path}: {stderr}");
        assert!(
            stderr.contains(fragment),
            "{path}: no `{fragment}` in {stderr}"
        );
        if *expected != 0 {
            assert!(
                stderr.contains(&path),
                "{path}: the file is not named: {stderr}"
            );
        }
        if *expected == 1 {
            assert!(
                stderr.contains(&format!("{path}:")),
                "{path}: the bad row is not located: {stderr}"
            );
        }
    }
}

/// The smallest valid goal file of the corpus, for generated variants.
fn base() -> String {
    fs::read_to_string(root().join("tests/hostile/track.toml")).unwrap()
}

fn check_generated(name: &str, text: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.toml"));
    fs::write(&path, text).unwrap();
    let output = goals_within_a_minute()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_sane(name, &output);
    assert!(text_names(&output, &path), "{name}: the file is not named");
    output
}

fn text_names(output: &Output, path: &Path) -> bool {
    printed(output).contains(&path.display().to_string())
}

#[test]
fn ten_thousand_levels_of_nesting_are_a_located_finding() {
    let tables = base().replace(
        "review = \"monthly\"",
        &format!(
            "review = \"monthly\"\ndeep = {}1{}",
            "{ a = ".repeat(10_000),
            " }".repeat(10_000)
        ),
    );
    let arrays = base().replace(
        "steps = [\"Call leads\"]",
        &format!("steps = {}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    for (name, text) in [("deep_tables", tables), ("deep_arrays", arrays)] {
        let output = check_generated(name, text.as_bytes());
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            printed(&output)
        );
        let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            doc["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["line"].is_u64()),
            "{name}: {doc:#}"
        );
    }
}

#[test]
fn a_line_of_a_megabyte_is_read() {
    let text = base().replace(
        "title = \"Win 120 deals this year\"",
        &format!(
            "title = \"Win 120 deals this year {}\"",
            "x".repeat(1 << 20)
        ),
    );
    let output = check_generated("long_line", text.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", printed(&output));
}

#[test]
fn a_goal_file_over_64_mib_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let mut text = base().into_bytes();
    text.resize(100 << 20, b'#');
    fs::write(&path, &text).unwrap();
    for command in ["check", "plan"] {
        let output = goals_within_a_minute()
            .arg(command)
            .arg(&path)
            .output()
            .unwrap();
        assert_sane("huge.toml", &output);
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("goals: error: "), "{stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(stderr.contains("64 MiB"), "{stderr}");
    }
    let output = goals_within_a_minute()
        .args(["check", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("<stdin>"));
}

#[test]
fn a_bad_file_on_stdin_is_named_stdin() {
    let bad =
        fs::read(root().join("tests/hostile/goals/syntax_unclosed_table_header.toml")).unwrap();
    let output = goals_within_a_minute()
        .args(["check", "--format", "json", "-"])
        .write_stdin(bad)
        .output()
        .unwrap();
    assert_sane("<stdin>", &output);
    assert_eq!(output.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["file"], "<stdin>");
}

/// 100,000 goals are checked and planned (about 5 s in a debug build, 1 s in release).
#[test]
fn a_hundred_thousand_goals_finish() {
    let text = base();
    let (head, goal) = text.split_at(text.find("[[goals]]").unwrap());
    let mut big = head.to_string();
    for i in 0..100_000 {
        big.push_str(&goal.replace("id = \"deals\"", &format!("id = \"g{i}\"")));
    }
    let output = check_generated("many_goals", big.as_bytes());
    assert!(matches!(output.status.code(), Some(0 | 1)));
}

fn track_generated(name: &str, csv: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.csv"));
    fs::write(&path, csv).unwrap();
    let output = goals_within_a_minute()
        .args([
            "--as-of",
            "2027-06-30",
            "track",
            "tests/hostile/track.toml",
            "--actuals",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_sane(name, &output);
    assert!(text_names(&output, &path), "{name}: the file is not named");
    output
}

#[test]
fn a_row_of_a_million_columns_is_a_bad_row() {
    let mut csv = b"date,rep,metric,value\n2027-01-15,r1,deals,1".to_vec();
    csv.extend(",x".repeat(1_000_000).bytes());
    csv.extend(b"\n2027-01-16,r1,deals,1\n");
    let output = track_generated("million_columns", &csv);
    // 2 MB: longer than a record may be, a bad row; the next row is still read.
    assert_eq!(output.status.code(), Some(1), "{}", printed(&output));
    assert!(printed(&output).contains("million_columns.csv:2: column `(row)`: record too long"));
    let mut header = b"date,rep,metric,value".to_vec();
    header.extend(",x".repeat(300_000).bytes());
    header.extend(b"\n2027-01-15,r1,deals,1\n");
    let output = track_generated("many_header_columns", &header);
    assert_eq!(output.status.code(), Some(1), "{}", printed(&output));
    assert!(printed(&output).contains("the header 300004"));
    let mut header = b"date,rep,metric,value,".to_vec();
    header.extend("x".repeat(2 << 20).bytes());
    header.extend(b"\n2027-01-15,r1,deals,1,x\n");
    let output = track_generated("two_mebibyte_header", &header);
    assert_eq!(output.status.code(), Some(2), "{}", printed(&output));
    assert!(printed(&output).contains("header line is longer than 1 MiB"));
    let mut csv = b"date,rep,metric,value\n2027-01-15,r1,deals,1".to_vec();
    csv.extend(",".repeat(100_000).bytes());
    csv.push(b'\n');
    let output = track_generated("many_extra_fields", &csv);
    assert_eq!(output.status.code(), Some(1), "{}", printed(&output));
    assert!(printed(&output).contains("extra fields"));
}

#[test]
fn an_endless_actuals_file_ends_with_a_clear_error() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track", "tests/hostile/track.toml"])
        .args(["--actuals", "/dev/zero"])
        .output()
        .unwrap();
    assert_sane("/dev/zero", &output);
    assert_eq!(output.status.code(), Some(2));
    let all = printed(&output);
    assert!(all.contains("/dev/zero"), "{all}");
    assert!(all.contains("this is not a CSV export"), "{all}");
}

#[test]
fn a_field_of_ten_megabytes_is_clipped_in_the_message() {
    let mut csv = b"date,rep,metric,value\n2027-01-15,".to_vec();
    csv.extend("r".repeat(10 << 20).bytes());
    csv.extend(b",deals,1\n");
    let output = track_generated("long_field", &csv);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stderr.len() < 10_000,
        "the message quotes the whole field"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("record too long"));
}

/// Reads a few bytes of stdout and closes it: the run ends with 0 and no panic.
fn closed_pipe(args: &[&str]) {
    let (code, stderr) = with_early_close(args);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    closed_pipe(&["plan", "goals.example.toml", "--by", "day"]);
    closed_pipe(&[
        "plan",
        "goals.example.toml",
        "--by",
        "day",
        "--format",
        "json",
    ]);
    closed_pipe(&["check", "goals.example.toml", "--format", "json"]);
    closed_pipe(&[
        "--as-of",
        "2027-06-30",
        "track",
        "goals.example.toml",
        "--actuals",
        "examples/actuals.csv",
        "--by",
        "day",
    ]);
}

#[test]
fn a_full_disk_is_a_clear_error() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux: nothing to test
    };
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("goals"))
        .current_dir(root())
        .args(["plan", "goals.example.toml"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("goals: error: "), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
}

/// The valid files at the edges of the format plan as the format says: a year from 29
/// February ends on 28 February, and money in CLF is split to four decimals.
#[test]
fn the_valid_edge_files_plan_as_the_format_says() {
    let plan = |name: &str| -> Value {
        let output = goals_within_a_minute()
            .args([
                "--as-of",
                "2026-12-01",
                "plan",
                "--format",
                "json",
                "--by",
                "quarter",
            ])
            .arg(format!("tests/hostile/goals/{name}"))
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            printed(&output)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let leap = plan("date_plan_from_29_february.toml");
    assert_eq!(leap["plan"]["end"], "2029-02-28");
    let ten = plan("date_plan_10_years_from_29_february.toml");
    assert_eq!(ten["plan"]["end"], "2038-02-28");
    let clf = plan("currency_clf_four_decimals.toml");
    assert_eq!(clf["plan"]["currency"], "CLF");
    let revenue = &clf["targets"][1];
    assert_eq!(revenue["total"].to_string(), "1000.0001");
    let quarters: Vec<String> = revenue["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["quota"].to_string())
        .collect();
    assert!(
        quarters
            .iter()
            .any(|q| q.split('.').nth(1).is_some_and(|d| d.len() == 4)),
        "{quarters:?}"
    );
}

/// `[[actuals]] path = ""` is refused as a finding of the goal file at the key, before any
/// export is opened.
#[test]
fn an_empty_export_path_names_the_goal_file_and_key() {
    let path = "tests/hostile/goals/ref_actuals_path_empty.toml";
    let output = goals_within_a_minute()
        .args(["--as-of", "2027-06-30", "track", path])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("{path}:")), "{stderr}");
    assert!(
        stderr.contains("`path` of [[actuals]] is empty"),
        "{stderr}"
    );
}

/// `--as-of` takes the same days as the goal file: four-digit years, 0001 to 9999.
#[test]
fn an_as_of_outside_the_printable_years_is_a_usage_error() {
    for day in ["+10000-01-01", "0000-12-31", "2027-6-30"] {
        let output = goals_within_a_minute()
            .args(["--as-of", day, "check", "goals.example.toml"])
            .output()
            .unwrap();
        assert_sane(day, &output);
        assert_eq!(output.status.code(), Some(2), "{day}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"),
            "{day}"
        );
    }
}
