//! Loads one goal file and runs every check on it: reading, the SMART rules, and (when the
//! file has no errors) the checks that need the plan. Shared by every command.

use std::io::Read;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::model::{GoalFile, read};
use crate::plan;
use crate::smart::report::FileFindings;
use crate::smart::{self, Checked, RuleOptions};
use crate::source::Source;

/// A goal file read and checked.
pub struct Loaded {
    pub file: GoalFile,
    pub findings: FileFindings,
}

impl Loaded {
    /// The file, if it has no error findings.
    pub fn checked(&self) -> Option<Checked<'_>> {
        Checked::new(&self.file, &self.findings.diagnostics)
    }
}

/// Reads and checks the goal file at `path` (`-` for standard input).
pub fn load(path: &Path, as_of: NaiveDate, stdin: &mut dyn Read) -> Result<Loaded> {
    let source = Source::read(path, stdin)?;
    Ok(check_source(source, as_of))
}

/// Checks text already read.
pub fn check_source(source: Source, as_of: NaiveDate) -> Loaded {
    let (file, mut diagnostics) = read::read(&source.text);
    if let Some(at) = source.invalid_utf8_at {
        diagnostics.push(
            Diagnostic::new(
                Code::TomlSyntax,
                Some(at..at + 1),
                "the file is not valid UTF-8 here",
            )
            .help("save the file as UTF-8"),
        );
    }
    diagnostics.extend(smart::validate(&file, RuleOptions { as_of }));
    if let Some(checked) = Checked::new(&file, &diagnostics) {
        diagnostics.extend(plan::findings(checked));
    }
    diagnostic::sort(&mut diagnostics);
    let goals = file.goals.iter().map(|g| g.id.value.clone()).collect();
    let findings = FileFindings {
        name: source.name,
        text: source.text,
        diagnostics,
        goals,
    };
    Loaded { file, findings }
}
