//! Streaming reader of actuals CSV exports: reads the input once, decodes it, sniffs the
//! delimiter, maps the export's columns to date, rep, metric, value and currency, applies
//! `where` filters, and hands each good row to a [`Sink`]. It keeps no rows beyond a bounded
//! few (ambiguous slash dates until the file shows their order, a possible report footer), and
//! never drops a row silently: every row is kept, filtered, outside the plan, a footer line or
//! a bad row counted by reason.

use std::io::Read;

use chrono::NaiveDate;
use encoding_rs::Encoding;

use super::dates::Rule;
use super::numbers::Amount;

mod decode;
mod error;
mod halves;
mod header;
mod plan;
mod records;
mod report;
mod run;
pub mod sources;
pub use error::ReadError;
pub use header::{Header, peek_columns, sniff_delimiter};
use plan::Plan;
use records::Next;
pub use records::{MAX_RECORD, Peeked};
use report::Bad;
pub use report::{BadRow, Field, ReadSummary, ReasonCount, RowRejection};
use run::{Ending, Held, Run};

/// How many bad rows are kept as examples in [`ReadSummary::bad_examples`].
pub const MAX_BAD_EXAMPLES: usize = 100;
/// Most lines after the last blank line held as a possible report footer.
const MAX_FOOTER: usize = 64;
/// Most rows with an ambiguous slash date held until the file shows its order.
const MAX_AMBIGUOUS: usize = 100_000;

/// Which columns of an export hold what, and how to read them. Column names are matched
/// ignoring case and surrounding spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Column with the date of each row.
    pub date: String,
    /// Column with the sales rep (or a team, `team:ID`, `company`).
    pub rep: String,
    /// Column with the metric name; leave `None` when `fixed_metric` is set.
    pub metric: Option<String>,
    /// Column with the value; `None` means every row counts 1.
    pub value: Option<String>,
    /// When `value` names a column the header lacks: `true` counts each row 1, `false` is an error.
    pub value_optional: bool,
    /// Metric given to every row of this export (then no metric column is read).
    pub fixed_metric: Option<String>,
    /// `(column, values)`: keep only rows whose column is one of the values, ignoring case.
    pub filters: Vec<(String, Vec<String>)>,
    /// How dates are read.
    pub dates: Rule,
    /// The decimal separator, when the mapping gives it.
    pub decimal: Option<char>,
    /// Column with each row's ISO currency code.
    pub currency: Option<String>,
    /// The encoding of an input without a BOM (UTF-8 when `None`).
    pub encoding: Option<&'static Encoding>,
}

impl Mapping {
    /// The default layout: columns `date`, `rep`, `metric` and `value`, where a header without
    /// `value` makes each row count 1.
    pub fn standard() -> Self {
        Mapping {
            date: "date".to_owned(),
            rep: "rep".to_owned(),
            metric: Some("metric".to_owned()),
            value: Some("value".to_owned()),
            value_optional: true,
            fixed_metric: None,
            filters: Vec::new(),
            dates: Rule::Auto,
            decimal: None,
            currency: None,
            encoding: None,
        }
    }

    /// The columns the mapping needs in a header.
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        let value = self.value.as_deref().filter(|_| !self.value_optional);
        [Some(self.date.as_str()), Some(self.rep.as_str())]
            .into_iter()
            .chain([self.metric.as_deref(), value, self.currency.as_deref()])
            .flatten()
            .chain(self.filters.iter().map(|(c, _)| c.as_str()))
    }
}

/// Where a row goes: an owner (a rep, a team or the company) and a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowKey {
    pub owner: u32,
    pub metric: u32,
}

/// What a sink did with a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// Counted.
    Kept,
    /// Dated outside the plan: read, not counted.
    Outside,
}

/// Where good rows go (the ledger). Each may refuse a row with a [`RowRejection`], which is
/// then counted and reported like a parse failure, with its line and column.
pub trait Sink {
    /// The owner a rep column's text names.
    fn owner(&mut self, rep: &str) -> Result<u32, RowRejection>;
    /// The metric a metric column's text (or the fixed metric) names.
    fn metric(&mut self, metric: &str) -> Result<u32, RowRejection>;
    /// Adds one row.
    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection>;
}

