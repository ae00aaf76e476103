//! Parsing of the decimal numbers that CRM exports write (`1234.56`, `1.234,56`, `€ 1 234,56`,
//! `$1,234.56`) into `rust_decimal::Decimal`, never `f64`. It only turns one field's text into a
//! number or an explanatory message: it knows nothing of CSV files, columns or rows.

use rust_decimal::Decimal;

use crate::model::money::MAX_NUMBER;

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

/// Currency signs and the ISO code each stands for. `$` alone is the US dollar.
const SIGNS: &[(&str, &str)] = &[
    ("€", "EUR"),
    ("$", "USD"),
    ("US$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₱", "PHP"),
    ("₴", "UAH"),
    ("₦", "NGN"),
    ("฿", "THB"),
    ("R$", "BRL"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("MX$", "MXN"),
];

/// Parses a number as CRM exports write it: optional `+`/`-` sign or accounting parentheses
/// (`(1,234.56)` is negative), an optional currency sign or ISO code before or after (`€`,
/// `US$`, `EUR`), thousands grouped by `,` `.` space, no-break space or apostrophe, and a
/// decimal `.` or `,`. When both `.` and `,` appear the last one is the decimal separator;
/// `style` settles only `1.234`/`1,234` (see [`DecimalStyle`]). Thousands groups must have
/// three digits; a magnitude above 10^12 (what the tool holds exactly once multiplied out) is
/// refused. Plain numbers (`-1234.56`) take a fast path that allocates nothing.
pub fn parse_amount(text: &str, style: DecimalStyle) -> Result<Amount, String> {
    let trimmed = text.trim();
    if let Some(value) = fast_plain(trimmed.as_bytes(), style) {
        return capped(value, trimmed).map(|value| Amount {
            value,
            currency: None,
        });
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

/// Parses a number like [`parse_amount`], dropping any currency.
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

/// `-?digits(.digits)?` with at most 18 digits, unless `style` reads `1.234` as thousands.
fn fast_plain(b: &[u8], style: DecimalStyle) -> Option<Decimal> {
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
    let signed = if negative { -mantissa } else { mantissa };
    Some(Decimal::new(signed, u32::try_from(scale).ok()?))
}

/// The ISO code of a currency token: a code itself or a known sign.
fn currency_of(token: &str) -> Option<CurrencyCode> {
    if token.len() == 3 && token.bytes().all(|b| b.is_ascii_uppercase()) {
        return CurrencyCode::new(token);
    }
    SIGNS
        .iter()
        .find(|(sign, _)| *sign == token)
        .and_then(|(_, code)| CurrencyCode::new(code))
}

/// Splits off sign and currency decorations; returns `(negative, digits-and-separators,
/// currency token)`.
fn strip_decorations(text: &str) -> Option<(bool, &str, Option<&str>)> {
    let mut sign = None;
    let rest = take_sign(text, &mut sign)?;
    let (prefix, rest) = strip_currency_prefix(rest);
    let rest = take_sign(rest.trim_start(), &mut sign)?;
    let (rest, suffix) = strip_currency_suffix(rest);
    let rest = rest.trim_end();
    if rest.is_empty() || (prefix.is_some() && suffix.is_some()) {
        return None;
    }
    Some((sign == Some('-'), rest, prefix.or(suffix)))
}

/// Takes one leading sign into `sign`; `None` when a second sign appears.
fn take_sign<'t>(text: &'t str, sign: &mut Option<char>) -> Option<&'t str> {
    match text.chars().next() {
        Some(c @ ('+' | '-')) if sign.is_none() => {
            *sign = Some(c);
            Some(text[1..].trim_start())
        }
        Some('+' | '-') => None,
        _ => Some(text),
    }
}

fn is_currency_symbol(c: char) -> bool {
    matches!(c, '$' | '£' | '¥' | '¢' | '¤' | '฿') || ('\u{20A0}'..='\u{20CF}').contains(&c)
}

/// A currency token is an ISO code (three upper-case letters) or a symbol with up to three
/// upper-case letters before it (`€`, `US$`, `R$`).
fn is_currency_token(token: &str) -> bool {
    let letters = token.chars().filter(char::is_ascii_uppercase).count();
    let symbols = token.chars().count() - letters;
    (symbols == 0 && letters == 3) || (symbols == 1 && letters <= 3)
}

fn is_currency_char(c: char) -> bool {
    c.is_ascii_uppercase() || is_currency_symbol(c)
}

fn strip_currency_prefix(text: &str) -> (Option<&str>, &str) {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_currency_char(c))
        .map_or(text.len(), |(i, _)| i);
    if end > 0 && is_currency_token(&text[..end]) {
        (Some(&text[..end]), &text[end..])
    } else {
        (None, text)
    }
}

