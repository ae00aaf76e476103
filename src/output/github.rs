//! `goals check --format github`: one GitHub Actions workflow command per finding, escaped as
//! the runner requires, so findings show as annotations on the pull request.

use std::io::{self, Write};

use crate::smart::report::FileFindings;

use super::check_json::findings;

/// Renders one `::error`/`::warning`/`::notice` line per finding; suppressed findings are
/// accepted, so they annotate nothing.
pub fn render(files: &[FileFindings], out: &mut dyn Write) -> io::Result<()> {
    for f in findings(files).into_iter().filter(|f| !f.suppressed) {
        let command = match f.severity {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let mut props = vec![format!("file={}", property(f.file))];
        if let (Some(line), Some(col), Some(end_line), Some(end_col)) =
            (f.line, f.column, f.end_line, f.end_column)
        {
            props.push(format!(
                "line={line},col={col},endLine={end_line},endColumn={end_col}"
            ));
        }
        props.push(format!(
            "title={}",
            property(&format!("{} ({})", f.code, f.criterion))
        ));
        let message = format!("{}\nhelp: {}", f.message, f.help);
        writeln!(out, "::{command} {}::{}", props.join(","), data(&message))?;
    }
    Ok(())
}

/// Escapes a message: `%`, CR and LF.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, plus `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
