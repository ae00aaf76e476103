//! The hours every rep's funnel activity needs in each capacity period, added target by
//! target in file order. A cell holds the index of its sum in a pool of the distinct sums
//! (a rep's hours in a period take few distinct values, above all by day), so the table of
//! reps × periods takes 4 bytes a cell rather than a decimal's 16.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::activity::Activity;
use super::hours::needed;
use crate::model::GoalFile;
use crate::plan::calendar::Period;

/// Hours by rep (index in the file) and capacity period; `None` for a rep that carries no
/// shown funnel target.
pub struct Needs {
    by_rep: Vec<Option<Vec<u32>>>,
    index: HashMap<String, usize>,
    periods: usize,
    pool: Pool,
}

impl Needs {
    /// No hours yet, for the reps of `file` in `periods` capacity periods.
    pub fn new(file: &GoalFile, periods: usize) -> Self {
        Needs {
            by_rep: vec![None; file.reps.len()],
            index: file
                .reps
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.value.clone(), i))
                .collect(),
            periods,
            pool: Pool::default(),
        }
    }

    /// Adds the hours of one target's activity to its reps' periods.
    pub fn add(&mut self, a: &Activity<'_>, periods: &[Period]) {
        let zero = self.pool.id(Decimal::ZERO);
        for (r, rep) in a.resolved.reps.iter().enumerate() {
            let Some(&i) = self.index.get(&rep.id.value) else {
                continue;
            };
            let row = self.by_rep[i].get_or_insert_with(|| vec![zero; self.periods]);
            for (cell, p) in row.iter_mut().zip(periods) {
                let before = self.pool.value(*cell);
                let sum = before + needed(a, r, p.start, p.end);
                if sum.serialize() != before.serialize() {
                    *cell = self.pool.id(sum);
                }
            }
        }
    }

    /// Whether no rep needs any hours in period `p`.
    pub fn nobody_in(&self, p: usize) -> bool {
        self.by_rep
            .iter()
            .flatten()
            .all(|row| self.pool.value(row[p]).is_zero())
    }

    /// Leaves out the first `n` periods.
    pub fn drop_leading(&mut self, n: usize) {
        for row in self.by_rep.iter_mut().flatten() {
            row.drain(..n);
        }
    }

    /// The hours rep `i` (index in the file) needs by period, if it carries a shown target.
    pub fn of_rep(&self, i: usize) -> Option<Vec<Decimal>> {
        let row = self.by_rep.get(i)?.as_ref()?;
        Some(row.iter().map(|&id| self.pool.value(id)).collect())
    }
}

/// Distinct decimals (bit for bit: the same value written with other places is another), each
/// kept once under an index.
#[derive(Default)]
struct Pool {
    values: Vec<Decimal>,
    ids: FxHashMap<[u8; 16], u32>,
}

impl Pool {
    /// The index of `x`, added to the pool when new.
    fn id(&mut self, x: Decimal) -> u32 {
        let next = u32::try_from(self.values.len())
            .expect("fewer than 2^32 distinct hours: a cell each at most, and 16 bytes each");
        let id = *self.ids.entry(x.serialize()).or_insert(next);
        if id == next {
            self.values.push(x);
        }
        id
    }

    fn value(&self, id: u32) -> Decimal {
        self.values[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_keeps_each_decimal_as_written() {
        let mut pool = Pool::default();
        let (a, b) = ("2.5".parse().unwrap(), "2.50".parse().unwrap());
        let (ia, ib) = (pool.id(a), pool.id(b));
        assert_ne!(
            ia, ib,
            "the same value with other places is another decimal"
        );
        assert_eq!(pool.id(a), ia);
        assert_eq!(pool.value(ib).serialize(), Decimal::serialize(&b));
        assert_eq!(pool.values.len(), 2);
    }
}
