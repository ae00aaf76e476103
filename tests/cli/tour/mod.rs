//! The guided tour in docs/tour.md, the planning guide in docs/planning.md and the README run
//! as written: every `console` block is run and its output compared with what the program
//! prints, so the documents never drift from the product. A fenced block of another kind that
//! shows a `$ goals` command is refused, so no shown output escapes the check; the README's
//! `sh` blocks give commands to type without output (no `$` prompt) and are left alone.
//!
//! The convention, also stated at the top of the tour:
//! - A block is a fenced `console` block whose first line is `$ goals ARGS...`. ARGS are split
//!   at spaces (no shell quoting); every other line is the expected output.
//! - The output is **standard error, then standard output**, each exactly as printed (that is
//!   what a terminal shows for these commands: notes and findings go out at once, the report
//!   when it is complete). Trailing newlines are ignored.
//! - A last line `[exit N]` gives a non-zero exit code; without it the command must exit 0.
//! - A last line `…` abridges the block: the output must begin with the lines shown (the
//!   README shows the head of a plan this way), and the command must exit 0.
//! - Commands run from the crate root with `COLUMNS=80` and `NO_COLOR=1`. Every command that
//!   reads a goal file must pass `--as-of`, so that no output depends on the day the test runs.
//! - `goals init` runs in an empty scratch directory instead, and the file it writes must be
//!   docs/tour/step1.toml byte for byte.
//! - A fenced block preceded by `<!-- excerpt: PATH -->` must appear verbatim in that file.
//!
//! `TOUR_BLESS=1 cargo test --test cli tour::` rewrites the console blocks of the three
//! documents (and step1.toml) with the actual output, an abridged block with as many lines as
//! it shows, for after an intended change; review the diff like code. Excerpts are
//! hand-written and never rewritten.

mod blocks;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::common::{goals, root};
use blocks::{
    Block, blessed, console_blocks, first_difference, shown, subcommand, unchecked_command,
};

const TOUR: &str = "docs/tour.md";
const PLANNING: &str = "docs/planning.md";
const README: &str = "README.md";
const STEP1: &str = "docs/tour/step1.toml";
const EXCERPT: &str = "<!-- excerpt: ";

/// Commands whose output depends on no goal file and no date.
const WITHOUT_AS_OF: [&str; 2] = ["init", "explain"];

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

#[test]
fn every_console_block_prints_what_the_tour_shows() {
    check_console_blocks(TOUR, 10);
}

#[test]
fn every_console_block_prints_what_the_planning_guide_shows() {
    check_console_blocks(PLANNING, 5);
}

#[test]
fn every_console_block_prints_what_the_readme_shows() {
    check_console_blocks(README, 1);
}

#[test]
fn every_block_that_shows_a_command_is_a_console_block() {
    for path in [TOUR, PLANNING, README] {
        let doc = fs::read_to_string(root().join(path)).unwrap();
        if let Some((line, fence)) = unchecked_command(&doc) {
            panic!(
                "{path}:{line}: a `$ goals` command in a ```{fence} block is not run; make it a \
                 ```console block (end it with `…` to show the head of the output)"
            );
        }
    }
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
        if let Some(diff) = first_difference(&block.expected, &shown(block, &actual)) {
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
