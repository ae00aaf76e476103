//! Compares one target's plan with the ledger as of a date, for the team and each rep: plan and
//! actual to date, the burn-up period by period, and the catch-up over the rest of the plan;
//! the ratios and the status come from `judge`. Pure arithmetic on exact decimals; it reads
//! nothing and renders nothing.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::judge::{Judged, State, judge, shortfall};
use super::ledger::Ledger;
use super::level_track::levels;
use super::quotas::Quotas;
use super::remainder::{gap, spread};
use super::report::{BurnUp, Progress, RepProgress, Span, TargetTrack};
use crate::model::{GoalFile, Per};
use crate::plan::calendar::periods;
use crate::plan::target::{self, granularity};
use crate::smart::Resolved;

/// What the comparison needs besides the target.
pub struct Context<'a> {
    pub file: &'a GoalFile,
    pub ledger: &'a Ledger,
    pub as_of: NaiveDate,
    pub by: Per,
    /// Whether any export had a row of the target's metric.
    pub has_data: bool,
}

/// Tracks one target against its plan (`None` for a rate or level target).
///
/// # Panics
/// When an additive target comes without its quotas.
pub fn track(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    decimals: u32,
    quotas: Option<Quotas>,
) -> TargetTrack {
    let rules = target::rules(ctx.file);
    let by = granularity(ctx.by);
    let spans = |from: NaiveDate| -> Vec<Span> {
        periods(&rules, by, from, r.end)
            .into_iter()
            .map(|p| Span {
                label: p.label,
                start: p.start,
                end: p.end,
            })
            .collect()
    };
    let all = spans(r.start);
    let remaining = if ctx.as_of >= r.end {
        Vec::new()
    } else {
        spans(ctx.as_of.succ_opt().unwrap_or(ctx.as_of).max(r.start))
    };
    let state = State {
        started: r.start <= ctx.as_of,
        has_data: ctx.has_data,
        lower: r.metric.lower_is_better,
        thresholds: ctx.file.tracking,
        decimals,
    };
    let shape = Shape {
        periods: &all,
        remaining: &remaining,
        state,
    };
    let (team, reps) = if r.metric.kind.is_additive() {
        let quotas = quotas.expect("an additive target comes with its quotas");
        additive(ctx, r, &shape, &quotas)
    } else {
        levels(ctx, r, &shape)
    };
    TargetTrack {
        goal: r.goal.id.value.clone(),
        title: r.title(),
        metric: r.metric.id.value.clone(),
        kind: r.metric.kind,
        unit: r.metric.unit.clone(),
        owner: r.owner_label(),
        lower_is_better: r.metric.lower_is_better,
        decimals,
        start: r.start,
        end: r.end,
        remaining_periods: remaining.len(),
        team_level: team_level(ctx, r),
        periods: all,
        remaining,
        team,
        reps: r
            .reps
            .iter()
            .zip(reps)
            .map(|(rep, progress)| RepProgress {
                rep: rep.id.value.clone(),
                name: rep.name.as_ref().map(|n| n.value.clone()),
                progress,
            })
            .collect(),
        coverage: None,
    }
}

/// The periods of a target and how its figures are judged.
pub(super) struct Shape<'a> {
    pub periods: &'a [Span],
    pub remaining: &'a [Span],
    pub state: State,
}

/// Days of the target up to and including the as-of date.
pub fn days_to_date(r: &Resolved<'_>, as_of: NaiveDate, len: usize) -> usize {
    usize::try_from((as_of.min(r.end) - r.start).num_days() + 1)
        .unwrap_or(0)
        .min(len)
}

/// The day index just after `day`, counted from the target's start.
fn end_index(r: &Resolved<'_>, day: NaiveDate) -> usize {
    usize::try_from((day - r.start).num_days() + 1).unwrap_or(0)
}

/// One team's or rep's whole-unit plan, day by day, and actuals to date, period by period.
struct Series<'a> {
    /// The plan's whole units per day, over the target.
    quota: &'a [i64],
    /// Actuals of each burn-up period through the as-of date (in the metric's unit); `None`
    /// for the periods that begin after it, and without data.
    actual: Option<Vec<Option<Decimal>>>,
}

impl Series<'_> {
    /// Fills `prefix` with `prefix[i]` = whole units planned on the first `i` days (a buffer
    /// used again from series to series).
    fn prefix_into(&self, prefix: &mut Vec<i64>) {
        prefix.clear();
        prefix.resize(self.quota.len() + 1, 0);
        let mut sum = 0_i64;
        for (at, &q) in prefix[1..].iter_mut().zip(self.quota) {
            sum = sum.saturating_add(q);
            *at = sum;
        }
    }
}

