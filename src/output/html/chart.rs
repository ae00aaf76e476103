//! Inline SVG charts drawn from plain series: vertical bars, cumulative lines with a date
//! marker, and horizontal bars. Every plotted mark carries its label and exact value in
//! `data-label` / `data-value` (the JSON's decimal text) beside a `<title>` for people, and
//! every chart has a `<title>` and `<desc>`. Coordinates are rounded to one decimal so the
//! bytes are the same on every run.

use maud::{Markup, html};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Width and height of every chart's view box; the page scales it to the column.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 220.0;
/// The plot area inside the view box.
const LEFT: f64 = 58.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;
/// At most this many axis labels along x, so they stay legible on a phone.
const MAX_X_LABELS: usize = 6;

/// One plotted value: what it is called, its exact text (as in the JSON), and its value.
#[derive(Clone, Debug)]
pub struct Point {
    pub label: String,
    /// The exact decimal text of the JSON report.
    pub data: String,
    /// The same value, for drawing.
    pub value: Decimal,
    /// What the mark's tooltip says.
    pub shown: String,
}

/// The words around a chart: its id (unique in the page), title and description.
pub struct Caption<'a> {
    pub id: &'a str,
    /// What the plotted values are, as the JSON names them (`attainment`, `coverage`).
    pub series: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

fn f(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// A named series of a line chart.
pub struct Series<'a> {
    /// The JSON field the values come from, such as `cumulative_plan`.
    pub name: &'a str,
    /// What the legend calls it.
    pub legend: &'a str,
    /// Each point with the band it sits in (a series may skip bands).
    pub points: &'a [(usize, Point)],
}

/// A count as a coordinate factor (charts never have 2^32 marks).
fn n(i: usize) -> f64 {
    f64::from(u32::try_from(i).unwrap_or(u32::MAX))
}

fn c(x: f64) -> String {
    format!("{:.1}", (x * 10.0).round() / 10.0)
}

/// A round top for the y axis at or above `max`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_top(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|top| *top >= max)
        .unwrap_or(10.0 * magnitude)
}

