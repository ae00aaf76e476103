//! Adding one row to the ledger: the row's cell (the owner's days are made on its first row),
//! its value in the plan's currency, and the sum of its day, refused past what a cell holds
//! exactly. [`Ledger`] as a [`Sink`] adds each row at once; `Filling` uses the same steps.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::csv_read::{Added, Field, RowKey, RowRejection, Sink};
use super::super::numbers::{Amount, clip};
use super::{Cell, Ledger};
use crate::model::money::MAX_NUMBER;

/// The largest sum one cell (one owner, metric and day) holds: 10^15, a thousand times the
/// largest single value, so that every figure derived from the ledger stays exact.
pub(super) const MAX_CELL: Decimal = Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0);
/// A book's headroom when empty: half of [`MAX_CELL`] (5 × 10^14).
pub(super) const HEADROOM: u128 = 500_000_000_000_000;

/// `⌊log2 10^s⌋` for each scale `s` a `Decimal` can have.
const FLOOR_LOG2_POW10: [u32; 29] = {
    let mut table = [0; 29];
    let mut power: u128 = 1;
    let mut s = 0;
    while s < 29 {
        table[s] = power.ilog2();
        power *= 10;
        s += 1;
    }
    table
};

/// A power of two above `|value|` (at least 1, at most four times `|value|` when that is
/// 1 or more), found without a division: `|value| < 2^bits / 10^scale`.
pub(super) fn magnitude(value: Decimal) -> u128 {
    let bits = 128 - value.mantissa().unsigned_abs().leading_zeros();
    let scale = FLOOR_LOG2_POW10[value.scale() as usize];
    1 << bits.saturating_sub(scale)
}

impl Ledger {
    /// The index of a row's cell and its value in the plan's currency; `None` for a row dated
    /// outside its book (counted in `outside`).
    pub(super) fn place(
        &mut self,
        key: RowKey,
        date: NaiveDate,
        amount: Amount,
    ) -> Result<Option<(usize, Decimal)>, RowRejection> {
        let value = if self.books[key.metric as usize].money {
            self.in_plan_currency(amount)?
        } else {
            amount.value
        };
        let book = &mut self.books[key.metric as usize];
        let Some(day) = book.day(date) else {
            self.outside += 1;
            return Ok(None);
        };
        let first = match book.first[key.owner as usize] {
            Some(first) => first,
            None => {
                let first = self.cells.len();
                self.cells.resize(first + book.days, Cell::default());
                book.first[key.owner as usize] = Some(first);
                first
            }
        };
        Ok(Some((first + day, value)))
    }

    /// Adds a placed row to its cell now, unless the day's sum would pass [`MAX_CELL`].
    pub(super) fn accumulate(
        &mut self,
        key: RowKey,
        at: usize,
        value: Decimal,
    ) -> Result<(), RowRejection> {
        let cell = &mut self.cells[at];
        let Some(sum) = cell.sum.checked_add(value).filter(|s| s.abs() <= MAX_CELL) else {
            let detail = format!(
                "the day's sum for this owner would pass {MAX_CELL}, more than the tool holds exactly"
            );
            return Err(reject(Field::Value, "number too large", detail));
        };
        cell.sum = sum;
        cell.rows = cell.rows.saturating_add(1);
        self.count(key, value);
        Ok(())
    }

    /// Counts a row added (now or in a batch) in its book, and spends the book's headroom.
    pub(super) fn count(&mut self, key: RowKey, value: Decimal) {
        let book = &mut self.books[key.metric as usize];
        book.rows += 1;
        book.team_rows += u64::from(key.owner as usize >= self.reps);
        book.headroom = book.headroom.saturating_sub(magnitude(value));
    }

    /// Counts a row of `value` to be added in a batch, when it fits in its book's headroom:
    /// then no day's sum can come near [`MAX_CELL`], whatever the order of the rows. `false`
    /// (and nothing counted) when it does not.
    pub(super) fn count_if_it_fits(&mut self, key: RowKey, value: Decimal) -> bool {
        let reps = self.reps;
        let book = &mut self.books[key.metric as usize];
        let size = magnitude(value);
        if size > book.headroom {
            return false;
        }
        book.rows += 1;
        book.team_rows += u64::from(key.owner as usize >= reps);
        book.headroom -= size;
        true
    }

    /// The value in the plan's currency, or why not.
    fn in_plan_currency(&self, amount: Amount) -> Result<Decimal, RowRejection> {
        let (Some(row), Some(plan)) = (amount.currency, self.currency) else {
            return Ok(amount.value);
        };
        if row == plan {
            return Ok(amount.value);
        }
        let Some(&(_, rate)) = self.rates.iter().find(|(c, _)| *c == row) else {
            let detail = format!(
                "the row is in {}, the plan in {}; add its rate to [plan], such as \
                 rates = {{ {} = \"0.92\" }} ({} per {})",
                row.as_str(),
                plan.as_str(),
                row.as_str(),
                plan.as_str(),
                row.as_str()
            );
            return Err(reject(Field::Currency, "other currency", detail));
        };
        amount
            .value
            .checked_mul(rate)
            .filter(|v| v.abs() <= MAX_NUMBER)
            .ok_or_else(|| {
                let detail = format!(
                    "{} {} at {rate} is more than the tool holds exactly",
                    amount.value,
                    row.as_str()
                );
                reject(Field::Value, "number too large", detail)
            })
    }
}

impl Sink for Ledger {
    fn owner(&mut self, rep: &str) -> Result<u32, RowRejection> {
        self.names.owner(rep).ok_or_else(|| {
            let detail = format!(
                "`{}` is not the id, name or alias of a rep, nor a team or `company`; add \
                 it to that rep's `aliases`",
                clip(rep)
            );
            reject(Field::Rep, "unknown rep", detail)
        })
    }

    fn metric(&mut self, metric: &str) -> Result<u32, RowRejection> {
        self.names.metric(metric).ok_or_else(|| {
            let detail = format!(
                "`{}` is not a metric of the goal file; declare it under [metrics] or fix \
                 the export",
                clip(metric.trim())
            );
            reject(Field::Metric, "unknown metric", detail)
        })
    }

    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection> {
        let Some((at, value)) = self.place(key, date, amount)? else {
            return Ok(Added::Outside);
        };
        self.accumulate(key, at, value)?;
        Ok(Added::Kept)
    }
}

pub(super) fn reject(field: Field, reason: &str, detail: String) -> RowRejection {
    RowRejection {
        field,
        reason: reason.to_owned(),
        detail: Some(detail),
    }
}
