//! Number parsing tests: European and English separators, currencies, and refusals.

use super::*;
use proptest::prelude::*;
use std::str::FromStr;

use DecimalStyle::{English, European};

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn ok(text: &str, style: DecimalStyle) -> Decimal {
    match parse_decimal(text, style) {
        Ok(value) => value,
        Err(message) => panic!("`{text}` should parse: {message}"),
    }
}

fn err(text: &str, style: DecimalStyle) -> String {
    match parse_decimal(text, style) {
        Ok(value) => panic!("`{text}` should be rejected, got {value}"),
        Err(message) => message,
    }
}

#[test]
fn plain_numbers_in_both_styles() {
    for style in [English, European] {
        assert_eq!(ok("1234", style), dec("1234"));
        assert_eq!(ok("1234.56", style), dec("1234.56"));
        assert_eq!(ok("-12.5", style), dec("-12.5"));
        assert_eq!(ok("+7", style), dec("7"));
        assert_eq!(ok("  42 \t", style), dec("42"));
        assert_eq!(ok("0.5", style), dec("0.5"));
        assert_eq!(ok(".5", style), dec("0.5"));
        assert_eq!(ok("-0", style), Decimal::ZERO);
        assert_eq!(ok("1234,56", style), dec("1234.56"));
    }
}

#[test]
fn thousands_separators() {
    for style in [English, European] {
        assert_eq!(ok("1,234.56", style), dec("1234.56"));
        assert_eq!(ok("1.234,56", style), dec("1234.56"));
        assert_eq!(ok("1,234,567", style), dec("1234567"));
        assert_eq!(ok("1.234.567", style), dec("1234567"));
        assert_eq!(ok("1.234.567,89", style), dec("1234567.89"));
        assert_eq!(ok("1 234,56", style), dec("1234.56"));
        assert_eq!(ok("1 234.56", style), dec("1234.56"));
        assert_eq!(ok("1'234.56", style), dec("1234.56"));
        assert_eq!(ok("1\u{2019}234.56", style), dec("1234.56"));
        assert_eq!(ok("1\u{a0}234,56", style), dec("1234.56"));
        assert_eq!(ok("1\u{202f}234\u{202f}567", style), dec("1234567"));
        assert_eq!(ok("1 234 567", style), dec("1234567"));
        assert_eq!(ok("1 234,567", style), dec("1234.567"));
    }
}

#[test]
fn currency_symbols_and_codes() {
    assert_eq!(ok("€ 1.234,56", European), dec("1234.56"));
    assert_eq!(ok("1.234,56 €", European), dec("1234.56"));
    assert_eq!(ok("1234.56 EUR", English), dec("1234.56"));
    assert_eq!(ok("$1,234.56", English), dec("1234.56"));
    assert_eq!(ok("-$1,234.56", English), dec("-1234.56"));
    assert_eq!(ok("$-1,234.56", English), dec("-1234.56"));
    assert_eq!(ok("US$ 12", English), dec("12"));
    assert_eq!(ok("CHF 1'234.50", English), dec("1234.50"));
    assert_eq!(ok("£12", English), dec("12"));
    assert_eq!(ok("- 12 €", European), dec("-12"));
}

#[test]
fn ambiguous_single_separator_follows_the_style() {
    assert_eq!(ok("1,234", English), dec("1234"));
    assert_eq!(ok("1.234", English), dec("1.234"));
    assert_eq!(ok("1.234", European), dec("1234"));
    assert_eq!(ok("1,234", European), dec("1.234"));
    assert_eq!(ok("-12,345", English), dec("-12345"));
    assert_eq!(ok("123.456", European), dec("123456"));
    // Not ambiguous: a leading zero, four digits before, or not three after.
    assert_eq!(ok("0,123", English), dec("0.123"));
    assert_eq!(ok("0.123", European), dec("0.123"));
    assert_eq!(ok("1234,567", English), dec("1234.567"));
    assert_eq!(ok("1234.567", European), dec("1234.567"));
    assert_eq!(ok("1,23", English), dec("1.23"));
    assert_eq!(ok("1.2345", European), dec("1.2345"));
}

#[test]
fn style_from_delimiter() {
    assert_eq!(DecimalStyle::from_delimiter(b';'), European);
    assert_eq!(DecimalStyle::from_delimiter(b','), English);
    assert_eq!(DecimalStyle::from_delimiter(b'\t'), English);
}

#[test]
fn rejects_with_a_clear_message() {
    let message = err("abc", English);
    assert_eq!(
        message,
        "expected a number like 1234.56 or 1.234,56, found `abc`"
    );
    assert!(err("", English).contains("empty field"));
    assert!(err("   ", European).contains("empty field"));
    assert!(err("1.2.3,4,5", European).contains("more than once"));
    assert!(err("1.2.3", English).contains("3 digits"));
    assert!(err("1,23,456", English).contains("3 digits"));
    assert!(err("1,234.5.6", English).contains("more than once"));
    for bad in [
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "1e5",
        "12-",
        "--1",
        "+-1",
        "1..2",
        "1,,234",
        "1 234'567",
        "1 234.567,8",
        "12.",
        "1,",
        ",",
        "€",
        "EUR",
        "ab12",
        "12abc",
        "1 2",
        "0x10",
        "1,234 .5",
    ] {
        err(bad, English);
        err(bad, European);
    }
}

