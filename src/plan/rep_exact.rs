//! Each rep's exact (unrounded) share of a target, day by day, stored as cheaply as the target
//! allows: a full table, or capacity runs times one amount per day, which sums a period in
//! O(runs) instead of O(days).

use std::ops::Range;
use std::rc::Rc;

use rust_decimal::Decimal;

use super::capacity::Runs;
use super::team_runs::TeamRuns;

/// Each rep's exact share of each day, in whole units' scale.
#[derive(Debug)]
pub enum RepExact {
    /// `[rep][day]`.
    Dense(Vec<Vec<Decimal>>),
    /// Rep `r`'s share of day `d` is its capacity on `d` × `unit[d]`; `prefix[d]` is the sum
    /// of `unit[..d]`.
    /// Reps with the very same runs have the same share of every range, summed once.
    Factored {
        team: Rc<TeamRuns>,
        unit: Vec<Decimal>,
        prefix: Vec<Decimal>,
    },
}

impl RepExact {
    /// Shares that are capacity × `unit` of the day.
    pub fn factored(runs: Vec<Runs>, unit: Vec<Decimal>) -> Self {
        let days = unit.len();
        Self::shared(Rc::new(TeamRuns::new(runs, days)), unit)
    }

    /// Shares that are the team's runs × `unit` of the day.
    pub fn shared(team: Rc<TeamRuns>, unit: Vec<Decimal>) -> Self {
        let mut prefix = Vec::with_capacity(unit.len() + 1);
        let mut sum = Decimal::ZERO;
        prefix.push(sum);
        for u in &unit {
            sum += u;
            prefix.push(sum);
        }
        RepExact::Factored { team, unit, prefix }
    }

    /// The exact share over the days of `range` of every rep that `shown` marks, in rep
    /// order; reps with the same runs share one sum.
    pub fn sums(&self, range: &Range<usize>, shown: &[bool]) -> Vec<Decimal> {
        let reps = (0..shown.len()).filter(|&r| shown[r]);
        match self {
            RepExact::Dense(_) => reps.map(|r| self.sum(r, range.clone())).collect(),
            RepExact::Factored { team, .. } => {
                let mut once: Vec<Option<Decimal>> = vec![None; team.profile.len()];
                reps.map(|r| {
                    let p = team.profile[r];
                    *once[p].get_or_insert_with(|| self.sum(p, range.clone()))
                })
                .collect()
            }
        }
    }

    /// Rep `r`'s exact share over the days of `range`.
    pub fn sum(&self, r: usize, range: Range<usize>) -> Decimal {
        match self {
            RepExact::Dense(rows) => rows[r][range].iter().sum(),
            RepExact::Factored { team, prefix, .. } => team.runs[r]
                .iter()
                .filter(|&&(from, to, c)| from < range.end && to >= range.start && !c.is_zero())
                .map(|&(from, to, c)| {
                    let (a, b) = (from.max(range.start), (to + 1).min(range.end));
                    c * (prefix[b] - prefix[a])
                })
                .sum(),
        }
    }

    /// Each rep's capacity runs, when the shares are capacity × one amount a day.
    pub fn runs(&self) -> Option<&[Runs]> {
        match self {
            RepExact::Dense(_) => None,
            RepExact::Factored { team, .. } => Some(&team.runs),
        }
    }

    /// The full `[rep][day]` table.
    pub fn rows(&self) -> Vec<Vec<Decimal>> {
        match self {
            RepExact::Dense(rows) => rows.clone(),
            RepExact::Factored { team, unit, .. } => team
                .runs
                .iter()
                .map(|rep| {
                    let mut row = vec![Decimal::ZERO; unit.len()];
                    for &(from, to, c) in rep {
                        if is_one(c) {
                            // 1 × x is x, digits and scale alike (a zero product is ZERO).
                            for d in from..=to {
                                row[d] = if unit[d].is_zero() {
                                    Decimal::ZERO
                                } else {
                                    unit[d]
                                };
                            }
                        } else {
                            for d in from..=to {
                                row[d] = c * unit[d];
                            }
                        }
                    }
                    row
                })
                .collect(),
        }
    }
}

/// Whether `c` is 1 as `Decimal::ONE` is written (no places), so a product with it keeps the
/// other factor's digits and scale.
fn is_one(c: Decimal) -> bool {
    c.mantissa() == 1 && c.scale() == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factored_sums_match_the_table() {
        let d = |n: i64, s: u32| Decimal::new(n, s);
        let runs = vec![
            vec![(0, 2, d(1, 0)), (3, 4, d(5, 1))],
            vec![(0, 1, Decimal::ZERO), (2, 4, d(25, 2))],
        ];
        let unit = vec![d(3, 0), d(1, 1), d(7, 0), d(2, 0), d(11, 1)];
        let exact = RepExact::factored(runs, unit);
        let rows = exact.rows();
        for (a, b) in [(0, 5), (1, 3), (2, 2), (4, 5)] {
            let every = exact.sums(&(a..b), &[true, true]);
            assert_eq!(every, [exact.sum(0, a..b), exact.sum(1, a..b)]);
            assert_eq!(exact.sums(&(a..b), &[false, true]), [exact.sum(1, a..b)]);
        }
        for (r, row) in rows.iter().enumerate() {
            for a in 0..5 {
                for b in a..=5 {
                    assert_eq!(
                        exact.sum(r, a..b),
                        row[a..b].iter().sum::<Decimal>(),
                        "rep {r} {a}..{b}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_share_of_one_is_the_days_amount_bit_for_bit() {
        let unit: Vec<Decimal> = ["0.0976800976800976800976800977", "2.50", "0", "0.000", "7"]
            .iter()
            .map(|x| x.parse().unwrap())
            .collect();
        let exact = RepExact::factored(vec![vec![(0, 4, Decimal::ONE)]], unit.clone());
        let products: Vec<[u8; 16]> = unit
            .iter()
            .map(|u| (Decimal::ONE * u).serialize())
            .collect();
        let rows: Vec<[u8; 16]> = exact.rows()[0].iter().map(Decimal::serialize).collect();
        assert_eq!(rows, products);
    }
}
