//! The digits and separators of a number once its sign and currency are off: which of `.`
//! and `,` is the decimal separator and which groups thousands (with space, no-break space or
//! apostrophe groups), checked groups of three, and the exact mantissa and scale.

use super::{DecimalStyle, MAX_DIGITS};

/// Space-like thousands separators: space, no-break space, narrow no-break space, thin space.
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// What one pass over the digits and separators found.
pub(super) struct Layout {
    dots: usize,
    commas: usize,
    last_dot: usize,
    last_comma: usize,
    spaces: bool,
    apostrophes: bool,
}

impl Layout {
    pub(super) fn scan(core: &str) -> Result<Self, String> {
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
    pub(super) fn separators(
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
pub(super) fn digits(
    core: &str,
    dec: Option<char>,
    group: Option<char>,
) -> Result<(i128, u32), &'static str> {
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
