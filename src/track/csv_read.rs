//! Streaming reader of actuals CSV exports: sniffs the delimiter, maps the export's columns to
//! date, rep, metric and value, applies `where` filters, and hands each good row to a callback.
//! It keeps no rows (memory is independent of the file's length) and never drops a row silently:
//! every unreadable or rejected row is counted by reason, and the first ones kept as examples.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

use chrono::NaiveDate;
use csv::ByteRecord;
use rust_decimal::Decimal;

use super::numbers::DecimalStyle;

mod error;
mod plan;
mod report;
pub use error::ReadError;
use plan::Plan;
use report::Tally;
pub use report::{BadRow, Field, ReadSummary, ReasonCount, RowRejection};

/// How many bad rows are kept as examples in [`ReadSummary::bad_examples`].
pub const MAX_BAD_EXAMPLES: usize = 100;
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Most bytes of the header line read up front to sniff the delimiter.
const SNIFF_BYTES: u64 = 1 << 20;

/// Which columns of an export hold what. Column names are matched exactly after trimming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// Column with the date of each row.
    pub date: String,
    /// Column with the sales rep.
    pub rep: String,
    /// Column with the metric name; leave `None` when `fixed_metric` is set.
    pub metric: Option<String>,
    /// Column with the value; `None` means every row counts 1.
    pub value: Option<String>,
    /// When `value` names a column the header lacks: `true` counts each row 1, `false` is an error.
    pub value_optional: bool,
    /// Metric given to every row of this export (then no metric column is read).
    pub fixed_metric: Option<String>,
    /// `(column, value)` pairs: keep only rows whose column equals the value after trimming.
    pub filters: Vec<(String, String)>,
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
        }
    }
}

/// The header line of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Column names, trimmed; invalid UTF-8 shows as `�`.
    pub columns: Vec<String>,
    /// The sniffed field delimiter (`,`, `;` or tab).
    pub delimiter: u8,
    /// Line of the header (after any leading blank lines).
    pub line: u64,
}

/// One good row, borrowed from the reader's buffer for the duration of the callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualRow<'a> {
    /// Line where the row starts (the header is line 1).
    pub line: u64,
    /// The row's date (any time of day is dropped).
    pub date: NaiveDate,
    /// The rep, trimmed and non-empty.
    pub rep: &'a str,
    /// The metric, trimmed and non-empty (the fixed metric if the mapping has one).
    pub metric: &'a str,
    /// The value, or 1 when the mapping has no value column.
    pub value: Decimal,
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

/// Reads only the header (skipping a UTF-8 BOM and leading blank lines) and returns its columns
/// and delimiter, e.g. to pick the mapping whose columns the header has.
pub fn read_header<R: Read>(input: R) -> Result<Header, ReadError> {
    open(input).map(|(_, header, _)| header)
}

