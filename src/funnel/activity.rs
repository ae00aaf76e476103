//! The activity a funnel target needs, day by day and rep by rep, in whole units: the
//! outcome's exact daily amounts (at the stage the target enters) divided by the rates of the
//! stages above it, moved `cycle_days` earlier onto a workday. It knows nothing of hours,
//! periods or output.

use std::cell::RefCell;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::exact::ExactDays;
use super::hours::hours;
use super::landing::Landing;
use super::outcome::Outcome;
use super::stage_exact::StageExact;
use crate::model::Funnel;
use crate::plan::apportion::cumulative_quotas;
use crate::plan::reps;
use crate::plan::target;
use crate::smart::funnel_entry::entry_stage;
use crate::smart::{Checked, Resolved};

/// One stage of a funnel target on the target's activity axis (see [`Activity::axis_start`]).
pub struct StageDays {
    pub activity: String,
    /// Share that reaches the next stage; `None` for the outcome.
    pub rate: Option<Decimal>,
    /// Minutes one unit takes (0 when the stage gives none).
    pub minutes: Decimal,
    /// Units of this stage per unit of outcome: 1 / (product of the rates from here down).
    pub per_outcome: Decimal,
    /// Whether this is the stage the target enters, the outcome it counts.
    pub outcome: bool,
    /// Exact amounts by day, the team's and each rep's.
    pub exact: StageExact,
    pub team_quota: Vec<i64>,
    /// `[rep][day]`, in the order of `Resolved::reps`.
    pub rep_quota: Vec<Vec<i64>>,
    /// The hours of each number of units asked for so far (see [`StageDays::hours`]).
    hours_of: RefCell<FxHashMap<i64, Decimal>>,
}

impl StageDays {
    /// The hours `units` of this stage take: [`hours`] at the stage's minutes, worked out once
    /// for each number of units (every rep and period asks for a few of the same).
    pub fn hours(&self, units: i64) -> Decimal {
        *self
            .hours_of
            .borrow_mut()
            .entry(units)
            .or_insert_with(|| hours(units, self.minutes))
    }
}

/// A target with a funnel, worked back to its activity.
pub struct Activity<'a> {
    pub resolved: Resolved<'a>,
    pub funnel: &'a Funnel,
    /// First day of the axis: where the first outcome's activity lands. Activity stages sit
    /// on the workday on or before `cycle_days` before their outcome; the outcome stays on
    /// its own day.
    pub axis_start: NaiveDate,
    /// Top of the funnel first, down to the stage the target enters (the outcome).
    pub stages: Vec<StageDays>,
}

impl Activity<'_> {
    /// Number of days on the axis.
    pub fn len(&self) -> usize {
        self.stages.first().map_or(0, |s| s.team_quota.len())
    }

    /// Whether the axis has no day.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The date of axis day `k`.
    pub fn day(&self, k: usize) -> NaiveDate {
        self.axis_start + Days::new(k as u64)
    }
}

