//! `goals funnel` for people: per target, its stages with baseline against required
//! activity, each activity stage by period and rep, then every rep's selling hours needed
//! against available, with the periods that do not fit marked `!`.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::{fixed, group};
use super::funnel_stream::{FunnelStream, write_report};
use super::grid::Grid;
use super::style::Paint;
use super::wrap;
use crate::funnel::report::{Each, FunnelReport, FunnelTarget, RepCapacity, StageReport};
use crate::plan::fixed::round_dp;

/// A decimal for people, with `dp` decimals at most and thousands grouped.
pub fn dec(x: Decimal, dp: u32) -> String {
    group(&round_dp(x, dp).normalize().to_string())
}

/// Hours for people: always one decimal, thousands grouped (`1,056.0`).
pub fn hours(x: Decimal) -> String {
    group(&format!("{:.1}", round_dp(x, 1)))
}

/// A rate as a percentage: `10%`.
pub fn percent(rate: Option<Decimal>) -> String {
    rate.map_or_else(
        || "—".into(),
        |r| format!("{}%", (r * Decimal::ONE_HUNDRED).normalize()),
    )
}

/// Whether a stage gets its own table by period: every activity, and the outcome when it
/// takes time (the meetings a `meetings` target books cost hours; deals do not).
pub fn shows_periods(s: &StageReport) -> bool {
    !s.outcome || !s.minutes.is_zero()
}

/// The funnel as text tables, a target's tables as soon as it is worked out.
pub struct Table {
    pub paint: Paint,
    pub width: usize,
}

impl FunnelStream for Table {
    fn head(&mut self, report: &FunnelReport, out: &mut dyn Write) -> io::Result<()> {
        let head = [
            report.name.clone().unwrap_or_else(|| "Plan".into()),
            "funnel".into(),
            format!("{} to {}", report.start, report.end),
            format!("by {}", report.by),
        ];
        for line in wrap::facts(&head, self.width) {
            writeln!(out, "{}", self.paint.bold(&line))?;
        }
        if report.shown_targets == 0 {
            writeln!(
                out,
                "\nno target shown has a funnel: add `funnel = \"ID\"` to a count or money target"
            )?;
        }
        Ok(())
    }

    fn target(
        &mut self,
        _: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(out)?;
        target(t, self.paint, self.width, out)
    }

    fn foot(
        &mut self,
        report: &FunnelReport,
        capacity: &mut dyn Iterator<Item = RepCapacity>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if report.shown_targets == 0 {
            return Ok(());
        }
        writeln!(out)?;
        // The reps side by side, as many as the width takes: they are gathered first.
        hours_table(&capacity.collect::<Vec<_>>(), self.paint, self.width, out)
    }
}

/// Renders a whole funnel report as text tables.
pub fn render(
    report: &FunnelReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_report(&mut Table { paint, width }, report, out)
}

fn target(t: &FunnelTarget, paint: Paint, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let title = if t.title.is_empty() {
        String::new()
    } else {
        format!(": {}", t.title)
    };
    writeln!(out, "{}", paint.bold(&format!("{}{title}", t.goal)))?;
    let mut facts = vec![t.metric.clone(), format!("funnel {}", t.funnel)];
    if let Some((size, decimals)) = t.deal_size {
        facts.push(format!("deal size {}", group(&fixed(size, decimals))));
    }
    facts.extend([
        format!("each {}", t.each),
        format!("cycle {} days", t.cycle_days),
        format!("{} to {}", t.start, t.end),
    ]);
    for line in wrap::facts(&facts, width) {
        writeln!(out, "{line}")?;
    }
    summary(t).write("", &|s| paint.bold(s), out)?;
    if let Some(b) = t.stages.iter().find_map(|s| s.baseline.as_ref()) {
        writeln!(
            out,
            "baseline and required are per {}, for {}",
            b.per_name(),
            match t.each {
                Each::Rep => "each rep",
                Each::Team => "the team",
            }
        )?;
    }
    for s in t.stages.iter().filter(|s| shows_periods(s)) {
        writeln!(
            out,
            "\n{}",
            paint.bold(&format!("{} · {} min each", s.activity, dec(s.minutes, 2)))
        )?;
        let grid = periods(s, true);
        let grid = if grid.total_width() > width {
            periods(s, false)
        } else {
            grid
        };
        grid.write("", &|x| paint.bold(x), out)?;
    }
    if t.stages
        .iter()
        .any(|s| s.periods.iter().any(|p| p.before_start && p.quota > 0))
    {
        writeln!(
            out,
            "* before the target starts: activity for its first outcomes ({} days earlier)",
            t.cycle_days
        )?;
    }
    Ok(())
}

