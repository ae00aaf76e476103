//! `goals funnel --format csv`: one row per target × stage × period × rep (rep `*` is the
//! team), then one row per rep × period of selling hours (goal and activity `*`).

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::funnel_stream::{FunnelStream, write_report};
use crate::funnel::report::{FunnelReport, FunnelTarget, RepCapacity};
use crate::plan::fixed::round_dp;

fn dec(x: Decimal) -> String {
    round_dp(x, 4).normalize().to_string()
}

/// The funnel as CSV, a target's rows as soon as it is worked out.
pub struct Csv;

impl FunnelStream for Csv {
    fn head(&mut self, _: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record([
            "goal",
            "funnel",
            "activity",
            "period",
            "start",
            "end",
            "before_start",
            "rep",
            "quota",
            "exact",
            "hours",
            "available",
        ])?;
        csv.flush()
    }

    fn target(
        &mut self,
        _: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        for s in &t.stages {
            for p in &s.periods {
                let head = [
                    t.goal.as_str(),
                    &t.funnel,
                    &s.activity,
                    &p.label,
                    &p.start.to_string(),
                    &p.end.to_string(),
                    if p.before_start { "true" } else { "false" },
                ]
                .map(str::to_string);
                let team = std::iter::once(("*", p.quota, p.exact, p.hours));
                for (rep, quota, exact, hours) in
                    team.chain(p.reps.iter().map(|r| (&*r.rep, r.quota, r.exact, r.hours)))
                {
                    let mut row = head.to_vec();
                    row.extend([
                        rep.to_string(),
                        quota.to_string(),
                        dec(exact),
                        dec(hours),
                        String::new(),
                    ]);
                    csv.write_record(&row)?;
                }
            }
        }
        csv.flush()
    }

    fn foot(
        &mut self,
        report: &FunnelReport,
        capacity: &mut dyn Iterator<Item = RepCapacity>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        for c in capacity {
            for p in &c.periods {
                let available = p.available.map(dec).unwrap_or_default();
                csv.write_record([
                    "*",
                    "*",
                    "*",
                    &p.label,
                    &p.start.to_string(),
                    &p.end.to_string(),
                    if p.end < report.start {
                        "true"
                    } else {
                        "false"
                    },
                    &c.rep,
                    "",
                    "",
                    &dec(p.needed),
                    &available,
                ])?;
            }
        }
        csv.flush()
    }
}

/// Renders a whole funnel report as CSV.
pub fn render(report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Csv, report, out)
}
