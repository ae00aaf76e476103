//! The guided tour in docs/tour.md and the planning guide in docs/planning.md run as written:
//! every `console` block is run and its output compared with what the program prints, so the
//! documents never drift from the product.
//!
//! The convention, also stated at the top of the tour:
//! - A block is a fenced `console` block whose first line is `$ goals ARGS...`. ARGS are split
//!   at spaces (no shell quoting); every other line is the expected output.
//! - The output is **standard error, then standard output**, each exactly as printed (that is
//!   what a terminal shows for these commands: notes and findings go out at once, the report
//!   when it is complete). Trailing newlines are ignored.
//! - A last line `[exit N]` gives a non-zero exit code; without it the command must exit 0.
//! - Commands run from the crate root with `COLUMNS=80` and `NO_COLOR=1`. Every command that
//!   reads a goal file must pass `--as-of`, so that no output depends on the day the test runs.
//! - `goals init` runs in an empty scratch directory instead, and the file it writes must be
//!   docs/tour/step1.toml byte for byte.
//! - A fenced block preceded by `<!-- excerpt: PATH -->` must appear verbatim in that file.
//!
//! `TOUR_BLESS=1 cargo test --test cli tour::` rewrites the console blocks of both documents (and step1.toml) with the
//! actual output, for after an intended change; review the diff like code. Excerpts are
//! hand-written and never rewritten.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::common::{goals, root};

const TOUR: &str = "docs/tour.md";
const PLANNING: &str = "docs/planning.md";
const STEP1: &str = "docs/tour/step1.toml";
const EXCERPT: &str = "<!-- excerpt: ";

/// Commands whose output depends on no goal file and no date.
const WITHOUT_AS_OF: [&str; 2] = ["init", "explain"];

/// One `console` block: where its content lines are, what it runs and what it expects.
#[derive(Debug, PartialEq)]
struct Block {
    /// Index of the first content line (the `$ goals` line) in the document.
    first: usize,
    /// Index one past the last content line (the closing fence).
    end: usize,
    args: Vec<String>,
    /// The content after the command line, `[exit N]` included, lines joined by `\n`.
    expected: String,
}

/// Finds every `console` block of `doc`.
fn console_blocks(doc: &str) -> Vec<Block> {
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
        blocks.push(Block {
            first,
            end,
            args: rest.split_whitespace().map(str::to_owned).collect(),
            expected: lines[first + 1..end].join("\n"),
        });
        i = end + 1;
    }
    blocks
}

/// The subcommand: the first argument that is neither an option nor an option's value.
fn subcommand(args: &[String]) -> &str {
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

/// Runs the block's command and renders what it printed the way a block writes it.
fn run(args: &[String], dir: &Path) -> String {
    let output = goals().args(args).current_dir(dir).output().unwrap();
    let mut text = String::from_utf8(output.stderr).unwrap();
    text.push_str(&String::from_utf8(output.stdout).unwrap());
    let mut text = text.trim_end_matches('\n').to_owned();
    match output.status.code() {
        Some(0) => {}
        Some(code) => {
            let sep = if text.is_empty() { "" } else { "\n" };
            write!(text, "{sep}[exit {code}]").unwrap();
        }
        None => panic!("goals {} was killed by a signal", args.join(" ")),
    }
    text
}

/// The first differing line of two texts with a little context, or `None` when equal.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
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
        "output line {} differs (- tour, + program):\n{out}",
        at + 1
    ))
}

/// Runs one block; returns its actual content and, for `init`, the file it wrote.
fn check_block(doc: &str, block: &Block) -> (String, Option<String>) {
    let command = subcommand(&block.args);
    assert!(
        WITHOUT_AS_OF.contains(&command) || block.args.iter().any(|a| a == "--as-of"),
        "{doc}:{}: `goals {}` must pass --as-of so its output does not depend on today",
        block.first + 1,
        block.args.join(" ")
    );
    if command == "init" {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let actual = run(&block.args, dir);
        let mut after = block.args.iter().skip_while(|a| *a != "init").skip(1);
        let path = after.find(|a| !a.starts_with('-'));
        let written = dir.join(path.map_or("goals.toml", String::as_str));
        (actual, Some(fs::read_to_string(written).unwrap()))
    } else {
        (run(&block.args, &root()), None)
    }
}

