//! Measurable: every goal has targets with a finite, positive number on a declared metric;
//! relative targets have a baseline; money has a currency; rates stay within 0-100%.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::schema::MONTH_NAMES;
use crate::model::{Goal, GoalFile, MetricKind, Target, TargetValue};

use super::RuleOptions;

/// The checks on each goal's targets.
pub fn targets(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in &file.goals {
        if goal.targets.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::GoalWithoutTargets,
                    Some(goal.span.clone()),
                    format!("goal `{}` has no target", goal.id.value),
                )
                .goal(Some(&goal.id.value)),
            );
        }
        for target in &goal.targets {
            target_value(file, goal, target, out);
        }
    }
}

fn finding(
    code: Code,
    goal: &Goal,
    target: &Target,
    span: std::ops::Range<usize>,
    message: String,
) -> Diagnostic {
    let metric = target.metric.as_ref().map(|m| m.value.as_str());
    Diagnostic::new(code, Some(span), message)
        .goal(Some(&goal.id.value))
        .metric(metric)
}

fn target_value(file: &GoalFile, goal: &Goal, target: &Target, out: &mut Vec<Diagnostic>) {
    let metric = target.metric.as_ref().and_then(|m| file.metric(&m.value));
    let Some(value) = &target.target else {
        out.push(finding(
            Code::TargetMissing,
            goal,
            target,
            target.span.clone(),
            "this target has no `target` number".into(),
        ));
        return;
    };
    let resolved = match value.value {
        TargetValue::Absolute(n) => Some(n),
        TargetValue::Relative(pct) => {
            if let Some(base) = &target.baseline {
                Some(base.value * (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED)
            } else {
                let msg = "a relative target needs a `baseline` to be relative to".to_string();
                out.push(finding(
                    Code::RelativeTargetWithoutBaseline,
                    goal,
                    target,
                    value.span.clone(),
                    msg,
                ));
                None
            }
        }
    };
    if let Some(n) = resolved.filter(|n| *n <= Decimal::ZERO) {
        out.push(finding(
            Code::TargetNotPositive,
            goal,
            target,
            value.span.clone(),
            format!("the target is {}, it must be above zero", n.normalize()),
        ));
    }
    let Some(metric) = metric else { return };
    if metric.kind == MetricKind::Money && file.plan.currency.is_none() {
        let msg = format!(
            "`{}` is money but [plan] has no `currency`",
            metric.id.value
        );
        out.push(finding(
            Code::MoneyWithoutCurrency,
            goal,
            target,
            value.span.clone(),
            msg,
        ));
    }
    if metric.kind == MetricKind::Rate {
        rate_range(goal, target, resolved, value.span.clone(), out);
    }
}

fn rate_range(
    goal: &Goal,
    target: &Target,
    resolved: Option<Decimal>,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let in_range = |n: Decimal| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&n);
    if let Some(n) = resolved.filter(|n| !in_range(*n)) {
        out.push(finding(
            Code::RateOutOfRange,
            goal,
            target,
            span,
            format!("a rate of {}% is impossible", n.normalize()),
        ));
    }
    if let Some(base) = target.baseline.as_ref().filter(|b| !in_range(b.value)) {
        let msg = format!(
            "a baseline rate of {}% is impossible",
            base.value.normalize()
        );
        out.push(finding(
            Code::RateOutOfRange,
            goal,
            target,
            base.span.clone(),
            msg,
        ));
    }
}

/// Seasonality profiles have twelve positive weights.
pub fn seasonality(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for profile in &file.seasonality {
        let span = Some(profile.name.span.clone());
        let missing: Vec<&str> = MONTH_NAMES
            .iter()
            .zip(&profile.weights)
            .filter(|(_, w)| w.is_none())
            .map(|(m, _)| *m)
            .collect();
        if !missing.is_empty() {
            let msg = format!(
                "seasonality profile `{}` has no weight for {}",
                profile.name.value,
                missing.join(", ")
            );
            out.push(Diagnostic::new(
                Code::SeasonalityMissingMonth,
                span.clone(),
                msg,
            ));
        }
        let bad: Vec<&str> = MONTH_NAMES
            .iter()
            .zip(&profile.weights)
            .filter(|(_, w)| w.is_some_and(|w| w <= Decimal::ZERO))
            .map(|(m, _)| *m)
            .collect();
        if !bad.is_empty() {
            let msg = format!(
                "seasonality profile `{}` has a weight of zero or less for {}",
                profile.name.value,
                bad.join(", ")
            );
            out.push(Diagnostic::new(
                Code::SeasonalityWeightNotPositive,
                span,
                msg,
            ));
        }
    }
}

/// Metrics say how they are measured.
pub fn metric_sources(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for metric in file.metrics.iter().filter(|m| m.source.is_none()) {
        out.push(
            Diagnostic::new(
                Code::MetricWithoutSource,
                Some(metric.id.span.clone()),
                format!(
                    "metric `{}` does not say where its numbers come from",
                    metric.id.value
                ),
            )
            .metric(Some(&metric.id.value)),
        );
    }
}
