//! `goals capacity`: how many reps a team target needs and when to hire them (SPEC §10).
//! For every additive team target whose metric has a `capacity`, month by month: ramped-rep
//! equivalents, capacity after attainment and attrition, the team's quota, the gap and what
//! ramping costs; then the fewest hires that close the gap over the target. Computes a report
//! value only; rendering lives in `output/`.

mod hires;
mod months;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{GoalFile, MetricKind, Owner};
use crate::plan::apportion::cumulative_quotas;
use crate::plan::target;
use crate::smart::{Checked, Resolved};

/// The most hires one target's plan lists; beyond it the rest is reported as uncovered.
pub const MAX_HIRES: usize = 1000;

/// What `goals capacity` covers.
#[derive(Clone, Debug, Default)]
pub struct CapacityOptions {
    /// Only these goals (all when empty).
    pub goals: Vec<String>,
    /// Only targets owned by these teams (all when empty).
    pub teams: Vec<String>,
    /// "Today": no hire starts before it plus `time_to_fill_days`.
    pub as_of: Option<NaiveDate>,
}

/// The whole capacity report.
#[derive(Debug)]
pub struct CapacityReport {
    pub name: Option<String>,
    pub currency: Option<String>,
    /// The `[hiring]` assumptions the report used.
    pub attainment: Decimal,
    pub attrition: Decimal,
    pub time_to_fill_days: u32,
    pub targets: Vec<TargetCapacity>,
}

/// One team target's capacity, month by month, and its hiring plan. Amounts are exact, in
/// whole units' scale (minor units for money); renderers round them.
#[derive(Debug)]
pub struct TargetCapacity {
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub team: TeamOwner,
    /// Decimals of a unit: the currency's minor units for money, 0 for counts.
    pub decimals: u32,
    /// The metric's capacity per full-time, fully ramped rep and month, in units.
    pub metric_capacity: Decimal,
    pub months: Vec<MonthCapacity>,
    pub hires: Vec<Hire>,
    /// What even the hires cannot cover, in units (0 when covered).
    pub uncovered: Decimal,
}

/// Who carries a capacity target: a team of the file, or the company (every rep).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamOwner {
    Team(String),
    Company,
}

impl TeamOwner {
    /// The team's id, or `company`: what `--team` names and JSON, CSV and Markdown write.
    pub fn id(&self) -> &str {
        match self {
            TeamOwner::Team(id) => id,
            TeamOwner::Company => "company",
        }
    }
}

/// One calendar month of a target (clipped to its dates).
#[derive(Debug)]
pub struct MonthCapacity {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Ramped-rep equivalents, exact.
    pub rre: Decimal,
    /// What the team in the file brings, after attainment and attrition, in units.
    pub capacity: Decimal,
    /// The same with the planned hires.
    pub capacity_with_hires: Decimal,
    /// The plan's team quota for the month, in units.
    pub target: i64,
    /// What the same reps would bring at full ramp, minus what they bring, in units.
    pub lost_to_ramp: Decimal,
}

/// One planned hire.
#[derive(Debug)]
pub struct Hire {
    /// First day of the month the hire starts.
    pub start: NaiveDate,
    /// The last day to open the requisition: start − `time_to_fill_days`.
    pub open_by: NaiveDate,
    /// What the hire brings over the target, in units.
    pub capacity: Decimal,
}

/// Builds the capacity report of a checked file.
pub fn build(checked: Checked<'_>, options: &CapacityOptions) -> CapacityReport {
    let file = checked.file();
    let mut targets = Vec::new();
    for (order, goal) in file.goals.iter().enumerate() {
        if !options.goals.is_empty() && !options.goals.contains(&goal.id.value) {
            continue;
        }
        let team = match goal.owner.as_ref().map(|o| &o.value) {
            Some(Owner::Team(id)) => TeamOwner::Team(id.clone()),
            Some(Owner::Company) => TeamOwner::Company,
            _ => continue,
        };
        if !options.teams.is_empty() && !options.teams.iter().any(|t| t == team.id()) {
            continue;
        }
        for r in checked.targets_of(order) {
            if let Some(capacity) = target_capacity(file, &r, &team, options.as_of) {
                targets.push(capacity);
            }
        }
    }
    CapacityReport {
        name: file.plan.name.as_ref().map(|n| n.value.clone()),
        currency: file.plan.currency.as_ref().map(|c| c.value.code.clone()),
        attainment: file.hiring.attainment,
        attrition: file.hiring.attrition,
        time_to_fill_days: file.hiring.time_to_fill_days,
        targets,
    }
}

/// The months and hiring plan of one target, if it is an additive team target whose metric
/// has a `capacity`.
fn target_capacity(
    file: &GoalFile,
    r: &Resolved<'_>,
    team: &TeamOwner,
    as_of: Option<NaiveDate>,
) -> Option<TargetCapacity> {
    let capacity = r.metric.capacity.as_ref()?;
    if !r.metric.kind.is_additive() || r.target.each_rep {
        return None;
    }
    let quota = cumulative_quotas(&target::day_amounts(file, r));
    let unit_capacity = capacity.value * r.scale;
    let (calendar, mut months) = months::months(file, r, &quota, unit_capacity);
    let plan = hires::plan(file, r, as_of, &calendar, &mut months, unit_capacity);
    let decimals = match (&r.metric.kind, &file.plan.currency) {
        (MetricKind::Money, Some(c)) => c.value.minor_units,
        _ => 0,
    };
    Some(TargetCapacity {
        goal: r.goal.id.value.clone(),
        title: r.title(),
        metric: r.metric.id.value.clone(),
        team: team.clone(),
        decimals,
        metric_capacity: unit_capacity,
        months,
        hires: plan.hires,
        uncovered: plan.uncovered,
    })
}
