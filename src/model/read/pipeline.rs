//! Reads `[[pipeline]]` (an export of open deals: the `[[actuals]]` reading keys plus where
//! each deal's chance of closing comes from) and `[tracking] win_rate`.

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::goals::read_actuals;
use super::metrics::fraction;
use super::value::{Ctx, Table, Value};
use crate::model::sources::{Chance, PipelineMapping};

/// One `[[pipeline]]` source: a metric, and either `probability` or `stage` with `stages`.
pub fn read_pipeline(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<PipelineMapping> {
    let reading = read_actuals(ctx, t)?;
    if reading.metric.is_none() {
        ctx.invalid(
            t.span.clone(),
            "a [[pipeline]] source needs `metric`: the metric its open deals count towards".into(),
            "add metric = \"revenue\" (the id of a metric under [metrics])".into(),
        );
        return None;
    }
    let probability = t.str(ctx, "probability");
    let stage = t.str(ctx, "stage");
    let stages = t.get("stages").map(|v| read_stages(ctx, v));
    let chance = match (probability, stage, stages) {
        (Some(p), None, None) => Chance::Probability(p.value),
        (None, Some(s), Some(stages)) => Chance::Stage {
            column: s.value,
            stages: stages?,
        },
        (None, Some(s), None) => {
            ctx.invalid(
                s.span,
                "`stage` needs `stages`: the probability of each stage".into(),
                "add stages = { \"Proposal\" = 0.4, \"Negotiation\" = 0.7 }".into(),
            );
            return None;
        }
        (Some(p), Some(_), _) => {
            ctx.invalid(
                p.span,
                "a [[pipeline]] source takes `probability` or `stage`, not both".into(),
                "keep the column the export has: a probability column, or a stage column with `stages`".into(),
            );
            return None;
        }
        _ => {
            ctx.invalid(
                t.span.clone(),
                "a [[pipeline]] source needs `probability` (a column) or `stage` with `stages`".into(),
                "add probability = \"Probability\", or stage = \"Stage\" with stages = { \"Proposal\" = 0.4 }".into(),
            );
            return None;
        }
    };
    Some(PipelineMapping { reading, chance })
}

/// `stages = { "Proposal" = 0.4, "Won" = "100%" }`: each a fraction from 0 to 1.
fn read_stages(ctx: &mut Ctx, value: &Value<'_>) -> Option<Vec<(String, Decimal)>> {
    let DeValue::Table(map) = value.get_ref() else {
        ctx.wrong_type("stages", "a table such as { \"Proposal\" = 0.4 }", value);
        return None;
    };
    let mut stages = Vec::new();
    let mut ok = true;
    for (name, p) in map {
        let key = format!("stages.{}", name.get_ref());
        match fraction(ctx, &key, p) {
            Some(f) if (Decimal::ZERO..=Decimal::ONE).contains(&f.value) => {
                stages.push((name.get_ref().to_string(), f.value));
            }
            Some(f) => {
                ctx.invalid(
                    f.span,
                    format!(
                        "`{key}` is {}, not a probability from 0 to 1",
                        f.value.normalize()
                    ),
                    "write a fraction such as 0.4 or a percentage such as \"40%\"".into(),
                );
                ok = false;
            }
            None => ok = false,
        }
    }
    ok.then_some(stages)
}

/// `[tracking] win_rate`: a fraction above 0 and at most 1.
pub fn read_win_rate(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Decimal> {
    let rate = fraction(ctx, "win_rate", t.get("win_rate")?)?;
    if rate.value > Decimal::ZERO && rate.value <= Decimal::ONE {
        return Some(rate.value);
    }
    ctx.invalid(
        rate.span,
        format!(
            "`win_rate` is {}, not a share of deals won above 0 and at most 1",
            rate.value.normalize()
        ),
        "write the share of open pipeline your team wins, such as 0.25 or \"25%\"".into(),
    );
    None
}
