//! Builds the funnel report: every funnel target's activity summed into the periods of
//! `--by`, its baseline worked back through the funnel, and each rep's selling hours.

use chrono::NaiveDate;

use super::cells::{labels, lead_trimmed, rep_capacity, target_report};
use super::hours::{HoursCheck, activities};
use super::landing::axis_start;
use super::needs::Needs;
use super::report::{FunnelReport, FunnelTarget, RepCapacity};
use super::selling::Workdays;
use crate::model::{GoalFile, Per};
use crate::plan::calendar::{CalendarRules, Period, periods};
use crate::plan::report::rep_names;
use crate::plan::target::{self, granularity};
use crate::smart::Checked;
use crate::smart::funnel_entry::entry_stage;

/// What to show.
#[derive(Clone, Debug)]
pub struct FunnelOptions {
    pub by: Per,
    /// Only these goals (all when empty).
    pub goals: Vec<String>,
}

/// Builds the whole funnel report of a checked file in memory.
pub fn build(checked: Checked<'_>, options: &FunnelOptions) -> FunnelReport {
    let mut report = head(checked, options);
    let mut targets = Vec::new();
    let capacity = each_target(checked, options, &mut |t| {
        targets.push(t);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    report.capacity = capacity.reps().collect();
    report.targets = targets;
    report
}

/// The funnel report without its targets and capacity: name, dates, `by`, rep names and how
/// many targets will be shown, found without working any of them out.
pub fn head(checked: Checked<'_>, options: &FunnelOptions) -> FunnelReport {
    let file = checked.file();
    let (start, end) = checked.period();
    let firsts = first_days(checked, &target::rules(file), options);
    FunnelReport {
        name: file.plan.name.as_ref().map(|n| n.value.clone()),
        start,
        end,
        by: options.by,
        shown_targets: firsts.len(),
        targets: Vec::new(),
        capacity: Vec::new(),
        rep_names: rep_names(file),
    }
}

/// Works out the shown funnel targets one at a time, in file order, and hands each report to
/// `visit`, so a renderer can write it and drop it before the next; returns every rep's
/// selling hours, summed as the targets go, to be read one rep at a time.
///
/// # Errors
/// The first error of `visit`.
pub fn each_target<'a, E>(
    checked: Checked<'a>,
    options: &FunnelOptions,
    visit: &mut dyn FnMut(FunnelTarget) -> Result<(), E>,
) -> Result<Capacity<'a>, E> {
    targets(checked, options, None, visit)
}

/// As [`each_target`], and adds every funnel target of the file (shown or not) to `check`,
/// so the `funnel-hours-exceed-capacity` check reads the activities the report works out.
///
/// # Errors
/// The first error of `visit`; `check` then holds only the targets worked out so far.
pub fn each_target_checking<'a, E>(
    checked: Checked<'a>,
    options: &FunnelOptions,
    check: &mut HoursCheck,
    visit: &mut dyn FnMut(FunnelTarget) -> Result<(), E>,
) -> Result<Capacity<'a>, E> {
    targets(checked, options, Some(check), visit)
}

fn targets<'a, E>(
    checked: Checked<'a>,
    options: &FunnelOptions,
    mut check: Option<&mut HoursCheck>,
    visit: &mut dyn FnMut(FunnelTarget) -> Result<(), E>,
) -> Result<Capacity<'a>, E> {
    let file = checked.file();
    let rules = target::rules(file);
    let by = granularity(options.by);
    let (start, end) = checked.period();
    let first = first_days(checked, &rules, options)
        .into_iter()
        .min()
        .unwrap_or(start);
    let capacity_periods = periods(&rules, by, first.min(start), end);
    // Each target's hours are added to its reps' periods, and its activity is dropped
    // before the next one is worked out.
    let mut needs = Needs::new(file, capacity_periods.len());
    for a in activities(checked) {
        if let Some(check) = check.as_deref_mut() {
            check.add(&a);
        }
        if !shows(options, &a.resolved.goal.id.value) {
            continue;
        }
        needs.add(&a, &capacity_periods);
        let report = target_report(
            &a,
            &lead_trimmed(&a, periods(&rules, by, a.axis_start, a.resolved.end)),
        );
        drop(a);
        visit(report)?;
    }
    // Periods before the plan in which nobody has activity (the plan starts on a holiday,
    // whose outcome-less day would otherwise open an empty December) are left out.
    let lead = capacity_periods
        .iter()
        .enumerate()
        .take_while(|&(p, period)| period.end < start && needs.nobody_in(p))
        .count();
    needs.drop_leading(lead);
    let mut capacity_periods = capacity_periods;
    capacity_periods.drain(..lead);
    Ok(Capacity {
        file,
        rules,
        needs,
        periods: capacity_periods,
    })
}

