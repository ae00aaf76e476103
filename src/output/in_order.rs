//! Rendering the parts of a large document on two threads and writing them in order: every
//! other part is rendered on a second thread, at most a few parts ahead, while this thread
//! renders the others, so memory holds only the parts waiting for their turn. The buffers go
//! round: a part's text, once written, is the buffer of a later one, so that no part's text
//! grows from nothing.

use std::io;
use std::sync::mpsc::{channel, sync_channel};

/// Parts the second thread renders ahead.
const AHEAD: usize = 4;

/// How a part is rendered: into `text`, with `scratch`, a buffer the thread keeps from part to
/// part for whatever the rendering gathers before it goes into the text.
pub type Render<'a, T> = dyn Fn(&T, &mut Vec<u8>, &mut Vec<u8>) -> io::Result<()> + Sync + 'a;

/// Renders each of `parts` with `render` and hands the text to `put`, in order; the odd ones
/// are rendered on a second thread.
pub fn render_in_order<T: Sync>(
    parts: &[T],
    render: &Render<'_, T>,
    put: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    std::thread::scope(|scope| {
        let (sender, rendered) = sync_channel(AHEAD);
        let (give_back, written) = channel::<Vec<u8>>();
        scope.spawn(move || {
            let mut scratch = Vec::new();
            for part in parts.iter().skip(1).step_by(2) {
                let mut text = written.try_recv().unwrap_or_default();
                text.clear();
                let done = render(part, &mut text, &mut scratch).map(|()| text);
                if sender.send(done).is_err() {
                    return; // The writing stopped (a closed output).
                }
            }
        });
        let (mut text, mut scratch) = (Vec::new(), Vec::new());
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 0 {
                text.clear();
                render(part, &mut text, &mut scratch)?;
                put(&text)?;
            } else {
                let other = rendered.recv().map_err(io::Error::other)??;
                put(&other)?;
                // The second thread may have ended; the buffer is then simply freed.
                let _ = give_back.send(other);
            }
        }
        Ok(())
    })
}

/// Whether a document of `rows` rows whose largest part has `widest` rows is worth rendering
/// on two threads: it is large, no part is so large that holding its text would take much
/// memory, and the machine runs two threads at once.
pub fn worth_two_threads(rows: usize, widest: usize) -> bool {
    const LARGE: usize = 2_000;
    const WIDEST: usize = 1_000;
    rows >= LARGE && widest <= WIDEST && crate::cores::available() > 1
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::render_in_order;

    #[test]
    fn parts_come_out_in_order_whichever_thread_rendered_them() {
        let parts: Vec<u32> = (0..101).collect();
        let mut out = Vec::new();
        let render = |n: &u32, text: &mut Vec<u8>, _: &mut Vec<u8>| writeln!(text, "part {n}");
        render_in_order(&parts, &render, &mut |text| {
            out.extend_from_slice(text);
            Ok(())
        })
        .unwrap();
        let lines: Vec<String> = parts.iter().map(|n| format!("part {n}")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), lines.join("\n") + "\n");
    }

    #[test]
    fn an_error_rendering_or_writing_stops_the_document() {
        let parts: Vec<u32> = (0..10).collect();
        let render = |n: &u32, _: &mut Vec<u8>, _: &mut Vec<u8>| {
            if *n == 5 {
                Err(std::io::Error::other("part 5"))
            } else {
                Ok(())
            }
        };
        let failed = render_in_order(&parts, &render, &mut |_| Ok(()));
        assert_eq!(failed.unwrap_err().to_string(), "part 5");
        let mut written = 0;
        let render = |_: &u32, _: &mut Vec<u8>, _: &mut Vec<u8>| Ok(());
        let closed = render_in_order(&parts, &render, &mut |_| {
            written += 1;
            if written == 3 {
                Err(std::io::Error::other("closed"))
            } else {
                Ok(())
            }
        });
        assert_eq!(closed.unwrap_err().to_string(), "closed");
    }
}
