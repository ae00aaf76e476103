//! How amounts are written: whole units as exact decimals of the currency's minor unit,
//! levels with two decimals, exact values with four; with or without thousands separators.

use rust_decimal::Decimal;

use crate::plan::fixed::{EXACT_DP, div_round, round_dp, to_fixed};
use crate::plan::report::Quantity;

/// Writes a quota as plain decimal text: `1200`, `83333.33`; levels and rates always with
/// two decimals, halves away from zero (`14.41`, `8.00`, `110.00`), as JSON promises.
pub fn plain(q: Quantity, minor_units: u32) -> String {
    match q {
        Quantity::Units(n) => units(n, minor_units),
        Quantity::Level(level) => fixed(level, 2),
    }
}

/// Whole units as a decimal with exactly `minor_units` decimals.
pub fn units(n: i64, minor_units: u32) -> String {
    let mut out = Vec::new();
    write_units(n, minor_units, &mut out);
    ascii(&out)
}

/// Writes [`units`] to `out`: `n / 10^minor_units` with exactly `minor_units` decimals, as
/// `Decimal` writes it, by integer arithmetic.
pub fn write_units(n: i64, minor_units: u32, out: &mut Vec<u8>) {
    if minor_units > 18 {
        out.extend_from_slice(Decimal::new(n, minor_units).to_string().as_bytes());
        return;
    }
    write_scaled(i128::from(n), minor_units, out);
}

/// Digits, a sign and a point as text.
fn ascii(bytes: &[u8]) -> String {
    bytes.iter().copied().map(char::from).collect()
}

/// Writes `m / 10^scale` with exactly `scale` decimals (`-0.05`, `12.30`, `7`); `scale` at
/// most 28, as a `Decimal`'s.
pub fn write_scaled(m: i128, scale: u32, out: &mut Vec<u8>) {
    if m < 0 {
        out.push(b'-');
    }
    write_magnitude(m.unsigned_abs(), scale, out);
}

/// Writes `magnitude / 10^scale` without a sign, as [`scaled_digits`] gives it.
fn write_magnitude(magnitude: u128, scale: u32, out: &mut Vec<u8>) {
    match u64::try_from(magnitude) {
        // Nearly every number: the digits by `itoa`, the point put in among them.
        Ok(small) => write_small(small, scale, out),
        Err(_) => {
            let mut buf = [0_u8; DIGITS];
            out.extend_from_slice(scaled_digits(magnitude, scale, &mut buf));
        }
    }
}

/// `magnitude / 10^scale` for a magnitude that fits 64 bits, as [`scaled_digits`] writes it.
fn write_small(magnitude: u64, scale: u32, out: &mut Vec<u8>) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(magnitude).as_bytes();
    let scale = scale as usize;
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(whole);
        out.push(b'.');
        out.extend_from_slice(fraction);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

/// Room for the 39 digits of any `u128`, a point and the zeros of a scale up to 28.
const DIGITS: usize = 72;

/// The text of `magnitude / 10^scale` without a sign: exactly `scale` decimals and at least
/// one digit before the point. Every number the project writes goes through here.
fn scaled_digits(mut rest: u128, scale: u32, digits: &mut [u8; DIGITS]) -> &[u8] {
    let mut at = digits.len();
    // At least one digit before the point: `scale` decimals and then the integer part. The
    // low 19 digits at a time in 64 bits, where a division by ten is a multiplication.
    let mut k = 0;
    while rest > 0 || k <= scale {
        const E19: u128 = 10_000_000_000_000_000_000;
        // No 128-bit division for the (common) number below 10^19.
        let (high, low) = if rest < E19 {
            (0, rest)
        } else {
            (rest / E19, rest % E19)
        };
        rest = high;
        let mut low = u64::try_from(low).unwrap_or(0);
        for _ in 0..19 {
            if k == scale && k > 0 {
                at -= 1;
                digits[at] = b'.';
            }
            at -= 1;
            digits[at] = b'0' + u8::try_from(low % 10).unwrap_or(0);
            low /= 10;
            k += 1;
            if low == 0 && rest == 0 && k > scale {
                break;
            }
        }
    }
    &digits[at..]
}

/// A quota for people: thousands separated with `,`.
/// Levels keep their two decimals, so they line up in columns: 10.25, 10.50, 11.00.
pub fn grouped(q: Quantity, minor_units: u32) -> String {
    group(&plain(q, minor_units))
}

/// An exact value with at most four decimals and at least one: `1.6667`, `100.0`.
pub fn exact(x: Decimal) -> String {
    let mut out = Vec::new();
    write_exact(x, &mut out);
    ascii(&out)
}

/// Writes [`exact`] to `out`: `x` rounded to four decimals (halves away from zero), trailing
/// zeros dropped but one, by integer arithmetic on the decimal's mantissa.
pub fn write_exact(x: Decimal, out: &mut Vec<u8>) {
    let (mut m, mut scale) = (x.mantissa(), x.scale());
    if scale > 4 {
        m = div_round(m, 10_i128.pow(scale - 4));
        scale = 4;
    }
    while scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    write_scaled(m, scale, out);
    if scale == 0 {
        out.extend_from_slice(b".0");
    }
}

/// A decimal rounded (halves away from zero) to exactly `decimals` places: `0.9512`, `1250.00`.
pub fn fixed(x: Decimal, decimals: u32) -> String {
    let mut out = Vec::with_capacity(24);
    write_fixed(x, decimals, &mut out);
    ascii(&out)
}

