//! `goals check --format json`: the findings document of the JSON contract (version 1), with
//! every finding located by file, line and column.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::LineIndex;
use crate::smart::report::{Counts, FileFindings, ScoreRow, scorecard};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Finding<'a>>,
    scorecard: Vec<ScoreRow>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    goals: usize,
    #[serde(flatten)]
    counts: Counts,
}

/// One finding as scripts see it; also used by the SARIF and GitHub renderers.
#[derive(Serialize)]
pub struct Finding<'a> {
    pub file: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub severity: &'static str,
    /// Accepted by an `allow` list: not counted, never fails a check.
    pub suppressed: bool,
    pub code: &'static str,
    pub criterion: &'static str,
    pub goal: Option<&'a str>,
    pub metric: Option<&'a str>,
    pub message: Cow<'a, str>,
    pub help: &'a str,
}

/// Every finding of every file, located.
pub fn findings(files: &[FileFindings]) -> Vec<Finding<'_>> {
    let mut out = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let loc = d.span.as_ref().map(|s| index.locate(s));
            out.push(Finding {
                file: &file.name,
                line: loc.map(|l| l.line),
                column: loc.map(|l| l.column),
                end_line: loc.map(|l| l.end_line),
                end_column: loc.map(|l| l.end_column),
                severity: d.severity().name(),
                suppressed: d.suppressed,
                code: d.code.name(),
                criterion: d.criterion().name(),
                goal: d.goal.as_deref(),
                metric: d.metric.as_deref(),
                message: d.full_message(),
                help: &d.help,
            });
        }
    }
    out
}

/// Renders the findings document.
pub fn render(files: &[FileFindings], out: &mut dyn Write) -> io::Result<()> {
    let document = Document {
        version: 1,
        summary: Summary {
            files: files.len(),
            goals: files.iter().map(|f| f.goals.len()).sum(),
            counts: Counts::of(files),
        },
        diagnostics: findings(files),
        scorecard: files.iter().flat_map(scorecard).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
