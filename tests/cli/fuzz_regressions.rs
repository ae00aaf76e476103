//! Inputs the fuzzer (`fuzz/`, see docs/fuzzing.md) once crashed on, run through the same
//! pipeline as its target: read, check, and for a file without errors the week plan and the
//! funnel, each rendered as JSON and as a table. Each file must pass without a panic.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;

use goals::cmd::load::check_source;
use goals::funnel::{self, FunnelOptions};
use goals::model::Per;
use goals::output::style::Paint;
use goals::output::{check_human, check_json, funnel_json, funnel_table, plan_json, plan_table};
use goals::plan::{self, PlanOptions};
use goals::source::Source;

/// The pipeline of `fuzz/fuzz_targets/pipeline.rs`; keep the two in step.
fn pipeline(name: String, bytes: Vec<u8>) {
    let Ok(source) = Source::from_bytes(name, bytes) else {
        return;
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let loaded = check_source(source, as_of, &mut |_| Vec::new());
    let files = std::slice::from_ref(&loaded.findings);
    let mut out = Vec::new();
    check_human::render(files, Paint::default(), 80, &mut out).unwrap();
    check_json::render(files, &mut out).unwrap();
    let Some(checked) = loaded.checked() else {
        return;
    };
    let options = PlanOptions {
        by: Per::Week,
        goals: vec![],
        teams: vec![],
        reps: vec![],
    };
    let report = plan::decompose(checked, &options);
    plan_json::render(&report, &mut out).unwrap();
    plan_table::render(&report, Paint::default(), 80, &mut out).unwrap();
    let options = FunnelOptions {
        by: Per::Week,
        goals: vec![],
    };
    let funnel = funnel::build(checked, &options);
    funnel_json::render(&funnel, &mut out).unwrap();
    funnel_table::render(&funnel, Paint::default(), 80, &mut out).unwrap();
}

#[test]
fn every_fuzz_regression_passes_the_pipeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    for path in paths {
        let name = path.display().to_string();
        let bytes = fs::read(&path).unwrap();
        let run = std::panic::catch_unwind(|| pipeline(name.clone(), bytes));
        assert!(run.is_ok(), "the pipeline panicked on {name}");
    }
}
