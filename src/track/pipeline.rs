//! Pipeline coverage (SPEC §13): open deals read from pipeline exports, kept per metric and rep
//! with their expected close date, value and probability, and summed over each target's window
//! (after the as-of date through the target's end) against the rest of the target. Pure
//! arithmetic on exact decimals; it reads no file and renders nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::csv_read::{Field, RowRejection};
use super::numbers::clip;
use super::report::{Coverage, Progress, TargetCoverage, TargetTrack};
use crate::model::Chance;

/// One open deal: expected close date, value, and value × probability.
#[derive(Clone, Copy, Debug)]
struct Deal {
    date: NaiveDate,
    value: Decimal,
    weighted: Decimal,
}

/// Open deals of every pipeline export, by metric id and rep index (file order).
#[derive(Debug, Default)]
pub struct PipelineBook {
    deals: HashMap<(String, usize), Vec<Deal>>,
    metrics: Vec<String>,
}

impl PipelineBook {
    /// Adds one open deal of `rep` towards `metric`.
    pub fn add(&mut self, metric: &str, rep: usize, date: NaiveDate, value: Decimal, p: Decimal) {
        if !self.metrics.iter().any(|m| m == metric) {
            self.metrics.push(metric.to_owned());
        }
        let deal = Deal {
            date,
            value,
            weighted: value.saturating_mul(p),
        };
        self.deals
            .entry((metric.to_owned(), rep))
            .or_default()
            .push(deal);
    }

    /// Whether any export declared deals of `metric` (even if none were read).
    pub fn covers(&self, metric: &str) -> bool {
        self.metrics.iter().any(|m| m == metric)
    }

    /// Marks `metric` as having a pipeline source, so its targets get coverage (zero without
    /// deals, which is news too).
    pub fn declare(&mut self, metric: &str) {
        if !self.covers(metric) {
            self.metrics.push(metric.to_owned());
        }
    }

    /// Value and weighted value of `rep`'s deals of `metric` closing in (`after`, `through`].
    fn window(
        &self,
        metric: &str,
        rep: usize,
        after: NaiveDate,
        through: NaiveDate,
    ) -> (Decimal, Decimal) {
        let Some(deals) = self.deals.get(&(metric.to_owned(), rep)) else {
            return (Decimal::ZERO, Decimal::ZERO);
        };
        deals
            .iter()
            .filter(|d| d.date > after && d.date <= through)
            .fold((Decimal::ZERO, Decimal::ZERO), |(v, w), d| {
                (v.saturating_add(d.value), w.saturating_add(d.weighted))
            })
    }
}

/// A deal's probability from its export's text: a fraction (`0.4`, `0,4`) or a percentage
/// (`40%`) for a probability column, the stage's probability for a stage column.
pub fn probability(text: &str, chance: &Chance) -> Result<Decimal, RowRejection> {
    match chance {
        Chance::Probability(_) => parse_probability(text).ok_or_else(|| RowRejection {
            field: Field::Metric,
            reason: "invalid probability".to_owned(),
            detail: Some(format!(
                "`{}` is not a probability: write a fraction from 0 to 1 (0.4) or a percentage (40%)",
                clip(text)
            )),
        }),
        Chance::Stage { stages, .. } => {
            let wanted = text.trim();
            stages
                .iter()
                .find(|(name, _)| name.trim().eq_ignore_ascii_case(wanted))
                .map(|(_, p)| *p)
                .ok_or_else(|| {
                    let known: Vec<&str> = stages.iter().map(|(n, _)| n.as_str()).collect();
                    RowRejection {
                        field: Field::Metric,
                        reason: "unknown stage".to_owned(),
                        detail: Some(format!(
                            "`{}` is not in the mapping's `stages` ({}); add it with its probability",
                            clip(text),
                            known.join(", ")
                        )),
                    }
                })
        }
    }
}

fn parse_probability(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let (number, percent) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim(), true),
        None => (text, false),
    };
    let mut p: Decimal = number.replace(',', ".").parse().ok()?;
    if percent {
        p /= Decimal::ONE_HUNDRED;
    }
    (Decimal::ZERO..=Decimal::ONE).contains(&p).then_some(p)
}

/// Fills in the coverage of every additive target whose metric has a pipeline source, for the
/// team and each rep; `rep_index` finds a rep's index in the file.
pub fn cover(
    targets: &mut [TargetTrack],
    book: &PipelineBook,
    win_rate: Option<Decimal>,
    as_of: NaiveDate,
    rep_index: impl Fn(&str) -> Option<usize>,
) {
    for t in targets.iter_mut() {
        let additive = t.kind.is_additive();
        if !additive || t.lower_is_better || !book.covers(&t.metric) {
            continue;
        }
        let windows: Vec<(Decimal, Decimal)> = t
            .reps
            .iter()
            .map(|r| {
                rep_index(&r.rep).map_or((Decimal::ZERO, Decimal::ZERO), |i| {
                    book.window(&t.metric, i, as_of, t.end)
                })
            })
            .collect();
        let (pipeline, weighted) = windows
            .iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(v, w), (a, b)| {
                (v.saturating_add(*a), w.saturating_add(*b))
            });
        let d = t.decimals;
        let team = coverage(&t.team, pipeline, weighted, win_rate, d);
        let reps = t
            .reps
            .iter()
            .zip(&windows)
            .map(|(r, (v, w))| coverage(&r.progress, *v, *w, win_rate, d))
            .collect();
        t.coverage = Some(TargetCoverage { team, reps });
    }
}

