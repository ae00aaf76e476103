//! Fuzzes the export reader and the `track`/`replan` path on arbitrary bytes: the bytes are an
//! export on standard input (`--actuals -`), read with the mapping of `export.toml` whose
//! columns the header has (every reading key of SPEC.md section 7 appears in one), then
//! tracked (JSON or table) or replanned (JSON) as of 2027-06-30, the first byte choosing. The reader is also run
//! straight into a ledger, checking that every row is counted once. Any panic, hang or
//! runaway allocation is a bug.

#![no_main]

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;
use libfuzzer_sys::fuzz_target;

use goals::cli::Cli;
use goals::cmd::load::{Loaded, check_source};
use goals::output::style::Paint;
use goals::source::Source;
use goals::track::csv_read::read_actuals;
use goals::track::csv_read::sources::mapping_of;
use goals::track::ledger::Ledger;

/// The goal file: two reps in a team, money, count and level metrics, a rate, and mappings.
const GOAL_FILE: &str = include_str!("export.toml");

thread_local! {
    static GOAL: (PathBuf, &'static Loaded) = {
        let path = std::env::temp_dir().join(format!("goals-fuzz-export-{}.toml", std::process::id()));
        std::fs::write(&path, GOAL_FILE).expect("the temp dir is writable");
        let source = Source::from_bytes("export.toml".into(), GOAL_FILE.as_bytes().to_vec())
            .expect("the goal file is valid UTF-8");
        let today = NaiveDate::from_ymd_opt(2027, 6, 30).expect("a date");
        let loaded: &'static Loaded = Box::leak(Box::new(check_source(source, today, &mut |_| Vec::new())));
        assert!(loaded.checked().is_some(), "export.toml has no errors");
        (path, loaded)
    };
}

fuzz_target!(|data: &[u8]| {
    GOAL.with(|(path, loaded)| {
        let checked = loaded.checked().expect("checked once");
        let (start, end) = checked.period();
        for mapping in &loaded.file.actuals {
            let mut ledger = Ledger::new(&loaded.file, start, end);
            if let Ok(summary) = read_actuals(data, &mapping_of(mapping), &mut ledger) {
                let parts = summary.kept
                    + summary.filtered_out
                    + summary.outside
                    + summary.bad
                    + summary.footer;
                assert_eq!(summary.rows, parts, "every row is counted once");
            }
        }
        let today = NaiveDate::from_ymd_opt(2027, 6, 30).expect("a date");
        let goal = path.to_string_lossy().into_owned();
        // One command a run (chosen by the first byte), so that each run stays fast.
        let runs = [("track", "json"), ("track", "table"), ("replan", "json")];
        let pick = usize::from(data.first().copied().unwrap_or(0)) % runs.len();
        for &(command, format) in &runs[pick..=pick] {
            let args = ["goals", "--as-of", "2027-06-30", command, &goal, "--actuals", "-"];
            let cli = Cli::parse_from(args.into_iter().chain(["--format", format, "--allow-bad-rows"]));
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut stdin = data;
            let mut io = goals::Io {
                stdout: &mut out,
                stderr: &mut err,
                stdin: &mut stdin,
                paint_out: Paint::default(),
                paint_err: Paint::default(),
                today,
                width: 80,
            };
            let _ = goals::run(cli, &mut io);
        }
    });
});
