//! `--goal`, `--team` and `--rep` of `plan`, `track` and `replan`: each id checked against the
//! goal file (an unknown one is a usage error naming the closest), and each rep named by id,
//! name or alias turned into its id.

use std::collections::HashSet;

use anyhow::{Result, bail};

use crate::cli::Filters;
use crate::diagnostic::Diagnostic;
use crate::model::read::value::closest;
use crate::model::reps::spellings;
use crate::model::{GoalFile, Per};
use crate::output::messages;
use crate::plan::PlanOptions;
use crate::smart::{Checked, Model};
use crate::track::filter::keep_reps;
use crate::track::report::TrackReport;

/// The goals, teams and reps to show, by id; empty means all.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub goals: Vec<String>,
    pub teams: Vec<String>,
    pub reps: Vec<String>,
}

impl Selection {
    /// The tracking report of the selection: `build` runs on the selected goals alone (so the
    /// leaderboard and the review count only them), then the report keeps the selected reps.
    /// A subset of the goals of a checked file is checked: its findings are the file's.
    pub fn track<E>(
        &self,
        checked: Checked<'_>,
        findings: &[Diagnostic],
        build: impl FnOnce(Checked<'_>) -> Result<TrackReport, E>,
    ) -> Result<TrackReport, E> {
        let narrowed = (!self.goals.is_empty()).then(|| {
            let mut file = checked.file().clone();
            file.goals.retain(|g| self.goals.contains(&g.id.value));
            let model = Model::build(&file, findings);
            (file, model)
        });
        let view = narrowed
            .as_ref()
            .and_then(|(file, model)| Some(model.as_ref()?.of(file)))
            .unwrap_or(checked);
        let mut report = build(view)?;
        if !self.teams.is_empty() || !self.reps.is_empty() {
            let options = self.plan_options(Per::Month);
            let keep: HashSet<&str> = checked
                .file()
                .reps
                .iter()
                .filter(|r| options.keeps_rep(r))
                .map(|r| r.id.value.as_str())
                .collect();
            keep_reps(&mut report, &|rep| keep.contains(rep));
        }
        Ok(report)
    }

    /// The plan options that show this selection by `by`.
    pub fn plan_options(&self, by: Per) -> PlanOptions {
        PlanOptions {
            by,
            goals: self.goals.clone(),
            teams: self.teams.clone(),
            reps: self.reps.clone(),
        }
    }
}

/// Checks every filter against the file and resolves reps to their ids.
pub fn select(file: &GoalFile, filters: &Filters) -> Result<Selection> {
    let goals: Vec<&str> = file.goals.iter().map(|g| g.id.value.as_str()).collect();
    require_known("goal", &filters.goal, &goals)?;
    let teams: Vec<&str> = file.teams.iter().map(|t| t.id.value.as_str()).collect();
    require_known("team", &filters.team, &teams)?;
    let mut reps = Vec::with_capacity(filters.rep.len());
    for text in &filters.rep {
        let Some(rep) = file.rep_named(text) else {
            let known: Vec<&str> = file.reps.iter().flat_map(spellings).collect();
            bail!("{}", unknown("rep", text, &known));
        };
        reps.push(rep.id.value.clone());
    }
    Ok(Selection {
        goals: filters.goal.clone(),
        teams: filters.team.clone(),
        reps,
    })
}

/// Refuses ids that name nothing in the file, with the closest one.
pub fn require_known(kind: &str, wanted: &[String], known: &[&str]) -> Result<()> {
    match wanted.iter().find(|id| !known.contains(&id.as_str())) {
        Some(id) => bail!("{}", unknown(kind, id, known)),
        None => Ok(()),
    }
}

/// The usage error for `id`, which names no `kind` of the file.
fn unknown(kind: &str, id: &str, known: &[&str]) -> String {
    let best = closest(id, known.iter().copied());
    messages::unknown_id(kind, id, best, known)
}
