//! Reads `[[goals]]` with their `[[goals.targets]]`, `[[feedback]]` and `[[actuals]]`.

use toml::de::DeValue;

use super::value::{Ctx, Table, Value, describe, number};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::file::Sp;
use crate::model::goal::{
    Family, Goal, Level3, Owner, Per, Review, SplitName, Target, TargetValue,
};
use crate::model::money::{MAX_NUMBER, parse_decimal};
use crate::model::sources::{ActualsMapping, DateOrder, Feedback};

const FAMILIES: [Family; 4] = [
    Family::Capacity,
    Family::Product,
    Family::Skills,
    Family::Customers,
];
const LEVELS: [Level3; 3] = [Level3::Low, Level3::Medium, Level3::High];
const REVIEWS: [Review; 3] = [Review::Weekly, Review::Monthly, Review::Quarterly];
const PERS: [Per; 5] = [Per::Day, Per::Week, Per::Month, Per::Quarter, Per::Year];

/// Reads one goal and its targets.
pub fn read_goal(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Goal> {
    let id = t.str(ctx, "id")?;
    ctx.goal = Some(id.value.clone());
    let level = |ctx: &mut Ctx, key| {
        t.choice(ctx, key, &["low", "medium", "high"])
            .map_or(Level3::Medium, |c| LEVELS[c.value])
    };
    let target_def = t.def.child("targets");
    let targets = t
        .tables(ctx, "targets")
        .into_iter()
        .map(|(table, span)| {
            let entry = Table::open(ctx, table, span, target_def);
            read_target(ctx, &entry)
        })
        .collect();
    Some(Goal {
        title: t.str(ctx, "title"),
        family: t
            .choice(
                ctx,
                "family",
                &["capacity", "product", "skills", "customers"],
            )
            .map(|c| FAMILIES[c.value]),
        objective: t.str(ctx, "objective"),
        owner: read_owner(ctx, t),
        urgency: level(ctx, "urgency"),
        importance: level(ctx, "importance"),
        review: t
            .choice(ctx, "review", &["weekly", "monthly", "quarterly"])
            .map(|c| REVIEWS[c.value]),
        why: t.str(ctx, "why").map(|s| s.value),
        steps: t
            .str_list(ctx, "steps")
            .into_iter()
            .map(|s| s.value)
            .collect(),
        allow: t.str_list(ctx, "allow"),
        span: id.span.clone(),
        id,
        targets,
    })
}

fn read_owner(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Sp<Owner>> {
    let text = t.str(ctx, "owner")?;
    let owner = match text.value.split_once(':') {
        None if text.value == "company" => Some(Owner::Company),
        Some(("team", id)) if !id.is_empty() => Some(Owner::Team(id.to_string())),
        Some(("rep", id)) if !id.is_empty() => Some(Owner::Rep(id.to_string())),
        _ => None,
    };
    if owner.is_none() {
        ctx.invalid(
            text.span.clone(),
            format!("`owner` cannot be \"{}\"", text.value),
            "write \"team:ID\", \"rep:ID\" or \"company\"".into(),
        );
    }
    owner.map(|o| Sp::new(o, text.span))
}

fn read_target(ctx: &mut Ctx, t: &Table<'_, '_>) -> Target {
    let split = t
        .str(ctx, "split")
        .unwrap_or_else(|| Sp::new("even".into(), t.span.clone()));
    let split_name = match split.value.as_str() {
        "even" => SplitName::Even,
        "workdays" => SplitName::Workdays,
        "calendar" => SplitName::Calendar,
        profile => SplitName::Profile(profile.to_string()),
    };
    Target {
        metric: t.str(ctx, "metric"),
        target: t.get("target").and_then(|v| target_value(ctx, v)),
        target_written: t.get("target").is_some(),
        per: t
            .choice(ctx, "per", &["day", "week", "month", "quarter", "year"])
            .map(|c| PERS[c.value]),
        each_rep: t
            .choice(ctx, "each", &["team", "rep"])
            .is_some_and(|c| c.value == 1),
        split: Sp::new(split_name, split.span),
        start: t.date(ctx, "start"),
        end: t.date(ctx, "end"),
        baseline: t.num(ctx, "baseline"),
        baseline_written: t.get("baseline").is_some(),
        funnel: t.str(ctx, "funnel"),
        over_assign: super::factors::over_assign(ctx, t),
        span: t.span.clone(),
    }
}

/// `target`: a number, or a relative string "+10%" / "-20%".
fn target_value(ctx: &mut Ctx, value: &Value<'_>) -> Option<Sp<TargetValue>> {
    if let DeValue::String(s) = value.get_ref() {
        let text = s.trim();
        if let Some(pct) = text.strip_suffix('%') {
            if !text.starts_with(['+', '-']) || parse_decimal(pct.trim()).is_none() {
                ctx.push(
                    Diagnostic::new(
                        Code::WrongType,
                        Some(value.span()),
                        format!(
                            "`target` is not a relative target: {}",
                            describe(value.get_ref())
                        ),
                    )
                    .help("write a relative target as \"+10%\" or \"-20%\", or a plain number"),
                );
                return None;
            }
            let relative = parse_decimal(pct.trim()).filter(|r| r.abs() <= MAX_NUMBER);
            if relative.is_none() {
                ctx.push(
                    Diagnostic::new(
                        Code::TargetNotFinite,
                        Some(value.span()),
                        format!("`target` is a change of {text}, too large to plan exactly"),
                    )
                    .help(
                        "write a relative change of at most one trillion percent, such as \"+10%\"",
                    ),
                );
            }
            return relative.map(|r| Sp::new(TargetValue::Relative(r), value.span()));
        }
    }
    number(ctx, "target", value).map(|n| Sp::new(TargetValue::Absolute(n.value), n.span))
}

/// Reads one feedback entry.
pub fn read_feedback(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Feedback> {
    let confidence = t.int(ctx, "confidence", 1, 5).map(|c| {
        Sp::new(
            u8::try_from(c.value).expect("invariant: 1..=5 fits u8"),
            c.span,
        )
    });
    Some(Feedback {
        goal: t.str(ctx, "goal")?,
        rep: t.str(ctx, "rep")?,
        confidence,
        capable: t.bool(ctx, "capable"),
        needs_training: t.bool(ctx, "needs_training"),
        challenges: t.str(ctx, "challenges").map(|s| s.value),
    })
}

/// `path`: where the export is, relative to the goal file; an empty one is a finding here,
/// not a directory read later.
fn export_path(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<Sp<String>> {
    let path = t.str(ctx, "path")?;
    if !path.value.trim().is_empty() {
        return Some(path);
    }
    ctx.invalid(
        path.span,
        "`path` of [[actuals]] is empty: it names no export".into(),
        "write the export's path relative to the goal file, such as \"exports/deals.csv\", or remove `path` and pass the export with --actuals".into(),
    );
    None
}

/// Reads one CRM export mapping; the default columns fill what it leaves out.
#[allow(clippy::unnecessary_wraps)] // the signature every table reader shares
pub fn read_actuals(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<ActualsMapping> {
    let filters = t
        .get("where")
        .map(|v| read_where(ctx, v))
        .unwrap_or_default();
    let dates = t
        .choice(ctx, "dates", &["day-first", "month-first", "iso"])
        .map(|c| [DateOrder::DayFirst, DateOrder::MonthFirst, DateOrder::Iso][c.value]);
    let decimal = t
        .choice(ctx, "decimal", &[".", ","])
        .map(|c| ['.', ','][c.value]);
    Some(ActualsMapping {
        path: export_path(ctx, t),
        metric: t.str(ctx, "metric"),
        date: t
            .str(ctx, "date")
            .map_or_else(|| "date".into(), |s| s.value),
        rep: t.str(ctx, "rep").map_or_else(|| "rep".into(), |s| s.value),
        value: t.str(ctx, "value").map(|s| s.value),
        filters,
        dates,
        date_format: read_date_format(ctx, t),
        decimal,
        currency: t.str(ctx, "currency").map(|s| s.value),
        encoding: read_encoding(ctx, t),
        span: t.span.clone(),
    })
}

/// `where = { Column = "value" }` or `{ Column = ["a", "b"] }`.
fn read_where(ctx: &mut Ctx, value: &Value<'_>) -> Vec<(String, Vec<String>)> {
    let DeValue::Table(map) = value.get_ref() else {
        ctx.wrong_type("where", "a table such as { Status = \"won\" }", value);
        return Vec::new();
    };
    let mut filters = Vec::new();
    for (column, wanted) in map {
        let key = format!("where.{}", column.get_ref());
        let values = match wanted.get_ref() {
            DeValue::String(s) => vec![s.to_string()],
            DeValue::Array(items) if !items.is_empty() => {
                let strings: Option<Vec<String>> = items
                    .iter()
                    .map(|item| match item.get_ref() {
                        DeValue::String(s) => Some(s.to_string()),
                        _ => None,
                    })
                    .collect();
                let Some(strings) = strings else {
                    ctx.wrong_type(&key, "a string or a list of strings", wanted);
                    continue;
                };
                strings
            }
            _ => {
                ctx.wrong_type(&key, "a string or a list of strings", wanted);
                continue;
            }
        };
        filters.push((column.get_ref().to_string(), values));
    }
    filters
}

/// `date_format`: a chrono format that reads a date (it needs a year, a month and a day).
fn read_date_format(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<String> {
    let format = t.str(ctx, "date_format")?;
    let items = chrono::format::StrftimeItems::new(&format.value);
    let broken = items
        .clone()
        .any(|item| matches!(item, chrono::format::Item::Error));
    let text = &format.value;
    let has = |spec: &[&str]| spec.iter().any(|s| text.contains(s));
    let complete = has(&["%Y", "%y", "%C", "%G", "%F", "%D", "%x", "%c", "%+"])
        && has(&["%m", "%b", "%B", "%h", "%F", "%D", "%x", "%c", "%+", "%j"])
        && has(&["%d", "%e", "%F", "%D", "%x", "%c", "%+", "%j"]);
    if broken || !complete {
        ctx.invalid(
            format.span,
            format!("`date_format` \"{text}\" does not read a whole date"),
            "write a chrono format with a year, a month and a day, such as \"%m/%d/%Y\" or \"%d.%m.%Y %H:%M\"".into(),
        );
        return None;
    }
    Some(format.value)
}

/// `encoding`: a label `encoding_rs` knows (`windows-1252`, `utf-16`…), or `latin-1`
/// (read, as browsers do, as windows-1252).
fn read_encoding(ctx: &mut Ctx, t: &Table<'_, '_>) -> Option<&'static encoding_rs::Encoding> {
    let label = t.str(ctx, "encoding")?;
    let trimmed = label.value.trim().to_ascii_lowercase();
    let name = match trimmed.as_str() {
        "latin-1" | "latin_1" => "latin1",
        other => other,
    };
    if let Some(encoding) = encoding_rs::Encoding::for_label(name.as_bytes()) {
        return Some(encoding);
    }
    ctx.invalid(
        label.span,
        format!("`encoding` \"{}\" is not an encoding", label.value),
        "write utf-8, utf-16, windows-1252 or latin-1 (any WHATWG encoding label)".into(),
    );
    None
}
