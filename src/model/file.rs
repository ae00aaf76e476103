//! The goal file as read: every value carries its byte span, defaults are applied, and keys
//! whose absence is a SMART finding stay `Option` so `smart/` can report them. The planner
//! only sees a file that `smart::validate` passed, so it may rely on what the rules checked.

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{NaiveDate, Weekday};
use rust_decimal::Decimal;

use super::goal::Goal;
use super::sources::{ActualsMapping, Feedback, PipelineMapping};

/// A value and the byte range of the TOML text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    /// Wraps a value with its span.
    pub fn new(value: T, span: Range<usize>) -> Self {
        Sp { value, span }
    }
}

/// The whole goal file.
#[derive(Clone, Debug, Default)]
pub struct GoalFile {
    pub plan: PlanSettings,
    pub objectives: Vec<Objective>,
    pub teams: Vec<Team>,
    pub reps: Vec<Rep>,
    pub metrics: Vec<Metric>,
    pub seasonality: Vec<Profile>,
    pub funnels: Vec<Funnel>,
    pub goals: Vec<Goal>,
    pub feedback: Vec<Feedback>,
    pub actuals: Vec<ActualsMapping>,
    /// `[[pipeline]]`: how to read exports of open deals (SPEC §13).
    pub pipeline: Vec<PipelineMapping>,
    /// `[tracking]`: the attainment ratios that separate the statuses of `goals track`.
    pub tracking: Thresholds,
    /// `[hiring]`: how new reps are hired and ramp, for `goals capacity`.
    pub hiring: Hiring,
    /// `[tracking] win_rate`: the share of open pipeline that is won, in (0, 1]; the pipeline
    /// must cover the remaining gap 1 ÷ `win_rate` times.
    pub win_rate: Option<Decimal>,
    /// `[check] allow`: codes accepted everywhere in the file.
    pub allow: Vec<Sp<String>>,
    /// Reps by team and by id, built on first use by `reps_of`; a file whose reps change
    /// after reading must not keep it.
    pub rep_index: std::sync::OnceLock<super::reps::RepIndex>,
}

/// `[plan]`: the period, currency and calendar. Dates are inclusive.
#[derive(Clone, Debug)]
pub struct PlanSettings {
    pub name: Option<Sp<String>>,
    /// `None` when the file gives no start (a `no-dates` finding) or an unreadable one.
    pub start: Option<Sp<NaiveDate>>,
    /// Whether `[plan]` has a `start` key (an unreadable one was already reported).
    pub start_written: bool,
    /// Defaults to start + 1 year - 1 day.
    pub end: Option<Sp<NaiveDate>>,
    pub currency: Option<Sp<Currency>>,
    /// `rates`: units of the plan's currency per unit of another (ISO code), exact.
    pub rates: Vec<(String, Decimal)>,
    /// Whether `[plan]` has a `currency` key (an unknown code was already reported).
    pub currency_written: bool,
    /// Month 1-12 that starts the fiscal year.
    pub fiscal_year_start: u32,
    pub week_start: Weekday,
    /// Indexed by `Weekday::num_days_from_monday`.
    pub workdays: [bool; 7],
    pub holidays: BTreeSet<NaiveDate>,
    pub max_goals_per_rep: u32,
    /// `over_assign`: rep quotas add up to the team target × this factor (default 1).
    pub over_assign: Option<Sp<Decimal>>,
    /// Span of the `[plan]` header, for findings about the plan as a whole.
    pub span: Option<Range<usize>>,
}

impl PlanSettings {
    /// Digits after the decimal point of the plan's currency (0 without one).
    pub fn minor_units(&self) -> u32 {
        self.currency.as_ref().map_or(0, |c| c.value.minor_units)
    }
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            name: None,
            start: None,
            start_written: false,
            end: None,
            currency: None,
            rates: Vec::new(),
            currency_written: false,
            fiscal_year_start: 1,
            week_start: Weekday::Mon,
            workdays: [true, true, true, true, true, false, false],
            holidays: BTreeSet::new(),
            max_goals_per_rep: 5,
            over_assign: None,
            span: None,
        }
    }
}

/// Attainment ratios (actual ÷ plan to date) at or above which a target is ahead, on track or
/// at risk; below `at_risk` it is behind. `ahead >= on_track >= at_risk > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub ahead: Decimal,
    pub on_track: Decimal,
    pub at_risk: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            ahead: Decimal::new(105, 2),
            on_track: Decimal::new(95, 2),
            at_risk: Decimal::new(80, 2),
        }
    }
}

/// An ISO 4217 currency and its number of minor-unit decimals (EUR 2, JPY 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Currency {
    pub code: String,
    pub minor_units: u32,
}

