//! `goals check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers, with
//! one rule per finding code, columns counted in Unicode code points, a region on every
//! result and file URIs relative to the working directory (`%SRCROOT%`).

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};

use crate::diagnostic::{Code, Severity};
use crate::smart::report::FileFindings;

use super::check_json::{Finding, findings};

/// The base id that relative artifact URIs are resolved against.
const SRCROOT: &str = "%SRCROOT%";

/// What a URI path segment may not hold literally (RFC 3986 `pchar` keeps the rest).
const NOT_PCHAR: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

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

/// The path segments of `path`, each percent-encoded, joined by `/`.
fn encode(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => {
                Some(utf8_percent_encode(&part.to_string_lossy(), NOT_PCHAR).to_string())
            }
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved by their names.
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A `file:` URI of an absolute path; a directory's ends with `/`.
fn file_uri(path: &Path, directory: bool) -> String {
    let encoded = encode(path);
    let slash = if directory && !encoded.is_empty() {
        "/"
    } else {
        ""
    };
    format!("file:///{encoded}{slash}")
}

/// Where a file's findings point: relative to `%SRCROOT%` when the file lies in the working
/// directory, an absolute `file:` URI when it lies elsewhere, `stdin` for standard input.
fn artifact(name: &str, cwd: &Path) -> Value {
    if name == "<stdin>" {
        return json!({
            "uri": "stdin",
            "description": { "text": "the goal file read from standard input" }
        });
    }
    let path = absolute(Path::new(name), cwd);
    match path.strip_prefix(absolute(Path::new(""), cwd)) {
        Ok(relative) => json!({ "uri": encode(relative), "uriBaseId": SRCROOT }),
        Err(_) => json!({ "uri": file_uri(&path, false) }),
    }
}

fn result(f: &Finding<'_>, cwd: &Path) -> Value {
    let severity = Code::from_name(f.code).map_or(Severity::Error, |c| c.info().severity);
    // A finding about the whole file points at its first line: viewers need a region.
    let region = match (f.line, f.column, f.end_line, f.end_column) {
        (Some(line), Some(col), Some(end_line), Some(end_col)) => {
            json!({ "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col })
        }
        _ => json!({ "startLine": 1 }),
    };
    let location = json!({ "artifactLocation": artifact(f.file, cwd), "region": region });
    let rule_index = Code::ALL.iter().position(|c| c.name() == f.code);
    let mut result = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(severity),
        "message": { "text": format!("{}\nhelp: {}", f.message, f.help) },
        "locations": [{ "physicalLocation": location }],
        "properties": { "criterion": f.criterion, "goal": f.goal, "metric": f.metric }
    });
    if f.suppressed {
        result["suppressions"] = json!([{
            "kind": "inSource",
            "justification": "accepted by an `allow` list in the goal file"
        }]);
    }
    result
}

/// Renders the SARIF log; relative URIs are relative to `cwd`, the working directory.
pub fn render(files: &[FileFindings], cwd: &Path, out: &mut dyn Write) -> io::Result<()> {
    let results: Vec<Value> = findings(files).iter().map(|f| result(f, cwd)).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "goals",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules()
            }},
            "originalUriBaseIds": {
                SRCROOT: { "uri": file_uri(&absolute(Path::new(""), cwd), true) }
            },
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::artifact;

    #[test]
    fn files_in_the_working_directory_are_relative_to_srcroot() {
        let cwd = Path::new("/home/ana/sales");
        let a = artifact("./plans/../goals.toml", cwd);
        assert_eq!(a["uri"], "goals.toml");
        assert_eq!(a["uriBaseId"], "%SRCROOT%");
        let a = artifact("/home/ana/sales/q 1/goals.toml", cwd);
        assert_eq!(a["uri"], "q%201/goals.toml");
    }

    #[test]
    fn files_elsewhere_and_stdin_get_valid_uris() {
        let cwd = Path::new("/home/ana/sales");
        assert_eq!(
            artifact("../other/goals.toml", cwd)["uri"],
            "file:///home/ana/other/goals.toml"
        );
        assert_eq!(artifact("<stdin>", cwd)["uri"], "stdin");
    }
}
