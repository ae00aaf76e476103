//! The figures of a rate or level target: the level planned at the as-of date and at each
//! period's end, against each rep's latest reading (the team's is the mean of its reps', or
//! the team's own reading from team-level rows). No catch-up: a level is held, not
//! accumulated.

use rust_decimal::Decimal;

use super::judge::{Judged, judge, shortfall};
use super::progress::{Context, Shape, own_slot};
use super::report::{BurnUp, Progress};
use crate::plan::target::level_at;
use crate::smart::Resolved;

/// The team's and each rep's progress on a rate or level target.
pub(super) fn levels(
    ctx: &Context<'_>,
    r: &Resolved<'_>,
    shape: &Shape<'_>,
) -> (Progress, Vec<Progress>) {
    let day = ctx.as_of.min(r.end).max(r.start);
    let plan = level_at(r, day);
    let total = level_at(r, r.end);
    let latest: Vec<Readings> = r
        .reps
        .iter()
        .map(|rep| match ctx.ledger.rep_index(&rep.id.value) {
            Some(i) if ctx.has_data => readings(ctx, r, shape, i),
            _ => (None, vec![None; shape.periods.len()]),
        })
        .collect();
    let burn_up = |at_ends: &[Option<Decimal>]| -> Vec<BurnUp> {
        shape
            .periods
            .iter()
            .zip(at_ends)
            .map(|(p, &actual)| {
                let plan = level_at(r, p.end);
                let actual = actual.filter(|_| p.start <= ctx.as_of);
                BurnUp {
                    plan,
                    actual,
                    cumulative_plan: plan,
                    cumulative_actual: actual,
                }
            })
            .collect()
    };
    let level_progress = |actual: Option<Decimal>, at_ends: &[Option<Decimal>]| {
        let Judged {
            attainment,
            status,
            met,
        } = judge(plan, actual, shape.state);
        Progress {
            plan_to_date: plan,
            actual_to_date: actual,
            attainment,
            total,
            forecast: actual,
            status,
            met,
            gap: actual.map(|a| shortfall(plan, a, shape.state.lower)),
            catch_up: None,
            catch_up_periods: Vec::new(),
            no_period_left: false,
            burn_up: burn_up(at_ends),
        }
    };
    let reps: Vec<Progress> = latest
        .iter()
        .map(|(actual, at_ends)| level_progress(*actual, at_ends))
        .collect();
    let mean = |values: &mut dyn Iterator<Item = Decimal>| {
        let known: Vec<Decimal> = values.collect();
        (!known.is_empty()).then(|| known.iter().sum::<Decimal>() / Decimal::from(known.len()))
    };
    // A level measured for the team as a whole (a team-level row) is the team's level.
    let (own, own_ends) = match own_slot(ctx, r) {
        Some(slot) if ctx.has_data => readings(ctx, r, shape, slot),
        _ => (None, vec![None; shape.periods.len()]),
    };
    let team_actual = own.or_else(|| mean(&mut latest.iter().filter_map(|(a, _)| *a)));
    let team_ends: Vec<Option<Decimal>> = (0..shape.periods.len())
        .map(|j| own_ends[j].or_else(|| mean(&mut latest.iter().filter_map(|(_, e)| e[j]))))
        .collect();
    (level_progress(team_actual, &team_ends), reps)
}

/// A rep's latest reading at the as-of date, and at the end of every period begun by then.
type Readings = (Option<Decimal>, Vec<Option<Decimal>>);

/// The rep's readings: one pass over its days through the as-of date (the mean of a day's rows
/// is that day's level).
fn readings(ctx: &Context<'_>, r: &Resolved<'_>, shape: &Shape<'_>, rep: usize) -> Readings {
    let to_date = ctx.as_of.min(r.end);
    let mut ends = shape.periods.iter().map(|p| p.end.min(to_date)).peekable();
    let mut at_ends = Vec::with_capacity(shape.periods.len());
    let mut last = None;
    let days = ctx.ledger.days(&r.metric.id.value, rep, r.start, to_date);
    for (d, cell) in r.start.iter_days().zip(days) {
        if cell.rows > 0 {
            last = Some(cell.sum / Decimal::from(cell.rows));
        }
        while ends.peek() == Some(&d) {
            ends.next();
            at_ends.push(last);
        }
    }
    at_ends.resize(shape.periods.len(), None);
    (last, at_ends)
}
