//! Spreading what remains of a target over the rest of its plan: the remaining gap (exact,
//! in whole units' scale) in proportion to the plan's whole-unit quotas after the as-of date,
//! rounded cumulatively (halves up). `goals track` (catch-up, at period ends) and
//! `goals replan` (day by day) both spread through here, so their figures agree.

use rust_decimal::Decimal;

use crate::plan::fixed::round_half_up;

/// The gap spread over checkpoints of the remaining plan.
#[derive(Debug, PartialEq, Eq)]
pub struct Spread {
    /// Whole units between consecutive checkpoints; they add up to the gap rounded.
    pub quota: Vec<i64>,
    /// The exact amount between consecutive checkpoints.
    pub exact: Vec<Decimal>,
    /// The exact gap that no remaining planned unit can carry (0 when the plan has some).
    pub unplaced: Decimal,
}

/// What remains: `total − done`, never below zero.
pub fn gap(total: Decimal, done: Decimal) -> Decimal {
    (total - done).max(Decimal::ZERO)
}

/// Spreads `gap` over the checkpoints of the remaining plan: `cumulative[i]` is the plan's
/// whole units from the day after the as-of date through checkpoint `i` (a day, or a period's
/// last day), ending with the whole remaining plan. The amount through checkpoint `i` is
/// `gap × cumulative[i] ÷ remaining plan`, rounded half up; each checkpoint gets the difference.
/// Checkpoints at days or at period ends give the same sums over every period. Without any
/// remaining planned unit the whole gap is `unplaced`.
pub fn spread(gap: Decimal, cumulative: &[i64]) -> Spread {
    let planned = cumulative.last().copied().unwrap_or(0);
    if planned <= 0 {
        return Spread {
            quota: vec![0; cumulative.len()],
            exact: vec![Decimal::ZERO; cumulative.len()],
            unplaced: gap,
        };
    }
    let per_unit = gap / Decimal::from(planned);
    let mut quota = Vec::with_capacity(cumulative.len());
    let mut exact = Vec::with_capacity(cumulative.len());
    let (mut before, mut rounded_before, mut units_before) = (Decimal::ZERO, 0, 0);
    for &units in cumulative {
        if units == units_before {
            quota.push(0);
            exact.push(Decimal::ZERO);
            continue;
        }
        let through = if units == planned {
            gap
        } else {
            per_unit * Decimal::from(units)
        };
        let rounded = round_half_up(through);
        quota.push(rounded - rounded_before);
        exact.push(through - before);
        (before, rounded_before, units_before) = (through, rounded, units);
    }
    Spread {
        quota,
        exact,
        unplaced: Decimal::ZERO,
    }
}

/// Running sums of `quota`: the cumulative form `spread` takes.
pub fn running(quota: &[i64]) -> Vec<i64> {
    let mut sum = 0_i64;
    quota
        .iter()
        .map(|q| {
            sum = sum.saturating_add(*q);
            sum
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn the_gap_follows_the_remaining_plan() {
        // 120k, 240k and 384k left in the plan; 500k to bring.
        let s = spread(d("500"), &running(&[120, 240, 384]));
        assert_eq!(s.quota, [81, 161, 258]);
        assert_eq!(s.quota.iter().sum::<i64>(), 500);
        assert_eq!(s.unplaced, Decimal::ZERO);
    }

    #[test]
    fn days_and_period_ends_round_alike() {
        let days = [0, 3, 1, 0, 2, 5, 0, 1];
        let by_day = spread(d("7.5"), &running(&days)).quota;
        let ends = running(&days);
        let by_period = spread(d("7.5"), &[ends[2], ends[5], ends[7]]).quota;
        assert_eq!(
            by_period,
            [
                by_day[..3].iter().sum::<i64>(),
                by_day[3..6].iter().sum(),
                by_day[6..].iter().sum()
            ]
        );
        assert_eq!(by_day.iter().sum::<i64>(), 8);
        assert_eq!(by_day[0], 0, "nothing on a day without plan");
    }

    #[test]
    fn without_a_remaining_plan_the_gap_is_unplaced() {
        let s = spread(d("12"), &[0, 0]);
        assert_eq!(s.quota, [0, 0]);
        assert_eq!(s.unplaced, d("12"));
        assert_eq!(spread(d("12"), &[]).unplaced, d("12"));
    }

    #[test]
    fn the_gap_is_never_negative() {
        assert_eq!(gap(d("10"), d("12")), Decimal::ZERO);
        assert_eq!(gap(d("10"), d("2.5")), d("7.5"));
    }
}
