//! The actuals ledger: per metric, per owner (each rep, then each team, then the company) and
//! per day, the sum and the number of rows read. Its size depends on the metrics, owners and
//! days of the plan, never on the number of rows, so exports of any length fit in the same
//! memory. It is the reader's [`Sink`]: it resolves reps, teams and metrics by name, converts
//! other currencies with `[plan] rates`, and refuses what it cannot hold exactly.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::csv_read::{Added, Field, RowKey, RowRejection, Sink};
use super::numbers::{Amount, CurrencyCode, clip};
use crate::model::money::MAX_NUMBER;
use crate::model::{GoalFile, MetricKind, Owner};

/// One day's actuals of one owner and metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Sum of the values, in the metric's unit (currency units for money).
    pub sum: Decimal,
    /// Rows that day: a level's value is the mean `sum / rows`.
    pub rows: u32,
}

/// The days of one metric: `cells[owner × days + day]`, day 0 = `start`.
#[derive(Debug)]
struct Book {
    start: NaiveDate,
    days: usize,
    cells: Vec<Cell>,
    /// Rows added, and rows added for a team or the company.
    rows: u64,
    team_rows: u64,
    money: bool,
}

/// Actuals accumulated from every export, addressed by metric id, owner slot and day. Slots
/// `0..reps` are the reps in file order, then one per team in file order, then the company.
#[derive(Debug)]
pub struct Ledger {
    /// One book per metric, in file order.
    books: Vec<Book>,
    /// Id, name and aliases of every rep, each team's id as `ID` and `team:ID`, and `company`,
    /// as written and lower-cased → slot. A rep's name wins over a team's id.
    owner_names: FxHashMap<Box<str>, u32>,
    /// Metric ids as written and lower-cased → index in `books`.
    metric_names: FxHashMap<Box<str>, u32>,
    reps: usize,
    teams: Vec<String>,
    currency: Option<CurrencyCode>,
    rates: Vec<(CurrencyCode, Decimal)>,
    /// Rows of a known owner and metric dated outside the ledger's dates (read, not counted).
    pub outside: u64,
}

/// The largest sum one cell (one owner, metric and day) holds: 10^15, a thousand times the
/// largest single value, so that every figure derived from the ledger stays exact.
const MAX_CELL: Decimal = Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0);

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
        let mut books = Vec::new();
        let mut metric_names = FxHashMap::default();
        for (i, metric) in file.metrics.iter().enumerate() {
            let (start, end) = dates(&metric.id.value);
            let days = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
            books.push(Book {
                start,
                days,
                cells: vec![Cell::default(); days * slots],
                rows: 0,
                team_rows: 0,
                money: metric.kind == MetricKind::Money,
            });
            add_name(&mut metric_names, &metric.id.value, index(i));
        }
        let mut owner_names = FxHashMap::default();
        for (i, rep) in file.reps.iter().enumerate() {
            add_name(&mut owner_names, &rep.id.value, index(i));
            let names = rep
                .name
                .iter()
                .map(|n| n.value.as_str())
                .chain(rep.aliases.iter().map(|a| a.value.as_str()));
            for name in names {
                add_name(&mut owner_names, name, index(i));
            }
        }
        let reps = file.reps.len();
        for (t, team) in file.teams.iter().enumerate() {
            add_name(
                &mut owner_names,
                &format!("team:{}", team.id.value),
                index(reps + t),
            );
            add_name(&mut owner_names, &team.id.value, index(reps + t));
        }
        add_name(&mut owner_names, "company", index(slots - 1));
        let code = |c: &str| CurrencyCode::new(c);
        Ledger {
            books,
            owner_names,
            metric_names,
            reps,
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

    fn book(&self, metric: &str) -> Option<&Book> {
        self.metric_names
            .get(metric)
            .map(|&i| &self.books[i as usize])
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
        self.slot(text).filter(|&s| s < self.reps)
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

    fn slot(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        let found = self.owner_names.get(text).copied();
        found
            .or_else(|| self.owner_names.get(text.to_lowercase().as_str()).copied())
            .map(|s| s as usize)
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
                day.map_or_else(Cell::default, |i| book.cells[slot * book.days + i])
            })
    }

    /// The slot's sum of `metric` over [`from`, `to`].
    pub fn sum(&self, metric: &str, slot: usize, from: NaiveDate, to: NaiveDate) -> Decimal {
        self.days(metric, slot, from, to)
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
        let mut last = None;
        for (d, cell) in from.iter_days().zip(self.days(metric, slot, from, to)) {
            if cell.rows > 0 {
                last = Some((d, cell.sum / Decimal::from(cell.rows)));
            }
        }
        last
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
        match self.owner_names.get(rep) {
            Some(&slot) => Ok(slot),
            None => self.slot(rep).map(index).ok_or_else(|| {
                let detail = format!(
                    "`{}` is not the id, name or alias of a rep, nor a team or `company`; add \
                     it to that rep's `aliases`",
                    clip(rep)
                );
                reject(Field::Rep, "unknown rep", detail)
            }),
        }
    }

    fn metric(&mut self, metric: &str) -> Result<u32, RowRejection> {
        let text = metric.trim();
        let found = self.metric_names.get(text).copied();
        found
            .or_else(|| self.metric_names.get(text.to_lowercase().as_str()).copied())
            .ok_or_else(|| {
                let detail = format!(
                    "`{}` is not a metric of the goal file; declare it under [metrics] or fix \
                     the export",
                    clip(text)
                );
                reject(Field::Metric, "unknown metric", detail)
            })
    }

    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection> {
        let money = self.books[key.metric as usize].money;
        let value = if money {
            self.in_plan_currency(amount)?
        } else {
            amount.value
        };
        let reps = self.reps;
        let book = &mut self.books[key.metric as usize];
        let day = (date - book.start).num_days();
        let Some(d) = usize::try_from(day).ok().filter(|&d| d < book.days) else {
            self.outside += 1;
            return Ok(Added::Outside);
        };
        let slot = key.owner as usize;
        let cell = &mut book.cells[slot * book.days + d];
        let Some(sum) = cell.sum.checked_add(value).filter(|s| s.abs() <= MAX_CELL) else {
            let detail = format!(
                "the day's sum for this owner would pass {MAX_CELL}, more than the tool holds exactly"
            );
            return Err(reject(Field::Value, "number too large", detail));
        };
        cell.sum = sum;
        cell.rows = cell.rows.saturating_add(1);
        book.rows += 1;
        book.team_rows += u64::from(slot >= reps);
        Ok(Added::Kept)
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Records `name` as written (trimmed) and lower-cased; the first owner or metric to claim a
/// name keeps it.
fn add_name(names: &mut FxHashMap<Box<str>, u32>, name: &str, slot: u32) {
    names.entry(name.trim().into()).or_insert(slot);
    names
        .entry(name.trim().to_lowercase().into())
        .or_insert(slot);
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
