//! The funnel report as plain data: per target, per stage, the activity in whole units by
//! period and rep with its hours; and per rep the selling hours needed against those
//! available. Renderers in `output/` decide how to print it. Labels and rep ids repeated in
//! every row are shared, not copied.

use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::Per;
use crate::plan::report::RepNames;

/// The whole funnel report.
#[derive(Debug)]
pub struct FunnelReport {
    pub name: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The periods' granularity: a quarter, month, week or day.
    pub by: Per,
    /// How many targets with a funnel are shown.
    pub shown_targets: usize,
    /// Targets with a funnel, in file order (empty while they are streamed one by one).
    pub targets: Vec<FunnelTarget>,
    /// Every rep of the shown targets, in file order.
    pub capacity: Vec<RepCapacity>,
    /// Display names of the reps that have one, by rep id.
    pub rep_names: RepNames,
}

/// One target worked back through its funnel.
#[derive(Debug)]
pub struct FunnelTarget {
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub funnel: String,
    pub owner: String,
    pub each: Each,
    pub cycle_days: u32,
    /// For a money target, the money one deal brings (how the target entered the funnel),
    /// and the currency's minor-unit decimals it is written with.
    pub deal_size: Option<(Decimal, u32)>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Top of the funnel first, the outcome last.
    pub stages: Vec<StageReport>,
}

/// Who carries a funnel target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Each {
    /// `each = "rep"`: every rep carries the target on its own.
    Rep,
    /// The team carries the target together.
    Team,
}

impl Each {
    /// The name used in every format: `rep` or `team`.
    pub fn name(self) -> &'static str {
        match self {
            Each::Rep => "rep",
            Each::Team => "team",
        }
    }
}

impl std::fmt::Display for Each {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// One stage of a target's funnel.
#[derive(Debug)]
pub struct StageReport {
    pub activity: String,
    /// Share that reaches the next stage; `None` for the outcome.
    pub rate: Option<Decimal>,
    pub minutes: Decimal,
    /// Units of this stage per unit of outcome.
    pub per_outcome: Decimal,
    pub outcome: bool,
    /// Whole units over the target (the sum of the periods).
    pub total: i64,
    pub exact: Decimal,
    /// Hours of `total` at `minutes` each.
    pub hours: Decimal,
    /// The target's baseline worked back through the funnel, when it has one.
    pub baseline: Option<Comparison>,
    pub periods: Vec<StagePeriod>,
    /// Each rep's total.
    pub reps: Vec<RepStage>,
}

/// Baseline against required activity, per `per` period of the target (per rep when `each`
/// is `rep`, for the team otherwise).
#[derive(Debug)]
pub struct Comparison {
    /// The target's `per`; `None` for the whole target.
    pub per: Option<Per>,
    pub baseline: Decimal,
    pub required: Decimal,
}

impl Comparison {
    /// The name used in every format: the `per` (`month`, …), or `total` without one.
    pub fn per_name(&self) -> &'static str {
        self.per.map_or("total", Per::name)
    }
}

/// One period of one stage.
#[derive(Debug)]
pub struct StagePeriod {
    /// Shared by every stage's row of the period.
    pub label: Rc<str>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The period ends before the target starts: activity for the first outcomes.
    pub before_start: bool,
    pub quota: i64,
    pub exact: Decimal,
    pub hours: Decimal,
    pub reps: Vec<RepStage>,
}

/// One rep's activity in a period or over the target.
#[derive(Debug)]
pub struct RepStage {
    /// Shared by every cell of the rep.
    pub rep: Rc<str>,
    pub quota: i64,
    pub exact: Decimal,
    pub hours: Decimal,
}

/// A rep's selling hours: what the funnel activity of the shown targets needs, and what the
/// rep has (`None` without `hours_per_week`).
#[derive(Clone, Debug)]
pub struct RepCapacity {
    pub rep: String,
    pub name: Option<String>,
    pub hours_per_week: Option<Decimal>,
    pub selling_share: Decimal,
    pub periods: Vec<CapacityPeriod>,
    pub needed: Decimal,
    pub available: Option<Decimal>,
}

/// One period of a rep's selling hours.
#[derive(Clone, Debug)]
pub struct CapacityPeriod {
    /// Shared by every rep's row of the period.
    pub label: Rc<str>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub needed: Decimal,
    pub available: Option<Decimal>,
}

impl CapacityPeriod {
    /// Whether the activity fits the hours (always, when the hours are unknown).
    pub fn fits(&self) -> bool {
        self.available.is_none_or(|a| self.needed <= a)
    }
}

impl RepCapacity {
    /// Whether every period fits.
    pub fn fits(&self) -> bool {
        self.periods.iter().all(CapacityPeriod::fits)
    }
}
