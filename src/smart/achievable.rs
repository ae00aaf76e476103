//! Achievable, from the file alone: growth over baseline, goals per rep, funnel shapes and the
//! team's own confidence. The checks that need quotas live in `plan/findings.rs`.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Family, Goal, GoalFile, TargetValue};

use super::RuleOptions;
use crate::plan::fixed::round_dp;

/// Growth (or cut) beyond this share of the baseline is flagged.
const MAX_CHANGE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// A target more than 50% away from its baseline.
pub fn growth(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in &file.goals {
        for target in &goal.targets {
            let (Some(value), Some(base)) = (&target.target, &target.baseline) else {
                continue;
            };
            if base.value <= Decimal::ZERO {
                continue;
            }
            // `None` when a tiny baseline makes the ratio larger than any decimal.
            let change = match value.value {
                TargetValue::Absolute(n) => (n - base.value).checked_div(base.value),
                TargetValue::Relative(pct) => Some(pct / Decimal::ONE_HUNDRED),
            };
            if change.is_some_and(|c| c.abs() <= MAX_CHANGE) {
                continue;
            }
            let pct = change
                .and_then(|c| c.checked_mul(Decimal::ONE_HUNDRED))
                .map_or_else(
                    || "beyond any percentage".to_string(),
                    |p| format!("{:+}%", round_dp(p, 1).normalize()),
                );
            {
                let metric = target.metric.as_ref().map(|m| m.value.as_str());
                out.push(
                    Diagnostic::new(
                        Code::GrowthTooHigh,
                        Some(value.span.clone()),
                        format!(
                            "the target is {pct} against its baseline of {}",
                            base.value.normalize()
                        ),
                    )
                    .goal(Some(&goal.id.value))
                    .metric(metric),
                );
            }
        }
    }
}

/// A rep carrying more goals at once than `max_goals_per_rep`.
pub fn overload(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let (Some(plan_start), Some(plan_end)) = (&file.plan.start, &file.plan.end) else {
        return;
    };
    // Each goal's dates, filed under every rep who carries it: one pass over goals and reps.
    let mut carried: std::collections::HashMap<&str, Vec<(NaiveDate, NaiveDate)>> =
        std::collections::HashMap::new();
    for goal in &file.goals {
        let Some(owner) = &goal.owner else { continue };
        let dates = goal_dates(goal, plan_start.value, plan_end.value);
        for rep in file.reps_of(&owner.value) {
            carried
                .entry(rep.id.value.as_str())
                .or_default()
                .push(dates);
        }
    }
    let limit = file.plan.max_goals_per_rep as usize;
    for rep in &file.reps {
        let Some(intervals) = carried.get(rep.id.value.as_str()) else {
            continue;
        };
        let (most, day) = max_overlap(intervals);
        if most > limit {
            out.push(
                Diagnostic::new(Code::RepOverloaded, Some(rep.id.span.clone()), format!("rep `{}` carries {most} goals at once on {day} (at most {limit})", rep.id.value))
                    .help("rank the goals by importance and urgency and start the least important later, or raise `max_goals_per_rep` in [plan]"),
            );
        }
    }
}

fn goal_dates(goal: &Goal, plan_start: NaiveDate, plan_end: NaiveDate) -> (NaiveDate, NaiveDate) {
    let starts = goal
        .targets
        .iter()
        .map(|t| t.start.as_ref().map_or(plan_start, |s| s.value));
    let ends = goal
        .targets
        .iter()
        .map(|t| t.end.as_ref().map_or(plan_end, |e| e.value));
    (
        starts.min().unwrap_or(plan_start),
        ends.max().unwrap_or(plan_end),
    )
}

/// The most intervals that share a day, and the first such day.
fn max_overlap(intervals: &[(NaiveDate, NaiveDate)]) -> (usize, NaiveDate) {
    let mut events: Vec<(NaiveDate, i32)> = Vec::with_capacity(intervals.len() * 2);
    for &(start, end) in intervals {
        events.push((start, 1));
        events.push((end.succ_opt().unwrap_or(end), -1));
    }
    events.sort_by_key(|&(day, delta)| (day, delta));
    let (mut now, mut best, mut best_day) = (0i32, 0i32, NaiveDate::MIN);
    for (day, delta) in events {
        now += delta;
        if now > best {
            best = now;
            best_day = day;
        }
    }
    (usize::try_from(best).unwrap_or(0), best_day)
}

