//! File rules: ids are unique within their kind, and every reference resolves.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::read::value::closest;
use crate::model::{GoalFile, Owner, Sp, SplitName};

use super::RuleOptions;

/// Two entries of one kind with the same id.
pub fn duplicate_ids(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    duplicates("objective", file.objectives.iter().map(|o| &o.id), out);
    duplicates("team", file.teams.iter().map(|t| &t.id), out);
    duplicates("rep", file.reps.iter().map(|r| &r.id), out);
    duplicates("funnel", file.funnels.iter().map(|f| &f.id), out);
    duplicates("goal", file.goals.iter().map(|g| &g.id), out);
}

fn duplicates<'a>(
    kind: &str,
    ids: impl Iterator<Item = &'a Sp<String>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &Sp<String>> = HashMap::new();
    for id in ids {
        if let Some(earlier) = first.get(id.value.as_str()) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    Some(id.span.clone()),
                    format!("{kind} id `{}` is used twice", id.value),
                )
                .help(format!(
                    "the first {kind} with this id starts at byte {}; give each {kind} its own id",
                    earlier.span.start
                )),
            );
        } else {
            first.insert(&id.value, id);
        }
    }
}

/// References to teams, reps, objectives, metrics, funnels, profiles and goals resolve.
pub fn unknown_references(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let teams = Known::new(file.teams.iter().map(|t| t.id.value.as_str()));
    let reps = Known::new(file.reps.iter().map(|r| r.id.value.as_str()));
    let objectives = Known::new(file.objectives.iter().map(|o| o.id.value.as_str()));
    let metrics = Known::new(file.metrics.iter().map(|m| m.id.value.as_str()));
    let funnels = Known::new(file.funnels.iter().map(|f| f.id.value.as_str()));
    let goals = Known::new(file.goals.iter().map(|g| g.id.value.as_str()));
    let builtin = ["even", "workdays", "calendar"].into_iter();
    let profiles =
        Known::new(builtin.chain(file.seasonality.iter().map(|p| p.name.value.as_str())));
    for rep in &file.reps {
        resolve("team", rep.team.as_ref(), &teams, None, out);
    }
    for goal in &file.goals {
        let g = Some(goal.id.value.as_str());
        resolve("objective", goal.objective.as_ref(), &objectives, g, out);
        if let Some(owner) = &goal.owner {
            let known = match &owner.value {
                Owner::Team(id) => Some(("team", id, &teams)),
                Owner::Rep(id) => Some(("rep", id, &reps)),
                Owner::Company => None,
            };
            if let Some((kind, id, known)) = known {
                let reference = Sp::new(id.clone(), owner.span.clone());
                resolve(kind, Some(&reference), known, g, out);
            }
        }
        for target in &goal.targets {
            resolve("metric", target.metric.as_ref(), &metrics, g, out);
            resolve("funnel", target.funnel.as_ref(), &funnels, g, out);
            if let SplitName::Profile(name) = &target.split.value {
                resolve(
                    "seasonality profile",
                    Some(&Sp::new(name.clone(), target.split.span.clone())),
                    &profiles,
                    g,
                    out,
                );
            }
        }
    }
    for feedback in &file.feedback {
        resolve("goal", Some(&feedback.goal), &goals, None, out);
        resolve("rep", Some(&feedback.rep), &reps, None, out);
    }
    for mapping in &file.actuals {
        resolve("metric", mapping.metric.as_ref(), &metrics, None, out);
    }
}

fn resolve(
    kind: &str,
    reference: Option<&Sp<String>>,
    known: &Known<'_>,
    goal: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(reference) = reference else { return };
    if known.set.contains(reference.value.as_str()) {
        return;
    }
    let help = match closest(&reference.value, known.list.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.list.is_empty() => format!("no {kind} is declared; declare it first"),
        None if known.list.len() > 10 => format!(
            "declared: {}, … ({} in all)",
            known.list[..10].join(", "),
            known.list.len()
        ),
        None => format!("declared: {}", known.list.join(", ")),
    };
    out.push(
        Diagnostic::new(
            Code::UnknownReference,
            Some(reference.span.clone()),
            format!("unknown {kind} `{}`", reference.value),
        )
        .help(help)
        .goal(goal),
    );
}

/// The ids of one kind, in file order (for suggestions) and as a set (for lookups).
struct Known<'a> {
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let list: Vec<&str> = ids.collect();
        let set = list.iter().copied().collect();
        Known { list, set }
    }
}
