//! Achievable, from the file alone: over-assignment factors that are too high, and
//! `over_assign` written on a target that has no team number to share among reps.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Owner, Sp};

use super::RuleOptions;

/// Factors above this are flagged.
const HIGHEST: Decimal = Decimal::from_parts(15, 0, 0, false, 1);

/// `over-assignment-too-high` on every factor above 1.5; `over-assignment-not-shared` on a
/// target's own factor where there is nothing to over-assign.
pub fn over_assignment(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    too_high(file.plan.over_assign.as_ref(), "the plan", None, out);
    for team in &file.teams {
        let place = format!("team `{}`", team.id.value);
        too_high(team.over_assign.as_ref(), &place, None, out);
    }
    for goal in &file.goals {
        let rep_owned = matches!(goal.owner.as_ref().map(|o| &o.value), Some(Owner::Rep(_)));
        for target in &goal.targets {
            let Some(factor) = &target.over_assign else {
                continue;
            };
            let metric = target.metric.as_ref().map(|m| m.value.as_str());
            let additive = metric
                .and_then(|m| file.metric(m))
                .is_none_or(|m| m.kind.is_additive());
            let reason = if target.each_rep {
                Some("an `each = \"rep\"` target gives every rep the number on its own")
            } else if rep_owned {
                Some("a rep's own goal has no team to share it among")
            } else if !additive {
                Some("a rate or level is held by every rep, never shared")
            } else {
                None
            };
            if let Some(reason) = reason {
                out.push(
                    Diagnostic::new(
                        Code::OverAssignmentNotShared,
                        Some(factor.span.clone()),
                        format!("`over_assign` cannot apply here: {reason}"),
                    )
                    .goal(Some(&goal.id.value))
                    .metric(metric),
                );
            } else {
                let place = format!("this target of goal `{}`", goal.id.value);
                too_high(Some(factor), &place, Some((&goal.id.value, metric)), out);
            }
        }
    }
}

fn too_high(
    factor: Option<&Sp<Decimal>>,
    place: &str,
    labels: Option<(&str, Option<&str>)>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(factor) = factor.filter(|f| f.value > HIGHEST) else {
        return;
    };
    let pct = ((factor.value - Decimal::ONE) * Decimal::ONE_HUNDRED).normalize();
    let mut d = Diagnostic::new(
        Code::OverAssignmentTooHigh,
        Some(factor.span.clone()),
        format!(
            "`over_assign = {}` on {place} sets rep quotas {pct}% above the team's number",
            factor.value.normalize()
        ),
    );
    if let Some((goal, metric)) = labels {
        d = d.goal(Some(goal)).metric(metric);
    }
    out.push(d);
}
