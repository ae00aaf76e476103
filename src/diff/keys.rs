//! The keys that differ between two goal files, each with its path (`goals.ID.targets[0].target`),
//! the old and new value as canonical TOML text, and its place in the new file. Entries of
//! arrays of tables that have an `id` are matched by id, the others by position.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One changed key: `old` is `None` when the key was added, `new` when it was removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyChange {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Where the new value is, or the table that lost the key; `None` for a removed entry.
    pub span: Option<Range<usize>>,
}

/// Every changed key between two parsed files, in the new file's order (removed keys after
/// the kept ones of their table). Goals added or removed are left to the caller.
pub fn changed(old: &DeTable<'_>, new: &DeTable<'_>, new_span: Range<usize>) -> Vec<KeyChange> {
    let mut out = Vec::new();
    tables("", old, new, &new_span, &mut out);
    out
}

fn tables(
    prefix: &str,
    old: &DeTable<'_>,
    new: &DeTable<'_>,
    span: &Range<usize>,
    out: &mut Vec<KeyChange>,
) {
    let olds: HashMap<&str, &Spanned<DeValue<'_>>> =
        old.iter().map(|(k, v)| (k.get_ref().as_ref(), v)).collect();
    for (key, value) in new {
        let name = key.get_ref().as_ref();
        let path = join(prefix, name);
        match olds.get(name) {
            Some(before) => values(&path, before, value, out),
            None => added(path, value, out),
        }
    }
    for (key, value) in old {
        if !new.contains_key(key.get_ref().as_ref()) {
            out.push(KeyChange {
                path: join(prefix, key.get_ref()),
                old: Some(canonical(value.get_ref())),
                new: None,
                span: Some(span.clone()),
            });
        }
    }
}

fn values(
    path: &str,
    old: &Spanned<DeValue<'_>>,
    new: &Spanned<DeValue<'_>>,
    out: &mut Vec<KeyChange>,
) {
    match (old.get_ref(), new.get_ref()) {
        (DeValue::Table(a), DeValue::Table(b)) => tables(path, a, b, &new.span(), out),
        (DeValue::Array(a), DeValue::Array(b)) if all_tables(a) && all_tables(b) => {
            entries(path, a, b, &new.span(), out);
        }
        (a, b) => {
            let (before, after) = (canonical(a), canonical(b));
            if before != after {
                out.push(KeyChange {
                    path: path.to_string(),
                    old: Some(before),
                    new: Some(after),
                    span: Some(new.span()),
                });
            }
        }
    }
}