/// Writes [`fixed`] to `out`: `x` rounded and rescaled to `decimals` places.
pub fn write_fixed(x: Decimal, decimals: u32, out: &mut Vec<u8>) {
    // Straight from the mantissa at `decimals` places when it fits a Decimal's 96 bits, and
    // unless a value rounds to zero (whose sign is `round_dp`'s to decide).
    let fits = |m: &i128| m.unsigned_abs() < 1 << 96 && (*m != 0 || x.scale() <= decimals);
    if decimals <= EXACT_DP
        && let Some(m) = to_fixed(x, decimals).filter(fits)
    {
        if m == 0 && x.is_sign_negative() {
            out.push(b'-');
        }
        write_scaled(m, decimals, out);
        return;
    }
    let mut x = round_dp(x, decimals);
    x.rescale(decimals);
    write_decimal(x, out);
}

/// `x`'s Display by integer arithmetic (Decimal's own Display divides 96 bits by ten for each
/// digit): the sign of a negative value (zero too), the whole part (`0` when empty), then
/// `scale` decimals.
fn write_decimal(x: Decimal, out: &mut Vec<u8>) {
    if x.is_sign_negative() {
        out.push(b'-');
    }
    write_magnitude(x.mantissa().unsigned_abs(), x.scale(), out);
}

/// Inserts `,` between groups of three digits of the integer part.
pub fn group(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `exact` wrote through `Decimal`'s own rounding and text.
    fn exact_by_decimal(x: Decimal) -> String {
        let text = round_dp(x, 4).normalize().to_string();
        if text.contains('.') {
            text
        } else {
            format!("{text}.0")
        }
    }

    proptest! {
        #[test]
        fn integer_text_matches_decimal_text(
            n in prop_oneof![any::<i64>(), -100_000_i64..100_000, Just(i64::MIN), Just(0)],
            minor_units in 0_u32..=28,
            lo in any::<u32>(), mid in any::<u32>(), hi in prop_oneof![Just(0_u32), 0_u32..4, any::<u32>()],
            negative in any::<bool>(),
            scale in 0_u32..=28,
        ) {
            prop_assert_eq!(units(n, minor_units), Decimal::new(n, minor_units).to_string());
            let x = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(exact(x), exact_by_decimal(x));
            let small = Decimal::from_parts(lo % 100_000, 0, 0, negative, scale % 8);
            prop_assert_eq!(exact(small), exact_by_decimal(small));
        }
    }

    #[test]
    fn money_keeps_its_cents() {
        assert_eq!(units(8_333_333, 2), "83333.33");
        assert_eq!(units(10, 2), "0.10");
        assert_eq!(units(1200, 0), "1200");
        assert_eq!(grouped(Quantity::Units(100_000_000), 2), "1,000,000.00");
        assert_eq!(group("-1234567"), "-1,234,567");
        assert_eq!(grouped(Quantity::Level(Decimal::new(105, 1)), 0), "10.50");
        assert_eq!(grouped(Quantity::Level(Decimal::from(8)), 0), "8.00");
        assert_eq!(plain(Quantity::Level(Decimal::from(8)), 0), "8.00");
        assert_eq!(plain(Quantity::Level(Decimal::new(144_055, 4)), 2), "14.41");
        assert_eq!(plain(Quantity::Level(Decimal::new(10_125, 3)), 0), "10.13");
    }

    #[test]
    fn exact_values_have_four_decimals_at_most() {
        assert_eq!(exact(Decimal::from(20) / Decimal::from(12)), "1.6667");
        assert_eq!(exact(Decimal::from(100)), "100.0");
        assert_eq!(
            exact(Decimal::new(25, 5)),
            "0.0003",
            "halves away from zero"
        );
        assert_eq!(plain(Quantity::Level(Decimal::new(14125, 3)), 0), "14.13");
    }

    proptest! {
        #[test]
        fn decimal_text_is_decimal_display(
            mantissa in prop_oneof![
                -1_000_i128..1_000,
                any::<i64>().prop_map(i128::from),
                -(1_i128 << 95)..(1_i128 << 95),
            ],
            scale in 0_u32..=28,
            negative_zero in any::<bool>(),
        ) {
            let mut x = Decimal::from_i128_with_scale(mantissa, scale);
            if negative_zero && mantissa == 0 {
                x.set_sign_negative(true);
            }
            let mut text = Vec::new();
            write_decimal(x, &mut text);
            prop_assert_eq!(String::from_utf8(text).unwrap(), x.to_string());
        }

        #[test]
        fn fixed_is_the_text_of_the_rounded_rescaled_decimal(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0_u32..=28, decimals in 0_u32..=30,
        ) {
            let x = Decimal::from_parts(lo, mid, hi, negative, scale);
            let mut expected = round_dp(x, decimals);
            expected.rescale(decimals);
            prop_assert_eq!(fixed(x, decimals), expected.to_string());
        }
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero() {
        assert_eq!(fixed(Decimal::new(12345, 5), 4), "0.1235");
        assert_eq!(fixed(Decimal::from(1250), 2), "1250.00");
        assert_eq!(fixed(Decimal::new(-25, 1), 0), "-3");
        // Zero keeps the sign Decimal gives it, as does a value rounded to zero.
        let mut negative_zero = Decimal::ZERO;
        negative_zero.set_sign_negative(true);
        for (x, text) in [
            (negative_zero, "-0.00"),
            (Decimal::new(-1, 3), "0.00"),
            (Decimal::new(-5, 3), "-0.01"),
        ] {
            let mut rounded = round_dp(x, 2);
            rounded.rescale(2);
            assert_eq!(
                (fixed(x, 2), rounded.to_string()),
                (text.into(), text.into())
            );
        }
    }
}
