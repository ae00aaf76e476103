//! `goals track --format markdown`: a review agenda a manager can paste into a meeting
//! document: where each goal stands, the goals behind plan with the guide's questions, the reps
//! to recognise, and what data the figures rest on.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::{fixed, group};
use super::words;
use crate::track::report::{Progress, REVIEW_QUESTIONS, ReviewItem, TargetTrack, TrackReport};

/// Renders the review agenda.
pub fn render(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    let name = report.name.as_deref().unwrap_or("Sales goals");
    writeln!(out, "# Goal review: {name}, as of {}\n", report.as_of)?;
    standing(report, out)?;
    review(report, out)?;
    leaders(report, out)?;
    burn_ups(report, out)?;
    super::track_pipeline::markdown(report, out)?;
    writeln!(out, "## Data\n")?;
    for s in &report.sources {
        writeln!(
            out,
            "- `{}`: {}, {} counted, {} filtered out, {} outside the plan, {} skipped, {} footer",
            s.file,
            words::count(usize::try_from(s.rows).unwrap_or(usize::MAX), "row"),
            s.kept,
            s.filtered_out,
            s.outside,
            s.bad,
            s.footer
        )?;
        for r in &s.skipped {
            writeln!(out, "  - {} × {} in `{}`", r.count, r.reason, r.column)?;
        }
    }
    if report.sources.is_empty() {
        writeln!(out, "- No actuals were read.")?;
    }
    Ok(())
}

fn amount(x: Decimal, decimals: u32) -> String {
    group(&fixed(x, decimals))
}

fn percent(ratio: Option<Decimal>) -> String {
    ratio.map_or_else(
        || "–".into(),
        |r| format!("{}%", fixed(r * Decimal::ONE_HUNDRED, 1)),
    )
}

/// Pipes and line breaks would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn standing(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Where we stand\n")?;
    writeln!(
        out,
        "| Goal | Metric | Plan to date | Actual | Attainment | Status | Forecast | Total |"
    )?;
    writeln!(
        out,
        "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |"
    )?;
    for t in &report.targets {
        writeln!(out, "{}", standing_row(t))?;
        if let Some(own) = t.team_level {
            // Figures measured for the team as a whole, never a rep's: their own line.
            writeln!(
                out,
                "| ↳ {} team-level rows | {} |  | {} |  |  |  |  |",
                cell(&t.goal),
                cell(&t.metric),
                amount(own, t.decimals)
            )?;
        }
    }
    writeln!(out)
}

fn standing_row(t: &TargetTrack) -> String {
    let d = t.decimals;
    let p = &t.team;
    let opt = |x: Option<Decimal>| x.map_or_else(|| "–".into(), |x| amount(x, d));
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} |",
        cell(&t.goal),
        cell(&t.metric),
        amount(p.plan_to_date, d),
        opt(p.actual_to_date),
        percent(p.attainment),
        p.status.name().replace('_', " "),
        opt(p.forecast),
        amount(p.total, d)
    )
}

fn review(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Goals behind plan\n")?;
    if report.review.is_empty() {
        return writeln!(out, "Every goal with data is on track or ahead.\n");
    }
    let several = super::track_table::several_targets(report);
    for (i, item) in report.review.iter().enumerate() {
        review_item(report, i + 1, item, &several, out)?;
    }
    Ok(())
}

