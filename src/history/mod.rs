//! `goals baseline`: what last year's actuals say about this year's targets (SPEC §11). Per
//! additive metric, over the twelve months before the plan's start: monthly totals per rep and
//! for the team, a seasonality profile whose twelve weights add up to exactly 100.00, a
//! suggested target, and each rep's weight against an equal share. Computes a report value from
//! the ledger `goals track` fills; it reads nothing itself and renders nothing.

mod profile;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::model::GoalFile;
use crate::plan::fixed::round_dp;
use crate::plan::fixed::round_half_up;
use crate::track::ledger::Ledger;

pub use profile::profile;

/// A rep's weight above this (or below its inverse share, 0.5) draws a warning.
const HIGH: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
const LOW: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// What `goals baseline` covers.
#[derive(Clone, Debug, Default)]
pub struct BaselineOptions {
    /// Only this metric (every count and money metric when `None`).
    pub metric: Option<String>,
    /// Growth in percent applied to last year's total for the suggested target.
    pub growth: Decimal,
}

/// The whole baseline report.
#[derive(Debug)]
pub struct BaselineReport {
    /// First and last day of the history: the twelve months before the plan's start.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub growth: Decimal,
    /// Rows of a known rep and metric dated outside the history (read, not used).
    pub outside_history: u64,
    pub metrics: Vec<MetricBaseline>,
}

/// One metric's history.
#[derive(Debug)]
pub struct MetricBaseline {
    pub metric: String,
    /// Decimals of the metric's unit: the currency's minor units for money, 0 for counts.
    pub decimals: u32,
    pub months: Vec<MonthHistory>,
    /// Weights of January..December in percent, two decimals, adding up to 100.00; `None`
    /// when the history has no rows at all.
    pub profile: Option<[Decimal; 12]>,
    /// Last year's real total (months without history count nothing).
    pub total: Decimal,
    /// `total × (1 + growth)`, rounded to the unit, halves up.
    pub suggested_target: Decimal,
    pub reps: Vec<RepHistory>,
}

/// One month of the history.
#[derive(Debug)]
pub struct MonthHistory {
    /// `2026-01`.
    pub label: String,
    /// Calendar month 1-12.
    pub month: u32,
    pub team: Decimal,
    /// Whether the month had no rows (its profile weight is the mean of the others).
    pub no_history: bool,
    /// The reps with rows in the month, in file order: (rep id, value).
    pub reps: Vec<(String, Decimal)>,
}

/// One rep's year.
#[derive(Debug)]
pub struct RepHistory {
    pub rep: String,
    pub total: Decimal,
    /// Months with rows, of twelve.
    pub months: usize,
    /// Share against an equal share among the reps with a full year, four decimals; `None`
    /// for a partial history.
    pub weight: Option<Decimal>,
    /// Why a history-based quota would be unfair to this rep, if it would.
    pub warning: Option<String>,
}

impl MonthHistory {
    /// Whether the profile gives this month the mean of the others: no rows, or a total not
    /// above zero (a profile weight must be positive).
    pub fn imputed(&self) -> bool {
        self.no_history || self.team <= Decimal::ZERO
    }
}

impl RepHistory {
    /// Whether the rep has rows in fewer than twelve months.
    pub fn partial(&self) -> bool {
        self.months < 12
    }
}

/// The history window: the twelve months before `plan_start`.
pub fn window(plan_start: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let start = plan_start.checked_sub_months(Months::new(12))?;
    Some((start, plan_start.pred_opt()?))
}

/// Builds the baseline of every chosen metric from the ledger over the history.
pub fn build(
    file: &GoalFile,
    ledger: &Ledger,
    (start, end): (NaiveDate, NaiveDate),
    options: &BaselineOptions,
) -> BaselineReport {
    let minor = file.plan.minor_units();
    let metrics = file
        .metrics
        .iter()
        .filter(|m| m.kind.is_additive())
        .filter(|m| options.metric.as_ref().is_none_or(|id| *id == m.id.value))
        .map(|m| {
            let decimals = if m.kind == crate::model::MetricKind::Money {
                minor
            } else {
                0
            };
            metric(file, ledger, &m.id.value, decimals, (start, end), options)
        })
        .collect();
    BaselineReport {
        start,
        end,
        growth: options.growth,
        outside_history: ledger.outside,
        metrics,
    }
}

