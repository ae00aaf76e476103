//! The validated model: what a goal file without error findings resolves to, built once at
//! load. Every target is resolved here (metric, the owner's reps, dates, amount, scale,
//! split, funnel, over-assignment), so the planner, the funnel, the tracker and the commands
//! on top of them read typed values instead of looking them up again.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Funnel, Goal, GoalFile, Metric, MetricKind, Rep, SplitName, Target};
use crate::plan::street;
use crate::plan::weights::Split;

/// Every target of a file resolved, by position in the file; owns no part of the file, so a
/// loaded file keeps it beside itself. Read it through [`Checked`].
#[derive(Clone, Debug)]
pub struct Model {
    start: NaiveDate,
    end: NaiveDate,
    /// File order: goal by goal, target by target.
    targets: Vec<TargetModel>,
    /// The number of goals of the file it was built from.
    goals: usize,
}

/// One resolved target, by positions in the file.
#[derive(Clone, Debug)]
struct TargetModel {
    goal: usize,
    target: usize,
    metric: usize,
    funnel: Option<usize>,
    reps: Vec<usize>,
    start: NaiveDate,
    end: NaiveDate,
    amount: Decimal,
    scale: Decimal,
    over_assign: Decimal,
    split: Split,
}

impl Model {
    /// Resolves every target of `file` if none of `findings` is an error. `None` also when
    /// a value the error rules require is missing: the rules and this model disagree, which
    /// a test of every rule guards against.
    pub fn build(file: &GoalFile, findings: &[Diagnostic]) -> Option<Model> {
        if findings.iter().any(|d| d.severity() == Severity::Error) {
            return None;
        }
        let start = file.plan.start.as_ref()?.value;
        let end = file.plan.end.as_ref()?.value;
        let minor = file.plan.minor_units();
        let mut targets = Vec::new();
        for (g, goal) in file.goals.iter().enumerate() {
            let owner = &goal.owner.as_ref()?.value;
            let reps = file.rep_positions(owner);
            for (t, target) in goal.targets.iter().enumerate() {
                let metric_id = &target.metric.as_ref()?.value;
                let metric = file.metrics.iter().position(|m| m.id.value == *metric_id)?;
                let kind = file.metrics[metric].kind;
                let funnel = match &target.funnel {
                    Some(id) => Some(file.funnels.iter().position(|f| f.id.value == id.value)?),
                    None => None,
                };
                let scale = if kind == MetricKind::Money {
                    Decimal::from(10i64.pow(minor))
                } else {
                    Decimal::ONE
                };
                targets.push(TargetModel {
                    goal: g,
                    target: t,
                    metric,
                    funnel,
                    reps: reps.clone(),
                    start: target.start.as_ref().map_or(start, |d| d.value),
                    end: target.end.as_ref().map_or(end, |d| d.value),
                    amount: target.amount()?,
                    scale,
                    over_assign: street::factor(file, goal, target, &file.metrics[metric]),
                    split: split(file, &target.split.value)?,
                });
            }
        }
        Some(Model {
            start,
            end,
            targets,
            goals: file.goals.len(),
        })
    }

    /// The model read together with the file it was built from.
    ///
    /// # Panics
    /// In debug builds, when `file` has another number of goals than the file the model was
    /// built from: a model belongs to one file.
    pub fn of<'a>(&'a self, file: &'a GoalFile) -> Checked<'a> {
        debug_assert_eq!(
            self.goals,
            file.goals.len(),
            "a model read with another file"
        );
        Checked { file, model: self }
    }
}

/// The arithmetic's split of a target: a profile by its twelve weights.
fn split(file: &GoalFile, name: &SplitName) -> Option<Split> {
    Some(match name {
        SplitName::Even => Split::Even,
        SplitName::Workdays => Split::Workdays,
        SplitName::Calendar => Split::Calendar,
        SplitName::Profile(id) => {
            let profile = file.seasonality.iter().find(|p| p.name.value == *id)?;
            let mut weights = [Decimal::ZERO; 12];
            for (w, given) in weights.iter_mut().zip(profile.weights) {
                *w = given?;
            }
            Split::Profile(weights)
        }
    })
}

/// A goal file with no error findings and its model: the only input the planner accepts.
#[derive(Clone, Copy, Debug)]
pub struct Checked<'a> {
    file: &'a GoalFile,
    model: &'a Model,
}

