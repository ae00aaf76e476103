//! Compares one target's plan with the ledger as of a date: plan and actual to date,
//! attainment, forecast, status, gap and catch-up, for the team and each rep. Pure arithmetic
//! on exact decimals; it reads nothing and renders nothing.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::ledger::Ledger;
use super::report::{Progress, RepProgress, Status, TargetTrack};
use crate::model::Per;
use crate::model::{GoalFile, Rep};
use crate::plan::calendar::periods;
use crate::plan::target::{self, Resolved, granularity, level_at};

/// What the comparison needs besides the target.
pub struct Context<'a> {
    pub file: &'a GoalFile,
    pub ledger: &'a Ledger,
    pub as_of: NaiveDate,
    pub by: Per,
    /// Whether any export had a row of the target's metric.
    pub has_data: bool,
}

/// Plan, actual and total of one team or rep, before the ratios.
struct Figures {
    plan: Decimal,
    actual: Option<Decimal>,
    total: Decimal,
}

/// Tracks one target.
pub fn track(ctx: &Context<'_>, r: &Resolved<'_>, decimals: u32) -> TargetTrack {
    let remaining = remaining_periods(ctx, r);
    let own = own_rows(ctx, r);
    let (team, reps) = if r.metric.kind.is_additive() {
        additive(ctx, r, own)
    } else {
        levels(ctx, r, own)
    };
    let lower = r.metric.lower_is_better;
    let additive = r.metric.kind.is_additive();
    let state = State {
        started: r.start <= ctx.as_of,
        has_data: ctx.has_data,
        thresholds: ctx.file.tracking,
    };
    let finish = |f: Figures| progress(&f, lower, additive, remaining, decimals, state);
    TargetTrack {
        goal: r.goal.id.value.clone(),
        title: r.title(),
        metric: r.metric.id.value.clone(),
        kind: r.metric.kind.name(),
        unit: r.metric.unit.clone(),
        owner: r.owner_label(),
        lower_is_better: lower,
        decimals,
        start: r.start,
        end: r.end,
        remaining_periods: remaining,
        team_level: own.map(|(sum, latest)| {
            if r.metric.kind.is_additive() {
                sum
            } else {
                latest
            }
        }),
        team: finish(team),
        reps: r
            .reps
            .iter()
            .zip(reps)
            .map(|(rep, f)| RepProgress {
                rep: rep.id.value.clone(),
                progress: finish(f),
            })
            .collect(),
    }
}

/// Periods of `--by` after the as-of date, clipped to the target.
fn remaining_periods(ctx: &Context<'_>, r: &Resolved<'_>) -> usize {
    let from = ctx.as_of.succ_opt().unwrap_or(ctx.as_of).max(r.start);
    if ctx.as_of >= r.end {
        return 0;
    }
    periods(&target::rules(ctx.file), granularity(ctx.by), from, r.end).len()
}

/// Days of the target up to and including the as-of date.
pub fn days_to_date(r: &Resolved<'_>, as_of: NaiveDate, len: usize) -> usize {
    usize::try_from((as_of.min(r.end) - r.start).num_days() + 1)
        .unwrap_or(0)
        .min(len)
}

fn rep_index(ctx: &Context<'_>, rep: &Rep) -> Option<usize> {
    ctx.ledger.rep_index(&rep.id.value)
}

/// The target owner's own rows (a team's or the company's, never a rep's) to date: their sum
/// and latest level, when there are any.
fn own_rows(ctx: &Context<'_>, r: &Resolved<'_>) -> Option<(Decimal, Decimal)> {
    let metric = &r.metric.id.value;
    if !ctx.ledger.has_team_rows(metric) || r.start > ctx.as_of {
        return None;
    }
    let slot = ctx.ledger.owner_slot(&r.goal.owner.as_ref()?.value)?;
    let to = ctx.as_of.min(r.end);
    let (_, latest) = ctx.ledger.latest(metric, slot, r.start, to)?;
    Some((ctx.ledger.sum(metric, slot, r.start, to), latest))
}

fn additive(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    own: Option<(Decimal, Decimal)>,
) -> (Figures, Vec<Figures>) {
    let days = target::days(ctx.file, r);
    let k = days_to_date(r, ctx.as_of, days.team_quota.len());
    let units = |q: &[i64]| Decimal::from(q.iter().sum::<i64>()) / r.scale;
    let metric = &r.metric.id.value;
    let actual = |rep: &Rep| match (k, rep_index(ctx, rep)) {
        (0, _) | (_, None) => Decimal::ZERO,
        (_, Some(i)) => ctx.ledger.sum(metric, i, r.start, ctx.as_of.min(r.end)),
    };
    let reps: Vec<Figures> = r
        .reps
        .iter()
        .zip(&days.rep_quota)
        .map(|(rep, q)| Figures {
            plan: units(&q[..k]),
            actual: Some(actual(rep)),
            total: units(q),
        })
        .collect();
    let own_sum = own.map_or(Decimal::ZERO, |(sum, _)| sum);
    let team_actual = reps.iter().filter_map(|f| f.actual).sum::<Decimal>() + own_sum;
    let team = Figures {
        plan: units(&days.team_quota[..k]),
        actual: Some(team_actual),
        total: units(&days.team_quota),
    };
    (team, reps)
}

