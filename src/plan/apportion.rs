//! Apportionment: turns exact amounts into whole units that add up by cumulative rounding,
//! for a team and for each rep on its own (`each = "rep"`); sharing a team's units among its
//! reps is `reps::split`. It must not know about calendars or splits, and never uses floats.

use rust_decimal::Decimal;

use super::fixed::{round_fixed, round_half_up, to_fixed};

/// Cumulative rounding: `quota[i] = round(C_i) - round(C_{i-1})` where `C_i` is the sum of
/// `exact[0..=i]` and `round` is `round_half_up`. Quotas sum to `round(Σ exact)`, are never
/// negative when every `exact` is >= 0, and every prefix sum stays within 0.5 of the exact one.
/// The sums run in integer fixed point (10^-18 of a unit, far finer than the 12-place snap);
/// amounts too large for it fall back to decimal sums.
pub fn cumulative_quotas(exact: &[Decimal]) -> Vec<i64> {
    // Days on end carry the very same amount: such a day repeats the last conversion.
    let mut last: Option<([u8; 16], Option<i128>)> = None;
    let fixed: Option<Vec<i128>> = exact
        .iter()
        .map(|&x| {
            let bits = x.serialize();
            match last {
                Some((b, v)) if b == bits => v,
                _ => {
                    let v = summable(x);
                    last = Some((bits, v));
                    v
                }
            }
        })
        .collect();
    match fixed {
        Some(fixed) => differences(&fixed, 0, i128::saturating_add, round_summed),
        None => differences(exact, Decimal::ZERO, Decimal::saturating_add, round_half_up),
    }
}

/// `round(C_i) - round(C_{i-1})` for the running sums `C_i` of `values`.
fn differences<T: Copy>(
    values: &[T],
    zero: T,
    add: fn(T, T) -> T,
    round: fn(T) -> i64,
) -> Vec<i64> {
    let (mut cum, mut prev) = (zero, 0_i64);
    values
        .iter()
        .map(|&x| {
            cum = add(cum, x);
            let r = round(cum);
            let q = r.saturating_sub(prev);
            prev = r;
            q
        })
        .collect()
}

/// Decimals of the fixed point that `cumulative_quotas` sums in.
const FIXED_DP: u32 = 18;

/// `x` in units of 10^-18, rounded half away from zero; `None` when it is too large to sum
/// a plan's worth of days without overflow (beyond 10^19 units).
fn summable(x: Decimal) -> Option<i128> {
    to_fixed(x, FIXED_DP).filter(|v| v.unsigned_abs() < 10_u128.pow(FIXED_DP + 19))
}

/// A fixed-point sum rounded to whole units as `round_half_up` rounds decimals.
fn round_summed(x: i128) -> i64 {
    round_fixed(x, FIXED_DP)
}

/// Capacity of one rep on day `d`; missing days and negative values count as 0.
fn cap(caps: &[Decimal], d: usize) -> Decimal {
    caps.get(d).copied().unwrap_or_default().max(Decimal::ZERO)
}

/// `amount / Σ_r capacity[r][d]`, or `None` when day `d` has no capacity at all.
fn day_factor(amount: Decimal, capacity: &[Vec<Decimal>], d: usize) -> Option<Decimal> {
    let total = capacity
        .iter()
        .fold(Decimal::ZERO, |s, c| s.saturating_add(cap(c, d)));
    (total > Decimal::ZERO).then(|| amount / total)
}

/// Exact share of every rep on every day: `shares[r][d] = team_exact[d] × cap_r / Σ cap`
/// (0 on a day without any capacity), in the same units as `team_exact`.
/// Days are `team_exact.len()`; missing or negative capacities count as 0.
pub fn exact_shares(team_exact: &[Decimal], capacity: &[Vec<Decimal>]) -> Vec<Vec<Decimal>> {
    let mut shares = vec![vec![Decimal::ZERO; team_exact.len()]; capacity.len()];
    for (d, &exact) in team_exact.iter().enumerate() {
        let Some(factor) = day_factor(exact, capacity, d) else {
            continue;
        };
        for (row, caps) in shares.iter_mut().zip(capacity) {
            row[d] = cap(caps, d).saturating_mul(factor);
        }
    }
    shares
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
