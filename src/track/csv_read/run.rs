//! One read's state besides its counts, row by row: a possible report footer held until a
//! data row shows it is none, the order of slash dates once a date shows it, and the rows with
//! an ambiguous date waiting for it; each parsed row goes to the sink from here.

use std::io::Read;

use super::super::dates::{Order, Reading};
use super::super::numbers::Amount;
use super::plan::{MetricField, Parsed, Plan};
use super::records::Records;
use super::report::{self, Bad, Tally};
use super::{Added, Field, MAX_AMBIGUOUS, MAX_FOOTER, ReadSummary, RowKey, RowRejection, Sink};

/// The state of one read besides the counts: a possible footer, the order of slash dates and
/// the rows waiting for it.
pub(super) struct Run {
    pub(super) tally: Tally,
    /// The fixed metric, resolved once.
    pub(super) fixed: Option<Result<u32, RowRejection>>,
    /// Lines after a blank line that are no data row (another width than the header's, or no
    /// date): a report footer, unless a data row follows.
    held: Vec<Held>,
    pub(super) after_blank: bool,
    /// The order of slash dates, with the line and text of the date that showed it.
    order: Option<Shown>,
    /// Rows whose slash date is ambiguous, until the order is known.
    pending: Vec<Pending>,
    /// Whether some row's date was read by the order of slash dates (ambiguous, or showing it).
    ordered_dates: bool,
}

/// The reason of a slash date read against the order the file showed.
pub(super) const CONTRADICTING: &str = "contradicting date";

/// An order of slash dates, with the line and text of the date that showed it.
pub(super) type Shown = (Order, u64, String);

/// How a read ended, for a read of the second part of an export on another thread
/// (`halves`): whether what it left behind is nothing that rows after it could change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Ending {
    /// No possible footer held, no blank line just before the end, no row waiting for the
    /// order of slash dates.
    pub(super) settled: bool,
    /// The order of slash dates the rows showed, with the line and text of the date that
    /// showed it.
    pub(super) order: Option<Shown>,
    /// Whether some row's date depended on that order.
    pub(super) ordered_dates: bool,
}

/// What a held line is, should a data row follow it.
pub(super) enum Held {
    Bad(Bad),
    Filtered,
}

/// A row with an ambiguous date, parsed and resolved.
struct Pending {
    line: u64,
    key: RowKey,
    date: Reading,
    amount: Amount,
    column: String,
    text: String,
}

impl Run {
    /// A read that knows the order of slash dates from the rows before it (`shown`), as the
    /// rest of an export after its first half does.
    pub(super) fn new(shown: Option<Shown>) -> Self {
        Run {
            tally: Tally::default(),
            fixed: None,
            held: Vec::new(),
            after_blank: false,
            order: shown,
            pending: Vec::new(),
            ordered_dates: false,
        }
    }

    pub(super) fn blank_line(&mut self) {
        self.after_blank = true;
    }

    pub(super) fn data_row(&mut self) {
        self.flush_held();
        self.after_blank = false;
    }

    fn flush_held(&mut self) {
        for held in std::mem::take(&mut self.held) {
            match held {
                Held::Bad(bad) => self.tally.bad_row(bad),
                Held::Filtered => self.tally.filtered_row(),
            }
        }
    }

    /// Holds a possible footer line; past [`MAX_FOOTER`] lines they are no footer.
    pub(super) fn hold(&mut self, held: Held) {
        self.held.push(held);
        if self.held.len() > MAX_FOOTER {
            self.data_row();
        }
    }

    fn rejected<R: Read>(
        &mut self,
        plan: &Plan<'_>,
        records: &Records<R>,
        rejection: RowRejection,
    ) {
        let column = plan.column_of(rejection.field);
        let text = plan.text_of(records, rejection.field);
        self.tally.bad_row(Bad {
            line: records.line(),
            column: column.to_owned(),
            text: report::clip(text),
            reason: rejection.reason.into(),
            detail: rejection.detail,
        });
    }

