//! Table-driven tests: each code fires on a fixture made to trigger it, at the expected line
//! and column, and the clean fixture triggers nothing.

use chrono::NaiveDate;

use super::{RuleOptions, validate};
use crate::diagnostic::{Code, LineIndex};
use crate::model::read::read;

/// A small file that passes every rule.
pub(super) const CLEAN: &str = r#"[plan]
name = "Test"
start = 2027-01-01
end = 2027-12-31
currency = "EUR"

[[objectives]]
id = "grow"
title = "Grow revenue"

[[teams]]
id = "inside"

[[reps]]
id = "ana"
team = "inside"

[[reps]]
id = "ben"
team = "inside"

[metrics.deals]
kind = "count"
source = "CRM"
capacity = 40

[metrics.rate]
kind = "rate"
source = "CRM"

[seasonality.retail]
jan = 1
feb = 1
mar = 1
apr = 1
may = 1
jun = 1
jul = 1
aug = 1
sep = 1
oct = 1
nov = 1
dec = 1

[[funnels]]
id = "calls"
stages = [{ activity = "calls", rate = 0.1, minutes = 6 }, { activity = "deals" }]

[[goals]]
id = "deals"
title = "Win 20 deals every month"
family = "customers"
objective = "grow"
owner = "team:inside"
review = "monthly"
steps = ["Call every lead"]

  [[goals.targets]]
  metric = "deals"
  target = 20
  per = "month"
  baseline = 16
"#;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Every finding of a file as (code, line, column).
pub(super) fn findings(text: &str) -> Vec<(Code, usize, usize)> {
    let (file, mut diagnostics) = read(text);
    diagnostics.extend(validate(&file, RuleOptions { as_of: today() }));
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = index.position(d.span.clone().map_or(0, |s| s.start));
            (d.code, line, column)
        })
        .collect()
}

pub(super) fn edit(from: &str, to: &str) -> String {
    assert!(CLEAN.contains(from), "fixture edit `{from}` does not apply");
    CLEAN.replacen(from, to, 1)
}

#[test]
fn the_clean_fixture_has_no_findings() {
    assert_eq!(findings(CLEAN), vec![]);
}