fn levels(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    own: Option<(Decimal, Decimal)>,
) -> (Figures, Vec<Figures>) {
    let day = ctx.as_of.min(r.end).max(r.start);
    let plan = level_at(r, day);
    let total = level_at(r, r.end);
    let latest = |rep: &Rep| {
        let i = rep_index(ctx, rep)?;
        ctx.ledger
            .latest(&r.metric.id.value, i, r.start, ctx.as_of.min(r.end))
            .map(|(_, level)| level)
    };
    let reps: Vec<Figures> = r
        .reps
        .iter()
        .map(|rep| Figures {
            plan,
            actual: latest(rep),
            total,
        })
        .collect();
    let known: Vec<Decimal> = reps.iter().filter_map(|f| f.actual).collect();
    // A level measured for the team as a whole is the team's level; else the reps' mean.
    let mean = own.map(|(_, latest)| latest).or_else(|| {
        (!known.is_empty()).then(|| known.iter().sum::<Decimal>() / Decimal::from(known.len()))
    });
    (
        Figures {
            plan,
            actual: mean,
            total,
        },
        reps,
    )
}

/// Whether the target has begun by the as-of date, and whether any export has its metric.
#[derive(Clone, Copy)]
struct State {
    started: bool,
    has_data: bool,
    thresholds: crate::model::Thresholds,
}

/// Turns figures into ratios and a status.
fn progress(
    f: &Figures,
    lower: bool,
    additive: bool,
    remaining: usize,
    decimals: u32,
    state: State,
) -> Progress {
    let attainment = f.actual.and_then(|actual| ratio(actual, f.plan, lower));
    let status = match (attainment, f.actual) {
        _ if !state.started => Status::NotStarted,
        _ if !state.has_data => Status::NoData,
        (Some(a), _) => Status::of(a, state.thresholds),
        (None, None) => Status::NoData,
        (None, Some(_)) => Status::NotStarted,
    };
    let gap = f.actual.map(|actual| {
        if lower {
            actual - f.plan
        } else {
            f.plan - actual
        }
    });
    let (forecast, catch_up) = match f.actual {
        Some(actual) if additive => (
            Some(forecast(f, actual, decimals)),
            catch_up(f.total - actual, remaining, lower, decimals),
        ),
        other => (other, None),
    };
    Progress {
        plan_to_date: f.plan,
        actual_to_date: f.actual,
        attainment,
        total: f.total,
        forecast,
        status,
        gap,
        catch_up,
    }
}

/// Actual ÷ plan (plan ÷ actual when lower is better), with four decimals; `None` when the
/// divisor is not positive.
fn ratio(actual: Decimal, plan: Decimal, lower: bool) -> Option<Decimal> {
    let (num, den) = if lower {
        (plan, actual)
    } else {
        (actual, plan)
    };
    (den > Decimal::ZERO)
        .then(|| (num / den).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

/// Actual to date plus the rest of the plan at the pace so far (actual ÷ plan to date; the plan
/// itself when nothing was planned yet).
fn forecast(f: &Figures, actual: Decimal, decimals: u32) -> Decimal {
    let rest = f.total - f.plan;
    let projected = if f.plan > Decimal::ZERO {
        rest * actual / f.plan
    } else {
        rest
    };
    (actual + projected).round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// What each remaining period must bring to reach the total (rounded up to a whole unit), or
/// may bring at most when lower is better (rounded down); never negative.
fn catch_up(rest: Decimal, remaining: usize, lower: bool, decimals: u32) -> Option<Decimal> {
    if remaining == 0 {
        return None;
    }
    let per = rest.max(Decimal::ZERO) / Decimal::from(remaining);
    let strategy = if lower {
        RoundingStrategy::ToZero
    } else {
        RoundingStrategy::AwayFromZero
    };
    Some(per.round_dp_with_strategy(decimals, strategy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Thresholds;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn status_follows_the_thresholds() {
        assert_eq!(Status::of(d("1.05"), Thresholds::default()), Status::Ahead);
        assert_eq!(
            Status::of(d("1.0499"), Thresholds::default()),
            Status::OnTrack
        );
        assert_eq!(
            Status::of(d("0.95"), Thresholds::default()),
            Status::OnTrack
        );
        assert_eq!(
            Status::of(d("0.9499"), Thresholds::default()),
            Status::AtRisk
        );
        assert_eq!(Status::of(d("0.80"), Thresholds::default()), Status::AtRisk);
        assert_eq!(
            Status::of(d("0.7999"), Thresholds::default()),
            Status::Behind
        );
    }

    #[test]
    fn lower_is_better_inverts_the_ratio() {
        assert_eq!(ratio(d("11"), d("12.5"), true), Some(d("1.1364")));
        assert_eq!(ratio(d("11"), d("12.5"), false), Some(d("0.88")));
        assert_eq!(ratio(d("5"), Decimal::ZERO, false), None);
    }

    #[test]
    fn catch_up_rounds_towards_reaching_the_total() {
        assert_eq!(catch_up(d("100"), 3, false, 0), Some(d("34")));
        assert_eq!(catch_up(d("100"), 3, true, 0), Some(d("33")));
        assert_eq!(catch_up(d("-5"), 3, false, 2), Some(Decimal::ZERO));
        assert_eq!(catch_up(d("10"), 0, false, 0), None);
    }

    #[test]
    fn forecast_projects_the_pace_so_far() {
        let f = Figures {
            plan: d("600"),
            actual: Some(d("571")),
            total: d("1200"),
        };
        assert_eq!(forecast(&f, d("571"), 0), d("1142"));
    }
}