/// Replaces each block's expected output with the actual one.
fn blessed(doc: &str, blocks: &[Block], actual: &[String]) -> String {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    let mut next = 0;
    for (block, text) in blocks.iter().zip(actual) {
        out.extend_from_slice(&lines[next..=block.first]);
        out.extend(text.lines());
        next = block.end;
    }
    out.extend_from_slice(&lines[next..]);
    out.join("\n") + "\n"
}

#[test]
fn every_console_block_prints_what_the_tour_shows() {
    check_console_blocks(TOUR, 10);
}

#[test]
fn every_console_block_prints_what_the_planning_guide_shows() {
    check_console_blocks(PLANNING, 5);
}

/// Runs every console block of the document at `path` (or rewrites them with `TOUR_BLESS=1`).
fn check_console_blocks(path: &str, at_least: usize) {
    let doc = fs::read_to_string(root().join(path)).unwrap();
    let blocks = console_blocks(&doc);
    assert!(blocks.len() >= at_least, "{path} lost its commands");
    let bless = std::env::var_os("TOUR_BLESS").is_some_and(|v| v == "1");
    let mut actuals = Vec::new();
    let mut mismatches = Vec::new();
    for block in &blocks {
        let (actual, written) = check_block(path, block);
        if let Some(diff) = first_difference(&block.expected, &actual) {
            let place = format!(
                "{path}:{}: $ goals {}",
                block.first + 1,
                block.args.join(" ")
            );
            mismatches.push(format!("{place}\n{diff}"));
        }
        if let Some(written) = written {
            let step1 = fs::read_to_string(root().join(STEP1)).unwrap();
            if bless {
                fs::write(root().join(STEP1), &written).unwrap();
            } else if let Some(diff) = first_difference(&step1, &written) {
                mismatches.push(format!("{STEP1} is not what `goals init` writes\n{diff}"));
            }
        }
        actuals.push(actual);
    }
    if bless {
        fs::write(root().join(path), blessed(&doc, &blocks, &actuals)).unwrap();
        return;
    }
    assert!(
        mismatches.is_empty(),
        "{path} drifted from the program in {} place(s) ({} blocks); the first:\n\n{}\n\
         If the change is intended, run `TOUR_BLESS=1 cargo test --test cli tour::` and review the diff.",
        mismatches.len(),
        blocks.len(),
        mismatches[0]
    );
}

#[test]
fn every_excerpt_is_in_its_fixture() {
    assert!(excerpts(TOUR) >= 3, "the tour lost its file excerpts");
    assert!(
        excerpts(PLANNING) >= 2,
        "the planning guide lost its file excerpts"
    );
}

/// Checks every excerpt of the document at `path` against its file; returns how many.
fn excerpts(path: &str) -> usize {
    let doc = fs::read_to_string(root().join(path)).unwrap();
    let lines: Vec<&str> = doc.lines().collect();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(file) = line
            .strip_prefix(EXCERPT)
            .and_then(|p| p.strip_suffix(" -->"))
        else {
            continue;
        };
        assert!(
            lines[i + 1].starts_with("```"),
            "{path}:{}: an excerpt comment is followed by a fenced block",
            i + 2
        );
        let end = (i + 2..lines.len()).find(|&j| lines[j] == "```").unwrap();
        let excerpt = lines[i + 2..end].join("\n");
        let text = fs::read_to_string(root().join(file)).unwrap();
        assert!(
            text.contains(&excerpt),
            "{path}:{}: this excerpt is not in {file}; copy it from the file again",
            i + 3
        );
        seen += 1;
    }
    seen
}

#[test]
fn the_readme_links_the_tour() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("(docs/tour.md)"));
    assert!(readme.contains("(docs/planning.md)"));
}

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
    let actual = ["new\n[exit 2]".to_owned(), "out".to_owned()];
    assert_eq!(
        blessed(doc, &blocks, &actual),
        "text\n```console\n$ goals --as-of 2027-01-01 check a.toml\nnew\n[exit 2]\n```\n\
         ```console\n$ goals explain x\nout\n```\n"
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