impl<'a> Checked<'a> {
    /// The file, whose every reference resolves and whose every required value is set.
    pub fn file(self) -> &'a GoalFile {
        self.file
    }

    /// The plan period, first and last day.
    pub fn period(self) -> (NaiveDate, NaiveDate) {
        (self.model.start, self.model.end)
    }

    /// Every target resolved, in file order.
    pub fn targets(self) -> impl Iterator<Item = Resolved<'a>> + 'a {
        self.model.targets.iter().map(move |t| self.view(t))
    }

    /// The targets of the goal at position `goal` in the file, resolved.
    pub fn targets_of(self, goal: usize) -> impl Iterator<Item = Resolved<'a>> + 'a {
        let first = self.model.targets.partition_point(|t| t.goal < goal);
        self.model.targets[first..]
            .iter()
            .take_while(move |t| t.goal == goal)
            .map(move |t| self.view(t))
    }

    fn view(self, t: &'a TargetModel) -> Resolved<'a> {
        let file = self.file;
        let goal = &file.goals[t.goal];
        Resolved {
            goal,
            goal_order: t.goal,
            target: &goal.targets[t.target],
            metric: &file.metrics[t.metric],
            funnel: t.funnel.map(|f| &file.funnels[f]),
            reps: t.reps.iter().map(|&r| &file.reps[r]).collect(),
            start: t.start,
            end: t.end,
            amount: t.amount,
            scale: t.scale,
            over_assign: t.over_assign,
            split: &t.split,
        }
    }
}

/// One target resolved against the file: metric, reps, dates and amount.
#[derive(Clone, Debug)]
pub struct Resolved<'a> {
    pub goal: &'a Goal,
    /// The goal's position in the file.
    pub goal_order: usize,
    pub target: &'a Target,
    pub metric: &'a Metric,
    /// The funnel the target names, if any.
    pub funnel: Option<&'a Funnel>,
    /// The reps who carry the goal's owner's targets, in file order.
    pub reps: Vec<&'a Rep>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The target amount in the metric's own unit (currency units for money).
    pub amount: Decimal,
    /// 10^minor units for money, 1 otherwise: amount × scale is in whole units.
    pub scale: Decimal,
    /// The over-assignment factor (1 when none applies): rep quotas add up to amount × it.
    pub over_assign: Decimal,
    /// How the amount is spread over the days.
    pub split: &'a Split,
}

impl Resolved<'_> {
    /// The goal's title, or nothing.
    pub fn title(&self) -> String {
        self.goal
            .title
            .as_ref()
            .map_or_else(String::new, |t| t.value.clone())
    }

    /// The goal's owner as written in the file (`team:ID`, `rep:ID`, `company`).
    pub fn owner_label(&self) -> String {
        self.goal
            .owner
            .as_ref()
            .map_or_else(String::new, |o| o.value.label())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::Model;
    use crate::diagnostic::Severity;
    use crate::model::read::read;
    use crate::smart::{RuleOptions, validate};

    /// Every goal file the project ships or tests with.
    fn corpus() -> Vec<std::path::PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = vec![root.join("goals.example.toml")];
        for dir in [
            "examples",
            "docs/tour",
            "docs/planning",
            "tests/fixtures",
            "tests/fixtures/planning",
            "tests/hostile/goals",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).expect("a folder of the project") {
                let path = entry.expect("a readable folder").path();
                if path.extension().is_some_and(|e| e == "toml") {
                    out.push(path);
                }
            }
        }
        out
    }

    #[test]
    fn every_file_the_rules_pass_resolves_into_a_model() {
        let options = RuleOptions {
            as_of: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        };
        let (mut passed, mut refused) = (0, 0);
        for path in corpus() {
            let bytes = std::fs::read(&path).expect("a readable file");
            let (file, mut findings) = read(&String::from_utf8_lossy(&bytes));
            findings.extend(validate(&file, options));
            let errors = findings.iter().any(|d| d.severity() == Severity::Error);
            let model = Model::build(&file, &findings);
            assert_eq!(model.is_some(), !errors, "{}", path.display());
            if let Some(model) = model {
                let targets: usize = file.goals.iter().map(|g| g.targets.len()).sum();
                assert_eq!(model.of(&file).targets().count(), targets);
                passed += 1;
            } else {
                refused += 1;
            }
        }
        // The corpus holds both kinds, so the test can fail either way.
        assert!(
            passed > 20 && refused > 20,
            "{passed} passed, {refused} refused"
        );
    }

    #[test]
    fn a_target_resolves_to_its_metric_reps_dates_amount_and_scale() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("docs/tour/step1.toml")).expect("the tour");
        let (file, findings) = read(&text);
        let model = Model::build(&file, &findings).expect("the tour's first file is valid");
        let checked = model.of(&file);
        let revenue: Vec<_> = checked.targets_of(1).collect();
        assert_eq!(revenue.len(), 1);
        let r = &revenue[0];
        assert_eq!(r.goal.id.value, "revenue");
        assert_eq!(r.metric.id.value, "revenue");
        let reps: Vec<&str> = r.reps.iter().map(|rep| rep.id.value.as_str()).collect();
        assert_eq!(reps, ["ana", "ben"]);
        assert_eq!(r.amount, rust_decimal::Decimal::from(600_000));
        assert_eq!(r.scale, rust_decimal::Decimal::from(100));
        let year = |m, d| NaiveDate::from_ymd_opt(2027, m, d).expect("a date");
        assert_eq!((r.start, r.end), (year(1, 1), year(12, 31)));
        assert_eq!(checked.period(), (year(1, 1), year(12, 31)));
        let customers = checked.targets_of(0).next().expect("a target");
        assert_eq!(customers.amount, rust_decimal::Decimal::from(12));
        assert_eq!(customers.scale, rust_decimal::Decimal::ONE);
    }
}
