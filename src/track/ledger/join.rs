//! Joining two ledgers filled from the two halves of one export (`csv_read::halves`): the
//! second's cells added to the first's, which gives the very ledger a read in one go gives
//! whenever both halves together stayed within a book's headroom (then no day's sum could have
//! been refused, whatever the order of the rows).

use super::{Book, Cell, Ledger};

impl Ledger {
    /// Whether no row was added yet (nor read outside the ledger's dates).
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.outside == 0
    }

    /// A ledger like this one as it was made, without its rows.
    pub(crate) fn emptied(&self) -> Ledger {
        let books: Vec<Book> = self
            .books
            .iter()
            .map(|book| Book {
                first: vec![None; book.first.len()],
                rows: 0,
                team_rows: 0,
                headroom: super::add::HEADROOM,
                ..book.clone()
            })
            .collect();
        Ledger {
            cells: super::reserved(&books),
            books,
            names: self.names.clone(),
            reps: self.reps,
            teams: self.teams.clone(),
            currency: self.currency,
            rates: self.rates.clone(),
            outside: 0,
        }
    }

    /// Whether `rest`, filled from the rows after those of `self` from [`Ledger::emptied`],
    /// joins `self` exactly as if its rows had been added to it.
    pub(crate) fn joins(&self, rest: &Ledger) -> bool {
        self.books.len() == rest.books.len()
            && self.books.iter().zip(&rest.books).all(|(book, later)| {
                let spent = super::add::HEADROOM - later.headroom;
                spent == 0 || later.headroom + book.headroom >= super::add::HEADROOM
            })
    }

    /// Adds `rest`'s rows (see [`Ledger::joins`], which must hold). A slot's days that only
    /// `rest` has are moved over; those both have are added, the two halves of the cells at
    /// once when there are many.
    pub(crate) fn join(&mut self, rest: Ledger) {
        debug_assert!(self.joins(&rest));
        if self.is_empty() {
            *self = rest;
            return;
        }
        self.outside += rest.outside;
        // (first cell here, first cell in `rest`, days) of each slot that both have.
        let mut both: Vec<(usize, usize, usize)> = Vec::new();
        for (book, later) in self.books.iter_mut().zip(&rest.books) {
            book.rows += later.rows;
            book.team_rows += later.team_rows;
            let spent = super::add::HEADROOM - later.headroom;
            book.headroom = book.headroom.saturating_sub(spent);
            for (slot, from) in later.first.iter().enumerate() {
                let Some(from) = *from else { continue };
                match book.first[slot] {
                    Some(first) => both.push((first, from, book.days)),
                    None => {
                        book.first[slot] = Some(self.cells.len());
                        let days = &rest.cells[from..from + later.days];
                        self.cells.extend_from_slice(days);
                    }
                }
            }
        }
        both.sort_unstable_by_key(|&(first, _, _)| first);
        let cells: usize = both.iter().map(|&(_, _, days)| days).sum();
        if cells < PARALLEL_JOIN {
            add_days(&mut self.cells, 0, &both, &rest.cells);
            return;
        }
        // Slots' days do not overlap: those starting below the middle slot's end below it.
        let (below, above) = both.split_at(both.len() / 2);
        let middle = above
            .first()
            .map_or(self.cells.len(), |&(first, _, _)| first);
        let (low, high) = self.cells.split_at_mut(middle);
        std::thread::scope(|scope| {
            scope.spawn(|| add_days(low, 0, below, &rest.cells));
            add_days(high, middle, above, &rest.cells);
        });
    }
}

/// Cells added below which a join stays on one thread.
pub(super) const PARALLEL_JOIN: usize = 1 << 16;

/// Adds to the cells `into` (which begin at cell `offset`) the days of each slot of `slots`
/// (first cell here, first cell in `from`, days).
fn add_days(into: &mut [Cell], offset: usize, slots: &[(usize, usize, usize)], from: &[Cell]) {
    for &(first, at, days) in slots {
        let here = &mut into[first - offset..first - offset + days];
        for (cell, later) in here.iter_mut().zip(&from[at..at + days]) {
            if later.rows > 0 {
                cell.sum += later.sum;
                cell.rows = cell.rows.saturating_add(later.rows);
            }
        }
    }
}

/// What [`Ledger::canonical`] lists: cells with rows by (book, slot, day), each book's
/// `(rows, team_rows)`, and the rows outside.
#[cfg(test)]
pub(crate) type Canonical = (Vec<(usize, usize, usize, Cell)>, Vec<(u64, u64)>, u64);

#[cfg(test)]
impl Ledger {
    /// Every cell with rows as (book, slot, day, cell), in that order, then each book's row
    /// counts and the rows outside: what two ledgers with the same rows share, however their
    /// cells are laid out.
    pub(crate) fn canonical(&self) -> Canonical {
        let mut cells = Vec::new();
        for (b, book) in self.books.iter().enumerate() {
            for (slot, first) in book.first.iter().enumerate() {
                let Some(first) = *first else { continue };
                for (day, cell) in self.cells[first..first + book.days].iter().enumerate() {
                    if cell.rows > 0 {
                        cells.push((b, slot, day, *cell));
                    }
                }
            }
        }
        let rows = self.books.iter().map(|b| (b.rows, b.team_rows)).collect();
        (cells, rows, self.outside)
    }
}
