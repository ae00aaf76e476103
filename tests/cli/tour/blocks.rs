//! The `console` blocks of a document as the tour harness reads them: where each is, what it
//! runs and what it shows (abridged or whole), what of an output a block shows, the blessed
//! document, the first line where a block and the program differ, and `$ goals` commands
//! left outside any console block.

use std::fmt::Write as _;

/// The last line of an abridged block.
const ABRIDGED: &str = "…";

/// One `console` block: where its content lines are, what it runs and what it expects.
#[derive(Debug, PartialEq)]
pub struct Block {
    /// Index of the first content line (the `$ goals` line) in the document.
    pub first: usize,
    /// Index one past the last content line (the closing fence).
    pub end: usize,
    pub args: Vec<String>,
    /// The content after the command line, `[exit N]` included and a last `…` left out,
    /// lines joined by `\n`.
    pub expected: String,
    /// Whether the block ends with `…`: it shows the head of the output.
    pub abridged: bool,
}

/// Finds every `console` block of `doc`.
pub fn console_blocks(doc: &str) -> Vec<Block> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_end() != "```console" {
            i += 1;
            continue;
        }
        let first = i + 1;
        let end = (first..lines.len())
            .find(|&j| lines[j].trim_end() == "```")
            .unwrap_or_else(|| panic!("line {}: unclosed console block", i + 1));
        let command = lines.get(first).copied().unwrap_or_default();
        let rest = command
            .strip_prefix("$ goals")
            .filter(|r| r.is_empty() || r.starts_with(' '))
            .unwrap_or_else(|| panic!("line {}: a console block starts with `$ goals`", i + 2));
        let mut shown = &lines[first + 1..end];
        let abridged = shown.last().is_some_and(|l| l.trim_end() == ABRIDGED);
        if abridged {
            shown = &shown[..shown.len() - 1];
        }
        blocks.push(Block {
            first,
            end,
            args: rest.split_whitespace().map(str::to_owned).collect(),
            expected: shown.join("\n"),
            abridged,
        });
        i = end + 1;
    }
    blocks
}

/// The subcommand: the first argument that is neither an option nor an option's value.
pub fn subcommand(args: &[String]) -> &str {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--as-of" | "--color" => {
                iter.next();
            }
            a if a.starts_with('-') => {}
            a => return a,
        }
    }
    ""
}

/// What a block shows of `actual`, the whole output rendered the way a block writes it: all of it, or
/// for an abridged block as many first lines as the block shows, with the `[exit N]` line
/// of a failed command kept, so it cannot pass.
pub fn shown(block: &Block, actual: &str) -> String {
    if !block.abridged {
        return actual.to_owned();
    }
    let lines: Vec<&str> = actual.lines().collect();
    let mut head: Vec<&str> = lines
        .iter()
        .take(block.expected.lines().count())
        .copied()
        .collect();
    if let Some(exit) = lines.last().filter(|l| l.starts_with("[exit ")) {
        head.push(exit);
    }
    head.join("\n")
}

/// The first differing line of two texts with a little context, or `None` when equal.
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (want, got): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let at = (0..want.len().max(got.len()))
        .find(|&i| want.get(i) != got.get(i))
        .unwrap_or(0);
    let mut out = String::new();
    for line in &want[at.saturating_sub(2)..at] {
        writeln!(out, "   {line}").unwrap();
    }
    for (sign, lines) in [("- ", &want), ("+ ", &got)] {
        for line in lines.iter().skip(at).take(4) {
            writeln!(out, "{sign} {line}").unwrap();
        }
        if lines.len() > at + 4 {
            writeln!(out, "{sign} … ({} more lines)", lines.len() - at - 4).unwrap();
        }
    }
    Some(format!(
        "output line {} differs (- document, + program):\n{out}",
        at + 1
    ))
}

