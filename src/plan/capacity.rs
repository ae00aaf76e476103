//! A rep's capacity day by day: `fte × ramp factor` on days the rep is active, 0 before its
//! start, after its end and during time off. Tenure month 1 is the month the rep starts.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::model::Rep;

/// The rep's capacity on `day` (0 to 1).
pub fn capacity_on(rep: &Rep, day: NaiveDate) -> Decimal {
    if !is_active(rep, day) {
        return Decimal::ZERO;
    }
    rep.fte * ramp_factor(rep, day)
}

/// Whether the rep works for the plan on `day`.
pub fn is_active(rep: &Rep, day: NaiveDate) -> bool {
    let started = rep.start.as_ref().is_none_or(|s| day >= s.value);
    let not_left = rep.end.as_ref().is_none_or(|e| day <= e.value);
    let away = rep
        .time_off
        .iter()
        .any(|&(from, to)| (from..=to).contains(&day));
    started && not_left && !away
}

/// The ramp factor of the rep's tenure month containing `day`; 1 after the ramp list.
pub fn ramp_factor(rep: &Rep, day: NaiveDate) -> Decimal {
    let Some(start) = &rep.start else {
        return Decimal::ONE;
    };
    let months = (day.year() - start.value.year()) * 12 + i32::try_from(day.month()).unwrap_or(0)
        - i32::try_from(start.value.month()).unwrap_or(0);
    usize::try_from(months)
        .ok()
        .and_then(|m| rep.ramp.get(m))
        .copied()
        .unwrap_or(Decimal::ONE)
}

/// A rep's capacity as runs of equal value: (first day index, last day index, capacity), in
/// day order, covering every day.
pub type Runs = Vec<(usize, usize, Decimal)>;

/// The rep's capacity on the `days` days from `start`, as runs. The capacity can only change
/// where the rep starts or ends, at a month boundary of its ramp, or around time off, so only
/// those days are looked at.
pub fn capacity_runs(rep: &Rep, start: NaiveDate, days: usize) -> Runs {
    let changes = change_days(rep, start, days);
    let mut runs: Runs = Vec::with_capacity(changes.len());
    for (k, &from) in changes.iter().enumerate() {
        let to = changes.get(k + 1).map_or(days - 1, |next| next - 1);
        let c = capacity_on(rep, start + chrono::Days::new(from as u64));
        match runs.last_mut() {
            Some((_, end, value)) if *value == c => *end = to,
            _ => runs.push((from, to, c)),
        }
    }
    runs
}

/// [`capacity_on`] for each of the `days` days from `start`, worked out once for each stretch
/// between two days where it can change: every day of a stretch takes the same factors, so
/// the very same decimal.
pub fn capacity_each_day(rep: &Rep, start: NaiveDate, days: usize) -> Vec<Decimal> {
    let changes = change_days(rep, start, days);
    let mut out = Vec::with_capacity(days);
    for (k, &from) in changes.iter().enumerate() {
        let to = changes.get(k + 1).map_or(days, |&next| next);
        let c = capacity_on(rep, start + chrono::Days::new(from as u64));
        out.resize(to, c);
    }
    out
}

/// The days (indices from `start`, the first included, ascending) where the rep's capacity
/// can change: where it starts or ends, at a month boundary of its ramp, and around time off.
fn change_days(rep: &Rep, start: NaiveDate, days: usize) -> Vec<usize> {
    if days == 0 {
        return Vec::new();
    }
    let index = |day: NaiveDate| usize::try_from((day - start).num_days()).ok();
    let mut changes = vec![0];
    if let Some(first) = &rep.start {
        changes.extend(index(first.value));
        let mut month = first.value.with_day(1);
        for _ in 0..=rep.ramp.len() {
            month = month.and_then(|m| m.checked_add_months(chrono::Months::new(1)));
            changes.extend(month.and_then(index));
        }
    }
    if let Some(last) = &rep.end {
        changes.extend(last.value.succ_opt().and_then(index));
    }
    for &(from, to) in &rep.time_off {
        changes.extend(index(from));
        changes.extend(to.succ_opt().and_then(index));
    }
    changes.retain(|&i| i < days);
    changes.sort_unstable();
    changes.dedup();
    changes
}

/// The rep's share factor of team targets on the `days` days from `start`, as runs:
/// capacity × `weight` (a bigger territory carries more). Achievability uses capacity alone.
pub fn share_runs(rep: &Rep, start: NaiveDate, days: usize) -> Runs {
    let mut runs = capacity_runs(rep, start, days);
    if rep.weight != Decimal::ONE {
        for run in &mut runs {
            run.2 *= rep.weight;
        }
    }
    runs
}

