//! Apportionment: turns exact amounts into whole units that add up, for a team and among its
//! reps. It owns rounding only; it must not know about calendars or splits, and never uses floats.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places that values are snapped to (half away from zero) before any rounding decision.
pub const SNAP_DP: u32 = 12;

/// `x` rounded half away from zero at `SNAP_DP` places, so that sums of inexact decimal
/// fractions (e.g. 12 × 20/12 = 19.99…9) are judged by their true value.
fn snap(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(SNAP_DP, RoundingStrategy::MidpointAwayFromZero)
}

/// `x` (a whole Decimal) as i64, saturating at the i64 range.
fn to_i64_sat(x: Decimal) -> i64 {
    x.to_i64().unwrap_or(if x.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// Nearest whole unit to `x`, halves away from zero (amounts here are >= 0, so halves go up).
/// `x` is first snapped to 12 decimal places, so a sum of inexact fractions that is exactly
/// x.5 in true arithmetic (but 0.4999…9 in Decimal) still rounds up. Saturates at the i64 range.
pub fn round_half_up(x: Decimal) -> i64 {
    to_i64_sat(snap(x).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
}

/// Cumulative rounding: `quota[i] = round(C_i) - round(C_{i-1})` where `C_i` is the sum of
/// `exact[0..=i]` and `round` is `round_half_up`. Quotas sum to `round(Σ exact)`, are never
/// negative when every `exact` is >= 0, and every prefix sum stays within 0.5 of the exact one.
pub fn cumulative_quotas(exact: &[Decimal]) -> Vec<i64> {
    let mut cum = Decimal::ZERO;
    let mut prev = 0_i64;
    exact
        .iter()
        .map(|&x| {
            cum = cum.saturating_add(x);
            let r = round_half_up(cum);
            let q = r.saturating_sub(prev);
            prev = r;
            q
        })
        .collect()
}

/// Capacity of one rep on day `d`; missing days and negative values count as 0.
fn cap(caps: &[Decimal], d: usize) -> Decimal {
    caps.get(d).copied().unwrap_or_default().max(Decimal::ZERO)
}

/// `team_exact[d] / Σ_r capacity[r][d]`, or `None` when the day has no capacity at all.
fn day_factor(team_exact: &[Decimal], capacity: &[Vec<Decimal>], d: usize) -> Option<Decimal> {
    let total = capacity
        .iter()
        .fold(Decimal::ZERO, |s, c| s.saturating_add(cap(c, d)));
    let exact = team_exact.get(d).copied().unwrap_or_default();
    (total > Decimal::ZERO).then(|| exact / total)
}

/// Exact share of every rep on every day: `shares[r][d] = team_exact[d] × cap_r / Σ cap`
/// (0 on a day without any capacity), in the same units as `team_exact`.
/// Days are `team_exact.len()`; missing or negative capacities count as 0.
pub fn exact_shares(team_exact: &[Decimal], capacity: &[Vec<Decimal>]) -> Vec<Vec<Decimal>> {
    let mut shares = vec![vec![Decimal::ZERO; team_exact.len()]; capacity.len()];
    for d in 0..team_exact.len() {
        let Some(factor) = day_factor(team_exact, capacity, d) else {
            continue;
        };
        for (row, caps) in shares.iter_mut().zip(capacity) {
            row[d] = cap(caps, d).saturating_mul(factor);
        }
    }
    shares
}

/// Share each day's team quota among reps in proportion to capacity.
/// `team_quota[d]`: whole units of day `d` (>= 0); `team_exact[d]`: its exact amount;
/// `capacity[r][d]`: rep `r`'s capacity on day `d` (>= 0; missing counts as 0). Returns `quotas[r][d]`.
/// For every day `Σ_r quotas[r][d] == team_quota[d]`; quotas are never negative and a rep with
/// zero capacity on a day gets nothing that day. Each rep's cumulative quota follows its cumulative
/// exact share (`exact_shares`) and stays within one unit of it while shares stay constant.
/// `Err` lists the days with a nonzero quota but no capacity (or a negative quota).
/// Cost: O(days × reps) plus a selection on days where units are left to hand out.
pub fn share_among_reps(
    team_quota: &[i64],
    team_exact: &[Decimal],
    capacity: &[Vec<Decimal>],
) -> Result<Vec<Vec<i64>>, Vec<usize>> {
    let mut quotas = vec![vec![0_i64; team_quota.len()]; capacity.len()];
    let mut deficit = vec![Decimal::ZERO; capacity.len()];
    let mut keys: Vec<Key> = Vec::with_capacity(capacity.len());
    let mut bad = Vec::new();
    for (d, &q) in team_quota.iter().enumerate() {
        let exact = team_exact.get(d).copied().unwrap_or_default();
        if q == 0 && exact.is_zero() {
            continue;
        }
        let Some(factor) = day_factor(team_exact, capacity, d) else {
            if q != 0 {
                bad.push(d);
            }
            continue;
        };
        for (def, caps) in deficit.iter_mut().zip(capacity) {
            let c = cap(caps, d);
            if !c.is_zero() {
                *def = def.saturating_add(c.saturating_mul(factor));
            }
        }
        if q < 0 {
            bad.push(d);
        } else if q > 0 {
            let mut day = Day {
                d,
                capacity,
                deficit: &mut deficit,
                quotas: &mut quotas,
                keys: &mut keys,
            };
            day.allocate(q);
        }
    }
    if bad.is_empty() { Ok(quotas) } else { Err(bad) }
}

/// Priority of a rep for the next unit: (priority, tie rank, rep); highest priority first, then
/// lowest tie rank.
type Key = (Decimal, usize, usize);

/// Working state for allocating one day's units; `deficit[r]` is rep r's exact share minus its
/// allotted units so far, and `keys` is a reusable buffer.
struct Day<'a> {
    d: usize,
    capacity: &'a [Vec<Decimal>],
    deficit: &'a mut [Decimal],
    quotas: &'a mut [Vec<i64>],
    keys: &'a mut Vec<Key>,
}

impl Day<'_> {
    /// Give `q > 0` units: each eligible rep first gets the whole part of its deficit, then the
    /// remaining units go to the largest deficits (ties: lowest rep index), or surplus units are
    /// taken back from the smallest deficits (ties: highest rep index).
    fn allocate(&mut self, q: i64) {
        let mut given = 0_i64;
        for r in 0..self.capacity.len() {
            if cap(&self.capacity[r], self.d).is_zero() {
                continue;
            }
            let base = to_i64_sat(snap(self.deficit[r]).floor()).max(0);
            if base > 0 {
                self.give(r, base);
                given = given.saturating_add(base);
            }
        }
        self.hand_out(q.saturating_sub(given));
    }

    /// Give `left` more units (take back `-left` when negative), one per rep per round, to the
    /// reps first in `keys` order.
    fn hand_out(&mut self, mut left: i64) {
        while left != 0 {
            self.fill_keys(left < 0);
            if self.keys.is_empty() {
                break;
            }
            let step = left.signum();
            let m = usize::try_from(left.unsigned_abs())
                .unwrap_or(usize::MAX)
                .min(self.keys.len());
            if m < self.keys.len() {
                self.keys
                    .select_nth_unstable_by(m - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            }
            for i in 0..m {
                let r = self.keys[i].2;
                self.give(r, step);
            }
            left -= step * i64::try_from(m).expect("invariant: m <= |left| fits in i64");
        }
    }

    /// Add `units` (possibly negative) to rep `r`'s quota of the day.
    fn give(&mut self, r: usize, units: i64) {
        self.quotas[r][self.d] += units;
        self.deficit[r] -= Decimal::from(units);
    }

    /// Fill `keys` with the reps that may receive a unit (`taking == false`: every rep with
    /// capacity today) or give one back (`taking == true`: those with a unit today).
    fn fill_keys(&mut self, taking: bool) {
        self.keys.clear();
        for r in 0..self.capacity.len() {
            let eligible = if taking {
                self.quotas[r][self.d] > 0
            } else {
                !cap(&self.capacity[r], self.d).is_zero()
            };
            if eligible {
                let need = snap(self.deficit[r]);
                // Taking back: smallest deficit first, ties from the highest rep index.
                self.keys.push(if taking {
                    (-need, usize::MAX - r, r)
                } else {
                    (need, r, r)
                });
            }
        }
    }
}

/// Each = "rep": rep r's exact amount on day d is `day_exact[d] × capacity[r][d]` (missing or
/// negative capacity counts as 0), rounded cumulatively on its own with `cumulative_quotas`.
/// Returns `(quotas[r][d], exacts[r][d])`; each rep's quotas sum to `round_half_up` of its exact total.
pub fn per_rep_targets(
    day_exact: &[Decimal],
    capacity: &[Vec<Decimal>],
) -> (Vec<Vec<i64>>, Vec<Vec<Decimal>>) {
    let exacts: Vec<Vec<Decimal>> = capacity
        .iter()
        .map(|caps| {
            day_exact
                .iter()
                .enumerate()
                .map(|(d, &x)| x.saturating_mul(cap(caps, d)))
                .collect()
        })
        .collect();
    let quotas = exacts.iter().map(|e| cumulative_quotas(e)).collect();
    (quotas, exacts)
}
