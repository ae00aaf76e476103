//! The page around the sections: head with the inline style sheet, the heading with the plan's
//! facts, the contents, and the targets grouped by owner (folded when there are many).

use maud::{Markup, PreEscaped, html};

use super::{coverage, scorecard, target, team};
use crate::plan::report::TargetReport;
use crate::report::Report;
use crate::track::report::TargetTrack;

/// The whole style sheet, screen and print.
const STYLE: &str = include_str!("style.css");
/// Up to this many targets the owner groups are open; beyond, folded.
const OPEN_TARGETS: usize = 12;

/// The document element and everything in it.
pub fn page(report: &Report) -> Markup {
    let plan = &report.plan;
    let name = plan.name.as_deref().unwrap_or("Sales goals");
    html! {
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="goals";
                title { (name) " — goals report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (name) }
                    p class="facts" {
                        "Plan " (plan.start) " to " (plan.end)
                        @if let Some(currency) = &plan.currency { " · " (currency) }
                        " · quotas by " (plan.by)
                        @if let Some(track) = &report.track { " · actuals as of " strong { (track.as_of) } }
                    }
                }
                nav aria-label="Contents" {
                    ul {
                        li { a href="#scorecard" { "SMART scorecard" } }
                        @if report.track.is_some() {
                            li { a href="#review" { "Review" } }
                            li { a href="#reps" { "Reps" } }
                        }
                        @if report.track.as_ref().is_some_and(|t| t.targets.iter().any(|x| x.coverage.is_some())) {
                            li { a href="#pipeline" { "Pipeline" } }
                        }
                        li { a href="#targets" { "Targets" } }
                        @if report.track.is_some() { li { a href="#sources" { "Sources" } } }
                    }
                }
                main {
                    section id="scorecard" {
                        h2 { "SMART scorecard" }
                        (scorecard::scorecard(&report.scorecard, report.findings, &report.file))
                    }
                    @if let Some(track) = &report.track {
                        section id="review" {
                            h2 { "Review: goals behind plan" }
                            (team::review(&track.review))
                        }
                        section id="reps" {
                            h2 { "Reps" }
                            (team::leaderboard(track))
                            (team::distribution(track.distribution()))
                        }
                        @if let Some(coverage) = coverage::section(track) {
                            section id="pipeline" {
                                h2 { "Pipeline coverage" }
                                (coverage)
                            }
                        }
                    }
                    section id="targets" {
                        h2 { "Targets" }
                        (targets(report))
                    }
                    @if let Some(track) = &report.track {
                        section id="sources" {
                            h2 { "Sources" }
                            (team::sources(&track.sources))
                        }
                    }
                }
                footer { p { "Made by " code { "goals report" } " from " code { (report.file) } "." } }
            }
        }
    }
}

/// A target in the page: its number, plan and tracking figures.
type Entry<'a> = (usize, &'a TargetReport, Option<&'a TargetTrack>);

/// The targets grouped by owner, in order of each owner's first target.
fn targets(report: &Report) -> Markup {
    let currency = report.plan.currency.as_deref();
    let as_of = report.track.as_ref().map_or(report.plan.start, |t| t.as_of);
    let mut groups: Vec<(&str, Vec<Entry<'_>>)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (n, (t, tracked)) in report.targets().enumerate() {
        let slot = *index.entry(t.owner.as_str()).or_insert_with(|| {
            groups.push((t.owner.as_str(), Vec::new()));
            groups.len() - 1
        });
        groups[slot].1.push((n + 1, t, tracked));
    }
    let open = report.plan.targets.len() <= OPEN_TARGETS;
    html! {
        @if !open {
            p { (report.plan.targets.len()) " targets of " (groups.len()) " owners; open an owner to see its targets." }
        }
        @for (owner, targets) in &groups {
            details class="owner" open[open] {
                summary { h3 class="owner" { (owner) } " " span class="muted" { (targets.len()) " target" @if targets.len() != 1 { "s" } } }
                @for (n, t, tracked) in targets {
                    (target::section(*n, t, *tracked, currency, as_of))
                }
            }
        }
    }
}
