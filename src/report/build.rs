//! Builds the report value: decomposes the plan (file order), grades the scorecard and, with a
//! ledger, tracks every target. Reads no file and renders nothing.

use chrono::NaiveDate;

use super::Report;
use crate::model::Per;
use crate::plan::{PlanOptions, decompose};
use crate::smart::Checked;
use crate::smart::report::{Counts, FileFindings, scorecard};
use crate::track::ledger::Ledger;
use crate::track::report::SourceSummary;
use crate::track::{self, TrackOptions};

/// What to report.
#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    pub as_of: NaiveDate,
    /// The period of the quota charts, the burn-up and the catch-up.
    pub by: Per,
}

/// Builds the report of a checked file; `actuals` is the ledger and what was read into it,
/// when any export was read.
///
/// # Panics
/// When the tracked targets do not line up with the planned ones (both follow file order).
pub fn build(
    checked: Checked<'_>,
    findings: &FileFindings,
    actuals: Option<(&Ledger, Vec<SourceSummary>)>,
    options: ReportOptions,
) -> Report {
    let plan_options = PlanOptions {
        by: options.by,
        goals: Vec::new(),
        teams: Vec::new(),
        reps: Vec::new(),
    };
    let mut plan = decompose(checked, &plan_options);
    plan.targets.sort_by_key(|t| (t.file_order, t.priority));
    let track = actuals.map(|(ledger, sources)| {
        let track_options = TrackOptions {
            as_of: options.as_of,
            by: options.by,
        };
        track::build(checked, ledger, sources, track_options)
    });
    if let Some(track) = &track {
        let lined_up = track.targets.len() == plan.targets.len()
            && track
                .targets
                .iter()
                .zip(&plan.targets)
                .all(|(t, p)| t.goal == p.goal && t.metric == p.metric);
        assert!(lined_up, "tracked targets follow the plan's file order");
    }
    Report {
        file: findings.name.clone(),
        scorecard: scorecard(findings),
        findings: Counts::of(std::iter::once(findings)),
        plan,
        track,
    }
}
