//! Sharing a team's daily whole units among reps so that every rep's running total stays
//! within one unit of its exact share of the unrounded amount, day after day. Knowing the
//! whole period ahead, each rep's k-th unit may be given once its exact share passes k - 1
//! and must be given by the day it reaches k; days hand out their units earliest deadline
//! first. Returns `None` when that schedule cannot be met, and the caller falls back.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rust_decimal::Decimal;

/// Fixed point of the exact shares: 10^-18 of a unit.
const ONE: i128 = 1_000_000_000_000_000_000;
/// Rounding noise of the fixed point, ignored at the window edges: 10^-9 of a unit.
const NOISE: i128 = 1_000_000_000;
/// Above this many units in all, the schedule is not attempted (money in minor units): a
/// cent more or less is within the rounding of every other method.
pub const MAX_UNITS: i64 = 1_000_000;

/// A unit of one rep: the first day it may be given and the last day it must be given by.
struct Window {
    release: usize,
    deadline: usize,
}

/// `quotas[r][d]` summing to `team_quota[d]` every day, each rep within one unit of its exact
/// share (`team_exact[d] × capacity[r][d] / Σ capacity`), or `None`.
pub fn share_within_one(
    team_quota: &[i64],
    team_exact: &[Decimal],
    capacity: &[Vec<Decimal>],
) -> Option<Vec<Vec<i64>>> {
    if team_quota.iter().sum::<i64>() > MAX_UNITS || team_quota.iter().any(|&q| q < 0) {
        return None;
    }
    let increments = rep_increments(team_exact, capacity)?;
    let windows: Vec<Vec<Window>> = increments.iter().map(|row| windows(row)).collect();
    schedule(team_quota, capacity, &windows)
}

/// Each rep's exact share of each day, in fixed point.
fn rep_increments(team_exact: &[Decimal], capacity: &[Vec<Decimal>]) -> Option<Vec<Vec<i128>>> {
    let mut rows = vec![vec![0_i128; team_exact.len()]; capacity.len()];
    for (d, exact) in team_exact.iter().enumerate() {
        let amount = fixed(*exact)?;
        // Capacities in millionths: their products with amounts stay far inside i128.
        let caps: Vec<i128> = capacity
            .iter()
            .map(|row| row.get(d).map_or(0, |c| millionths(*c)))
            .collect();
        let total: i128 = caps.iter().sum();
        if total <= 0 || amount == 0 {
            continue;
        }
        for (row, cap) in rows.iter_mut().zip(&caps) {
            row[d] = amount.checked_mul(*cap)? / total;
        }
    }
    Some(rows)
}

/// A capacity in millionths, rounded half away from zero (negative counts as 0).
fn millionths(c: Decimal) -> i128 {
    if c.is_sign_negative() {
        return 0;
    }
    let (mantissa, scale) = (c.mantissa(), c.scale());
    if scale > 6 {
        let d = 10_i128.pow(scale - 6);
        (mantissa + d / 2) / d
    } else {
        mantissa * 10_i128.pow(6 - scale)
    }
}

/// A non-negative decimal in fixed point, if it fits comfortably.
fn fixed(x: Decimal) -> Option<i128> {
    if x.is_sign_negative() {
        return Some(0);
    }
    let (mantissa, scale) = (x.mantissa(), x.scale());
    let value = if scale <= 18 {
        mantissa.checked_mul(10_i128.pow(18 - scale))?
    } else {
        mantissa / 10_i128.pow(scale - 18)
    };
    (value < 10_i128.pow(30)).then_some(value)
}

/// The window of each unit of one rep: unit k (from 1) may go once the running exact share
/// is above k - 1 and must go by the first day it reaches k, so the rep's total stays
/// strictly within one unit of its share (equal to it where the share is whole).
fn windows(increments: &[i128]) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    let (mut cum, mut due) = (0_i128, 0_usize);
    for (d, inc) in increments.iter().enumerate() {
        cum += inc;
        while i128::try_from(out.len())
            .unwrap_or(i128::MAX)
            .saturating_mul(ONE)
            + NOISE
            < cum
        {
            out.push(Window {
                release: d,
                deadline: usize::MAX,
            });
        }
        while due < out.len()
            && cum + NOISE
                >= i128::try_from(due + 1)
                    .unwrap_or(i128::MAX)
                    .saturating_mul(ONE)
        {
            out[due].deadline = d;
            due += 1;
        }
    }
    out
}

/// Hands out each day's units: first those due today, then earliest deadline first.
fn schedule(
    team_quota: &[i64],
    capacity: &[Vec<Decimal>],
    windows: &[Vec<Window>],
) -> Option<Vec<Vec<i64>>> {
    let reps = windows.len();
    let mut quotas = vec![vec![0_i64; team_quota.len()]; reps];
    let mut next = vec![0_usize; reps];
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::with_capacity(reps);
    for (d, &q) in team_quota.iter().enumerate() {
        let mut left = q;
        for r in 0..reps {
            while let Some(w) = windows[r].get(next[r]).filter(|w| w.deadline <= d) {
                if w.deadline < d || left == 0 {
                    return None;
                }
                quotas[r][d] += 1;
                next[r] += 1;
                left -= 1;
            }
        }
        heap.clear();
        for r in 0..reps {
            let has_capacity = capacity[r].get(d).is_some_and(|c| *c > Decimal::ZERO);
            if let Some(w) = windows[r]
                .get(next[r])
                .filter(|w| w.release <= d && has_capacity)
            {
                heap.push(Reverse((w.deadline, r)));
            }
        }
        while left > 0 {
            let Reverse((_, r)) = heap.pop()?;
            quotas[r][d] += 1;
            next[r] += 1;
            left -= 1;
            if let Some(w) = windows[r].get(next[r]).filter(|w| w.release <= d) {
                heap.push(Reverse((w.deadline, r)));
            }
        }
    }
    Some(quotas)
}
