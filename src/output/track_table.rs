//! `goals track` for people: one block per target with the team and each rep, attainment bars
//! and catch-up; then the leaderboard, the goals to review with the guide's questions, and what
//! was read. Money shows in whole currency units here (JSON keeps the cents).

use std::collections::HashSet;
use std::io::{self, Write};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::amount::{fixed, group};
use super::grid::{Grid, bar};
use super::style::Paint;
use super::track_burn_up as burn_up;
use super::words;
use super::wrap;
use crate::model::MetricKind;
use crate::track::report::{
    Progress, REVIEW_QUESTIONS, ReviewItem, Status, TargetTrack, TrackReport,
};

/// Width of an attainment bar at 100%.
const BAR: usize = 10;

/// Renders the tracking report as text, aiming at `width` columns.
pub fn render(
    report: &TrackReport,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut head = vec![
        report.name.clone().unwrap_or_else(|| "Tracking".into()),
        format!("as of {}", report.as_of),
    ];
    head.push(format!("catch-up by {}", report.by));
    head.extend(report.currency.clone());
    for line in wrap::facts(&head, width) {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    for t in &report.targets {
        writeln!(out)?;
        target(report, t, paint, width, out)?;
    }
    super::track_pipeline::table(report, paint, width, out)?;
    leaderboard(report, paint, out)?;
    review(report, paint, width, out)?;
    sources(report, out)
}

/// Display decimals: none for money and counts, two for levels.
fn shown(t: &TargetTrack) -> u32 {
    if t.kind == MetricKind::Money {
        0
    } else {
        t.decimals
    }
}

fn amount(x: Decimal, decimals: u32) -> String {
    group(&fixed(x, decimals))
}

fn percent(ratio: Option<Decimal>) -> String {
    ratio.map_or_else(
        || "–".into(),
        |r| format!("{}%", fixed(r * Decimal::ONE_HUNDRED, 1)),
    )
}

/// The goals with more than one target in the report.
pub(super) fn several_targets(report: &TrackReport) -> HashSet<&str> {
    let mut seen = HashSet::new();
    let mut several = HashSet::new();
    for t in &report.targets {
        if !seen.insert(t.goal.as_str()) {
            several.insert(t.goal.as_str());
        }
    }
    several
}

/// A reviewed target by its goal's id, and by its metric too (`won · revenue`) when the goal
/// has more than one target (`several`).
pub(super) fn review_name(item: &ReviewItem, several: &HashSet<&str>) -> String {
    if several.contains(item.goal.as_str()) {
        format!("{} · {}", item.goal, item.metric)
    } else {
        item.goal.clone()
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Ahead => "ahead",
        Status::OnTrack => "on track",
        Status::AtRisk => "at risk",
        Status::Behind => "behind",
        Status::NotStarted => "not started",
        Status::NoData => "no data",
    }
}

/// An attainment bar: 10 characters at 100%, a `+` beyond.
fn attainment_bar(ratio: Option<Decimal>, fancy: bool) -> String {
    let Some(r) = ratio.and_then(|r| r.to_f64()) else {
        return String::new();
    };
    let mut text = bar(r.min(1.0), 1.0, BAR, fancy);
    if r > 1.0 {
        text.push('+');
    }
    // Padded so that the grid's right alignment leaves the bars flush left.
    let pad = (BAR + 1).saturating_sub(text.chars().count());
    text + &" ".repeat(pad)
}

fn target(
    report: &TrackReport,
    t: &TargetTrack,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = if t.title.is_empty() {
        String::new()
    } else {
        format!(": {}", t.title)
    };
    writeln!(out, "{}", paint.bold(&format!("{}{title}", t.goal)))?;
    let d = shown(t);
    let unit = match (t.kind, &report.currency, &t.unit) {
        (MetricKind::Money, Some(c), _) => c.clone(),
        (_, _, Some(u)) => u.clone(),
        _ => String::new(),
    };
    let mut facts = vec![
        t.metric.clone(),
        t.owner.clone(),
        format!("total {} {unit}", amount(t.team.total, d))
            .trim_end()
            .to_owned(),
    ];
    if t.lower_is_better {
        facts.push("lower is better".into());
    }
    if let Some(f) = t.team.forecast.filter(|_| t.kind.is_additive()) {
        facts.push(format!("forecast {}", amount(f, d)));
    }
    let s = if t.remaining_periods == 1 { "" } else { "s" };
    facts.push(format!("{} {}{s} left", t.remaining_periods, report.by));
    if let Some(first) = t.remaining.first().filter(|_| t.team.catch_up.is_some()) {
        facts.push(format!("catch-up for {}", first.label));
    }
    for line in wrap::facts(&facts, width) {
        writeln!(out, "{line}")?;
    }
    let mut grid = Grid {
        header: ["", "plan", "actual", "attained", "", "status", "catch-up"]
            .map(String::from)
            .to_vec(),
        ..Grid::default()
    };
    grid.rows.push(row("team", &t.team, d, paint.enabled));
    if let Some(own) = t.team_level {
        let mut line = vec![String::new(); 7];
        line[0] = "team-level rows".into();
        line[2] = amount(own, d);
        grid.rows.push(line);
    }
    for r in &t.reps {
        grid.rows.push(row(&r.rep, &r.progress, d, paint.enabled));
    }
    grid.write("  ", &|h| paint.bold(h), out)?;
    burn_up::write(t, report.by, d, paint.enabled, width, out)
}

fn row(who: &str, p: &Progress, d: u32, fancy: bool) -> Vec<String> {
    let opt = |x: Option<Decimal>| x.map_or_else(|| "–".into(), |x| amount(x, d));
    let catch_up = match p.catch_up {
        Some(c) => amount(c, d),
        None if p.no_period_left => "no period left".to_owned(),
        None => String::new(),
    };
    vec![
        who.chars().take(14).collect(),
        amount(p.plan_to_date, d),
        opt(p.actual_to_date),
        percent(p.attainment),
        attainment_bar(p.attainment, fancy),
        status_word(p.status).to_owned(),
        catch_up,
    ]
}

fn leaderboard(report: &TrackReport, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    if report.leaderboard.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{}",
        paint.bold("Leaderboard: mean attainment over each rep's targets")
    )?;
    let mut grid = Grid {
        header: ["", "attained", "targets hit", ""]
            .map(String::from)
            .to_vec(),
        ..Grid::default()
    };
    for l in &report.leaderboard {
        let hit = if l.hit {
            "hit".to_owned()
        } else {
            String::new()
        };
        grid.rows.push(vec![
            format!("{}. {}", l.rank, l.rep),
            percent(Some(l.attainment)),
            format!("{} of {}", l.targets_hit, l.targets),
            hit,
        ]);
    }
    grid.write("  ", &|h| paint.bold(h), out)?;
    let bands = report.distribution();
    writeln!(
        out,
        "  reps at ≥ 100%: {}, 80–100%: {}, 50–80%: {}, below 50%: {}",
        bands.from_100, bands.from_80, bands.from_50, bands.below_50
    )
}