/// (code, edited fixture, line, column) for every code decided from the file alone.
#[allow(clippy::too_many_lines)] // one row per code reads best as one table
fn cases() -> Vec<(Code, String, usize, usize)> {
    vec![
        (
            Code::TomlSyntax,
            edit("name = \"Test\"", "name = Test"),
            2,
            8,
        ),
        (
            Code::UnknownKey,
            edit("currency = \"EUR\"", "curency = \"EUR\""),
            5,
            1,
        ),
        (
            Code::WrongType,
            edit("capacity = 40", "capacity = true"),
            25,
            12,
        ),
        (
            Code::InvalidValue,
            edit("review = \"monthly\"", "review = \"daily\""),
            55,
            10,
        ),
        (
            Code::MissingKey,
            edit("id = \"inside\"", "name = \"inside\""),
            11,
            1,
        ),
        (
            Code::DuplicateId,
            edit("id = \"ben\"", "id = \"ana\""),
            19,
            6,
        ),
        (
            Code::UnknownReference,
            edit("owner = \"team:inside\"", "owner = \"team:insde\""),
            54,
            9,
        ),
        (
            Code::PlanTooLong,
            edit("end = 2027-12-31", "end = 2040-12-31"),
            4,
            7,
        ),
        (
            Code::GoalMissingTitle,
            edit("title = \"Win 20 deals every month\"\n", ""),
            50,
            6,
        ),
        (
            Code::GoalMissingOwner,
            edit("owner = \"team:inside\"\n", ""),
            50,
            6,
        ),
        (
            Code::OwnerTeamWithoutReps,
            edit(
                "[[teams]]\nid = \"inside\"",
                "[[teams]]\nid = \"inside\"\n[[teams]]\nid = \"empty\"",
            )
            .replace("owner = \"team:inside\"", "owner = \"team:empty\""),
            56,
            9,
        ),
        (
            Code::GoalMissingSteps,
            edit("steps = [\"Call every lead\"]\n", ""),
            50,
            6,
        ),
        (
            Code::TitleTooVague,
            edit("Win 20 deals every month", "Sell more"),
            51,
            9,
        ),
        (
            Code::GoalWithoutTargets,
            CLEAN[..CLEAN.find("  [[goals.targets]]").unwrap()].to_string(),
            50,
            6,
        ),
        (Code::TargetMissing, edit("  target = 20\n", ""), 58, 3),
        (
            Code::TargetNotPositive,
            edit("target = 20", "target = 0"),
            60,
            12,
        ),
        (
            Code::TargetNotFinite,
            edit("target = 20", "target = nan"),
            60,
            12,
        ),
        (
            Code::RelativeTargetWithoutBaseline,
            edit("target = 20", "target = \"+10%\"").replace("  baseline = 16\n", ""),
            60,
            12,
        ),
        (
            Code::MoneyWithoutCurrency,
            edit("currency = \"EUR\"\n", "").replace("kind = \"count\"", "kind = \"money\""),
            59,
            12,
        ),
        (
            Code::RateOutOfRange,
            edit(
                "metric = \"deals\"\n  target = 20",
                "metric = \"rate\"\n  target = 140",
            )
            .replace("  baseline = 16\n", ""),
            60,
            12,
        ),
        (Code::SeasonalityMissingMonth, edit("dec = 1\n", ""), 31, 14),
        (
            Code::SeasonalityWeightNotPositive,
            edit("aug = 1", "aug = 0"),
            31,
            14,
        ),
        (
            Code::MetricWithoutSource,
            edit("source = \"CRM\"\ncapacity", "capacity"),
            22,
            10,
        ),
        (
            Code::GrowthTooHigh,
            edit("baseline = 16", "baseline = 10"),
            60,
            12,
        ),
        (
            Code::RepOverloaded,
            edit("currency = \"EUR\"", "currency = \"EUR\"").replace(
                "currency = \"EUR\"",
                "currency = \"EUR\"\nmax_goals_per_rep = 1",
            ) + &CLEAN[CLEAN.find("[[goals]]").unwrap()..]
                .replace("id = \"deals\"", "id = \"deals-2\""),
            16,
            6,
        ),
        (
            Code::FunnelRateOutOfRange,
            edit("rate = 0.1,", "rate = 1.5,"),
            47,
            40,
        ),
        (
            Code::FunnelMissingActivity,
            edit(", { activity = \"deals\" }", ""),
            46,
            6,
        ),
        (
            Code::GoalWithoutObjective,
            edit("objective = \"grow\"\n", ""),
            50,
            6,
        ),
        (
            Code::GoalWithoutFamily,
            edit("family = \"customers\"\n", ""),
            50,
            6,
        ),
        (
            Code::NoDates,
            edit("start = 2027-01-01\nend = 2027-12-31\n", ""),
            1,
            1,
        ),
        (
            Code::EndBeforeStart,
            edit("end = 2027-12-31", "end = 2026-12-31"),
            4,
            7,
        ),
        (
            Code::DeadlinePast,
            edit(
                "start = 2027-01-01\nend = 2027-12-31",
                "start = 2026-01-01\nend = 2026-12-31",
            )
            .replace("baseline = 16", "baseline = 16\n  end = 2026-06-30"),
            63,
            9,
        ),
        (
            Code::GoalWithoutReview,
            edit("review = \"monthly\"\n", ""),
            50,
            6,
        ),
        (
            Code::TargetOutsidePlan,
            edit("baseline = 16", "baseline = 16\n  start = 2026-06-01"),
            63,
            11,
        ),
        (
            Code::UnknownCurrency,
            edit("currency = \"EUR\"", "currency = \"EUO\""),
            5,
            12,
        ),
        (Code::EmptyId, edit("id = \"inside\"", "id = \" \""), 12, 6),
        (
            Code::SharedAlias,
            edit("id = \"ben\"", "id = \"ben\"\naliases = [\"ANA\"]"),
            20,
            12,
        ),
        (
            Code::BaselineNegative,
            edit("baseline = 16", "baseline = -16"),
            62,
            14,
        ),
    ]
}

#[test]
fn every_file_rule_fires_where_it_should() {
    let mut missed = Vec::new();
    for (code, text, line, column) in cases() {
        let found = findings(&text);
        if !found.contains(&(code, line, column)) {
            missed.push(format!(
                "{} expected at {line}:{column}, found {found:?}",
                code.name()
            ));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn company_goals_have_their_references_checked_too() {
    let text = edit("owner = \"team:inside\"", "owner = \"company\"")
        .replace("metric = \"deals\"", "metric = \"deal\"");
    assert!(
        findings(&text).contains(&(Code::UnknownReference, 59, 12)),
        "{:?}",
        findings(&text)
    );
}

#[test]
fn low_confidence_and_training_come_from_feedback() {
    let text = format!(
        "{CLEAN}\n[[feedback]]\ngoal = \"deals\"\nrep = \"ana\"\nconfidence = 2\nneeds_training = true\nchallenges = \"no leads\"\n"
    );
    let found = findings(&text);
    assert!(
        found.iter().any(|f| f.0 == Code::LowTeamConfidence),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.0 == Code::TrainingWithoutSkillsGoal),
        "{found:?}"
    );
}

#[test]
fn a_company_goal_still_has_its_targets_references_checked() {
    let text = edit("owner = \"team:inside\"", "owner = \"company\"").replacen(
        "metric = \"deals\"",
        "metric = \"dels\"",
        1,
    );
    assert_eq!(findings(&text), vec![(Code::UnknownReference, 59, 12)]);
}

#[test]
fn an_unreadable_start_is_reported_once() {
    let text = edit("start = 2027-01-01", "start = \"soon\"");
    let found = findings(&text);
    assert!(found.contains(&(Code::InvalidValue, 3, 9)), "{found:?}");
    assert!(!found.iter().any(|f| f.0 == Code::NoDates), "{found:?}");
}
