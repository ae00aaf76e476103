//! The stage a target enters, in the target's own days: for a count target the plan's own
//! quotas; for a money target deals, the money divided by the funnel's `deal_size`, rounded up
//! cumulatively (a part of a deal still needs a whole deal's activity).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::landing::Landing;
use crate::model::{Funnel, MetricKind};
use crate::plan::capacity::runs_of_rows;
use crate::plan::reps;
use crate::plan::target::Days;
use crate::smart::Resolved;

/// The entry stage's amounts by outcome day (index 0 is the target's start).
pub struct Outcome {
    /// `[rep][day]`: exact outcome units (deals for money), what the stages above work from.
    pub rep_exact: Vec<Vec<Decimal>>,
    pub team_exact: Vec<Decimal>,
    pub team_quota: Vec<i64>,
    pub rep_quota: Vec<Vec<i64>>,
}

/// Team quotas, rep quotas, team exact and rep exact amounts of one stage on the axis.
pub type AxisSeries = (Vec<i64>, Vec<Vec<i64>>, Vec<Decimal>, Vec<Vec<Decimal>>);

impl Outcome {
    /// The entry stage of a target decomposed into `days`.
    pub fn new(resolved: &Resolved<'_>, funnel: &Funnel, days: &Days) -> Self {
        let rep_exact = days.rep_exact.rows();
        let deal = funnel
            .deal_size
            .as_ref()
            .map(|d| d.value * resolved.scale)
            .filter(|_| resolved.metric.kind == MetricKind::Money);
        let Some(deal) = deal else {
            return Outcome {
                rep_exact,
                team_exact: days.team_exact.clone(),
                team_quota: days.team_quota.clone(),
                rep_quota: days.rep_quota.clone(),
            };
        };
        let per_deal = |row: &[Decimal]| row.iter().map(|x| *x / deal).collect::<Vec<_>>();
        let rep_exact: Vec<Vec<Decimal>> = rep_exact.iter().map(|r| per_deal(r)).collect();
        let team_exact = per_deal(&days.team_exact);
        let own = || -> (Vec<i64>, Vec<Vec<i64>>) {
            let reps: Vec<Vec<i64>> = days.rep_quota.iter().map(|q| deals(q, deal)).collect();
            let team = (0..team_exact.len())
                .map(|d| reps.iter().map(|r| r[d]).sum())
                .collect();
            (team, reps)
        };
        let (team_quota, rep_quota) = if resolved.target.each_rep {
            own()
        } else {
            let team = deals(&days.team_quota, deal);
            // Every day with deals has a rep whose share it is, so no day is left unshared.
            let shared = reps::split(&team, &team_exact, &runs_of_rows(&rep_exact))
                .unwrap_or_else(|u| u.quotas);
            (team, shared)
        };
        Outcome {
            rep_exact,
            team_exact,
            team_quota,
            rep_quota,
        }
    }

    /// The entry stage on the axis, on its own days (after the activity's lead).
    pub fn on_axis(&self, landing: &Landing) -> AxisSeries {
        let pad = |row: &[i64]| padded(row, landing.outcome_offset);
        let pad_exact = |row: &[Decimal]| padded(row, landing.outcome_offset);
        (
            pad(&self.team_quota),
            self.rep_quota.iter().map(|r| pad(r)).collect(),
            pad_exact(&self.team_exact),
            self.rep_exact.iter().map(|r| pad_exact(r)).collect(),
        )
    }
}

/// `row` after `offset` zeros.
fn padded<T: Copy + Default>(row: &[T], offset: usize) -> Vec<T> {
    let mut out = vec![T::default(); offset];
    out.extend_from_slice(row);
    out
}

/// Whole deals for money quotas in minor units: the running total of deals rounded up at the
/// end of every day, each day's deals the difference. So every period, at any granularity,
/// holds the deals its cumulative money needs, and the total is the money over the deal size
/// rounded up (1,200,000.00 at 12,000.00 is 100 deals).
pub fn deals(money: &[i64], deal: Decimal) -> Vec<i64> {
    let mut cum = Decimal::ZERO;
    let mut prev = 0_i64;
    money
        .iter()
        .map(|&q| {
            cum = cum.saturating_add(Decimal::from(q));
            let now = (cum / deal).ceil().to_i64().unwrap_or(i64::MAX);
            let day = now.saturating_sub(prev);
            prev = now;
            day
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deals_round_up_cumulatively() {
        // 1,200,000.00 in twelve months at 12,000.00 a deal: 8⅓ deals a month.
        let months = vec![10_000_000_i64; 12];
        let per_month = deals(&months, Decimal::from(1_200_000));
        assert_eq!(per_month[0], 9);
        assert_eq!(per_month[1], 8);
        assert_eq!(per_month[2], 8);
        assert_eq!(per_month.iter().sum::<i64>(), 100);
    }

    #[test]
    fn a_part_of_a_deal_is_a_whole_deal() {
        assert_eq!(deals(&[1, 0, 0], Decimal::from(1_000)), vec![1, 0, 0]);
        assert_eq!(deals(&[], Decimal::ONE), Vec::<i64>::new());
    }
}
