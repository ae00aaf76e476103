//! Builds the tracking report from a checked goal file and a filled ledger: every target
//! tracked in file order (here, or on the threads of `track::ahead`), then the leaderboard of
//! reps and the review list of goals behind plan. It reads no file and renders nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ledger::Ledger;
use super::progress::{self, Context};
use super::quotas::{Quotas, as_needed};
use super::report::{Leader, ReviewItem, SourceSummary, Status, TargetTrack, TrackReport};
use crate::model::{MetricKind, Per};
use crate::plan::fixed::round_dp;
use crate::smart::{Checked, Resolved};

/// What to track.
#[derive(Clone, Copy, Debug)]
pub struct TrackOptions {
    pub as_of: NaiveDate,
    /// The period of the catch-up quota.
    pub by: Per,
}

/// Tracks every target of a checked file against the ledger, planning each as it goes.
pub fn build(
    checked: Checked<'_>,
    ledger: &Ledger,
    sources: Vec<SourceSummary>,
    options: TrackOptions,
) -> TrackReport {
    let targets = checked
        .targets()
        .zip(as_needed(checked))
        .map(|(r, quotas)| track_target(checked, ledger, options, &r, quotas))
        .collect();
    assemble(checked, sources, options, targets)
}

/// Tracks one target against the ledger and its plan (`None` for a rate or level target).
pub(super) fn track_target(
    checked: Checked<'_>,
    ledger: &Ledger,
    options: TrackOptions,
    r: &Resolved<'_>,
    quotas: Option<Quotas>,
) -> TargetTrack {
    let file = checked.file();
    let ctx = Context {
        file,
        ledger,
        as_of: options.as_of,
        by: options.by,
        has_data: ledger.has_rows(&r.metric.id.value),
    };
    let decimals = match r.metric.kind {
        MetricKind::Money => file.plan.minor_units(),
        MetricKind::Count => 0,
        _ => 2,
    };
    progress::track(&ctx, r, decimals, quotas)
}

/// The report of the tracked targets, in file order: with the leaderboard of reps and the
/// review list of goals behind plan.
pub fn assemble(
    checked: Checked<'_>,
    sources: Vec<SourceSummary>,
    options: TrackOptions,
    targets: Vec<TargetTrack>,
) -> TrackReport {
    let file = checked.file();
    let leaderboard = leaderboard(checked, &targets);
    let review = review(&targets);
    TrackReport {
        name: file.plan.name.as_ref().map(|n| n.value.clone()),
        currency: file.plan.currency.as_ref().map(|c| c.value.code.clone()),
        as_of: options.as_of,
        by: options.by,
        sources,
        targets,
        leaderboard,
        review,
    }
}

/// Reps ranked by their mean attainment over the targets where they have data; ties keep the
/// file order. One pass over every target's reps, then one over the file's reps.
fn leaderboard(checked: Checked<'_>, targets: &[TargetTrack]) -> Vec<Leader> {
    let reps = &checked.file().reps;
    let position: HashMap<&str, usize> = reps
        .iter()
        .enumerate()
        .map(|(i, rep)| (rep.id.value.as_str(), i))
        .collect();
    // Per rep: the sum of its attainments, targets with data, targets met.
    let mut tally = vec![(Decimal::ZERO, 0_usize, 0_usize); reps.len()];
    for r in targets.iter().flat_map(|t| &t.reps) {
        let p = &r.progress;
        if matches!(p.status, Status::NoData | Status::NotStarted) {
            continue;
        }
        // A lower-is-better target met with a zero actual has no ratio and counts as 1.0.
        let Some(score) = p.attainment.or(p.met.then_some(Decimal::ONE)) else {
            continue;
        };
        let Some(&i) = position.get(r.rep.as_str()) else {
            continue;
        };
        let t = &mut tally[i];
        t.0 += score;
        t.1 += 1;
        t.2 += usize::from(p.met);
    }
    let mut leaders: Vec<Leader> = reps
        .iter()
        .zip(tally)
        .filter(|(_, (_, targets, _))| *targets > 0)
        .map(|(rep, (sum, targets, hit))| Leader {
            rank: 0,
            rep: rep.id.value.clone(),
            name: rep.name.as_ref().map(|n| n.value.clone()),
            attainment: round_dp(sum / Decimal::from(targets), 4),
            targets,
            targets_hit: hit,
            hit: hit == targets,
        })
        .collect();
    leaders.sort_by_key(|l| std::cmp::Reverse(l.attainment));
    for (i, leader) in leaders.iter_mut().enumerate() {
        leader.rank = i + 1;
    }
    leaders
}

/// Targets whose team is at risk or behind, lowest attainment first.
fn review(targets: &[TargetTrack]) -> Vec<ReviewItem> {
    let mut items: Vec<ReviewItem> = targets
        .iter()
        .filter(|t| t.team.status.needs_review())
        .map(|t| {
            let mut behind: Vec<(String, Decimal)> = t
                .reps
                .iter()
                .filter(|r| r.progress.status.needs_review())
                .filter_map(|r| r.progress.attainment.map(|a| (r.rep.clone(), a)))
                .collect();
            behind.sort_by_key(|b| b.1);
            ReviewItem {
                goal: t.goal.clone(),
                title: t.title.clone(),
                metric: t.metric.clone(),
                kind: t.kind,
                unit: t.unit.clone(),
                decimals: t.decimals,
                status: t.team.status,
                attainment: t.team.attainment,
                gap: t.team.gap,
                catch_up: t.team.catch_up,
                catch_up_label: t
                    .team
                    .catch_up
                    .and(t.remaining.first())
                    .map(|p| p.label.clone()),
                no_period_left: t.team.no_period_left,
                remaining_periods: t.remaining_periods,
                reps_behind: behind,
            }
        })
        .collect();
    items.sort_by_key(|i| i.attainment);
    items
}
