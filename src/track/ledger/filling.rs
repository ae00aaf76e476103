//! Filling the ledger from a long export without waiting on memory: rows are checked and
//! counted as they come, and their values wait in a bounded batch that is then added bucket by
//! bucket of nearby cells, so each bucket's cells stay in cache instead of every row landing
//! on a cell far from the last. A batch changes nothing a reader sees: each cell still gets
//! its rows in file order, and a row is batched only while its book's headroom shows that no
//! day's sum can be refused for its size; past that, rows are added one by one as
//! [`Ledger`]'s own `add` does, after the batch.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::csv_read::{Added, RowKey, RowRejection, Sink};
use super::super::numbers::Amount;
use super::Ledger;

/// Rows held before they are added.
const BATCH: usize = 1 << 15;
/// Cells per bucket, as a power of two: 2^14 cells of 20 bytes (320 KiB) stay in cache.
const BUCKET_BITS: u32 = 14;
/// Rows whose cells are loaded ahead of their adds: their cache lines (256 KiB) stay in cache.
const TOUCH: usize = 4096;

/// A [`Sink`] that fills a ledger in batches; dropping it adds what is left.
pub struct Filling<'l> {
    ledger: &'l mut Ledger,
    /// Rows waiting: cell index and value, in file order.
    pending: Vec<(usize, Decimal)>,
    /// The same rows ordered by bucket, file order kept within each.
    sorted: Vec<(usize, Decimal)>,
    /// Rows per bucket, then where each bucket starts in `sorted`.
    starts: Vec<usize>,
    /// Rows held before they are added, and cells per bucket as a power of two.
    batch: usize,
    bucket_bits: u32,
}

impl<'l> Filling<'l> {
    pub(super) fn new(ledger: &'l mut Ledger) -> Self {
        Self::sized(ledger, BATCH, BUCKET_BITS)
    }

    /// A filling with other sizes than the usual (tests make many small batches and buckets).
    pub(super) fn sized(ledger: &'l mut Ledger, batch: usize, bucket_bits: u32) -> Self {
        Filling {
            ledger,
            pending: Vec::new(),
            sorted: Vec::new(),
            starts: Vec::new(),
            batch: batch.max(1),
            bucket_bits,
        }
    }

    /// Adds every waiting row, bucket by bucket.
    fn flush(&mut self) {
        let buckets = (self.ledger.cells.len() >> self.bucket_bits) + 1;
        let rows = if buckets == 1 {
            &self.pending
        } else {
            self.order(buckets);
            &self.sorted
        };
        let cells = &mut self.ledger.cells;
        for rows in rows.chunks(TOUCH) {
            // Independent loads of the cells first: their trips to memory overlap, where each
            // add, which branches on its cell, would wait for its own.
            let touched = rows.iter().fold(0, |t, &(at, _)| t ^ cells[at].rows);
            std::hint::black_box(touched);
            for &(at, value) in rows {
                let cell = &mut cells[at];
                cell.sum = cell
                    .sum
                    .checked_add(value)
                    .expect("batched rows fit their book's headroom, far below any overflow");
                cell.rows = cell.rows.saturating_add(1);
            }
        }
        self.pending.clear();
    }

    /// Sorts the waiting rows into `sorted` by bucket (a counting sort, so stable).
    fn order(&mut self, buckets: usize) {
        self.starts.clear();
        self.starts.resize(buckets + 1, 0);
        for &(at, _) in &self.pending {
            self.starts[(at >> self.bucket_bits) + 1] += 1;
        }
        for b in 1..=buckets {
            self.starts[b] += self.starts[b - 1];
        }
        self.sorted.clear();
        self.sorted.resize(self.pending.len(), (0, Decimal::ZERO));
        for &row in &self.pending {
            let next = &mut self.starts[row.0 >> self.bucket_bits];
            self.sorted[*next] = row;
            *next += 1;
        }
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
        if !self.ledger.fits(key, value) {
            // The cell's sum must be known to refuse a row that would pass it.
            self.flush();
            self.ledger.accumulate(key, at, value)?;
            return Ok(Added::Kept);
        }
        self.ledger.count(key, value);
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
