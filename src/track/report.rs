//! The tracking report as a value: per target and per rep, the plan and the actuals to date,
//! attainment, forecast, status, gap and catch-up; the leaderboard; the review list; and what
//! was read from each export. Amounts are exact decimals in the metric's unit (currency units
//! for money); the renderers decide how to print them.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{MetricKind, Per, Thresholds};
use crate::track::csv_read::ReadSummary;

/// The questions the guide asks about a goal that was missed.
pub const REVIEW_QUESTIONS: [&str; 3] = [
    "What barriers stood in the way?",
    "Did we build the right team: did skills and availability match what the goal asked?",
    "Did the team have the right tools?",
];

/// The whole tracking report.
#[derive(Debug)]
pub struct TrackReport {
    pub name: Option<String>,
    pub currency: Option<String>,
    pub as_of: NaiveDate,
    /// The periods of the burn-up and of `catch_up`: a quarter, month, week or day.
    pub by: Per,
    pub sources: Vec<SourceSummary>,
    /// In file order.
    pub targets: Vec<TargetTrack>,
    /// Reps by mean attainment, best first.
    pub leaderboard: Vec<Leader>,
    /// Targets whose team is at risk or behind, worst first.
    pub review: Vec<ReviewItem>,
}

/// What was read from one export.
#[derive(Debug)]
pub struct SourceSummary {
    pub file: String,
    pub rows: u64,
    pub kept: u64,
    pub filtered_out: u64,
    pub bad: u64,
    /// Rows of a known rep and metric dated outside the plan.
    pub outside: u64,
    /// Trailing report-footer lines (`Grand Totals`, `Confidential`…), not data.
    pub footer: u64,
    /// Bad rows by column and reason.
    pub skipped: Vec<Skipped>,
}

impl SourceSummary {
    /// What reading one export reported, under the name the export was given.
    pub fn from_read(file: String, summary: ReadSummary) -> Self {
        Self {
            file,
            rows: summary.rows,
            kept: summary.kept,
            filtered_out: summary.filtered_out,
            bad: summary.bad,
            outside: summary.outside,
            footer: summary.footer,
            skipped: summary
                .bad_by_reason
                .into_iter()
                .map(|r| Skipped {
                    column: r.column,
                    reason: r.reason,
                    count: r.count,
                })
                .collect(),
        }
    }
}

/// Bad rows sharing a column and a reason.
#[derive(Debug)]
pub struct Skipped {
    pub column: String,
    pub reason: String,
    pub count: u64,
}

/// How a target or a rep stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Attainment ≥ `[tracking] ahead` (1.05).
    Ahead,
    /// Attainment ≥ `on_track` (0.95).
    OnTrack,
    /// Attainment ≥ `at_risk` (0.80).
    AtRisk,
    /// Attainment below `at_risk`.
    Behind,
    /// Nothing was planned yet (the target starts after the as-of date).
    NotStarted,
    /// No export has a single row of the metric (or, for a level, of this rep).
    NoData,
}

impl TrackReport {
    /// The leaderboard's reps by attainment band (of the reps it lists).
    pub fn distribution(&self) -> Distribution {
        Distribution::of(&self.leaderboard)
    }
}

impl Status {
    /// The status of an attainment ratio under the thresholds.
    pub fn of(attainment: Decimal, thresholds: Thresholds) -> Self {
        if attainment >= thresholds.ahead {
            Status::Ahead
        } else if attainment >= thresholds.on_track {
            Status::OnTrack
        } else if attainment >= thresholds.at_risk {
            Status::AtRisk
        } else {
            Status::Behind
        }
    }

    /// The `snake_case` name used in every format.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ahead => "ahead",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::NotStarted => "not_started",
            Status::NoData => "no_data",
        }
    }

    /// At risk or behind: a goal for the review.
    pub fn needs_review(self) -> bool {
        matches!(self, Status::AtRisk | Status::Behind)
    }
}

/// The figures of a target's team or of one rep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Planned quota from the target's start through the as-of date (the level then, for levels).
    pub plan_to_date: Decimal,
    /// Actuals over the same days (the latest level, for levels); `None` without data.
    pub actual_to_date: Option<Decimal>,
    /// Actual ÷ plan to date (plan ÷ actual when lower is better).
    pub attainment: Option<Decimal>,
    /// The whole target (the final level, for levels).
    pub total: Decimal,
    /// Actual to date + remaining plan × pace (the latest level, for levels).
    pub forecast: Option<Decimal>,
    pub status: Status,
    /// Met: the exact attainment is at least 1, or lower is better and the actual is zero.
    pub met: bool,
    /// How far behind the plan to date, in the metric's unit; negative when ahead.
    pub gap: Option<Decimal>,
    /// The first of `catch_up_periods` (the rest of the current period); `None` for levels,
    /// without data, and when no period remains.
    pub catch_up: Option<Decimal>,
    /// What each remaining period (`TargetTrack::remaining`) must bring to still reach the
    /// total: the remaining gap spread over the rest of the plan; empty for levels and without
    /// data.
    pub catch_up_periods: Vec<Decimal>,
    /// A gap remains and no remaining day of the plan can carry it.
    pub no_period_left: bool,
    /// The burn-up, one entry per period of `TargetTrack::periods`.
    pub burn_up: Vec<BurnUp>,
}

