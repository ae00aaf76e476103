//! `goals track --format csv`: one row per target for the team (rep `*`) and one per rep, with
//! a header row; amounts as plain exact decimals, ratios with four decimals, empty when unknown.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::fixed;
use crate::track::report::{Progress, TrackReport};

const HEADER: [&str; 13] = [
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
];

/// Renders the tracking report as CSV, targets in file order.
pub fn render(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for t in &report.targets {
        let rows = std::iter::once(("*", &t.team))
            .chain(t.reps.iter().map(|r| (r.rep.as_str(), &r.progress)));
        for (rep, p) in rows {
            let mut record = vec![
                t.goal.clone(),
                t.metric.clone(),
                t.kind.to_owned(),
                t.owner.clone(),
                rep.to_owned(),
            ];
            record.extend(cells(p, t.decimals));
            csv.write_record(&record)?;
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
