//! The actuals ledger: per metric, per owner (each rep, then each team, then the company) and
//! per day, the sum and the number of rows read. Its size depends on the metrics, owners and
//! days of the plan, never on the number of rows, so exports of any length fit in the same
//! memory; an owner's days take room only once it has a row. It is the reader's
//! [`Sink`](super::csv_read::Sink) (`add`), directly or through [`Filling`] (`filling`), which
//! adds rows in small batches; it resolves reps, teams and metrics by name, converts other
//! currencies with `[plan] rates`, and refuses what it cannot hold exactly.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{GoalFile, MetricKind, Owner};

mod add;
mod filling;
mod join;
mod names;
#[cfg(test)]
pub(crate) mod tests;

pub use filling::Filling;
#[cfg(test)]
pub(crate) use join::Canonical;
use names::Names;

/// One day's actuals of one owner and metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Sum of the values, in the metric's unit (currency units for money).
    pub sum: Decimal,
    /// Rows that day: a level's value is the mean `sum / rows`.
    pub rows: u32,
}

/// The days of one metric: each owner slot's `days` cells, day 0 = `start`, lie together in
/// [`Ledger::cells`] from the slot's `first` index, once the slot has a row.
#[derive(Clone, Debug)]
struct Book {
    start: NaiveDate,
    days: usize,
    /// Per slot, where its days begin in the ledger's cells (`None`: no row yet).
    first: Vec<Option<usize>>,
    /// Rows added, and rows added for a team or the company.
    rows: u64,
    team_rows: u64,
    money: bool,
    /// How much more magnitude rows may add before some day's sum could pass half of the
    /// largest sum a cell holds; while rows fit, none can be refused for its size, so they may
    /// be added in any order that keeps each cell's rows in file order (see [`Filling`]).
    headroom: u128,
}

impl Book {
    /// The day index of `date`, when the book holds it.
    fn day(&self, date: NaiveDate) -> Option<usize> {
        usize::try_from((date - self.start).num_days())
            .ok()
            .filter(|&d| d < self.days)
    }
}

/// Actuals accumulated from every export, addressed by metric id, owner slot and day. Slots
/// `0..reps` are the reps in file order, then one per team in file order, then the company.
#[derive(Clone, Debug)]
pub struct Ledger {
    /// One book per metric, in file order.
    books: Vec<Book>,
    /// Every book's cells, one run of `days` cells per slot with rows, in the order the slots
    /// got their first row.
    cells: Vec<Cell>,
    names: Names,
    reps: usize,
    teams: Vec<String>,
    currency: Option<super::numbers::CurrencyCode>,
    rates: Vec<(super::numbers::CurrencyCode, Decimal)>,
    /// Rows of a known owner and metric dated outside the ledger's dates (read, not counted).
    pub outside: u64,
}

impl Ledger {
    /// An empty ledger over the dates of the plan and of every target of each metric.
    pub fn new(file: &GoalFile, plan_start: NaiveDate, plan_end: NaiveDate) -> Self {
        Self::with_dates(file, &|metric| {
            metric_dates(file, metric, plan_start, plan_end)
        })
    }

    /// An empty ledger over [`start`, `end`] for every metric (`goals baseline`'s history).
    pub fn over(file: &GoalFile, start: NaiveDate, end: NaiveDate) -> Self {
        Self::with_dates(file, &|_| (start, end))
    }

    fn with_dates(file: &GoalFile, dates: &dyn Fn(&str) -> (NaiveDate, NaiveDate)) -> Self {
        let slots = file.reps.len() + file.teams.len() + 1;
        let books: Vec<Book> = file
            .metrics
            .iter()
            .map(|metric| {
                let (start, end) = dates(&metric.id.value);
                Book {
                    start,
                    days: usize::try_from((end - start).num_days() + 1).unwrap_or(0),
                    first: vec![None; slots],
                    rows: 0,
                    team_rows: 0,
                    money: metric.kind == MetricKind::Money,
                    headroom: add::HEADROOM,
                }
            })
            .collect();
        let code = super::numbers::CurrencyCode::new;
        Ledger {
            cells: reserved(&books),
            books,
            names: Names::of(file),
            reps: file.reps.len(),
            teams: file.teams.iter().map(|t| t.id.value.clone()).collect(),
            currency: file
                .plan
                .currency
                .as_ref()
                .and_then(|c| code(&c.value.code)),
            rates: file
                .plan
                .rates
                .iter()
                .filter_map(|(c, r)| Some((code(c)?, *r)))
                .collect(),
            outside: 0,
        }
    }

