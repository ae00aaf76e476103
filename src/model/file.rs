//! The goal file as read: every value carries its byte span, defaults are applied, and keys
//! whose absence is a SMART finding stay `Option` so `smart/` can report them. The planner
//! only sees a file that `smart::validate` passed, so it may rely on what the rules checked.

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{NaiveDate, Weekday};
use rust_decimal::Decimal;

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

/// `[[feedback]]`: one rep's view of one goal.
#[derive(Clone, Debug)]
pub struct Feedback {
    pub goal: Sp<String>,
    pub rep: Sp<String>,
    /// 1 (no way) to 5 (sure).
    pub confidence: Option<Sp<u8>>,
    pub capable: Option<bool>,
    pub needs_training: Option<bool>,
    pub challenges: Option<String>,
}

/// `[[actuals]]`: how to read a CRM export.
#[derive(Clone, Debug)]
pub struct ActualsMapping {
    pub path: Option<Sp<String>>,
    pub metric: Option<Sp<String>>,
    pub date: String,
    pub rep: String,
    pub value: Option<String>,
    /// `where`: column → the values kept (compared ignoring case).
    pub filters: Vec<(String, Vec<String>)>,
    /// `dates`: the order of slash dates.
    pub dates: Option<DateOrder>,
    /// `date_format`: an explicit chrono format; wins over `dates`.
    pub date_format: Option<String>,
    /// `decimal`: the decimal separator of `value`, `.` or `,`.
    pub decimal: Option<char>,
    /// `currency`: the column holding each row's ISO currency code.
    pub currency: Option<String>,
    /// `encoding`: read from a WHATWG label (`utf-8`, `utf-16`, `windows-1252`) or `latin-1`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub span: Range<usize>,
}

/// The order of the parts of a date written with the year last (`5/4/2027`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `dates = "day-first"`: 5/4/2027 is 5 April.
    DayFirst,
    /// `dates = "month-first"`: 5/4/2027 is 4 May.
    MonthFirst,
    /// `dates = "iso"`: only year-first dates are read.
    Iso,
}

/// `[[pipeline]]`: how to read an export of open deals. `reading.date` is the expected close
/// date; `reading.metric` the metric the deals count towards.
#[derive(Clone, Debug)]
pub struct PipelineMapping {
    /// Every reading key of `[[actuals]]`.
    pub reading: ActualsMapping,
    pub chance: Chance,
}

/// Where a pipeline row's chance of closing comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chance {
    /// `probability`: a column of fractions (`0.4`) or percentages (`40%`).
    Probability(String),
    /// `stage` with `stages`: a column of stage names, each stage's probability (0 to 1).
    Stage {
        column: String,
        stages: Vec<(String, Decimal)>,
    },
}

impl GoalFile {
    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id.value == id)
    }
}
