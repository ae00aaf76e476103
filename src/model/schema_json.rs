//! The goal file's JSON Schema (draft-07), generated from the key tables of `schema.rs` so
//! that editors validate and complete exactly the keys `goals check` accepts.

use serde_json::{Map, Value, json};

use super::schema::{MONTH_NAMES, ROOT, TableDef, Ty};

/// The JSON Schema document of the goal file.
pub fn json_schema() -> Value {
    let mut schema = table(&ROOT);
    schema["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    schema["title"] = json!("goals goal file");
    schema
}

fn table(def: &TableDef) -> Value {
    let mut properties = Map::new();
    for key in def.keys {
        let mut property = ty(&key.ty);
        property["description"] = json!(key.doc);
        properties.insert(key.name.to_string(), property);
    }
    let required: Vec<&str> = def
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "description": def.doc,
        "additionalProperties": false,
        "properties": properties,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if def.path == "seasonality" {
        schema["required"] = json!(MONTH_NAMES);
    }
    schema
}

fn number() -> Value {
    json!({ "anyOf": [{ "type": "number" }, { "type": "string", "pattern": "^[+-]?[0-9_]+(\\.[0-9_]+)?([eE][+-]?[0-9]+)?$" }] })
}

fn ty(ty: &Ty) -> Value {
    match ty {
        Ty::Str => json!({ "type": "string" }),
        Ty::Int => json!({ "type": "integer" }),
        Ty::Num => number(),
        Ty::NumOrRelative => {
            json!({ "anyOf": [number(), { "type": "string", "pattern": "^[+-][0-9]+(\\.[0-9]+)?%$" }] })
        }
        Ty::Fraction => {
            json!({ "anyOf": [{ "type": "number" }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%$" }] })
        }
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Choice(choices) => json!({ "type": "string", "enum": choices }),
        Ty::StrList => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::DateList => json!({ "type": "array", "items": { "type": "string", "format": "date" } }),
        Ty::NumList => json!({ "type": "array", "items": { "type": "number" } }),
        Ty::StrMap => json!({ "type": "object", "additionalProperties": { "type": "string" } }),
        Ty::FractionMap => {
            json!({ "type": "object", "additionalProperties": { "anyOf": [{ "type": "number" }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%$" }] } })
        }
        Ty::Table(def) => table(def),
        Ty::Tables(def) => json!({ "type": "array", "items": table(def) }),
        Ty::Named(def) => json!({ "type": "object", "additionalProperties": table(def) }),
    }
}
