//! The one-sentence remarks a command makes on stderr beside its report: the file's
//! warnings, a refusal, skipped rows, a survey's answers, a reader's note, an export read
//! once, targets a CRM export leaves out, what `goals diff` cannot compare or must not change,
//! and the next steps after `goals init`. Counts come in worked out; only words are made here.

use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::output::style::Paint;
use crate::output::{words, wrap};

/// The file `name` has `warnings` warnings (nothing when it has none): they do not block the
/// command, and `goals check` shows them.
pub fn warnings(name: &str, warnings: usize, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    if warnings == 0 {
        return Ok(());
    }
    let (s, them) = if warnings == 1 {
        ("", "it")
    } else {
        ("s", "them")
    };
    let text = format!("{name} has {warnings} warning{s}; `goals check {name}` shows {them}");
    writeln!(out, "{}", paint.warning(&text))
}

/// What was not done because the file has errors (shown above this line).
pub fn refused(not_done: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "goals: {not_done}: fix the errors above first")
}

/// `bad` rows of the exports were skipped (more than none).
pub fn rows_skipped(bad: u64, out: &mut dyn Write) -> io::Result<()> {
    let (s, them) = if bad == 1 { ("", "it") } else { ("s", "them") };
    writeln!(
        out,
        "goals: {bad} row{s} skipped; fix {them}, or pass --allow-bad-rows to accept the rest"
    )
}

/// The survey form `name` had `rows` rows, `empty` of them not filled in.
pub fn survey_read(name: &str, rows: usize, empty: usize, out: &mut dyn Write) -> io::Result<()> {
    let skipped = if empty > 0 {
        format!(", {empty} not filled in (skipped)")
    } else {
        String::new()
    };
    let answers = words::count(rows - empty, "answer");
    writeln!(out, "{name}: {answers} read{skipped}")
}

/// A note of the exports' reader (an export given twice, read once).
pub fn reader_note(note: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "goals: {note}")
}

/// `--pipeline PATH` names an export the goal file declares already.
pub fn pipeline_read_once(path: &Path, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "goals: {} is a [[pipeline]] source already; read once",
        path.display()
    )
}

/// `levels` rate or level targets (more than none) that `--format FORMAT` leaves out.
pub fn levels_left_out(levels: usize, format: &str, out: &mut dyn Write) -> io::Result<()> {
    let (s, it) = if levels == 1 {
        ("", "it")
    } else {
        ("s", "they")
    };
    writeln!(
        out,
        "goals: {levels} rate or level target{s} left out of --format {format}: {it} set a \
         level to hold, not an amount or a count a CRM quota can carry"
    )
}

/// The old file `name` of a `goals diff` has errors, so only its text is compared.
pub fn old_has_errors(name: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "goals: {name} has errors, so its quotas cannot be compared; `goals check {name}` shows them"
    )
}

/// `periods` changed periods end before `date`, which `goals diff` refuses.
pub fn history_changed(periods: usize, date: NaiveDate, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "goals: {periods} changed period(s) end before {date}: history must not be rewritten by \
         editing the goal file (record what happened with actuals, or move --frozen-before)"
    )
}

/// `goals init` wrote the starter to `name`: what to run next, filled to `width`.
pub fn init_written(name: &str, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let parts = [
        format!("wrote {name};"),
        format!("next: `goals check {name}`,"),
        format!("then `goals plan {name}`"),
    ];
    for line in wrap::join(&parts, " ", width) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn counts_agree_in_number() {
        let plain = Paint::default();
        assert_eq!(text(|o| warnings("g.toml", 0, plain, o)), "");
        assert_eq!(
            text(|o| warnings("g.toml", 1, plain, o)),
            "g.toml has 1 warning; `goals check g.toml` shows it\n"
        );
        assert_eq!(
            text(|o| warnings("g.toml", 4, plain, o)),
            "g.toml has 4 warnings; `goals check g.toml` shows them\n"
        );
        assert_eq!(
            text(|o| rows_skipped(1, o)),
            "goals: 1 row skipped; fix it, or pass --allow-bad-rows to accept the rest\n"
        );
        assert!(text(|o| rows_skipped(2, o)).starts_with("goals: 2 rows skipped; fix them,"));
        assert!(
            text(|o| levels_left_out(1, "salesforce", o))
                .contains("1 rate or level target left out of --format salesforce: it set")
        );
        assert!(
            text(|o| levels_left_out(3, "pipedrive", o))
                .contains("3 rate or level targets left out of --format pipedrive: they set")
        );
    }

    #[test]
    fn a_survey_counts_the_answers_filled_in() {
        assert_eq!(
            text(|o| survey_read("s.csv", 8, 2, o)),
            "s.csv: 6 answers read, 2 not filled in (skipped)\n"
        );
        assert_eq!(
            text(|o| survey_read("s.csv", 1, 0, o)),
            "s.csv: 1 answer read\n"
        );
    }

    #[test]
    fn the_warnings_line_is_painted_as_a_warning() {
        let text = text(|o| warnings("g.toml", 2, Paint { enabled: true }, o));
        assert!(text.starts_with("\u{1b}["), "{text:?}");
        assert!(text.contains("g.toml has 2 warnings"), "{text:?}");
    }

    #[test]
    fn the_next_steps_after_init_fill_the_width() {
        let name = "/a/rather/long/path/to/a/goal/file/goals.toml";
        let wide = text(|o| init_written(name, 200, o));
        assert_eq!(wide.lines().count(), 1, "{wide}");
        let narrow = text(|o| init_written(name, 80, o));
        assert!(narrow.lines().count() > 1, "{narrow}");
        assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
        assert_eq!(
            narrow.split_whitespace().collect::<Vec<_>>(),
            wide.split_whitespace().collect::<Vec<_>>()
        );
    }
}
