//! The mapping resolved against one header, and the reading of one record through it: field
//! count, filters, then date, rep, metric, value and currency. It turns a record into parsed
//! fields or a [`Bad`] row; it neither counts nor keeps anything.

use std::borrow::Cow;
use std::io::Read;

use super::super::dates::{Reading, Rule, read_date};
use super::super::numbers::{Amount, CurrencyCode, DecimalStyle, parse_amount};
use super::error::{find_column, resolve_metric};
use super::records::Records;
use super::report::Bad;
use super::{Header, Mapping, ReadError};

/// A mapped column: its index in the header and its name as the mapping writes it.
#[derive(Clone, Copy)]
pub(super) struct Column<'m> {
    pub(super) index: usize,
    pub(super) name: &'m str,
}

/// A row's metric: from its column, or the mapping's fixed metric.
pub(super) enum MetricField<'r> {
    Column(&'r str),
    Fixed,
}

/// The fields of a row that passed its filters and parsed.
pub(super) struct Parsed<'r> {
    pub(super) date: Reading,
    pub(super) rep: &'r str,
    pub(super) metric: MetricField<'r>,
    pub(super) amount: Amount,
}

/// A filter: the column and the values kept, lower-cased.
struct Filter<'m> {
    column: Column<'m>,
    wanted: Vec<String>,
}

