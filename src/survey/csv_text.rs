//! A small CSV splitter that keeps the byte range of every field, so a bad answer can be
//! pointed at by line and column. Quotes (`"…"`, `""` inside) and `,` or `;` separators.

use std::ops::Range;

/// One field: its unquoted text and the byte range it came from.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub span: Range<usize>,
}

/// The records of `text` (a leading byte-order mark is skipped); `;` separates fields when
/// the first line has a `;` and no `,` (spreadsheets in many European locales save so).
pub fn records(text: &str) -> Vec<Vec<Field>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first = text[start..].lines().next().unwrap_or("");
    let sep = if first.contains(';') && !first.contains(',') {
        ';'
    } else {
        ','
    };
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = Field {
        text: String::new(),
        span: start..start,
    };
    let (mut quoted, mut chars) = (
        false,
        text[start..]
            .char_indices()
            .map(|(i, c)| (i + start, c))
            .peekable(),
    );
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if quoted && chars.peek().is_some_and(|(_, n)| *n == '"') => {
                chars.next();
                field.text.push('"');
            }
            '"' => quoted = !quoted,
            c if !quoted && c == sep => {
                field.span.end = i;
                record.push(std::mem::replace(
                    &mut field,
                    Field {
                        text: String::new(),
                        span: i + 1..i + 1,
                    },
                ));
            }
            '\n' | '\r' if !quoted => {
                if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
                    chars.next();
                }
                field.span.end = i;
                record.push(std::mem::replace(
                    &mut field,
                    Field {
                        text: String::new(),
                        span: i + 1..i + 1,
                    },
                ));
                let next = chars.peek().map_or(text.len(), |(j, _)| *j);
                field.span = next..next;
                out.push(std::mem::take(&mut record));
            }
            c => field.text.push(c),
        }
    }
    if !field.text.is_empty() || !record.is_empty() || field.span.start < text.len() {
        field.span.end = text.len();
        record.push(field);
        out.push(record);
    }
    out.retain(|r| !(r.len() == 1 && r[0].text.trim().is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_and_spans() {
        let text = "a,b\n\"x, \"\"y\"\"\",2\n";
        let recs = records(text);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1][0].text, "x, \"y\"");
        assert_eq!(recs[1][1].text, "2");
        assert_eq!(&text[recs[1][1].span.clone()], "2");
    }

    #[test]
    fn semicolons_and_crlf() {
        let recs = records("\u{feff}a;b\r\n1;2\r\n");
        assert_eq!(recs[0][0].text, "a");
        assert_eq!(recs[1][1].text, "2");
    }
}
