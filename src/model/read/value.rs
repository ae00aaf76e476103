//! Typed access to one TOML table: every getter checks the value's type, pushes a located
//! finding when it is wrong, and returns `None` so reading carries on. Unknown keys are
//! reported here too, with the closest valid key.

use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::dates;
use crate::model::file::Sp;
use crate::model::money::{MAX_NUMBER, parse_decimal};
use crate::model::schema::TableDef;

/// A spanned TOML value as the parser returns it.
pub type Value<'i> = Spanned<DeValue<'i>>;

/// Collects findings while a file is read; `goal` and `metric` label the findings.
#[derive(Default)]
pub struct Ctx {
    pub diagnostics: Vec<Diagnostic>,
    pub goal: Option<String>,
}

impl Ctx {
    /// Records a finding, labelled with the goal being read.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let labelled = if diagnostic.goal.is_none() {
            let goal = self.goal.clone();
            diagnostic.goal(goal.as_deref())
        } else {
            diagnostic
        };
        self.diagnostics.push(labelled);
    }

    /// Records a `wrong-type` finding for `value` at `key`.
    pub fn wrong_type(&mut self, key: &str, expected: &str, value: &Value<'_>) {
        self.push(
            Diagnostic::new(
                Code::WrongType,
                Some(value.span()),
                format!(
                    "`{key}` must be {expected}, found {}",
                    describe(value.get_ref())
                ),
            )
            .help(format!("write `{key}` as {expected}")),
        );
    }

    /// Records an `invalid-value` finding.
    pub fn invalid(&mut self, span: Range<usize>, message: String, help: String) {
        self.push(Diagnostic::new(Code::InvalidValue, Some(span), message).help(help));
    }
}

/// How a value is named in messages: "a string `\"x\"`", "an integer `3`"...
pub fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("the string \"{}\"", truncate(s)),
        DeValue::Integer(i) => format!("the integer {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("the boolean {b}"),
        DeValue::Datetime(d) => format!("the date-time {d}"),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// A table being read, with its span and schema.
pub struct Table<'a, 'i> {
    pub table: &'a DeTable<'i>,
    pub span: Range<usize>,
    pub def: &'static TableDef,
}

impl<'a, 'i> Table<'a, 'i> {
    /// Wraps a table and reports its unknown keys and missing required keys.
    pub fn open(
        ctx: &mut Ctx,
        table: &'a DeTable<'i>,
        span: Range<usize>,
        def: &'static TableDef,
    ) -> Self {
        let this = Table { table, span, def };
        this.report_unknown_keys(ctx);
        this.report_missing_keys(ctx);
        this
    }

    fn report_unknown_keys(&self, ctx: &mut Ctx) {
        for key in self.table.keys() {
            let name: &str = key.get_ref();
            if self.def.names().any(|k| k == name) {
                continue;
            }
            let place = if self.def.path.is_empty() {
                "the top level".to_string()
            } else {
                format!("[{}]", self.def.path)
            };
            let help = match closest(name, self.def.names()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!(
                    "the keys of {place} are: {}",
                    self.def.names().collect::<Vec<_>>().join(", ")
                ),
            };
            ctx.push(
                Diagnostic::new(
                    Code::UnknownKey,
                    Some(key.span()),
                    format!("unknown key `{name}` in {place}"),
                )
                .help(help),
            );
        }
    }

    fn report_missing_keys(&self, ctx: &mut Ctx) {
        for key in self.def.keys.iter().filter(|k| k.required) {
            if self.get(key.name).is_none() {
                ctx.push(
                    Diagnostic::new(
                        Code::MissingKey,
                        Some(self.span.clone()),
                        format!("[{}] needs `{}`", self.def.path, key.name),
                    )
                    .help(format!(
                        "add `{} = …`: {}",
                        key.name,
                        key.doc.to_lowercase()
                    )),
                );
            }
        }
    }

    /// The raw value of a key.
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    /// The span of a key's value, or of the table when the key is absent.
    pub fn span_of(&self, key: &str) -> Range<usize> {
        self.get(key)
            .map_or_else(|| self.span.clone(), Spanned::span)
    }

    /// A string value.
    pub fn str(&self, ctx: &mut Ctx, key: &str) -> Option<Sp<String>> {
        let value = self.get(key)?;
        if let DeValue::String(s) = value.get_ref() {
            Some(Sp::new(s.to_string(), value.span()))
        } else {
            ctx.wrong_type(key, "a string", value);
            None
        }
    }

    /// A boolean value.
    pub fn bool(&self, ctx: &mut Ctx, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        if let DeValue::Boolean(b) = value.get_ref() {
            Some(*b)
        } else {
            ctx.wrong_type(key, "true or false", value);
            None
        }
    }

    /// A whole number within `min..=max`.
    pub fn int(&self, ctx: &mut Ctx, key: &str, min: i64, max: i64) -> Option<Sp<i64>> {
        let value = self.get(key)?;
        let DeValue::Integer(i) = value.get_ref() else {
            ctx.wrong_type(key, "a whole number", value);
            return None;
        };
        match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) if (min..=max).contains(&n) => Some(Sp::new(n, value.span())),
            _ => {
                ctx.invalid(
                    value.span(),
                    format!("`{key}` is {}, outside {min}..={max}", i.as_str()),
                    format!("write a whole number from {min} to {max}"),
                );
                None
            }
        }
    }

    /// An exact number: integer, float literal or decimal string.
    pub fn num(&self, ctx: &mut Ctx, key: &str) -> Option<Sp<Decimal>> {
        let value = self.get(key)?;
        number(ctx, key, value)
    }

    /// A choice among fixed names, returned as its index in `choices`.
    pub fn choice(&self, ctx: &mut Ctx, key: &str, choices: &[&str]) -> Option<Sp<usize>> {
        let text = self.str(ctx, key)?;
        if let Some(i) = choices.iter().position(|c| *c == text.value) {
            return Some(Sp::new(i, text.span));
        }
        let help = match closest(&text.value, choices.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"? allowed: {}", choices.join(", ")),
            None => format!("allowed: {}", choices.join(", ")),
        };
        ctx.invalid(
            text.span,
            format!("`{key}` cannot be \"{}\"", text.value),
            help,
        );
        None
    }

    /// A date: a TOML local date, or a string holding one.
    pub fn date(&self, ctx: &mut Ctx, key: &str) -> Option<Sp<NaiveDate>> {
        let value = self.get(key)?;
        date(ctx, key, value)
    }

    /// The items of an array, or `None` (with a finding) when the value is not an array.
    pub fn array(&self, ctx: &mut Ctx, key: &str, expected: &str) -> Option<&'a [Value<'i>]> {
        let value = self.get(key)?;
        if let DeValue::Array(items) = value.get_ref() {
            Some(items)
        } else {
            ctx.wrong_type(key, expected, value);
            None
        }
    }

    /// A list of strings; items of another type are reported and skipped.
    pub fn str_list(&self, ctx: &mut Ctx, key: &str) -> Vec<Sp<String>> {
        let items = self
            .array(ctx, key, "an array of strings")
            .unwrap_or_default();
        items
            .iter()
            .filter_map(|item| {
                if let DeValue::String(s) = item.get_ref() {
                    Some(Sp::new(s.to_string(), item.span()))
                } else {
                    ctx.wrong_type(key, "an array of strings", item);
                    None
                }
            })
            .collect()
    }

    /// The sub-tables of an array of tables, each with its span.
    pub fn tables(&self, ctx: &mut Ctx, key: &str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let items = self
            .array(ctx, key, "an array of tables")
            .unwrap_or_default();
        items
            .iter()
            .filter_map(|item| {
                if let DeValue::Table(t) = item.get_ref() {
                    Some((t, item.span()))
                } else {
                    ctx.wrong_type(key, "a table", item);
                    None
                }
            })
            .collect()
    }
}