/// One period of a burn-up. For levels, `plan` is the level planned at the period's end and
/// `actual` the latest level then; the cumulative figures repeat them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BurnUp {
    pub plan: Decimal,
    /// `None` for a period that starts after the as-of date, or without data.
    pub actual: Option<Decimal>,
    pub cumulative_plan: Decimal,
    pub cumulative_actual: Option<Decimal>,
}

/// A period of `--by` with its label, clipped to the target (the remaining ones also to the
/// days after the as-of date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One target tracked.
#[derive(Debug)]
pub struct TargetTrack {
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub kind: MetricKind,
    pub unit: Option<String>,
    pub owner: String,
    pub lower_is_better: bool,
    /// Decimals shown: the currency's minor units for money, 0 for counts, 2 for levels.
    pub decimals: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Periods of `--by` after the as-of date (clipped to the target).
    pub remaining_periods: usize,
    /// Actual to date of rows for the owner itself (a team or the company, never a rep):
    /// included in `team`, shown on a line of its own. `None` without such rows.
    pub team_level: Option<Decimal>,
    /// The periods of `--by` over the target's dates: the burn-up's rows.
    pub periods: Vec<Span>,
    /// The periods of `--by` after the as-of date, the first clipped to start the day after:
    /// the catch-up's rows.
    pub remaining: Vec<Span>,
    pub team: Progress,
    pub reps: Vec<RepProgress>,
    /// Pipeline coverage, when a pipeline export of the target's metric was read.
    pub coverage: Option<TargetCoverage>,
}

/// One rep's figures on a target.
#[derive(Debug)]
pub struct RepProgress {
    pub rep: String,
    pub name: Option<String>,
    pub progress: Progress,
}

/// One rep on the leaderboard.
#[derive(Debug)]
pub struct Leader {
    pub rank: usize,
    pub rep: String,
    pub name: Option<String>,
    /// Mean attainment over the rep's targets with data (a lower-is-better target met with a
    /// zero actual counts as 1.0).
    pub attainment: Decimal,
    /// Targets with data.
    pub targets: usize,
    /// Of those, the ones met (attainment ≥ 1.0, or lower is better with a zero actual).
    pub targets_hit: usize,
    /// Every target with data met: a rep to reward.
    pub hit: bool,
}

/// How many leaderboard reps stand at each attainment band of their mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Distribution {
    /// Mean ≥ 1.0.
    pub from_100: usize,
    /// 0.8 ≤ mean < 1.0.
    pub from_80: usize,
    /// 0.5 ≤ mean < 0.8.
    pub from_50: usize,
    /// Mean < 0.5.
    pub below_50: usize,
}

impl Distribution {
    /// The bands of the leaderboard's means.
    pub fn of(leaders: &[Leader]) -> Self {
        let mut d = Distribution::default();
        for l in leaders {
            let a = l.attainment;
            if a >= Decimal::ONE {
                d.from_100 += 1;
            } else if a >= Decimal::new(8, 1) {
                d.from_80 += 1;
            } else if a >= Decimal::new(5, 1) {
                d.from_50 += 1;
            } else {
                d.below_50 += 1;
            }
        }
        d
    }
}

/// A target behind plan, for the review meeting.
#[derive(Debug)]
pub struct ReviewItem {
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub kind: MetricKind,
    pub unit: Option<String>,
    pub decimals: u32,
    pub status: Status,
    pub attainment: Option<Decimal>,
    pub gap: Option<Decimal>,
    pub catch_up: Option<Decimal>,
    /// The label of the catch-up's period.
    pub catch_up_label: Option<String>,
    /// A gap remains and no remaining day of the plan can carry it.
    pub no_period_left: bool,
    pub remaining_periods: usize,
    /// Reps at risk or behind, worst first, with their attainment.
    pub reps_behind: Vec<(String, Decimal)>,
}

/// Pipeline coverage of a target (SPEC §13): the team's and each rep's, in `reps`' order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetCoverage {
    pub team: Coverage,
    pub reps: Vec<Coverage>,
}

/// The open pipeline of a team or rep against the rest of a target.
// The fields are named as the JSON keys of SPEC §13 (`coverage`, `required_coverage`).
#[allow(clippy::struct_field_names)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Open value expected to close after the as-of date, through the target's end.
    pub pipeline: Decimal,
    /// Σ value × probability over the same deals.
    pub weighted: Decimal,
    /// Pipeline ÷ remaining gap (total − actual to date, never below 0), four decimals;
    /// `None` when nothing remains.
    pub coverage: Option<Decimal>,
    /// 1 ÷ `[tracking] win_rate`, four decimals; `None` without a win rate.
    pub required_coverage: Option<Decimal>,
    /// Pipeline × win rate falls short of the remaining gap; `None` without a win rate.
    pub pipeline_short: Option<bool>,
    /// Actual to date + weighted.
    pub forecast_weighted: Decimal,
}
