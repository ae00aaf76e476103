//! Decomposes one target day by day: its exact daily amounts, the team's whole-unit quotas
//! and each rep's share (additive targets), or the level to hold (rates and levels).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::apportion::{cumulative_quotas, per_rep_targets};
use super::calendar::{CalendarRules, Granularity};
use super::capacity::{capacity_on, capacity_runs, dense};
use super::rep_exact::RepExact;
use super::reps;
use super::shared::PlanCache;
use super::weights::daily_amounts;
use crate::model::{GoalFile, Per};
use crate::smart::Resolved;

/// The day-by-day decomposition of an additive target, in whole units (minor units for money).
pub struct Days {
    pub start: NaiveDate,
    pub team_exact: Vec<Decimal>,
    pub team_quota: Vec<i64>,
    /// Each rep's exact share, in the order of `Resolved::reps`.
    pub rep_exact: RepExact,
    pub rep_quota: Vec<Vec<i64>>,
    /// Day indices with a team amount and no rep capacity (a `no-rep-active` finding).
    pub uncovered: Vec<usize>,
    /// With over-assignment, the street plan the reps' quotas add up to; `None` at factor 1.
    pub street: Option<Street>,
    /// Whole units no day could carry (a replan whose remainder has no day left); 0 in a plan.
    pub unplaced: i64,
}

/// The street plan of an over-assigned target: the target × its factor, decomposed like any
/// target (exact day amounts and cumulative whole-unit quotas).
pub struct Street {
    pub exact: Vec<Decimal>,
    pub quota: Vec<i64>,
}

/// The calendar rules of the plan.
pub fn rules(file: &GoalFile) -> CalendarRules {
    CalendarRules {
        fiscal_year_start: file.plan.fiscal_year_start,
        week_start: file.plan.week_start,
        workdays: file.plan.workdays,
        holidays: file.plan.holidays.clone(),
    }
}

/// The granularity of a `per` or `--by` period.
pub fn granularity(per: Per) -> Granularity {
    match per {
        Per::Day => Granularity::Day,
        Per::Week => Granularity::Week,
        Per::Month => Granularity::Month,
        Per::Quarter => Granularity::Quarter,
        Per::Year => Granularity::Year,
    }
}

/// The exact amount of an additive target on each day, in whole units' scale.
pub fn day_amounts(file: &GoalFile, resolved: &Resolved<'_>) -> Vec<Decimal> {
    let rules = rules(file);
    let per = resolved.target.per.map(granularity);
    let units = resolved.amount * resolved.scale;
    daily_amounts(
        &rules,
        resolved.split,
        per,
        units,
        resolved.start,
        resolved.end,
    )
}

/// As [`day_amounts`], with the split's weights from (or added to) `cache`.
fn day_amounts_with(
    file: &GoalFile,
    resolved: &Resolved<'_>,
    cache: &mut PlanCache,
) -> Vec<Decimal> {
    let per = resolved.target.per.map(granularity);
    let dates = (resolved.start, resolved.end);
    let shape = cache.shape(|| rules(file), resolved.split.clone(), per, dates);
    shape.amounts(resolved.amount * resolved.scale)
}

/// The days on which a team target has a whole-unit quota and none of its reps is active
/// (what `days` reports as `uncovered`), and the team's daily quotas, without splitting the
/// target among the reps.
pub fn uncovered_days(file: &GoalFile, resolved: &Resolved<'_>) -> (Vec<usize>, Vec<i64>) {
    let quota = cumulative_quotas(&day_amounts(file, resolved));
    let uncovered = resolved
        .start
        .iter_days()
        .zip(&quota)
        .enumerate()
        // A rep in a tenure month with ramp factor 0 is there but carries nothing.
        .filter(|&(_, (day, &q))| {
            q != 0
                && !resolved
                    .reps
                    .iter()
                    .any(|rep| capacity_on(rep, day) > Decimal::ZERO)
        })
        .map(|(i, _)| i)
        .collect();
    (uncovered, quota)
}

/// Decomposes an additive target day by day. An over-assigned target keeps the target as the
/// team's quota and shares its street plan (target × factor) among the reps.
pub fn days(file: &GoalFile, resolved: &Resolved<'_>) -> Days {
    days_with(file, resolved, &mut PlanCache::default())
}

