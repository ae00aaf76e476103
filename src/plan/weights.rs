//! The time split: gives every day a weight and turns a target amount into exact (unrounded)
//! amounts per day. It owns no rounding to whole units and must never use floating point.

use std::ops::Range;

use rust_decimal::Decimal;

use chrono::{Datelike, NaiveDate};

use super::calendar::{
    CalendarRules, Granularity, add_days, day_count, month_bounds, period_containing, periods,
};

/// How an amount is spread over time.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// Every calendar month weighs the same, spread evenly over the workdays of the whole month.
    Even,
    /// Weight 1 on every workday and 0 otherwise (also in a month without any workday).
    Workdays,
    /// Weight 1 on every calendar day.
    Calendar,
    /// Relative weights of January..December (all > 0; a non-positive entry weighs 0), each spread
    /// evenly over the workdays of the whole month.
    Profile([Decimal; 12]),
}

/// Exact amount for every day of [`start`, `end`] (index 0 = `start`), in the caller's units
/// (money already scaled to minor units). With `per == None`, `amount` is the total over the range,
/// spread in proportion to the day weights; with `per == Some(p)`, every unclipped period of
/// granularity `p` gets `amount` × (its weight inside the range) / (its whole weight), spread by
/// weight. All zeros when the relevant weight is 0; empty when `end < start`.
/// The days sum to the intended total within 1e-12 for amounts up to 1e12 units (the error
/// grows with the amount: about 1e-12 at 1e15).
pub fn daily_amounts(
    rules: &CalendarRules,
    split: &Split,
    per: Option<Granularity>,
    amount: Decimal,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Decimal> {
    Shape::new(rules, split, per, start, end).amounts(amount)
}

/// What [`daily_amounts`] works out of the calendar, whatever the amount: the weight of each
/// day, and the stretches (periods of `per`, or the whole range) that each get their share
/// of the amount. Targets with the same split and dates share it.
#[derive(Debug)]
pub struct Shape {
    weights: Vec<Decimal>,
    /// Each stretch: its days in `weights`, their total weight, and `None` when it takes the
    /// whole amount, else the weight of its whole period (the stretch is clipped).
    stretches: Vec<(Range<usize>, Decimal, Option<Decimal>)>,
}

impl Shape {
    pub fn new(
        rules: &CalendarRules,
        split: &Split,
        per: Option<Granularity>,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Self {
        if end < start {
            return Shape {
                weights: Vec::new(),
                stretches: Vec::new(),
            };
        }
        let Some(by) = per else {
            let weights = day_weights(rules, split, start, end);
            let total: Decimal = weights.iter().sum();
            let stretches = vec![(0..weights.len(), total, None)];
            return Shape { weights, stretches };
        };
        let lo = period_containing(rules, by, start).start;
        let hi = period_containing(rules, by, end).end;
        let weights = day_weights(rules, split, lo, hi);
        let idx = |d: NaiveDate| day_count(lo, d) - 1;
        let stretches = periods(rules, by, start, end)
            .iter()
            .map(|p| {
                let full = period_containing(rules, by, p.start);
                let whole: Decimal = weights[idx(full.start)..=idx(full.end)].iter().sum();
                let inside = idx(p.start)..idx(p.end) + 1;
                let inside_total: Decimal = weights[inside.clone()].iter().sum();
                // A whole period gets exactly the amount; a weightless one zeros.
                let part = (inside_total != whole && !whole.is_zero()).then_some(whole);
                (inside, inside_total, part)
            })
            .collect();
        Shape { weights, stretches }
    }

    /// The exact amount of every day when the whole range carries `amount`.
    pub fn amounts(&self, amount: Decimal) -> Vec<Decimal> {
        let mut out = Vec::with_capacity(self.stretches.iter().map(|s| s.0.len()).sum());
        for (days, total, whole) in &self.stretches {
            let share = whole.map_or(amount, |whole| mul_div(amount, *total, whole));
            out.extend(spread(share, &self.weights[days.clone()], *total));
        }
        out
    }
}

/// `a × b / c` (with `c > 0`), multiplying first to keep precision; falls back to
/// `a × (b / c)` when the product would overflow, saturating at the Decimal range.
fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Decimal {
    match a.checked_mul(b) {
        Some(p) => p.checked_div(c).unwrap_or(Decimal::MAX),
        None => a.saturating_mul(b / c),
    }
}

/// `amount` spread over `w` in proportion (`total` = Σ w); all zeros when `total` is 0.
/// Days of one month mostly weigh the same, so a weight equal (to the bit) to the previous
/// one takes the previous day's amount instead of computing it again.
fn spread(amount: Decimal, w: &[Decimal], total: Decimal) -> Vec<Decimal> {
    if total <= Decimal::ZERO {
        return vec![Decimal::ZERO; w.len()];
    }
    let mut last: Option<([u8; 16], Decimal)> = None;
    w.iter()
        .map(|&x| {
            if x.is_zero() {
                return x;
            }
            let bits = x.serialize();
            match last {
                Some((b, day)) if b == bits => day,
                _ => {
                    let day = mul_div(amount, x, total);
                    last = Some((bits, day));
                    day
                }
            }
        })
        .collect()
}

/// Weight of every day of [`from`, `to`] under `split` (index 0 = `from`); each day's weight
/// depends only on the day and its whole calendar month, never on the range. Weights are
/// in 0..=1 (Profile weights are normalised by the sum of the profile). Empty when `to < from`.
pub fn day_weights(
    rules: &CalendarRules,
    split: &Split,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Decimal> {
    if to < from {
        return Vec::new();
    }
    match split {
        Split::Calendar => vec![Decimal::ONE; day_count(from, to)],
        Split::Workdays => from
            .iter_days()
            .take(day_count(from, to))
            .map(|d| {
                if rules.is_workday(d) {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                }
            })
            .collect(),
        Split::Even => monthly_weights(rules, from, to, |_| Decimal::ONE, Decimal::ONE),
        Split::Profile(p) => {
            let clean = p.map(|x| x.max(Decimal::ZERO));
            let sum: Decimal = clean.iter().sum();
            if sum.is_zero() {
                return vec![Decimal::ZERO; day_count(from, to)];
            }
            monthly_weights(rules, from, to, |m| clean[m as usize - 1], sum)
        }
    }
}

/// Weights for month-based splits: a month weighs `month_weight(month) / scale`, spread evenly
/// over the workdays of the whole month, or over all its days when it has no workday.
fn monthly_weights(
    rules: &CalendarRules,
    from: NaiveDate,
    to: NaiveDate,
    month_weight: impl Fn(u32) -> Decimal,
    scale: Decimal,
) -> Vec<Decimal> {
    let mut out = Vec::with_capacity(day_count(from, to));
    let mut cur = from;
    while cur <= to {
        let (first, last) = month_bounds(cur);
        let days = day_count(first, last);
        let workdays = first
            .iter_days()
            .take(days)
            .filter(|&d| rules.is_workday(d))
            .count();
        let mw = month_weight(cur.month());
        let (on_workday, on_other) = if workdays == 0 {
            let w = mw / (scale * Decimal::from(days));
            (w, w)
        } else {
            (mw / (scale * Decimal::from(workdays)), Decimal::ZERO)
        };
        let stop = last.min(to);
        for d in cur.iter_days().take(day_count(cur, stop)) {
            out.push(if rules.is_workday(d) {
                on_workday
            } else {
                on_other
            });
        }
        if stop >= to {
            break;
        }
        cur = add_days(stop, 1);
    }
    out
}