/// The coverage figures of one team or rep.
pub fn coverage(
    progress: &Progress,
    pipeline: Decimal,
    weighted: Decimal,
    win_rate: Option<Decimal>,
    decimals: u32,
) -> Coverage {
    let actual = progress.actual_to_date.unwrap_or(Decimal::ZERO);
    let gap = (progress.total - actual).max(Decimal::ZERO);
    let ratio = |x: Decimal| x.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    let weighted =
        weighted.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    Coverage {
        pipeline,
        weighted,
        coverage: (gap > Decimal::ZERO).then(|| ratio(pipeline / gap)),
        required_coverage: win_rate.map(|w| ratio(Decimal::ONE / w)),
        pipeline_short: win_rate.map(|w| pipeline.saturating_mul(w) < gap),
        forecast_weighted: actual.saturating_add(weighted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::track::report::Status;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn progress(total: &str, actual: &str) -> Progress {
        Progress {
            plan_to_date: Decimal::ZERO,
            actual_to_date: Some(d(actual)),
            attainment: None,
            total: d(total),
            forecast: None,
            status: Status::OnTrack,
            met: false,
            gap: None,
            catch_up: None,
            catch_up_periods: Vec::new(),
            no_period_left: false,
            burn_up: Vec::new(),
        }
    }

    #[test]
    fn the_specifications_example_is_short_at_a_22_percent_win_rate() {
        // 4,800,000 open against 1,600,000 remaining: 3.0x; a 22% win rate needs 4.5455x.
        let p = progress("4000000", "2400000");
        let c = coverage(&p, d("4800000"), d("1900000"), Some(d("0.22")), 2);
        assert_eq!(c.coverage, Some(d("3.0")));
        assert_eq!(c.required_coverage, Some(d("4.5455")));
        assert_eq!(c.pipeline_short, Some(true));
        assert_eq!(c.forecast_weighted, d("4300000"));
        let enough = coverage(&p, d("4800000"), d("1900000"), Some(d("0.34")), 2);
        assert_eq!(enough.pipeline_short, Some(false));
    }

    #[test]
    fn nothing_left_to_cover_has_no_coverage_and_is_never_short() {
        let c = coverage(
            &progress("100", "120"),
            d("50"),
            d("10"),
            Some(d("0.25")),
            0,
        );
        assert_eq!(c.coverage, None);
        assert_eq!(c.pipeline_short, Some(false));
        assert_eq!(c.forecast_weighted, d("130"));
    }

    #[test]
    fn probabilities_are_fractions_or_percentages_and_stages_come_from_the_table() {
        let column = Chance::Probability("Probability".into());
        assert_eq!(probability("0.4", &column), Ok(d("0.4")));
        assert_eq!(probability(" 40% ", &column), Ok(d("0.4")));
        assert_eq!(probability("0,25", &column), Ok(d("0.25")));
        assert_eq!(
            probability("140%", &column).unwrap_err().reason,
            "invalid probability"
        );
        assert_eq!(
            probability("high", &column).unwrap_err().reason,
            "invalid probability"
        );
        let stages = Chance::Stage {
            column: "Stage".into(),
            stages: vec![
                ("Proposal".into(), d("0.4")),
                ("Negotiation".into(), d("0.7")),
            ],
        };
        assert_eq!(probability("proposal", &stages), Ok(d("0.4")));
        let missing = probability("Discovery", &stages).unwrap_err();
        assert_eq!(missing.reason, "unknown stage");
        assert!(missing.detail.unwrap().contains("Proposal, Negotiation"));
    }

    #[test]
    fn the_window_is_after_the_as_of_day_through_the_end() {
        let mut book = PipelineBook::default();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        book.add("revenue", 0, day("2027-06-30"), d("100"), d("0.5"));
        book.add("revenue", 0, day("2027-07-01"), d("200"), d("0.5"));
        book.add("revenue", 0, day("2027-12-31"), d("300"), d("0.1"));
        book.add("revenue", 0, day("2028-01-01"), d("400"), d("0.5"));
        assert_eq!(
            book.window("revenue", 0, day("2027-06-30"), day("2027-12-31")),
            (d("500"), d("130.0"))
        );
    }
}
