//! The naming rules on the table fixture: blank ids of every kind, spellings shared by two
//! reps, currencies outside ISO 4217, negative baselines and an empty export path.

use super::tests::{CLEAN, edit, findings};
use super::{RuleOptions, validate};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::read::read;

fn codes(text: &str) -> Vec<Code> {
    findings(text).into_iter().map(|f| f.0).collect()
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let (file, mut found) = read(text);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    found.extend(validate(&file, RuleOptions { as_of }));
    found
}

fn only(text: &str, code: Code) -> Diagnostic {
    let found: Vec<Diagnostic> = diagnostics(text)
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn a_blank_id_of_every_kind_is_an_empty_id() {
    let edits = [
        ("id = \"grow\"", "id = \"\""),
        ("id = \"inside\"", "id = \"  \""),
        ("id = \"ana\"", "id = \"\""),
        ("[metrics.deals]", "[metrics.\" \"]"),
        ("[seasonality.retail]", "[seasonality.\"\"]"),
        ("id = \"calls\"", "id = \"\""),
        ("id = \"deals\"", "id = \"\t\""),
        ("id = \"ben\"", "id = \"ben\"\nname = \" \""),
        ("id = \"ben\"", "id = \"ben\"\naliases = [\"\"]"),
    ];
    for (from, to) in edits {
        let found = codes(&edit(from, to));
        assert!(found.contains(&Code::EmptyId), "{to}: {found:?}");
    }
}

#[test]
fn a_blank_alias_says_what_it_would_claim() {
    let d = only(
        &edit("id = \"ben\"", "id = \"ben\"\naliases = [\" \"]"),
        Code::EmptyId,
    );
    assert_eq!(d.message, "rep `ben` has a blank alias");
    assert!(d.help.contains("rep column is empty"), "{}", d.help);
}

#[test]
fn a_name_on_two_reps_is_shared_ignoring_case_and_spaces() {
    let text = edit("id = \"ana\"", "id = \"ana\"\nname = \"Ana Rossi\"").replacen(
        "id = \"ben\"",
        "id = \"ben\"\naliases = [\" ana rossi \"]",
        1,
    );
    let d = only(&text, Code::SharedAlias);
    assert_eq!(
        d.message,
        "`ana rossi` is the alias of rep `ben` and, ignoring case, the name of rep `ana`"
    );
    assert!(d.help.contains("credited to rep `ana`"), "{}", d.help);
}

#[test]
fn an_alias_that_is_another_reps_id_is_shared() {
    let d = only(
        &edit("id = \"ben\"", "id = \"ben\"\naliases = [\"ana\"]"),
        Code::SharedAlias,
    );
    assert_eq!(
        d.message,
        "`ana` is the alias of rep `ben` and the id of rep `ana`"
    );
}

#[test]
fn a_reps_own_spellings_may_repeat_and_equal_ids_are_duplicates_only() {
    let own = edit(
        "id = \"ben\"",
        "id = \"ben\"\nname = \"Ben\"\naliases = [\"BEN\", \"ben\"]",
    );
    assert!(
        !codes(&own).contains(&Code::SharedAlias),
        "{:?}",
        codes(&own)
    );
    let twice = edit("id = \"ben\"", "id = \"ana\"");
    let found = codes(&twice);
    assert!(found.contains(&Code::DuplicateId), "{found:?}");
    assert!(!found.contains(&Code::SharedAlias), "{found:?}");
}

#[test]
fn currencies_follow_iso_4217() {
    for (code, fix) in [
        ("eur", "write it in capitals: \"EUR\""),
        ("HRK", "write the code that replaced it: \"EUR\""),
        ("XAU", "write the currency the team sells in"),
        ("EURO", "write the three-letter code"),
    ] {
        let text = edit("currency = \"EUR\"", &format!("currency = \"{code}\""));
        let d = only(&text, Code::UnknownCurrency);
        assert!(d.help.starts_with(fix), "{code}: {}", d.help);
    }
    let (file, _) = read(&edit("currency = \"EUR\"", "currency = \"CLF\""));
    assert_eq!(file.plan.currency.unwrap().value.minor_units, 4);
    let (file, _) = read(&edit("currency = \"EUR\"", "currency = \"UYW\""));
    assert_eq!(file.plan.currency.unwrap().value.minor_units, 4);
}

#[test]
fn money_in_an_unknown_currency_is_reported_once() {
    let money = CLEAN.replace("kind = \"count\"", "kind = \"money\"");
    let text = money.replace("currency = \"EUR\"", "currency = \"EUX\"");
    let found = codes(&text);
    assert!(found.contains(&Code::UnknownCurrency), "{found:?}");
    assert!(!found.contains(&Code::MoneyWithoutCurrency), "{found:?}");
}

#[test]
fn a_negative_baseline_is_one_finding_even_on_a_rate() {
    let d = only(
        &edit("baseline = 16", "baseline = -0.5"),
        Code::BaselineNegative,
    );
    assert_eq!(d.message, "the baseline is -0.5, below zero");
    let rate = edit(
        "metric = \"deals\"\n  target = 20",
        "metric = \"rate\"\n  target = 20",
    )
    .replace("baseline = 16", "baseline = -16");
    let found = codes(&rate);
    assert!(found.contains(&Code::BaselineNegative), "{found:?}");
    assert!(!found.contains(&Code::RateOutOfRange), "{found:?}");
}

#[test]
fn an_empty_export_path_names_the_key() {
    let text = format!("{CLEAN}\n[[actuals]]\npath = \"\"\nmetric = \"deals\"\n");
    let d = only(&text, Code::InvalidValue);
    assert!(
        d.message.contains("`path` of [[actuals]] is empty"),
        "{}",
        d.message
    );
    assert!(d.help.contains("--actuals"), "{}", d.help);
    let path_at = text.find("path = \"\"").unwrap() + "path = ".len();
    assert_eq!(d.span.unwrap().start, path_at);
}
