//! The seasonality profile of a year of history: each calendar month's share of the year in
//! percent with two decimals, by the largest-remainder method so the twelve add up to exactly
//! 100.00 (ties go to the earlier month of the fiscal year). A month without history, or
//! whose total is not above zero, weighs the mean of the others (a profile needs positive
//! weights).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::MonthHistory;
use crate::plan::fixed::round_dp;

/// Hundredths of a percent in the whole year.
const WHOLE: i64 = 10_000;

/// Weights of January..December, or `None` when no month has a positive total.
pub fn profile(months: &[MonthHistory], fiscal_year_start: u32) -> Option<[Decimal; 12]> {
    let mut values = [None; 12];
    for m in months.iter().filter(|m| !m.imputed()) {
        values[(m.month - 1) as usize] = Some(m.team);
    }
    let known: Vec<Decimal> = values.iter().flatten().copied().collect();
    if known.is_empty() {
        return None;
    }
    let mean = known.iter().sum::<Decimal>() / Decimal::from(known.len());
    let values = values.map(|v| v.unwrap_or(mean));
    let total: Decimal = values.iter().sum();
    let exact = values.map(|v| v * Decimal::from(WHOLE) / total);
    let mut hundredths = exact.map(|e| e.floor().to_i64().unwrap_or(0));
    let short = WHOLE - hundredths.iter().sum::<i64>();
    // Months by remainder, largest first; ties to the earlier month of the fiscal year.
    let fiscal = |m: usize| (m + 12 - (fiscal_year_start.clamp(1, 12) as usize - 1)) % 12;
    let mut order: Vec<usize> = (0..12).collect();
    order.sort_by(|&a, &b| {
        // Snapped, so 1/3 written with 27 or 28 digits is the same remainder.
        let rest = |m: usize| round_dp(exact[m] - exact[m].floor(), 12);
        let (ra, rb) = (rest(a), rest(b));
        rb.cmp(&ra).then(fiscal(a).cmp(&fiscal(b)))
    });
    for &m in order.iter().take(usize::try_from(short).unwrap_or(0)) {
        hundredths[m] += 1;
    }
    Some(hundredths.map(|h| Decimal::new(h, 2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(values: [i64; 12], first_month: u32) -> Vec<MonthHistory> {
        (0..12)
            .map(|i| {
                let month = (first_month - 1 + i) % 12 + 1;
                MonthHistory {
                    label: format!("m{month}"),
                    month,
                    team: Decimal::from(values[(month - 1) as usize]),
                    no_history: values[(month - 1) as usize] == 0,
                    reps: Vec::new(),
                }
            })
            .collect()
    }

    fn text(weights: [Decimal; 12]) -> Vec<String> {
        weights.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn twelve_equal_months_give_the_extra_hundredths_to_the_first_of_the_fiscal_year() {
        let calendar = profile(&months([1; 12], 1), 1).unwrap();
        assert_eq!(
            text(calendar)[..5],
            ["8.34", "8.34", "8.34", "8.34", "8.33"]
        );
        // A fiscal year from April: April to July get them.
        let fiscal = profile(&months([1; 12], 4), 4).unwrap();
        let t = text(fiscal);
        assert_eq!(t[0], "8.33", "January is the tenth month of that year");
        assert_eq!(t[3..8], ["8.34", "8.34", "8.34", "8.34", "8.33"]);
        assert_eq!(fiscal.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
    }

    #[test]
    fn a_month_without_history_weighs_the_mean_and_no_history_gives_no_profile() {
        let mut values = [30; 12];
        values[5] = 0;
        let weights = profile(&months(values, 1), 1).unwrap();
        assert_eq!(weights[5], weights[6]);
        assert_eq!(weights.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
        assert!(profile(&months([0; 12], 1), 1).is_none());
    }
}
