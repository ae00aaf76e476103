//! File rules: ids are unique within their kind, and every reference resolves.

use std::collections::HashMap;

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
    let teams: Vec<&str> = file.teams.iter().map(|t| t.id.value.as_str()).collect();
    let reps: Vec<&str> = file.reps.iter().map(|r| r.id.value.as_str()).collect();
    let objectives: Vec<&str> = file
        .objectives
        .iter()
        .map(|o| o.id.value.as_str())
        .collect();
    let metrics: Vec<&str> = file.metrics.iter().map(|m| m.id.value.as_str()).collect();
    let funnels: Vec<&str> = file.funnels.iter().map(|f| f.id.value.as_str()).collect();
    let goals: Vec<&str> = file.goals.iter().map(|g| g.id.value.as_str()).collect();
    let mut profiles: Vec<&str> = vec!["even", "workdays", "calendar"];
    profiles.extend(file.seasonality.iter().map(|p| p.name.value.as_str()));
    for rep in &file.reps {
        resolve("team", rep.team.as_ref(), &teams, None, out);
    }
    for goal in &file.goals {
        let g = Some(goal.id.value.as_str());
        resolve("objective", goal.objective.as_ref(), &objectives, g, out);
        if let Some(owner) = &goal.owner {
            let reference = match &owner.value {
                Owner::Team(id) => Some(("team", id, &teams)),
                Owner::Rep(id) => Some(("rep", id, &reps)),
                // The company always exists; the goal's targets below still need checking.
                Owner::Company => None,
            };
            if let Some((kind, id, known)) = reference {
                resolve(
                    kind,
                    Some(&Sp::new(id.clone(), owner.span.clone())),
                    known,
                    g,
                    out,
                );
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
    known: &[&str],
    goal: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(reference) = reference else { return };
    if known.contains(&reference.value.as_str()) {
        return;
    }
    let help = match closest(&reference.value, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => format!("no {kind} is declared; declare it first"),
        None => format!("declared: {}", known.join(", ")),
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