/// The runs as one capacity per day.
pub fn dense(runs: &Runs, days: usize) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; days];
    for &(from, to, c) in runs {
        out[from..=to].fill(c);
    }
    out
}

/// The sum of every rep's capacity on each day.
pub fn totals(runs: &[Runs], days: usize) -> Vec<Decimal> {
    let mut change = vec![Decimal::ZERO; days + 1];
    for &(from, to, c) in runs.iter().flatten() {
        change[from] += c;
        change[to + 1] -= c;
    }
    let mut total = Decimal::ZERO;
    change[..days]
        .iter()
        .map(|c| {
            total += c;
            total
        })
        .collect()
}

/// Shares given day by day (`[rep][day]`, as a funnel's landed activity is) as runs the split
/// reads: each day scaled so that its largest share is 1, which keeps six significant digits
/// of the proportions however small the amounts.
pub fn runs_of_rows(rows: &[Vec<Decimal>]) -> Vec<Runs> {
    let days = rows.first().map_or(0, Vec::len);
    let largest: Vec<Decimal> = (0..days)
        .map(|d| {
            rows.iter()
                .map(|row| row[d])
                .fold(Decimal::ZERO, Decimal::max)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let mut runs: Runs = Vec::new();
            for (d, (&x, &top)) in row.iter().zip(&largest).enumerate() {
                // The largest share is 1 without a division (most reps hold it on most days).
                let c = if top > Decimal::ZERO && x > Decimal::ZERO {
                    if x == top { Decimal::ONE } else { x / top }
                } else {
                    Decimal::ZERO
                };
                match runs.last_mut() {
                    Some((_, to, value)) if *value == c => *to = d,
                    _ => runs.push((d, d, c)),
                }
            }
            runs
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sp;

    fn rep(start: Option<&str>, ramp: &[&str]) -> Rep {
        let date = |s: &str| Sp::new(s.parse::<NaiveDate>().unwrap(), 0..0);
        Rep {
            id: Sp::new("r".into(), 0..0),
            name: None,
            aliases: vec![],
            team: None,
            fte: "0.5".parse().unwrap(),
            start: start.map(date),
            end: None,
            ramp: ramp.iter().map(|r| r.parse().unwrap()).collect(),
            hours_per_week: None,
            selling_share: Decimal::ONE,
            time_off: vec![("2027-08-09".parse().unwrap(), "2027-08-20".parse().unwrap())],
            weight: Decimal::ONE,
            crm_id: None,
        }
    }

    #[test]
    fn runs_match_the_day_by_day_capacity() {
        let r = rep(Some("2027-07-15"), &["0.25", "0.5"]);
        let start = "2027-06-20".parse::<NaiveDate>().unwrap();
        let runs = capacity_runs(&r, start, 200);
        let by_day: Vec<Decimal> = start
            .iter_days()
            .take(200)
            .map(|d| capacity_on(&r, d))
            .collect();
        assert_eq!(dense(&runs, 200), by_day);
        let each: Vec<[u8; 16]> = capacity_each_day(&r, start, 200)
            .iter()
            .map(Decimal::serialize)
            .collect();
        let by_day_bits: Vec<[u8; 16]> = by_day.iter().map(Decimal::serialize).collect();
        assert_eq!(each, by_day_bits, "the very same decimals");
        // Equal factors written differently stay as each day writes them.
        let r = rep(Some("2027-07-15"), &["0.5", "0.50", "0.500"]);
        let bits = |v: &[Decimal]| v.iter().map(Decimal::serialize).collect::<Vec<_>>();
        let by_day: Vec<Decimal> = start
            .iter_days()
            .take(200)
            .map(|d| capacity_on(&r, d))
            .collect();
        assert_eq!(bits(&capacity_each_day(&r, start, 200)), bits(&by_day));
        assert!(
            runs.windows(2)
                .all(|w| w[0].2 != w[1].2 && w[0].1 + 1 == w[1].0)
        );
        let early = capacity_runs(&r, "2027-01-01".parse().unwrap(), 30);
        assert_eq!(early, vec![(0, 29, Decimal::ZERO)]);
    }

    #[test]
    fn ramp_follows_tenure_months() {
        let r = rep(Some("2027-07-15"), &["0.25", "0.5"]);
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(capacity_on(&r, day("2027-07-14")), Decimal::ZERO);
        assert_eq!(capacity_on(&r, day("2027-07-15")).to_string(), "0.125");
        assert_eq!(capacity_on(&r, day("2027-08-02")).to_string(), "0.25");
        assert_eq!(
            capacity_on(&r, day("2027-08-10")),
            Decimal::ZERO,
            "time off"
        );
        assert_eq!(capacity_on(&r, day("2027-09-01")).to_string(), "0.5");
    }
}
