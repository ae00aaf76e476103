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

    /// Adds `rest`'s rows (see [`Ledger::joins`], which must hold).
    pub(crate) fn join(&mut self, rest: Ledger) {
        debug_assert!(self.joins(&rest));
        if self.is_empty() {
            *self = rest;
            return;
        }
        self.outside += rest.outside;
        for (book, later) in self.books.iter_mut().zip(&rest.books) {
            book.rows += later.rows;
            book.team_rows += later.team_rows;
            let spent = super::add::HEADROOM - later.headroom;
            book.headroom = book.headroom.saturating_sub(spent);
            for (slot, from) in later.first.iter().enumerate() {
                let Some(from) = *from else { continue };
                let cells = &rest.cells[from..from + later.days];
                join_slot(book, slot, &mut self.cells, cells);
            }
        }
    }
}

/// Adds a slot's cells of one book from the other ledger.
fn join_slot(book: &mut Book, slot: usize, into: &mut Vec<Cell>, cells: &[Cell]) {
    let Some(first) = book.first[slot] else {
        book.first[slot] = Some(into.len());
        into.extend_from_slice(cells);
        return;
    };
    for (cell, later) in into[first..first + book.days].iter_mut().zip(cells) {
        if later.rows > 0 {
            cell.sum += later.sum;
            cell.rows = cell.rows.saturating_add(later.rows);
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
