//! What reading an export reports about its rows: the summary with bad-row examples and counts
//! by reason, and the caller's row rejections. It keeps a bounded amount of memory whatever the
//! number of rows, and does no reading itself.

use std::borrow::Cow;
use std::fmt;

use super::MAX_BAD_EXAMPLES;

/// Distinct `(column, reason)` counts kept before the rest are lumped together.
const MAX_REASONS: usize = 32;
/// Longest excerpt of a field kept in a [`BadRow`].
const TEXT_CHARS: usize = 100;

/// The field of a row that a caller's [`RowRejection`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The date column.
    Date,
    /// The rep column.
    Rep,
    /// The metric column, or the mapping's fixed metric.
    Metric,
    /// The value column, or the implicit count of 1.
    Value,
    /// The currency column, or the currency written with the value.
    Currency,
}

/// A caller's refusal of a row that parsed, e.g. an unknown rep or metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRejection {
    /// The field at fault; the report names its column.
    pub field: Field,
    /// A short reason that rows are counted by, e.g. `unknown rep`; keep it free of row data.
    pub reason: String,
    /// An optional longer explanation for this row.
    pub detail: Option<String>,
}

impl RowRejection {
    /// A rejection of `field` for `reason`, without detail.
    pub fn new(field: Field, reason: impl Into<String>) -> Self {
        RowRejection {
            field,
            reason: reason.into(),
            detail: None,
        }
    }
}

/// A row that was not delivered, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Line where the row starts (the header is line 1).
    pub line: u64,
    /// The column as the mapping names it, or `(fixed metric)` / `(row count)`.
    pub column: String,
    /// The field's text (at most 100 characters; invalid UTF-8 shows as `�`).
    pub text: String,
    /// Short reason: `invalid date`, `invalid number`, `missing field`, `invalid UTF-8`,
    /// `empty field`, or the caller's rejection reason.
    pub reason: String,
    /// The full explanation, when there is one.
    pub detail: Option<String>,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column `{}`: {}",
            self.line, self.column, self.reason
        )?;
        match &self.detail {
            Some(detail) => write!(f, ": {detail}"),
            None => write!(f, " (`{}`)", self.text),
        }
    }
}

/// How many bad rows share one column and reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonCount {
    /// The column, as in [`BadRow::column`] (`(other)` for the lumped remainder).
    pub column: String,
    /// The reason, as in [`BadRow::reason`].
    pub reason: String,
    /// Number of bad rows.
    pub count: u64,
}

/// The outcome of reading one export. Every data row is counted once:
/// `rows == kept + filtered_out + outside + bad + footer`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadSummary {
    /// Data rows read (the header and blank rows not included).
    pub rows: u64,
    /// Rows added to the actuals.
    pub kept: u64,
    /// Rows dropped by the mapping's filters.
    pub filtered_out: u64,
    /// Rows of a known rep and metric dated outside the plan (read, not counted).
    pub outside: u64,
    /// Rows that could not be read or that the sink rejected.
    pub bad: u64,
    /// Trailing lines after the last blank line, none of them a data row: a report footer.
    pub footer: u64,
    /// Rows of several fields that were all empty or whitespace (`;;;`), skipped; empty lines
    /// are not counted.
    pub blank: u64,
    /// The first 100 bad rows, in file order.
    pub bad_examples: Vec<BadRow>,
    /// Bad rows counted by column and reason, in order of first appearance (at most 32 entries,
    /// then one `(other)` entry).
    pub bad_by_reason: Vec<ReasonCount>,
}

