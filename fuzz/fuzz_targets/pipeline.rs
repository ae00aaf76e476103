//! Fuzzes the whole goal-file pipeline on arbitrary bytes: read, parse, SMART rules,
//! plan-level findings, then (for a file without errors) the week plan and the funnel,
//! each rendered as JSON and as a table. Any panic, hang or runaway allocation is a bug.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

use goals::cmd::load::check_source;
use goals::funnel::{self, FunnelOptions};
use goals::model::Per;
use goals::output::style::Paint;
use goals::output::{check_human, check_json, funnel_json, funnel_table, plan_json, plan_table};
use goals::plan::{self, PlanOptions};
use goals::source::Source;

/// Fixed so that a finding reproduces: the date the CLI tests plan from.
const AS_OF: (i32, u32, u32) = (2026, 12, 1);

/// Terminal width for the table renderers; narrow, so the split into blocks runs too.
const WIDTH: usize = 80;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.toml".into(), data.to_vec()) else {
        return;
    };
    let (y, m, d) = AS_OF;
    let as_of = NaiveDate::from_ymd_opt(y, m, d).expect("AS_OF is a valid date");
    let loaded = check_source(source, as_of, &mut |_| Vec::new());

    let files = std::slice::from_ref(&loaded.findings);
    let mut out = Vec::new();
    check_human::render(files, Paint::default(), WIDTH, &mut out).expect("writing to a Vec");
    out.clear();
    check_json::render(files, &mut out).expect("writing to a Vec");

    let Some(checked) = loaded.checked() else {
        return;
    };
    let report = plan::decompose(
        checked,
        &PlanOptions {
            by: Per::Week,
            goals: vec![],
            teams: vec![],
            reps: vec![],
        },
    );
    out.clear();
    plan_json::render(&report, &mut out).expect("writing to a Vec");
    out.clear();
    plan_table::render(&report, Paint::default(), WIDTH, &mut out).expect("writing to a Vec");

    let funnel = funnel::build(
        checked,
        &FunnelOptions {
            by: Per::Week,
            goals: vec![],
        },
    );
    out.clear();
    funnel_json::render(&funnel, &mut out).expect("writing to a Vec");
    out.clear();
    funnel_table::render(&funnel, Paint::default(), WIDTH, &mut out).expect("writing to a Vec");
});
