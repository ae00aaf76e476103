//! `allow = [...]` on a goal and in `[check]`: marks the warnings and infos they name as
//! suppressed, and reports `allow` entries that name no code or an error (which stays counted).

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{GoalFile, Sp, read::value::closest};

/// Checks every `allow` list of `file`, then marks the findings they accept as suppressed.
/// Errors are never suppressed.
pub fn apply(file: &GoalFile, diagnostics: &mut Vec<Diagnostic>) {
    let mut everywhere = Vec::new();
    for entry in &file.allow {
        everywhere.extend(resolve(entry, None, diagnostics));
    }
    // Only goals with an `allow`, by id: a lookup per finding, whatever the number of goals.
    let mut per_goal: HashMap<&str, Vec<Code>> = HashMap::new();
    for goal in file.goals.iter().filter(|g| !g.allow.is_empty()) {
        let codes = per_goal.entry(&goal.id.value).or_default();
        for entry in &goal.allow {
            codes.extend(resolve(entry, Some(&goal.id.value), diagnostics));
        }
    }
    if everywhere.is_empty() && per_goal.is_empty() {
        return;
    }
    for d in diagnostics.iter_mut() {
        if d.severity() == Severity::Error {
            continue;
        }
        let by_goal = d
            .goal
            .as_deref()
            .and_then(|goal| per_goal.get(goal))
            .is_some_and(|codes| codes.contains(&d.code));
        d.suppressed = by_goal || everywhere.contains(&d.code);
    }
}

/// The code an `allow` entry names, if it is one that can be suppressed; else a finding.
fn resolve(entry: &Sp<String>, goal: Option<&str>, out: &mut Vec<Diagnostic>) -> Option<Code> {
    let name = entry.value.trim();
    let Some(code) = Code::from_name(name) else {
        let names = Code::ALL.iter().map(|c| c.name());
        let help = match closest(name, names) {
            Some(best) => format!("did you mean `{best}`? `goals explain --list` lists every code"),
            None => Code::AllowUnknownCode.info().help.to_string(),
        };
        out.push(
            Diagnostic::new(
                Code::AllowUnknownCode,
                Some(entry.span.clone()),
                format!("`allow` names `{name}`, which is no check code"),
            )
            .help(help)
            .goal(goal),
        );
        return None;
    };
    if code.info().severity == Severity::Error {
        out.push(
            Diagnostic::new(
                Code::AllowErrorCode,
                Some(entry.span.clone()),
                format!("`{name}` is an error, and errors cannot be suppressed"),
            )
            .goal(goal),
        );
        return None;
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Code, Severity};
    use crate::model::read;

    use super::apply;

    const FILE: &str = r#"
[check]
allow = ["metric-without-source", "metric-withuot-source", "toml-syntax"]

[[goals]]
id = "a"
allow = ["goal-missing-steps"]

[[goals]]
id = "b"
"#;

    fn findings() -> Vec<crate::diagnostic::Diagnostic> {
        let (file, _) = read::read(FILE);
        let mut diagnostics = vec![
            crate::diagnostic::Diagnostic::new(Code::GoalMissingSteps, None, "a").goal(Some("a")),
            crate::diagnostic::Diagnostic::new(Code::GoalMissingSteps, None, "b").goal(Some("b")),
            crate::diagnostic::Diagnostic::new(Code::MetricWithoutSource, None, "m"),
            crate::diagnostic::Diagnostic::new(Code::GoalMissingTitle, None, "t").goal(Some("a")),
        ];
        apply(&file, &mut diagnostics);
        diagnostics
    }

    #[test]
    fn a_goal_allow_suppresses_its_own_findings_only() {
        let d = findings();
        assert!(d[0].suppressed, "goal a allows goal-missing-steps");
        assert!(!d[1].suppressed, "goal b does not");
        assert!(
            d[2].suppressed,
            "[check] allows metric-without-source everywhere"
        );
        assert!(!d[3].suppressed, "errors are never suppressed");
    }

    #[test]
    fn unknown_and_error_codes_in_allow_are_warnings() {
        let d = findings();
        let unknown = d.iter().find(|d| d.code == Code::AllowUnknownCode).unwrap();
        assert_eq!(unknown.severity(), Severity::Warning);
        assert!(
            unknown
                .help
                .contains("did you mean `metric-without-source`?")
        );
        let error = d.iter().find(|d| d.code == Code::AllowErrorCode).unwrap();
        assert!(error.message.contains("toml-syntax"));
    }
}