/// Streams the rows of an export through `mapping`, calling `on_row` for every row that passes
/// the filters and parses. `on_row` may reject a row (e.g. an unknown rep) with a
/// [`RowRejection`]; it is then counted and reported like a parse failure, with its line and
/// column. Empty or whitespace-only lines are ignored; rows of several fields that are all empty
/// (`;;;`) are skipped and counted in [`ReadSummary::blank`]. Fails only when the
/// header does not fit the mapping or the input cannot be read.
pub fn read_actuals<R: Read>(
    input: R,
    mapping: &Mapping,
    mut on_row: impl FnMut(&ActualRow<'_>) -> Result<(), RowRejection>,
) -> Result<ReadSummary, ReadError> {
    let (mut reader, header, skipped) = open(input)?;
    let plan = Plan::new(mapping, &header)?;
    let style = DecimalStyle::from_delimiter(header.delimiter);
    let mut tally = Tally::default();
    let mut record = ByteRecord::new();
    while next_record(&mut reader, &mut record)? {
        let line = start_line(&reader, &record, skipped);
        if is_blank(&record) {
            if record.len() > 1 {
                tally.blank_row();
            }
            continue;
        }
        let outcome = match plan.row(&record, line, style) {
            Ok(Some(row)) => on_row(&row).map_err(|rejection| plan.rejected(&record, rejection)),
            Ok(None) => {
                tally.filtered_row();
                continue;
            }
            Err(problem) => Err(problem),
        };
        match outcome {
            Ok(()) => tally.kept_row(),
            Err(problem) => tally.bad_row(line, problem),
        }
    }
    Ok(tally.finish())
}

type Source<R> = Chain<Chain<Cursor<Vec<u8>>, BufReader<R>>, &'static [u8]>;

/// The line where `record` starts. A record normally ends with a consumed `\n` (the input gets
/// one appended), so it is the reader's line minus the newlines inside the record and its end;
/// a quote never closed swallows that last `\n`, and then the position the reader recorded for
/// the record (which may point at blank lines before it) is the better bound.
/// `skipped` counts the blank lines dropped before the header.
fn start_line<R: Read>(reader: &csv::Reader<R>, record: &ByteRecord, skipped: u64) -> u64 {
    let slice = record.as_slice();
    let inside = slice.iter().fold(0u64, |n, &b| n + u64::from(b == b'\n'));
    let counted = reader.position().line().saturating_sub(inside + 1);
    let recorded = record.position().map_or(0, csv::Position::line);
    counted.max(recorded).max(1).saturating_add(skipped)
}

/// Skips a UTF-8 BOM and leading blank lines, sniffs the delimiter from the header line, and
/// returns a CSV reader positioned after the header, the header, and the number of skipped
/// blank lines (which the reader's line count lacks). Records end at `\n` only (a `\r` before it
/// is trimmed with the field), which keeps line numbers exact for CRLF files.
fn open<R: Read>(input: R) -> Result<(csv::Reader<Source<R>>, Header, u64), ReadError> {
    let mut buffered = BufReader::new(input);
    let (start, skipped) = skip_blank_lines(&mut buffered)?;
    let delimiter = sniff_delimiter(&start);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(Cursor::new(start).chain(buffered).chain(&b"\n"[..]));
    let mut record = ByteRecord::new();
    while is_blank(&record) {
        if !next_record(&mut reader, &mut record)? {
            return Err(ReadError::Empty);
        }
    }
    let columns = record
        .iter()
        .map(|name| String::from_utf8_lossy(name).trim().to_owned());
    let line = start_line(&reader, &record, skipped);
    let header = Header {
        columns: columns.collect(),
        delimiter,
        line,
    };
    Ok((reader, header, skipped))
}

/// Drops a BOM and the blank lines before the header; returns the header line's first bytes
/// (at most `SNIFF_BYTES`) and the number of lines dropped.
fn skip_blank_lines<R: Read>(buffered: &mut BufReader<R>) -> Result<(Vec<u8>, u64), ReadError> {
    let mut start = Vec::new();
    let mut skipped = 0;
    let mut first = true;
    loop {
        start.clear();
        let mut chunk = buffered.by_ref().take(SNIFF_BYTES);
        let read = chunk.read_until(b'\n', &mut start);
        let read = read.map_err(|e| ReadError::Io {
            line: skipped + 1,
            message: e.to_string(),
        })?;
        if first && start.starts_with(BOM) {
            start.drain(..BOM.len());
        }
        if read == 0 || !start.trim_ascii().is_empty() {
            return Ok((start, skipped));
        }
        skipped += u64::from(start.ends_with(b"\n"));
        first = false;
    }
}

/// Reads the next record; an I/O error is reported with the line the reader is at.
fn next_record<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut ByteRecord,
) -> Result<bool, ReadError> {
    reader
        .read_byte_record(record)
        .map_err(|error| ReadError::Io {
            line: reader.position().line(),
            message: error.to_string(),
        })
}

/// A record whose fields are all empty or whitespace.
fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|field| field.trim_ascii().is_empty())
}

#[cfg(test)]
mod tests;
