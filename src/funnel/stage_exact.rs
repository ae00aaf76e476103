//! A stage's exact amounts by day, each rep's and the team's. An activity stage's team is the
//! sum of its reps: it is summed in fixed point, where the sums are exact, and the day-by-day
//! decimal sums that every quota, share and shown amount was first worked from are worked out
//! only where the places that matter are in doubt, so every result stays the same.

use std::ops::Range;

use rust_decimal::Decimal;

use super::exact::ExactDays;
use crate::plan::capacity::{Runs, runs_of_rows};
use crate::plan::fixed::{EXACT_DP, div_round, from_fixed};

/// Places of a day's team amount that its whole units and its split read: `to_fixed(x, 18)`.
const QUOTA_DP: u32 = 18;

/// A stage's exact amounts: each rep's days and the team's.
pub struct StageExact {
    /// `[rep]`, in the order of `Resolved::reps`.
    pub reps: Vec<ExactDays>,
    team: Team,
}

enum Team {
    /// The team's own days (the outcome, as the plan decomposed it).
    Own(ExactDays),
    /// The sum of the reps' days: running sums of the exact sums, in units of 10^-28.
    OfReps(Vec<i128>),
}

impl StageExact {
    /// A stage whose team has days of its own.
    pub fn own(team: ExactDays, reps: Vec<ExactDays>) -> Self {
        StageExact {
            reps,
            team: Team::Own(team),
        }
    }

    /// A stage whose team is the sum of its reps, day by day (each day's decimal sum adds the
    /// reps in order).
    pub fn of_reps(reps: Vec<ExactDays>) -> Self {
        let len = reps.first().map_or(0, ExactDays::len);
        let mut prefix = Vec::with_capacity(len + 1);
        prefix.push(0_i128);
        let mut sum = 0_i128;
        for d in 0..len {
            let Some(day) = reps
                .iter()
                .try_fold(0_i128, |t, r| t.checked_add(r.fixed(d)?))
                .and_then(|day| sum.checked_add(day))
            else {
                // Beyond fixed point: the team keeps the decimal sums, as they were.
                let team = (0..len).map(|d| decimal_day(&reps, d)).collect();
                return StageExact::own(ExactDays::new(team), reps);
            };
            sum = day;
            prefix.push(sum);
        }
        StageExact {
            reps,
            team: Team::OfReps(prefix),
        }
    }

    /// Number of days.
    pub fn len(&self) -> usize {
        match &self.team {
            Team::Own(days) => days.len(),
            Team::OfReps(prefix) => prefix.len() - 1,
        }
    }

    /// Whether the stage has no day.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The team's amount of every day, for its whole units and the split among reps: the
    /// decimal sum of the reps, or a decimal that agrees with it to the 18 places those read.
    pub fn team_days(&self) -> Vec<Decimal> {
        let prefix = match &self.team {
            Team::Own(days) => return days.days().to_vec(),
            Team::OfReps(prefix) => prefix,
        };
        let unit = 10_i128.pow(EXACT_DP - QUOTA_DP);
        let terms = i128::try_from(self.reps.len()).unwrap_or(i128::MAX);
        (0..self.len())
            .map(|d| {
                let sum = prefix[d + 1] - prefix[d];
                let rounded = div_round(sum, unit);
                if near_midpoint(sum, unit, terms) {
                    decimal_day(&self.reps, d)
                } else {
                    Decimal::try_from_i128_with_scale(rounded, QUOTA_DP)
                        .unwrap_or_else(|_| decimal_day(&self.reps, d))
                }
            })
            .collect()
    }

    /// The team's sum over the days of `range` (clipped): what adding up its day-by-day decimal
    /// sums shows, to four places (see [`ExactDays::sum`]).
    pub fn team_sum(&self, range: Range<usize>) -> Decimal {
        let prefix = match &self.team {
            Team::Own(days) => return days.sum(range),
            Team::OfReps(prefix) => prefix,
        };
        let range = range.start.min(self.len())..range.end.min(self.len());
        if range.is_empty() {
            return Decimal::ZERO;
        }
        let sum = prefix[range.end] - prefix[range.start];
        // Each day's decimal sum adds every rep, then the days are added.
        let days = i128::try_from(range.len()).unwrap_or(i128::MAX);
        let reps = i128::try_from(self.reps.len()).unwrap_or(i128::MAX);
        let terms = days.saturating_mul(reps.saturating_add(1));
        if near_midpoint(sum, 10_i128.pow(EXACT_DP - 4), terms) {
            return range.map(|d| decimal_day(&self.reps, d)).sum();
        }
        from_fixed(sum, EXACT_DP)
    }

    /// The team's sum over every day.
    pub fn team_total(&self) -> Decimal {
        self.team_sum(0..self.len())
    }

    /// Whether the team's days of `range` (clipped) add up to zero.
    pub fn team_is_zero(&self, range: Range<usize>) -> bool {
        match &self.team {
            Team::Own(days) => days.is_zero(range),
            Team::OfReps(prefix) => {
                let range = range.start.min(self.len())..range.end.min(self.len());
                range.is_empty() || prefix[range.end] == prefix[range.start]
            }
        }
    }