/// Replaces each block's expected output with the actual one.
pub fn blessed(doc: &str, blocks: &[Block], actual: &[String]) -> String {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    let mut next = 0;
    let shown: Vec<String> = blocks
        .iter()
        .zip(actual)
        .map(|(block, text)| shown(block, text))
        .collect();
    for (block, text) in blocks.iter().zip(&shown) {
        out.extend_from_slice(&lines[next..=block.first]);
        out.extend(text.lines());
        if block.abridged {
            out.push(ABRIDGED);
        }
        next = block.end;
    }
    out.extend_from_slice(&lines[next..]);
    out.join("\n") + "\n"
}

/// The first `$ goals` line of `doc` inside a fenced block that is not `console`, with the
/// block's language.
pub fn unchecked_command(doc: &str) -> Option<(usize, String)> {
    let mut fence: Option<&str> = None;
    for (i, line) in doc.lines().enumerate() {
        let line = line.trim_end();
        match (fence, line.strip_prefix("```")) {
            (None, Some(lang)) => fence = Some(lang),
            (Some(_), Some("")) => fence = None,
            (Some(lang), _) if lang != "console" && line.starts_with("$ goals") => {
                return Some((i + 1, lang.to_owned()));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_parsed_with_their_exit_code_line() {
        let doc = "text\n```console\n$ goals --as-of 2027-01-01 check a.toml\nline\n[exit 1]\n```\n\
                   ```console\n$ goals explain x\n```\n";
        let blocks = console_blocks(doc);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].args, ["--as-of", "2027-01-01", "check", "a.toml"]);
        assert_eq!(blocks[0].expected, "line\n[exit 1]");
        assert_eq!(subcommand(&blocks[0].args), "check");
        assert_eq!(blocks[1].expected, "");
        assert!(!blocks[0].abridged && !blocks[1].abridged);
        let actual = ["new\n[exit 2]".to_owned(), "out".to_owned()];
        assert_eq!(
            blessed(doc, &blocks, &actual),
            "text\n```console\n$ goals --as-of 2027-01-01 check a.toml\nnew\n[exit 2]\n```\n\
             ```console\n$ goals explain x\nout\n```\n"
        );
    }

    #[test]
    fn an_abridged_block_checks_the_head_of_the_output_and_the_exit_code() {
        let doc = "```console\n$ goals --as-of 2027-01-01 plan a.toml\nhead\nsecond\n…\n```\n";
        let blocks = console_blocks(doc);
        assert!(blocks[0].abridged);
        assert_eq!(blocks[0].expected, "head\nsecond");
        let block = &blocks[0];
        assert_eq!(shown(block, "head\nsecond\nthird\nfourth"), "head\nsecond");
        assert_eq!(
            first_difference(&block.expected, &shown(block, "head\nsecond\nmore")),
            None
        );
        assert!(first_difference(&block.expected, &shown(block, "head\nSECOND\nmore")).is_some());
        let failed = shown(block, "head\nsecond\nthird\n[exit 1]");
        assert_eq!(failed, "head\nsecond\n[exit 1]");
        assert!(first_difference(&block.expected, &failed).is_some());
        assert_eq!(
            blessed(doc, &blocks, &["new\nlines\nand more".to_owned()]),
            "```console\n$ goals --as-of 2027-01-01 plan a.toml\nnew\nlines\n…\n```\n"
        );
    }

    #[test]
    fn commands_outside_console_blocks_are_found() {
        let doc = "```sh\ncargo test\n```\n```console\n$ goals explain x\n```\n\
                   ```text\n$ goals plan a.toml\nout\n```\n";
        assert_eq!(unchecked_command(doc), Some((8, "text".to_owned())));
        assert_eq!(
            unchecked_command("```sh\ngoals plan\n```\n$ goals plan\n"),
            None
        );
    }

    #[test]
    fn drift_is_reported_at_the_first_differing_line() {
        assert_eq!(first_difference("a\nb", "a\nb"), None);
        let diff = first_difference("a\nb\nc", "a\nB\nc").unwrap();
        assert!(diff.starts_with("output line 2 differs"), "{diff}");
        assert!(diff.contains("-  b\n") && diff.contains("+  B\n"), "{diff}");
        let missing_exit = first_difference("out\n[exit 1]", "out").unwrap();
        assert!(missing_exit.contains("-  [exit 1]"), "{missing_exit}");
    }
}
