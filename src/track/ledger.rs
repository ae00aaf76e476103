//! The actuals ledger: per metric, per rep and per day, the sum and the number of rows read.
//! Its size depends on the metrics, reps and days of the plan, never on the number of rows,
//! so exports of any length fit in the same memory. It reads nothing itself.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::csv_read::{ActualRow, Field, RowRejection};
use super::numbers::clip;
use crate::model::GoalFile;

/// One day's actuals of one rep and metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Sum of the values, in the metric's unit (currency units for money).
    pub sum: Decimal,
    /// Rows that day: a level's value is the mean `sum / rows`.
    pub rows: u32,
}

/// The days of one metric: `cells[rep × days + day]`, day 0 = `start`.
#[derive(Debug)]
struct Book {
    start: NaiveDate,
    days: usize,
    cells: Vec<Cell>,
    /// Rows added.
    rows: u64,
}

/// Actuals accumulated from every export, addressed by metric id, rep index (file order) and day.
#[derive(Debug)]
pub struct Ledger {
    /// One book per metric, in file order.
    books: Vec<Book>,
    /// Id, name and aliases of every rep, as written and lower-cased → its index in the file.
    rep_names: HashMap<String, usize>,
    /// Metric ids as written and lower-cased → index in `books`.
    metric_names: HashMap<String, usize>,
    /// Rows of a known rep and metric dated outside the plan's dates (read, not counted).
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
        let mut books = Vec::new();
        let mut metric_names = HashMap::new();
        for (i, metric) in file.metrics.iter().enumerate() {
            let (start, end) = dates(&metric.id.value);
            let days = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
            let cells = vec![Cell::default(); days * file.reps.len()];
            books.push(Book {
                start,
                days,
                cells,
                rows: 0,
            });
            add_name(&mut metric_names, &metric.id.value, i);
        }
        let mut rep_names = HashMap::new();
        for (i, rep) in file.reps.iter().enumerate() {
            add_name(&mut rep_names, &rep.id.value, i);
            let names = rep
                .name
                .iter()
                .map(|n| n.value.as_str())
                .chain(rep.aliases.iter().map(|a| a.value.as_str()));
            for name in names {
                add_name(&mut rep_names, name, i);
            }
        }
        Ledger {
            books,
            rep_names,
            metric_names,
            outside: 0,
        }
    }

    /// Adds one row, or rejects it when its rep or metric is unknown.
    pub fn add(&mut self, row: &ActualRow<'_>) -> Result<(), RowRejection> {
        let rep = self.rep_index(row.rep).ok_or_else(|| {
            let detail = format!(
                "`{}` is not the id, name or alias of a rep; add it to that rep's `aliases`",
                clip(row.rep)
            );
            reject(Field::Rep, "unknown rep", detail)
        })?;
        let metric = lookup(&self.metric_names, row.metric).ok_or_else(|| {
            let detail = format!("`{}` is not a metric of the goal file; declare it under [metrics] or fix the export", clip(row.metric));
            reject(Field::Metric, "unknown metric", detail)
        })?;
        let book = &mut self.books[metric];
        let day = (row.date - book.start).num_days();
        match usize::try_from(day).ok().filter(|&d| d < book.days) {
            Some(d) => {
                let cell = &mut book.cells[rep * book.days + d];
                cell.sum = cell.sum.saturating_add(row.value);
                cell.rows = cell.rows.saturating_add(1);
                book.rows += 1;
            }
            None => self.outside += 1,
        }
        Ok(())
    }

    fn book(&self, metric: &str) -> Option<&Book> {
        self.metric_names.get(metric).map(|&i| &self.books[i])
    }

    /// Whether any row of `metric` was added within the plan's dates.
    pub fn has_rows(&self, metric: &str) -> bool {
        self.book(metric).is_some_and(|b| b.rows > 0)
    }

    /// The index of the rep with this id, name or alias (any case).
    pub fn rep_index(&self, text: &str) -> Option<usize> {
        lookup(&self.rep_names, text)
    }

    /// The rep's cells of `metric` for each day of [`from`, `to`] (empty cells outside the ledger).
    pub fn days(
        &self,
        metric: &str,
        rep: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = Cell> + '_ {
        let book = self.book(metric);
        from.iter_days()
            .take_while(move |d| *d <= to)
            .map(move |d| {
                let Some(book) = book else {
                    return Cell::default();
                };
                let day = usize::try_from((d - book.start).num_days())
                    .ok()
                    .filter(|&i| i < book.days);
                day.map_or_else(Cell::default, |i| book.cells[rep * book.days + i])
            })
    }

    /// The rep's sum of `metric` over [`from`, `to`].
    pub fn sum(&self, metric: &str, rep: usize, from: NaiveDate, to: NaiveDate) -> Decimal {
        self.days(metric, rep, from, to)
            .fold(Decimal::ZERO, |s, c| s.saturating_add(c.sum))
    }

    /// The rep's latest level of `metric` in [`from`, `to`]: the mean of the rows of the last
    /// day that has any, with that day.
    pub fn latest(
        &self,
        metric: &str,
        rep: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<(NaiveDate, Decimal)> {
        let mut last = None;
        for (d, cell) in from.iter_days().zip(self.days(metric, rep, from, to)) {
            if cell.rows > 0 {
                last = Some((d, cell.sum / Decimal::from(cell.rows)));
            }
        }
        last
    }
}

/// Records `name` as written (trimmed) and lower-cased; the first rep or metric to claim a
/// name keeps it.
fn add_name(names: &mut HashMap<String, usize>, name: &str, index: usize) {
    names.entry(name.trim().to_owned()).or_insert(index);
    names.entry(name.trim().to_lowercase()).or_insert(index);
}

/// The index of `text` as written, else lower-cased (the allocation only for the rare miss).
fn lookup(names: &HashMap<String, usize>, text: &str) -> Option<usize> {
    let text = text.trim();
    names
        .get(text)
        .or_else(|| names.get(&text.to_lowercase()))
        .copied()
}

fn reject(field: Field, reason: &str, detail: String) -> RowRejection {
    RowRejection {
        field,
        reason: reason.to_owned(),
        detail: Some(detail),
    }
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