    /// Each rep's shares as runs for the split, exactly as [`runs_of_rows`] gives them for the
    /// reps' days:
    /// each day scaled so that its largest share is 1. The largest share is found in fixed
    /// point; only the shares below it take a division.
    pub fn runs(&self) -> Vec<Runs> {
        let Some(prefixes) = self
            .reps
            .iter()
            .map(ExactDays::prefix)
            .collect::<Option<Vec<_>>>()
        else {
            let rows: Vec<Vec<Decimal>> = self.reps.iter().map(|r| r.days().to_vec()).collect();
            return runs_of_rows(&rows);
        };
        let mut runs: Vec<Runs> = vec![Vec::new(); self.reps.len()];
        for d in 0..self.len() {
            let share = |prefix: &[i128]| prefix[d + 1] - prefix[d];
            // The first rep with the largest share, as `fold(Decimal::ZERO, Decimal::max)`.
            let (mut top, mut largest) = (0, 0);
            for (r, prefix) in prefixes.iter().enumerate() {
                if largest < share(prefix) {
                    (top, largest) = (r, share(prefix));
                }
            }
            for ((rep, prefix), out) in self.reps.iter().zip(&prefixes).zip(&mut runs) {
                let v = share(prefix);
                let c = if largest > 0 && v > 0 {
                    if v == largest {
                        Decimal::ONE
                    } else {
                        rep.days()[d] / self.reps[top].days()[d]
                    }
                } else {
                    Decimal::ZERO
                };
                match out.last_mut() {
                    Some((_, to, value)) if *value == c => *to = d,
                    _ => out.push((d, d, c)),
                }
            }
        }
        runs
    }
}

/// The day's decimal sum of the reps, in order, as the team's days were first added up.
fn decimal_day(reps: &[ExactDays], d: usize) -> Decimal {
    let mut day = Decimal::ZERO;
    for r in reps {
        day += r.days()[d];
    }
    day
}

/// Whether a decimal sum of `terms` additions that comes to `sum` (exactly, in units of
/// 10^-28) could round otherwise than `sum` at places of `unit`: a decimal addition strays by
/// less than 10^-27 times the sum's size (see [`ExactDays::sum`]); ten times that, and a
/// little more, is kept off the midpoints.
fn near_midpoint(sum: i128, unit: i128, terms: i128) -> bool {
    let slack = terms
        .saturating_add(1)
        .saturating_mul(sum.abs() / 10_i128.pow(EXACT_DP - 2) + 1);
    (sum.rem_euclid(unit) - unit / 2).abs() <= slack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixed::{round_dp, to_fixed};

    fn dec(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    fn of_reps(rows: &[&[&str]]) -> StageExact {
        StageExact::of_reps(
            rows.iter()
                .map(|row| ExactDays::new(row.iter().map(|x| dec(x)).collect()))
                .collect(),
        )
    }

    /// What adding up the reps' days, then the team's days, gives (what the team was).
    fn by_day(stage: &StageExact, range: Range<usize>) -> Decimal {
        range.map(|d| decimal_day(&stage.reps, d)).sum()
    }

    #[test]
    fn the_team_reads_as_the_sum_of_its_reps() {
        let stage = of_reps(&[
            &[
                "0.3333333333333333333333333333",
                "2.5",
                "0",
                "1.9047619047619047619047619048",
            ],
            &[
                "0.6666666666666666666666666667",
                "2.50",
                "0",
                "0.9523809523809523809523809524",
            ],
            &["0.5", "0", "0", "7.6190476190476190476190476190"],
        ]);
        for (d, day) in stage.team_days().into_iter().enumerate() {
            assert_eq!(
                to_fixed(day, QUOTA_DP),
                to_fixed(decimal_day(&stage.reps, d), QUOTA_DP)
            );
            for e in d..=stage.len() {
                let shown = |x: Decimal| round_dp(x, 4).normalize().to_string();
                assert_eq!(shown(stage.team_sum(d..e)), shown(by_day(&stage, d..e)));
            }
        }
        assert!(stage.team_is_zero(2..3));
        assert!(!stage.team_is_zero(1..3));
    }

    #[test]
    fn near_a_midpoint_the_decimal_sums_are_worked_out() {
        // 8.0000000000000000004999999999 exactly, but 8.0000000000000000005 as a decimal
        // (27 places), which its whole units read as 8.000000000000000001 at 18 places.
        let quota = of_reps(&[
            &["4.0000000000000000002499999999"],
            &["4.00000000000000000025"],
        ]);
        assert_eq!(
            to_fixed(quota.team_days()[0], QUOTA_DP),
            Some(8_000_000_000_000_000_001)
        );
        // 8.0000499999999999999999999995 exactly shows as 8; its decimal sum shows 8.0001.
        let shown = of_reps(&[
            &["4.0000249999999999999999999998"],
            &["4.0000249999999999999999999997"],
        ]);
        assert_eq!(
            round_dp(shown.team_total(), 4).normalize().to_string(),
            "8.0001"
        );
    }

    #[test]
    fn runs_are_those_of_the_reps_days() {
        let rows: &[&[&str]] = &[
            &[
                "1",
                "0.5",
                "0",
                "2.50",
                "0.3333333333333333333333333333",
                "3",
                "3",
            ],
            &[
                "0.5",
                "0.5",
                "0",
                "2.5",
                "0.6666666666666666666666666667",
                "0",
                "1.5",
            ],
            &[
                "1",
                "0.25",
                "0",
                "1.25",
                "0.6666666666666666666666666667",
                "3",
                "1.5",
            ],
        ];
        let stage = of_reps(rows);
        let decimals: Vec<Vec<Decimal>> = rows
            .iter()
            .map(|row| row.iter().map(|x| dec(x)).collect())
            .collect();
        assert_eq!(stage.runs(), runs_of_rows(&decimals));
        let negative = of_reps(&[&["1", "-1"], &["2", "1"]]);
        let decimals = vec![vec![dec("1"), dec("-1")], vec![dec("2"), dec("1")]];
        assert_eq!(negative.runs(), runs_of_rows(&decimals));
        assert_eq!(negative.team_total(), dec("3"));
    }
}
