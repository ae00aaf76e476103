//! The tracking sections of the HTML report that span targets: rep attainment bars (the
//! leaderboard), the attainment distribution, the review list with the guide's questions, and
//! what was read from each export.

use maud::{Markup, html};
use rust_decimal::Decimal;

use super::chart::{self, Caption, Point};
use super::text;
use crate::track::report::{
    Distribution, Leader, REVIEW_QUESTIONS, ReviewItem, SourceSummary, TrackReport,
};

/// Reps drawn as bars when the leaderboard is longer: the best and the worst this many each.
const BAR_ENDS: usize = 20;
/// Leaderboard rows shown open; a longer table is folded.
const OPEN_LEADERS: usize = 40;

/// The leaderboard: bars (all reps, or the best and worst when there are many) and the table.
pub fn leaderboard(track: &TrackReport) -> Markup {
    let leaders = &track.leaderboard;
    if leaders.is_empty() {
        return html! { p { "No rep has data yet." } };
    }
    let many = leaders.len() > 2 * BAR_ENDS;
    let drawn: Vec<&Leader> = if many {
        leaders
            .iter()
            .take(BAR_ENDS)
            .chain(leaders.iter().skip(leaders.len() - BAR_ENDS))
            .collect()
    } else {
        leaders.iter().collect()
    };
    let points: Vec<Point> = drawn
        .iter()
        .map(|l| Point {
            label: l.rep.clone(),
            data: text::ratio_data(l.attainment),
            value: l.attainment,
            shown: text::percent(Some(l.attainment)),
        })
        .collect();
    let desc = if many {
        format!(
            "Mean attainment of the {BAR_ENDS} best and the {BAR_ENDS} worst of {} reps, best first; a line marks 100%. The table lists every rep.",
            leaders.len()
        )
    } else {
        format!(
            "Mean attainment of each of {} reps over their targets, best first; a line marks 100%. The table lists the numbers.",
            leaders.len()
        )
    };
    let caption = Caption {
        series: "attainment",
        id: "leaderboard-chart",
        title: "Rep attainment",
        desc: &desc,
    };
    let table = leader_table(leaders);
    html! {
        figure class="wide" {
            (chart::hbars(&caption, &points, Decimal::ONE, "100%"))
            figcaption { @if many { "The " (BAR_ENDS) " best and " (BAR_ENDS) " worst of " (leaders.len()) " reps" } @else { "Mean attainment over each rep's targets" } }
        }
        @if leaders.len() <= OPEN_LEADERS { (table) }
        @else { details { summary { "All " (leaders.len()) " reps" } (table) } }
    }
}

fn leader_table(leaders: &[Leader]) -> Markup {
    html! {
        div class="scroll" {
            table class="leaders num" {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" class="t" { "Rep" }
                    th scope="col" { "Attainment" }
                    th scope="col" { "Targets hit" }
                    th scope="col" class="t" { "Reward" }
                } }
                tbody {
                    @for l in leaders {
                        tr {
                            td { (l.rank) }
                            th scope="row" { (l.rep) @if let Some(name) = &l.name { " " span class="muted" { (name) } } }
                            td { (text::percent(Some(l.attainment))) }
                            td { (l.targets_hit) " of " (l.targets) }
                            td class="t" { @if l.hit { span class="st ahead" { "hit" } } }
                        }
                    }
                }
            }
        }
    }
}

/// The attainment distribution: how many reps in each band.
pub fn distribution(d: Distribution) -> Markup {
    let bands = [
        ("≥ 100%", "from_100", d.from_100),
        ("80–100%", "from_80", d.from_80),
        ("50–80%", "from_50", d.from_50),
        ("< 50%", "below_50", d.below_50),
    ];
    let points: Vec<Point> = bands
        .iter()
        .map(|(label, _, n)| Point {
            label: (*label).to_owned(),
            data: n.to_string(),
            value: Decimal::from(*n),
            shown: format!("{n} reps"),
        })
        .collect();
    let caption = Caption {
        series: "reps",
        id: "distribution-chart",
        title: "Attainment distribution",
        desc: "How many reps have a mean attainment of at least 100%, 80 to 100%, 50 to 80% and below 50%; the table lists the counts.",
    };
    html! {
        figure {
            (chart::bars(&caption, &points))
            figcaption { "Reps by mean attainment" }
        }
        table class="distribution num" {
            thead { tr { @for (label, _, _) in &bands { th scope="col" { (label) } } } }
            tbody { tr { @for (_, key, n) in &bands { td data-key=(key) { (n) } } } }
        }
    }
}

/// The goals behind plan, worst first, each with the guide's questions.
pub fn review(items: &[ReviewItem]) -> Markup {
    if items.is_empty() {
        return html! { p { "No goal is at risk or behind." } };
    }
    html! {
        @for item in items {
            article class="review" {
                h3 { (item.title) " " span class=(text::status_class(item.status)) { (text::status(item.status)) } }
                p {
                    "Attainment " strong { (text::percent(item.attainment)) }
                    @if let Some(gap) = item.gap { " · gap " (text::amount(gap, item.decimals)) }
                    @if let Some(c) = item.catch_up { " · catch-up " (text::amount(c, item.decimals)) " a period for " (item.remaining_periods) " periods" }
                }
                @if !item.reps_behind.is_empty() {
                    p { "Reps behind: "
                        @for (i, (rep, a)) in item.reps_behind.iter().enumerate() {
                            @if i > 0 { ", " }
                            (rep) " " (text::percent(Some(*a)))
                        }
                    }
                }
                ul class="questions" { @for q in REVIEW_QUESTIONS { li { (q) } } }
            }
        }
    }
}

/// What was read from each export.
pub fn sources(sources: &[SourceSummary]) -> Markup {
    html! {
        div class="scroll" {
            table class="sources num" {
                thead { tr {
                    th scope="col" { "Export" }
                    th scope="col" { "Rows" }
                    th scope="col" { "Kept" }
                    th scope="col" { "Filtered out" }
                    th scope="col" { "Outside the plan" }
                    th scope="col" { "Bad" }
                } }
                tbody {
                    @for s in sources {
                        tr {
                            th scope="row" { code { (s.file) } }
                            td { (s.rows) }
                            td { (s.kept) }
                            td { (s.filtered_out) }
                            td { (s.outside) }
                            td { (s.bad) }
                        }
                    }
                }
            }
        }
    }
}