/// As [`days`], with what targets share from (or added to) `cache`.
pub fn days_with(file: &GoalFile, resolved: &Resolved<'_>, cache: &mut PlanCache) -> Days {
    if resolved.over_assign == Decimal::ONE {
        return shared_days(file, resolved, cache);
    }
    let street = Resolved {
        amount: resolved.amount * resolved.over_assign,
        ..resolved.clone()
    };
    let mut days = shared_days(file, &street, cache);
    let team_exact = day_amounts_with(file, resolved, cache);
    let team_quota = cumulative_quotas(&team_exact);
    days.street = Some(Street {
        exact: std::mem::replace(&mut days.team_exact, team_exact),
        quota: std::mem::replace(&mut days.team_quota, team_quota),
    });
    days
}

/// Decomposes an additive target day by day and shares it among the reps.
fn shared_days(file: &GoalFile, resolved: &Resolved<'_>, cache: &mut PlanCache) -> Days {
    let day_exact = day_amounts_with(file, resolved, cache);
    let n = day_exact.len();
    // Each rep carries its own target by capacity; a team target is shared by weight too.
    if resolved.target.each_rep {
        let capacity: Vec<Vec<Decimal>> = resolved
            .reps
            .iter()
            .map(|rep| dense(&capacity_runs(rep, resolved.start, n), n))
            .collect();
        let (rep_quota, rep_exact) = per_rep_targets(&day_exact, &capacity);
        let team_quota = sum_days(&rep_quota, day_exact.len());
        let team_exact = sum_exact(&rep_exact, day_exact.len());
        return Days {
            start: resolved.start,
            team_exact,
            team_quota,
            rep_exact: RepExact::Dense(rep_exact),
            rep_quota,
            uncovered: Vec::new(),
            street: None,
            unplaced: 0,
        };
    }
    let team = cache.runs(&resolved.reps, resolved.start, n);
    let team_quota = cumulative_quotas(&day_exact);
    let (rep_quota, uncovered) = match reps::split(&team_quota, &day_exact, &team.runs) {
        Ok(quotas) => (quotas, Vec::new()),
        Err(reps::Uncovered { days, quotas }) => (quotas, days),
    };
    // A rep's exact share of a day is its capacity × the day's amount per unit of capacity.
    // Amounts and capacities hold for days on end: a day equal (to the bit) to the one
    // before takes its quotient.
    let mut last: Option<([u8; 16], [u8; 16], Decimal)> = None;
    let unit = day_exact
        .iter()
        .zip(&team.totals)
        .map(|(e, c)| {
            if c.is_zero() {
                return Decimal::ZERO;
            }
            let bits = (e.serialize(), c.serialize());
            match last {
                Some((a, b, u)) if (a, b) == bits => u,
                _ => {
                    let u = e / c;
                    last = Some((bits.0, bits.1, u));
                    u
                }
            }
        })
        .collect();
    let rep_exact = RepExact::shared(team, unit);
    Days {
        start: resolved.start,
        team_exact: day_exact,
        team_quota,
        rep_exact,
        rep_quota,
        uncovered,
        street: None,
        unplaced: 0,
    }
}

fn sum_days(per_rep: &[Vec<i64>], len: usize) -> Vec<i64> {
    let mut total = vec![0; len];
    for rep in per_rep {
        for (t, q) in total.iter_mut().zip(rep) {
            *t += q;
        }
    }
    total
}

fn sum_exact(per_rep: &[Vec<Decimal>], len: usize) -> Vec<Decimal> {
    let mut total = vec![Decimal::ZERO; len];
    for rep in per_rep {
        for (t, q) in total.iter_mut().zip(rep) {
            *t += q;
        }
    }
    total
}

/// The level a rate or level target asks for at the end of `day`: a straight line from the
/// baseline at the start to the target at the end, or the target throughout without one.
pub fn level_at(resolved: &Resolved<'_>, day: NaiveDate) -> Decimal {
    let Some(base) = &resolved.target.baseline else {
        return resolved.amount;
    };
    let total = (resolved.end - resolved.start).num_days() + 1;
    let elapsed = ((day - resolved.start).num_days() + 1).clamp(0, total);
    base.value + (resolved.amount - base.value) * Decimal::from(elapsed) / Decimal::from(total)
}