fn additive(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    shape: &Shape<'_>,
    quotas: &Quotas,
) -> (Progress, Vec<Progress>) {
    let k = days_to_date(r, ctx.as_of, quotas.team.len());
    let data = shape.state.has_data;
    let begun = shape
        .periods
        .iter()
        .take_while(|p| p.start <= ctx.as_of)
        .count();
    let bounds = bounds(r, shape, quotas.team.len());
    // Where each period ends, as a day index: the actuals are bucketed by it for every series.
    let ends: Vec<usize> = bounds.periods.iter().map(|&(_, end)| end).collect();
    let sums = |i: Option<usize>| data.then(|| period_actuals(ctx, r, &ends, i, k, begun));
    let rep_series: Vec<Series<'_>> = r
        .reps
        .iter()
        .zip(&quotas.reps)
        .map(|(rep, quota)| Series {
            quota,
            actual: sums(ctx.ledger.rep_index(&rep.id.value)),
        })
        .collect();
    let mut prefix = Vec::new();
    let reps: Vec<(Progress, Vec<i64>)> = rep_series
        .iter()
        .map(|s| {
            s.prefix_into(&mut prefix);
            additive_progress(&bounds, s, &prefix, k, shape, None)
        })
        .collect();
    // Team-level rows (the owner's own) count for the team, never for a rep.
    let own = own_slot(ctx, r).and_then(|slot| sums(Some(slot)));
    let team_actual = data.then(|| {
        let mut sum = begun_periods(shape.periods.len(), begun);
        let series = rep_series.iter().map(|s| &s.actual).chain([&own]);
        for actual in series {
            for (t, a) in sum.iter_mut().zip(actual.iter().flatten()) {
                if let (Some(t), Some(a)) = (t.as_mut(), a) {
                    *t += a;
                }
            }
        }
        sum
    });
    let team_series = Series {
        quota: &quotas.team,
        actual: team_actual,
    };
    // An each-rep target's team catch-up is the sum of its reps' own catch-ups.
    let summed = r.target.each_rep.then(|| {
        let mut sum = vec![0_i64; shape.remaining.len()];
        for (_, units) in &reps {
            for (t, u) in sum.iter_mut().zip(units) {
                *t += u;
            }
        }
        sum
    });
    team_series.prefix_into(&mut prefix);
    let (team, _) = additive_progress(&bounds, &team_series, &prefix, k, shape, summed);
    (team, reps.into_iter().map(|(p, _)| p).collect())
}

/// Zero for each of the first `begun` of `len` periods, `None` for the periods not begun.
fn begun_periods(len: usize, begun: usize) -> Vec<Option<Decimal>> {
    let mut sums = vec![Some(Decimal::ZERO); begun];
    sums.resize(len, None);
    sums
}

/// A rep's actuals of each burn-up period (ending before day index `ends[p]`) through the
/// first `to_date` days, in one pass over its days that skips the empty ones.
fn period_actuals(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    ends: &[usize],
    rep: Option<usize>,
    to_date: usize,
    begun: usize,
) -> Vec<Option<Decimal>> {
    let mut sums = begun_periods(ends.len(), begun);
    let Some(rep) = rep.filter(|_| to_date > 0) else {
        return sums;
    };
    let last = r.start + chrono::Days::new(to_date as u64 - 1);
    let (skip, cells) = ctx.ledger.cells(&r.metric.id.value, rep, r.start, last);
    let mut period = 0;
    for (i, cell) in cells.iter().enumerate() {
        if cell.sum.is_zero() {
            continue;
        }
        let d = skip + i;
        while ends[period] <= d {
            period += 1;
        }
        if let Some(sum) = sums[period].as_mut() {
            *sum += cell.sum;
        }
    }
    sums
}

/// The progress of one series, and its catch-up per remaining period in whole units.
fn additive_progress(
    bounds: &Bounds<impl Fn(i64) -> Decimal>,
    series: &Series<'_>,
    prefix: &[i64],
    to_date: usize,
    shape: &Shape<'_>,
    catch_up_units: Option<Vec<i64>>,
) -> (Progress, Vec<i64>) {
    let n = series.quota.len();
    let units = &bounds.units;
    let actual_total: Option<Decimal> = series.actual.as_ref().map(|a| a.iter().flatten().sum());
    let mut burn_up = Vec::with_capacity(shape.periods.len());
    let mut cumulative_actual = Decimal::ZERO;
    for (j, &(a, b)) in bounds.periods.iter().enumerate() {
        let actual = series.actual.as_ref().and_then(|sums| sums[j]);
        cumulative_actual += actual.unwrap_or_default();
        burn_up.push(BurnUp {
            plan: units(prefix[b] - prefix[a]),
            actual,
            cumulative_plan: units(prefix[b]),
            cumulative_actual: actual.map(|_| cumulative_actual),
        });
    }
    let remaining_plan = prefix[n] - prefix[to_date];
    let (catch_up, no_period_left) = match actual_total {
        Some(done) => {
            let left = gap(Decimal::from(prefix[n]), done * bounds.scale);
            let quota = catch_up_units.unwrap_or_else(|| {
                let ends: Vec<i64> = bounds
                    .remaining_ends
                    .iter()
                    .map(|&e| prefix[e] - prefix[to_date])
                    .collect();
                spread(left, &ends).quota
            });
            (quota, left > Decimal::ZERO && remaining_plan == 0)
        }
        None => (Vec::new(), false),
    };
    let plan = units(prefix[to_date]);
    let total = units(prefix[n]);
    let Judged {
        attainment,
        status,
        met,
    } = judge(plan, actual_total, shape.state);
    let progress = Progress {
        plan_to_date: plan,
        actual_to_date: actual_total,
        attainment,
        total,
        forecast: actual_total.map(|done| forecast(plan, done, total, shape.state.decimals)),
        status,
        met,
        gap: actual_total.map(|done| shortfall(plan, done, shape.state.lower)),
        catch_up: catch_up.first().map(|&u| units(u)),
        catch_up_periods: catch_up.iter().map(|&u| units(u)).collect(),
        no_period_left,
        burn_up,
    };
    (progress, catch_up)
}

