//! Exact numbers: ISO 4217 minor units, and decimals read from TOML literals without ever
//! passing through `f64`.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Currencies whose minor unit is not 2 decimals (ISO 4217); every other code has 2.
const MINOR_UNITS: &[(&str, u32)] = &[
    ("BHD", 3),
    ("BIF", 0),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("IQD", 3),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("PYG", 0),
    ("RWF", 0),
    ("TND", 3),
    ("UGX", 0),
    ("UYI", 0),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
];

/// The largest magnitude of any number in a goal file: one trillion (10^12). No sales figure
/// comes near it, and bigger numbers overflow exact arithmetic once a target is multiplied out
/// over days, reps and funnel stages.
pub const MAX_NUMBER: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// The minor-unit decimals of a three-letter currency code.
pub fn minor_units(code: &str) -> u32 {
    MINOR_UNITS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(2, |&(_, units)| units)
}

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
    fn minor_units_follow_iso_4217() {
        assert_eq!(minor_units("EUR"), 2);
        assert_eq!(minor_units("JPY"), 0);
        assert_eq!(minor_units("KWD"), 3);
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
