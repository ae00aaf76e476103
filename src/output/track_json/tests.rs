//! Tests of the tracking JSON document: its bytes against `serde_json`'s pretty printer, a
//! large target sent to the output in pieces, and targets written on two threads as on one.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::json;

use super::*;
use crate::model::{MetricKind, Per};
use crate::track::report::{
    BurnUp, Coverage, Progress, RepProgress, Skipped, Span, Status, TargetCoverage, TargetTrack,
};

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn day(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, m, dd).unwrap()
}

fn span(label: &str, m: u32) -> Span {
    Span {
        label: label.into(),
        start: day(m, 1),
        end: day(m, 28),
    }
}

fn progress(actual: Option<&str>) -> Progress {
    Progress {
        plan_to_date: d("10.005"),
        actual_to_date: actual.map(d),
        attainment: actual.map(|_| d("0.83333")),
        total: d("120"),
        forecast: None,
        status: Status::Behind,
        met: false,
        gap: actual.map(|_| d("-2")),
        catch_up: Some(d("55.5")),
        // One more quota than remaining periods: only those with a period are written.
        catch_up_periods: vec![d("55.5"), d("54.5"), d("1")],
        no_period_left: false,
        burn_up: vec![BurnUp {
            plan: d("10.005"),
            actual: actual.map(d),
            cumulative_plan: d("10.005"),
            cumulative_actual: None,
        }],
    }
}

fn coverage(short: Option<bool>) -> Coverage {
    Coverage {
        pipeline: d("7"),
        weighted: d("3.5"),
        coverage: short.map(|_| d("0.0636363")),
        required_coverage: None,
        pipeline_short: short,
        forecast_weighted: d("-1.005"),
    }
}

fn target(reps: usize) -> TargetTrack {
    TargetTrack {
        goal: "g".into(),
        title: "Sell \"more\" \\ é\n".into(),
        metric: "revenue".into(),
        kind: MetricKind::Money,
        unit: None,
        owner: "team:t".into(),
        lower_is_better: false,
        decimals: 2,
        start: day(1, 1),
        end: day(12, 31),
        remaining_periods: 2,
        team_level: Some(d("1")),
        periods: vec![span("2027-01", 1)],
        remaining: vec![span("2027-02", 2), span("2027-03", 3)],
        team: progress(Some("8.3")),
        reps: (0..reps)
            .map(|i| RepProgress {
                rep: format!("r{i}"),
                name: (i == 0).then(|| "Ana".to_string()),
                progress: progress((i == 0).then_some("8.3")),
            })
            .collect(),
        // Coverage of the first rep only: the others have none written.
        coverage: Some(TargetCoverage {
            team: coverage(Some(true)),
            reps: vec![coverage(None)],
        }),
    }
}

fn report(targets: Vec<TargetTrack>) -> TrackReport {
    TrackReport {
        name: Some("Q\"1".into()),
        currency: None,
        as_of: day(1, 31),
        by: Per::Month,
        sources: vec![SourceSummary {
            file: "a.csv".into(),
            rows: 3,
            kept: 1,
            filtered_out: 0,
            bad: 2,
            outside: 0,
            footer: 0,
            skipped: vec![Skipped {
                column: "rep".into(),
                reason: "unknown rep".into(),
                count: 2,
            }],
        }],
        targets,
        leaderboard: vec![Leader {
            rank: 1,
            rep: "r0".into(),
            name: None,
            attainment: d("0.83333"),
            targets: 1,
            targets_hit: 0,
            hit: false,
        }],
        review: vec![ReviewItem {
            goal: "g".into(),
            title: "T".into(),
            metric: "revenue".into(),
            kind: MetricKind::Money,
            unit: None,
            decimals: 2,
            status: Status::Behind,
            attainment: Some(d("0.83333")),
            gap: None,
            catch_up: Some(d("55.5")),
            catch_up_label: Some("2027-02".into()),
            no_period_left: false,
            remaining_periods: 2,
            reps_behind: vec![("r0".into(), d("0.5"))],
        }],
    }
}