fn summary(t: &FunnelTarget) -> Grid {
    let mut header: Vec<String> = ["stage", "rate", "per outcome", "total", "hours"]
        .map(String::from)
        .to_vec();
    let with_base = t.stages.iter().any(|s| s.baseline.is_some());
    if with_base {
        header.extend(["baseline", "required", "change"].map(String::from));
    }
    let rows = t
        .stages
        .iter()
        .map(|s| {
            let mut row = vec![
                s.activity.clone(),
                percent(s.rate),
                dec(s.per_outcome, 2),
                group(&s.total.to_string()),
                hours(s.hours),
            ];
            if let Some(b) = &s.baseline {
                let change = b.required - b.baseline;
                let sign = if change >= Decimal::ZERO { "+" } else { "" };
                row.extend([
                    dec(b.baseline, 2),
                    dec(b.required, 2),
                    format!("{sign}{}", dec(change, 2)),
                ]);
            }
            row
        })
        .collect();
    Grid {
        header,
        rows,
        rule_before_last: false,
        ..Grid::default()
    }
}

fn periods(s: &StageReport, with_reps: bool) -> Grid {
    let mut header: Vec<String> = ["period", "total", "hours"].map(String::from).to_vec();
    if with_reps {
        header.extend(s.reps.iter().map(|r| r.rep.to_string()));
    }
    let mut rows: Vec<Vec<String>> = s
        .periods
        .iter()
        .map(|p| {
            let label = if p.before_start {
                format!("{}*", p.label)
            } else {
                p.label.to_string()
            };
            let mut row = vec![label, group(&p.quota.to_string()), hours(p.hours)];
            if with_reps {
                row.extend(p.reps.iter().map(|r| group(&r.quota.to_string())));
            }
            row
        })
        .collect();
    let mut total = vec![
        "total".to_string(),
        group(&s.total.to_string()),
        hours(s.hours),
    ];
    if with_reps {
        total.extend(s.reps.iter().map(|r| group(&r.quota.to_string())));
    }
    rows.push(total);
    Grid {
        header,
        rows,
        rule_before_last: true,
        ..Grid::default()
    }
}

fn hours_table(
    capacity: &[RepCapacity],
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let legend = [
        "Selling hours: needed by funnel activity / available".to_string(),
        "(hours_per_week × selling_share)".to_string(),
    ];
    for line in wrap::join(&legend, " ", width) {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    let per_block = (width.saturating_sub(10) / 16).max(1);
    for (i, reps) in capacity.chunks(per_block).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        hours_grid(reps, paint).write("", &|x| paint.bold(x), out)?;
    }
    if capacity.iter().any(|c| !c.fits()) {
        writeln!(
            out,
            "{}",
            paint.warning("! the activity needs more hours than the rep has for selling")
        )?;
    }
    if capacity.iter().any(|c| c.hours_per_week.is_none()) {
        writeln!(
            out,
            "? the rep has no `hours_per_week`: its hours are not checked"
        )?;
    }
    Ok(())
}

fn hours_grid(reps: &[RepCapacity], paint: Paint) -> Grid {
    let mut header = vec!["period".to_string()];
    header.extend(reps.iter().map(|c| c.rep.clone()));
    let count = reps.first().map_or(0, |c| c.periods.len());
    let mut rows: Vec<Vec<String>> = (0..count)
        .map(|p| {
            let mut row = vec![reps[0].periods[p].label.to_string()];
            row.extend(reps.iter().map(|c| {
                let cell = &c.periods[p];
                hours_cell(cell.needed, cell.available, cell.fits(), paint)
            }));
            row
        })
        .collect();
    let mut total = vec!["total".to_string()];
    total.extend(reps.iter().map(|c| {
        hours_cell(
            c.needed,
            c.available,
            c.needed <= c.available.unwrap_or(c.needed),
            paint,
        )
    }));
    rows.push(total);
    Grid {
        header,
        rows,
        rule_before_last: true,
        ..Grid::default()
    }
}

/// `22/100.8`, `451.3/100.8 !` when over, `22/?` when the hours are unknown.
fn hours_cell(needed: Decimal, available: Option<Decimal>, fits: bool, paint: Paint) -> String {
    let have = available.map_or_else(|| "?".into(), hours);
    let text = format!("{}/{have}", hours(needed));
    if fits {
        text
    } else {
        paint.warning(&format!("{text} !"))
    }
}
