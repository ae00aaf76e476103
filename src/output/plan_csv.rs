//! `goals plan --format csv`: one row per target × period × rep (rep `*` is the team's
//! quota, with the street quota of an over-assigned target), with a header row; amounts as
//! plain exact decimals.

use std::io::{self, Write};

use super::amount::{exact, plain};
use super::plan_stream::{PlanStream, write_report};
use crate::plan::Order;
use crate::plan::report::{PlanReport, Quantity, TargetReport};

/// The plan as CSV rows, targets in priority order.
pub struct Csv;

impl PlanStream for Csv {
    fn order(&self) -> Order {
        Order::Priority
    }

    fn head(&mut self, _: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record([
            "priority",
            "goal",
            "metric",
            "kind",
            "owner",
            "period",
            "start",
            "end",
            "rep",
            "quota",
            "exact",
            "street_quota",
        ])?;
        csv.flush()
    }

    fn target(&mut self, _: &PlanReport, t: &TargetReport, out: &mut dyn Write) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        let (priority, kind) = (t.priority.to_string(), t.kind.name());
        for p in &t.periods {
            let (start, end) = (p.start.to_string(), p.end.to_string());
            // The street quota (over-assignment) sits on the team's row only.
            let street = p.street_quota.map_or_else(String::new, |units| {
                plain(Quantity::Units(units), t.decimals)
            });
            let team = [("*", plain(p.quota, t.decimals), exact(p.exact), street)];
            let reps = p.reps.iter().map(|r| {
                let quota = plain(r.quota, t.decimals);
                (&*r.rep, quota, exact(r.exact), String::new())
            });
            for (rep, quota, exact, street) in team.into_iter().chain(reps) {
                csv.write_record([
                    &priority, &t.goal, &t.metric, kind, &t.owner, &p.label, &start, &end, rep,
                    &quota, &exact, &street,
                ])?;
            }
        }
        if let Some(unplaced) = t.unplaced {
            let units = plain(unplaced, t.decimals);
            csv.write_record([
                &priority, &t.goal, &t.metric, kind, &t.owner, "unplaced", "", "", "*", &units,
                &units,
            ])?;
        }
        csv.flush()
    }

    fn foot(&mut self, _: &PlanReport, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Renders a whole plan report as CSV.
pub fn render(report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
    write_report(&mut Csv, report, out)
}