fn review(report: &TrackReport, paint: Paint, width: usize, out: &mut dyn Write) -> io::Result<()> {
    if report.review.is_empty() {
        return writeln!(out, "\n{}", paint.good("No goal is behind plan."));
    }
    let goals: HashSet<&str> = report.review.iter().map(|i| i.goal.as_str()).collect();
    let several = several_targets(report);
    let n = goals.len();
    writeln!(
        out,
        "\n{}",
        paint.bold(&format!(
            "To review: {n} goal{} behind plan",
            if n == 1 { "" } else { "s" }
        ))
    )?;
    for item in &report.review {
        let d = if item.kind == MetricKind::Money {
            0
        } else {
            item.decimals
        };
        let gap = item
            .gap
            .map_or_else(String::new, |g| format!(", {} short of plan", amount(g, d)));
        writeln!(
            out,
            "  {} ({} at {}{gap})",
            review_name(item, &several),
            status_word(item.status),
            percent(item.attainment)
        )?;
        if let (Some(c), Some(label)) = (item.catch_up, &item.catch_up_label) {
            let s = if item.remaining_periods == 1 { "" } else { "s" };
            writeln!(
                out,
                "    catch-up: {} in {label} ({} {}{s} left)",
                amount(c, d),
                item.remaining_periods,
                report.by,
            )?;
        }
        if item.no_period_left {
            writeln!(out, "    no period is left to catch up in")?;
        }
        if !item.reps_behind.is_empty() {
            let reps: Vec<String> = item
                .reps_behind
                .iter()
                .map(|(r, a)| format!("{r} {}", percent(Some(*a))))
                .collect();
            for line in wrap::words(
                &format!("reps behind: {}", reps.join(", ")),
                width.saturating_sub(4),
            ) {
                writeln!(out, "    {line}")?;
            }
        }
    }
    writeln!(out, "  Ask about each:")?;
    for question in REVIEW_QUESTIONS {
        for (i, line) in wrap::words(question, width.saturating_sub(6))
            .iter()
            .enumerate()
        {
            writeln!(out, "  {} {line}", if i == 0 { " -" } else { "  " })?;
        }
    }
    Ok(())
}

fn sources(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    if report.sources.is_empty() {
        return writeln!(
            out,
            "\nNo actuals were read: pass --actuals FILE or add an [[actuals]] source with a `path`."
        );
    }
    writeln!(out)?;
    for s in &report.sources {
        let mut parts = vec![
            words::count(usize::try_from(s.rows).unwrap_or(usize::MAX), "row"),
            format!("{} kept", s.kept),
        ];
        if s.filtered_out > 0 {
            parts.push(format!("{} filtered out", s.filtered_out));
        }
        parts.push(format!("{} skipped", s.bad));
        if s.outside > 0 {
            parts.push(format!("{} outside the plan", s.outside));
        }
        if s.footer > 0 {
            let lines = if s.footer == 1 { "line" } else { "lines" };
            parts.push(format!("{} footer {lines}", s.footer));
        }
        writeln!(out, "Read {}: {}", s.file, parts.join(", "))?;
    }
    Ok(())
}
