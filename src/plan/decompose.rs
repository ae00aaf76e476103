//! Builds the plan report: every target of the checked file decomposed and summed into the
//! periods of `--by`, filtered by goal, team and rep, in priority order.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::calendar::{Period, periods};
use super::fixed::round_dp;
use super::report::{PeriodRow, PlanReport, Quantity, RepCell, TargetReport};
use super::shared::PlanCache;
use super::target::{self, Days, granularity, level_at};
use crate::model::{GoalFile, Level3, Per, Rep};
use crate::smart::{Checked, Resolved};

/// What to plan and show.
#[derive(Clone, Debug)]
pub struct PlanOptions {
    pub by: Per,
    /// Only these goals (all when empty).
    pub goals: Vec<String>,
    /// Only reps of these teams (all when empty).
    pub teams: Vec<String>,
    /// Only these reps (all when empty).
    pub reps: Vec<String>,
}

impl PlanOptions {
    /// Whether a rep's figures are shown: in a selected team (if any) and selected (if any).
    pub fn keeps_rep(&self, rep: &Rep) -> bool {
        let team_ok = self.teams.is_empty()
            || rep
                .team
                .as_ref()
                .is_some_and(|t| self.teams.contains(&t.value));
        let rep_ok = self.reps.is_empty() || self.reps.contains(&rep.id.value);
        team_ok && rep_ok
    }
}

