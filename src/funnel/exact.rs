//! A day series of exact (unrounded) activity amounts that sums any run of days at once: the
//! days' decimals, and their running sums in integer fixed point at the 28th place, where
//! every decimal is exact. It knows nothing of dates, stages or output.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::plan::fixed::{EXACT_DP, from_fixed, to_fixed};

/// 10^-4 of a unit at the 28th place: the reports show exact amounts to four places.
const SHOWN: i128 = 10_i128.pow(EXACT_DP - 4);

/// Exact amounts by day, with running sums.
pub struct ExactDays {
    days: Vec<Decimal>,
    /// `prefix[d]` is the sum of `days[..d]` in units of 10^-28; `None` when a day is negative
    /// or the sums do not fit an `i128` (beyond about 10^10), and sums are then added up.
    prefix: Option<Vec<i128>>,
}

impl ExactDays {
    /// The series of `days`.
    pub fn new(days: Vec<Decimal>) -> Self {
        let mut prefix = Vec::with_capacity(days.len() + 1);
        let mut sum = 0_i128;
        prefix.push(sum);
        let fits = days.iter().all(|&x| {
            let next = to_fixed(x, EXACT_DP)
                .filter(|&v| v >= 0)
                .and_then(|v| sum.checked_add(v));
            if let Some(next) = next {
                sum = next;
                prefix.push(sum);
            }
            next.is_some()
        });
        ExactDays {
            days,
            prefix: fits.then_some(prefix),
        }
    }

    /// The amounts by day.
    pub fn days(&self) -> &[Decimal] {
        &self.days
    }

    /// Number of days.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether the series has no day.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// Whether every day is held in fixed point (none negative, their sum within an `i128`).
    pub fn is_fixed(&self) -> bool {
        self.prefix.is_some()
    }

    /// The running sums in units of 10^-28 (`days + 1` of them, from 0), when the series is
    /// held in fixed point.
    pub fn prefix(&self) -> Option<&[i128]> {
        self.prefix.as_deref()
    }

    /// Day `d` in units of 10^-28 (exact), when the series is held in fixed point.
    pub fn fixed(&self, d: usize) -> Option<i128> {
        let prefix = self.prefix.as_ref()?;
        Some(prefix.get(d + 1)? - prefix[d])
    }

    /// The sum of the days of `range` (clipped to the series): the exact sum, or the day-by-day
    /// decimal sum where the two could differ in the four places shown.
    ///
    /// A decimal sum rounds each partial sum to the 27 or 28 significant digits a `Decimal`
    /// holds, so over `n` days it strays from the exact sum by less than `n × 10^-27` times
    /// the sum's size. Where the exact sum is farther than ten times that (and a little more)
    /// from a midpoint of the fourth place, both round to the same four places and the exact
    /// sum is given; nearer, the decimal sum is.
    pub fn sum(&self, range: Range<usize>) -> Decimal {
        let range = range.start.min(self.len())..range.end.min(self.len());
        if range.is_empty() {
            return Decimal::ZERO;
        }
        let Some(prefix) = &self.prefix else {
            return self.days[range].iter().sum();
        };
        let sum = prefix[range.end] - prefix[range.start];
        let days = i128::try_from(range.len()).unwrap_or(i128::MAX);
        let slack = days
            .saturating_add(1)
            .saturating_mul(sum / 10_i128.pow(EXACT_DP - 2) + 1);
        if (sum % SHOWN - SHOWN / 2).abs() <= slack {
            return self.days[range].iter().sum();
        }
        from_fixed(sum, EXACT_DP)
    }

    /// Whether the days of `range` (clipped to the series) add up to zero.
    pub fn is_zero(&self, range: Range<usize>) -> bool {
        let range = range.start.min(self.len())..range.end.min(self.len());
        match &self.prefix {
            Some(prefix) => range.is_empty() || prefix[range.end] == prefix[range.start],
            None => self.sum(range).is_zero(),
        }
    }

    /// The sum of every day.
    pub fn total(&self) -> Decimal {
        self.sum(0..self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixed::round_dp;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    /// What the reports show of an amount.
    fn shown(x: Decimal) -> String {
        round_dp(x, 4).normalize().to_string()
    }

    #[test]
    fn sums_show_as_the_day_by_day_decimal_sum() {
        let third = Decimal::ONE / Decimal::from(3);
        let days = vec![
            third,
            dec("2.5"),
            Decimal::from(40) / Decimal::from(21),
            third,
            third,
        ];
        let series = ExactDays::new(days.clone());
        for a in 0..=days.len() {
            for b in a..=days.len() + 2 {
                let by_day: Decimal = days[a..b.min(days.len())].iter().sum();
                assert_eq!(shown(series.sum(a..b)), shown(by_day), "{a}..{b}");
            }
        }
        let (from, to) = (4, 2);
        assert_eq!(series.sum(from..to), Decimal::ZERO);
        assert!(series.is_zero(5..7));
        assert!(!series.is_zero(0..1));
    }

    #[test]
    fn near_a_midpoint_of_the_fourth_place_the_decimal_sum_is_given() {
        // These add up to 8.0000499999999999999999999995, which shows as 8; but a decimal
        // holds 8 with only 27 places, so their decimal sum is 8.00005 and shows as 8.0001.
        let days = vec![
            dec("4.0000249999999999999999999998"),
            dec("4.0000249999999999999999999997"),
        ];
        let by_day: Decimal = days.iter().sum();
        assert_eq!(shown(by_day), "8.0001");
        assert_eq!(shown(ExactDays::new(days).total()), "8.0001");
    }

    #[test]
    fn negative_or_huge_days_are_added_up() {
        let days = vec![dec("-1.25"), dec("0.5")];
        assert_eq!(ExactDays::new(days).total(), dec("-0.75"));
        let huge = vec![Decimal::from(10_i64.pow(12)); 2];
        assert_eq!(
            ExactDays::new(huge).total(),
            Decimal::from(2 * 10_i64.pow(12))
        );
        assert!(ExactDays::new(vec![dec("-1"), dec("1")]).is_zero(0..2));
    }
}
