//! Filling the ledger from a long export without waiting on memory one row at a time: rows
//! are checked and counted as they come, and their values wait in a small batch. The batch's
//! cells are then loaded all at once, loads that overlap their trips to memory, before the
//! adds, each of which branches on its cell and so would wait for its own. A batch changes
//! nothing a reader sees: each cell still gets its rows in file order, and a row is batched
//! only while its book's headroom shows that no day's sum can be refused for its size; past
//! that, rows are added one by one as [`Ledger`]'s own `add` does, after the batch.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::csv_read::{Added, RowKey, RowRejection, Sink};
use super::super::numbers::Amount;
use super::Ledger;

/// Rows held before they are added: their cells' cache lines (256 KiB) stay in cache between
/// the loads and the adds.
const BATCH: usize = 4096;

/// A [`Sink`] that fills a ledger in batches; dropping it adds what is left.
pub struct Filling<'l> {
    ledger: &'l mut Ledger,
    /// Rows waiting: cell index and value, in file order.
    pending: Vec<(usize, Decimal)>,
    /// Rows held before they are added.
    batch: usize,
}

impl<'l> Filling<'l> {
    pub(super) fn new(ledger: &'l mut Ledger) -> Self {
        Self::sized(ledger, BATCH)
    }

    /// A filling with batches of another size (tests make many small ones).
    pub(super) fn sized(ledger: &'l mut Ledger, batch: usize) -> Self {
        Filling {
            ledger,
            pending: Vec::with_capacity(batch.clamp(1, BATCH)),
            batch: batch.max(1),
        }
    }

    /// Adds every waiting row.
    fn flush(&mut self) {
        let cells = &mut self.ledger.cells;
        let touched = self
            .pending
            .iter()
            .fold(0, |t, &(at, _)| t ^ cells[at].rows);
        std::hint::black_box(touched);
        for &(at, value) in &self.pending {
            let cell = &mut cells[at];
            cell.sum = cell
                .sum
                .checked_add(value)
                .expect("batched rows fit their book's headroom, far below any overflow");
            cell.rows = cell.rows.saturating_add(1);
        }
        self.pending.clear();
    }
}

impl Sink for Filling<'_> {
    fn owner(&mut self, rep: &str) -> Result<u32, RowRejection> {
        self.ledger.owner(rep)
    }

    fn metric(&mut self, metric: &str) -> Result<u32, RowRejection> {
        self.ledger.metric(metric)
    }

    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection> {
        let Some((at, value)) = self.ledger.place(key, date, amount)? else {
            return Ok(Added::Outside);
        };
        if !self.ledger.count_if_it_fits(key, value) {
            // The cell's sum must be known to refuse a row that would pass it.
            self.flush();
            self.ledger.accumulate(key, at, value)?;
            return Ok(Added::Kept);
        }
        self.pending.push((at, value));
        if self.pending.len() >= self.batch {
            self.flush();
        }
        Ok(Added::Kept)
    }
}

impl Drop for Filling<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}
