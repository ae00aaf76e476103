//! The plan as a report value: per target, the periods of `--by` with the team's quota and
//! each rep's, plus totals. Amounts are exact integers of units (minor units for money) or
//! levels; the renderers decide how to print them.

use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Level3, MetricKind, Per};

/// The whole plan report.
#[derive(Debug)]
pub struct PlanReport {
    pub name: Option<String>,
    pub currency: Option<String>,
    /// Minor-unit decimals of the currency (2 for EUR).
    pub minor_units: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The periods' granularity: a quarter, month, week or day.
    pub by: Per,
    /// In priority order: importance, urgency, then file order.
    pub targets: Vec<TargetReport>,
    /// Display names of the reps that have one, by rep id.
    pub rep_names: RepNames,
}

/// Display names of the reps that have one (`name = "Giulia Rossi"`), by rep id: what JSON
/// writes beside each rep id.
pub type RepNames = std::collections::HashMap<String, String>;

/// Every named rep's display name, by id.
pub fn rep_names(file: &crate::model::GoalFile) -> RepNames {
    file.reps
        .iter()
        .filter_map(|r| Some((r.id.value.clone(), r.name.as_ref()?.value.clone())))
        .collect()
}

/// One target's decomposition.
#[derive(Debug)]
pub struct TargetReport {
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub kind: MetricKind,
    pub unit: Option<String>,
    pub owner: String,
    /// The target's own dates (the plan's unless it gives its own).
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub importance: Level3,
    pub urgency: Level3,
    /// 1 for the most important target; file order breaks ties.
    pub priority: usize,
    /// Position of the goal in the file (JSON keeps file order).
    pub file_order: usize,
    pub lower_is_better: bool,
    /// Decimals of a unit: the currency's minor units for money, 0 for counts and levels.
    pub decimals: u32,
    /// The target as a quota: units for additive targets, the final level otherwise.
    pub total: Quantity,
    /// With over-assignment: the factor and the street total the reps' quotas add up to.
    pub street: Option<(Decimal, i64)>,
    /// What no remaining day could carry (a replan only): `total` plus this is the target.
    pub unplaced: Option<Quantity>,
    pub periods: Vec<PeriodRow>,
    /// Each rep's total over the target (additive) or final level.
    pub reps: Vec<RepCell>,
}

/// One period of one target.
#[derive(Debug)]
pub struct PeriodRow {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub quota: Quantity,
    /// The unrounded amount (in the metric's unit; currency units for money).
    pub exact: Decimal,
    /// With over-assignment: the street quota (units) the reps' quotas add up to.
    pub street_quota: Option<i64>,
    pub reps: Vec<RepCell>,
}

/// One rep's quota in a period or over the target.
#[derive(Debug)]
pub struct RepCell {
    /// The rep's id, shared by its cells of every period.
    pub rep: Rc<str>,
    pub quota: Quantity,
    pub exact: Decimal,
}

/// A quota: whole units of an additive metric, or a level to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Whole units: 1 for counts, the currency's minor unit for money.
    Units(i64),
    /// A level or rate (percent), rounded to two decimals.
    Level(Decimal),
}