/// Axis numbers for people: `1.2M`, `250k`, `12`.
fn short(x: f64) -> String {
    let (value, suffix) = if x.abs() >= 1e6 {
        (x / 1e6, "M")
    } else if x.abs() >= 1e4 {
        (x / 1e3, "k")
    } else {
        (x, "")
    };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

struct Frame {
    top: f64,
    bands: usize,
}

impl Frame {
    fn plot_width() -> f64 {
        WIDTH - LEFT - RIGHT
    }
    fn plot_height() -> f64 {
        HEIGHT - TOP - BOTTOM
    }
    fn y(&self, v: f64) -> f64 {
        TOP + Self::plot_height() * (1.0 - (v / self.top).clamp(0.0, 1.0))
    }
    fn band(&self) -> f64 {
        Self::plot_width() / n(self.bands.max(1))
    }
    fn x(&self, i: usize) -> f64 {
        LEFT + self.band() * n(i)
    }
    fn centre(&self, i: usize) -> f64 {
        self.x(i) + self.band() / 2.0
    }
}

fn svg(caption: &Caption<'_>, class: &str, height: f64, body: &Markup) -> Markup {
    let t = format!("{}-t", caption.id);
    let d = format!("{}-d", caption.id);
    html! {
        svg class=(class) id=(caption.id) viewBox={ "0 0 " (c(WIDTH)) " " (c(height)) }
            role="img" aria-labelledby={ (t) " " (d) } xmlns="http://www.w3.org/2000/svg" {
            title id=(t) { (caption.title) }
            desc id=(d) { (caption.desc) }
            (body)
        }
    }
}

/// The y axis: gridlines at 0, half and the top, with their numbers.
fn y_axis(frame: &Frame) -> Markup {
    html! {
        g class="axis" {
            @for v in [0.0, frame.top / 2.0, frame.top] {
                line x1=(c(LEFT)) x2=(c(WIDTH - RIGHT)) y1=(c(frame.y(v))) y2=(c(frame.y(v))) {}
                text x=(c(LEFT - 6.0)) y=(c(frame.y(v) + 4.0)) text-anchor="end" { (short(v)) }
            }
        }
    }
}

/// Labels under the bands, thinned to at most `MAX_X_LABELS`.
fn x_axis(frame: &Frame, labels: &[&str]) -> Markup {
    let step = labels.len().div_ceil(MAX_X_LABELS).max(1);
    html! {
        g class="axis" {
            @for (k, (i, label)) in labels.iter().enumerate().step_by(step).enumerate() {
                // Every other label gives way on a phone (the style sheet hides `.alt`).
                text class=[(k % 2 == 1 && labels.len() > MAX_X_LABELS).then_some("alt")]
                    x=(c(frame.centre(i))) y=(c(HEIGHT - 10.0)) text-anchor="middle" { (label) }
            }
        }
    }
}

/// A vertical bar per point (period quotas, the attainment distribution).
pub fn bars(caption: &Caption<'_>, points: &[Point]) -> Markup {
    let max = points.iter().map(|p| f(p.value)).fold(0.0, f64::max);
    let mut top = nice_top(max);
    // Counts get a whole number at half height.
    if points.iter().all(|p| p.value.fract().is_zero()) && (top % 2.0 - 1.0).abs() < 1e-9 {
        top += 1.0;
    }
    let frame = Frame {
        top,
        bands: points.len(),
    };
    let gap = (frame.band() * 0.2).min(8.0);
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    let body = html! {
        (y_axis(&frame))
        g class="bars" data-series="value" {
            @for (i, p) in points.iter().enumerate() {
                @let y = frame.y(f(p.value).max(0.0));
                rect x=(c(frame.x(i) + gap / 2.0)) y=(c(y)) width=(c(frame.band() - gap))
                    height=(c(frame.y(0.0) - y)) data-label=(p.label) data-value=(p.data) {
                    title { (p.label) ": " (p.shown) }
                }
            }
        }
        (x_axis(&frame, &labels))
    };
    svg(caption, "chart", HEIGHT, &body)
}

/// Cumulative lines over the same bands, with a vertical marker at `marker` (a band index
/// and the fraction of it passed) labelled `marker_label`.
pub fn lines(
    caption: &Caption<'_>,
    labels: &[&str],
    series: &[Series<'_>],
    marker: Option<(usize, f64, &str)>,
) -> Markup {
    let max = series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|(_, p)| f(p.value))
        .fold(0.0, f64::max);
    let frame = Frame {
        top: nice_top(max),
        bands: labels.len(),
    };
    let body = html! {
        (y_axis(&frame))
        @if let Some((band, fraction, text)) = marker {
            @let x = frame.x(band) + frame.band() * fraction;
            g class="marker" {
                line x1=(c(x)) x2=(c(x)) y1=(c(TOP)) y2=(c(frame.y(0.0))) {}
                text x=(c(x - 4.0)) y=(c(TOP + 10.0)) text-anchor="end" { (text) }
            }
        }
        @for (k, s) in series.iter().enumerate() {
            @let path: Vec<String> = s.points.iter()
                .map(|(i, p)| format!("{},{}", c(frame.centre(*i)), c(frame.y(f(p.value)))))
                .collect();
            g class={ "series s" (k) } data-series=(s.name) {
                polyline points=(path.join(" ")) {}
                @for (i, p) in s.points {
                    circle cx=(c(frame.centre(*i))) cy=(c(frame.y(f(p.value)))) r="3"
                        data-label=(p.label) data-value=(p.data) {
                        title { (s.legend) ", " (p.label) ": " (p.shown) }
                    }
                }
            }
        }
        (x_axis(&frame, labels))
    };
    html! {
        (svg(caption, "chart", HEIGHT, &body))
        p class="legend" {
            @for (k, s) in series.iter().enumerate() {
                span class={ "key s" (k) } { (s.legend) }
            }
        }
    }
}

/// A horizontal bar per point (rep attainment, coverage), with a reference line at
/// `reference` labelled `reference_label`.
pub fn hbars(
    caption: &Caption<'_>,
    points: &[Point],
    reference: Decimal,
    reference_label: &str,
) -> Markup {
    const ROW: f64 = 22.0;
    // Room for the longest label (about 11 units a character at the phone font size).
    let longest = points
        .iter()
        .map(|p| p.label.chars().count())
        .max()
        .unwrap_or(0);
    let label = (n(longest) * 11.0 + 12.0).clamp(60.0, 240.0);
    let height = ROW * n(points.len()) + 24.0;
    let max = points
        .iter()
        .map(|p| f(p.value))
        .fold(f(reference), f64::max);
    let top = nice_top(max);
    let width = WIDTH - label - 60.0;
    let x = |v: f64| label + width * (v / top).clamp(0.0, 1.0);
    let body = html! {
        g class="axis" {
            line x1=(c(x(f(reference)))) x2=(c(x(f(reference)))) y1="4" y2=(c(height - 18.0)) {}
            text x=(c(x(f(reference)))) y=(c(height - 4.0)) text-anchor="middle" { (reference_label) }
        }
        g class="bars" data-series=(caption.series) {
            @for (i, p) in points.iter().enumerate() {
                @let y = 4.0 + ROW * n(i);
                text class="name" x=(c(label - 6.0)) y=(c(y + 14.0)) text-anchor="end" { (p.label) }
                rect x=(c(label)) y=(c(y + 3.0)) width=(c(x(f(p.value).max(0.0)) - label)) height="14"
                    data-label=(p.label) data-value=(p.data) {
                    title { (p.label) ": " (p.shown) }
                }
                text class="value" x=(c(x(f(p.value).max(0.0)) + 4.0)) y=(c(y + 14.0)) { (p.shown) }
            }
        }
    };
    svg(caption, "chart hbars", height, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert!((nice_top(83.0) - 100.0).abs() < 1e-9);
        assert!((nice_top(1_200_000.0) - 2_000_000.0).abs() < 1e-6);
        assert!((nice_top(0.0) - 1.0).abs() < 1e-9);
        assert_eq!(short(2_500_000.0), "2.5M");
        assert_eq!(short(50_000.0), "50k");
        assert_eq!(short(12.5), "12.5");
    }
}
