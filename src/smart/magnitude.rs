//! Measurable, in size: an additive target's whole amount (its number times the `per` periods
//! in its dates, times the reps for `each = "rep"`) stays within what the tool holds exactly,
//! and a money target's deals (÷ its funnel's `deal_size`) stay within one trillion too, so
//! the planner, the funnel and tracking never overflow on a number the file allowed.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::money::MAX_NUMBER;
use crate::model::{Goal, GoalFile, MetricKind, Per, Target};

/// Reports a target whose whole amount is above `MAX_NUMBER`; `amount` is the target's number
/// (per `per` period), already known to be positive and finite.
pub fn whole_amount(
    file: &GoalFile,
    goal: &Goal,
    target: &Target,
    amount: Decimal,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(plan_start), Some(plan_end)) = (&file.plan.start, &file.plan.end) else {
        return;
    };
    let start = target.start.as_ref().map_or(plan_start.value, |s| s.value);
    let end = target.end.as_ref().map_or(plan_end.value, |e| e.value);
    if end < start {
        return;
    }
    let periods = target.per.map_or(1, |per| periods_at_most(per, start, end));
    let reps = match (&goal.owner, target.each_rep) {
        (Some(owner), true) => file.reps_of(&owner.value).len().max(1),
        _ => 1,
    };
    let whole = Decimal::from(periods)
        .checked_mul(Decimal::from(reps))
        .and_then(|n| n.checked_mul(amount));
    if let Some(whole) = whole.filter(|w| *w <= MAX_NUMBER) {
        deals(file, goal, target, whole, span, out);
        return;
    }
    let mut parts = vec![format!("{}", amount.normalize())];
    if let Some(per) = target.per {
        parts.push(format!("{periods} {}s", per.name()));
    }
    if reps > 1 {
        parts.push(format!("{reps} reps"));
    }
    let metric = target.metric.as_ref().map(|m| m.value.as_str());
    out.push(
        Diagnostic::new(
            Code::TargetNotFinite,
            Some(span),
            format!(
                "the target adds up to more than one trillion ({}), too large to plan exactly",
                parts.join(" × ")
            ),
        )
        .help("keep a target's whole amount, over its dates and reps, at most one trillion (1000000000000)")
        .goal(Some(&goal.id.value))
        .metric(metric),
    );
}

/// A money target enters its funnel as deals: the whole amount ÷ the funnel's `deal_size`
/// must be at most one trillion deals too, or the activity above them would not fit.
fn deals(
    file: &GoalFile,
    goal: &Goal,
    target: &Target,
    whole: Decimal,
    span: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let is_money = target
        .metric
        .as_ref()
        .and_then(|m| file.metric(&m.value))
        .is_some_and(|m| m.kind == MetricKind::Money);
    let size = target
        .funnel
        .as_ref()
        .and_then(|f| file.funnels.iter().find(|x| x.id.value == f.value))
        .and_then(|f| f.deal_size.as_ref());
    let (true, Some(size)) = (is_money, size) else {
        return;
    };
    if whole
        .checked_div(size.value)
        .is_some_and(|deals| deals <= MAX_NUMBER)
    {
        return;
    }
    let metric = target.metric.as_ref().map(|m| m.value.as_str());
    out.push(
        Diagnostic::new(
            Code::TargetNotFinite,
            Some(span),
            format!(
                "the target is {} at a deal size of {}: more than one trillion deals, too large to plan exactly",
                whole.normalize(),
                size.value.normalize()
            ),
        )
        .help("check the funnel's `deal_size`: it is the money one won deal brings, such as 12000")
        .goal(Some(&goal.id.value))
        .metric(metric),
    );
}

/// How many `per` periods at most meet [`start`, `end`] (an upper bound is enough here).
fn periods_at_most(per: Per, start: NaiveDate, end: NaiveDate) -> i64 {
    let days = (end - start).num_days() + 1;
    let months = i64::from(end.year() - start.year()) * 12 + i64::from(end.month())
        - i64::from(start.month())
        + 1;
    match per {
        Per::Day => days,
        Per::Week => days / 7 + 2,
        Per::Month => months,
        Per::Quarter => months / 3 + 2,
        Per::Year => months / 12 + 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_bound_the_real_count() {
        let (start, end) = (day("2027-01-01"), day("2027-12-31"));
        assert_eq!(periods_at_most(Per::Day, start, end), 365);
        assert!(periods_at_most(Per::Week, start, end) >= 53);
        assert_eq!(periods_at_most(Per::Month, start, end), 12);
        assert!(periods_at_most(Per::Quarter, start, end) >= 4);
        assert!(periods_at_most(Per::Year, start, end) >= 1);
        assert_eq!(
            periods_at_most(Per::Month, day("2027-01-31"), day("2027-02-01")),
            2
        );
    }
}