/// What every series of one target shares: the day indices of its periods and the
/// conversion of whole units into the metric's unit.
struct Bounds<U> {
    /// Each burn-up period's first day index and the index just after its last (at most the
    /// plan's length).
    periods: Vec<(usize, usize)>,
    /// The index just after each remaining period's last day (at most the plan's length).
    remaining_ends: Vec<usize>,
    /// Whole units per unit of the metric.
    scale: Decimal,
    units: U,
}

/// The bounds of `r`'s periods in a plan of `n` days.
fn bounds(r: &Resolved<'_>, shape: &Shape<'_>, n: usize) -> Bounds<impl Fn(i64) -> Decimal> {
    Bounds {
        periods: shape
            .periods
            .iter()
            .map(|p| (end_index(r, p.start) - 1, end_index(r, p.end).min(n)))
            .collect(),
        remaining_ends: shape
            .remaining
            .iter()
            .map(|p| end_index(r, p.end).min(n))
            .collect(),
        scale: r.scale,
        units: whole_units(r.scale),
    }
}

/// Whole units (minor units for money) in the metric's unit, `u / scale`: in fixed point at
/// the scale's decimal places, as the plan writes its figures, without a division.
fn whole_units(scale: Decimal) -> impl Fn(i64) -> Decimal {
    let places = (0..=18).find(|&p| Decimal::from(10_i64.pow(p)) == scale);
    move |u| match places {
        Some(places) => Decimal::new(u, places),
        None => Decimal::from(u) / scale,
    }
}

/// The ledger slot of the target owner's own rows (a team's or the company's), when the
/// metric has any team-level rows.
pub(super) fn own_slot(ctx: &Context<'_>, r: &Resolved<'_>) -> Option<usize> {
    if !ctx.ledger.has_team_rows(&r.metric.id.value) {
        return None;
    }
    ctx.ledger.owner_slot(&r.goal.owner.as_ref()?.value)
}

/// The owner's own rows to date, shown apart: their sum (additive) or latest level.
fn team_level(ctx: &Context<'_>, r: &Resolved<'_>) -> Option<Decimal> {
    let slot = own_slot(ctx, r).filter(|_| r.start <= ctx.as_of)?;
    let (metric, to) = (&r.metric.id.value, ctx.as_of.min(r.end));
    let (_, latest) = ctx.ledger.latest(metric, slot, r.start, to)?;
    Some(if r.metric.kind.is_additive() {
        ctx.ledger.sum(metric, slot, r.start, to)
    } else {
        latest
    })
}

/// Actual to date plus the rest of the plan at the pace so far (actual ÷ plan to date; the plan
/// itself when nothing was planned yet).
fn forecast(plan: Decimal, actual: Decimal, total: Decimal, decimals: u32) -> Decimal {
    let rest = total - plan;
    let projected = if plan > Decimal::ZERO {
        rest * actual / plan
    } else {
        rest
    };
    (actual + projected).round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn whole_units_are_the_units_over_the_scale() {
        for scale in [
            Decimal::ONE,
            Decimal::from(100),
            Decimal::from(1000),
            d("0.5"),
        ] {
            let units = whole_units(scale);
            for u in [0, 1, -7, 150, 12_345, i64::MAX / 1000] {
                assert_eq!(units(u), Decimal::from(u) / scale, "{u} / {scale}");
            }
        }
        assert_eq!(whole_units(Decimal::from(100))(150).to_string(), "1.50");
    }

    #[test]
    fn forecast_projects_the_pace_so_far() {
        assert_eq!(forecast(d("600"), d("571"), d("1200"), 0), d("1142"));
        assert_eq!(forecast(Decimal::ZERO, d("3"), d("1200"), 0), d("1203"));
    }
}
