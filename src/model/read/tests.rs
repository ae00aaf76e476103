//! Reader tests: every key, type and value problem is found, located, and does not stop the
//! rest of the file from being read.

use super::read;
use crate::diagnostic::{Code, LineIndex};

fn codes_at(text: &str) -> Vec<(Code, usize, usize)> {
    let (_, diagnostics) = read(text);
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = index.position(d.span.clone().unwrap_or(0..0).start);
            (d.code, line, column)
        })
        .collect()
}

#[test]
fn unknown_keys_suggest_the_closest() {
    let text = "[plan]\ncurency = \"EUR\"\nstart = 2027-01-01\n";
    let (_, diagnostics) = read(text);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, Code::UnknownKey);
    assert_eq!(diagnostics[0].help, "did you mean `currency`?");
    assert_eq!(codes_at(text), vec![(Code::UnknownKey, 2, 1)]);
}

#[test]
fn every_syntax_error_is_reported() {
    let text = "[plan\nname = \"x\"\n[teams]]\nid = 1 2\n";
    let syntax = codes_at(text)
        .into_iter()
        .filter(|(c, _, _)| *c == Code::TomlSyntax)
        .count();
    assert!(syntax >= 2, "expected several syntax errors, got {syntax}");
}

#[test]
fn wrong_types_are_located_and_reading_goes_on() {
    let text = "[plan]\nstart = \"soon\"\nfiscal_year_start = 13\n\n[[reps]]\nid = \"a\"\nfte = \"half\"\n";
    let found = codes_at(text);
    assert!(found.contains(&(Code::InvalidValue, 2, 9)), "{found:?}");
    assert!(found.contains(&(Code::InvalidValue, 3, 21)), "{found:?}");
    assert!(found.contains(&(Code::WrongType, 7, 7)), "{found:?}");
}

#[test]
fn defaults_are_applied() {
    let (file, diagnostics) = read("[plan]\nstart = 2027-01-01\n");
    assert!(diagnostics.is_empty());
    assert_eq!(file.plan.end.unwrap().value.to_string(), "2027-12-31");
    assert_eq!(file.plan.fiscal_year_start, 1);
    assert_eq!(
        file.plan.workdays,
        [true, true, true, true, true, false, false]
    );
}

#[test]
fn money_is_read_exactly() {
    let text =
        "[[goals]]\nid = \"g\"\n[[goals.targets]]\nmetric = \"revenue\"\ntarget = \"1200000.50\"\n";
    let (file, _) = read(text);
    let target = file.goals[0].targets[0].target.as_ref().unwrap();
    assert_eq!(format!("{:?}", target.value), "Absolute(1200000.50)");
}

#[test]
fn relative_targets_and_percent_rates() {
    let text = "[[goals]]\nid = \"g\"\n[[goals.targets]]\nmetric = \"m\"\ntarget = \"+10%\"\n\n[[funnels]]\nid = \"f\"\nstages = [{ activity = \"calls\", rate = \"10%\" }, { activity = \"deals\" }]\n";
    let (file, diagnostics) = read(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(
        format!(
            "{:?}",
            file.goals[0].targets[0].target.as_ref().unwrap().value
        ),
        "Relative(10)"
    );
    assert_eq!(
        file.funnels[0].stages[0]
            .rate
            .as_ref()
            .unwrap()
            .value
            .to_string(),
        "0.10"
    );
}