fn strip_currency_suffix(text: &str) -> (&str, Option<&str>) {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_currency_char(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    if start < text.len() && is_currency_token(&text[start..]) {
        (&text[..start], Some(&text[start..]))
    } else {
        (text, None)
    }
}

/// Space-like thousands separators: space, no-break space, narrow no-break space, thin space.
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// What one pass over the digits and separators found.
struct Layout {
    dots: usize,
    commas: usize,
    last_dot: usize,
    last_comma: usize,
    spaces: bool,
    apostrophes: bool,
}

impl Layout {
    fn scan(core: &str) -> Result<Self, String> {
        let mut layout = Layout {
            dots: 0,
            commas: 0,
            last_dot: 0,
            last_comma: 0,
            spaces: false,
            apostrophes: false,
        };
        for (i, c) in core.char_indices() {
            match c {
                '0'..='9' => {}
                '.' => (layout.dots, layout.last_dot) = (layout.dots + 1, i),
                ',' => (layout.commas, layout.last_comma) = (layout.commas + 1, i),
                c if is_space_group(c) => layout.spaces = true,
                c if is_apostrophe(c) => layout.apostrophes = true,
                other => return Err(format!("unexpected `{other}`")),
            }
        }
        Ok(layout)
    }

    /// Decides `(decimal separator, thousands separator)`; a space-like group is `' '`.
    fn separators(
        &self,
        core: &str,
        style: DecimalStyle,
    ) -> Result<(Option<char>, Option<char>), &'static str> {
        let other_group = match (self.spaces, self.apostrophes) {
            (true, true) => return Err("mixes thousands separators"),
            (true, false) => Some(' '),
            (false, true) => Some('\''),
            (false, false) => None,
        };
        let (dec, group) = match (self.dots, self.commas) {
            (0, 0) => (None, None),
            (1, 0) => Self::single('.', self.last_dot, core, style, other_group),
            (0, 1) => Self::single(',', self.last_comma, core, style, other_group),
            (_, 0) => (None, Some('.')),
            (0, _) => (None, Some(',')),
            _ if self.last_dot > self.last_comma => (Some('.'), Some(',')),
            _ => (Some(','), Some('.')),
        };
        let dec_count = match dec {
            Some('.') => self.dots,
            Some(',') => self.commas,
            _ => 0,
        };
        if dec_count > 1 {
            return Err("the decimal separator appears more than once");
        }
        match (group, other_group) {
            (Some(_), Some(_)) => Err("mixes thousands separators"),
            (None, other) => Ok((dec, other)),
            (group, None) => Ok((dec, group)),
        }
    }

    /// Reads a lone `.` or `,` at byte `at`: decimal unless it can only be a thousands separator.
    fn single(
        sep: char,
        at: usize,
        core: &str,
        style: DecimalStyle,
        other_group: Option<char>,
    ) -> (Option<char>, Option<char>) {
        let before = &core[..at];
        let int_digits = before.bytes().filter(u8::is_ascii_digit).count();
        let after_digits = core[at + 1..].bytes().filter(u8::is_ascii_digit).count();
        let zero_led = before.trim_start().starts_with('0') || int_digits == 0;
        let could_group = other_group.is_none() && after_digits == 3 && int_digits <= 3;
        let is_group = could_group
            && !zero_led
            && match style {
                DecimalStyle::European => sep == '.',
                DecimalStyle::English => sep == ',',
            };
        if is_group {
            (None, Some(sep))
        } else {
            (Some(sep), None)
        }
    }
}

/// Checks the digit groups and returns `(mantissa, scale)`.
fn digits(core: &str, dec: Option<char>, group: Option<char>) -> Result<(i128, u32), &'static str> {
    let (int, frac) = match dec.and_then(|d| core.split_once(d)) {
        Some((int, frac)) => (int, Some(frac)),
        None => (core, None),
    };
    check_groups(int, group)?;
    let frac = frac.map_or(Ok(""), |frac| match frac {
        "" => Err("no digits after the decimal separator"),
        f if f.bytes().all(|b| b.is_ascii_digit()) => Ok(f),
        _ => Err("unexpected separator after the decimal separator"),
    })?;
    let int_digits = int.bytes().filter(u8::is_ascii_digit);
    if int_digits.clone().skip_while(|&b| b == b'0').count() + frac.len() > MAX_DIGITS {
        return Err("more than 28 digits");
    }
    let mantissa = int_digits
        .chain(frac.bytes())
        .fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
    let scale = u32::try_from(frac.len()).map_err(|_| "more than 28 digits")?;
    Ok((mantissa, scale))
}

/// The integer part is digits, optionally in groups: 1 to 3 digits, then groups of exactly 3.
fn check_groups(int: &str, group: Option<char>) -> Result<(), &'static str> {
    const GROUPS: &str = "thousands groups must have 3 digits";
    let all_digits = |piece: &str| piece.bytes().all(|b| b.is_ascii_digit());
    let mut pieces = int.split(|c| is_group_char(c, group));
    let first = pieces.next().unwrap_or_default();
    let mut grouped = false;
    for piece in pieces {
        grouped = true;
        if !all_digits(piece) {
            return Err("unexpected separator");
        }
        if piece.len() != 3 {
            return Err(GROUPS);
        }
    }
    if !all_digits(first) {
        return Err("unexpected separator");
    }
    if grouped && !(1..=3).contains(&first.len()) {
        return Err(GROUPS);
    }
    Ok(())
}

fn is_group_char(c: char, group: Option<char>) -> bool {
    match group {
        Some(' ') => is_space_group(c),
        Some('\'') => is_apostrophe(c),
        Some(g) => c == g,
        None => false,
    }
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
