//! The fast path of number parsing: a plain `-?digits(.digits)?` of at most 18 characters
//! within the 10^12 cap, read with integer arithmetic only, no allocation and no `Decimal`
//! comparison. Anything else (and any refusal, with its message) goes the full way.

use rust_decimal::Decimal;

use super::DecimalStyle;

/// `10^(12 + scale)` for scales 0 to 6: the largest mantissa within the cap at that scale.
/// From scale 7 up every mantissa of 18 digits or fewer is within it.
const CAP: [i64; 7] = [
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// `-?digits(.digits)?` with at most 18 digits and a magnitude of at most 10^12, unless
/// `style` reads `1.234` as thousands.
pub(super) fn fast_plain(b: &[u8], style: DecimalStyle) -> Option<Decimal> {
    let (negative, digits) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut int_len = 0;
    let mut dot = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' => mantissa = mantissa * 10 + i64::from(c - b'0'),
            b'.' if dot.is_none() && i > 0 => {
                dot = Some(i);
                int_len = i;
            }
            _ => return None,
        }
    }
    let scale = match dot {
        None => 0,
        Some(at) => digits.len() - at - 1,
    };
    if dot.is_some() && scale == 0 {
        return None;
    }
    let ambiguous = scale == 3 && (1..=3).contains(&int_len) && digits[0] != b'0';
    if ambiguous && style == DecimalStyle::European {
        return None;
    }
    if CAP.get(scale).is_some_and(|&cap| mantissa > cap) {
        return None;
    }
    let signed = if negative { -mantissa } else { mantissa };
    Some(Decimal::new(signed, u32::try_from(scale).ok()?))
}