/// Works a target back through its funnel from the stage it enters (see
/// `smart::funnel_entry::entry_stage`); the stages after it are left out. `None` without a funnel or for a
/// target that enters none (rates and levels are not produced by a number of activities).
pub fn activity<'a>(checked: Checked<'a>, resolved: Resolved<'a>) -> Option<Activity<'a>> {
    let funnel = resolved.funnel?;
    let entry = entry_stage(funnel, resolved.metric.kind, &resolved.metric.id.value)?;
    let file = checked.file();
    let days = target::days(file, &resolved);
    let outcome = Outcome::new(&resolved, funnel, &days);
    let landing = Landing::new(
        &target::rules(file),
        resolved.start,
        days.team_quota.len(),
        funnel.cycle_days,
    );
    let stages = funnel.stages[..=entry]
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let product: Decimal = funnel.stages[i..entry]
                .iter()
                .filter_map(|s| s.rate.as_ref())
                .map(|r| r.value)
                .product();
            let (team_quota, rep_quota, exact) = if i == entry {
                let (team, reps, team_exact, rep_exact) = outcome.on_axis(&landing);
                let rep_exact = rep_exact.into_iter().map(ExactDays::new).collect();
                (
                    team,
                    reps,
                    StageExact::own(ExactDays::new(team_exact), rep_exact),
                )
            } else {
                let exact = StageExact::of_reps(
                    outcome
                        .rep_exact
                        .iter()
                        .map(|row| ExactDays::new(landed(row, product, &landing)))
                        .collect(),
                );
                let (team, reps) = whole_units(&exact, resolved.target.each_rep);
                (team, reps, exact)
            };
            StageDays {
                activity: stage
                    .activity
                    .as_ref()
                    .map_or_else(String::new, |a| a.value.clone()),
                rate: stage.rate.as_ref().map(|r| r.value).filter(|_| i < entry),
                minutes: stage.minutes.unwrap_or_default().max(Decimal::ZERO),
                per_outcome: Decimal::ONE / product,
                outcome: i == entry,
                exact,
                team_quota,
                rep_quota,
                hours_of: RefCell::default(),
            }
        })
        .collect();
    Some(Activity {
        resolved,
        funnel,
        axis_start: landing.axis_start,
        stages,
    })
}

/// An activity stage on the axis: each outcome day's exact amount divided by `product`, on
/// the workday its activity lands on.
fn landed(outcome: &[Decimal], product: Decimal, landing: &Landing) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; landing.len()];
    if product.is_zero() {
        return out;
    }
    // One division per stage; each day is a multiplication (the rounding of the reciprocal
    // is at the 28th digit, far below the 12 places whole units are rounded from).
    let per_outcome = Decimal::ONE / product;
    for (x, &k) in outcome.iter().zip(&landing.activity_index) {
        if !x.is_zero() {
            out[k] += *x * per_outcome;
        }
    }
    out
}

/// Whole units that add up: each rep on its own for `each = "rep"` (the team is the sum);
/// otherwise the team's cumulative quota, shared among reps by their exact shares with the
/// plan's split.
fn whole_units(exact: &StageExact, each_rep: bool) -> (Vec<i64>, Vec<Vec<i64>>) {
    let len = exact.len();
    if each_rep {
        let reps: Vec<Vec<i64>> = exact
            .reps
            .iter()
            .map(|row| cumulative_quotas(row.days()))
            .collect();
        let team = (0..len).map(|d| reps.iter().map(|r| r[d]).sum()).collect();
        return (team, reps);
    }
    let team_exact = exact.team_days();
    let team = cumulative_quotas(&team_exact);
    // Every day with activity has a rep whose share it is, so no day is left unshared.
    let shared = reps::split(&team, &team_exact, &exact.runs()).unwrap_or_else(|u| u.quotas);
    (team, shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn activity_lands_on_its_workday_and_divides_by_the_rates() {
        let landing = Landing {
            axis_start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            outcome_offset: 3,
            activity_index: vec![0, 0, 3],
        };
        let rate: Decimal = "0.5".parse().unwrap();
        let outcome = [d(1), d(2), d(3)];
        assert_eq!(
            landed(&outcome, rate, &landing),
            vec![d(6), d(0), d(0), d(6), d(0), d(0)]
        );
    }

    #[test]
    fn team_units_add_up_among_reps() {
        let third = Decimal::ONE / d(3);
        let reps = StageExact::of_reps(vec![
            ExactDays::new(vec![third; 6]),
            ExactDays::new(vec![third; 6]),
        ]);
        let (team, per_rep) = whole_units(&reps, false);
        assert_eq!(team.iter().sum::<i64>(), 4);
        for day in 0..6 {
            assert_eq!(per_rep[0][day] + per_rep[1][day], team[day]);
        }
        let (team, per_rep) = whole_units(&reps, true);
        assert_eq!(
            per_rep
                .iter()
                .map(|r| r.iter().sum::<i64>())
                .collect::<Vec<_>>(),
            vec![2, 2]
        );
        assert_eq!(team.iter().sum::<i64>(), 4);
    }
}
