//! `goals track --format json`: the tracking document of the JSON contract (version 1). Money
//! is written as exact decimal numbers with the currency's minor units, ratios with four
//! decimals, never through floating point. The shape is documented in docs/track.md. Written
//! with `Pretty` in `serde_json`'s pretty layout into one buffer, target by target
//! (`track_json_target`), which goes to the output whenever it holds a chunk; a large
//! report's targets are written on two threads, in order.

use std::io::{self, Write};

use super::in_order::{render_in_order, worth_two_threads};
use super::pretty_json::Pretty;
use super::track_json_target::{CHUNK, count, fixed, flush_full, opt_fixed, write_target};
use crate::track::report::{
    Leader, REVIEW_QUESTIONS, ReviewItem, SourceSummary, TargetTrack, TrackReport,
};

/// Renders the tracking document.
pub fn render(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(2 * CHUNK);
    let mut j = Pretty::at(0, &mut buffer);
    j.begin_object();
    j.key("version");
    j.int(1);
    j.key("track");
    j.begin_object();
    j.key("name");
    j.opt_string(report.name.as_deref());
    j.key("currency");
    j.opt_string(report.currency.as_deref());
    j.key("as_of");
    j.date(report.as_of);
    j.key("by");
    j.string(report.by.name());
    j.end_object();
    j.key("sources");
    j.begin_array();
    for s in &report.sources {
        j.element();
        write_source(&mut j, s);
    }
    j.end_array();
    j.key("targets");
    j.begin_array();
    write_targets(&report.targets, &mut j, out)?;
    j.end_array();
    j.key("leaderboard");
    j.begin_array();
    for l in &report.leaderboard {
        j.element();
        write_leader(&mut j, l);
        flush_full(&mut j, out)?;
    }
    j.end_array();
    let d = report.distribution();
    j.key("distribution");
    j.begin_object();
    for (key, n) in [
        ("from_100", d.from_100),
        ("from_80", d.from_80),
        ("from_50", d.from_50),
        ("below_50", d.below_50),
    ] {
        j.key(key);
        count(&mut j, n);
    }
    j.end_object();
    j.key("review");
    j.begin_array();
    for r in &report.review {
        j.element();
        write_review(&mut j, r);
        flush_full(&mut j, out)?;
    }
    j.end_array();
    j.end_object();
    j.raw(b"\n");
    out.write_all(j.buffer())?;
    out.flush()
}

/// Writes the targets in order; a large report's targets are rendered on two threads
/// (`in_order`).
fn write_targets(
    targets: &[TargetTrack],
    j: &mut Pretty<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: usize = targets.iter().map(|t| t.reps.len() + 1).sum();
    let widest = targets.iter().map(|t| t.reps.len()).max().unwrap_or(0);
    if worth_two_threads(rows, widest) {
        write_on_two_threads(targets, j, out)
    } else {
        write_each(targets, j, out)
    }
}

fn write_each(targets: &[TargetTrack], j: &mut Pretty<'_>, out: &mut dyn Write) -> io::Result<()> {
    for t in targets {
        j.element();
        write_target(t, j, out)?;
        flush_full(j, out)?;
    }
    Ok(())
}

fn write_on_two_threads(
    targets: &[TargetTrack],
    j: &mut Pretty<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    // A target's text gathers in the thread's own buffer and goes into the part's text
    // whenever it holds a chunk, as it goes to the output when written on one thread.
    let render = |t: &TargetTrack, text: &mut Vec<u8>, scratch: &mut Vec<u8>| {
        scratch.clear();
        let mut own = Pretty::at(2, scratch);
        write_target(t, &mut own, text)?;
        text.extend_from_slice(own.buffer());
        Ok(())
    };
    render_in_order(targets, &render, &mut |text| {
        j.element();
        out.write_all(j.buffer())?;
        j.buffer().clear();
        out.write_all(text)
    })
}

fn write_source(j: &mut Pretty<'_>, s: &SourceSummary) {
    j.begin_object();
    j.key("file");
    j.string(&s.file);
    for (key, n) in [
        ("rows", s.rows),
        ("kept", s.kept),
        ("filtered_out", s.filtered_out),
        ("skipped", s.bad),
        ("outside_plan", s.outside),
        ("footer", s.footer),
    ] {
        j.key(key);
        j.number(n);
    }
    j.key("skipped_by_reason");
    j.begin_array();
    for r in &s.skipped {
        j.element();
        j.begin_object();
        j.key("column");
        j.string(&r.column);
        j.key("reason");
        j.string(&r.reason);
        j.key("count");
        j.number(r.count);
        j.end_object();
    }
    j.end_array();
    j.end_object();
}

fn write_leader(j: &mut Pretty<'_>, l: &Leader) {
    j.begin_object();
    j.key("rank");
    count(j, l.rank);
    j.key("rep");
    j.string(&l.rep);
    j.key("name");
    j.opt_string(l.name.as_deref());
    j.key("attainment");
    fixed(j, l.attainment, 4);
    j.key("targets");
    count(j, l.targets);
    j.key("targets_hit");
    count(j, l.targets_hit);
    j.key("hit");
    j.bool(l.hit);
    j.end_object();
}

fn write_review(j: &mut Pretty<'_>, r: &ReviewItem) {
    j.begin_object();
    j.strings(&[
        ("goal", r.goal.as_str()),
        ("title", &r.title),
        ("metric", &r.metric),
        ("status", r.status.name()),
    ]);
    j.key("attainment");
    opt_fixed(j, r.attainment, 4);
    j.key("gap");
    opt_fixed(j, r.gap, r.decimals);
    j.key("catch_up");
    opt_fixed(j, r.catch_up, r.decimals);
    j.key("remaining_periods");
    count(j, r.remaining_periods);
    j.key("reps_behind");
    j.begin_array();
    for (rep, attainment) in &r.reps_behind {
        j.element();
        j.begin_object();
        j.key("rep");
        j.string(rep);
        j.key("attainment");
        fixed(j, *attainment, 4);
        j.end_object();
    }
    j.end_array();
    j.key("questions");
    j.begin_array();
    for q in REVIEW_QUESTIONS {
        j.element();
        j.string(q);
    }
    j.end_array();
    j.end_object();
}

#[cfg(test)]
mod tests;