fn review_item(
    report: &TrackReport,
    n: usize,
    item: &ReviewItem,
    several: &std::collections::HashSet<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = if item.title.is_empty() {
        String::new()
    } else {
        format!(": {}", cell(&item.title))
    };
    let name = super::track_table::review_name(item, several);
    writeln!(out, "### {n}. {}{title}\n", cell(&name))?;
    let status = item.status.name().replace('_', " ");
    writeln!(
        out,
        "- Status: **{status}**, {} of plan to date",
        percent(item.attainment)
    )?;
    if let Some(gap) = item.gap {
        writeln!(
            out,
            "- Gap: {} {} short of plan",
            amount(gap, item.decimals),
            item.unit.as_deref().unwrap_or(&item.metric)
        )?;
    }
    if let (Some(c), Some(label)) = (item.catch_up, &item.catch_up_label) {
        let s = if item.remaining_periods == 1 { "" } else { "s" };
        writeln!(
            out,
            "- Catch-up: {} in {label}, the first of the {} {}{s} left",
            amount(c, item.decimals),
            item.remaining_periods,
            report.by,
        )?;
    }
    if item.no_period_left {
        writeln!(out, "- Catch-up: no period is left to catch up in")?;
    }
    if !item.reps_behind.is_empty() {
        let reps: Vec<String> = item
            .reps_behind
            .iter()
            .map(|(r, a)| format!("{r} ({})", percent(Some(*a))))
            .collect();
        writeln!(out, "- Reps behind: {}", reps.join(", "))?;
    }
    writeln!(out, "- Questions:")?;
    for q in REVIEW_QUESTIONS {
        writeln!(out, "  - [ ] {q}")?;
    }
    writeln!(out, "- Decisions and owners:\n")
}

fn leaders(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Reps to recognise\n")?;
    let hits: Vec<_> = report.leaderboard.iter().filter(|l| l.hit).collect();
    if hits.is_empty() {
        writeln!(out, "No rep has met every target with data yet.\n")?;
    }
    let bands = report.distribution();
    if !report.leaderboard.is_empty() {
        writeln!(
            out,
            "Reps by mean attainment: {} at 100% or more, {} at 80–100%, {} at 50–80%, {} below 50%.",
            bands.from_100, bands.from_80, bands.from_50, bands.below_50
        )?;
    }

    for l in hits {
        let name = l
            .name
            .as_deref()
            .map_or_else(String::new, |n| format!(" ({})", cell(n)));
        writeln!(
            out,
            "- {}{name}: {} mean attainment, {} of {} targets hit",
            l.rep,
            percent(Some(l.attainment)),
            l.targets_hit,
            l.targets
        )?;
    }
    writeln!(out)
}

/// The burn-up of every target: the team's table, then each rep's in a folded block.
fn burn_ups(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Burn-up by {}\n", report.by)?;
    for t in &report.targets {
        writeln!(out, "### {}: {}\n", cell(&t.goal), cell(&t.metric))?;
        burn_up_table(t, &t.team, out)?;
        if t.reps.is_empty() {
            continue;
        }
        writeln!(out, "<details><summary>Each rep</summary>\n")?;
        for r in &t.reps {
            writeln!(out, "#### {}\n", cell(&r.rep))?;
            burn_up_table(t, &r.progress, out)?;
        }
        writeln!(out, "</details>\n")?;
    }
    Ok(())
}

fn burn_up_table(t: &TargetTrack, p: &Progress, out: &mut dyn Write) -> io::Result<()> {
    let d = t.decimals;
    let opt = |x: Option<Decimal>| x.map_or_else(|| "–".into(), |x| amount(x, d));
    writeln!(
        out,
        "| Period | Plan | Actual | Cumulative plan | Cumulative actual | Catch-up |"
    )?;
    writeln!(out, "| --- | ---: | ---: | ---: | ---: | ---: |")?;
    for (span, b) in t.periods.iter().zip(&p.burn_up) {
        let catch_up = t
            .remaining
            .iter()
            .zip(&p.catch_up_periods)
            .find(|(r, _)| r.label == span.label)
            .map_or_else(String::new, |(_, q)| amount(*q, d));
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {catch_up} |",
            span.label,
            amount(b.plan, d),
            opt(b.actual),
            amount(b.cumulative_plan, d),
            opt(b.cumulative_actual),
        )?;
    }
    if p.no_period_left {
        writeln!(out, "\nNo period is left to catch up in.")?;
    }
    writeln!(out)
}
