//! How amounts are written: whole units as exact decimals of the currency's minor unit,
//! levels with two decimals, exact values with four; with or without thousands separators.

use std::fmt;

use rust_decimal::Decimal;

use crate::plan::fixed::round_dp;
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
    Decimal::new(n, minor_units).to_string()
}

/// A quota for people: thousands separated with `,`.
/// Levels keep their two decimals, so they line up in columns: 10.25, 10.50, 11.00.
pub fn grouped(q: Quantity, minor_units: u32) -> String {
    group(&plain(q, minor_units))
}

/// An exact value with at most four decimals and at least one: `1.6667`, `100.0`.
pub fn exact(x: Decimal) -> String {
    let text = round_dp(x, 4).normalize().to_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// A decimal rounded (halves away from zero) to exactly `decimals` places: `0.9512`, `1250.00`.
pub fn fixed(x: Decimal, decimals: u32) -> String {
    let mut text = String::with_capacity(24);
    // Writing to a String cannot fail.
    let _ = write_fixed(&mut text, x, decimals);
    text
}

/// [`fixed`], written to `out` (a buffer on the stack, say).
pub fn write_fixed(out: &mut impl fmt::Write, x: Decimal, decimals: u32) -> fmt::Result {
    let mut x = round_dp(x, decimals);
    x.rescale(decimals);
    write_decimal(out, x)
}

/// `x`'s Display, with the digits of a mantissa that fits in 64 bits worked out by 64-bit
/// arithmetic (Decimal's own Display divides 96 bits by ten for each digit): the sign of a
/// negative value (zero too), the whole part (`0` when empty), then `scale` decimals.
fn write_decimal(out: &mut impl fmt::Write, x: Decimal) -> fmt::Result {
    let Ok(mut rest) = u64::try_from(x.mantissa().unsigned_abs()) else {
        return write!(out, "{x}");
    };
    // Digits, least significant first.
    let mut digits = [0_u8; 20];
    let mut n = 0;
    while rest > 0 {
        digits[n] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        rest /= 10;
        n += 1;
    }
    let scale = x.scale() as usize;
    let len = n.max(scale);
    let whole = len - scale;
    if x.is_sign_negative() {
        out.write_char('-')?;
    }
    if whole == 0 {
        out.write_char('0')?;
    }
    for i in 0..len {
        if i == whole {
            out.write_char('.')?;
        }
        let at = len - 1 - i;
        out.write_char(char::from(if at < n { digits[at] } else { b'0' }))?;
    }
    Ok(())
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
            let mut text = String::new();
            write_decimal(&mut text, x).unwrap();
            prop_assert_eq!(text, x.to_string());
        }
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero() {
        assert_eq!(fixed(Decimal::new(12345, 5), 4), "0.1235");
        assert_eq!(fixed(Decimal::from(1250), 2), "1250.00");
        assert_eq!(fixed(Decimal::new(-25, 1), 0), "-3");
    }
}
