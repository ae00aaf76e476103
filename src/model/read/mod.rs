//! Reads goal-file text into a `GoalFile`, collecting every syntax, key, type and value
//! problem as a located finding instead of stopping at the first. Applies the defaults of
//! the format; the SMART rules live in `smart/`, not here.

mod factors;
mod goals;
mod metrics;
mod people;
mod pipeline;
mod plan;
mod tables;
pub mod value;

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::file::GoalFile;
use crate::model::schema::ROOT;
use value::{Ctx, Table};

/// Reads a goal file. Always returns a file (possibly incomplete) and the findings met.
pub fn read(text: &str) -> (GoalFile, Vec<Diagnostic>) {
    let mut ctx = Ctx::default();
    let (root, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        ctx.push(syntax_finding(error, text.len()));
    }
    let span = root.span();
    let root = root.into_inner();
    let top = Table::open(&mut ctx, &root, span, &ROOT);
    let file = read_root(&mut ctx, &top);
    (file, ctx.diagnostics)
}

fn syntax_finding(error: &toml::de::Error, len: usize) -> Diagnostic {
    let span: Range<usize> = error.span().unwrap_or(0..0);
    let span = span.start.min(len)..span.end.min(len);
    let message = error.message().trim().replace('\n', " ");
    Diagnostic::new(
        Code::TomlSyntax,
        Some(span),
        format!("TOML syntax: {message}"),
    )
}

fn read_root(ctx: &mut Ctx, top: &Table<'_, '_>) -> GoalFile {
    let mut file = GoalFile::default();
    if let Some((table, span)) = sub_table(ctx, top, "plan") {
        let entry = Table::open(ctx, table, span, ROOT.child("plan"));
        file.plan = plan::read_plan(ctx, &entry);
    }
    file.objectives = tables::each(ctx, top, "objectives", people::read_objective);
    file.teams = tables::each(ctx, top, "teams", people::read_team);
    file.reps = tables::each(ctx, top, "reps", people::read_rep);
    file.metrics = tables::named(ctx, top, "metrics", metrics::read_metric);
    file.seasonality = tables::named(ctx, top, "seasonality", metrics::read_profile);
    file.funnels = tables::each(ctx, top, "funnels", metrics::read_funnel);
    file.goals = tables::each(ctx, top, "goals", goals::read_goal);
    file.feedback = tables::each(ctx, top, "feedback", goals::read_feedback);
    file.actuals = tables::each(ctx, top, "actuals", goals::read_actuals);
    file.pipeline = tables::each(ctx, top, "pipeline", pipeline::read_pipeline);
    if let Some((table, span)) = sub_table(ctx, top, "tracking") {
        let entry = Table::open(ctx, table, span, ROOT.child("tracking"));
        file.tracking = plan::read_tracking(ctx, &entry);
        file.win_rate = pipeline::read_win_rate(ctx, &entry);
    }
    if let Some((table, span)) = sub_table(ctx, top, "hiring") {
        let entry = Table::open(ctx, table, span, ROOT.child("hiring"));
        file.hiring = factors::read_hiring(ctx, &entry);
    }
    if let Some((table, span)) = sub_table(ctx, top, "check") {
        let entry = Table::open(ctx, table, span, ROOT.child("check"));
        file.allow = entry.str_list(ctx, "allow");
    }
    file
}

/// A key holding one table, with a finding when it holds something else.
fn sub_table<'a, 'i>(
    ctx: &mut Ctx,
    parent: &Table<'a, 'i>,
    key: &str,
) -> Option<(&'a DeTable<'i>, Range<usize>)> {
    let value = parent.get(key)?;
    if let DeValue::Table(t) = value.get_ref() {
        Some((t, value.span()))
    } else {
        ctx.wrong_type(key, "a table", value);
        None
    }
}

#[cfg(test)]
mod tests;
