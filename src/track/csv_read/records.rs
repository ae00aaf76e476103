//! The records of one export, read once from any byte stream (file, pipe, standard input):
//! a BOM or the mapping's encoding decides how the bytes become UTF-8 (`decode`), and
//! `csv-core` splits the records at `\n` (a `\r` before it stays at the end of the last
//! field, which every reader trims), so line numbers stay exact. A record is at most
//! [`MAX_RECORD`] bytes: a longer one is marked and skipped to its end, and one with no end in
//! sight (`/dev/zero`) stops the read with an error. Line numbers are worked out only when
//! asked for (bad rows), so good rows cost no counting.

use std::io::{self, Read};

use csv_core::{ReadRecordResult, Terminator};
use encoding_rs::{Encoding, UTF_8};

use super::ReadError;
use super::decode::Decode;

/// Longest record read: longer ones are bad rows.
pub const MAX_RECORD: usize = 1 << 20;
/// Bytes of one overlong record read before the input is taken for something other than CSV.
const MAX_SKIP: usize = 64 << 20;
/// Raw bytes looked at before the reading starts: the BOM and the header line.
const PEEK_BYTES: usize = MAX_RECORD + 4;
/// Bytes read from the input at a time.
pub(super) const CHUNK: usize = 64 << 10;

/// The first bytes of an input, kept so the input is opened and read only once.
pub struct Peeked<R> {
    prefix: Vec<u8>,
    inner: R,
    /// The encoding a BOM names, and the BOM's length.
    bom: Option<(&'static Encoding, usize)>,
}

impl<R: Read> Peeked<R> {
    /// Reads up to the end of the first non-blank line (at most 1 MiB).
    pub fn new(mut inner: R) -> io::Result<Self> {
        let mut prefix = Vec::new();
        let mut chunk = vec![0; CHUNK];
        loop {
            let n = match inner.read(&mut chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            prefix.extend_from_slice(&chunk[..n]);
            if n == 0 || prefix.len() >= PEEK_BYTES || has_first_line(&prefix) {
                break;
            }
        }
        let bom = Encoding::for_bom(&prefix);
        Ok(Peeked { prefix, inner, bom })
    }

    /// The same input ending at byte `end` of the whole input (its peeked bytes included).
    pub(super) fn ending_at(mut self, end: u64) -> Peeked<io::Take<R>> {
        let peeked = self.prefix.len() as u64;
        self.prefix
            .truncate(usize::try_from(end).unwrap_or(usize::MAX));
        Peeked {
            prefix: self.prefix,
            inner: self.inner.take(end.saturating_sub(peeked)),
            bom: self.bom,
        }
    }

    /// The peeked bytes.
    pub(super) fn peeked_bytes(&self) -> &[u8] {
        &self.prefix
    }

    /// The encoding a BOM names.
    pub(super) fn bom_encoding(&self) -> Option<&'static Encoding> {
        self.bom.map(|(encoding, _)| encoding)
    }

    /// Whether the input is empty or only blank.
    pub fn is_blank(&self) -> bool {
        self.prefix.iter().all(u8::is_ascii_whitespace)
            || self.bom.is_some_and(|(_, n)| self.prefix.len() == n)
    }

    /// The first non-blank line, decoded (lossily) with the BOM's encoding or `fallback`: enough
    /// to sniff the delimiter and to choose a mapping by the header's columns.
    pub fn first_line(&self, fallback: Option<&'static Encoding>) -> String {
        let (encoding, skip) = self.bom.unwrap_or((fallback.unwrap_or(UTF_8), 0));
        let (text, _) = encoding.decode_without_bom_handling(&self.prefix[skip..]);
        text.split(['\n', '\r'])
            .find(|line| !line.trim().is_empty())
            .unwrap_or_default()
            .to_owned()
    }

    /// The records, split at `delimiter`, decoding with the BOM's encoding, else `encoding`
    /// (UTF-8 by default, checked record by record).
    pub fn records(self, delimiter: u8, encoding: Option<&'static Encoding>) -> Records<R> {
        let (encoding, skip) = self.bom.unwrap_or((encoding.unwrap_or(UTF_8), 0));
        let decoder = (encoding != UTF_8).then(|| encoding.new_decoder_without_bom_handling());
        let input = Decode::new(self.prefix, skip, self.inner, decoder);
        let parser = csv_core::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(Terminator::Any(b'\n'))
            .build();
        Records {
            input,
            checked_utf8: encoding == UTF_8,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: false,
            fed_newline: false,
            parser,
            out: vec![0; 4096],
            ends: vec![0; 64],
            len: 0,
            fields: 0,
            line_before: 1,
            line_after: 1,
            too_long: false,
            newline_inside: false,
            text: String::new(),
        }
    }
}

/// Whether `bytes` hold a line end after some text.
fn has_first_line(bytes: &[u8]) -> bool {
    let text = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0);
    text.is_some_and(|at| bytes[at..].iter().any(|b| matches!(b, b'\n' | b'\r')))
}

/// The records of one input.
#[allow(clippy::struct_excessive_bools)] // the states of one small reading machine
pub struct Records<R> {
    input: Decode<R>,
    /// Whether records must be checked to be UTF-8 (no decoder made them so).
    checked_utf8: bool,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    fed_newline: bool,
    parser: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    fields: usize,
    line_before: u64,
    line_after: u64,
    too_long: bool,
    newline_inside: bool,
    text: String,
}

