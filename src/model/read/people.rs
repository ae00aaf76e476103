//! Reads `[[objectives]]`, `[[teams]]` and `[[reps]]`, with each rep's fte, dates, ramp,
//! hours and time off checked for range.

use rust_decimal::Decimal;

use super::value::{Ctx, Table};
use crate::model::file::{Objective, Rep, Team};

/// Reads one objective.
pub fn read_objective(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Objective> {
    Some(Objective {
        id: t.str(ctx, "id")?,
        title: t.str(ctx, "title"),
    })
}

/// Reads one team.
pub fn read_team(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Team> {
    Some(Team {
        id: t.str(ctx, "id")?,
        name: t.str(ctx, "name"),
        over_assign: super::factors::over_assign(ctx, t),
    })
}

/// Reads one rep.
pub fn read_rep(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Rep> {
    let id = t.str(ctx, "id")?;
    let fte = bounded(ctx, t, "fte", false, Decimal::ONE).unwrap_or(Decimal::ONE);
    let selling_share =
        bounded(ctx, t, "selling_share", true, Decimal::ONE).unwrap_or(Decimal::ONE);
    let hours_per_week = bounded(ctx, t, "hours_per_week", false, Decimal::from(168));
    let ramp = read_ramp(ctx, t);
    let time_off = read_time_off(ctx, t);
    let weight = bounded(ctx, t, "weight", false, Decimal::ONE_HUNDRED).unwrap_or(Decimal::ONE);
    Some(Rep {
        aliases: t.str_list(ctx, "aliases"),
        name: t.str(ctx, "name"),
        team: t.str(ctx, "team"),
        start: t.date(ctx, "start"),
        end: t.date(ctx, "end"),
        id,
        fte,
        ramp,
        hours_per_week,
        selling_share,
        time_off,
        weight,
        crm_id: t.str(ctx, "crm_id"),
    })
}

/// A number in (0, max], or [0, max] when `zero_ok`; out of range is an `invalid-value`.
pub(super) fn bounded(
    ctx: &mut Ctx,
    t: &Table<'_, '_>,
    key: &str,
    zero_ok: bool,
    max: Decimal,
) -> Option<Decimal> {
    let n = t.num(ctx, key)?;
    let low_ok = if zero_ok {
        n.value >= Decimal::ZERO
    } else {
        n.value > Decimal::ZERO
    };
    if low_ok && n.value <= max {
        return Some(n.value);
    }
    let low = if zero_ok { "from 0" } else { "above 0" };
    ctx.invalid(
        n.span,
        format!("`{key}` is {}, it must be {low} and at most {max}", n.value),
        format!("write `{key}` {low} up to {max}"),
    );
    None
}

/// `ramp`: productivity factors from 0 (a month of training carries nothing) to 1.
pub(super) fn read_ramp(ctx: &mut Ctx, t: &Table<'_, '_>) -> Vec<Decimal> {
    let items = t
        .array(ctx, "ramp", "an array of numbers")
        .unwrap_or_default();
    let mut ramp = Vec::with_capacity(items.len());
    for item in items {
        let Some(n) = super::value::number(ctx, "ramp", item) else {
            continue;
        };
        if n.value >= Decimal::ZERO && n.value <= Decimal::ONE {
            ramp.push(n.value);
        } else {
            ctx.invalid(
                n.span,
                format!("a `ramp` factor is {}, it must be from 0 to 1", n.value),
                "write the productivity of each tenure month, such as [0.25, 0.5, 0.75]".into(),
            );
        }
    }
    ramp
}

fn read_time_off(ctx: &mut Ctx, t: &Table<'_, '_>) -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
    let def = t.def.child("time_off");
    let mut periods = Vec::new();
    for (table, span) in t.tables(ctx, "time_off") {
        let entry = Table::open(ctx, table, span.clone(), def);
        let (Some(from), Some(to)) = (entry.date(ctx, "from"), entry.date(ctx, "to")) else {
            continue;
        };
        if to.value < from.value {
            ctx.invalid(
                span,
                format!(
                    "time off ends ({}) before it starts ({})",
                    to.value, from.value
                ),
                "swap `from` and `to`".into(),
            );
        } else {
            periods.push((from.value, to.value));
        }
    }
    periods
}
