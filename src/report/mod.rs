//! The shareable report of `goals report` as a value: the SMART scorecard, the plan of every
//! target in file order and, when actuals were read, the tracking report matched to it target
//! by target. It is built from the same values the JSON formats render; it renders nothing.

mod build;

pub use build::{ReportOptions, build};

use crate::plan::report::{PlanReport, TargetReport};
use crate::smart::report::{Counts, ScoreRow};
use crate::track::report::{TargetTrack, TrackReport};

/// Everything the report shows.
#[derive(Debug)]
pub struct Report {
    /// The goal file's name as given on the command line.
    pub file: String,
    /// One row per goal, in file order.
    pub scorecard: Vec<ScoreRow>,
    /// Findings of the goal file by severity (warnings and infos; errors refuse the report).
    pub findings: Counts,
    /// The plan; its targets in file order.
    pub plan: PlanReport,
    /// The tracking report, when at least one export was read; its targets match the plan's.
    pub track: Option<TrackReport>,
}

impl Report {
    /// Each target of the plan with its tracking figures, when there are any.
    pub fn targets(&self) -> impl Iterator<Item = (&TargetReport, Option<&TargetTrack>)> {
        let tracked = self.track.as_ref().map(|t| &t.targets);
        self.plan
            .targets
            .iter()
            .enumerate()
            .map(move |(i, t)| (t, tracked.and_then(|all| all.get(i))))
    }
}
