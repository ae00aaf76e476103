//! `goals track --format csv`: one row per target for the team (rep `*`) and one per rep, with
//! a header row; amounts as plain exact decimals, ratios with four decimals, empty when unknown.
//! Each such row is followed by its burn-up: one row per period of `--by` with the `period`
//! columns filled and `catch_up` holding that period's catch-up (empty before the as-of date).
//! Where rows of the export name the owner itself (team-level figures), the team's rows are
//! followed by one whose `rep` is the owner (`team:inside`) with only `actual_to_date` filled.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::fixed;
use super::track_pipeline;
use crate::track::report::{Progress, TargetTrack, TrackReport};

const HEADER: [&str; 20] = [
    "goal",
    "metric",
    "kind",
    "owner",
    "rep",
    "plan_to_date",
    "actual_to_date",
    "attainment",
    "total",
    "forecast",
    "status",
    "gap",
    "catch_up",
    "period",
    "start",
    "end",
    "plan",
    "actual",
    "cumulative_plan",
    "cumulative_actual",
];

/// Renders the tracking report as CSV, targets in file order.
pub fn render(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    let pipeline = track_pipeline::any(report);
    let mut header = HEADER.to_vec();
    if pipeline {
        header.extend(track_pipeline::CSV_HEADER);
    }
    csv.write_record(header)?;
    for t in &report.targets {
        let coverage = |i: Option<usize>| {
            let c = t.coverage.as_ref()?;
            i.map_or(Some(&c.team), |i| c.reps.get(i))
        };
        let rows = std::iter::once(("*", &t.team, None)).chain(
            t.reps
                .iter()
                .enumerate()
                .map(|(i, r)| (r.rep.as_str(), &r.progress, Some(i))),
        );
        for (rep, p, index) in rows {
            let who = [
                t.goal.clone(),
                t.metric.clone(),
                t.kind.name().to_owned(),
                t.owner.clone(),
                rep.to_owned(),
            ];
            let mut record = who.to_vec();
            record.extend(cells(p, t.decimals));
            record.extend(std::iter::repeat_n(String::new(), 7));
            if pipeline {
                record.extend(track_pipeline::csv_cells(coverage(index), t.decimals));
            }
            csv.write_record(&record)?;
            for row in burn_up(t, p) {
                let mut record = who.to_vec();
                record.extend(row);
                if pipeline {
                    record.extend(std::iter::repeat_n(String::new(), 6));
                }
                csv.write_record(&record)?;
            }
            if index.is_none()
                && let Some(own) = t.team_level
            {
                csv.write_record(team_level_row(t, own, pipeline))?;
            }
        }
    }
    csv.flush()
}

fn cells(p: &Progress, decimals: u32) -> [String; 8] {
    let n = |x: Option<Decimal>| x.map(|x| fixed(x, decimals)).unwrap_or_default();
    [
        fixed(p.plan_to_date, decimals),
        n(p.actual_to_date),
        p.attainment.map(|a| fixed(a, 4)).unwrap_or_default(),
        fixed(p.total, decimals),
        n(p.forecast),
        p.status.name().to_owned(),
        n(p.gap),
        n(p.catch_up),
    ]
}

/// The row of the owner's own (team-level) figures: rep is the owner (`team:inside`,
/// `company`), and only `actual_to_date` is filled: what rows naming the team itself brought.
fn team_level_row(t: &TargetTrack, own: Decimal, pipeline: bool) -> Vec<String> {
    let mut record = vec![
        t.goal.clone(),
        t.metric.clone(),
        t.kind.name().to_owned(),
        t.owner.clone(),
        t.owner.clone(),
        String::new(),
        fixed(own, t.decimals),
    ];
    let width = HEADER.len()
        + if pipeline {
            track_pipeline::CSV_HEADER.len()
        } else {
            0
        };
    record.resize(width, String::new());
    record
}

/// The burn-up rows of one team or rep: the summary columns empty but `catch_up`.
fn burn_up(t: &TargetTrack, p: &Progress) -> Vec<Vec<String>> {
    let d = t.decimals;
    let n = |x: Option<Decimal>| x.map(|x| fixed(x, d)).unwrap_or_default();
    let catch_up = |label: &str| {
        t.remaining
            .iter()
            .zip(&p.catch_up_periods)
            .find(|(span, _)| span.label == label)
            .map(|(_, q)| fixed(*q, d))
            .unwrap_or_default()
    };
    t.periods
        .iter()
        .zip(&p.burn_up)
        .map(|(span, b)| {
            let mut row = vec![String::new(); 7];
            row.extend([
                catch_up(&span.label),
                span.label.clone(),
                span.start.to_string(),
                span.end.to_string(),
                fixed(b.plan, d),
                n(b.actual),
                fixed(b.cumulative_plan, d),
                n(b.cumulative_actual),
            ]);
            row
        })
        .collect()
}
