//! The SMART rules that can be decided from the goal file alone, and the validated model
//! (`Checked`) the planner trusts. Rules push findings; they never stop at the first one.

mod achievable;
mod checked;
pub mod funnel_entry;
mod identity;
mod magnitude;
mod measurable;
mod over_assign;
mod references;
pub mod report;
mod specific;
pub mod suppress;
mod time_bound;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_sizes;

use chrono::NaiveDate;

pub use checked::{Checked, Model, Resolved};

use crate::diagnostic::Diagnostic;
use crate::model::GoalFile;

/// What the rules need besides the file.
#[derive(Clone, Copy, Debug)]
pub struct RuleOptions {
    /// "Today", for deadlines already past.
    pub as_of: NaiveDate,
}

/// One rule: reads the file, pushes findings.
type Rule = fn(&GoalFile, RuleOptions, &mut Vec<Diagnostic>);

/// Every file-level rule, in the order of the SMART criteria.
const RULES: &[Rule] = &[
    references::duplicate_ids,
    identity::empty_ids,
    identity::shared_aliases,
    references::unknown_references,
    specific::titles_and_owners,
    specific::steps,
    measurable::targets,
    measurable::seasonality,
    measurable::metric_sources,
    achievable::growth,
    achievable::overload,
    achievable::funnels,
    funnel_entry::funnel_entries,
    achievable::feedback,
    over_assign::over_assignment,
    time_bound::plan_dates,
    time_bound::target_dates,
    time_bound::review,
    relevant,
];

/// Runs every file-level rule.
pub fn validate(file: &GoalFile, options: RuleOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        rule(file, options, &mut out);
    }
    out
}

/// Relevant: a goal serves an objective (when objectives exist) and names its family.
fn relevant(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    use crate::diagnostic::Code;
    for goal in &file.goals {
        let id = Some(goal.id.value.as_str());
        if goal.objective.is_none() && !file.objectives.is_empty() {
            let ids: Vec<&str> = file
                .objectives
                .iter()
                .map(|o| o.id.value.as_str())
                .collect();
            out.push(
                Diagnostic::new(
                    Code::GoalWithoutObjective,
                    Some(goal.span.clone()),
                    format!("goal `{}` serves no objective", goal.id.value),
                )
                .help(format!(
                    "add `objective = \"…\"`, one of: {}",
                    ids.join(", ")
                ))
                .goal(id),
            );
        }
        if goal.family.is_none() {
            out.push(
                Diagnostic::new(
                    Code::GoalWithoutFamily,
                    Some(goal.span.clone()),
                    format!("goal `{}` has no family", goal.id.value),
                )
                .goal(id),
            );
        }
    }
}
