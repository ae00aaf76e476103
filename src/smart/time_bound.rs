//! Time-bound: the plan and every target have dates in the right order, within limits, and
//! not already past; every goal has a review cadence.

use chrono::{Days, NaiveDate};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Sp, Target, dates};

use super::RuleOptions;

/// The plan period: present, ordered, at most 10 years.
pub fn plan_dates(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let plan = &file.plan;
    let Some(start) = &plan.start else {
        if plan.start_written {
            // An unreadable date was reported where it is; "no dates" would repeat it.
            return;
        }
        out.push(Diagnostic::new(
            Code::NoDates,
            plan.span.clone(),
            "the plan has no `start` date, so no goal has a deadline",
        ));
        return;
    };
    let Some(end) = &plan.end else { return };
    if end.value < start.value {
        out.push(Diagnostic::new(
            Code::EndBeforeStart,
            Some(end.span.clone()),
            format!(
                "the plan ends ({}) before it starts ({})",
                end.value, start.value
            ),
        ));
    } else if longer_than_years(start.value, end.value, 10) {
        out.push(Diagnostic::new(
            Code::PlanTooLong,
            Some(end.span.clone()),
            format!(
                "the plan runs from {} to {}, more than 10 years",
                start.value, end.value
            ),
        ));
    }
    for rep in &file.reps {
        if let (Some(s), Some(e)) = (&rep.start, &rep.end)
            && e.value < s.value
        {
            out.push(Diagnostic::new(
                Code::EndBeforeStart,
                Some(e.span.clone()),
                format!(
                    "rep `{}` leaves ({}) before joining ({})",
                    rep.id.value, e.value, s.value
                ),
            ));
        }
    }
}

/// Each target: ordered, inside the plan, at most 3 years, deadline not past.
pub fn target_dates(file: &GoalFile, options: RuleOptions, out: &mut Vec<Diagnostic>) {
    let (Some(plan_start), Some(plan_end)) = (&file.plan.start, &file.plan.end) else {
        return;
    };
    for goal in &file.goals {
        for target in &goal.targets {
            let start = target.start.clone().unwrap_or_else(|| plan_start.clone());
            let end = target
                .end
                .clone()
                .unwrap_or_else(|| Sp::new(plan_end.value, target.span.clone()));
            let label = |d: Diagnostic| {
                d.goal(Some(&goal.id.value))
                    .metric(target.metric.as_ref().map(|m| m.value.as_str()))
            };
            if end.value < start.value {
                out.push(label(Diagnostic::new(
                    Code::EndBeforeStart,
                    Some(end.span.clone()),
                    format!(
                        "the target ends ({}) before it starts ({})",
                        end.value, start.value
                    ),
                )));
                continue;
            }
            if start.value < plan_start.value || end.value > plan_end.value {
                let span = if start.value < plan_start.value {
                    start.span.clone()
                } else {
                    end.span.clone()
                };
                out.push(label(Diagnostic::new(
                    Code::TargetOutsidePlan,
                    Some(span),
                    format!(
                        "the target runs {} to {}, outside the plan's {} to {}",
                        start.value, end.value, plan_start.value, plan_end.value
                    ),
                )));
            }
            if let Some(finding) = funnel_lead(file, target, start.value) {
                out.push(label(finding));
            }
            if longer_than_years(start.value, end.value, 3) {
                out.push(label(Diagnostic::new(
                    Code::TargetTooLong,
                    Some(end.span.clone()),
                    format!(
                        "the target runs {} to {}, more than 3 years",
                        start.value, end.value
                    ),
                )));
            }
            if end.value < options.as_of {
                out.push(label(Diagnostic::new(
                    Code::DeadlinePast,
                    Some(end.span.clone()),
                    format!(
                        "the deadline {} is before today ({})",
                        end.value, options.as_of
                    ),
                )));
            }
        }
    }
}

/// The activity of a funnel target starts `cycle_days` before the target, and no earlier
/// than 0001-01-01, the first day a date prints as `YYYY-MM-DD`.
fn funnel_lead(file: &GoalFile, target: &Target, start: NaiveDate) -> Option<Diagnostic> {
    let reference = target.funnel.as_ref()?;
    let funnel = file
        .funnels
        .iter()
        .find(|f| f.id.value == reference.value)?;
    let first = start.checked_sub_days(Days::new(u64::from(funnel.cycle_days)));
    if first.is_some_and(dates::printable) {
        return None;
    }
    let message = format!(
        "the target starts on {start}, and funnel `{}` would plan its activity {} days earlier, before 0001-01-01",
        funnel.id.value, funnel.cycle_days
    );
    Some(
        Diagnostic::new(Code::InvalidValue, Some(reference.span.clone()), message)
            .help("start the target later, or shorten the funnel's `cycle_days`"),
    )
}

/// Whether [`start`, `end`] is longer than `years` years: a 10-year plan from 29 February
/// may end on 28 February ten years later.
fn longer_than_years(start: NaiveDate, end: NaiveDate, years: u32) -> bool {
    dates::years_later(start, years).is_none_or(|limit| end >= limit)
}

/// Every goal has a review cadence.
pub fn review(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in file.goals.iter().filter(|g| g.review.is_none()) {
        out.push(
            Diagnostic::new(
                Code::GoalWithoutReview,
                Some(goal.span.clone()),
                format!("goal `{}` has no review cadence", goal.id.value),
            )
            .goal(Some(&goal.id.value)),
        );
    }
}
