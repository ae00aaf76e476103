//! Parsing of the dates that CRM exports write (`2027-01-31`, `31/01/2027 14:05`, ISO timestamps)
//! into a `chrono::NaiveDate`. It only turns one field's text into a date or an explanatory
//! message: it knows nothing of CSV files, columns, rows or time zones.

use chrono::NaiveDate;

/// Longest excerpt of the field quoted in an error message.
const QUOTE_CHARS: usize = 40;
const EXPECTED: &str = "expected a date like 2027-01-31 or 31/01/2027 (day first)";

/// Parses a date, optionally followed by a time that is checked to look like one and then ignored
/// (no time-zone conversion: `2027-01-31T23:30:00-05:00` is 2027-01-31, as written).
///
/// Accepted: year first `2027-01-31`, `2027/01/31`, `2027.01.31`; year last, always **day first**
/// as European CRMs write it: `31/01/2027`, `31.01.2027`, `31-01-2027`. Month and day may have
/// one or two digits; the year must have four. A time follows after a space or `T` and starts
/// `H:MM` (`14:05`, `14:05:09`, `14:05:09.123Z`, `14:05+02:00`, `2:05 PM`).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("{EXPECTED}, found an empty field"));
    }
    let split = trimmed.find([' ', 'T']).unwrap_or(trimmed.len());
    let (date_part, time_part) = trimmed.split_at(split);
    if !time_part.is_empty() && !looks_like_time(&time_part[1..]) {
        return Err(format!(
            "{EXPECTED}, found `{}` (after the date expected a time like 14:05)",
            clip(trimmed)
        ));
    }
    let Some(parts) = split_parts(date_part) else {
        return Err(format!("{EXPECTED}, found `{}`", clip(trimmed)));
    };
    to_date(parts, trimmed)
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
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (pieces.next().is_none() && all_digits).then_some(parts)
}

/// Orders the parts as year, month, day and builds the date, explaining what is wrong.
fn to_date(parts: Parts<'_>, text: &str) -> Result<NaiveDate, String> {
    let shown = clip(text);
    let (year, month, day, year_first) = if parts.first.len() == 4 {
        (parts.first, parts.second, parts.third, true)
    } else if parts.third.len() == 4 {
        (parts.third, parts.second, parts.first, false)
    } else if parts.third.len() <= 2 && parts.first.len() <= 2 {
        let sep = parts.sep;
        return Err(format!(
            "{EXPECTED}, found `{shown}` (the year must have 4 digits, like 31{sep}01{sep}2027)"
        ));
    } else {
        return Err(format!("{EXPECTED}, found `{shown}`"));
    };
    if month.len() > 2 || day.len() > 2 {
        return Err(format!("{EXPECTED}, found `{shown}`"));
    }
    let number = |digits: &str| digits.parse::<u32>().unwrap_or(0);
    let (y, m, d) = (number(year), number(month), number(day));
    if !(1..=12).contains(&m) {
        let sep = parts.sep;
        if !year_first && (1..=12).contains(&d) && (1..=31).contains(&m) {
            return Err(format!(
                "`{shown}` is not a date: dates with the year last are read day first \
                 (DD{sep}MM{sep}YYYY) and there is no month {m}; if the day is {m}, \
                 write {m:02}{sep}{d:02}{sep}{y:04} or {y:04}-{d:02}-{m:02}"
            ));
        }
        return Err(format!("`{shown}` is not a date: there is no month {m}"));
    }
    let y = i32::try_from(y).unwrap_or(0);
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| format!("`{shown}` is not a date: {y:04}-{m:02} has no day {d}"))
}

/// A time starts `H:MM` or `HH:MM` (hour at most 24, minutes at most 59); what follows (seconds, fraction, zone, AM/PM) must be printable
/// ASCII.
fn looks_like_time(time: &str) -> bool {
    let time = time.trim_start();
    let bytes = time.as_bytes();
    let hour_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hour_len) {
        return false;
    }
    let rest = &bytes[hour_len..];
    let hour = bytes[..hour_len]
        .iter()
        .fold(0, |h, b| h * 10 + u32::from(b - b'0'));
    let minutes_ok = rest.len() >= 3
        && rest[0] == b':'
        && (b'0'..=b'5').contains(&rest[1])
        && rest[2].is_ascii_digit();
    hour <= 24 && minutes_ok && rest[3..].iter().all(|b| b.is_ascii_graphic() || *b == b' ')
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