impl ReadSummary {
    /// Adds the summary of the rest of the same export, read on its own with its lines
    /// counted from `line_shift + 1` (`halves`), as if the export had been read in one go.
    /// `false` (and `self` unchanged) when that cannot be told: the rest lumped reasons
    /// together under `(other)`.
    pub(super) fn append(&mut self, rest: ReadSummary, line_shift: u64) -> bool {
        if rest.bad_by_reason.len() > MAX_REASONS {
            return false;
        }
        self.rows += rest.rows;
        self.kept += rest.kept;
        self.filtered_out += rest.filtered_out;
        self.outside += rest.outside;
        self.bad += rest.bad;
        self.footer += rest.footer;
        self.blank += rest.blank;
        let room = MAX_BAD_EXAMPLES.saturating_sub(self.bad_examples.len());
        self.bad_examples
            .extend(rest.bad_examples.into_iter().take(room).map(|mut bad| {
                bad.line += line_shift;
                bad
            }));
        for counted in rest.bad_by_reason {
            count_reasons(
                &mut self.bad_by_reason,
                &counted.column,
                &counted.reason,
                counted.count,
            );
        }
        true
    }
}

/// One bad row, owned (bad rows are rare: allocating for them costs nothing that matters).
#[derive(Debug, Clone)]
pub(super) struct Bad {
    pub(super) line: u64,
    pub(super) column: String,
    pub(super) text: String,
    pub(super) reason: Cow<'static, str>,
    pub(super) detail: Option<String>,
}

impl Bad {
    pub(super) fn new(
        line: u64,
        column: &str,
        text: &str,
        reason: &'static str,
        detail: String,
    ) -> Self {
        Bad {
            line,
            column: column.to_owned(),
            text: clip(text),
            reason: Cow::Borrowed(reason),
            detail: Some(detail),
        }
    }
}

/// Running counts for one read.
#[derive(Default)]
pub(super) struct Tally {
    summary: ReadSummary,
}

impl Tally {
    pub(super) fn blank_row(&mut self) {
        self.summary.blank += 1;
    }

    pub(super) fn filtered_row(&mut self) {
        self.summary.rows += 1;
        self.summary.filtered_out += 1;
    }

    pub(super) fn kept_row(&mut self) {
        self.summary.rows += 1;
        self.summary.kept += 1;
    }

    pub(super) fn outside_row(&mut self) {
        self.summary.rows += 1;
        self.summary.outside += 1;
    }

    pub(super) fn footer_rows(&mut self, count: u64) {
        self.summary.rows += count;
        self.summary.footer += count;
    }

    pub(super) fn bad_row(&mut self, bad: Bad) {
        self.summary.rows += 1;
        self.summary.bad += 1;
        self.count_reason(&bad);
        if self.summary.bad_examples.len() < MAX_BAD_EXAMPLES {
            self.summary.bad_examples.push(BadRow {
                line: bad.line,
                column: bad.column,
                text: bad.text,
                reason: bad.reason.into_owned(),
                detail: bad.detail,
            });
        }
    }

    /// Counts the problem under its column and reason; past `MAX_REASONS` under `(other)`.
    fn count_reason(&mut self, bad: &Bad) {
        count_reasons(&mut self.summary.bad_by_reason, &bad.column, &bad.reason, 1);
    }

    pub(super) fn finish(self) -> ReadSummary {
        self.summary
    }
}

/// Counts `count` problems of one column and reason; past `MAX_REASONS` under `(other)`.
fn count_reasons(counts: &mut Vec<ReasonCount>, column: &str, reason: &str, count: u64) {
    let same = |c: &&mut ReasonCount| c.column == column && c.reason == reason;
    if let Some(entry) = counts.iter_mut().find(same) {
        entry.count += count;
    } else if let Some(other) = counts.get_mut(MAX_REASONS) {
        other.count += count;
    } else {
        let (column, reason) = if counts.len() < MAX_REASONS {
            (column, reason)
        } else {
            ("(other)", "other reasons")
        };
        counts.push(ReasonCount {
            column: column.to_owned(),
            reason: reason.to_owned(),
            count,
        });
    }
}

/// The text cut to at most 100 characters.
pub(super) fn clip(text: &str) -> String {
    match text.char_indices().nth(TEXT_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}
