//! Findings about a goal file: the `Diagnostic` value, its severity and SMART criterion.
//! A finding is data, never an error: it is collected, sorted and rendered by `output/`.

mod code;
mod location;

pub use code::{Code, CodeInfo};
pub use location::LineIndex;

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

/// How bad a finding is; `Error` blocks `plan`, `funnel` and `track`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The SMART criterion a finding belongs to, or `File` for problems with the file itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    File,
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl Criterion {
    /// The kebab-case name used in every output format.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::File => "file",
            Criterion::Specific => "specific",
            Criterion::Measurable => "measurable",
            Criterion::Achievable => "achievable",
            Criterion::Relevant => "relevant",
            Criterion::TimeBound => "time-bound",
        }
    }

    /// The five SMART criteria in scorecard order (without `File`).
    pub const SMART: [Criterion; 5] = [
        Criterion::Specific,
        Criterion::Measurable,
        Criterion::Achievable,
        Criterion::Relevant,
        Criterion::TimeBound,
    ];
}

/// One finding: a stable code, the goal and metric it concerns, a message, an optional note
/// with details, a help text and the byte range of the key or value at fault (`None` when it
/// concerns the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub goal: Option<String>,
    pub metric: Option<String>,
    pub message: String,
    /// Details too long for a headline (people see them on a line of their own; machine
    /// formats append them to the message after `; `).
    pub note: Option<String>,
    pub help: String,
    pub span: Option<Range<usize>>,
    /// Accepted by an `allow` list: shown as suppressed, not counted, never fails a check.
    pub suppressed: bool,
}

impl Diagnostic {
    /// A finding of `code` at `span`, with the code's default help text.
    pub fn new(code: Code, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            goal: None,
            metric: None,
            message: message.into(),
            note: None,
            help: code.info().help.to_string(),
            span,
            suppressed: false,
        }
    }

    /// Replaces the help text with one specific to this finding.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// Adds details that people read below the headline.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The message with its note, as one line: what machine formats carry.
    pub fn full_message(&self) -> Cow<'_, str> {
        match &self.note {
            Some(note) => Cow::Owned(format!("{}; {note}", self.message)),
            None => Cow::Borrowed(&self.message),
        }
    }

    /// Names the goal the finding concerns.
    #[must_use]
    pub fn goal(mut self, goal: Option<&str>) -> Self {
        self.goal = goal.map(str::to_string);
        self
    }

    /// Names the metric the finding concerns.
    #[must_use]
    pub fn metric(mut self, metric: Option<&str>) -> Self {
        self.metric = metric.map(str::to_string);
        self
    }

    /// The severity fixed by the code.
    pub fn severity(&self) -> Severity {
        self.code.info().severity
    }

    /// The criterion fixed by the code.
    pub fn criterion(&self) -> Criterion {
        self.code.info().criterion
    }
}

/// Sorts findings by position in the file (findings without a place first), then by code,
/// so every output format lists them in the same, deterministic order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| d.span.as_ref().map(|s| (s.start, s.end));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.name().cmp(b.code.name()))
            .then_with(|| a.message.cmp(&b.message))
    });
}
