//! The report of `goals check`: each file's findings and the SMART scorecard. Plain data for
//! the renderers in `output/`.

use serde::Serialize;

use crate::diagnostic::{Criterion, Diagnostic, Severity};

/// One checked file: its name, text (for snippets) and sorted findings.
#[derive(Debug)]
pub struct FileFindings {
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Goal ids in file order, for the scorecard.
    pub goals: Vec<String>,
    /// A filled survey form (`check --feedback`), not a goal file.
    pub survey: bool,
}

/// The worst finding of a goal under each SMART criterion.
#[derive(Debug, Serialize)]
pub struct ScoreRow {
    pub file: String,
    pub goal: String,
    pub specific: Grade,
    pub measurable: Grade,
    pub achievable: Grade,
    pub relevant: Grade,
    pub time_bound: Grade,
}

/// A scorecard cell: `ok` or the worst severity found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Ok,
    Info,
    Warning,
    Error,
}

impl Grade {
    /// The name shown in every format.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Ok => "ok",
            Grade::Info => "info",
            Grade::Warning => "warning",
            Grade::Error => "error",
        }
    }

    fn of(severity: Severity) -> Grade {
        match severity {
            Severity::Error => Grade::Error,
            Severity::Warning => Grade::Warning,
            Severity::Info => Grade::Info,
        }
    }
}

/// Counts of findings by severity; `suppressed` counts the warnings and infos accepted by an
/// `allow` list, which are in none of the other counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
}

impl Counts {
    /// Counts the findings of some files.
    pub fn of<'a>(files: impl IntoIterator<Item = &'a FileFindings>) -> Counts {
        let mut counts = Counts::default();
        for d in files.into_iter().flat_map(|f| &f.diagnostics) {
            if d.suppressed {
                counts.suppressed += 1;
                continue;
            }
            match d.severity() {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}

/// The scorecard rows of a file: one per goal, in file order (a duplicated id appears once).
pub fn scorecard(file: &FileFindings) -> Vec<ScoreRow> {
    let mut seen = std::collections::HashSet::new();
    file.goals
        .iter()
        .filter(|g| seen.insert(g.as_str()))
        .map(|goal| {
            let grade = |criterion: Criterion| {
                file.diagnostics
                    .iter()
                    .filter(|d| {
                        !d.suppressed
                            && d.goal.as_deref() == Some(goal)
                            && d.criterion() == criterion
                    })
                    .map(|d| Grade::of(d.severity()))
                    .max_by_key(|g| *g as u8)
                    .unwrap_or(Grade::Ok)
            };
            ScoreRow {
                file: file.name.clone(),
                goal: goal.clone(),
                specific: grade(Criterion::Specific),
                measurable: grade(Criterion::Measurable),
                achievable: grade(Criterion::Achievable),
                relevant: grade(Criterion::Relevant),
                time_bound: grade(Criterion::TimeBound),
            }
        })
        .collect()
}
