//! The activity a funnel target needs, day by day and rep by rep, in whole units: the
//! outcome's exact daily amounts divided by the rates of the stages above it, moved
//! `cycle_days` earlier. It knows nothing of hours, periods or output.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{Funnel, Goal, MetricKind, Target};
use crate::plan::apportion::cumulative_quotas;
use crate::plan::capacity::{Runs, shifted_runs};
use crate::plan::reps;
use crate::plan::target::{self, Resolved};
use crate::smart::Checked;

/// One stage of a funnel target on the target's activity axis (see [`Activity::axis_start`]).
pub struct StageDays {
    pub activity: String,
    /// Share that reaches the next stage; `None` for the outcome.
    pub rate: Option<Decimal>,
    /// Minutes one unit takes (0 when the stage gives none).
    pub minutes: Decimal,
    /// Units of this stage per unit of outcome: 1 / (product of the rates from here down).
    pub per_outcome: Decimal,
    /// Whether this is the last stage, the outcome the target counts.
    pub outcome: bool,
    pub team_exact: Vec<Decimal>,
    pub team_quota: Vec<i64>,
    /// `[rep][day]`, in the order of `Resolved::reps`.
    pub rep_exact: Vec<Vec<Decimal>>,
    pub rep_quota: Vec<Vec<i64>>,
}

/// A target with a funnel, worked back to its activity.
pub struct Activity<'a> {
    pub resolved: Resolved<'a>,
    pub funnel: &'a Funnel,
    /// First day of the axis: the target's start minus `cycle_days`. Activity stages sit on
    /// the day `cycle_days` before their outcome; the outcome stays on its own day.
    pub axis_start: NaiveDate,
    /// Top of the funnel first, the outcome last.
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

    /// Drops the exact per-rep amounts, once the report no longer needs them: the hours
    /// checks read whole units only, and the rows are most of an activity's memory.
    pub fn forget_exact(&mut self) {
        for stage in &mut self.stages {
            stage.rep_exact = Vec::new();
        }
    }

    /// The date of axis day `k`.
    pub fn day(&self, k: usize) -> NaiveDate {
        self.axis_start + Days::new(k as u64)
    }
}

/// The funnel a target names, if any.
pub fn funnel_of<'a>(checked: Checked<'a>, target: &Target) -> Option<&'a Funnel> {
    let id = &target.funnel.as_ref()?.value;
    checked.file().funnels.iter().find(|f| f.id.value == *id)
}

/// Works a target back through its funnel; `None` without a funnel or for a metric that is
/// not a count (money, rates and levels are not produced by a number of activities).
pub fn activity<'a>(checked: Checked<'a>, goal: &'a Goal, t: &'a Target) -> Option<Activity<'a>> {
    let funnel = funnel_of(checked, t)?;
    let resolved = target::resolve(checked, goal, t);
    if resolved.metric.kind != MetricKind::Count {
        return None;
    }
    let days = target::days(checked.file(), &resolved);
    let rep_rows = days.rep_exact.rows();
    // A team target's reps share every stage by their capacity on the outcome's day.
    let runs = days.rep_exact.runs();
    let cycle = funnel.cycle_days as usize;
    let last = funnel.stages.len().saturating_sub(1);
    let stages = funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let product: Decimal = funnel.stages[i..last]
                .iter()
                .filter_map(|s| s.rate.as_ref())
                .map(|r| r.value)
                .product();
            let rep_exact: Vec<Vec<Decimal>> = rep_rows
                .iter()
                .map(|row| shifted(row, product, cycle, i == last))
                .collect();
            let stage_runs = runs.map(|r| shifted_runs(r, if i == last { cycle } else { 0 }));
            let (team_quota, rep_quota, team_exact) =
                whole_units(&rep_exact, stage_runs.as_deref());
            StageDays {
                activity: stage
                    .activity
                    .as_ref()
                    .map_or_else(String::new, |a| a.value.clone()),
                rate: stage.rate.as_ref().map(|r| r.value),
                minutes: stage.minutes.unwrap_or_default().max(Decimal::ZERO),
                per_outcome: Decimal::ONE / product,
                outcome: i == last,
                team_exact,
                team_quota,
                rep_exact,
                rep_quota,
            }
        })
        .collect();
    let axis_start = resolved
        .start
        .checked_sub_days(Days::new(u64::from(funnel.cycle_days)))
        .unwrap_or(resolved.start);
    Some(Activity {
        resolved,
        funnel,
        axis_start,
        stages,
    })
}

/// The outcome's exact daily amounts divided by `product`, on the axis: activity stages start
/// at index 0 (`cycle` days before their outcome), the outcome itself at index `cycle`.
fn shifted(outcome: &[Decimal], product: Decimal, cycle: usize, is_outcome: bool) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; outcome.len() + cycle];
    let offset = if is_outcome { cycle } else { 0 };
    for (d, x) in outcome.iter().enumerate() {
        out[d + offset] = if product.is_zero() {
            Decimal::ZERO
        } else {
            *x / product
        };
    }
    out
}

/// Whole units that add up: each rep on its own for `each = "rep"` (no `capacity`; the team
/// is the sum); otherwise the team's cumulative quota, shared among reps by `capacity` with
/// the plan's split.
fn whole_units(
    rep_exact: &[Vec<Decimal>],
    capacity: Option<&[Runs]>,
) -> (Vec<i64>, Vec<Vec<i64>>, Vec<Decimal>) {
    let len = rep_exact.first().map_or(0, Vec::len);
    let mut team_exact = vec![Decimal::ZERO; len];
    for row in rep_exact {
        for (t, x) in team_exact.iter_mut().zip(row) {
            *t += x;
        }
    }
    let Some(capacity) = capacity else {
        let reps: Vec<Vec<i64>> = rep_exact.iter().map(|row| cumulative_quotas(row)).collect();
        let team = (0..len).map(|d| reps.iter().map(|r| r[d]).sum()).collect();
        return (team, reps, team_exact);
    };
    let team = cumulative_quotas(&team_exact);
    // The outcome's days all have a rep at work (the checks make sure of it), and every
    // stage sits on those days, so no day is left unshared.
    let shared = reps::split(&team, &team_exact, capacity).unwrap_or_else(|u| u.quotas);
    (team, shared, team_exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn activity_moves_earlier_and_the_outcome_stays() {
        let outcome = [d(1), d(2)];
        let rate: Decimal = "0.5".parse().unwrap();
        assert_eq!(shifted(&outcome, rate, 1, false), vec![d(2), d(4), d(0)]);
        assert_eq!(
            shifted(&outcome, Decimal::ONE, 1, true),
            vec![d(0), d(1), d(2)]
        );
    }

    #[test]
    fn team_units_add_up_among_reps() {
        let third = Decimal::ONE / d(3);
        let reps = vec![vec![third; 6], vec![third; 6]];
        let capacity = vec![vec![(0, 5, Decimal::ONE)]; 2];
        let (team, per_rep, _) = whole_units(&reps, Some(&capacity));
        assert_eq!(team.iter().sum::<i64>(), 4);
        for day in 0..6 {
            assert_eq!(per_rep[0][day] + per_rep[1][day], team[day]);
        }
        let (team, per_rep, _) = whole_units(&reps, None);
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
