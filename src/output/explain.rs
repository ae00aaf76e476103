//! `goals explain CODE`: one check code's catalogue entry for a person: the title line, what
//! it means, why it matters, how to fix it and an example, prose filled to at most 80 columns.

use std::io::{self, Write};

use crate::diagnostic::CodeInfo;
use crate::output::style::Paint;
use crate::output::wrap;

/// Prose reads best in short lines, even in a wide terminal.
const PROSE: usize = 80;

/// Writes the explanation of one code, filled to `width` (80 at most).
pub fn render(info: &CodeInfo, paint: Paint, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let width = width.min(PROSE);
    writeln!(
        out,
        "{} ({} · {})",
        paint.bold(info.name),
        info.severity.name(),
        info.criterion.name()
    )?;
    writeln!(out)?;
    paragraph(&format!("{}.", capitalise(info.summary)), "", width, out)?;
    writeln!(out, "\nWhy it matters")?;
    paragraph(info.why, "  ", width, out)?;
    writeln!(out, "\nHow to fix it")?;
    paragraph(&format!("{}.", capitalise(info.help)), "  ", width, out)?;
    writeln!(out, "\nExample")?;
    for line in info.example.lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// Writes `text` filled to `width`, every line starting with `indent`.
fn paragraph(text: &str, indent: &str, width: usize, out: &mut dyn Write) -> io::Result<()> {
    for line in wrap::words(text, width.saturating_sub(indent.chars().count())) {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn explained(code: Code, width: usize) -> String {
        let mut out = Vec::new();
        render(code.info(), Paint::default(), width, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_sections_follow_the_title_in_order() {
        let text = explained(Code::GrowthTooHigh, 80);
        assert!(
            text.starts_with("growth-too-high (warning · achievable)\n\n"),
            "{text}"
        );
        let at = |heading: &str| text.find(heading).unwrap();
        assert!(at("\nWhy it matters\n") < at("\nHow to fix it\n"));
        assert!(at("\nHow to fix it\n") < at("\nExample\n  "));
    }

    #[test]
    fn prose_stays_within_80_columns_however_wide_the_terminal() {
        let wide = explained(Code::QuotaAboveCapacity, 200);
        assert_eq!(wide, explained(Code::QuotaAboveCapacity, 80));
        let narrow = explained(Code::QuotaAboveCapacity, 50);
        let why = narrow.split("Why it matters\n").nth(1).unwrap();
        let why: Vec<&str> = why.lines().take_while(|l| !l.is_empty()).collect();
        assert!(why.len() > 1 && why.iter().all(|l| l.starts_with("  ") && l.len() <= 50));
    }

    #[test]
    fn summaries_start_with_a_capital_and_end_with_a_full_stop() {
        assert_eq!(capitalise("the file"), "The file");
        assert_eq!(capitalise(""), "");
        let text = explained(Code::TomlSyntax, 80);
        assert!(text.contains("\n\nThe file is not valid TOML.\n"), "{text}");
    }
}
