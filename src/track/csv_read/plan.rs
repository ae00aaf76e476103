//! The mapping resolved against one header, and the reading of one record through it: filters,
//! then date, rep, metric and value. It turns a record into a row or a [`Problem`]; it neither
//! counts nor keeps anything.

use std::borrow::Cow;

use csv::ByteRecord;
use rust_decimal::Decimal;

use super::super::dates::parse_date;
use super::super::numbers::{DecimalStyle, parse_decimal};
use super::error::find_column;
use super::report::Problem;
use super::{ActualRow, Field, Header, Mapping, ReadError, RowRejection};

/// A mapped column: its index in the header and its name as the mapping writes it.
#[derive(Clone, Copy)]
pub(super) struct Column<'m> {
    pub(super) index: usize,
    pub(super) name: &'m str,
}

/// The mapping resolved against one header.
pub(super) struct Plan<'m> {
    date: Column<'m>,
    rep: Column<'m>,
    metric: Result<Column<'m>, &'m str>,
    value: Option<Column<'m>>,
    filters: Vec<(Column<'m>, &'m str)>,
}

impl<'m> Plan<'m> {
    pub(super) fn new(mapping: &'m Mapping, header: &Header) -> Result<Self, ReadError> {
        let columns = &header.columns;
        let metric = resolve_metric(mapping, columns)?;
        let value = match &mapping.value {
            None => None,
            Some(column) => match find_column(columns, column, "value") {
                Ok(found) => Some(found),
                Err(ReadError::MissingColumn { .. }) if mapping.value_optional => None,
                Err(error) => return Err(error),
            },
        };
        let mut filters = Vec::with_capacity(mapping.filters.len());
        for (column, wanted) in &mapping.filters {
            filters.push((find_column(columns, column, "filter")?, wanted.trim()));
        }
        Ok(Plan {
            date: find_column(columns, &mapping.date, "date")?,
            rep: find_column(columns, &mapping.rep, "rep")?,
            metric,
            value,
            filters,
        })
    }

    /// `Ok(None)` when a filter drops the row.
    pub(super) fn row<'r>(
        &'r self,
        record: &'r ByteRecord,
        line: u64,
        style: DecimalStyle,
    ) -> Result<Option<ActualRow<'r>>, Problem<'r>> {
        for &(column, wanted) in &self.filters {
            if text(record, column)? != wanted {
                return Ok(None);
            }
        }
        let date_text = text(record, self.date)?;
        let date = parse_date(date_text)
            .map_err(|why| Problem::new(self.date.name, date_text, "invalid date", why))?;
        let rep = non_empty(record, self.rep)?;
        let metric = match self.metric {
            Ok(column) => non_empty(record, column)?,
            Err(fixed) => fixed,
        };
        let value = match self.value {
            None => Decimal::ONE,
            Some(column) => {
                let value_text = text(record, column)?;
                parse_decimal(value_text, style)
                    .map_err(|why| Problem::new(column.name, value_text, "invalid number", why))?
            }
        };
        Ok(Some(ActualRow {
            line,
            date,
            rep,
            metric,
            value,
        }))
    }

    /// The problem for a row the caller rejected, tied to the rejected field's column.
    pub(super) fn rejected<'r>(
        &'r self,
        record: &'r ByteRecord,
        rejection: RowRejection,
    ) -> Problem<'r> {
        let (column, fixed) = match rejection.field {
            Field::Date => (self.date.name, None),
            Field::Rep => (self.rep.name, None),
            Field::Metric => match self.metric {
                Ok(column) => (column.name, None),
                Err(fixed) => ("(fixed metric)", Some(fixed)),
            },
            Field::Value => match self.value {
                Some(column) => (column.name, None),
                None => ("(row count)", Some("1")),
            },
        };
        let text = match (fixed, rejection.field) {
            (Some(fixed), _) => fixed.as_bytes(),
            (None, Field::Date) => raw(record, self.date),
            (None, Field::Rep) => raw(record, self.rep),
            (None, Field::Metric) => self.metric.map_or(&[][..], |c| raw(record, c)),
            (None, Field::Value) => self.value.map_or(&[][..], |c| raw(record, c)),
        };
        Problem {
            column,
            text,
            reason: Cow::Owned(rejection.reason),
            detail: rejection.detail,
        }
    }
}

/// The metric column (`Ok`) or the fixed metric (`Err`); exactly one must be given.
fn resolve_metric<'m>(
    mapping: &'m Mapping,
    columns: &[String],
) -> Result<Result<Column<'m>, &'m str>, ReadError> {
    let invalid = |message: &str| Err(ReadError::InvalidMapping(message.to_owned()));
    match (&mapping.metric, &mapping.fixed_metric) {
        (Some(column), None) => Ok(Ok(find_column(columns, column, "metric")?)),
        (None, Some(fixed)) if !fixed.trim().is_empty() => Ok(Err(fixed.trim())),
        (None, Some(_)) => invalid("the mapping's fixed metric is empty"),
        (Some(_), Some(_)) => {
            invalid("the mapping has both a metric column and a fixed metric; keep only one")
        }
        (None, None) => invalid("the mapping needs a metric column or a fixed metric"),
    }
}

fn raw<'r>(record: &'r ByteRecord, column: Column<'_>) -> &'r [u8] {
    record.get(column.index).unwrap_or_default()
}

/// The trimmed text of a column, or the problem: missing field or invalid UTF-8.
fn text<'r>(record: &'r ByteRecord, column: Column<'r>) -> Result<&'r str, Problem<'r>> {
    let Some(bytes) = record.get(column.index) else {
        let detail = format!(
            "the row has {} fields; `{}` is field {}",
            record.len(),
            column.name,
            column.index + 1
        );
        return Err(Problem::new(column.name, "", "missing field", detail));
    };
    std::str::from_utf8(bytes)
        .map(str::trim)
        .map_err(|_| Problem {
            column: column.name,
            text: bytes,
            reason: Cow::Borrowed("invalid UTF-8"),
            detail: Some("the field is not UTF-8 text; export the file as UTF-8".to_owned()),
        })
}

/// Like [`text`], and an empty field is a problem too.
fn non_empty<'r>(record: &'r ByteRecord, column: Column<'r>) -> Result<&'r str, Problem<'r>> {
    let found = text(record, column)?;
    if found.is_empty() {
        let detail = format!("`{}` is empty", column.name);
        return Err(Problem::new(column.name, "", "empty field", detail));
    }
    Ok(found)
}
