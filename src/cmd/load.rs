//! Loads one goal file and runs every check on it: reading, the SMART rules, and (when the
//! file has no errors) the checks that need the plan. Shared by every command.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::model::{Feedback, GoalFile, read};
use crate::smart::report::FileFindings;
use crate::smart::{self, Checked, Model, RuleOptions};
use crate::source::Source;
use crate::survey::{self, SurveyRead};
use crate::{funnel, plan};

/// A goal file read and checked.
pub struct Loaded {
    pub file: GoalFile,
    pub findings: FileFindings,
    /// The validated model, built once when the SMART rules pass.
    model: Option<Model>,
}

impl Loaded {
    /// The file and its model, if it has no error findings.
    pub fn checked(&self) -> Option<Checked<'_>> {
        let errors = self
            .findings
            .diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error);
        self.model
            .as_ref()
            .filter(|_| !errors)
            .map(|m| m.of(&self.file))
    }
}

/// Reads and checks the goal file at `path` (`-` for standard input).
pub fn load(path: &Path, as_of: NaiveDate, stdin: &mut dyn Read) -> Result<Loaded> {
    let source = Source::read(path, stdin)?;
    Ok(check_source(source, as_of, &mut |_| Vec::new()))
}

/// Reads and checks the goal file at `path` with the filled survey forms `surveys` merged
/// into its feedback before the rules run; returns each form as read (with its findings).
pub fn load_with_surveys(
    path: &Path,
    surveys: &[PathBuf],
    as_of: NaiveDate,
    stdin: &mut dyn Read,
) -> Result<(Loaded, Vec<SurveyRead>)> {
    let source = Source::read(path, stdin)?;
    let mut forms = Vec::with_capacity(surveys.len());
    for survey in surveys {
        let name = survey.display().to_string();
        let bytes =
            std::fs::read(survey).with_context(|| format!("cannot read the survey {name}"))?;
        forms.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    let mut read = Vec::new();
    let loaded = check_source(source, as_of, &mut |file| {
        for (name, text) in forms.drain(..) {
            read.push(survey::read(name, text, file));
        }
        read.iter()
            .flat_map(|r| r.feedback.iter().cloned())
            .collect()
    });
    Ok((loaded, read))
}

/// Checks text already read; `feedback` gives extra entries merged before the rules run.
pub fn check_source(
    source: Source,
    as_of: NaiveDate,
    feedback: &mut dyn FnMut(&GoalFile) -> Vec<Feedback>,
) -> Loaded {
    let unchecked = check_all_but_funnel_hours(source, as_of, feedback);
    let hours = unchecked.checked().map_or_else(Vec::new, funnel::findings);
    unchecked.finish(hours)
}

/// Reads and checks the goal file at `path` (`-` for standard input), all but the
/// `funnel-hours-exceed-capacity` check, which [`AlmostChecked::finish`] takes from a
/// command that works the funnel activity out anyway.
pub fn load_but_funnel_hours(
    path: &Path,
    as_of: NaiveDate,
    stdin: &mut dyn Read,
) -> Result<AlmostChecked> {
    let source = Source::read(path, stdin)?;
    Ok(check_all_but_funnel_hours(source, as_of, &mut |_| {
        Vec::new()
    }))
}

/// A goal file with every check run but `funnel-hours-exceed-capacity`, before `allow`
/// lists apply.
pub struct AlmostChecked {
    name: String,
    text: String,
    file: GoalFile,
    diagnostics: Vec<Diagnostic>,
    /// The validated model, when the file had no errors before the checks that need the
    /// plan ran: the funnel-hours check runs only then.
    model: Option<Model>,
}

impl AlmostChecked {
    /// The file, if it had no error findings before the checks that need the plan: the one
    /// the `funnel-hours-exceed-capacity` check is to run on.
    pub fn checked(&self) -> Option<Checked<'_>> {
        self.model.as_ref().map(|m| m.of(&self.file))
    }

    /// Whether the file has an error finding among the checks run so far.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }

    /// Adds the `funnel-hours-exceed-capacity` findings (none when the file has errors),
    /// applies the `allow` lists and sorts the findings.
    pub fn finish(self, funnel_hours: Vec<Diagnostic>) -> Loaded {
        let AlmostChecked {
            name,
            text,
            file,
            mut diagnostics,
            model,
        } = self;
        diagnostics.extend(funnel_hours);
        smart::suppress::apply(&file, &mut diagnostics);
        diagnostic::sort(&mut diagnostics);
        let goals = file.goals.iter().map(|g| g.id.value.clone()).collect();
        let findings = FileFindings {
            name,
            text,
            diagnostics,
            goals,
            survey: false,
        };
        Loaded {
            file,
            findings,
            model,
        }
    }
}

fn check_all_but_funnel_hours(
    source: Source,
    as_of: NaiveDate,
    feedback: &mut dyn FnMut(&GoalFile) -> Vec<Feedback>,
) -> AlmostChecked {
    let (mut file, mut diagnostics) = read::read(&source.text);
    let extra = feedback(&file);
    file.feedback.extend(extra);
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
    // Rules on a file that did not parse would report the gaps the syntax errors left.
    if !diagnostics.iter().any(|d| d.code == Code::TomlSyntax) {
        diagnostics.extend(smart::validate(&file, RuleOptions { as_of }));
    }
    let model = Model::build(&file, &diagnostics);
    if let Some(model) = &model {
        diagnostics.extend(plan::findings(model.of(&file)));
    }
    AlmostChecked {
        name: source.name,
        text: source.text,
        file,
        diagnostics,
        model,
    }
}
