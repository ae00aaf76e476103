//! `goals check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers, with
//! one rule per finding code and columns counted in Unicode code points.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::{Code, Severity};
use crate::smart::report::FileFindings;

use super::check_json::{Finding, findings};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rules() -> Vec<Value> {
    Code::ALL
        .iter()
        .map(|code| {
            let info = code.info();
            json!({
                "id": info.name,
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": info.why },
                "help": { "text": format!("{}\n\nExample:\n{}", info.help, info.example) },
                "defaultConfiguration": { "level": level(info.severity) },
                "properties": { "tags": ["smart", info.criterion.name()] }
            })
        })
        .collect()
}

fn result(f: &Finding<'_>) -> Value {
    let severity = Code::from_name(f.code).map_or(Severity::Error, |c| c.info().severity);
    let mut location = json!({ "artifactLocation": { "uri": f.file } });
    if let (Some(line), Some(col), Some(end_line), Some(end_col)) =
        (f.line, f.column, f.end_line, f.end_column)
    {
        location["region"] = json!({ "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col });
    }
    let rule_index = Code::ALL.iter().position(|c| c.name() == f.code);
    json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(severity),
        "message": { "text": format!("{}\nhelp: {}", f.message, f.help) },
        "locations": [{ "physicalLocation": location }],
        "properties": { "criterion": f.criterion, "goal": f.goal, "metric": f.metric }
    })
}

/// Renders the SARIF log.
pub fn render(files: &[FileFindings], out: &mut dyn Write) -> io::Result<()> {
    let results: Vec<Value> = findings(files).iter().map(result).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "goals",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules()
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
