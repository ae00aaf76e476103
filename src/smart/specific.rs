//! Specific: every goal has a title that says what will be done, an owner with reps to carry
//! it, and the steps that will get it done.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Goal, GoalFile, Owner};

use super::RuleOptions;

/// Words that say nothing specific on their own: a title made only of them is vague.
const VAGUE_WORDS: &[&str] = &[
    "a",
    "all",
    "be",
    "better",
    "boost",
    "do",
    "get",
    "grow",
    "growth",
    "improve",
    "increase",
    "make",
    "more",
    "most",
    "much",
    "our",
    "performance",
    "results",
    "revenue",
    "sales",
    "sell",
    "selling",
    "the",
    "things",
    "up",
    "we",
    "win",
    "work",
];

/// Title and owner are present; the owner has reps; the title is not vague.
pub fn titles_and_owners(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in &file.goals {
        let id = Some(goal.id.value.as_str());
        match &goal.title {
            None => out.push(
                Diagnostic::new(
                    Code::GoalMissingTitle,
                    Some(goal.span.clone()),
                    format!("goal `{}` has no title", goal.id.value),
                )
                .goal(id),
            ),
            Some(title) if is_vague(&title.value) => out.push(
                Diagnostic::new(
                    Code::TitleTooVague,
                    Some(title.span.clone()),
                    format!("the title \"{}\" is too vague", title.value),
                )
                .goal(id),
            ),
            Some(_) => {}
        }
        match &goal.owner {
            None => out.push(
                Diagnostic::new(
                    Code::GoalMissingOwner,
                    Some(goal.span.clone()),
                    format!("goal `{}` has no owner", goal.id.value),
                )
                .goal(id),
            ),
            Some(owner) => owner_has_reps(file, goal, &owner.value, owner.span.clone(), out),
        }
    }
}

fn owner_has_reps(
    file: &GoalFile,
    goal: &Goal,
    owner: &Owner,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let team_exists = match owner {
        Owner::Team(id) => file.teams.iter().any(|t| t.id.value == *id),
        Owner::Company => true,
        Owner::Rep(_) => false,
    };
    if team_exists && file.reps_of(owner).is_empty() {
        out.push(
            Diagnostic::new(
                Code::OwnerTeamWithoutReps,
                Some(span),
                format!(
                    "`{}` has no reps to carry goal `{}`",
                    owner.label(),
                    goal.id.value
                ),
            )
            .goal(Some(&goal.id.value)),
        );
    }
}

/// A title is vague when it has fewer than three words, or only words from `VAGUE_WORDS`
/// and no number ("Sell more", "Improve our sales").
pub fn is_vague(title: &str) -> bool {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '%')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has_number = words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    words.len() < 3 || (!has_number && words.iter().all(|w| VAGUE_WORDS.contains(&w.as_str())))
}

/// Every goal lists the steps that will reach it.
pub fn steps(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in file.goals.iter().filter(|g| g.steps.is_empty()) {
        out.push(
            Diagnostic::new(
                Code::GoalMissingSteps,
                Some(goal.span.clone()),
                format!(
                    "goal `{}` does not say how it will be reached",
                    goal.id.value
                ),
            )
            .goal(Some(&goal.id.value)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_vague;

    #[test]
    fn vague_titles() {
        assert!(is_vague("Sell more"));
        assert!(is_vague("Improve our sales"));
        assert!(is_vague("Grow revenue"));
        assert!(!is_vague("Win 100 new customers every month"));
        assert!(!is_vague("Improve our upsell rate"));
        assert!(!is_vague("Cut the time to close"));
    }
}
