//! The header line of an export: its delimiter, sniffed from the line itself, and its column
//! names, also as far as the peeked first bytes show them before a mapping is chosen.

use std::io::Read;

use encoding_rs::Encoding;

use super::Peeked;

/// The header line of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Column names, trimmed.
    pub columns: Vec<String>,
    /// The sniffed field delimiter (`,`, `;` or tab).
    pub delimiter: u8,
    /// Line of the header (after any leading blank lines).
    pub line: u64,
}

impl Header {
    /// Whether the header has `column`, ignoring case and surrounding spaces.
    pub fn has(&self, column: &str) -> bool {
        self.columns
            .iter()
            .any(|c| super::error::same_name(c, column))
    }
}

/// Picks the delimiter from the header line: the most frequent of `,`, `;` and tab outside
/// double quotes; ties and a line with none of them give `,`.
pub fn sniff_delimiter(header_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    [b',', b';', b'\t'][best]
}

/// The header's column names as far as the peeked prefix shows them, decoded with the BOM's
/// encoding or `encoding`: enough to choose a mapping.
pub fn peek_columns<R: Read>(
    peeked: &Peeked<R>,
    encoding: Option<&'static Encoding>,
) -> Vec<String> {
    let line = peeked.first_line(encoding);
    let delimiter = sniff_delimiter(line.as_bytes());
    let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0; line.len() + 1];
    let mut ends = vec![0; line.len() + 2];
    let mut input = line.as_bytes();
    let (mut nout, mut nend) = (0, 0);
    loop {
        let (result, nin, o, e) = parser.read_record(input, &mut out[nout..], &mut ends[nend..]);
        input = &input[nin..];
        nout += o;
        nend += e;
        match result {
            csv_core::ReadRecordResult::InputEmpty if !input.is_empty() => {}
            csv_core::ReadRecordResult::InputEmpty => input = b"\n",
            _ => break,
        }
    }
    let mut start = 0;
    ends[..nend]
        .iter()
        .map(|&end| {
            let name = String::from_utf8_lossy(&out[start..end]).trim().to_owned();
            start = end;
            name
        })
        .collect()
}
