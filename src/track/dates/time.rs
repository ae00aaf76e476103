//! The time of day that may follow a date in an export (`16:32`, `16:32:10.5Z`, `4:32 PM`,
//! `14:05+02:00`): checked to be a real time, then dropped; only its message is worded here.

use super::{clip, number};

/// Checks a time of day: `H:MM` or `HH:MM`, optional `:SS` and fraction, optional ` AM`/` PM`,
/// optional zone (`Z`, `+02:00`, `+0200`, `UTC`, `CEST`). Hours 0-23 (1-12 with AM/PM),
/// minutes and seconds 0-59.
pub(super) fn check_time(time: &str) -> Result<(), String> {
    let b = time.trim().as_bytes();
    let mut i = 0;
    let two = |i: &mut usize, max_len: usize| -> Option<u32> {
        let start = *i;
        while *i < b.len() && *i - start < max_len && b[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > start).then(|| number(std::str::from_utf8(&b[start..*i]).unwrap_or("")))
    };
    let hour = two(&mut i, 2).ok_or("expected a time like 14:05")?;
    if b.get(i) != Some(&b':') {
        return Err("expected a time like 14:05".into());
    }
    i += 1;
    let start = i;
    let minute = two(&mut i, 2)
        .filter(|_| i - start == 2)
        .ok_or("expected two digits of minutes")?;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        i += 1;
        let start = i;
        second = two(&mut i, 2)
            .filter(|_| i - start == 2)
            .ok_or("expected two digits of seconds")?;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err("expected digits after the seconds' decimal point".into());
            }
        }
    }
    if minute > 59 {
        return Err(format!("there is no minute {minute}"));
    }
    if second > 59 {
        return Err(format!("there is no second {second}"));
    }
    let rest = std::str::from_utf8(&b[i..]).unwrap_or("").trim_start();
    let (twelve_hour, zone) = match rest.get(..2).map(str::to_ascii_uppercase).as_deref() {
        Some("AM" | "PM") => (true, rest[2..].trim_start()),
        _ => (false, rest),
    };
    if twelve_hour && !(1..=12).contains(&hour) {
        return Err(format!("there is no hour {hour} on a 12-hour clock"));
    }
    if hour > 23 {
        return Err(format!("there is no hour {hour}"));
    }
    if zone_ok(zone) {
        Ok(())
    } else {
        Err(format!("unexpected `{}` after the time", clip(zone)))
    }
}

/// Nothing, `Z`, an offset (`+02:00`, `-0500`, `+02`) or a zone abbreviation (`UTC`, `CEST`).
fn zone_ok(zone: &str) -> bool {
    let b = zone.as_bytes();
    match b {
        [] | [b'Z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let digits: Vec<u8> = rest.iter().copied().filter(|c| *c != b':').collect();
            let colons = rest.len() - digits.len();
            matches!(digits.len(), 2 | 4)
                && colons <= 1
                && digits.iter().all(u8::is_ascii_digit)
                && number(std::str::from_utf8(&digits[..2]).unwrap_or("99")) <= 14
        }
        _ => (2..=5).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase),
    }
}