/// Streams the rows of an export through `mapping` into `sink`. Fails only when the input is
/// empty, the header does not fit the mapping, a line is not UTF-8 (without an encoding), a
/// record never ends, or the input cannot be read.
pub fn read_actuals<R: Read>(
    input: R,
    mapping: &Mapping,
    sink: &mut impl Sink,
) -> Result<ReadSummary, ReadError> {
    let peeked = Peeked::new(input).map_err(|e| ReadError::Io {
        line: 1,
        message: e.to_string(),
    })?;
    read_peeked(peeked, mapping, sink)
}

/// [`read_actuals`] on an input whose first bytes were already peeked.
pub fn read_peeked<R: Read>(
    peeked: Peeked<R>,
    mapping: &Mapping,
    sink: &mut impl Sink,
) -> Result<ReadSummary, ReadError> {
    read_part(peeked, mapping, None, sink).map(|part| part.summary)
}

/// What reading one input (or one part of an export, see `halves`) found.
struct Part {
    summary: ReadSummary,
    ending: Ending,
    /// Whether the last record had a line end inside a field (a quote left open at the end),
    /// or empty lines followed it.
    open_end: bool,
    /// Line ends in the input.
    line_ends: u64,
    /// Whether the header is the first line, all of it.
    header_first_line: bool,
}

/// Reads an input, knowing the order of slash dates from the rows before it when `shown`.
fn read_part<R: Read>(
    peeked: Peeked<R>,
    mapping: &Mapping,
    shown: Option<run::Shown>,
    sink: &mut impl Sink,
) -> Result<Part, ReadError> {
    if peeked.is_blank() {
        return Err(ReadError::Empty);
    }
    let line = peeked.first_line(mapping.encoding);
    let delimiter = sniff_delimiter(line.as_bytes());
    let mut records = peeked.records(delimiter, mapping.encoding);
    loop {
        match records.next()? {
            Next::Record if records.is_blank() => {}
            Next::Record => break,
            Next::TooLong => return Err(ReadError::HeaderTooLong),
            Next::End => return Err(ReadError::Empty),
        }
    }
    let header_first_line = records.line() == 1 && !records.newline_inside();
    let header = Header {
        columns: records.fields().map(|c| c.trim().to_owned()).collect(),
        delimiter,
        line: records.line(),
    };
    let plan = Plan::new(mapping, &header)?;
    let mut run = Run::new(shown);
    if let Some(fixed) = plan.fixed_metric() {
        run.fixed = Some(sink.metric(fixed));
    }
    loop {
        match records.next()? {
            Next::End => break,
            Next::TooLong => {
                let line = records.line();
                let detail = format!(
                    "the record is longer than {} MiB; is a quote left open above it?",
                    MAX_RECORD >> 20
                );
                let bad = Bad::new(line, "(row)", "", "record too long", detail);
                if run.after_blank {
                    run.hold(Held::Bad(bad));
                } else {
                    run.data_row();
                    run.tally.bad_row(bad);
                }
            }
            Next::Record => {
                if records.after_empty_lines() {
                    run.blank_line();
                }
                if records.is_blank() {
                    if records.len() > 1 {
                        run.tally.blank_row();
                    }
                    run.blank_line();
                    continue;
                }
                // After a blank line, a line of another width than the header's, or without a
                // date, may be a report footer: it waits for the next data row to tell.
                let footer_like = run.after_blank && plan.footer_like(&records);
                match plan.row(&records) {
                    Ok(None) if footer_like => run.hold(Held::Filtered),
                    Ok(None) => {
                        run.data_row();
                        run.tally.filtered_row();
                    }
                    Ok(Some(parsed)) => {
                        run.data_row();
                        run.parsed(&plan, &records, &parsed, sink);
                    }
                    Err(bad) if footer_like => run.hold(Held::Bad(bad)),
                    Err(bad) => {
                        run.data_row();
                        run.tally.bad_row(bad);
                    }
                }
            }
        }
    }
    Ok(Part {
        ending: run.ending(),
        open_end: records.newline_inside() || records.ends_with_empty_lines(),
        line_ends: records.line_ends(),
        header_first_line,
        summary: run.finish(sink),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_halves;
