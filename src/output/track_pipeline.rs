//! Pipeline coverage in the text formats of `goals track` (SPEC §13): a section per covered
//! target with the team and each rep (table and Markdown), and the extra CSV columns. Written
//! only when a pipeline export was read, so the formats keep their shape without one.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::amount::{fixed, group};
use super::grid::Grid;
use super::style::Paint;
use crate::track::report::{Coverage, TargetTrack, TrackReport};

/// The CSV columns added when any target has coverage.
pub const CSV_HEADER: [&str; 6] = [
    "pipeline",
    "weighted",
    "coverage",
    "required_coverage",
    "pipeline_short",
    "forecast_weighted",
];

const HEADER: [&str; 7] = [
    "", "pipeline", "weighted", "coverage", "needed", "short", "forecast",
];

/// Whether any target of the report has coverage.
pub fn any(report: &TrackReport) -> bool {
    report.targets.iter().any(|t| t.coverage.is_some())
}

fn times(x: Option<Decimal>) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{}x", fixed(x, 2)))
}

fn short(c: &Coverage) -> &'static str {
    match c.pipeline_short {
        Some(true) => "short",
        Some(false) => "ok",
        None => "–",
    }
}

/// The rows of one covered target: the team, then each rep.
fn rows(c: &[(&str, &Coverage)]) -> Vec<Vec<String>> {
    // Whole units for people, as in the rest of the tracking tables.
    let n = |x: Decimal| group(&fixed(x, 0));
    c.iter()
        .map(|(who, c)| {
            vec![
                (*who).to_owned(),
                n(c.pipeline),
                n(c.weighted),
                times(c.coverage),
                times(c.required_coverage),
                short(c).to_owned(),
                n(c.forecast_weighted),
            ]
        })
        .collect()
}

fn covered(t: &TargetTrack) -> Option<Vec<(&str, &Coverage)>> {
    let c = t.coverage.as_ref()?;
    let reps = t.reps.iter().zip(&c.reps).map(|(r, c)| (r.rep.as_str(), c));
    Some(std::iter::once(("team", &c.team)).chain(reps).collect())
}

const NOTE: &str = "Open deals closing after the as-of date through each target's end; coverage = pipeline ÷ what remains (total − actual), needed = 1 ÷ win rate, forecast = actual + weighted.";

/// The coverage section of the table format.
pub fn table(
    report: &TrackReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if !any(report) {
        return Ok(());
    }
    writeln!(out, "\n{}", paint.bold("Pipeline coverage"))?;
    for line in super::wrap::words(NOTE, width.saturating_sub(2)) {
        writeln!(out, "  {line}")?;
    }
    for t in &report.targets {
        let Some(c) = covered(t) else { continue };
        writeln!(out, "{}", paint.bold(&t.goal))?;
        let grid = Grid {
            header: HEADER.map(String::from).to_vec(),
            rows: rows(&c),
            ..Grid::default()
        };
        grid.write("  ", &|h| paint.bold(h), out)?;
    }
    Ok(())
}

/// The coverage section of the Markdown format.
pub fn markdown(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    if !any(report) {
        return Ok(());
    }
    writeln!(out, "## Pipeline coverage\n\n{NOTE}\n")?;
    for t in &report.targets {
        let Some(c) = covered(t) else { continue };
        writeln!(out, "### {}\n", t.goal)?;
        writeln!(
            out,
            "| | pipeline | weighted | coverage | needed | short | forecast |"
        )?;
        writeln!(out, "| --- | ---: | ---: | ---: | ---: | --- | ---: |")?;
        for row in rows(&c) {
            writeln!(out, "| {} |", row.join(" | "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The CSV cells of one team or rep row: empty when the target has no coverage.
pub fn csv_cells(c: Option<&Coverage>, decimals: u32) -> [String; 6] {
    let Some(c) = c else {
        return Default::default();
    };
    [
        fixed(c.pipeline, decimals),
        fixed(c.weighted, decimals),
        c.coverage.map(|x| fixed(x, 4)).unwrap_or_default(),
        c.required_coverage.map(|x| fixed(x, 4)).unwrap_or_default(),
        c.pipeline_short.map(|s| s.to_string()).unwrap_or_default(),
        fixed(c.forecast_weighted, decimals),
    ]
}
