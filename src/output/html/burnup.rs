//! The burn-up of a target (cumulative plan against cumulative actual, the as-of day marked)
//! and the table of numbers by period behind a target's charts.

use chrono::NaiveDate;
use maud::{Markup, html};

use super::chart::{self, Caption, Point, Series};
use super::text;
use crate::plan::report::TargetReport;
use crate::track::report::{BurnUp, Span, TargetTrack};

/// The burn-up chart of a tracked target; `None` when it has no periods.
pub fn chart(n: usize, as_of: NaiveDate, track: &TargetTrack, unit: &str) -> Option<Markup> {
    let burn_up = &track.team.burn_up;
    if track.periods.is_empty() || burn_up.len() != track.periods.len() {
        return None;
    }
    let d = track.decimals;
    let point = |span: &Span, x| Point {
        label: span.label.clone(),
        data: text::amount_data(x, d),
        value: x,
        shown: format!("{} {unit}", text::amount(x, d)),
    };
    let rows = || track.periods.iter().zip(burn_up).enumerate();
    let plan: Vec<(usize, Point)> = rows()
        .map(|(i, (s, b))| (i, point(s, b.cumulative_plan)))
        .collect();
    // A level may have no reading in some periods: those are skipped, not drawn as zero.
    let actual: Vec<(usize, Point)> = rows()
        .filter_map(|(i, (s, b))| b.cumulative_actual.map(|x| (i, point(s, x))))
        .collect();
    let labels: Vec<&str> = track.periods.iter().map(|s| s.label.as_str()).collect();
    let marker_text = format!("as of {as_of}");
    let marker = marker(&track.periods, as_of).map(|(i, f)| (i, f, marker_text.as_str()));
    let id = format!("t{n}-burnup");
    let title = format!("{}: burn-up", track.title);
    let cumulative = if track.kind.is_additive() {
        "cumulative plan (dashed) against the cumulative actual"
    } else {
        "the planned level (dashed) against the latest actual level"
    };
    let desc = format!(
        "Lines of {cumulative} by period, from {} to {}; a vertical line marks {as_of}. The table below lists the numbers.",
        labels.first().unwrap_or(&""),
        labels.last().unwrap_or(&""),
    );
    let caption = Caption {
        series: "cumulative",
        id: &id,
        title: &title,
        desc: &desc,
    };
    let series = [
        Series {
            name: "cumulative_plan",
            legend: "plan",
            points: &plan,
        },
        Series {
            name: "cumulative_actual",
            legend: "actual",
            points: &actual,
        },
    ];
    Some(html! {
        (chart::lines(&caption, &labels, &series, marker))
        figcaption { "Burn-up: plan against actual" }
    })
}

/// The period holding `as_of` and the share of its days up to and including it.
fn marker(periods: &[Span], as_of: NaiveDate) -> Option<(usize, f64)> {
    let i = periods
        .iter()
        .position(|s| s.start <= as_of && as_of <= s.end)?;
    let s = &periods[i];
    let days = (s.end - s.start).num_days() + 1;
    let passed = (as_of - s.start).num_days() + 1;
    let share = |x: i64| f64::from(i32::try_from(x).unwrap_or(i32::MAX));
    Some((i, share(passed) / share(days)))
}

/// The numbers by period: the quota, and with actuals the burn-up's figures.
pub fn period_table(t: &TargetReport, tracked: Option<&TargetTrack>) -> Markup {
    let burn_up = |i: usize| -> Option<&BurnUp> {
        let track = tracked?;
        let span = track.periods.get(i)?;
        (span.label == t.periods[i].label)
            .then(|| track.team.burn_up.get(i))
            .flatten()
    };
    let d = tracked.map_or(t.decimals, |x| x.decimals);
    html! {
        div class="scroll" {
            table class="periods num" {
                thead { tr {
                    th scope="col" { "Period" }
                    th scope="col" { "From" }
                    th scope="col" { "To" }
                    th scope="col" { "Quota" }
                    @if tracked.is_some() {
                        th scope="col" { "Actual" }
                        th scope="col" { "Cumulative plan" }
                        th scope="col" { "Cumulative actual" }
                    }
                } }
                tbody {
                    @for (i, p) in t.periods.iter().enumerate() {
                        tr {
                            th scope="row" { (p.label) }
                            td { (p.start) }
                            td { (p.end) }
                            td { (text::quota(p.quota, t.decimals)) }
                            @if tracked.is_some() {
                                @let b = burn_up(i);
                                td { (text::maybe(b.and_then(|b| b.actual), d)) }
                                td { (text::maybe(b.map(|b| b.cumulative_plan), d)) }
                                td { (text::maybe(b.and_then(|b| b.cumulative_actual), d)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
