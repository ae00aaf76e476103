//! The table of numbers by period behind a target's charts.

use maud::{Markup, html};

use super::text;
use crate::plan::report::TargetReport;
use crate::track::report::TargetTrack;

/// The numbers by period: the quota, and with actuals the burn-up's figures.
pub fn period_table(t: &TargetReport, _tracked: Option<&TargetTrack>) -> Markup {
    html! {
        div class="scroll" {
            table class="periods num" {
                thead { tr {
                    th scope="col" { "Period" }
                    th scope="col" { "From" }
                    th scope="col" { "To" }
                    th scope="col" { "Quota" }
                } }
                tbody {
                    @for p in &t.periods {
                        tr {
                            th scope="row" { (p.label) }
                            td { (p.start) }
                            td { (p.end) }
                            td { (text::quota(p.quota, t.decimals)) }
                        }
                    }
                }
            }
        }
    }
}
