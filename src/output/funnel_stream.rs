//! Writing the funnel target by target: each funnel renderer is a `FunnelStream`, so
//! `goals funnel` can work out a target, write it and drop it before the next (memory stays
//! flat however many reps and periods), and a report already in memory is written the same
//! way. The selling hours come last, once every target has added its hours.

use std::io::{self, Write};

use crate::funnel::report::{FunnelReport, FunnelTarget, RepCapacity};

/// A renderer of the funnel, fed its heading, then every target in file order, then the
/// selling hours.
pub trait FunnelStream {
    /// Writes what comes before the targets; `head` has no targets nor capacity yet.
    fn head(&mut self, head: &FunnelReport, out: &mut dyn Write) -> io::Result<()>;
    /// Writes one target.
    fn target(
        &mut self,
        head: &FunnelReport,
        t: &FunnelTarget,
        out: &mut dyn Write,
    ) -> io::Result<()>;
    /// Writes what comes after the targets: every rep's selling hours, one rep at a time.
    fn foot(
        &mut self,
        head: &FunnelReport,
        capacity: &mut dyn Iterator<Item = RepCapacity>,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// Writes a whole report with `stream`.
pub fn write_report(
    stream: &mut dyn FunnelStream,
    report: &FunnelReport,
    out: &mut dyn Write,
) -> io::Result<()> {
    stream.head(report, out)?;
    for t in &report.targets {
        stream.target(report, t, out)?;
    }
    stream.foot(report, &mut report.capacity.iter().cloned(), out)
}
