//! `goals track --format json`: the tracking document of the JSON contract (version 1). Money
//! is written as exact decimal numbers with the currency's minor units, ratios with four
//! decimals, never through floating point. The shape is documented in docs/track.md.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::SerializeSeq;

use serde_json::value::RawValue;

use super::amount::write_fixed;
use crate::track::report::{
    Coverage, Distribution, Leader, Progress, REVIEW_QUESTIONS, ReviewItem, SourceSummary,
    TargetTrack, TrackReport,
};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    track: Head<'a>,
    sources: Vec<Source<'a>>,
    targets: Targets<'a>,
    leaderboard: Vec<LeaderRow<'a>>,
    distribution: Bands,
    review: Vec<Review<'a>>,
}

/// The targets, each turned into its JSON shape only while it is written, so the document
/// never holds every rep's burn-up as text at once.
struct Targets<'a>(&'a [TargetTrack]);

impl Serialize for Targets<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for t in self.0 {
            // Each period's dates as text once, for the team and every rep.
            let dates: Vec<(String, String)> = t
                .periods
                .iter()
                .map(|p| (p.start.to_string(), p.end.to_string()))
                .collect();
            seq.serialize_element(&target(t, &dates))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Bands {
    from_100: usize,
    from_80: usize,
    from_50: usize,
    below_50: usize,
}

#[derive(Serialize)]
struct Head<'a> {
    name: Option<&'a str>,
    currency: Option<&'a str>,
    as_of: String,
    by: &'a str,
}

#[derive(Serialize)]
struct Source<'a> {
    file: &'a str,
    rows: u64,
    kept: u64,
    filtered_out: u64,
    skipped: u64,
    outside_plan: u64,
    footer: u64,
    skipped_by_reason: Vec<ByReason<'a>>,
}

#[derive(Serialize)]
struct ByReason<'a> {
    column: &'a str,
    reason: &'a str,
    count: u64,
}

#[derive(Serialize)]
struct Target<'a> {
    goal: &'a str,
    title: &'a str,
    metric: &'a str,
    kind: &'a str,
    unit: Option<&'a str>,
    owner: &'a str,
    lower_is_better: bool,
    start: String,
    end: String,
    remaining_periods: usize,
    #[serde(flatten)]
    figures: Figures<'a>,
    #[serde(flatten)]
    pipeline: Option<PipelineFigures>,
    /// The owner's own rows (a team's or the company's), part of `actual_to_date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    team_level_actual: Option<Fixed>,
    reps: Vec<Rep<'a>>,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // `rep` is the JSON contract's field name
struct Rep<'a> {
    rep: &'a str,
    name: Option<&'a str>,
    #[serde(flatten)]
    figures: Figures<'a>,
    #[serde(flatten)]
    pipeline: Option<PipelineFigures>,
}

/// Pipeline coverage (SPEC §13), present when a pipeline export of the metric was read.
#[derive(Serialize)]
struct PipelineFigures {
    pipeline: Fixed,
    weighted: Fixed,
    coverage: Option<Fixed>,
    required_coverage: Option<Fixed>,
    pipeline_short: Option<bool>,
    forecast_weighted: Fixed,
}

fn pipeline(c: &Coverage, decimals: u32) -> PipelineFigures {
    PipelineFigures {
        pipeline: num(c.pipeline, decimals),
        weighted: num(c.weighted, decimals),
        coverage: c.coverage.map(ratio),
        required_coverage: c.required_coverage.map(ratio),
        pipeline_short: c.pipeline_short,
        forecast_weighted: num(c.forecast_weighted, decimals),
    }
}

/// Progress figures as decimal text; serialized as exact JSON numbers.
#[derive(Serialize)]
struct Figures<'a> {
    plan_to_date: Fixed,
    actual_to_date: Option<Fixed>,
    attainment: Option<Fixed>,
    total: Fixed,
    forecast: Option<Fixed>,
    status: &'static str,
    gap: Option<Fixed>,
    catch_up: Option<Fixed>,
    catch_up_periods: Vec<CatchUp<'a>>,
    no_period_left: bool,
    periods: Vec<BurnUpRow<'a>>,
}

#[derive(Serialize)]
struct CatchUp<'a> {
    label: &'a str,
    quota: Fixed,
}

#[derive(Serialize)]
struct BurnUpRow<'a> {
    label: &'a str,
    start: &'a str,
    end: &'a str,
    plan: Fixed,
    actual: Option<Fixed>,
    cumulative_plan: Fixed,
    cumulative_actual: Option<Fixed>,
}

#[derive(Serialize)]
struct LeaderRow<'a> {
    rank: usize,
    rep: &'a str,
    name: Option<&'a str>,
    attainment: Fixed,
    targets: usize,
    targets_hit: usize,
    hit: bool,
}

#[derive(Serialize)]
struct Review<'a> {
    goal: &'a str,
    title: &'a str,
    metric: &'a str,
    status: &'static str,
    attainment: Option<Fixed>,
    gap: Option<Fixed>,
    catch_up: Option<Fixed>,
    remaining_periods: usize,
    reps_behind: Vec<RepBehind<'a>>,
    questions: [&'static str; 3],
}

#[derive(Serialize)]
struct RepBehind<'a> {
    rep: &'a str,
    attainment: Fixed,
}