/// `[[objectives]]`: a company objective that goals serve.
#[derive(Clone, Debug)]
pub struct Objective {
    pub id: Sp<String>,
    pub title: Option<Sp<String>>,
}

/// `[[teams]]`.
#[derive(Clone, Debug)]
pub struct Team {
    pub id: Sp<String>,
    pub name: Option<Sp<String>>,
    /// `over_assign` for the team's targets; wins over the plan's.
    pub over_assign: Option<Sp<Decimal>>,
}

/// `[[reps]]`: a sales rep and what it can carry.
#[derive(Clone, Debug)]
pub struct Rep {
    pub id: Sp<String>,
    pub name: Option<Sp<String>>,
    /// Other spellings of the rep in exports (e-mail, CRM user name).
    pub aliases: Vec<Sp<String>>,
    pub team: Option<Sp<String>>,
    /// 0 < fte <= 1.
    pub fte: Decimal,
    pub start: Option<Sp<NaiveDate>>,
    pub end: Option<Sp<NaiveDate>>,
    /// Productivity in tenure months 1, 2, 3...; 1.0 after the list.
    pub ramp: Vec<Decimal>,
    pub hours_per_week: Option<Decimal>,
    /// Share of the hours available for selling, 0-1.
    pub selling_share: Decimal,
    /// Inclusive date ranges when the rep is away.
    pub time_off: Vec<(NaiveDate, NaiveDate)>,
    /// Relative share of team targets (a bigger territory carries more); above 0, default 1.
    pub weight: Decimal,
    /// The rep's user id in the CRM (`crm_id`), for the CRM plan formats.
    pub crm_id: Option<Sp<String>>,
}

/// What a metric counts, and so how its targets are split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricKind {
    Count,
    Money,
    Rate,
    Level,
}

impl MetricKind {
    /// The name used in the file and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            MetricKind::Count => "count",
            MetricKind::Money => "money",
            MetricKind::Rate => "rate",
            MetricKind::Level => "level",
        }
    }

    /// Counts and money are split among periods and reps; rates and levels are held.
    pub fn is_additive(self) -> bool {
        matches!(self, MetricKind::Count | MetricKind::Money)
    }
}

impl std::fmt::Display for MetricKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// `[metrics.ID]`.
#[derive(Clone, Debug)]
pub struct Metric {
    pub id: Sp<String>,
    pub kind: MetricKind,
    pub unit: Option<String>,
    pub source: Option<String>,
    /// Most one full-time, fully ramped rep achieves per month.
    pub capacity: Option<Sp<Decimal>>,
    pub lower_is_better: bool,
    /// The highest percentage a `rate` metric may reach (default 100; net revenue retention
    /// may reach 200).
    pub max: Decimal,
}

/// `[seasonality.NAME]`: relative weights of January..December.
#[derive(Clone, Debug)]
pub struct Profile {
    pub name: Sp<String>,
    /// `None` where a month is missing (a finding).
    pub weights: [Option<Decimal>; 12],
}

/// `[[funnels]]`: stages from the top activity down to the outcome.
#[derive(Clone, Debug)]
pub struct Funnel {
    pub id: Sp<String>,
    pub stages: Vec<Stage>,
    pub cycle_days: u32,
    /// Money per deal: how a money target enters the funnel at its last stage.
    pub deal_size: Option<Sp<Decimal>>,
}

/// One funnel stage; `rate` is the share (0-1] that reaches the next stage.
#[derive(Clone, Debug)]
pub struct Stage {
    pub activity: Option<Sp<String>>,
    pub rate: Option<Sp<Decimal>>,
    pub minutes: Option<Decimal>,
    pub span: Range<usize>,
}

/// `[hiring]`: the assumptions of the hiring plan of `goals capacity`.
#[derive(Clone, Debug)]
pub struct Hiring {
    /// Productivity of a hire in tenure months 1, 2, 3...; 1.0 after (default: no ramp).
    pub ramp: Vec<Decimal>,
    /// Days from opening a requisition to the hire's first day (default 60).
    pub time_to_fill_days: u32,
    /// Share of capacity reps really achieve, above 0 and at most 1 (default 1).
    pub attainment: Decimal,
    /// Yearly share of capacity lost to attrition, 0 to 1 (default 0).
    pub attrition: Decimal,
}

impl Default for Hiring {
    fn default() -> Self {
        Hiring {
            ramp: Vec::new(),
            time_to_fill_days: 60,
            attainment: Decimal::ONE,
            attrition: Decimal::ZERO,
        }
    }
}

impl GoalFile {
    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id.value == id)
    }
}
