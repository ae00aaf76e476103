//! Line filling for people: joins facts with ` · ` and breaks prose at spaces so that text
//! fits a terminal width. Counts characters, not bytes; never splits a word or a fact.

/// Joins `parts` with ` · `, starting a new line before a part that would pass `width`.
/// A part longer than `width` stands alone on its line.
pub fn facts(parts: &[String], width: usize) -> Vec<String> {
    join(parts, " · ", width)
}

/// Joins `parts` with `sep`, starting a new line before a part that would pass `width`.
pub fn join(parts: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if len(line) + len(sep) + len(part) <= width => {
                line.push_str(sep);
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Splits `text` at spaces into lines of at most `width` characters (a longer word stays
/// whole on its own line). Always returns at least one line.
pub fn words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if len(line) + 1 + len(word) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `text` filled to `width` with a hanging indent: the first line starts with `first`, the
/// others with as many spaces as `first` has characters, so continuation lines align after
/// the lead (as rustc aligns them after `= help: `). At least 30 columns are kept for words,
/// so a very deep lead may let a line pass `width` rather than crush the text.
pub fn hanging(text: &str, first: &str, width: usize) -> Vec<String> {
    let indent = len(first);
    let room = width.saturating_sub(indent).max(MIN_ROOM);
    let mut lines = words(text, room);
    for (i, line) in lines.iter_mut().enumerate() {
        let lead = if i == 0 {
            first.to_string()
        } else {
            " ".repeat(indent)
        };
        *line = format!("{lead}{line}");
    }
    lines
}

/// The fewest columns left for words by a hanging indent, however deep it is.
const MIN_ROOM: usize = 30;

fn len(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_break_before_the_part_that_would_overflow() {
        let parts = ["aaaa".to_string(), "bbbb".into(), "cccc".into()];
        assert_eq!(facts(&parts, 11), ["aaaa · bbbb", "cccc"]);
        assert_eq!(facts(&parts, 80), ["aaaa · bbbb · cccc"]);
        assert_eq!(facts(&[], 80), [""]);
    }

    #[test]
    fn words_fill_lines_and_keep_long_words_whole() {
        assert_eq!(words("one two three", 7), ["one two", "three"]);
        assert_eq!(
            words("averyveryverylongword x", 5),
            ["averyveryverylongword", "x"]
        );
        assert_eq!(words("", 5), [""]);
    }

    #[test]
    fn hanging_aligns_continuation_lines_after_the_lead() {
        let lines = hanging("alpha beta gamma delta", "= help: ", 38);
        assert_eq!(lines, ["= help: alpha beta gamma delta"]);
        let lines = hanging(&"word ".repeat(12), "= help: ", 40);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with("        w")));
    }
}
