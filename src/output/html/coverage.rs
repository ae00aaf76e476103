//! Pipeline coverage in the HTML report (SPEC §13): bars of each covered target's coverage
//! against the coverage the win rate needs, and per target a table of the team and its reps.

use maud::{Markup, html};
use rust_decimal::Decimal;

use super::chart::{self, Caption, Point};
use super::text;
use crate::track::report::{Coverage, TargetTrack, TrackReport};

/// The coverage section's content; `None` when no pipeline was read.
pub fn section(track: &TrackReport) -> Option<Markup> {
    let covered: Vec<(&TargetTrack, &Coverage)> = track
        .targets
        .iter()
        .filter_map(|t| t.coverage.as_ref().map(|c| (t, &c.team)))
        .collect();
    if covered.is_empty() {
        return None;
    }
    let required = covered.iter().find_map(|(_, c)| c.required_coverage);
    let points: Vec<Point> = covered
        .iter()
        .filter_map(|(t, c)| {
            c.coverage.map(|x| Point {
                label: t.goal.clone(),
                data: text::ratio_data(x),
                value: x,
                shown: times(Some(x)),
            })
        })
        .collect();
    let (reference, label) = required.map_or((Decimal::ONE, "1x".to_owned()), |r| {
        (r, format!("{} needed", times(Some(r))))
    });
    let desc = format!(
        "Open pipeline closing after the as-of date through each target's end, divided by what remains of the target; a line marks {label}. The tables list the numbers."
    );
    let caption = Caption {
        series: "coverage",
        id: "coverage-chart",
        title: "Pipeline coverage by target",
        desc: &desc,
    };
    Some(html! {
        p { "Coverage is the open pipeline ÷ what remains (total − actual to date)"
            @if let Some(r) = required { "; at the win rate the pipeline must cover it " strong { (times(Some(r))) } }
            "; the weighted forecast is the actual plus each deal's value × probability." }
        @if !points.is_empty() {
            figure class="wide" {
                (chart::hbars(&caption, &points, reference, &label))
                figcaption { "Pipeline coverage of each target's team" }
            }
        }
        @for t in track.targets.iter().filter(|t| t.coverage.is_some()) {
            (table(t))
        }
    })
}

fn times(x: Option<Decimal>) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{}x", text::amount(x, 2)))
}

fn table(t: &TargetTrack) -> Markup {
    let Some(c) = &t.coverage else {
        return html! {};
    };
    let d = t.decimals;
    let rows = std::iter::once(("team", &c.team))
        .chain(t.reps.iter().zip(&c.reps).map(|(r, c)| (r.rep.as_str(), c)));
    html! {
        h3 { (t.title) }
        div class="scroll" {
            table class="coverage num" {
                thead { tr {
                    th scope="col" { "" }
                    th scope="col" { "Pipeline" }
                    th scope="col" { "Weighted" }
                    th scope="col" { "Coverage" }
                    th scope="col" { "Needed" }
                    th scope="col" class="t" { "Short" }
                    th scope="col" { "Weighted forecast" }
                } }
                tbody {
                    @for (who, c) in rows {
                        tr {
                            th scope="row" { (who) }
                            td { (text::amount(c.pipeline, d)) }
                            td { (text::amount(c.weighted, d)) }
                            td { (times(c.coverage)) }
                            td { (times(c.required_coverage)) }
                            td class="t" {
                                @match c.pipeline_short {
                                    Some(true) => span class="st behind" { "short" },
                                    Some(false) => span class="st ahead" { "covered" },
                                    None => "–",
                                }
                            }
                            td { (text::amount(c.forecast_weighted, d)) }
                        }
                    }
                }
            }
        }
    }
}
