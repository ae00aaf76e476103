//! Walks the arrays of tables (`[[reps]]`) and named tables (`[metrics.ID]`) of the top level,
//! handing each entry to its reader with the entry's schema already applied.

use std::ops::Range;

use toml::de::DeValue;

use super::value::{Ctx, Table};
use crate::model::file::Sp;
use crate::model::schema::ROOT;

/// Reads every entry of an array of tables with `read_one`, in file order.
pub fn each<'a, 'i, T>(
    ctx: &mut Ctx,
    top: &Table<'a, 'i>,
    key: &str,
    read_one: fn(&mut Ctx, &Table<'a, 'i>) -> Option<T>,
) -> Vec<T> {
    let def = ROOT.child(key);
    let entries = top.tables(ctx, key);
    let mut out = Vec::with_capacity(entries.len());
    for (table, span) in entries {
        let entry = Table::open(ctx, table, span, def);
        if let Some(item) = read_one(ctx, &entry) {
            out.push(item);
        }
        ctx.goal = None;
    }
    out
}

/// Reads every `[KEY.NAME]` table with `read_one`, which gets the name and its span.
pub fn named<'a, 'i, T>(
    ctx: &mut Ctx,
    top: &Table<'a, 'i>,
    key: &str,
    read_one: fn(&mut Ctx, Sp<String>, &Table<'a, 'i>) -> Option<T>,
) -> Vec<T> {
    let def = ROOT.child(key);
    let Some(value) = top.get(key) else {
        return Vec::new();
    };
    let DeValue::Table(map) = value.get_ref() else {
        ctx.wrong_type(key, "a table of named tables", value);
        return Vec::new();
    };
    let mut out = Vec::with_capacity(map.len());
    for (name, item) in map {
        let name_sp = Sp::new(name.get_ref().to_string(), name.span());
        let DeValue::Table(table) = item.get_ref() else {
            ctx.wrong_type(&format!("{key}.{}", name_sp.value), "a table", item);
            continue;
        };
        let span: Range<usize> = item.span();
        let entry = Table::open(ctx, table, span, def);
        if let Some(parsed) = read_one(ctx, name_sp, &entry) {
            out.push(parsed);
        }
    }
    out
}
