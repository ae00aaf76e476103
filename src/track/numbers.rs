//! Parsing of the decimal numbers that CRM exports write (`1234.56`, `1.234,56`, `€ 1 234,56`,
//! `$1,234.56`) into `rust_decimal::Decimal`, never `f64`. It only turns one field's text into a
//! number or an explanatory message: it knows nothing of CSV files, columns or rows.

use rust_decimal::Decimal;

use crate::model::money::MAX_NUMBER;

mod currency;
mod fast;
mod layout;

use currency::{currency_of, strip_decorations};
use fast::fast_plain;
use layout::{Layout, digits};

/// Most significant digits a value may have (what `Decimal` holds exactly).
const MAX_DIGITS: usize = 28;
/// Longest excerpt of the field quoted in an error message.
const QUOTE_CHARS: usize = 40;

/// Which reading wins for the one ambiguous shape: a single `.` or `,` followed by exactly three
/// digits (`1.234`, `1,234`), with one to three non-zero-led digits before it and no other separator.
/// Every other shape is read the same in both styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalStyle {
    /// `.` groups thousands and `,` is the decimal comma: `1.234` is 1234, `1,234` is 1.234.
    European,
    /// `,` groups thousands and `.` is the decimal point: `1,234` is 1234, `1.234` is 1.234.
    English,
}

impl DecimalStyle {
    /// The style of a mapping's `decimal` separator, else the one the delimiter suggests.
    pub fn of(decimal: Option<char>, delimiter: u8) -> Self {
        match decimal {
            Some(',') => DecimalStyle::European,
            Some(_) => DecimalStyle::English,
            None => Self::from_delimiter(delimiter),
        }
    }

    /// The style a file's field delimiter suggests: `;` means a European export, anything else
    /// (`,`, tab) the English reading.
    pub fn from_delimiter(delimiter: u8) -> Self {
        if delimiter == b';' {
            DecimalStyle::European
        } else {
            DecimalStyle::English
        }
    }
}

/// An ISO 4217 code read with an amount or from a currency column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// The code of three ASCII letters (any case), upper-cased.
    pub fn new(text: &str) -> Option<Self> {
        match text.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => Some(CurrencyCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    /// The code, such as `EUR`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

/// A number read from a field, with the currency written beside it, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub currency: Option<CurrencyCode>,
}

/// Parses a number as CRM exports write it: optional `+`/`-` sign or accounting parentheses
/// (`(1,234.56)` is negative), an optional currency sign or ISO code before or after (`€`,
/// `US$`, `EUR`), thousands grouped by `,` `.` space, no-break space or apostrophe, and a
/// decimal `.` or `,`. When both `.` and `,` appear the last one is the decimal separator;
/// `style` settles only `1.234`/`1,234` (see [`DecimalStyle`]). Thousands groups must have
/// three digits; a magnitude above 10^12 (what the tool holds exactly once multiplied out) is
/// refused. Plain numbers (`-1234.56`) take a fast path that allocates nothing.
pub fn parse_amount(text: &str, style: DecimalStyle) -> Result<Amount, String> {
    // The reader's fields come trimmed: a plain number is tried as given, then trimmed.
    let plain = |text: &str| {
        fast_plain(text.as_bytes(), style).map(|value| Amount {
            value,
            currency: None,
        })
    };
    if let Some(amount) = plain(text) {
        return Ok(amount);
    }
    let trimmed = text.trim();
    if trimmed.len() != text.len()
        && let Some(amount) = plain(trimmed)
    {
        return Ok(amount);
    }
    if trimmed.is_empty() {
        return Err("expected a number like 1234.56 or 1.234,56, found an empty field".to_owned());
    }
    let fail = |why: &str| {
        let mut message = format!(
            "expected a number like 1234.56 or 1.234,56, found `{}`",
            clip(trimmed)
        );
        if !why.is_empty() {
            message.push_str(" (");
            message.push_str(why);
            message.push(')');
        }
        message
    };
    let (parenthesised, inner) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, trimmed),
    };
    let (negative, core, token) = strip_decorations(inner).ok_or_else(|| fail(""))?;
    if parenthesised && negative {
        return Err(fail("both parentheses and a minus sign"));
    }
    let currency = match token {
        None => None,
        Some(token) => Some(currency_of(token).ok_or_else(|| {
            fail(&format!(
                "`{token}` is not a currency this tool knows; write its ISO code"
            ))
        })?),
    };
    if !core.bytes().any(|b| b.is_ascii_digit()) {
        return Err(fail(""));
    }
    let layout = Layout::scan(core).map_err(|why| fail(&why))?;
    let (dec, group) = layout.separators(core, style).map_err(&fail)?;
    let (mantissa, scale) = digits(core, dec, group).map_err(&fail)?;
    let signed = if negative || parenthesised {
        -mantissa
    } else {
        mantissa
    };
    let value =
        Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| fail("too many digits"))?;
    Ok(Amount {
        value: capped(value, trimmed)?,
        currency,
    })
}

/// Parses a number like [`parse_amount`], dropping any currency (what the tests compare).
#[cfg(test)]
pub fn parse_decimal(text: &str, style: DecimalStyle) -> Result<Decimal, String> {
    parse_amount(text, style).map(|a| a.value)
}

/// The value, or the message for one too large for exact arithmetic downstream.
fn capped(value: Decimal, text: &str) -> Result<Decimal, String> {
    if value.abs() <= MAX_NUMBER {
        return Ok(value);
    }
    Err(format!(
        "`{}` is too large: values may be at most 1,000,000,000,000 (10^12) so that sums and \
         quotas stay exact",
        clip(text)
    ))
}

/// The text cut to at most `QUOTE_CHARS` characters, for quoting in a message.
pub(crate) fn clip(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;
