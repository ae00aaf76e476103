//! The SMART scorecard of the HTML report: one row per goal, one cell per criterion, each
//! cell's grade in words as well as in colour.

use maud::{Markup, html};

use crate::smart::report::{Counts, Grade, ScoreRow};

fn cell(g: Grade) -> Markup {
    let shown = match g {
        Grade::Ok => "✓ ok",
        Grade::Info => "ℹ info",
        Grade::Warning => "! warning",
        Grade::Error => "✗ error",
    };
    html! { td class={ "grade " (g.name()) } { (shown) } }
}

/// Goals shown open in the scorecard; a longer one is folded, its goals with findings first.
const OPEN_ROWS: usize = 40;

fn has_findings(r: &ScoreRow) -> bool {
    [
        r.specific,
        r.measurable,
        r.achievable,
        r.relevant,
        r.time_bound,
    ]
    .iter()
    .any(|g| *g != Grade::Ok)
}

fn table<'a>(rows: impl Iterator<Item = &'a ScoreRow>) -> Markup {
    html! {
        div class="scroll" {
            table class="scorecard" {
                thead { tr {
                    th scope="col" { "Goal" }
                    th scope="col" { span class="long" { "Specific" } abbr class="short" title="Specific" { "S" } }
                    th scope="col" { span class="long" { "Measurable" } abbr class="short" title="Measurable" { "M" } }
                    th scope="col" { span class="long" { "Achievable" } abbr class="short" title="Achievable" { "A" } }
                    th scope="col" { span class="long" { "Relevant" } abbr class="short" title="Relevant" { "R" } }
                    th scope="col" { span class="long" { "Time-bound" } abbr class="short" title="Time-bound" { "T" } }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            th scope="row" { code { (r.goal) } }
                            (cell(r.specific)) (cell(r.measurable)) (cell(r.achievable))
                            (cell(r.relevant)) (cell(r.time_bound))
                        }
                    }
                }
            }
        }
    }
}

/// The scorecard table, with the file's counts of findings above it.
pub fn scorecard(rows: &[ScoreRow], counts: Counts, file: &str) -> Markup {
    html! {
        p {
            code { (file) } " has " (counts.warnings) " warning" @if counts.warnings != 1 { "s" }
            " and " (counts.infos) " note" @if counts.infos != 1 { "s" }
            "; " code { "goals check " (file) } " shows them."
        }
        @if rows.len() <= OPEN_ROWS {
            (table(rows.iter()))
        } @else {
            @let flagged: Vec<&ScoreRow> = rows.iter().filter(|r| has_findings(r)).collect();
            @if !flagged.is_empty() {
                p { (flagged.len()) " of " (rows.len()) " goals have findings:" }
                (table(flagged.iter().copied()))
            }
            details { summary { "All " (rows.len()) " goals" } (table(rows.iter())) }
        }
    }
}