/// An exact number from an integer, a float literal or a decimal string.
pub fn number(ctx: &mut Ctx, key: &str, value: &Value<'_>) -> Option<Sp<Decimal>> {
    let parsed = match value.get_ref() {
        DeValue::Integer(i) if i.radix() == 10 => parse_decimal(i.as_str()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(Decimal::from),
        DeValue::Float(f) => parse_decimal(f.as_str()),
        DeValue::String(s) => parse_decimal(s),
        _ => {
            ctx.wrong_type(key, "a number", value);
            return None;
        }
    };
    if parsed.is_none() {
        let code = if matches!(value.get_ref(), DeValue::String(_)) {
            Code::WrongType
        } else {
            Code::TargetNotFinite
        };
        ctx.push(
            Diagnostic::new(
                code,
                Some(value.span()),
                format!(
                    "`{key}` is not a finite number of at most 28 digits: {}",
                    describe(value.get_ref())
                ),
            )
            .help("write a finite number such as 1200000 or \"1200000.50\" (at most 28 digits)"),
        );
    }
    let parsed = parsed?;
    if parsed.abs() > MAX_NUMBER {
        ctx.push(
            Diagnostic::new(
                Code::TargetNotFinite,
                Some(value.span()),
                format!(
                    "`{key}` is too large to plan exactly: {}",
                    describe(value.get_ref())
                ),
            )
            .help("write a number of at most one trillion (1000000000000)"),
        );
        return None;
    }
    Some(Sp::new(parsed, value.span()))
}

/// A date from a TOML local date or a string holding one, in years 0001 to 9999.
pub fn date(ctx: &mut Ctx, key: &str, value: &Value<'_>) -> Option<Sp<NaiveDate>> {
    let parsed = match value.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            dt.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            })
        }
        DeValue::String(s) => dates::parse_iso(s.trim()),
        _ => {
            ctx.wrong_type(key, "a date such as 2027-01-01", value);
            return None;
        }
    };
    let Some(day) = parsed else {
        ctx.invalid(
            value.span(),
            format!("`{key}` is not a valid date: {}", describe(value.get_ref())),
            "write a day as YYYY-MM-DD, such as 2027-01-01".to_string(),
        );
        return None;
    };
    if !dates::printable(day) {
        ctx.invalid(
            value.span(),
            format!("`{key}` is {day}, outside the years 0001 to 9999"),
            "write a day from 0001-01-01 to 9999-12-31".to_string(),
        );
        return None;
    }
    Some(Sp::new(day, value.span()))
}

/// The closest name to `name` among `candidates`, if any is close enough to suggest.
pub fn closest<'c>(name: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let lower = name.to_lowercase();
    candidates
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_typos_only() {
        let keys = ["target", "metric", "baseline"];
        assert_eq!(closest("traget", keys.iter().copied()), Some("target"));
        assert_eq!(closest("zzz", keys.iter().copied()), None);
    }
}
