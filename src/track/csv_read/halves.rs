//! Reading one large export in two halves at once: the rows up to a line end near the middle
//! into an empty ledger like the run's on this thread, the rest (after a copy of the header)
//! into another on a second thread, then both joined to the run's, bad-row lines renumbered.
//! The result is the read in one go, or nothing: whenever the first half could leave the second anything
//! that changes how its rows read (a quote open across the middle, a possible footer or
//! blank line just before it, rows waiting for the order of slash dates, a day's sum near what
//! a cell holds, reasons lumped together), the halves are dropped,
//! the run's ledger is left as it was, and the caller reads the export in one go.

use std::fs::File;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use encoding_rs::UTF_8;

use super::run::CONTRADICTING;
use super::{Mapping, Part, Peeked, ReadSummary, read_part};
use crate::track::ledger::Ledger;

/// The smallest export read in halves: below it the second thread saves little.
const MIN_HALVES: u64 = 4 << 20;
/// How far past the middle a line end is looked for.
const SEEK_LINE_END: usize = 1 << 20;
/// Bytes read at a time while looking for it.
const SEEK_CHUNK: usize = 64 << 10;

/// Whether an export file of `size` bytes is worth reading in halves: it is large, and the
/// machine runs two threads at once.
pub(super) fn worth_halves(size: u64) -> bool {
    size >= MIN_HALVES && crate::cores::available() > 1
}

/// Reads the export at `path`, opened as `peeked`, into `ledger` in two halves split at the
/// first line end after byte `middle`. `None` when the export cannot be read so, or when the
/// halves would not give the read in one go: then `ledger` is as it was.
pub(super) fn read_halves(
    path: &Path,
    peeked: Peeked<File>,
    mapping: &Mapping,
    ledger: &mut Ledger,
    middle: u64,
) -> Option<ReadSummary> {
    let header = simple_header(&peeked, mapping)?;
    let mut rest_file = File::open(path).ok()?;
    let split = line_end_after(&mut rest_file, middle)?;
    rest_file.seek(SeekFrom::Start(split)).ok()?;
    let first = peeked.ending_at(split);
    let (mut before, after) = (ledger.emptied(), ledger.emptied());
    let second_input = |file: File| Peeked::new(Cursor::new(header.clone()).chain(file)).ok();
    let summary = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut rest = after;
            let part = second_input(rest_file)
                .and_then(|peeked| read_part(peeked, mapping, None, &mut rest.filling()).ok());
            (part, rest)
        });
        let first = read_part(first, mapping, None, &mut before.filling()).ok();
        let (second, rest) = second.join().ok()?;
        let (first, mut second, mut rest) = (first?, second?, rest);
        let knew_order = first.ending.order.is_some() && second.ending.ordered_dates;
        if knew_order {
            // Its slash dates read by the order the first half showed, as in one go.
            let mut file = File::open(path).ok()?;
            file.seek(SeekFrom::Start(split)).ok()?;
            rest = ledger.emptied();
            let shown = first.ending.order.clone();
            second = read_part(second_input(file)?, mapping, shown, &mut rest.filling()).ok()?;
        }
        join(first, second, knew_order, &mut before, rest)
    })?;
    if !ledger.joins(&before) {
        return None;
    }
    ledger.join(before);
    Some(summary)
}

/// The first line of the export, line end included, when the export is UTF-8 and the line
/// has some text and no lone `\r` (which would end a line within it); whether it is the
/// header, all of it, the first half tells.
fn simple_header<R: Read>(peeked: &Peeked<R>, mapping: &Mapping) -> Option<Vec<u8>> {
    let encoding = peeked.bom_encoding().or(mapping.encoding).unwrap_or(UTF_8);
    if encoding != UTF_8 {
        return None;
    }
    let bytes = peeked.peeked_bytes();
    let end = memchr::memchr(b'\n', bytes)?;
    let line = &bytes[..end];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let plain = !line.contains(&b'\r');
    let text = line.iter().any(|b| !b.is_ascii_whitespace() && *b != 0);
    (plain && text).then(|| bytes[..=end].to_vec())
}

/// The byte after the first line end after `middle`, with more bytes after it.
fn line_end_after(file: &mut File, middle: u64) -> Option<u64> {
    file.seek(SeekFrom::Start(middle)).ok()?;
    let mut chunk = vec![0; SEEK_CHUNK];
    let mut seen = 0;
    while seen < SEEK_LINE_END {
        let n = match file.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => n,
        };
        if let Some(at) = memchr::memchr(b'\n', &chunk[..n]) {
            // A line end that is the last byte of the export leaves no second half.
            let split = middle + (seen + at) as u64 + 1;
            let more = at + 1 < n || file.read(&mut chunk[..1]).is_ok_and(|m| m > 0);
            return more.then_some(split);
        }
        seen += n;
    }
    None
}

/// The two halves as one read, when nothing the first left behind could have changed how the
/// second reads; `knew_order`: the second was read knowing the order of slash dates the first
/// showed.
fn join(
    first: Part,
    second: Part,
    knew_order: bool,
    ledger: &mut Ledger,
    rest: Ledger,
) -> Option<ReadSummary> {
    // The header is the first line (else the second half's copy of it is not the header).
    let settled = first.header_first_line && first.ending.settled && !first.open_end;
    // Without an order from the first half, the second reads its slash dates as in one go,
    // but for a contradicting date's note, which names the line that showed the order by the
    // second half's own count.
    let dates = match first.ending.order {
        Some(_) => knew_order || !second.ending.ordered_dates,
        None => !second
            .summary
            .bad_by_reason
            .iter()
            .any(|r| r.reason == CONTRADICTING),
    };
    if !(settled && dates && ledger.joins(&rest)) {
        return None;
    }
    let mut summary = first.summary;
    // The second half's line 2 is the line after the first half's last line end.
    let shift = first.line_ends.checked_sub(1)?;
    if !summary.append(second.summary, shift) {
        return None;
    }
    ledger.join(rest);
    Some(summary)
}
