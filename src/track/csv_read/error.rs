//! The errors that stop an export from being read at all (empty input, a mapping the header does
//! not fit, I/O failure), with messages that name the column and suggest the fix. It must not
//! be used for problems of single rows, which are reported, not fatal.

use std::fmt;

use super::Mapping;
use super::plan::Column;

/// Columns listed in a missing-column message.
const LISTED_COLUMNS: usize = 40;

/// Why an export could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The input has no header line.
    Empty,
    /// The mapping itself is inconsistent.
    InvalidMapping(String),
    /// A column the mapping needs is not in the header.
    MissingColumn {
        /// The column name the mapping asked for.
        column: String,
        /// What it was wanted for: `date`, `rep`, `metric`, `value`, `currency` or `filter`.
        role: &'static str,
        /// The header's first 40 columns.
        columns: Vec<String>,
        /// How many columns the header has in all.
        total: usize,
        /// The closest column name, if one is close.
        suggestion: Option<String>,
    },
    /// A column the mapping needs appears more than once in the header.
    DuplicateColumn {
        /// The column name.
        column: String,
        /// 1-based positions of its first two occurrences.
        positions: (usize, usize),
    },
    /// A line is not UTF-8 and the mapping names no encoding.
    InvalidUtf8 {
        /// Line of the record.
        line: u64,
        /// The field (1-based) with the first invalid byte.
        field: usize,
        /// The field's valid text before it.
        text: String,
    },
    /// A record runs on for 64 MiB without an end: not a CSV export.
    Endless {
        /// Line where it starts.
        line: u64,
    },
    /// The header is longer than a record may be.
    HeaderTooLong,
    /// The input could not be read (I/O error), near this line.
    Io {
        /// Line being read.
        line: u64,
        /// The underlying error.
        message: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(
                f,
                "the file is empty: expected a header line such as `date,rep,metric,value`"
            ),
            ReadError::InvalidMapping(message) => f.write_str(message),
            ReadError::MissingColumn {
                column,
                role,
                columns,
                total,
                suggestion,
            } => {
                write!(
                    f,
                    "the header has no column `{column}` (mapped as the {role}); columns are: "
                )?;
                for (i, name) in columns.iter().enumerate() {
                    write!(f, "{}`{name}`", if i == 0 { "" } else { ", " })?;
                }
                if *total > columns.len() {
                    write!(f, " and {} more", total - columns.len())?;
                }
                match suggestion {
                    Some(name) => write!(f, "; did you mean `{name}`?"),
                    None => write!(f, "; fix the column name in the mapping or in the export"),
                }
            }
            ReadError::DuplicateColumn {
                column,
                positions: (a, b),
            } => write!(
                f,
                "the header has the column `{column}` twice (columns {a} and {b}); rename one in the export"
            ),
            ReadError::InvalidUtf8 { line, field, text } => write!(
                f,
                "line {line} is not UTF-8 text (field {field}, after `{text}`); set `encoding = \"windows-1252\"` \
                 (what Excel writes in Western Europe) or another encoding in the file's [[actuals]] \
                 mapping, or export it as UTF-8"
            ),
            ReadError::Endless { line } => write!(
                f,
                "the record at line {line} runs on for more than 64 MiB without a line end; \
                 this is not a CSV export"
            ),
            ReadError::HeaderTooLong => write!(
                f,
                "the header line is longer than 1 MiB; this is not a CSV export"
            ),
            ReadError::Io { line, message } => {
                write!(f, "could not read the file at line {line}: {message}")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Finds the one column named `name` (trimmed) in the header, or explains why not.
pub(super) fn find_column<'m>(
    columns: &[String],
    name: &'m str,
    role: &'static str,
) -> Result<Column<'m>, ReadError> {
    let wanted = name.trim();
    let mut found = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| same_name(c, wanted))
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(index), None) => Ok(Column {
            index,
            name: wanted,
        }),
        (Some(a), Some(b)) => Err(ReadError::DuplicateColumn {
            column: wanted.to_owned(),
            positions: (a + 1, b + 1),
        }),
        (None, _) => Err(ReadError::MissingColumn {
            column: wanted.to_owned(),
            role,
            columns: columns.iter().take(LISTED_COLUMNS).cloned().collect(),
            total: columns.len(),
            suggestion: closest(columns, wanted).map(str::to_owned),
        }),
    }
}

/// The metric column (`Ok`) or the fixed metric (`Err`); exactly one must be given.
pub(super) fn resolve_metric<'m>(
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

/// Whether a header column is `wanted`, ignoring case and surrounding spaces.
pub(super) fn same_name(column: &str, wanted: &str) -> bool {
    let (column, wanted) = (column.trim(), wanted.trim());
    column.eq_ignore_ascii_case(wanted)
        || (!column.is_ascii() && column.to_lowercase() == wanted.to_lowercase())
}

/// The column equal to `wanted` ignoring case, else the nearest by edit distance when it is
/// within a third of the name's length (at least 2 edits). Linear in the header's size.
fn closest<'c>(columns: &'c [String], wanted: &str) -> Option<&'c str> {
    let lower = wanted.to_lowercase();
    if let Some(same) = columns.iter().find(|c| c.to_lowercase() == lower) {
        return Some(same);
    }
    // `Won time` for `Deal - Won Time`: exporters prefix their columns with the object.
    if let Some(within) = columns
        .iter()
        .find(|c| lower.len() >= 3 && c.to_lowercase().ends_with(&lower))
    {
        return Some(within);
    }
    let target: Vec<char> = lower.chars().collect();
    let limit = (target.len() / 3).max(2);
    let mut rows = (Vec::new(), Vec::new());
    let mut best: Option<(usize, &str)> = None;
    for column in columns {
        let chars = column.chars().count();
        if chars.abs_diff(target.len()) > limit || chars > 200 {
            continue;
        }
        let distance = edit_distance(&target, column, &mut rows);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, column));
        }
    }
    best.map(|(_, column)| column)
}

/// Levenshtein distance between `target` and lower-cased `other`, reusing the two row buffers.
fn edit_distance(target: &[char], other: &str, rows: &mut (Vec<usize>, Vec<usize>)) -> usize {
    let (previous, current) = rows;
    previous.clear();
    previous.extend(0..=target.len());
    for (i, c) in other.chars().flat_map(char::to_lowercase).enumerate() {
        current.clear();
        current.push(i + 1);
        for (j, &t) in target.iter().enumerate() {
            let substitute = previous[j] + usize::from(t != c);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        std::mem::swap(previous, current);
    }
    previous[target.len()]
}