    pub(super) fn parsed<R: Read>(
        &mut self,
        plan: &Plan<'_>,
        records: &Records<R>,
        parsed: &Parsed<'_>,
        sink: &mut impl Sink,
    ) {
        let owner = match sink.owner(parsed.rep) {
            Ok(owner) => owner,
            Err(rejection) => return self.rejected(plan, records, rejection),
        };
        let metric = match (&parsed.metric, &self.fixed) {
            (MetricField::Column(text), _) => sink.metric(text),
            (MetricField::Fixed, Some(fixed)) => fixed.clone(),
            (MetricField::Fixed, None) => Err(RowRejection::new(Field::Metric, "no metric")),
        };
        let metric = match metric {
            Ok(metric) => metric,
            Err(rejection) => return self.rejected(plan, records, rejection),
        };
        let key = RowKey { owner, metric };
        self.ordered_dates |= !matches!(parsed.date, Reading::Date(_));
        let date = match (parsed.date, &self.order) {
            (Reading::Date(date), _) => date,
            (reading @ Reading::Ambiguous { .. }, Some((order, _, _))) => reading.in_order(*order),
            (reading @ Reading::Ambiguous { .. }, None) => {
                let column = plan.column_of(Field::Date).to_owned();
                let text = plan.text_of(records, Field::Date).to_owned();
                let line = records.line();
                if self.pending.len() >= MAX_AMBIGUOUS {
                    return self.tally.bad_row(ambiguous(line, &column, &text));
                }
                self.pending.push(Pending {
                    line,
                    key,
                    date: reading,
                    amount: parsed.amount,
                    column,
                    text,
                });
                return;
            }
            (Reading::Shows(date, shown), Some((order, line, example))) => {
                if shown != *order {
                    let text = plan.text_of(records, Field::Date);
                    let detail = format!(
                        "`{text}` can only be read {}, but `{example}` on line {line} already \
                         showed the file's dates are {}; fix the date, or set {} in the mapping",
                        describe(shown),
                        describe(*order),
                        order.key()
                    );
                    let column = plan.column_of(Field::Date);
                    let line = records.line();
                    return self
                        .tally
                        .bad_row(Bad::new(line, column, text, CONTRADICTING, detail));
                }
                date
            }
            (Reading::Shows(date, shown), None) => {
                let line = records.line();
                let text = plan.text_of(records, Field::Date).to_owned();
                self.order = Some((shown, line, text));
                self.replay(shown, sink);
                date
            }
        };
        match sink.add(key, date, parsed.amount) {
            Ok(Added::Kept) => self.tally.kept_row(),
            Ok(Added::Outside) => self.tally.outside_row(),
            Err(rejection) => self.rejected(plan, records, rejection),
        }
    }

    /// Adds the rows that waited for the order of slash dates.
    fn replay(&mut self, order: Order, sink: &mut impl Sink) {
        for row in std::mem::take(&mut self.pending) {
            match sink.add(row.key, row.date.in_order(order), row.amount) {
                Ok(Added::Kept) => self.tally.kept_row(),
                Ok(Added::Outside) => self.tally.outside_row(),
                Err(rejection) => self.tally.bad_row(Bad {
                    line: row.line,
                    column: row.column,
                    text: row.text,
                    reason: rejection.reason.into(),
                    detail: rejection.detail,
                }),
            }
        }
    }

    /// How the read stands at the end of its input (before [`Run::finish`]).
    pub(super) fn ending(&self) -> Ending {
        Ending {
            settled: self.held.is_empty() && !self.after_blank && self.pending.is_empty(),
            order: self.order.clone(),
            ordered_dates: self.ordered_dates,
        }
    }

    pub(super) fn finish(mut self, _sink: &mut impl Sink) -> ReadSummary {
        for row in std::mem::take(&mut self.pending) {
            self.tally
                .bad_row(ambiguous(row.line, &row.column, &row.text));
        }
        let footer = self.held.len() as u64;
        self.tally.footer_rows(footer);
        self.tally.finish()
    }
}

fn describe(order: Order) -> &'static str {
    match order {
        Order::DayFirst => "day first",
        Order::MonthFirst => "month first",
    }
}

fn ambiguous(line: u64, column: &str, text: &str) -> Bad {
    let detail = format!(
        "`{text}` could be read day first or month first, and no date of the file has a day \
         above 12 to tell; set dates = \"day-first\" or dates = \"month-first\" in the file's \
         [[actuals]] mapping"
    );
    Bad::new(line, column, text, "ambiguous date", detail)
}