/// Arrays of tables: by `id` when every entry of both has one, else by position.
fn entries(
    path: &str,
    old: &[Spanned<DeValue<'_>>],
    new: &[Spanned<DeValue<'_>>],
    span: &Range<usize>,
    out: &mut Vec<KeyChange>,
) {
    let ids = |items: &[Spanned<DeValue<'_>>]| -> Option<Vec<String>> {
        items.iter().map(|v| id_of(v.get_ref())).collect()
    };
    if let (Some(old_ids), Some(new_ids)) = (ids(old), ids(new)) {
        let olds: HashMap<&str, usize> = old_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        for (id, value) in new_ids.iter().zip(new) {
            let entry = format!("{path}.{id}");
            match olds.get(id.as_str()) {
                Some(&i) => values(&entry, &old[i], value, out),
                None => added(entry, value, out),
            }
        }
        for (id, value) in old_ids.iter().zip(old) {
            if !new_ids.contains(id) {
                removed(format!("{path}.{id}"), value, span, out);
            }
        }
        return;
    }
    for (i, value) in new.iter().enumerate() {
        let entry = format!("{path}[{i}]");
        match old.get(i) {
            Some(before) => values(&entry, before, value, out),
            None => added(entry, value, out),
        }
    }
    for (i, value) in old.iter().enumerate().skip(new.len()) {
        removed(format!("{path}[{i}]"), value, span, out);
    }
}

fn added(path: String, value: &Spanned<DeValue<'_>>, out: &mut Vec<KeyChange>) {
    out.push(KeyChange {
        path,
        old: None,
        new: Some(canonical(value.get_ref())),
        span: Some(value.span()),
    });
}

fn removed(
    path: String,
    value: &Spanned<DeValue<'_>>,
    span: &Range<usize>,
    out: &mut Vec<KeyChange>,
) {
    out.push(KeyChange {
        path,
        old: Some(canonical(value.get_ref())),
        new: None,
        span: Some(span.clone()),
    });
}

fn all_tables(items: &[Spanned<DeValue<'_>>]) -> bool {
    !items.is_empty() && items.iter().all(|v| v.get_ref().is_table())
}

fn id_of(value: &DeValue<'_>) -> Option<String> {
    let id = value.as_table()?.get("id")?;
    id.get_ref()
        .as_str()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn join(prefix: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        key.to_string()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    };
    if prefix.is_empty() {
        key
    } else {
        format!("{prefix}.{key}")
    }
}

/// A value as TOML text that is equal for equal values, whatever the layout: integers in
/// decimal, strings in basic quotes, tables with sorted keys, no comments or line breaks.
pub fn canonical(value: &DeValue<'_>) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &DeValue<'_>, out: &mut String) {
    match value {
        DeValue::String(s) => {
            out.push_str(&serde_json::to_string(s.as_ref()).unwrap_or_default());
        }
        DeValue::Integer(i) => match i128::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => {
                let _ = write!(out, "{n}");
            }
            Err(_) => {
                let _ = write!(out, "{i}");
            }
        },
        DeValue::Float(f) => out.push_str(f.as_str()),
        DeValue::Boolean(b) => {
            let _ = write!(out, "{b}");
        }
        DeValue::Datetime(d) => {
            let _ = write!(out, "{d}");
        }
        DeValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_canonical(item.get_ref(), out);
            }
            out.push(']');
        }
        DeValue::Table(table) => {
            let mut keys: Vec<(&str, &DeValue<'_>)> = table
                .iter()
                .map(|(k, v)| (k.get_ref().as_ref(), v.get_ref()))
                .collect();
            keys.sort_by_key(|(k, _)| *k);
            out.push_str("{ ");
            for (i, (k, v)) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&join("", k));
                out.push_str(" = ");
                write_canonical(v, out);
            }
            out.push_str(" }");
        }
    }
}

#[cfg(test)]
mod tests {
    use toml::de::DeTable;

    use super::changed;

    fn diff(old: &str, new: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let a = DeTable::parse(old).unwrap();
        let b = DeTable::parse(new).unwrap();
        changed(a.get_ref(), b.get_ref(), b.span())
            .into_iter()
            .map(|k| (k.path, k.old, k.new))
            .collect()
    }

    #[test]
    fn entries_with_ids_match_by_id_and_layout_does_not_count() {
        let old =
            "[[goals]]\nid = \"a\"\n[[goals.targets]]\ntarget = 1_000\n[[goals]]\nid = \"b\"\n";
        let new =
            "[[goals]]\nid = \"b\"\n[[goals]]\nid = \"a\"\n[[goals.targets]]\ntarget = 1100\n";
        assert_eq!(
            diff(old, new),
            [(
                "goals.a.targets[0].target".to_string(),
                Some("1000".into()),
                Some("1100".into())
            )]
        );
        assert!(diff("h = [1,\n 2]  # x\n", "h = [1, 2]\n").is_empty());
    }

    #[test]
    fn added_and_removed_keys_have_one_side() {
        let d = diff("[plan]\nname = \"x\"\n", "[plan]\nstart = 2027-01-01\n");
        assert_eq!(
            d,
            [
                ("plan.start".to_string(), None, Some("2027-01-01".into())),
                ("plan.name".to_string(), Some("\"x\"".into()), None),
            ]
        );
    }
}