#[test]
fn digit_limit() {
    assert_eq!(ok("1000000000000", English), dec("1000000000000"));
    assert_eq!(ok("-1,000,000,000,000.00", English), dec("-1000000000000"));
    assert_eq!(
        ok("0.1234567890123456789012345678", English),
        dec("0.1234567890123456789012345678")
    );
    assert!(err("1000000000000.01", English).contains("too large"));
    assert!(err("123456789012345678901234", English).contains("too large"));
    assert!(err("1234567890123456789012345678", English).contains("too large"));
    assert!(err("12345678901234567890123456789", English).contains("28 digits"));
    assert!(err("0.12345678901234567890123456789", English).contains("28 digits"));
    assert_eq!(ok("00001.5", English), dec("1.5"));
    assert!(err("9,999,999,999,999,999,999,999,999,999", English).contains("too large"));
}

#[test]
fn accounting_parentheses_and_currencies() {
    assert_eq!(ok("(12)", English), dec("-12"));
    assert_eq!(ok("(1,234.56)", English), dec("-1234.56"));
    assert_eq!(ok("($1,234.56)", English), dec("-1234.56"));
    assert!(err("(-12)", English).contains("parentheses"));
    let amount = |text| parse_amount(text, English).unwrap();
    assert_eq!(amount("EUR 12,500.00").currency.unwrap().as_str(), "EUR");
    assert_eq!(amount("12.500,00 €").currency.unwrap().as_str(), "EUR");
    assert_eq!(amount("$12,500.00").currency.unwrap().as_str(), "USD");
    assert_eq!(amount("-US$5").currency.unwrap().as_str(), "USD");
    assert_eq!(amount("1234.56").currency, None);
    assert!(err("X$5", English).contains("not a currency"));
}

#[test]
fn the_fast_path_agrees_with_the_full_reading() {
    for text in [
        "0",
        "-0",
        "12",
        "-12.5",
        "1.234",
        "0.001",
        "123456789012.123456",
        "999999999999",
    ] {
        for style in [English, European] {
            let fast = fast_plain(text.as_bytes(), style);
            if let Some(fast) = fast {
                let full = format!(" {text} ");
                assert_eq!(Some(fast), parse_decimal(&full, style).ok(), "{text}");
            }
        }
    }
    assert_eq!(fast_plain(b"1.234", European), None);
    assert_eq!(fast_plain(b"1,234", English), None);
    assert_eq!(fast_plain(b"1.", English), None);
    assert_eq!(fast_plain(b".5", English), None);
}

#[test]
fn the_fast_path_stops_at_the_cap() {
    assert_eq!(
        fast_plain(b"1000000000000", English),
        Some(dec("1000000000000"))
    );
    assert_eq!(
        fast_plain(b"-1000000000000.00", English),
        Some(dec("-1000000000000"))
    );
    assert_eq!(fast_plain(b"0.0000001", English), Some(dec("0.0000001")));
    assert_eq!(fast_plain(b"1000000000000.01", English), None);
    assert_eq!(fast_plain(b"-1000000000001", English), None);
    assert!(err("1000000000000.01", English).contains("too large"));
    assert!(err("-1000000000001", English).contains("too large"));
    assert_eq!(ok(" 1000000000000\r", English), dec("1000000000000"));
}

#[test]
fn long_text_is_clipped_in_messages() {
    let long = "x".repeat(10_000);
    assert!(err(&long, English).len() < 200);
}

/// Formats a decimal with `group` every three integer digits and `point` as decimal separator.
fn format_grouped(value: Decimal, group: char, point: char) -> String {
    let plain = value.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

proptest! {
    #[test]
    fn never_panics(text in ".{0,40}") {
        let _ = parse_decimal(&text, English);
        let _ = parse_decimal(&text, European);
    }

    #[test]
    fn never_panics_on_number_like_text(text in "[-+ 0-9.,'€$EUR\u{a0}]{0,30}") {
        let _ = parse_decimal(&text, English);
        let _ = parse_decimal(&text, European);
    }

    #[test]
    fn round_trips_both_styles(mantissa in -999_999_999_999_i64..=999_999_999_999, scale in 0u32..=8) {
        let value = Decimal::new(mantissa, scale);
        let english = format_grouped(value, ',', '.');
        let european = format_grouped(value, '.', ',');
        prop_assert_eq!(parse_decimal(&english, English), Ok(value), "{}", english);
        prop_assert_eq!(parse_decimal(&european, European), Ok(value), "{}", european);
        prop_assert_eq!(parse_decimal(&value.to_string(), English), Ok(value));
    }
}
