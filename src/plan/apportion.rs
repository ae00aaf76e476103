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
/// The sums run in integer fixed point (10^-18 of a unit, far finer than the 12-place snap);
/// amounts too large for it fall back to decimal sums.
pub fn cumulative_quotas(exact: &[Decimal]) -> Vec<i64> {
    let fixed: Option<Vec<i128>> = exact.iter().map(|&x| to_fixed(x)).collect();
    match fixed {
        Some(fixed) => differences(&fixed, 0, i128::saturating_add, round_fixed),
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
fn to_fixed(x: Decimal) -> Option<i128> {
    let (mantissa, scale) = (x.mantissa(), x.scale());
    let value = if scale <= FIXED_DP {
        mantissa.checked_mul(10_i128.pow(FIXED_DP - scale))?
    } else {
        div_round(mantissa, 10_i128.pow(scale - FIXED_DP))
    };
    (value.unsigned_abs() < 10_u128.pow(FIXED_DP + 19)).then_some(value)
}

/// A fixed-point amount snapped to 12 places, then rounded to whole units, halves away from
/// zero: what `round_half_up` does for decimals.
fn round_fixed(x: i128) -> i64 {
    let snapped = div_round(x, 10_i128.pow(FIXED_DP - SNAP_DP));
    let units = div_round(snapped, 10_i128.pow(SNAP_DP));
    i64::try_from(units).unwrap_or(if units < 0 { i64::MIN } else { i64::MAX })
}

/// `x / d` rounded half away from zero (`d > 0`).
fn div_round(x: i128, d: i128) -> i128 {
    let half = d / 2;
    if x >= 0 {
        (x + half) / d
    } else {
        -((half - x) / d)
    }
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

/// Fixed-point scale of the deficits in `share_among_reps`: 10^21 per whole unit. A day's
/// share per unit of capacity is floored to this scale, so a rep's share loses at most 10^-15
/// of a unit a day (capacities count 10^6 per 1.0), far below the tie tolerance over a plan.
const FIXED_ONE: i128 = 1_000_000_000_000_000_000_000;
/// Deficits closer than 10^-12 of a unit count as equal, as `SNAP_DP` does for decimals.
const TIE: i128 = 1_000_000_000;
/// Decimals of a capacity that the split among reps takes into account.
const CAP_DP: u32 = 6;

/// A capacity as a whole number of 10^-6, rounded half away from zero (negative counts as 0).
fn cap_units(c: Decimal) -> i128 {
    if c.is_sign_negative() {
        return 0;
    }
    let (mantissa, scale) = (c.mantissa(), c.scale());
    if scale > CAP_DP {
        div_round(mantissa, 10_i128.pow(scale - CAP_DP))
    } else {
        mantissa * 10_i128.pow(CAP_DP - scale)
    }
}

/// A fixed-point deficit in units of 10^-12, rounded half away from zero.
fn snapped(x: i128) -> i128 {
    let half = TIE / 2;
    if x >= 0 {
        (x + half) / TIE
    } else {
        -((half - x) / TIE)
    }
}

/// Share each day's team quota among reps in proportion to capacity.
/// `team_quota[d]`: whole units of day `d` (>= 0); `capacity[r][d]`: rep `r`'s capacity on day `d`
/// (>= 0; missing counts as 0; taken to 6 decimals). Returns `quotas[r][d]`. `_team_exact` is
/// not needed: reps follow their share of the team's integer quotas (`Σ team_quota[d] × cap_r /
/// Σ cap`, the "scaled share"), so the reps' targets add up to the team's units every day.
/// For every day `Σ_r quotas[r][d] == team_quota[d]`; quotas are never negative and a rep with
/// zero capacity on a day gets nothing that day. While shares stay constant a rep's cumulative
/// quota stays within one unit of its cumulative scaled share, hence within 1.5 units of its
/// exact share (`exact_shares`), since team quotas from `cumulative_quotas` are within 0.5.
/// `Err` lists the days with a nonzero quota but no capacity, and days with a negative quota.
/// The shares are kept in integer fixed point (10^-21 of a unit), so the cost is one division
/// per day and O(reps) integer operations on days with a nonzero quota.
pub fn share_among_reps(
    team_quota: &[i64],
    _team_exact: &[Decimal],
    capacity: &[Vec<Decimal>],
) -> Result<Vec<Vec<i64>>, Vec<usize>> {
    let mut quotas = vec![vec![0_i64; team_quota.len()]; capacity.len()];
    let mut deficit = vec![0_i128; capacity.len()];
    let mut today: Vec<(usize, i128)> = Vec::with_capacity(capacity.len());
    let mut keys: Vec<(i128, usize, usize)> = Vec::with_capacity(capacity.len());
    let mut bad = Vec::new();
    for (d, &q) in team_quota.iter().enumerate() {
        if q == 0 {
            continue;
        }
        today.clear();
        today.extend(
            capacity
                .iter()
                .enumerate()
                .map(|(r, row)| (r, cap_units(cap(row, d))))
                .filter(|&(_, c)| c > 0),
        );
        let total: i128 = today.iter().map(|&(_, c)| c).sum();
        if q < 0 || total == 0 {
            bad.push(d);
            continue;
        }
        // One division a day: the day's units per unit of capacity, in fixed point.
        let per_capacity = i128::from(q).saturating_mul(FIXED_ONE) / total;
        for &(r, c) in &today {
            deficit[r] = deficit[r].saturating_add(c.saturating_mul(per_capacity));
        }
        let mut day = Day {
            d,
            today: &today,
            deficit: &mut deficit,
            quotas: &mut quotas,
            keys: &mut keys,
        };
        day.allocate(q);
    }
    if bad.is_empty() { Ok(quotas) } else { Err(bad) }
}

/// Working state for allocating one day's units; `deficit[r]` is rep r's cumulative scaled
/// share minus its allotted units so far (fixed point), and `keys` is a reusable buffer.
struct Day<'a> {
    d: usize,
    /// Reps with capacity on the day, and that capacity.
    today: &'a [(usize, i128)],
    deficit: &'a mut [i128],
    quotas: &'a mut [Vec<i64>],
    keys: &'a mut Vec<(i128, usize, usize)>,
}

impl Day<'_> {
    /// Give `q > 0` units: each rep with capacity first gets the whole part of its deficit, then
    /// the remaining units go to the largest deficits (ties: lowest rep index), or surplus units
    /// are taken back from the smallest deficits (ties: highest rep index).
    fn allocate(&mut self, q: i64) {
        let mut given = 0_i64;
        for &(r, _) in self.today {
            let whole = snapped(self.deficit[r]).div_euclid(FIXED_ONE / TIE);
            let base = i64::try_from(whole).unwrap_or(i64::MAX).max(0);
            if base > 0 {
                self.give(r, base);
                given = given.saturating_add(base);
            }
        }
        self.hand_out(q.saturating_sub(given));
    }

    /// Give `left` more units (take back `-left` when negative), one per rep per round.
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
                    .select_nth_unstable_by(m - 1, |a, b| (b.0, b.1).cmp(&(a.0, a.1)));
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
        self.deficit[r] =
            self.deficit[r].saturating_sub(i128::from(units).saturating_mul(FIXED_ONE));
    }

    /// Fill `keys` with the reps that may receive a unit (`taking == false`: every rep with
    /// capacity today) or give one back (`taking == true`: those with a unit today), as
    /// `(priority, tie rank, rep)` where the greatest key goes first: largest deficit and lowest
    /// index when giving, smallest deficit and highest index when taking back.
    fn fill_keys(&mut self, taking: bool) {
        self.keys.clear();
        for &(r, _) in self.today {
            let need = snapped(self.deficit[r]);
            if !taking {
                self.keys.push((need, usize::MAX - r, r));
            } else if self.quotas[r][self.d] > 0 {
                self.keys.push((-need, r, r));
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
