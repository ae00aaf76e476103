//! Measurable: every goal has targets with a finite, positive number on a declared metric;
//! relative targets have a baseline, never below zero; money has a currency; rates stay
//! within 0-100%.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::money::MAX_NUMBER;
use crate::model::schema::MONTH_NAMES;
use crate::model::{Goal, GoalFile, MetricKind, Target, TargetValue};

use super::RuleOptions;
use crate::plan::fixed::round_dp;

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
            baseline_sign(goal, target, out);
        }
    }
}

/// A baseline below zero: no measured level before the plan is negative.
fn baseline_sign(goal: &Goal, target: &Target, out: &mut Vec<Diagnostic>) {
    let Some(base) = target.baseline.as_ref().filter(|b| b.value < Decimal::ZERO) else {
        return;
    };
    let msg = format!("the baseline is {}, below zero", base.value.normalize());
    out.push(finding(
        Code::BaselineNegative,
        goal,
        target,
        base.span.clone(),
        msg,
    ));
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
        if target.target_written {
            return;
        }
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
        TargetValue::Relative(_) => match target.amount() {
            // Both factors are at most MAX_NUMBER, so the product fits in a Decimal.
            Some(n) => {
                if n.abs() > MAX_NUMBER {
                    let msg = format!(
                        "the target works out to {}, too large to plan exactly",
                        round_dp(n, 0)
                    );
                    out.push(
                        finding(Code::TargetNotFinite, goal, target, value.span.clone(), msg)
                            .help("keep targets at most one trillion (1000000000000)"),
                    );
                    return;
                }
                Some(n)
            }
            // An unreadable baseline was reported where it is written.
            None if target.baseline_written => None,
            None => {
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
        },
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
    if let Some(n) = resolved.filter(|n| *n > Decimal::ZERO && metric.kind.is_additive()) {
        super::magnitude::whole_amount(file, goal, target, n, value.span.clone(), out);
    }
    below_one_unit(
        file,
        metric.kind,
        goal,
        target,
        resolved,
        value.span.clone(),
        out,
    );
    if metric.kind == MetricKind::Money && !file.plan.currency_written {
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
        rate_range(goal, target, metric.max, resolved, value.span.clone(), out);
    }
}

/// A positive count or money target smaller than one whole unit (one deal, one cent) plans
/// nothing: every quota rounds to zero.
fn below_one_unit(
    file: &GoalFile,
    kind: MetricKind,
    goal: &Goal,
    target: &Target,
    resolved: Option<Decimal>,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let decimals = match kind {
        MetricKind::Count => 0,
        MetricKind::Money => match &file.plan.currency {
            Some(c) => c.value.minor_units,
            None => return,
        },
        MetricKind::Rate | MetricKind::Level => return,
    };
    let unit = Decimal::new(1, decimals);
    if let Some(n) = resolved.filter(|n| *n > Decimal::ZERO && *n < unit) {
        out.push(
            finding(
                Code::TargetNotPositive,
                goal,
                target,
                span,
                format!(
                    "the target {} is less than one whole unit ({unit}); every quota would be zero",
                    n.normalize()
                ),
            )
            .help("targets are split in whole units; write a target of at least one unit"),
        );
    }
}

/// A rate target, and its baseline, lie within 0% and the metric's `max` (100% unless the
/// metric says otherwise).
fn rate_range(
    goal: &Goal,
    target: &Target,
    max: Decimal,
    resolved: Option<Decimal>,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let in_range = |n: Decimal| (Decimal::ZERO..=max).contains(&n);
    let help = if max == Decimal::ONE_HUNDRED {
        "a rate is a percentage from 0 to 100; a rate that can pass 100% (net revenue retention) declares `max` on its metric, e.g. `max = 200`".to_string()
    } else {
        format!(
            "this metric's rates run from 0 to {}% (its `max`)",
            max.normalize()
        )
    };
    if let Some(n) = resolved.filter(|n| !in_range(*n)) {
        out.push(
            finding(
                Code::RateOutOfRange,
                goal,
                target,
                span,
                format!(
                    "a rate of {}% is outside 0-{}%",
                    n.normalize(),
                    max.normalize()
                ),
            )
            .help(help.clone()),
        );
    }
    // A negative baseline is `baseline-negative`, reported once.
    let too_high = |b: Decimal| b > max;
    if let Some(base) = target.baseline.as_ref().filter(|b| too_high(b.value)) {
        let msg = format!(
            "a baseline rate of {}% is outside 0-{}%",
            base.value.normalize(),
            max.normalize()
        );
        out.push(finding(Code::RateOutOfRange, goal, target, base.span.clone(), msg).help(help));
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
