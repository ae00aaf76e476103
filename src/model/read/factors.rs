//! Reads the planning factors that several tables share: `over_assign` (on `[plan]`, a team
//! or a target) and the `[hiring]` table of `goals capacity`.

use rust_decimal::Decimal;

use super::people::{bounded, read_ramp};
use super::value::{Ctx, Table};
use crate::model::file::{Hiring, Sp};

/// `over_assign`: a factor of at least 1 (a factor below 1 would plan reps below the team's
/// number, an `invalid-value`). Dropped when out of range, so the plan uses the default.
pub fn over_assign(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Sp<Decimal>> {
    let factor = t.num(ctx, "over_assign")?;
    if factor.value >= Decimal::ONE && factor.value <= Decimal::from(10) {
        return Some(factor);
    }
    ctx.invalid(
        factor.span,
        format!(
            "`over_assign` is {}, it must be at least 1 (and at most 10)",
            factor.value.normalize()
        ),
        "write a factor such as 1.15 (rep quotas 15% above the team's number), or remove it".into(),
    );
    None
}

/// Reads `[hiring]`, applying its defaults.
pub fn read_hiring(ctx: &mut Ctx, t: &Table<'_, '_>) -> Hiring {
    let defaults = Hiring::default();
    Hiring {
        ramp: read_ramp(ctx, t),
        time_to_fill_days: t
            .int(ctx, "time_to_fill_days", 0, 3650)
            .map_or(defaults.time_to_fill_days, |d| {
                u32::try_from(d.value).expect("invariant: 0..=3650 fits u32")
            }),
        attainment: bounded(ctx, t, "attainment", false, Decimal::ONE)
            .unwrap_or(defaults.attainment),
        attrition: bounded(ctx, t, "attrition", true, Decimal::ONE).unwrap_or(defaults.attrition),
    }
}
