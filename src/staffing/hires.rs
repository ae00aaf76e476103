//! The hiring plan of one target: the fewest full-time hires, all starting on the first day
//! of the earliest allowed month (no earlier than the plan's and the target's start, nor than
//! `--as-of` + `time_to_fill_days`), ramping with `[hiring] ramp`, so that the target's total
//! capacity reaches its total. What even they cannot cover is reported, never dropped.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::months::{Calendar, attrition};
use super::{Hire, MAX_HIRES, MonthCapacity};
use crate::model::{GoalFile, Rep, Sp};
use crate::smart::Resolved;

/// The planned hires and what stays uncovered (units).
pub struct Plan {
    pub hires: Vec<Hire>,
    pub uncovered: Decimal,
}

/// Plans the hires of `r` and adds them to each month's `capacity_with_hires`.
pub fn plan(
    file: &GoalFile,
    r: &Resolved<'_>,
    as_of: Option<NaiveDate>,
    calendar: &Calendar,
    months: &mut [MonthCapacity],
    unit_capacity: Decimal,
) -> Plan {
    let total: i64 = months.iter().map(|m| m.target).sum();
    let shortfall = Decimal::from(total) - months.iter().map(|m| m.capacity).sum::<Decimal>();
    if shortfall <= Decimal::ZERO {
        return Plan {
            hires: Vec::new(),
            uncovered: Decimal::ZERO,
        };
    }
    let to_fill = Days::new(u64::from(file.hiring.time_to_fill_days));
    let Some(start) = earliest_start(file, r, as_of, to_fill) else {
        return Plan {
            hires: Vec::new(),
            uncovered: shortfall,
        };
    };
    let hire = new_hire(file, start);
    let kept = attrition(file, Some(start), calendar);
    let per_rre = unit_capacity * file.hiring.attainment;
    let monthly: Vec<Decimal> = calendar
        .rre(&hire, r.start)
        .iter()
        .zip(&kept)
        .map(|(rre, kept)| rre * kept * per_rre)
        .collect();
    let each: Decimal = monthly.iter().sum();
    if each <= Decimal::ZERO {
        return Plan {
            hires: Vec::new(),
            uncovered: shortfall,
        };
    }
    // Snapped before rounding up, so 1.000…01 hires from inexact month shares is one hire.
    let needed = (shortfall / each)
        .round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
        .ceil()
        .to_usize()
        .unwrap_or(usize::MAX);
    let count = needed.min(MAX_HIRES);
    let count_d = Decimal::from(count);
    for (month, brings) in months.iter_mut().zip(&monthly) {
        month.capacity_with_hires += count_d * brings;
    }
    let open_by = start.checked_sub_days(to_fill).unwrap_or(NaiveDate::MIN);
    let hires = (0..count)
        .map(|_| Hire {
            start,
            open_by,
            capacity: each,
        })
        .collect();
    Plan {
        hires,
        uncovered: (shortfall - count_d * each).max(Decimal::ZERO),
    }
}

/// The first day of the earliest month a hire may start in, inside the target's dates.
fn earliest_start(
    file: &GoalFile,
    r: &Resolved<'_>,
    as_of: Option<NaiveDate>,
    to_fill: Days,
) -> Option<NaiveDate> {
    let plan_start = file.plan.start.as_ref().map_or(r.start, |s| s.value);
    let ready = as_of.and_then(|d| d.checked_add_days(to_fill));
    let floor = [Some(plan_start), Some(r.start), ready]
        .into_iter()
        .flatten()
        .max()?;
    let first = floor.with_day(1)?;
    let start = if first == floor {
        first
    } else {
        first.checked_add_months(Months::new(1))?
    };
    (start <= r.end).then_some(start)
}

/// A full-time hire starting on `start`, ramping with `[hiring] ramp`.
fn new_hire(file: &GoalFile, start: NaiveDate) -> Rep {
    Rep {
        id: Sp::new("hire".into(), 0..0),
        name: None,
        aliases: Vec::new(),
        team: None,
        fte: Decimal::ONE,
        start: Some(Sp::new(start, 0..0)),
        end: None,
        ramp: file.hiring.ramp.clone(),
        hours_per_week: None,
        selling_share: Decimal::ONE,
        time_off: Vec::new(),
        weight: Decimal::ONE,
        crm_id: None,
    }
}
