//! The one fixed-point and rounding toolkit of the arithmetic: decimals to scaled integers,
//! integer division and decimal rounding, all with one rule, halves away from zero (halves
//! up for the non-negative amounts of a plan), never banker's rounding and never floats.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places that values are snapped to (half away from zero) before any rounding
/// decision, so sums of inexact fractions (12 × 20/12 = 19.99…9) are judged by their true value.
pub const SNAP_DP: u32 = 12;

/// Decimal places of a capacity when reps share a day: capacities count in millionths.
pub const CAPACITY_DP: u32 = 6;

/// `x / d` rounded half away from zero (`d > 0`).
pub fn div_round(x: i128, d: i128) -> i128 {
    let half = d / 2;
    if x >= 0 {
        x.saturating_add(half) / d
    } else {
        -(half.saturating_sub(x) / d)
    }
}

/// `10^n` for every `n` an `i128` holds, looked up rather than raised on the hot paths.
const POWERS_OF_TEN: [i128; 39] = {
    let mut powers = [1_i128; 39];
    let mut n = 1;
    while n < powers.len() {
        powers[n] = powers[n - 1] * 10;
        n += 1;
    }
    powers
};

/// `i128::MAX / 10^n`: the largest magnitude whose product with `10^n` fits, so a scaling
/// is checked by a comparison rather than an overflowing multiplication.
const LARGEST_TIMES_TEN_TO: [i128; 39] = {
    let mut largest = [0_i128; 39];
    let mut n = 0;
    while n < largest.len() {
        largest[n] = i128::MAX / POWERS_OF_TEN[n];
        n += 1;
    }
    largest
};

/// `x` as a whole number of `10^-dp`, rounded half away from zero; `None` when it does not fit.
pub fn to_fixed(x: Decimal, dp: u32) -> Option<i128> {
    let (mantissa, scale) = (x.mantissa(), x.scale());
    if scale <= dp {
        let n = usize::try_from(dp - scale).ok()?;
        let largest = *LARGEST_TIMES_TEN_TO.get(n)?;
        // A mantissa has 96 bits, so it is never i128::MIN and its magnitude is exact.
        (mantissa.abs() <= largest).then(|| mantissa * POWERS_OF_TEN[n])
    } else {
        Some(div_round(mantissa, 10_i128.pow(scale - dp)))
    }
}

/// Binary fixed point: `BINARY_ONE` is one whole unit (2^64), so whole units are a shift away.
pub const BINARY_ONE: i128 = 1 << 64;

/// A non-negative `x` in units of 2^-64, taken to 18 decimals first (halves away from zero);
/// negative counts as 0, and `None` when it does not fit.
pub fn to_binary(x: Decimal) -> Option<i128> {
    const E18: i128 = 1_000_000_000_000_000_000;
    let v = to_fixed(x, 18)?.max(0);
    let whole = (v / E18).checked_mul(BINARY_ONE)?;
    whole.checked_add(div_round((v % E18) << 64, E18))
}

/// A capacity in millionths, rounded half away from zero; negative capacities count as 0.
pub fn capacity_units(c: Decimal) -> i128 {
    if c.is_sign_negative() {
        return 0;
    }
    to_fixed(c, CAPACITY_DP).unwrap_or(i128::MAX)
}

