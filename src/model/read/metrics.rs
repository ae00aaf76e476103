//! Reads `[metrics.ID]`, `[seasonality.NAME]` and `[[funnels]]`: what is measured and how
//! outcomes and seasons are shaped.

use std::str::FromStr;

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::value::{Ctx, Table, Value, describe, number};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::file::{Funnel, Metric, MetricKind, Profile, Sp, Stage};
use crate::model::schema::MONTH_NAMES;

const KINDS: [MetricKind; 4] = [
    MetricKind::Count,
    MetricKind::Money,
    MetricKind::Rate,
    MetricKind::Level,
];

/// Reads one metric.
pub fn read_metric(ctx: &mut Ctx, id: Sp<String>, t: &Table<'_, '_>) -> Option<Metric> {
    let kind = t.choice(ctx, "kind", &["count", "money", "rate", "level"]);
    let better = t.choice(ctx, "better", &["higher", "lower"]);
    let capacity = t.num(ctx, "capacity");
    if let Some(cap) = &capacity
        && cap.value <= Decimal::ZERO
    {
        ctx.invalid(
            cap.span.clone(),
            "`capacity` must be above zero".into(),
            "give the most one full-time rep achieves in a month".into(),
        );
    }
    let kind = KINDS[kind?.value];
    let max = rate_max(ctx, kind, t);
    Some(Metric {
        kind,
        max,
        unit: t.str(ctx, "unit").map(|s| s.value),
        source: t.str(ctx, "source").map(|s| s.value),
        capacity: capacity.filter(|c| c.value > Decimal::ZERO),
        lower_is_better: better.is_some_and(|b| b.value == 1),
        id,
    })
}

/// `max` of a rate metric: a percentage above zero, 100 when not given. On another kind of
/// metric it means nothing, so it is refused rather than ignored.
fn rate_max(ctx: &mut Ctx, kind: MetricKind, t: &Table<'_, '_>) -> Decimal {
    let Some(max) = t.num(ctx, "max") else {
        return Decimal::ONE_HUNDRED;
    };
    if kind != MetricKind::Rate {
        ctx.invalid(
            max.span,
            format!(
                "`max` applies to rate metrics, not to a {} metric",
                kind.name()
            ),
            "remove `max`, or make the metric `kind = \"rate\"`".into(),
        );
        return Decimal::ONE_HUNDRED;
    }
    if max.value <= Decimal::ZERO {
        ctx.invalid(
            max.span,
            "`max` must be a percentage above zero".into(),
            "write the highest rate the metric can reach, e.g. `max = 200` for 200%".into(),
        );
        return Decimal::ONE_HUNDRED;
    }
    max.value
}

/// Reads one seasonality profile; missing and non-positive months are SMART findings.
#[allow(clippy::unnecessary_wraps)] // the signature every table reader shares
pub fn read_profile(ctx: &mut Ctx, name: Sp<String>, t: &Table<'_, '_>) -> Option<Profile> {
    let mut weights = [None; 12];
    for (i, month) in MONTH_NAMES.iter().enumerate() {
        weights[i] = t.num(ctx, month).map(|w| w.value);
    }
    Some(Profile { name, weights })
}

/// Reads one funnel and its stages.
pub fn read_funnel(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Funnel> {
    let id = t.str(ctx, "id")?;
    let cycle_days = t
        .int(ctx, "cycle_days", 0, 3650)
        .map_or(0, |d| u32::try_from(d.value).unwrap_or(0));
    let def = t.def.child("stages");
    let stages = t
        .tables(ctx, "stages")
        .into_iter()
        .map(|(table, span)| {
            let entry = Table::open(ctx, table, span, def);
            read_stage(ctx, &entry)
        })
        .collect();
    let deal_size = t.num(ctx, "deal_size");
    if let Some(size) = deal_size.as_ref().filter(|s| s.value <= Decimal::ZERO) {
        ctx.invalid(
            size.span.clone(),
            "`deal_size` must be above zero".into(),
            "give the money one won deal brings, e.g. `deal_size = 12000`".into(),
        );
    }
    Some(Funnel {
        id,
        stages,
        cycle_days,
        deal_size: deal_size.filter(|s| s.value > Decimal::ZERO),
    })
}

fn read_stage(ctx: &mut Ctx, t: &Table<'_, '_>) -> Stage {
    Stage {
        activity: t.str(ctx, "activity"),
        rate: t.get("rate").and_then(|v| fraction(ctx, "rate", v)),
        minutes: read_minutes(ctx, t),
        span: t.span.clone(),
    }
}

/// The most minutes one unit of a funnel activity may take: a year. Beyond it the hours of a
/// large activity plan would not fit an exact decimal.
const MAX_MINUTES: Decimal = Decimal::from_parts(525_600, 0, 0, false, 0);

/// `minutes`: from 0 up to a year's worth; negative minutes are a SMART finding.
fn read_minutes(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Decimal> {
    let minutes = t.num(ctx, "minutes")?;
    if minutes.value <= MAX_MINUTES {
        return Some(minutes.value);
    }
    ctx.invalid(
        minutes.span,
        format!(
            "`minutes` is {}, more than a year (525600 minutes) for one unit of activity",
            minutes.value.normalize()
        ),
        "write the minutes one unit of the activity takes, such as 6 for a call".into(),
    );
    None
}

/// A rate written as a fraction (0.10) or a percentage string ("10%").
pub(super) fn fraction(ctx: &mut Ctx, key: &str, value: &Value<'_>) -> Option<Sp<Decimal>> {
    if let DeValue::String(s) = value.get_ref()
        && let Some(pct) = s.trim().strip_suffix('%')
    {
        if let Ok(p) = Decimal::from_str(pct.trim()) {
            return Some(Sp::new(p / Decimal::ONE_HUNDRED, value.span()));
        }
        ctx.push(
            Diagnostic::new(
                Code::WrongType,
                Some(value.span()),
                format!(
                    "`{key}` must be a fraction or a percentage, found {}",
                    describe(value.get_ref())
                ),
            )
            .help("write 0.10 or \"10%\""),
        );
        return None;
    }
    number(ctx, key, value)
}
