//! Parsing of the dates that CRM exports write (`2027-05-14`, `14.05.2027`, `5/14/2027 4:32 PM`,
//! ISO timestamps) into a `chrono::NaiveDate`. It turns one field's text into a date, or an
//! ambiguous pair, or an explanatory message; it knows nothing of CSV files, columns or rows,
//! and no time zone (`2027-01-31T23:30:00-05:00` is 2027-01-31, as written).

use chrono::NaiveDate;

use crate::model::DateOrder;

mod time;
use time::check_time;

/// Longest excerpt of the field quoted in an error message.
const QUOTE_CHARS: usize = 40;
const EXPECTED: &str = "expected a date like 2027-01-31";

/// The order of a date written with the year last (`5/4/2027`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// 5/4/2027 is 5 April.
    DayFirst,
    /// 5/4/2027 is 4 May.
    MonthFirst,
}

impl Order {
    /// The mapping key that sets this order.
    pub fn key(self) -> &'static str {
        match self {
            Order::DayFirst => "dates = \"day-first\"",
            Order::MonthFirst => "dates = \"month-first\"",
        }
    }
}

/// How the dates of one export are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// ISO dates; slash dates in the order the file shows, ambiguous ones left to the caller.
    Auto,
    /// Only dates with the year first.
    Iso,
    /// Year-last dates in this order.
    Fixed(Order),
    /// An explicit chrono format.
    Format(String),
}

impl Rule {
    /// The rule of a mapping's `date_format` (which wins) or `dates`.
    pub fn of(format: Option<&str>, order: Option<DateOrder>) -> Self {
        match (format, order) {
            (Some(format), _) => Rule::Format(format.to_owned()),
            (None, Some(DateOrder::DayFirst)) => Rule::Fixed(Order::DayFirst),
            (None, Some(DateOrder::MonthFirst)) => Rule::Fixed(Order::MonthFirst),
            (None, Some(DateOrder::Iso)) => Rule::Iso,
            (None, None) => Rule::Auto,
        }
    }
}

/// A date read from a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The date, whatever the order of the file.
    Date(NaiveDate),
    /// A slash date whose parts could both be the day (`5/4/2027` under [`Rule::Auto`]).
    Ambiguous {
        day_first: NaiveDate,
        month_first: NaiveDate,
    },
    /// A slash date that can only be read in this order (`14/5/2027`: day first).
    Shows(NaiveDate, Order),
}

impl Reading {
    /// The date in `order`.
    pub fn in_order(self, order: Order) -> NaiveDate {
        match (self, order) {
            (Reading::Date(d) | Reading::Shows(d, _), _) => d,
            (Reading::Ambiguous { day_first, .. }, Order::DayFirst) => day_first,
            (Reading::Ambiguous { month_first, .. }, Order::MonthFirst) => month_first,
        }
    }
}

/// Reads a date under `rule`. A time after the date (after a space or `T`) must be a real
/// time of day (`16:32`, `16:32:10.5Z`, `4:32 PM`, `14:05+02:00`) and is then dropped.
pub fn read_date(text: &str, rule: &Rule) -> Result<Reading, String> {
    // The reader's fields come trimmed: an ISO date is tried as given before any trim.
    if let Some(date) = fast_iso(text.as_bytes()) {
        return Ok(Reading::Date(date));
    }
    let text = text.trim();
    if let Some(date) = fast_iso(text.as_bytes()) {
        return Ok(Reading::Date(date));
    }
    if text.is_empty() {
        return Err(format!("{EXPECTED}, found an empty field"));
    }
    if let Rule::Format(format) = rule {
        return NaiveDate::parse_from_str(text, format)
            .map(Reading::Date)
            .map_err(|e| {
                format!(
                    "`{}` does not match the mapping's date_format \"{format}\" ({e})",
                    clip(text)
                )
            });
    }
    let split = text.find([' ', 'T']).unwrap_or(text.len());
    let (date_part, time_part) = text.split_at(split);
    if !time_part.is_empty() {
        check_time(&time_part[1..])
            .map_err(|why| format!("`{}` has no valid time of day: {why}", clip(text)))?;
    }
    let Some(parts) = split_parts(date_part) else {
        return Err(format!("{EXPECTED}, found `{}`", clip(text)));
    };
    to_date(parts, text, rule)
}