/// Every rep's selling hours by period, summed while the targets were worked out.
pub struct Capacity<'a> {
    file: &'a GoalFile,
    rules: CalendarRules,
    needs: Needs,
    periods: Vec<Period>,
}

impl Capacity<'_> {
    /// The selling hours of every rep of the shown targets, in file order, one at a time.
    pub fn reps(&self) -> impl Iterator<Item = RepCapacity> + '_ {
        let (first, last) = self
            .periods
            .first()
            .zip(self.periods.last())
            .map_or((NaiveDate::MAX, NaiveDate::MIN), |(f, l)| (f.start, l.end));
        let workdays = Workdays::new(&self.rules, first, last);
        let labels = labels(&self.periods);
        self.file
            .reps
            .iter()
            .enumerate()
            .filter_map(move |(i, rep)| {
                Some(rep_capacity(
                    &workdays,
                    rep,
                    &self.needs.of_rep(i)?,
                    &self.periods,
                    &labels,
                ))
            })
    }
}

fn shows(options: &FunnelOptions, goal: &str) -> bool {
    options.goals.is_empty() || options.goals.iter().any(|g| g == goal)
}

/// The first activity day of every shown funnel target, without working any out.
fn first_days(
    checked: Checked<'_>,
    rules: &CalendarRules,
    options: &FunnelOptions,
) -> Vec<NaiveDate> {
    checked
        .targets()
        .filter(|r| shows(options, &r.goal.id.value))
        .filter_map(|r| {
            let funnel = r.funnel?;
            entry_stage(funnel, r.metric.kind, &r.metric.id.value)?;
            Some(axis_start(rules, r.start, funnel.cycle_days))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::read;
    use crate::smart::{self, Model, RuleOptions};

    /// Two reps asked for 22 answered calls a month through a 10% funnel at an hour a call,
    /// more than their selling hours, in two goals.
    const HEAVY: &str = r#"
[plan]
name = "Heavy"
start = 2027-01-01
end = 2027-12-31

[[teams]]
id = "inside"

[[reps]]
id = "giulia"
team = "inside"
hours_per_week = 40
selling_share = 0.6

[[reps]]
id = "marco"
team = "inside"
hours_per_week = 40
selling_share = 0.6

[metrics.answered_calls]
kind = "count"
source = "phone system"

[[funnels]]
id = "cold-calls"
stages = [{ activity = "calls", rate = 0.10, minutes = 60 }, { activity = "answered_calls" }]

[[goals]]
id = "calls"
title = "Raise answered cold calls by 10%"
family = "skills"
owner = "team:inside"
review = "monthly"
steps = ["Call in the morning"]

  [[goals.targets]]
  metric = "answered_calls"
  target = "+10%"
  baseline = 20
  per = "month"
  each = "rep"
  funnel = "cold-calls"

[[goals]]
id = "team-calls"
title = "Answer 30 cold calls a month as a team"
family = "skills"
owner = "team:inside"
review = "monthly"
steps = ["Call in the afternoon"]

  [[goals.targets]]
  metric = "answered_calls"
  target = 30
  per = "month"
  funnel = "cold-calls"
"#;

    fn worked_once(file: &GoalFile, goals: Vec<String>) -> (Vec<FunnelTarget>, Vec<String>) {
        let mut findings = smart::validate(
            file,
            RuleOptions {
                as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
        );
        findings.retain(|d| d.severity() == crate::diagnostic::Severity::Error);
        let model = Model::build(file, &findings).expect("no errors");
        let checked = model.of(file);
        let options = FunnelOptions {
            by: Per::Month,
            goals,
        };
        let mut check = HoursCheck::default();
        let mut shown = Vec::new();
        let _ = each_target_checking(checked, &options, &mut check, &mut |t| {
            shown.push(t);
            Ok::<(), std::convert::Infallible>(())
        });
        let messages = |found: Vec<crate::diagnostic::Diagnostic>| -> Vec<String> {
            found.into_iter().map(|d| d.message).collect()
        };
        let once = messages(check.findings(file));
        assert_eq!(once, messages(crate::funnel::findings(checked)));
        (shown, once)
    }

    #[test]
    fn the_report_pass_finds_what_the_check_finds() {
        let (file, errors) = read::read(HEAVY);
        assert!(errors.is_empty(), "{errors:?}");
        let (shown, found) = worked_once(&file, Vec::new());
        assert_eq!(shown.len(), 2);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("giulia") && found[0].contains("`calls`, `team-calls`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_goal_left_out_of_the_report_still_counts_in_the_check() {
        let (file, _) = read::read(HEAVY);
        let (shown, found) = worked_once(&file, vec!["team-calls".to_string()]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].goal, "team-calls");
        assert!(found[0].contains("`calls`, `team-calls`"), "{found:?}");
    }
}