fn rendered(report: &TrackReport) -> String {
    let mut out = Vec::new();
    render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_document_reads_as_the_pretty_printer_writes_it() {
    // Numbers are exact decimal text: `n` marks them as strings `#…#`, unquoted below.
    let n = |text: &str| json!(format!("#{text}#"));
    let figures = |actual: bool| {
        let a = |text: &str| if actual { n(text) } else { json!(null) };
        json!({
            "plan_to_date": n("10.01"), "actual_to_date": a("8.30"),
            "attainment": a("0.8333"), "total": n("120.00"), "forecast": null,
            "status": "behind", "gap": a("-2.00"), "catch_up": n("55.50"),
            "catch_up_periods": [
                { "label": "2027-02", "quota": n("55.50") },
                { "label": "2027-03", "quota": n("54.50") },
            ],
            "no_period_left": false,
            "periods": [{
                "label": "2027-01", "start": "2027-01-01", "end": "2027-01-28",
                "plan": n("10.01"), "actual": a("8.30"), "cumulative_plan": n("10.01"),
                "cumulative_actual": null,
            }],
        })
    };
    let members = |head: serde_json::Value, parts: &[serde_json::Value]| {
        let mut object = head.as_object().unwrap().clone();
        for part in parts {
            object.extend(part.as_object().unwrap().clone());
        }
        serde_json::Value::Object(object)
    };
    let coverage = |short: bool| {
        json!({
            "pipeline": n("7.00"), "weighted": n("3.50"),
            "coverage": if short { n("0.0636") } else { json!(null) },
            "required_coverage": null,
            "pipeline_short": if short { json!(true) } else { json!(null) },
            "forecast_weighted": n("-1.01"),
        })
    };
    let head = json!({
        "goal": "g", "title": "Sell \"more\" \\ é\n", "metric": "revenue", "kind": "money",
        "unit": null, "owner": "team:t", "lower_is_better": false,
        "start": "2027-01-01", "end": "2027-12-31", "remaining_periods": 2,
    });
    let reps = json!([
        members(
            json!({ "rep": "r0", "name": "Ana" }),
            &[figures(true), coverage(false)]
        ),
        members(json!({ "rep": "r1", "name": null }), &[figures(false)]),
    ]);
    let team = members(
        head,
        &[
            figures(true),
            coverage(true),
            json!({ "team_level_actual": n("1.00"), "reps": reps }),
        ],
    );
    let expected = json!({
        "version": 1,
        "track": { "name": "Q\"1", "currency": null, "as_of": "2027-01-31", "by": "month" },
        "sources": [{
            "file": "a.csv", "rows": 3, "kept": 1, "filtered_out": 0, "skipped": 2,
            "outside_plan": 0, "footer": 0,
            "skipped_by_reason": [{ "column": "rep", "reason": "unknown rep", "count": 2 }],
        }],
        "targets": [team],
        "leaderboard": [{
            "rank": 1, "rep": "r0", "name": null, "attainment": n("0.8333"),
            "targets": 1, "targets_hit": 0, "hit": false,
        }],
        "distribution": { "from_100": 0, "from_80": 1, "from_50": 0, "below_50": 0 },
        "review": [{
            "goal": "g", "title": "T", "metric": "revenue", "status": "behind",
            "attainment": n("0.8333"), "gap": null, "catch_up": n("55.50"),
            "remaining_periods": 2,
            "reps_behind": [{ "rep": "r0", "attainment": n("0.5000") }],
            "questions": REVIEW_QUESTIONS,
        }],
    });
    let expected = serde_json::to_string_pretty(&expected)
        .unwrap()
        .replace("\"#", "")
        .replace("#\"", "")
        + "\n";
    assert_eq!(rendered(&report(vec![target(2)])), expected);
}

/// Records each write it is given.
#[derive(Default)]
struct Pieces(Vec<usize>, Vec<u8>);

impl Write for Pieces {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.push(bytes.len());
        self.1.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_large_target_goes_out_in_pieces_of_about_a_chunk() {
    let report = report(vec![target(3), target(2_000), target(1)]);
    let mut pieces = Pieces::default();
    render(&report, &mut pieces).unwrap();
    let chunk = crate::output::track_json_target::CHUNK;
    assert!(pieces.0.len() > 10, "{:?}", pieces.0);
    // Each piece is a chunk and at most one rep more; the last is what is left.
    let (last, full) = pieces.0.split_last().unwrap();
    assert!(
        full.iter().all(|&n| (chunk..chunk + 4096).contains(&n)),
        "{full:?}"
    );
    assert!(*last < chunk + 4096);
    assert_eq!(String::from_utf8(pieces.1).unwrap(), rendered(&report));
    let doc: serde_json::Value = serde_json::from_str(&rendered(&report)).unwrap();
    assert_eq!(doc["targets"][1]["reps"][1999]["rep"], "r1999");
}

#[test]
fn targets_written_on_two_threads_read_as_written_on_one() {
    let targets: Vec<TargetTrack> = [3, 900, 1, 700, 2, 600, 5]
        .into_iter()
        .map(target)
        .collect();
    let rows: usize = targets.iter().map(|t| t.reps.len() + 1).sum();
    assert!(
        crate::output::in_order::worth_two_threads(rows, 900),
        "large enough to take two threads"
    );
    let written = |two: bool| {
        let (mut buffer, mut out) = (Vec::new(), Vec::new());
        let mut j = Pretty::at(1, &mut buffer);
        j.begin_array();
        if two {
            super::write_on_two_threads(&targets, &mut j, &mut out).unwrap();
        } else {
            super::write_each(&targets, &mut j, &mut out).unwrap();
        }
        j.end_array();
        out.extend_from_slice(j.buffer());
        out
    };
    let one = written(false);
    assert!(one.len() > 1 << 20);
    assert_eq!(written(true), one);
}
