//! `goals plan --format csv`: one row per target × period × rep (rep `*` is the team's
//! quota), with a header row; amounts as plain exact decimals.

use std::io::{self, Write};

use super::amount::{exact, plain};
use crate::plan::report::PlanReport;

/// Renders the plan as CSV, targets in priority order.
pub fn render(report: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "priority", "goal", "metric", "kind", "owner", "period", "start", "end", "rep", "quota",
        "exact",
    ])?;
    for t in &report.targets {
        let priority = t.priority.to_string();
        for p in &t.periods {
            let (start, end) = (p.start.to_string(), p.end.to_string());
            let team = [("*", plain(p.quota, t.decimals), exact(p.exact))];
            let reps = p
                .reps
                .iter()
                .map(|r| (r.rep.as_str(), plain(r.quota, t.decimals), exact(r.exact)));
            for (rep, quota, exact) in team.into_iter().chain(reps) {
                csv.write_record([
                    &priority, &t.goal, &t.metric, t.kind, &t.owner, &p.label, &start, &end, rep,
                    &quota, &exact,
                ])?;
            }
        }
    }
    csv.flush()
}
