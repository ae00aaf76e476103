//! Narrows a tracking report to some reps (`--team`, `--rep`): their rows on each target,
//! with their pipeline coverage, their leaderboard entries (ranks as among all reps) and
//! their names in the review list.
//! Targets none of them carries are dropped; a target's team figures stay the whole team's.

use std::collections::HashSet;

use super::report::TrackReport;

/// Keeps only the reps whose id `keep` accepts.
pub fn keep_reps(report: &mut TrackReport, keep: &dyn Fn(&str) -> bool) {
    for target in &mut report.targets {
        let kept: Vec<bool> = target.reps.iter().map(|r| keep(&r.rep)).collect();
        let mut shown = kept.iter();
        target
            .reps
            .retain(|_| shown.next().copied().unwrap_or(false));
        // Pipeline coverage rows run parallel to the rep rows.
        if let Some(coverage) = &mut target.coverage {
            let mut shown = kept.iter();
            coverage
                .reps
                .retain(|_| shown.next().copied().unwrap_or(false));
        }
    }
    report.targets.retain(|t| !t.reps.is_empty());
    report.leaderboard.retain(|l| keep(&l.rep));
    let shown: HashSet<(&str, &str)> = report
        .targets
        .iter()
        .map(|t| (t.goal.as_str(), t.metric.as_str()))
        .collect();
    report
        .review
        .retain(|item| shown.contains(&(item.goal.as_str(), item.metric.as_str())));
    for item in &mut report.review {
        item.reps_behind.retain(|(rep, _)| keep(rep));
    }
}
