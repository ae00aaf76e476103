//! Where a target enters its funnel: a count target at the stage whose `activity` is its
//! metric, a money target at the last stage through the funnel's `deal_size`. A target that
//! cannot enter (a rate or a level included) is an error, never a silent reinterpretation.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Funnel, GoalFile, MetricKind, Target};

use super::RuleOptions;

/// The stage a target enters, when it can: the index of the stage whose activity is the
/// metric for a count target, the last stage for a money target whose funnel has a deal size.
/// `None` for other targets (rates and levels are not produced by activities).
pub fn entry_stage(funnel: &Funnel, kind: MetricKind, metric: &str) -> Option<usize> {
    match kind {
        MetricKind::Count => funnel
            .stages
            .iter()
            .position(|s| s.activity.as_ref().is_some_and(|a| a.value == metric)),
        MetricKind::Money => funnel
            .deal_size
            .as_ref()
            .and_then(|_| funnel.stages.len().checked_sub(1)),
        MetricKind::Rate | MetricKind::Level => None,
    }
}

/// `funnel-metric-not-a-stage`, `funnel-needs-deal-size` and `funnel-needs-additive-target`, at
/// the target's `funnel` value.
pub fn funnel_entries(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    for goal in &file.goals {
        for target in &goal.targets {
            if let Some(finding) = entry_finding(file, target) {
                out.push(finding.goal(Some(&goal.id.value)));
            }
        }
    }
}

fn entry_finding(file: &GoalFile, target: &Target) -> Option<Diagnostic> {
    let named = target.funnel.as_ref()?;
    let funnel = file.funnels.iter().find(|f| f.id.value == named.value)?;
    let metric_id = &target.metric.as_ref()?.value;
    let metric = file.metric(metric_id)?;
    if entry_stage(funnel, metric.kind, metric_id).is_some() {
        return None;
    }
    let finding = match metric.kind {
        MetricKind::Count => {
            let stages: Vec<&str> = funnel
                .stages
                .iter()
                .filter_map(|s| s.activity.as_ref().map(|a| a.value.as_str()))
                .collect();
            Diagnostic::new(
                Code::FunnelMetricNotAStage,
                Some(named.span.clone()),
                format!(
                    "metric `{metric_id}` is no stage of funnel `{}` (stages: {})",
                    funnel.id.value,
                    stages.join(", ")
                ),
            )
            .help(format!(
                "the target enters its funnel at the stage it counts: add a stage with `activity = \"{metric_id}\"` to `{}`, or name a funnel that has one",
                funnel.id.value
            ))
        }
        MetricKind::Money => Diagnostic::new(
            Code::FunnelNeedsDealSize,
            Some(named.span.clone()),
            format!(
                "`{metric_id}` is money but funnel `{}` has no `deal_size`",
                funnel.id.value
            ),
        )
        .help(format!(
            "add `deal_size = …` (money per won deal) to funnel `{}`: money enters the funnel as deals",
            funnel.id.value
        )),
        MetricKind::Rate | MetricKind::Level => Diagnostic::new(
            Code::FunnelNeedsAdditiveTarget,
            Some(named.span.clone()),
            format!(
                "`{metric_id}` is a {} and funnel `{}` works back outcomes, not a {}",
                metric.kind.name(),
                funnel.id.value,
                metric.kind.name()
            ),
        )
        .help(format!(
            "remove `funnel` from this target, or name `{}` on the count or money target the {} comes from",
            funnel.id.value,
            metric.kind.name()
        )),
    };
    Some(finding.metric(Some(metric_id)))
}
