//! A goal and its targets as read: the family, the owner and the review of a goal, each
//! target's metric, amount, period, split and funnel, each value with its byte span.

use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::file::Sp;

/// The four families of goals in the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Capacity,
    Product,
    Skills,
    Customers,
}

/// Low, medium or high, for urgency and importance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level3 {
    Low,
    Medium,
    High,
}

impl Level3 {
    /// The name used in the file and in every format: `low`, `medium` or `high`.
    pub fn name(self) -> &'static str {
        match self {
            Level3::Low => "low",
            Level3::Medium => "medium",
            Level3::High => "high",
        }
    }
}

impl std::fmt::Display for Level3 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// How often progress is reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    Weekly,
    Monthly,
    Quarterly,
}

/// Who carries a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Team(String),
    Rep(String),
    Company,
}

impl Owner {
    /// The owner as written in the file: `team:ID`, `rep:ID` or `company`.
    pub fn label(&self) -> String {
        match self {
            Owner::Team(id) => format!("team:{id}"),
            Owner::Rep(id) => format!("rep:{id}"),
            Owner::Company => "company".to_string(),
        }
    }
}

/// `[[goals]]`: a broad aim made real by its targets.
#[derive(Clone, Debug)]
pub struct Goal {
    pub id: Sp<String>,
    pub title: Option<Sp<String>>,
    pub family: Option<Family>,
    pub objective: Option<Sp<String>>,
    pub owner: Option<Sp<Owner>>,
    pub urgency: Level3,
    pub importance: Level3,
    pub review: Option<Review>,
    pub why: Option<String>,
    pub steps: Vec<String>,
    /// Codes whose warnings and infos about this goal are accepted (suppressed).
    pub allow: Vec<Sp<String>>,
    pub targets: Vec<Target>,
    /// Span of the goal's `id` value, where goal-wide findings point.
    pub span: Range<usize>,
}

/// A target number: absolute, or relative to the baseline ("+10%" is `Relative(10)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetValue {
    Absolute(Decimal),
    Relative(Decimal),
}

/// A period granularity named by `per` and `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Per {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Per {
    /// The name used in the file, on the command line and in JSON: `day` … `year`.
    pub fn name(self) -> &'static str {
        match self {
            Per::Day => "day",
            Per::Week => "week",
            Per::Month => "month",
            Per::Quarter => "quarter",
            Per::Year => "year",
        }
    }
}

impl std::fmt::Display for Per {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// How a target is spread over days.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SplitName {
    Even,
    Workdays,
    Calendar,
    Profile(String),
}

/// `[[goals.targets]]`: one number on one metric with dates.
#[derive(Clone, Debug)]
pub struct Target {
    pub metric: Option<Sp<String>>,
    /// `None` when absent or unreadable; see `target_written`.
    pub target: Option<Sp<TargetValue>>,
    /// Whether the file has a `target` key (an unreadable one was already reported).
    pub target_written: bool,
    pub per: Option<Per>,
    /// `true` for `each = "rep"`: every rep carries the target on its own.
    pub each_rep: bool,
    pub split: Sp<SplitName>,
    pub start: Option<Sp<NaiveDate>>,
    pub end: Option<Sp<NaiveDate>>,
    pub baseline: Option<Sp<Decimal>>,
    /// Whether the file has a `baseline` key (an unreadable one was already reported).
    pub baseline_written: bool,
    pub funnel: Option<Sp<String>>,
    /// `over_assign` of this target; wins over the team's and the plan's.
    pub over_assign: Option<Sp<Decimal>>,
    /// Span of the `[[goals.targets]]` table.
    pub span: Range<usize>,
}

impl Target {
    /// The amount the target asks for in its metric's unit: the number as written, or the
    /// baseline moved by the percentage (`baseline × (100 + pct) ÷ 100`). `None` without a
    /// number, or for a relative target without a baseline.
    pub fn amount(&self) -> Option<Decimal> {
        match self.target.as_ref()?.value {
            TargetValue::Absolute(n) => Some(n),
            TargetValue::Relative(pct) => {
                let base = self.baseline.as_ref()?.value;
                Some(base * (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED)
            }
        }
    }
}