    /// A sink that adds rows to this ledger in batches; the ledger is whole again once it is
    /// dropped.
    pub fn filling(&mut self) -> Filling<'_> {
        Filling::new(self)
    }

    fn book(&self, metric: &str) -> Option<&Book> {
        self.names
            .metric_id(metric)
            .map(|i| &self.books[i as usize])
    }

    /// Whether any row of `metric` was added within the plan's dates.
    pub fn has_rows(&self, metric: &str) -> bool {
        self.book(metric).is_some_and(|b| b.rows > 0)
    }

    /// Whether any row of `metric` was added for a team or the company.
    pub fn has_team_rows(&self, metric: &str) -> bool {
        self.book(metric).is_some_and(|b| b.team_rows > 0)
    }

    /// The slot of the rep with this id, name or alias (any case).
    pub fn rep_index(&self, text: &str) -> Option<usize> {
        self.names
            .owner(text)
            .map(|s| s as usize)
            .filter(|&s| s < self.reps)
    }

    /// The slot of a team or company owner's own rows (`None` for a rep owner).
    pub fn owner_slot(&self, owner: &Owner) -> Option<usize> {
        match owner {
            Owner::Rep(_) => None,
            Owner::Team(id) => self
                .teams
                .iter()
                .position(|t| t == id)
                .map(|t| self.reps + t),
            Owner::Company => Some(self.reps + self.teams.len()),
        }
    }

    /// The slot's cells of `metric` that fall in [`from`, `to`], and how many days after
    /// `from` the first of them is; no cells when the slot has no row of the metric or the
    /// ledger holds none of those days (every day not given is empty).
    pub fn cells(
        &self,
        metric: &str,
        slot: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> (usize, &[Cell]) {
        let Some(book) = self.book(metric) else {
            return (0, &[]);
        };
        let Some(first) = book.first.get(slot).copied().flatten() else {
            return (0, &[]);
        };
        let (lo, hi) = ((from - book.start).num_days(), (to - book.start).num_days());
        let last = i64::try_from(book.days).unwrap_or(i64::MAX) - 1;
        let (a, b) = (lo.max(0), hi.min(last));
        let (Ok(skip), Ok(a), Ok(b)) = (
            usize::try_from(a - lo),
            usize::try_from(a),
            usize::try_from(b),
        ) else {
            return (0, &[]);
        };
        if a > b {
            return (0, &[]);
        }
        (skip, &self.cells[first + a..=first + b])
    }

    /// The slot's cells of `metric` for each day of [`from`, `to`] (empty cells outside the
    /// ledger).
    pub fn days(
        &self,
        metric: &str,
        slot: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = Cell> + '_ {
        let (skip, cells) = self.cells(metric, slot, from, to);
        let len = usize::try_from((to - from).num_days() + 1).unwrap_or(0);
        (0..len).map(move |d| {
            d.checked_sub(skip)
                .and_then(|i| cells.get(i))
                .copied()
                .unwrap_or_default()
        })
    }

    /// The slot's sum of `metric` over [`from`, `to`].
    pub fn sum(&self, metric: &str, slot: usize, from: NaiveDate, to: NaiveDate) -> Decimal {
        let (_, cells) = self.cells(metric, slot, from, to);
        cells
            .iter()
            .fold(Decimal::ZERO, |s, c| s.saturating_add(c.sum))
    }

    /// The slot's latest level of `metric` in [`from`, `to`]: the mean of the rows of the last
    /// day that has any, with that day.
    pub fn latest(
        &self,
        metric: &str,
        slot: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<(NaiveDate, Decimal)> {
        let (skip, cells) = self.cells(metric, slot, from, to);
        let (i, cell) = cells.iter().enumerate().rev().find(|(_, c)| c.rows > 0)?;
        let day = from.checked_add_days(chrono::Days::new((skip + i) as u64))?;
        Some((day, cell.sum / Decimal::from(cell.rows)))
    }
}

/// Cells reserved up front, at most: room asked for, not memory used (pages are only taken
/// when written), so that the cells never move as owners get their first rows.
const RESERVED_CELLS: usize = 4 << 20;

/// Room for every owner's days of every book, up to [`RESERVED_CELLS`].
fn reserved(books: &[Book]) -> Vec<Cell> {
    let all: usize = books
        .iter()
        .map(|b| b.days.saturating_mul(b.first.len()))
        .sum();
    Vec::with_capacity(all.min(RESERVED_CELLS))
}

/// The first and last day of the plan and of every target of `metric`.
fn metric_dates(
    file: &GoalFile,
    metric: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let targets = file
        .goals
        .iter()
        .flat_map(|g| &g.targets)
        .filter(|t| t.metric.as_ref().is_some_and(|m| m.value == metric));
    targets.fold((start, end), |(lo, hi), t| {
        let lo = t.start.as_ref().map_or(lo, |s| lo.min(s.value));
        let hi = t.end.as_ref().map_or(hi, |e| hi.max(e.value));
        (lo, hi)
    })
}
