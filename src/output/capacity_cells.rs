//! The numbers of a capacity report as text, shared by its renderers: amounts rounded to the
//! unit (halves up) as plain decimals for JSON and CSV, or to whole currency units with
//! thousands separators for tables; ramped-rep equivalents with four decimals.

use rust_decimal::Decimal;

use super::amount::{fixed, group, units};
use crate::plan::fixed::round_half_up;
use crate::staffing::{MonthCapacity, TargetCapacity};

/// An exact amount in units, rounded to the unit, as a plain decimal: `1045500.00`.
pub fn plain(t: &TargetCapacity, x: Decimal) -> String {
    units(round_half_up(x), t.decimals)
}

/// An amount for people: whole currency units (or counts), grouped: `1,045,500`.
pub fn whole(t: &TargetCapacity, x: Decimal) -> String {
    let scale = Decimal::from(10_i64.pow(t.decimals));
    group(&round_half_up(x / scale).to_string())
}

/// Ramped-rep equivalents with four decimals.
pub fn rre(x: Decimal) -> String {
    fixed(x, 4)
}

/// The gap of a month in units: target − capacity, from the rounded capacity so the shown
/// numbers add up.
pub fn gap(m: &MonthCapacity) -> Decimal {
    Decimal::from(m.target - round_half_up(m.capacity))
}
