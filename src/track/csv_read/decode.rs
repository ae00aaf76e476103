//! The bytes of one input as UTF-8 for the CSV parser: the peeked prefix, then the rest of
//! the stream, decoded by `encoding_rs` when the input is not UTF-8 (UTF-8 is checked later,
//! record by record), every lone `\r` turned into `\n` so line numbers stay exact.

use std::io::{self, Read};

use encoding_rs::Decoder;

use super::records::CHUNK;

/// The bytes of the input as UTF-8 (or unchecked bytes, for UTF-8 input): the peeked prefix,
/// then the rest of the stream.
pub(super) struct Decode<R> {
    raw: Vec<u8>,
    raw_pos: usize,
    inner: R,
    inner_done: bool,
    decoder: Option<Decoder>,
    /// A `\r` ended the last chunk: whether a `\n` follows is not known yet.
    carry_cr: bool,
    /// The decoder has had the end of the input.
    decoded_all: bool,
}

impl<R: Read> Decode<R> {
    /// The input from byte `skip` of the peeked `raw` prefix (after a BOM) on, then `inner`;
    /// decoded with `decoder`, or taken as UTF-8 without one.
    pub(super) fn new(raw: Vec<u8>, skip: usize, inner: R, decoder: Option<Decoder>) -> Self {
        Decode {
            raw,
            raw_pos: skip,
            inner,
            inner_done: false,
            decoder,
            carry_cr: false,
            decoded_all: false,
        }
    }

    /// Fills `buf` with decoded bytes, every lone `\r` turned into `\n` (a `\r` at the end of
    /// a chunk waits for the next byte to tell); 0 at the end of the input.
    pub(super) fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let mut start = 0;
            if self.carry_cr {
                buf[0] = b'\r';
                start = 1;
                self.carry_cr = false;
            }
            let fresh = self.read_decoded(&mut buf[start..])?;
            let mut n = start + fresh;
            let mut from = 0;
            while let Some(at) = memchr::memchr(b'\r', &buf[from..n]) {
                let at = from + at;
                if at + 1 < n {
                    if buf[at + 1] != b'\n' {
                        buf[at] = b'\n';
                    }
                } else if fresh == 0 {
                    buf[at] = b'\n';
                } else {
                    self.carry_cr = true;
                    n -= 1;
                    break;
                }
                from = at + 1;
            }
            if n > 0 || fresh == 0 {
                return Ok(n);
            }
        }
    }

    /// Refills `raw` from the stream once it is used up; `false` at the end of the stream.
    fn refill(&mut self) -> io::Result<bool> {
        if self.raw_pos < self.raw.len() {
            return Ok(true);
        }
        if self.inner_done {
            return Ok(false);
        }
        self.raw.resize(CHUNK, 0);
        loop {
            match self.inner.read(&mut self.raw) {
                Ok(n) => {
                    self.raw.truncate(n);
                    self.raw_pos = 0;
                    self.inner_done = n == 0;
                    return Ok(n > 0);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn read_decoded(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.decoder.is_none() && self.raw_pos >= self.raw.len() && !self.inner_done {
            // UTF-8 past the peeked prefix: straight from the stream, not through `raw`.
            loop {
                match self.inner.read(buf) {
                    Ok(n) => {
                        self.inner_done = n == 0;
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        loop {
            let more = self.refill()?;
            let pending = &self.raw[self.raw_pos..];
            let Some(decoder) = &mut self.decoder else {
                let n = pending.len().min(buf.len());
                buf[..n].copy_from_slice(&pending[..n]);
                self.raw_pos += n;
                return Ok(n);
            };
            if self.decoded_all {
                return Ok(0);
            }
            let (result, read, written, _) = decoder.decode_to_utf8(pending, buf, !more);
            self.raw_pos += read;
            // The last call may still write (a replacement for a cut-off character); after
            // it the decoder must not be called again.
            self.decoded_all = !more && result == encoding_rs::CoderResult::InputEmpty;
            if written > 0 || !more {
                return Ok(written);
            }
        }
    }
}