/// The mapping resolved against one header.
pub(super) struct Plan<'m> {
    width: usize,
    date: Column<'m>,
    rep: Column<'m>,
    metric: Result<Column<'m>, &'m str>,
    value: Option<Column<'m>>,
    currency: Option<Column<'m>>,
    filters: Vec<Filter<'m>>,
    rule: &'m Rule,
    style: DecimalStyle,
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
        let currency = match &mapping.currency {
            None => None,
            Some(column) => Some(find_column(columns, column, "currency")?),
        };
        let mut filters = Vec::with_capacity(mapping.filters.len());
        for (column, wanted) in &mapping.filters {
            filters.push(Filter {
                column: find_column(columns, column, "filter")?,
                wanted: wanted.iter().map(|w| w.trim().to_lowercase()).collect(),
            });
        }
        Ok(Plan {
            width: columns.len(),
            date: find_column(columns, &mapping.date, "date")?,
            rep: find_column(columns, &mapping.rep, "rep")?,
            metric,
            value,
            currency,
            filters,
            rule: &mapping.dates,
            style: DecimalStyle::of(mapping.decimal, header.delimiter),
        })
    }

    /// The fixed metric, when the mapping has one.
    pub(super) fn fixed_metric(&self) -> Option<&'m str> {
        self.metric.err()
    }

    /// The column a rejection of `field` names.
    pub(super) fn column_of(&self, field: super::Field) -> &'m str {
        match field {
            super::Field::Date => self.date.name,
            super::Field::Rep => self.rep.name,
            super::Field::Metric => self.metric.map_or("(fixed metric)", |c| c.name),
            super::Field::Value => self.value.map_or("(row count)", |c| c.name),
            super::Field::Currency => self
                .currency
                .map_or_else(|| self.value.map_or("(row count)", |c| c.name), |c| c.name),
        }
    }

    /// The text of the field a rejection names (the fixed metric, or `1` for a row count).
    pub(super) fn text_of<'r, R: Read>(
        &self,
        records: &'r Records<R>,
        field: super::Field,
    ) -> &'r str
    where
        'm: 'r,
    {
        let column = match field {
            super::Field::Date => Some(self.date),
            super::Field::Rep => Some(self.rep),
            super::Field::Metric => match self.metric {
                Ok(column) => Some(column),
                Err(fixed) => return fixed,
            },
            super::Field::Value => self.value,
            super::Field::Currency => self.currency.or(self.value),
        };
        column.map_or("1", |c| records.field(c.index).unwrap_or_default().trim())
    }

    /// Whether a record that failed to read looks like a report footer line rather than a
    /// data row: another number of fields than the header, or an empty date.
    pub(super) fn footer_like<R: Read>(&self, records: &Records<R>) -> bool {
        records.len() != self.width || text(records, self.date).is_empty()
    }

    /// `Ok(None)` when a filter drops the row.
    pub(super) fn row<'r, R: Read>(
        &'r self,
        records: &'r Records<R>,
    ) -> Result<Option<Parsed<'r>>, Bad> {
        if records.len() != self.width {
            return Err(self.wrong_width(records));
        }
        for filter in &self.filters {
            let found = text(records, filter.column);
            let kept = filter.wanted.iter().any(|w| {
                if found.is_ascii() {
                    found.eq_ignore_ascii_case(w)
                } else {
                    found.to_lowercase() == *w
                }
            });
            if !kept {
                return Ok(None);
            }
        }
        let date_text = text(records, self.date);
        let date = read_date(date_text, self.rule).map_err(|why| {
            Bad::new(
                records.line(),
                self.date.name,
                date_text,
                "invalid date",
                why,
            )
        })?;
        let rep = non_empty(records, self.rep)?;
        let metric = match self.metric {
            Ok(column) => MetricField::Column(non_empty(records, column)?),
            Err(_) => MetricField::Fixed,
        };
        let mut amount = match self.value {
            None => Amount {
                value: rust_decimal::Decimal::ONE,
                currency: None,
            },
            Some(column) => {
                let value_text = text(records, column);
                parse_amount(value_text, self.style).map_err(|why| {
                    Bad::new(
                        records.line(),
                        column.name,
                        value_text,
                        "invalid number",
                        why,
                    )
                })?
            }
        };
        if let Some(column) = self.currency {
            let code_text = text(records, column);
            if !code_text.is_empty() {
                let Some(code) = CurrencyCode::new(code_text) else {
                    let why = format!("`{code_text}` is not an ISO 4217 code such as EUR or USD");
                    return Err(Bad::new(
                        records.line(),
                        column.name,
                        code_text,
                        "invalid currency",
                        why,
                    ));
                };
                if let Some(written) = amount.currency.filter(|written| *written != code) {
                    let why = format!(
                        "the amount is written in {}, the `{}` column says {}",
                        written.as_str(),
                        column.name,
                        code.as_str()
                    );
                    return Err(Bad::new(
                        records.line(),
                        column.name,
                        code_text,
                        "conflicting currency",
                        why,
                    ));
                }
                amount.currency = Some(code);
            }
        }
        Ok(Some(Parsed {
            date,
            rep,
            metric,
            amount,
        }))
    }

    fn wrong_width<R: Read>(&self, records: &Records<R>) -> Bad {
        let found = records.len();
        let detail = if found > self.width {
            format!(
                "the row has {found} fields, the header {}: a field with an unquoted delimiter \
                 (such as 1,234.56 in a comma file) splits in two; quote it, or export with `;`",
                self.width
            )
        } else {
            format!(
                "the row has {found} fields, the header {}; the row is cut short",
                self.width
            )
        };
        let shown: Vec<&str> = records.fields().take(8).collect();
        let reason = if found > self.width {
            "extra fields"
        } else {
            "missing fields"
        };
        Bad {
            line: records.line(),
            column: "(row)".to_owned(),
            text: super::report::clip(&shown.join(",")),
            reason: Cow::Borrowed(reason),
            detail: Some(detail),
        }
    }
}

/// The trimmed text of a column (the row has every column: its width was checked).
fn text<'r, R: Read>(records: &'r Records<R>, column: Column<'_>) -> &'r str {
    trim(records.field(column.index).unwrap_or_default())
}

/// `str::trim`, with a shortcut for the usual field, which begins and ends with a visible
/// ASCII character and so has nothing to trim.
fn trim(text: &str) -> &str {
    let visible = |b: &u8| b.is_ascii_graphic();
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(visible) && bytes.last().is_some_and(visible) {
        text
    } else {
        text.trim()
    }
}

/// Like [`text`], and an empty field is a bad row.
fn non_empty<'r, R: Read>(records: &'r Records<R>, column: Column<'_>) -> Result<&'r str, Bad> {
    let found = text(records, column);
    if found.is_empty() {
        let detail = format!("`{}` is empty", column.name);
        return Err(Bad::new(
            records.line(),
            column.name,
            "",
            "empty field",
            detail,
        ));
    }
    Ok(found)
}