/// `YYYY-MM-DD`, alone or followed by `T`/space and a valid time: no allocation, no search.
fn fast_iso(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let m = digit(5)? * 10 + digit(6)?;
    let d = digit(8)? * 10 + digit(9)?;
    if b.len() > 10 {
        if !matches!(b[10], b' ' | b'T') {
            return None;
        }
        let time = std::str::from_utf8(&b[11..]).ok()?;
        check_time(time).ok()?;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The three numeric parts of a date and its separator.
#[derive(Clone, Copy)]
struct Parts<'t> {
    first: &'t str,
    second: &'t str,
    third: &'t str,
    sep: char,
}

/// Splits `a?b?c` where `?` is the same one of `-`, `/`, `.` and every part is ASCII digits.
fn split_parts(date: &str) -> Option<Parts<'_>> {
    let sep = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let mut pieces = date.split(sep);
    let parts = Parts {
        first: pieces.next()?,
        second: pieces.next()?,
        third: pieces.next()?,
        sep,
    };
    let all_digits = [parts.first, parts.second, parts.third]
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    (pieces.next().is_none() && all_digits).then_some(parts)
}

fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(0)
}

/// Orders the parts as year, month, day and builds the date, explaining what is wrong.
#[allow(clippy::many_single_char_names)] // y, m, d and the two parts a, b before the year
fn to_date(parts: Parts<'_>, text: &str, rule: &Rule) -> Result<Reading, String> {
    let shown = clip(text);
    let sep = parts.sep;
    if parts.first.len() == 4 {
        if parts.second.len() > 2 || parts.third.len() > 2 {
            return Err(format!("{EXPECTED}, found `{shown}`"));
        }
        let (y, m, d) = (
            number(parts.first),
            number(parts.second),
            number(parts.third),
        );
        return build(y, m, d, &shown).map(Reading::Date);
    }
    if parts.third.len() != 4 || parts.first.len() > 2 || parts.second.len() > 2 {
        if parts.third.len() <= 2 && parts.first.len() <= 2 {
            return Err(format!(
                "{EXPECTED}, found `{shown}` (the year must have 4 digits, like 31{sep}01{sep}2027)"
            ));
        }
        return Err(format!("{EXPECTED}, found `{shown}`"));
    }
    let (a, b, y) = (
        number(parts.first),
        number(parts.second),
        number(parts.third),
    );
    if *rule == Rule::Iso {
        return Err(format!(
            "`{shown}` has the year last, and the mapping says dates = \"iso\"; \
             export ISO dates (2027-05-14) or set `dates` to \"day-first\" or \"month-first\""
        ));
    }
    // Dots are day first everywhere they are written (Germany, Switzerland, Russia…).
    let fixed = match rule {
        _ if sep == '.' => Some(Order::DayFirst),
        Rule::Fixed(order) => Some(*order),
        _ => None,
    };
    if let Some(order) = fixed {
        let (m, d) = match order {
            Order::DayFirst => (b, a),
            Order::MonthFirst => (a, b),
        };
        if !(1..=12).contains(&m) {
            let why = match order {
                Order::DayFirst if sep == '.' => "dates with dots are day first",
                Order::DayFirst => "the mapping says dates = \"day-first\"",
                Order::MonthFirst => "the mapping says dates = \"month-first\"",
            };
            return Err(format!(
                "`{shown}` is not a date: {why}, and there is no month {m}"
            ));
        }
        return build(y, m, d, &shown).map(Reading::Date);
    }
    match (a > 12, b > 12) {
        (true, true) => Err(format!(
            "`{shown}` is not a date: neither {a} nor {b} is a month"
        )),
        (true, false) => build(y, b, a, &shown).map(|d| Reading::Shows(d, Order::DayFirst)),
        (false, true) => build(y, a, b, &shown).map(|d| Reading::Shows(d, Order::MonthFirst)),
        (false, false) => {
            let day_first = build(y, b, a, &shown)?;
            let month_first = build(y, a, b, &shown)?;
            if day_first == month_first {
                Ok(Reading::Date(day_first))
            } else {
                Ok(Reading::Ambiguous {
                    day_first,
                    month_first,
                })
            }
        }
    }
}

fn build(y: u32, m: u32, d: u32, shown: &str) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&m) {
        return Err(format!("`{shown}` is not a date: there is no month {m}"));
    }
    let year = i32::try_from(y).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| format!("`{shown}` is not a date: {y:04}-{m:02} has no day {d}"))
}

/// The text cut to at most `QUOTE_CHARS` characters, for quoting in a message.
fn clip(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;
