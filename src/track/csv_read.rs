//! Streaming reader of actuals CSV exports: reads the input once, decodes it, sniffs the
//! delimiter, maps the export's columns to date, rep, metric, value and currency, applies
//! `where` filters, and hands each good row to a [`Sink`]. It keeps no rows beyond a bounded
//! few (ambiguous slash dates until the file shows their order, a possible report footer), and
//! never drops a row silently: every row is kept, filtered, outside the plan, a footer line or
//! a bad row counted by reason.

use std::io::Read;

use chrono::NaiveDate;
use encoding_rs::Encoding;

use super::dates::{Order, Reading, Rule};
use super::numbers::Amount;

mod decode;
mod error;
mod plan;
mod records;
mod report;
pub mod sources;
pub use error::ReadError;
use plan::{MetricField, Parsed, Plan};
pub use records::{MAX_RECORD, Peeked};
use records::{Next, Records};
use report::{Bad, Tally};
pub use report::{BadRow, Field, ReadSummary, ReasonCount, RowRejection};

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

/// The header line of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Column names, trimmed.
    pub columns: Vec<String>,
    /// The sniffed field delimiter (`,`, `;` or tab).
    pub delimiter: u8,
    /// Line of the header (after any leading blank lines).
    pub line: u64,
}

impl Header {
    /// Whether the header has `column`, ignoring case and surrounding spaces.
    pub fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|c| error::same_name(c, column))
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

/// Picks the delimiter from the header line: the most frequent of `,`, `;` and tab outside
/// double quotes; ties and a line with none of them give `,`.
pub fn sniff_delimiter(header_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    [b',', b';', b'\t'][best]
}

/// The header's column names as far as the peeked prefix shows them, decoded with the BOM's
/// encoding or `encoding`: enough to choose a mapping.
pub fn peek_columns<R: Read>(
    peeked: &Peeked<R>,
    encoding: Option<&'static Encoding>,
) -> Vec<String> {
    let line = peeked.first_line(encoding);
    let delimiter = sniff_delimiter(line.as_bytes());
    let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0; line.len() + 1];
    let mut ends = vec![0; line.len() + 2];
    let mut input = line.as_bytes();
    let (mut nout, mut nend) = (0, 0);
    loop {
        let (result, nin, o, e) = parser.read_record(input, &mut out[nout..], &mut ends[nend..]);
        input = &input[nin..];
        nout += o;
        nend += e;
        match result {
            csv_core::ReadRecordResult::InputEmpty if !input.is_empty() => {}
            csv_core::ReadRecordResult::InputEmpty => input = b"\n",
            _ => break,
        }
    }
    let mut start = 0;
    ends[..nend]
        .iter()
        .map(|&end| {
            let name = String::from_utf8_lossy(&out[start..end]).trim().to_owned();
            start = end;
            name
        })
        .collect()
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
    let header = Header {
        columns: records.fields().map(|c| c.trim().to_owned()).collect(),
        delimiter,
        line: records.line(),
    };
    let plan = Plan::new(mapping, &header)?;
    let mut run = Run {
        tally: Tally::default(),
        fixed: None,
        held: Vec::new(),
        after_blank: false,
        order: None,
        pending: Vec::new(),
    };
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
    Ok(run.finish(sink))
}

/// The state of one read besides the counts: a possible footer, the order of slash dates and
/// the rows waiting for it.
struct Run {
    tally: Tally,
    /// The fixed metric, resolved once.
    fixed: Option<Result<u32, RowRejection>>,
    /// Lines after a blank line that are no data row (another width than the header's, or no
    /// date): a report footer, unless a data row follows.
    held: Vec<Held>,
    after_blank: bool,
    /// The order of slash dates, with the line and text of the date that showed it.
    order: Option<(Order, u64, String)>,
    /// Rows whose slash date is ambiguous, until the order is known.
    pending: Vec<Pending>,
}

/// What a held line is, should a data row follow it.
enum Held {
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
    fn blank_line(&mut self) {
        self.after_blank = true;
    }

    fn data_row(&mut self) {
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
    fn hold(&mut self, held: Held) {
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

    fn parsed<R: Read>(
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
                    return self.tally.bad_row(Bad::new(
                        line,
                        column,
                        text,
                        "contradicting date",
                        detail,
                    ));
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

    fn finish(mut self, _sink: &mut impl Sink) -> ReadSummary {
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

#[cfg(test)]
mod tests;
