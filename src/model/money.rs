//! Exact numbers: decimals read from TOML literals without ever passing through `f64`, and
//! the largest magnitude the tool holds.

use std::str::FromStr;

use rust_decimal::Decimal;

/// The largest magnitude of any number in a goal file: one trillion (10^12). No sales figure
/// comes near it, and bigger numbers overflow exact arithmetic once a target is multiplied out
/// over days, reps and funnel stages.
pub const MAX_NUMBER: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// Parses a decimal literal exactly: `1200000`, `1_200_000.50`, `1.5e6`. Returns `None` for
/// text that is not a finite number or needs more than 28 significant digits.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim().replace('_', "");
    if text.is_empty() || text.contains(['n', 'N', 'i', 'I']) {
        return None;
    }
    if text.contains(['e', 'E']) {
        return Decimal::from_scientific(&text).ok();
    }
    let text = text.strip_prefix('+').unwrap_or(&text);
    Decimal::from_str_exact(text)
        .or_else(|_| Decimal::from_str(text))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_number_is_one_trillion() {
        assert_eq!(MAX_NUMBER, Decimal::from(1_000_000_000_000_i64));
    }

    #[test]
    fn decimals_are_exact() {
        assert_eq!(
            parse_decimal("1200000.50").unwrap().to_string(),
            "1200000.50"
        );
        assert_eq!(parse_decimal("0.1").unwrap().to_string(), "0.1");
        assert_eq!(parse_decimal("1_000").unwrap(), Decimal::from(1000));
        assert_eq!(parse_decimal("1.5e3").unwrap(), Decimal::from(1500));
        assert_eq!(parse_decimal("+7").unwrap(), Decimal::from(7));
        assert_eq!(parse_decimal("nan"), None);
        assert_eq!(parse_decimal("inf"), None);
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("1e400"), None);
    }
}
