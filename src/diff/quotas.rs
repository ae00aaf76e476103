//! Compares one target's plan in two files: each period's team and rep quota (old, new, delta)
//! and each rep's total. A period or rep present on one side only counts as 0 on the other.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::plan::report::{PeriodRow, Quantity, RepCell, TargetReport};

/// An old and a new amount, in the metric's unit (currency units for money).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub old: Decimal,
    pub new: Decimal,
}

impl Change {
    /// New minus old.
    pub fn delta(self) -> Decimal {
        self.new - self.old
    }

    fn changed(self) -> bool {
        self.old != self.new
    }
}

/// One rep's change in a period or over the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepChange {
    pub rep: String,
    pub change: Change,
}

/// One period whose team or rep quota changed; `reps` holds only the reps that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodChange {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub change: Change,
    pub reps: Vec<RepChange>,
}

/// What a change to the file does to one target present in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetChange {
    pub goal: String,
    pub metric: String,
    pub unit: Option<String>,
    /// Decimals of the amounts: the currency's minor units for money, 0 for counts.
    pub decimals: u32,
    /// A rate or level (never summed), not an additive quota.
    pub level: bool,
    pub total: Change,
    pub periods: Vec<PeriodChange>,
    /// Each rep whose total changed.
    pub reps: Vec<RepChange>,
}

/// A quota as a decimal amount.
pub fn amount(q: Quantity, decimals: u32) -> Decimal {
    match q {
        Quantity::Units(n) => Decimal::new(n, decimals),
        Quantity::Level(level) => level,
    }
}

/// The changes from `old` to `new` (the same target in both files); `None` when nothing
/// changed. Either side may be missing (a target added or removed): its quotas count as 0.
pub fn compare(old: Option<&TargetReport>, new: Option<&TargetReport>) -> Option<TargetChange> {
    let any = new.or(old)?;
    let total = Change {
        old: old.map_or(Decimal::ZERO, |t| amount(t.total, t.decimals)),
        new: new.map_or(Decimal::ZERO, |t| amount(t.total, t.decimals)),
    };
    let empty: &[PeriodRow] = &[];
    let periods = periods(
        old.map_or(empty, |t| &t.periods),
        old.map_or(0, |t| t.decimals),
        new.map_or(empty, |t| &t.periods),
        new.map_or(0, |t| t.decimals),
    );
    let no_reps: &[RepCell] = &[];
    let reps = reps(
        old.map_or(no_reps, |t| &t.reps),
        old.map_or(0, |t| t.decimals),
        new.map_or(no_reps, |t| &t.reps),
        new.map_or(0, |t| t.decimals),
    );
    if !total.changed() && periods.is_empty() && reps.is_empty() {
        return None;
    }
    Some(TargetChange {
        goal: any.goal.clone(),
        metric: any.metric.clone(),
        unit: any.unit.clone(),
        decimals: any.decimals,
        level: !any.kind.is_additive(),
        total,
        periods,
        reps,
    })
}

fn periods(old: &[PeriodRow], old_dp: u32, new: &[PeriodRow], new_dp: u32) -> Vec<PeriodChange> {
    let olds: HashMap<&str, &PeriodRow> = old.iter().map(|p| (p.label.as_str(), p)).collect();
    let news: HashMap<&str, &PeriodRow> = new.iter().map(|p| (p.label.as_str(), p)).collect();
    let mut out = Vec::new();
    let mut push = |before: Option<&PeriodRow>, after: Option<&PeriodRow>| {
        let any = after
            .or(before)
            .expect("invariant: one side of a period exists");
        let change = Change {
            old: before.map_or(Decimal::ZERO, |p| amount(p.quota, old_dp)),
            new: after.map_or(Decimal::ZERO, |p| amount(p.quota, new_dp)),
        };
        let no_reps: &[RepCell] = &[];
        let reps = reps(
            before.map_or(no_reps, |p| &p.reps),
            old_dp,
            after.map_or(no_reps, |p| &p.reps),
            new_dp,
        );
        if change.changed() || !reps.is_empty() {
            out.push(PeriodChange {
                label: any.label.clone(),
                start: any.start,
                end: any.end,
                change,
                reps,
            });
        }
    };
    for p in new {
        push(olds.get(p.label.as_str()).copied(), Some(p));
    }
    for p in old.iter().filter(|p| !news.contains_key(p.label.as_str())) {
        push(Some(p), None);
    }
    out.sort_by_key(|p| p.start);
    out
}

fn reps(old: &[RepCell], old_dp: u32, new: &[RepCell], new_dp: u32) -> Vec<RepChange> {
    let olds: HashMap<&str, &RepCell> = old.iter().map(|r| (&*r.rep, r)).collect();
    let news: HashMap<&str, &RepCell> = new.iter().map(|r| (&*r.rep, r)).collect();
    let mut out = Vec::new();
    let mut push = |rep: &str, before: Option<&RepCell>, after: Option<&RepCell>| {
        let change = Change {
            old: before.map_or(Decimal::ZERO, |r| amount(r.quota, old_dp)),
            new: after.map_or(Decimal::ZERO, |r| amount(r.quota, new_dp)),
        };
        if change.changed() {
            out.push(RepChange {
                rep: rep.to_string(),
                change,
            });
        }
    };
    for r in new {
        push(&r.rep, olds.get(&*r.rep).copied(), Some(r));
    }
    for r in old.iter().filter(|r| !news.contains_key(&*r.rep)) {
        push(&r.rep, Some(r), None);
    }
    out
}