/// Funnels have at least two named stages and rates in (0, 1].
pub fn funnels(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for funnel in &file.funnels {
        if funnel.stages.len() < 2 {
            out.push(Diagnostic::new(
                Code::FunnelMissingActivity,
                Some(funnel.id.span.clone()),
                format!(
                    "funnel `{}` needs at least two stages: an activity and an outcome",
                    funnel.id.value
                ),
            ));
        }
        let last = funnel.stages.len().saturating_sub(1);
        for (i, stage) in funnel.stages.iter().enumerate() {
            if stage.minutes.is_some_and(|m| m < Decimal::ZERO) {
                let msg = format!(
                    "stage {} of funnel `{}` has negative `minutes`",
                    i + 1,
                    funnel.id.value
                );
                out.push(
                    Diagnostic::new(Code::InvalidValue, Some(stage.span.clone()), msg)
                        .help("write the minutes one unit of the activity takes, 0 or more"),
                );
            }
            if stage.activity.is_none() {
                out.push(Diagnostic::new(
                    Code::FunnelMissingActivity,
                    Some(stage.span.clone()),
                    format!(
                        "stage {} of funnel `{}` has no `activity`",
                        i + 1,
                        funnel.id.value
                    ),
                ));
            }
            match &stage.rate {
                None if i < last => out.push(Diagnostic::new(
                    Code::FunnelRateOutOfRange,
                    Some(stage.span.clone()),
                    format!(
                        "stage {} of funnel `{}` has no `rate`",
                        i + 1,
                        funnel.id.value
                    ),
                )),
                Some(rate) if rate.value <= Decimal::ZERO || rate.value > Decimal::ONE => {
                    out.push(Diagnostic::new(
                        Code::FunnelRateOutOfRange,
                        Some(rate.span.clone()),
                        format!(
                            "the rate {} of stage {} of funnel `{}` is outside (0, 1]",
                            rate.value.normalize(),
                            i + 1,
                            funnel.id.value
                        ),
                    ));
                }
                _ => {}
            }
        }
        funnel_depth(funnel, out);
    }
}

/// The most top-of-funnel activities one outcome may need: a million. Beyond it nobody could
/// do the work, and the exact arithmetic of the activity plan would overflow.
const MAX_ACTIVITY_PER_OUTCOME: i64 = 1_000_000;

/// The product of the stage rates (the share of the first activity that becomes an outcome)
/// is at least one in a million.
fn funnel_depth(funnel: &crate::model::Funnel, out: &mut Vec<Diagnostic>) {
    let floor = Decimal::ONE / Decimal::from(MAX_ACTIVITY_PER_OUTCOME);
    let mut product = Decimal::ONE;
    for rate in funnel.stages.iter().filter_map(|s| s.rate.as_ref()) {
        if rate.value <= Decimal::ZERO || rate.value > Decimal::ONE {
            return;
        }
        product *= rate.value;
        if product < floor {
            let msg = format!(
                "funnel `{}` turns less than one in {MAX_ACTIVITY_PER_OUTCOME} of its first activity into an outcome",
                funnel.id.value
            );
            out.push(
                Diagnostic::new(Code::FunnelRateOutOfRange, Some(rate.span.clone()), msg)
                    .help("check the stage rates: they are fractions such as 0.10 or strings such as \"10%\""),
            );
            return;
        }
    }
}

/// The team's view: low mean confidence, and training asked for without a skills goal.
pub fn feedback(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let mut by_goal: BTreeMap<&str, Vec<&crate::model::Feedback>> = BTreeMap::new();
    for entry in &file.feedback {
        by_goal
            .entry(entry.goal.value.as_str())
            .or_default()
            .push(entry);
    }
    for goal in &file.goals {
        let Some(entries) = by_goal.get(goal.id.value.as_str()) else {
            continue;
        };
        let scores: Vec<u32> = entries
            .iter()
            .filter_map(|e| e.confidence.as_ref())
            .map(|c| u32::from(c.value))
            .collect();
        if scores.is_empty()
            || scores.iter().sum::<u32>() >= 3 * u32::try_from(scores.len()).unwrap_or(u32::MAX)
        {
            continue;
        }
        let mean = Decimal::from(scores.iter().sum::<u32>()) / Decimal::from(scores.len());
        let doubts: Vec<String> = entries
            .iter()
            .filter_map(|e| {
                e.challenges
                    .as_ref()
                    .map(|c| format!("{}: {c}", e.rep.value))
            })
            .collect();
        let mut finding = Diagnostic::new(
            Code::LowTeamConfidence,
            Some(goal.span.clone()),
            format!(
                "the team's mean confidence in goal `{}` is {} of 5",
                goal.id.value,
                round_dp(mean, 1).normalize()
            ),
        )
        .goal(Some(&goal.id.value));
        if !doubts.is_empty() {
            finding = finding.note(format!("doubts voiced: {}", doubts.join("; ")));
        }
        out.push(finding);
    }
    training(file, out);
}

fn training(file: &GoalFile, out: &mut Vec<Diagnostic>) {
    let asked: HashSet<&str> = file
        .feedback
        .iter()
        .filter(|f| f.needs_training == Some(true))
        .map(|f| f.rep.value.as_str())
        .collect();
    if asked.is_empty() {
        return;
    }
    // Every rep some skills goal covers, gathered once: one pass over goals and their reps.
    let mut covered: HashSet<&str> = HashSet::new();
    let skills = file
        .goals
        .iter()
        .filter(|g| g.family == Some(Family::Skills));
    for owner in skills.filter_map(|g| g.owner.as_ref()) {
        covered.extend(
            file.reps_of(&owner.value)
                .iter()
                .map(|r| r.id.value.as_str()),
        );
    }
    for rep in &file.reps {
        let id = rep.id.value.as_str();
        if asked.contains(id) && !covered.contains(id) {
            out.push(Diagnostic::new(
                Code::TrainingWithoutSkillsGoal,
                Some(rep.id.span.clone()),
                format!("rep `{id}` needs training but no skills goal covers them"),
            ));
        }
    }
}
