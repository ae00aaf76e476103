//! Over-assignment: which `over_assign` factor a target carries. The most specific wins: the
//! target's own, then its owner team's, then the plan's; 1 when none is written. A plan- or
//! team-level factor never applies to `each = "rep"` targets nor to rates and levels.

use rust_decimal::Decimal;

use crate::model::{Goal, GoalFile, Metric, Owner, Target};

/// The factor by which the reps' quotas of `target` exceed the team's (1: none).
pub fn factor(file: &GoalFile, goal: &Goal, target: &Target, metric: &Metric) -> Decimal {
    if target.each_rep || !metric.kind.is_additive() {
        return Decimal::ONE;
    }
    if let Some(own) = &target.over_assign {
        return own.value;
    }
    let team = match goal.owner.as_ref().map(|o| &o.value) {
        Some(Owner::Team(id)) => file.teams.iter().find(|t| t.id.value == *id),
        Some(Owner::Company) => None,
        // A rep's own goal has nobody to over-assign to.
        Some(Owner::Rep(_)) | None => return Decimal::ONE,
    };
    team.and_then(|t| t.over_assign.as_ref())
        .or(file.plan.over_assign.as_ref())
        .map_or(Decimal::ONE, |f| f.value)
}
