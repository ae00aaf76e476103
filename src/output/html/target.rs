//! One target of the HTML report: its heading and facts, the chart of the period quotas (and,
//! with actuals, the burn-up), the numbers behind the charts, and the per-rep table.

use chrono::NaiveDate;
use maud::{Markup, html};

use super::burnup;
use super::chart::{self, Caption, Point};
use super::text;
use crate::plan::report::TargetReport;
use crate::track::report::TargetTrack;

/// Reps shown open in a target's table; a longer table is folded.
const OPEN_REPS: usize = 25;

/// A target's section; `n` numbers it in the page (for element ids).
pub fn section(
    n: usize,
    t: &TargetReport,
    tracked: Option<&TargetTrack>,
    currency: Option<&str>,
    as_of: NaiveDate,
) -> Markup {
    let unit = text::unit(t.kind, t.unit.as_deref(), currency);
    html! {
        article class="target" id={ "target-" (n) } {
            h4 { (t.title) }
            p class="facts" {
                span { "Goal " code { (t.goal) } } " · "
                span { "metric " code { (t.metric) } } " · "
                span { (t.owner) } " · "
                span { "priority " (t.priority) }
                @if t.lower_is_better { " · " span { "lower is better" } }
            }
            p class="total" {
                "Target " strong { (text::quota(t.total, t.decimals)) " " (unit) }
                @if let Some(track) = tracked {
                    " · " span class=(text::status_class(track.team.status)) { (text::status(track.team.status)) }
                    " · attainment " strong { (text::percent(track.team.attainment)) }
                }
            }
            div class="charts" {
                figure { (quota_chart(n, t, unit)) }
                @if let Some(track) = tracked {
                    @if let Some(chart) = burnup::chart(n, as_of, track, unit) { figure { (chart) } }
                }
            }
            details {
                summary { "Numbers by period" }
                (burnup::period_table(t, tracked))
            }
            (rep_table(t, tracked))
        }
    }
}

fn quota_chart(n: usize, t: &TargetReport, unit: &str) -> Markup {
    let points: Vec<Point> = t
        .periods
        .iter()
        .map(|p| Point {
            label: p.label.clone(),
            data: text::quota_data(p.quota, t.decimals),
            value: text::quantity(p.quota, t.decimals),
            shown: format!("{} {unit}", text::quota(p.quota, t.decimals)),
        })
        .collect();
    let id = format!("t{n}-quota");
    let title = format!("{}: quota by {}", t.title, period_word(t));
    let desc = format!(
        "Bars of the team's quota in each of {} periods, from {} to {}; the table below lists the numbers.",
        t.periods.len(),
        t.periods.first().map_or("", |p| p.label.as_str()),
        t.periods.last().map_or("", |p| p.label.as_str()),
    );
    let caption = Caption {
        series: "quota",
        id: &id,
        title: &title,
        desc: &desc,
    };
    html! {
        (chart::bars(&caption, &points))
        figcaption { "Quota by period" }
    }
}

fn period_word(t: &TargetReport) -> &'static str {
    if t.kind.is_additive() {
        "period"
    } else {
        "period (level to hold)"
    }
}

fn rep_table(t: &TargetReport, tracked: Option<&TargetTrack>) -> Markup {
    if t.reps.is_empty() {
        return html! {};
    }
    let table = html! {
        div class="scroll" {
            table class="reps num" {
                thead { tr {
                    th scope="col" { "Rep" }
                    th scope="col" { "Quota" }
                    @if tracked.is_some() {
                        th scope="col" { "Plan to date" }
                        th scope="col" { "Actual" }
                        th scope="col" { "Attainment" }
                        th scope="col" { "Forecast" }
                        th scope="col" class="t" { "Status" }
                        th scope="col" { "Catch-up" }
                    }
                } }
                tbody {
                    @for (i, rep) in t.reps.iter().enumerate() {
                        tr {
                            th scope="row" { (rep.rep) }
                            td { (text::quota(rep.quota, t.decimals)) }
                            @if let Some(track) = tracked {
                                @if let Some(r) = track.reps.get(i) {
                                    @let d = track.decimals;
                                    @let p = &r.progress;
                                    td { (text::amount(p.plan_to_date, d)) }
                                    td { (text::maybe(p.actual_to_date, d)) }
                                    td { (text::percent(p.attainment)) }
                                    td { (text::maybe(p.forecast, d)) }
                                    td class="t" { span class=(text::status_class(p.status)) { (text::status(p.status)) } }
                                    td { (text::maybe(p.catch_up, d)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    if t.reps.len() <= OPEN_REPS {
        html! { h5 { "Reps" } (table) }
    } else {
        html! { details { summary { "All " (t.reps.len()) " reps" } (table) } }
    }
}