fn metric(
    file: &GoalFile,
    ledger: &Ledger,
    id: &str,
    decimals: u32,
    (start, end): (NaiveDate, NaiveDate),
    options: &BaselineOptions,
) -> MetricBaseline {
    let mut months: Vec<MonthHistory> = (0..12)
        .filter_map(|i| start.checked_add_months(Months::new(i)))
        .map(|d| MonthHistory {
            label: format!("{:04}-{:02}", d.year(), d.month()),
            month: d.month(),
            team: Decimal::ZERO,
            no_history: true,
            reps: Vec::new(),
        })
        .collect();
    let mut reps = Vec::with_capacity(file.reps.len());
    for (index, rep) in file.reps.iter().enumerate() {
        let mut by_month = [(Decimal::ZERO, 0_u32); 12];
        for (day, cell) in start.iter_days().zip(ledger.days(id, index, start, end)) {
            if cell.rows > 0 {
                let m = month_index(start, day);
                by_month[m].0 = by_month[m].0.saturating_add(cell.sum);
                by_month[m].1 += cell.rows;
            }
        }
        let mut total = Decimal::ZERO;
        let mut active = 0;
        for (m, &(value, rows)) in by_month.iter().enumerate() {
            if rows == 0 {
                continue;
            }
            active += 1;
            total = total.saturating_add(value);
            months[m].team = months[m].team.saturating_add(value);
            months[m].no_history = false;
            months[m].reps.push((rep.id.value.clone(), value));
        }
        if active > 0 {
            reps.push(RepHistory {
                rep: rep.id.value.clone(),
                total,
                months: active,
                weight: None,
                warning: None,
            });
        }
    }
    weigh(&mut reps);
    let total: Decimal = months.iter().map(|m| m.team).sum();
    let scale = Decimal::from(10_i64.pow(decimals));
    let grown = total * (Decimal::ONE_HUNDRED + options.growth) / Decimal::ONE_HUNDRED;
    MetricBaseline {
        metric: id.to_string(),
        decimals,
        profile: profile(&months, file.plan.fiscal_year_start),
        total,
        suggested_target: Decimal::from(round_half_up(grown * scale)) / scale,
        months,
        reps,
    }
}

/// Index 0-11 of `day`'s month counted from the history's first month.
fn month_index(start: NaiveDate, day: NaiveDate) -> usize {
    let months = (day.year() - start.year()) * 12 + i32::try_from(day.month()).unwrap_or(0)
        - i32::try_from(start.month()).unwrap_or(0);
    usize::try_from(months).unwrap_or(0).min(11)
}

/// Each full-year rep's total ÷ (the full-year reps' total ÷ their number), four decimals,
/// with a warning beyond 1.5× or under 0.5× the equal share.
fn weigh(reps: &mut [RepHistory]) {
    let full: Vec<&RepHistory> = reps.iter().filter(|r| !r.partial()).collect();
    let sum: Decimal = full.iter().map(|r| r.total).sum();
    if full.is_empty() || sum <= Decimal::ZERO {
        return;
    }
    let equal = sum / Decimal::from(full.len());
    for rep in reps.iter_mut().filter(|r| !r.partial()) {
        let mut weight = round_dp(rep.total / equal, 4);
        weight.rescale(4);
        rep.warning = if weight > HIGH {
            Some(format!(
                "{}× the equal share: a quota from history would punish this rep for last year's success",
                weight.normalize()
            ))
        } else if weight < LOW {
            Some(format!(
                "{}× the equal share: a quota from history would reward this rep for last year's shortfall",
                weight.normalize()
            ))
        } else {
            None
        };
        rep.weight = Some(weight);
    }
}