/// `x` rounded to `dp` places, halves away from zero: the rule for every shown amount.
pub fn round_dp(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Nearest whole unit to `x`, halves away from zero (amounts are >= 0, so halves go up).
/// `x` is first snapped to `SNAP_DP` places, so a sum of inexact fractions that is exactly
/// x.5 in true arithmetic (but 0.4999…9 in Decimal) still rounds up. Saturates at the i64 range.
pub fn round_half_up(x: Decimal) -> i64 {
    let whole = round_dp(round_dp(x, SNAP_DP), 0);
    whole.to_i64().unwrap_or(if whole.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// A fixed-point amount of `10^-dp` (with `dp >= SNAP_DP`) snapped to `SNAP_DP` places, then
/// rounded to whole units, halves away from zero: what `round_half_up` does for decimals.
pub fn round_fixed(x: i128, dp: u32) -> i64 {
    let snapped = div_round(x, 10_i128.pow(dp - SNAP_DP));
    let units = div_round(snapped, 10_i128.pow(SNAP_DP));
    i64::try_from(units).unwrap_or(if units < 0 { i64::MIN } else { i64::MAX })
}

/// Decimal places of [`to_fixed`] that hold every `Decimal` exactly (its largest scale).
pub const EXACT_DP: u32 = 28;

/// The decimal nearest to `x` units of `10^-dp` (`dp <= 28`): exactly `x × 10^-dp` when its
/// digits fit a `Decimal`, else rounded to the places that fit, halves away from zero.
/// Saturates at the `Decimal` range.
pub fn from_fixed(x: i128, dp: u32) -> Decimal {
    let (mut x, mut dp) = (x, dp.min(EXACT_DP));
    loop {
        if let Ok(d) = Decimal::try_from_i128_with_scale(x, dp) {
            return d;
        }
        if dp == 0 {
            return if x < 0 { Decimal::MIN } else { Decimal::MAX };
        }
        x = div_round(x, 10);
        dp -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    #[test]
    fn halves_go_away_from_zero_everywhere() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(to_fixed(dec("0.0000005"), 6), Some(1));
        assert_eq!(to_fixed(dec("-0.0000005"), 6), Some(-1));
        assert_eq!(to_fixed(dec("1.5"), 0), Some(2));
        assert_eq!(to_fixed(dec("2.5"), 0), Some(3), "not banker's");
        assert_eq!(round_dp(dec("14.125"), 2), dec("14.13"), "not banker's");
        assert_eq!(round_dp(dec("0.00005"), 4), dec("0.0001"));
        assert_eq!(round_half_up(dec("2.5")), 3);
        assert_eq!(round_fixed(25 * 10_i128.pow(17), 18), 3);
        assert_eq!(capacity_units(dec("0.25")), 250_000);
        assert_eq!(capacity_units(dec("-1")), 0);
        assert_eq!(to_fixed(Decimal::MAX, 21), None);
        assert_eq!(to_fixed(Decimal::ONE, 38), Some(10_i128.pow(38)));
        assert_eq!(to_fixed(Decimal::ONE, 39), None);
        // 79228162514264337593543950335 × 10^9 fits; × 10^10 does not.
        assert_eq!(
            to_fixed(Decimal::MAX, 9),
            Decimal::MAX.mantissa().checked_mul(10_i128.pow(9))
        );
        assert_eq!(
            to_fixed(Decimal::MIN, 9),
            Decimal::MIN.mantissa().checked_mul(10_i128.pow(9))
        );
        assert_eq!(to_fixed(Decimal::MIN, 10), None);
        assert_eq!(to_binary(dec("2.5")), Some(5 << 63));
        assert_eq!(to_binary(dec("-1")), Some(0));
        assert_eq!(to_binary(Decimal::MAX), None);
    }

    #[test]
    fn fixed_point_comes_back_as_the_same_decimal() {
        for x in [
            "0",
            "2.5",
            "-0.0000000000000000000000000001",
            "1234567890.1234567890123456789",
        ] {
            let d = dec(x);
            assert_eq!(from_fixed(to_fixed(d, EXACT_DP).unwrap(), EXACT_DP), d);
        }
        // 29 significant digits do not fit: the last one is rounded off, halves away from zero.
        let many = 9 * 10_i128.pow(28) + 5;
        assert_eq!(
            from_fixed(many, EXACT_DP),
            dec("9.000000000000000000000000001")
        );
        assert_eq!(
            from_fixed(-many, EXACT_DP),
            dec("-9.000000000000000000000000001")
        );
        assert_eq!(from_fixed(i128::MAX, 0), Decimal::MAX);
    }
}
