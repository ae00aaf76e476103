//! Reads `[plan]`: the period, currency and calendar, applying the format's defaults.

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

use super::value::{Ctx, Table, date};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::file::{Currency, PlanSettings, Sp, Thresholds};
use crate::model::schema::DAY_NAMES;
use crate::model::{dates, iso4217};

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Reads the plan settings.
pub fn read_plan(ctx: &mut Ctx, t: &Table<'_, '_>) -> PlanSettings {
    let mut plan = PlanSettings {
        span: Some(t.span.clone()),
        name: t.str(ctx, "name"),
        start: t.date(ctx, "start"),
        start_written: t.get("start").is_some(),
        end: t.date(ctx, "end"),
        currency: read_currency(ctx, t),
        rates: read_rates(ctx, t),
        currency_written: t.get("currency").is_some(),
        over_assign: super::factors::over_assign(ctx, t),
        ..PlanSettings::default()
    };
    if plan.end.is_none()
        && let Some(start) = &plan.start
    {
        plan.end = default_end(ctx, start);
    }
    if let Some(month) = t.int(ctx, "fiscal_year_start", 1, 12) {
        plan.fiscal_year_start = u32::try_from(month.value).expect("invariant: 1..=12 fits u32");
    }
    if let Some(choice) = t.choice(ctx, "week_start", &["monday", "sunday"]) {
        plan.week_start = if choice.value == 0 {
            Weekday::Mon
        } else {
            Weekday::Sun
        };
    }
    if let Some(max) = t.int(ctx, "max_goals_per_rep", 1, 1000) {
        plan.max_goals_per_rep = u32::try_from(max.value).expect("invariant: 1..=1000 fits u32");
    }
    read_workdays(ctx, t, &mut plan);
    if let Some(items) = t.array(ctx, "holidays", "an array of dates") {
        plan.holidays = items
            .iter()
            .filter_map(|item| date(ctx, "holidays", item))
            .map(|d| d.value)
            .collect();
    }
    plan
}

/// A year from `start` (a plan from 29 February ends on 28 February), within the days a
/// date may name.
fn default_end(ctx: &mut Ctx, start: &Sp<NaiveDate>) -> Option<Sp<NaiveDate>> {
    let end = dates::last_day_of_years(start.value, 1)?;
    if dates::printable(end) {
        return Some(Sp::new(end, start.span.clone()));
    }
    ctx.invalid(
        start.span.clone(),
        format!(
            "a plan from {} would end in the year {}, past 9999-12-31",
            start.value,
            end.year()
        ),
        "start the plan earlier, or set `end` to 9999-12-31 at the latest".to_string(),
    );
    None
}

fn read_currency(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Sp<Currency>> {
    let code = t.str(ctx, "currency")?;
    if let Some(minor_units) = iso4217::minor_units(&code.value) {
        return Some(Sp::new(
            Currency {
                code: code.value,
                minor_units,
            },
            code.span,
        ));
    }
    let (message, help) = iso4217::why_not(&code.value);
    ctx.push(
        Diagnostic::new(
            Code::UnknownCurrency,
            Some(code.span),
            format!("`currency`: {message}"),
        )
        .help(help),
    );
    None
}

/// `rates = { USD = "0.92" }`: plan-currency units per unit of another currency, exact and
/// above zero.
fn read_rates(ctx: &mut Ctx, t: &Table<'_, '_>) -> Vec<(String, Decimal)> {
    let Some(value) = t.get("rates") else {
        return Vec::new();
    };
    let toml::de::DeValue::Table(map) = value.get_ref() else {
        ctx.wrong_type("rates", "a table such as { USD = \"0.92\" }", value);
        return Vec::new();
    };
    let mut rates = Vec::new();
    for (code, rate) in map {
        let code = code.get_ref();
        let key = format!("rates.{code}");
        let Some(number) = super::value::number(ctx, &key, rate) else {
            continue;
        };
        let iso = code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase());
        if !iso || number.value <= Decimal::ZERO {
            ctx.invalid(
                rate.span(),
                format!("`{key}` must be an ISO 4217 code with a rate above zero"),
                "write plan-currency units per unit of the other, such as rates = { USD = \"0.92\" }"
                    .into(),
            );
            continue;
        }
        rates.push((code.to_string(), number.value));
    }
    rates
}

fn read_workdays(ctx: &mut Ctx, t: &Table<'_, '_>, plan: &mut PlanSettings) {
    let Some(value) = t.get("workdays") else {
        return;
    };
    if matches!(value.get_ref(), toml::de::DeValue::Array(a) if a.is_empty()) {
        ctx.invalid(
            value.span(),
            "`workdays` is empty: no rep would ever work".to_string(),
            "list the working days, such as [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
                .to_string(),
        );
        return;
    }
    let mut days = [false; 7];
    for name in t.str_list(ctx, "workdays") {
        match DAY_NAMES
            .iter()
            .position(|d| name.value.eq_ignore_ascii_case(d))
        {
            Some(i) => days[WEEKDAYS[i].num_days_from_monday() as usize] = true,
            None => ctx.invalid(
                name.span,
                format!("\"{}\" is not a day name", name.value),
                format!("use {}", DAY_NAMES.join(", ")),
            ),
        }
    }
    plan.workdays = days;
}

/// Reads `[tracking]`: the status thresholds, each above zero and in decreasing order.
pub fn read_tracking(ctx: &mut Ctx, t: &Table<'_, '_>) -> Thresholds {
    let defaults = Thresholds::default();
    let ahead = t.num(ctx, "ahead");
    let on_track = t.num(ctx, "on_track");
    let at_risk = t.num(ctx, "at_risk");
    let read = Thresholds {
        ahead: ahead.as_ref().map_or(defaults.ahead, |n| n.value),
        on_track: on_track.as_ref().map_or(defaults.on_track, |n| n.value),
        at_risk: at_risk.as_ref().map_or(defaults.at_risk, |n| n.value),
    };
    let ordered = read.ahead >= read.on_track
        && read.on_track >= read.at_risk
        && read.at_risk > Decimal::ZERO;
    if ordered {
        return read;
    }
    let span = [at_risk, on_track, ahead]
        .into_iter()
        .flatten()
        .next()
        .map_or_else(|| t.span.clone(), |n| n.span);
    ctx.invalid(
        span,
        format!(
            "the tracking thresholds must fall: ahead {} >= on_track {} >= at_risk {} > 0",
            read.ahead.normalize(),
            read.on_track.normalize(),
            read.at_risk.normalize()
        ),
        "write ratios such as ahead = 1.05, on_track = 0.95, at_risk = 0.80".into(),
    );
    defaults
}