/// Renders the tracking document.
pub fn render(report: &TrackReport, out: &mut dyn Write) -> io::Result<()> {
    let document = Document {
        version: 1,
        track: Head {
            name: report.name.as_deref(),
            currency: report.currency.as_deref(),
            as_of: report.as_of.to_string(),
            by: report.by.name(),
        },
        sources: report.sources.iter().map(source).collect(),
        targets: Targets(&report.targets),
        leaderboard: report.leaderboard.iter().map(leader).collect(),
        distribution: bands(report.distribution()),
        review: report.review.iter().map(review).collect(),
    };
    // A buffer of its own: serde_json writes token by token, and each write to `out` is a
    // call through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    writeln!(buffered)?;
    buffered.flush()
}

fn bands(d: Distribution) -> Bands {
    Bands {
        from_100: d.from_100,
        from_80: d.from_80,
        from_50: d.from_50,
        below_50: d.below_50,
    }
}

/// A number with exactly its decimals, written as a JSON number; its text is made only
/// while it is written, on the stack.
#[derive(Clone, Copy)]
struct Fixed(Decimal, u32);

impl Serialize for Fixed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = StackText::default();
        write_fixed(&mut text, self.0, self.1).map_err(serde::ser::Error::custom)?;
        let text =
            std::str::from_utf8(&text.bytes[..text.len]).map_err(serde::ser::Error::custom)?;
        let raw: &RawValue = serde_json::from_str(text).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// Room for any Decimal's text (at most 31 characters).
struct StackText {
    bytes: [u8; 48],
    len: usize,
}

impl Default for StackText {
    fn default() -> Self {
        StackText {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn num(x: Decimal, decimals: u32) -> Fixed {
    Fixed(x, decimals)
}

fn ratio(x: Decimal) -> Fixed {
    num(x, 4)
}

fn source(s: &SourceSummary) -> Source<'_> {
    Source {
        file: &s.file,
        rows: s.rows,
        kept: s.kept,
        filtered_out: s.filtered_out,
        skipped: s.bad,
        outside_plan: s.outside,
        footer: s.footer,
        skipped_by_reason: s
            .skipped
            .iter()
            .map(|r| ByReason {
                column: &r.column,
                reason: &r.reason,
                count: r.count,
            })
            .collect(),
    }
}

/// `dates` are the start and end of each of the target's periods, as text.
fn figures<'a>(t: &'a TargetTrack, p: &Progress, dates: &'a [(String, String)]) -> Figures<'a> {
    let decimals = t.decimals;
    let n = |x: Decimal| num(x, decimals);
    Figures {
        plan_to_date: n(p.plan_to_date),
        actual_to_date: p.actual_to_date.map(n),
        attainment: p.attainment.map(ratio),
        total: n(p.total),
        forecast: p.forecast.map(n),
        status: p.status.name(),
        gap: p.gap.map(n),
        catch_up: p.catch_up.map(n),
        catch_up_periods: t
            .remaining
            .iter()
            .zip(&p.catch_up_periods)
            .map(|(span, &quota)| CatchUp {
                label: &span.label,
                quota: n(quota),
            })
            .collect(),
        no_period_left: p.no_period_left,
        periods: t
            .periods
            .iter()
            .zip(dates)
            .zip(&p.burn_up)
            .map(|((span, (start, end)), b)| BurnUpRow {
                label: &span.label,
                start,
                end,
                plan: n(b.plan),
                actual: b.actual.map(n),
                cumulative_plan: n(b.cumulative_plan),
                cumulative_actual: b.cumulative_actual.map(n),
            })
            .collect(),
    }
}

fn target<'a>(t: &'a TargetTrack, dates: &'a [(String, String)]) -> Target<'a> {
    Target {
        goal: &t.goal,
        title: &t.title,
        metric: &t.metric,
        kind: t.kind.name(),
        unit: t.unit.as_deref(),
        owner: &t.owner,
        lower_is_better: t.lower_is_better,
        start: t.start.to_string(),
        end: t.end.to_string(),
        remaining_periods: t.remaining_periods,
        figures: figures(t, &t.team, dates),
        pipeline: t.coverage.as_ref().map(|c| pipeline(&c.team, t.decimals)),
        team_level_actual: t.team_level.map(|x| num(x, t.decimals)),
        reps: t
            .reps
            .iter()
            .enumerate()
            .map(|(i, r)| Rep {
                rep: &r.rep,
                name: r.name.as_deref(),
                figures: figures(t, &r.progress, dates),
                pipeline: t
                    .coverage
                    .as_ref()
                    .and_then(|c| c.reps.get(i))
                    .map(|c| pipeline(c, t.decimals)),
            })
            .collect(),
    }
}

fn leader(l: &Leader) -> LeaderRow<'_> {
    LeaderRow {
        rank: l.rank,
        rep: &l.rep,
        name: l.name.as_deref(),
        attainment: ratio(l.attainment),
        targets: l.targets,
        targets_hit: l.targets_hit,
        hit: l.hit,
    }
}

fn review(r: &ReviewItem) -> Review<'_> {
    let n = |x: Decimal| num(x, r.decimals);
    Review {
        goal: &r.goal,
        title: &r.title,
        metric: &r.metric,
        status: r.status.name(),
        attainment: r.attainment.map(ratio),
        gap: r.gap.map(n),
        catch_up: r.catch_up.map(n),
        remaining_periods: r.remaining_periods,
        reps_behind: r
            .reps_behind
            .iter()
            .map(|(rep, a)| RepBehind {
                rep,
                attainment: ratio(*a),
            })
            .collect(),
        questions: REVIEW_QUESTIONS,
    }
}
