//! The decorations around a number as CRM exports write it: one `+` or `-` sign and a
//! currency symbol or ISO code before or after (`€ 12`, `12 EUR`, `-US$5`), and the ISO code
//! each known symbol stands for.

use super::CurrencyCode;

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

/// The ISO code of a currency token: a code itself or a known sign.
pub(super) fn currency_of(token: &str) -> Option<CurrencyCode> {
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
pub(super) fn strip_decorations(text: &str) -> Option<(bool, &str, Option<&str>)> {
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
