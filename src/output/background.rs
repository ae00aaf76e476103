//! Standard output written on a thread of its own, for a document going to a file or a pipe:
//! the command works out and formats the next part while the system copies the last one out
//! (for a 100 MB plan, a third of the run). Bytes go out in order, in chunks; `flush` returns
//! once everything before it is written, so that what follows on standard error comes after
//! it; a failed write (a closed pipe) is returned by the next write or flush, with its kind.
//! A chunk, once written, comes back to be filled again.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

/// Bytes gathered before they are handed to the thread.
const CHUNK: usize = 256 << 10;
/// Chunks handed over and not yet written, at most.
const IN_FLIGHT: usize = 4;

enum Message {
    Bytes(Vec<u8>),
    /// Answered once every earlier chunk is written and the stream flushed.
    Flush(SyncSender<()>),
}

/// A writer whose bytes another thread writes to the stream it was made with.
pub struct Background {
    buffer: Vec<u8>,
    sender: Option<SyncSender<Message>>,
    /// Chunks the thread has written, to be filled again.
    written: Receiver<Vec<u8>>,
    worker: Option<JoinHandle<io::Result<()>>>,
    /// The first failure, returned again by every later call.
    failed: Option<(io::ErrorKind, String)>,
}

impl Background {
    /// Writes to `stream` from a thread of its own.
    pub fn new<W: Write + Send + 'static>(mut stream: W) -> Self {
        let (sender, chunks) = sync_channel::<Message>(IN_FLIGHT);
        let (give_back, written) = channel();
        let worker = std::thread::spawn(move || {
            for message in chunks {
                match message {
                    Message::Bytes(mut bytes) => {
                        stream.write_all(&bytes)?;
                        bytes.clear();
                        // The writer may be gone already; the chunk is then freed.
                        let _ = give_back.send(bytes);
                    }
                    Message::Flush(done) => {
                        stream.flush()?;
                        // The flusher waits for this; it cannot have gone.
                        let _ = done.send(());
                    }
                }
            }
            stream.flush()
        });
        Background {
            buffer: Vec::with_capacity(CHUNK),
            sender: Some(sender),
            written,
            worker: Some(worker),
            failed: None,
        }
    }

    fn send(&mut self, message: Message) -> io::Result<()> {
        if let Some(sender) = &self.sender
            && sender.send(message).is_ok()
        {
            return Ok(());
        }
        Err(self.failure())
    }

    /// Why the thread stopped (it stops only on a failed write or flush).
    fn failure(&mut self) -> io::Error {
        self.sender = None;
        if self.failed.is_none() {
            let why = match self.worker.take().map(JoinHandle::join) {
                Some(Ok(Err(e))) => (e.kind(), e.to_string()),
                Some(Err(_)) => (
                    io::ErrorKind::Other,
                    "the output thread panicked".to_owned(),
                ),
                Some(Ok(Ok(()))) | None => {
                    (io::ErrorKind::Other, "the output is closed".to_owned())
                }
            };
            self.failed = Some(why);
        }
        let (kind, message) = self
            .failed
            .clone()
            .unwrap_or((io::ErrorKind::Other, String::new()));
        io::Error::new(kind, message)
    }

    fn send_buffer(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let empty = self
            .written
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let full = std::mem::replace(&mut self.buffer, empty);
        self.send(Message::Bytes(full))
    }
}

impl Write for Background {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.failed.is_some() {
            return Err(self.failure());
        }
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send_buffer()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_buffer()?;
        let (done, written) = sync_channel(1);
        self.send(Message::Flush(done))?;
        if written.recv().is_err() {
            return Err(self.failure());
        }
        Ok(())
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        // What was not flushed is written now; its failure has no one left to tell.
        let _ = self.send_buffer();
        self.sender = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{self, Write};
    use std::sync::{Arc, Mutex};

    use super::Background;

    /// A stream into shared memory that fails with `BrokenPipe` past `limit` bytes.
    #[derive(Clone)]
    struct Shared(Arc<Mutex<Vec<u8>>>, usize);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            let mut held = self.0.lock().unwrap();
            if held.len() + bytes.len() > self.1 {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
            }
            held.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn every_byte_is_written_in_order_by_the_time_flush_returns() {
        let stream = Shared(Arc::default(), usize::MAX);
        let mut out = Background::new(stream.clone());
        let mut expected = Vec::new();
        for i in 0..200_000_u32 {
            let line = format!("line {i}\n");
            out.write_all(line.as_bytes()).unwrap();
            expected.extend_from_slice(line.as_bytes());
        }
        out.flush().unwrap();
        assert_eq!(*stream.0.lock().unwrap(), expected);
    }

    #[test]
    fn a_closed_stream_is_told_by_a_later_write_or_flush_with_its_kind() {
        let stream = Shared(Arc::default(), 1 << 20);
        let mut out = Background::new(stream);
        let chunk = vec![b'x'; 64 << 10];
        let failed = (0..100).find_map(|_| out.write_all(&chunk).and_then(|()| out.flush()).err());
        let error = failed.expect("the stream closes after 1 MiB");
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(
            out.write(b"more").unwrap_err().kind(),
            io::ErrorKind::BrokenPipe
        );
        assert_eq!(out.flush().unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    }
}