/// What was found reading the next record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A record (see [`Records::field`]).
    Record,
    /// A record longer than [`MAX_RECORD`]: skipped, only its line is known.
    TooLong,
    /// The end of the input.
    End,
}

impl<R: Read> Records<R> {
    /// Reads the next record. Fails on an I/O error, on invalid UTF-8 in an input without a
    /// decoder, and on a record with no end in the first 64 MiB.
    pub fn next(&mut self) -> Result<Next, ReadError> {
        self.line_before = self.parser.line();
        self.len = 0;
        self.fields = 0;
        self.too_long = false;
        // Input bytes of this record: past MAX_RECORD it is too long, past MAX_SKIP endless.
        let mut consumed = 0usize;
        loop {
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.input.read(&mut self.buf).map_err(|e| ReadError::Io {
                    line: self.parser.line(),
                    message: e.to_string(),
                })?;
                self.eof = self.end == 0;
            }
            // The input always ends with a line end, so every record ends with one.
            let input: &[u8] = if self.start < self.end {
                &self.buf[self.start..self.end]
            } else if self.fed_newline {
                &[]
            } else {
                b"\n"
            };
            let (result, nin, nout, nend) = self.parser.read_record(
                input,
                &mut self.out[self.len..],
                &mut self.ends[self.fields..],
            );
            if self.start < self.end {
                self.start += nin;
            } else if nin > 0 {
                self.fed_newline = true;
            }
            consumed += nin;
            self.len += nout;
            self.fields += nend;
            if consumed > MAX_RECORD {
                if consumed > MAX_SKIP {
                    return Err(ReadError::Endless {
                        line: self.line_before,
                    });
                }
                // Only the record's end matters now: its bytes are dropped as they come.
                self.too_long = true;
                self.len = 0;
                self.fields = 0;
            }
            match result {
                ReadRecordResult::OutputFull if self.len == self.out.len() => {
                    let grown = self.out.len() * 2;
                    self.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull if self.fields == self.ends.len() => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                // More input, or room made by dropping an overlong record's bytes.
                ReadRecordResult::InputEmpty
                | ReadRecordResult::OutputFull
                | ReadRecordResult::OutputEndsFull => {}
                ReadRecordResult::Record => {
                    self.line_after = self.parser.line();
                    // An overlong record's bytes are gone: it may have held one.
                    self.newline_inside = self.too_long
                        || (self.line_after - self.line_before > 1
                            && memchr::memchr(b'\n', &self.out[..self.len]).is_some());
                    if self.too_long {
                        return Ok(Next::TooLong);
                    }
                    self.text.clear();
                    if self.checked_utf8 {
                        let bytes = &self.out[..self.len];
                        let text = std::str::from_utf8(bytes).map_err(|e| {
                            let bad = e.valid_up_to();
                            let ends = &self.ends[..self.fields];
                            let field = ends.iter().position(|&end| end > bad).unwrap_or(0);
                            let from = if field == 0 { 0 } else { ends[field - 1] };
                            let from = from.max(bad.saturating_sub(60));
                            ReadError::InvalidUtf8 {
                                line: self.line(),
                                field: field + 1,
                                text: String::from_utf8_lossy(&bytes[from..bad]).into_owned(),
                            }
                        })?;
                        self.text.push_str(text);
                    } else {
                        let text = String::from_utf8_lossy(&self.out[..self.len]);
                        self.text.push_str(&text);
                    }
                    return Ok(Next::Record);
                }
                ReadRecordResult::End => return Ok(Next::End),
            }
        }
    }

    /// Number of fields of the record.
    #[allow(clippy::misnamed_getters)] // `len` is the bytes, the record's length in fields
    pub fn len(&self) -> usize {
        self.fields
    }

    /// The field at `index`, as written (not trimmed); `None` past the last field.
    pub fn field(&self, index: usize) -> Option<&str> {
        if index >= self.fields {
            return None;
        }
        let from = if index == 0 { 0 } else { self.ends[index - 1] };
        self.text.get(from..self.ends[index])
    }

    /// Every field, as written.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.fields).map(|i| self.field(i).unwrap_or_default())
    }

    /// Whether every field is empty or whitespace (a blank line, `;;;`, `""`).
    pub fn is_blank(&self) -> bool {
        // The fields are the record's text end to end.
        self.text.trim().is_empty()
    }

    /// Whether the last record read had a line end inside a field (a quoted field over
    /// several lines, or a quote left open at the end of the input).
    pub fn newline_inside(&self) -> bool {
        self.newline_inside
    }

    /// Line ends read so far (after the end: in the whole input; the parser's own line end at
    /// the end of the input not counted).
    pub fn line_ends(&self) -> u64 {
        self.parser.line() - 1 - u64::from(self.fed_newline)
    }

    /// Whether empty lines came after the last record (at the end of the input).
    pub fn ends_with_empty_lines(&self) -> bool {
        self.line_ends() + 1 > self.line_after
    }

    /// Whether empty lines came before the record (the parser skips them).
    pub fn after_empty_lines(&self) -> bool {
        self.line() > self.line_before
    }

    /// The line the record starts on (the first line is 1).
    pub fn line(&self) -> u64 {
        let spanned = self.line_after - self.line_before;
        if spanned <= 1 {
            return self.line_before;
        }
        let inside = if self.too_long {
            0
        } else {
            memchr::memchr_iter(b'\n', &self.out[..self.len]).count() as u64
        };
        self.line_after
            .saturating_sub(inside + 1)
            .max(self.line_before)
    }
}