/// Where a target's amounts come from: the plan itself, or a replan from actuals.
pub trait DaySource {
    /// The day-by-day decomposition of an additive target.
    fn days(&self, file: &GoalFile, r: &Resolved<'_>) -> Days;
    /// As `days`, with what targets share from (or added to) `cache`.
    fn days_with(&self, file: &GoalFile, r: &Resolved<'_>, cache: &mut PlanCache) -> Days {
        let _ = cache;
        self.days(file, r)
    }
    /// The level a rate or level target shows at the end of `day`.
    fn level(&self, r: &Resolved<'_>, day: NaiveDate) -> Decimal;
}

/// The plan as the goal file asks for it.
pub struct Planned;

impl DaySource for Planned {
    fn days(&self, file: &GoalFile, r: &Resolved<'_>) -> Days {
        target::days(file, r)
    }

    fn days_with(&self, file: &GoalFile, r: &Resolved<'_>, cache: &mut PlanCache) -> Days {
        target::days_with(file, r, cache)
    }

    fn level(&self, r: &Resolved<'_>, day: NaiveDate) -> Decimal {
        level_at(r, day)
    }
}

/// Decomposes every target of a checked file.
pub fn decompose(checked: Checked<'_>, options: &PlanOptions) -> PlanReport {
    decompose_with(checked, options, &Planned)
}

/// Decomposes every target of a checked file with the amounts of `source`, in priority order.
pub fn decompose_with(
    checked: Checked<'_>,
    options: &PlanOptions,
    source: &dyn DaySource,
) -> PlanReport {
    let mut report = plan_head(checked, options);
    let mut targets = Vec::new();
    each_target(checked, options, source, Order::Priority, &mut |t| {
        targets.push(t);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    report.targets = targets;
    report
}

/// The order in which `each_target` hands out targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Importance, then urgency (high first), then file order: tables, CSV, Markdown.
    Priority,
    /// As the file lists them: the JSON contract.
    File,
}

/// The plan report without its targets: name, currency, dates and `by`.
pub fn plan_head(checked: Checked<'_>, options: &PlanOptions) -> PlanReport {
    let plan = &checked.file().plan;
    let (start, end) = checked.period();
    PlanReport {
        name: plan.name.as_ref().map(|n| n.value.clone()),
        currency: plan.currency.as_ref().map(|c| c.value.code.clone()),
        minor_units: plan.minor_units(),
        start,
        end,
        by: options.by,
        targets: Vec::new(),
        rep_names: super::report::rep_names(checked.file()),
    }
}

/// Decomposes the shown targets one at a time, in `order`, and hands each to `visit`, so a
/// renderer can write a target and drop it before the next is computed.
pub fn each_target<E>(
    checked: Checked<'_>,
    options: &PlanOptions,
    source: &dyn DaySource,
    order: Order,
    visit: &mut dyn FnMut(TargetReport) -> Result<(), E>,
) -> Result<(), E> {
    let file = checked.file();
    let rules = target::rules(file);
    // Priorities rank every target of the file, so a filter never renumbers them.
    let every: Vec<(usize, &crate::model::Goal)> = file
        .goals
        .iter()
        .enumerate()
        .flat_map(|(order, goal)| goal.targets.iter().map(move |_| (order, goal)))
        .collect();
    let all_ranks = ranks(&every);
    let mut shown_targets = Vec::new();
    let mut ranks = Vec::new();
    let mut flat = 0;
    // A set: `goals diff` asks for many goals at once.
    let wanted: std::collections::HashSet<&str> =
        options.goals.iter().map(String::as_str).collect();
    for (file_order, goal) in file.goals.iter().enumerate() {
        if !(wanted.is_empty() || wanted.contains(goal.id.value.as_str())) {
            flat += goal.targets.len();
            continue;
        }
        for resolved in checked.targets_of(file_order) {
            flat += 1;
            let shown: Vec<bool> = resolved.reps.iter().map(|r| options.keeps_rep(r)).collect();
            if shown.contains(&true) {
                shown_targets.push((file_order, resolved, shown));
                ranks.push(all_ranks[flat - 1]);
            }
        }
    }
    let mut sequence: Vec<usize> = (0..shown_targets.len()).collect();
    if order == Order::Priority {
        sequence.sort_by_key(|&i| ranks[i]);
    }
    // Targets mostly share their dates: each span's periods are made once.
    let mut spans: HashMap<(NaiveDate, NaiveDate), Vec<Period>> = HashMap::new();
    let mut shared = PlanCache::default();
    for i in sequence {
        let (file_order, resolved, shown) = &shown_targets[i];
        let periods = spans
            .entry((resolved.start, resolved.end))
            .or_insert_with(|| {
                periods(
                    &rules,
                    granularity(options.by),
                    resolved.start,
                    resolved.end,
                )
            });
        let mut report = target_report(
            checked,
            source,
            &mut shared,
            resolved,
            periods,
            shown,
            *file_order,
        );
        report.priority = ranks[i];
        visit(report)?;
    }
    Ok(())
}

/// The priority of each target (1 first): importance, then urgency (both high first), then
/// file order.
fn ranks(targets: &[(usize, &crate::model::Goal)]) -> Vec<usize> {
    let weight = |level: Level3| match level {
        Level3::High => 0,
        Level3::Medium => 1,
        Level3::Low => 2,
    };
    let mut by_priority: Vec<usize> = (0..targets.len()).collect();
    by_priority.sort_by_key(|&i| {
        let (file_order, goal) = targets[i];
        (weight(goal.importance), weight(goal.urgency), file_order)
    });
    let mut ranks = vec![0; targets.len()];
    for (rank, &i) in by_priority.iter().enumerate() {
        ranks[i] = rank + 1;
    }
    ranks
}

fn target_report(
    checked: Checked<'_>,
    source: &dyn DaySource,
    shared: &mut PlanCache,
    r: &Resolved<'_>,
    periods: &[Period],
    shown: &[bool],
    order: usize,
) -> TargetReport {
    let (total, rows, reps, street, unplaced) = if r.metric.kind.is_additive() {
        let days = source.days_with(checked.file(), r, shared);
        let street = days
            .street
            .as_ref()
            .map(|s| (r.over_assign, s.quota.iter().sum()));
        let (total, rows, reps) = additive_rows(r, &days, periods, shown);
        let unplaced = (days.unplaced != 0).then_some(Quantity::Units(days.unplaced));
        (total, rows, reps, street, unplaced)
    } else {
        let (total, rows, reps) = level_rows(source, r, periods, shown);
        (total, rows, reps, None, None)
    };
    TargetReport {
        goal: r.goal.id.value.clone(),
        title: r.title(),
        metric: r.metric.id.value.clone(),
        kind: r.metric.kind,
        unit: r.metric.unit.clone(),
        owner: r.owner_label(),
        start: r.start,
        end: r.end,
        importance: r.goal.importance,
        urgency: r.goal.urgency,
        priority: 0,
        file_order: order,
        lower_is_better: r.metric.lower_is_better,
        decimals: if r.metric.kind == crate::model::MetricKind::Money {
            checked.file().plan.minor_units()
        } else {
            0
        },
        total,
        street,
        unplaced,
        periods: rows,
        reps,
    }
}

fn index_range(r: &Resolved<'_>, period: &Period) -> Range<usize> {
    let from = usize::try_from((period.start - r.start).num_days())
        .expect("invariant: periods lie inside the target");
    let to = usize::try_from((period.end - r.start).num_days())
        .expect("invariant: periods lie inside the target");
    from..to + 1
}

type Rows = (Quantity, Vec<PeriodRow>, Vec<RepCell>);

/// The index and id of each shown rep of the target, the id made once a target and shared by
/// the rep's cells of every period.
fn shown_ids(r: &Resolved<'_>, shown: &[bool]) -> Vec<(usize, Rc<str>)> {
    r.reps
        .iter()
        .enumerate()
        .filter(|&(i, _)| shown[i])
        .map(|(i, rep)| (i, Rc::from(rep.id.value.as_str())))
        .collect()
}

fn additive_rows(r: &Resolved<'_>, days: &Days, periods: &[Period], shown: &[bool]) -> Rows {
    let ids = shown_ids(r, shown);
    let rows = periods
        .iter()
        .map(|p| {
            let range = index_range(r, p);
            let cells = rep_cells(r, days, shown, &ids, &range);
            PeriodRow {
                label: p.label.clone(),
                start: p.start,
                end: p.end,
                quota: Quantity::Units(days.team_quota[range.clone()].iter().sum()),
                exact: unscaled(
                    days.team_exact[range.clone()].iter().sum::<Decimal>(),
                    r.scale,
                ),
                street_quota: days.street.as_ref().map(|s| s.quota[range].iter().sum()),
                reps: cells,
            }
        })
        .collect();
    let total = Quantity::Units(days.team_quota.iter().sum());
    let totals = rep_cells(r, days, shown, &ids, &(0..days.team_quota.len()));
    (total, rows, totals)
}

/// An amount in whole units back in the metric's unit: `units / scale`, where `scale` is a
/// power of ten, by moving the decimal point when the result keeps its precision.
fn unscaled(units: Decimal, scale: Decimal) -> Decimal {
    if scale == Decimal::ONE {
        return units;
    }
    let shift = scale.mantissa().unsigned_abs().ilog10() - scale.scale();
    let mut moved = units;
    if scale.mantissa().unsigned_abs() == 10_u128.pow(shift + scale.scale())
        && moved.set_scale(units.scale() + shift).is_ok()
    {
        moved
    } else {
        units / scale
    }
}

fn rep_cells(
    r: &Resolved<'_>,
    days: &Days,
    shown: &[bool],
    ids: &[(usize, Rc<str>)],
    range: &Range<usize>,
) -> Vec<RepCell> {
    let exact = days.rep_exact.sums(range, shown);
    ids.iter()
        .zip(exact)
        .map(|((i, id), exact)| RepCell {
            rep: Rc::clone(id),
            quota: Quantity::Units(days.rep_quota[*i][range.clone()].iter().sum()),
            exact: unscaled(exact, r.scale),
        })
        .collect()
}

/// A level to hold, rounded to two decimals with halves away from zero, as JSON and the
/// tables write it.
fn held(level: Decimal) -> Quantity {
    Quantity::Level(round_dp(level, 2))
}

fn level_rows(
    source: &dyn DaySource,
    r: &Resolved<'_>,
    periods: &[Period],
    shown: &[bool],
) -> Rows {
    let ids = shown_ids(r, shown);
    let cells = |level: Decimal| -> Vec<RepCell> {
        let quota = held(level);
        ids.iter()
            .map(|(_, id)| RepCell {
                rep: Rc::clone(id),
                quota,
                exact: level,
            })
            .collect()
    };
    let rows = periods
        .iter()
        .map(|p| {
            let level = source.level(r, p.end);
            PeriodRow {
                label: p.label.clone(),
                start: p.start,
                end: p.end,
                quota: held(level),
                exact: level,
                street_quota: None,
                reps: cells(level),
            }
        })
        .collect();
    let last = source.level(r, r.end);
    (held(last), rows, cells(last))
}
