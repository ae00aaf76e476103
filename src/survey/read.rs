//! Reads a filled survey form into `[[feedback]]` entries. Every bad answer is an error
//! finding located in the CSV (file, line, column); rows with no answer are skipped and
//! counted; one bad row does not lose the others.

use std::ops::Range;

use super::csv_text::{Field, records};
use crate::diagnostic::{self, Code, Diagnostic};
use crate::model::{Feedback, GoalFile, Sp};
use crate::smart::report::FileFindings;

/// A survey form read against a goal file.
#[derive(Debug)]
pub struct SurveyRead {
    /// The answers of the good rows.
    pub feedback: Vec<Feedback>,
    /// The form's findings, under its own name.
    pub findings: FileFindings,
    /// Rows below the header, and those left empty (skipped).
    pub rows: usize,
    pub empty: usize,
}

const REQUIRED: [&str; 6] = [
    "goal",
    "rep",
    "confidence",
    "capable",
    "needs_training",
    "challenges",
];

/// Reads the form `text`, named `name`, against `file`.
pub fn read(name: String, text: String, file: &GoalFile) -> SurveyRead {
    let mut out = Vec::new();
    let mut feedback = Vec::new();
    let recs = records(&text);
    let (mut rows, mut empty) = (0, 0);
    if let Some((header, body)) = recs.split_first() {
        let columns: Vec<Option<usize>> = REQUIRED
            .iter()
            .map(|c| {
                header
                    .iter()
                    .position(|f| f.text.trim().eq_ignore_ascii_case(c))
            })
            .collect();
        for (col, found) in REQUIRED.iter().zip(&columns) {
            if found.is_none() {
                let span = header.first().map_or(0..0, |f| f.span.clone());
                out.push(
                    Diagnostic::new(
                        Code::MissingKey,
                        Some(span),
                        format!("the survey has no `{col}` column"),
                    )
                    .help("write the form with `goals survey` and keep its header row"),
                );
            }
        }
        if out.is_empty() {
            let at: Vec<usize> = columns.into_iter().flatten().collect();
            for record in body {
                rows += 1;
                match row(file, record, &at, &mut out) {
                    Row::Empty => empty += 1,
                    Row::Bad => {}
                    Row::Good(entry) => feedback.push(*entry),
                }
            }
        }
    } else {
        out.push(
            Diagnostic::new(Code::MissingKey, None, "the survey is empty")
                .help("write the form with `goals survey`"),
        );
    }
    diagnostic::sort(&mut out);
    SurveyRead {
        feedback,
        findings: FileFindings {
            name,
            text,
            diagnostics: out,
            goals: Vec::new(),
            survey: true,
        },
        rows,
        empty,
    }
}

enum Row {
    Empty,
    Bad,
    Good(Box<Feedback>),
}

/// One row: `at` holds the index of each `REQUIRED` column.
fn row(file: &GoalFile, record: &[Field], at: &[usize], out: &mut Vec<Diagnostic>) -> Row {
    let end = record.last().map_or(0, |f| f.span.end);
    let cell = |i: usize| {
        record
            .get(at[i])
            .map_or(("", end..end), |f| (f.text.trim(), f.span.clone()))
    };
    let [goal, rep, confidence, capable, training, challenges] = [0, 1, 2, 3, 4, 5].map(cell);
    if [&confidence, &capable, &training, &challenges]
        .iter()
        .all(|(t, _)| t.is_empty())
    {
        return Row::Empty;
    }
    let before = out.len();
    let goal_ok = known(
        out,
        "goal",
        &goal,
        file.goals.iter().map(|g| g.id.value.as_str()),
    );
    let rep_ok = known(
        out,
        "rep",
        &rep,
        file.reps.iter().map(|r| r.id.value.as_str()),
    );
    let entry = Feedback {
        goal: Sp::new(goal.0.to_string(), goal.1.clone()),
        rep: Sp::new(rep.0.to_string(), rep.1.clone()),
        confidence: score(out, &confidence),
        capable: yes_no(out, "capable", &capable),
        needs_training: yes_no(out, "needs_training", &training),
        challenges: (!challenges.0.is_empty()).then(|| challenges.0.to_string()),
    };
    if goal_ok && rep_ok && out.len() == before {
        Row::Good(Box::new(entry))
    } else {
        Row::Bad
    }
}

type Cell<'t> = (&'t str, Range<usize>);

fn known<'a>(
    out: &mut Vec<Diagnostic>,
    kind: &str,
    (text, span): &Cell<'_>,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> bool {
    if ids.clone().any(|id| id == *text) {
        return true;
    }
    let hint = crate::model::read::value::closest(text, ids).map_or_else(
        || format!("use a {kind} id of the goal file"),
        |best| format!("did you mean `{best}`?"),
    );
    let what = if text.is_empty() {
        format!("the row names no {kind}")
    } else {
        format!("no {kind} `{text}` in the goal file")
    };
    out.push(Diagnostic::new(Code::UnknownReference, Some(span.clone()), what).help(hint));
    false
}

fn score(out: &mut Vec<Diagnostic>, (text, span): &Cell<'_>) -> Option<Sp<u8>> {
    if text.is_empty() {
        return None;
    }
    if let Ok(n @ 1..=5) = text.parse::<u8>() {
        Some(Sp::new(n, span.clone()))
    } else {
        let msg = format!("confidence `{text}` is not a whole number from 1 to 5");
        out.push(
            Diagnostic::new(Code::InvalidValue, Some(span.clone()), msg)
                .help("write 1 (no way) to 5 (sure)"),
        );
        None
    }
}

fn yes_no(out: &mut Vec<Diagnostic>, column: &str, (text, span): &Cell<'_>) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "" => None,
        "yes" | "y" | "true" | "1" | "sì" | "si" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => {
            out.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    Some(span.clone()),
                    format!("{column} `{text}` is not yes or no"),
                )
                .help("write yes or no"),
            );
            None
        }
    }
}
