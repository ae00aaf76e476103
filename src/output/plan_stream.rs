//! Writing a plan target by target: each plan renderer is a `PlanStream`, so `goals plan` can
//! compute a target, write it and drop it before the next (memory stays flat however many
//! reps and periods), and a report already in memory is written the same way.

use std::io::{self, Write};

use crate::plan::Order;
use crate::plan::report::{PlanReport, TargetReport};

/// A renderer of the plan, fed its heading, then every target in `order`, then the end.
pub trait PlanStream {
    /// The order the targets must come in.
    fn order(&self) -> Order;
    /// Writes what comes before the targets; `head` has no targets.
    fn head(&mut self, head: &PlanReport, out: &mut dyn Write) -> io::Result<()>;
    /// Writes one target.
    fn target(
        &mut self,
        head: &PlanReport,
        t: &TargetReport,
        out: &mut dyn Write,
    ) -> io::Result<()>;
    /// Writes what comes after the targets.
    fn foot(&mut self, head: &PlanReport, out: &mut dyn Write) -> io::Result<()>;
}

/// Writes a whole report with `stream`, its targets in the order the stream wants.
pub fn write_report(
    stream: &mut dyn PlanStream,
    report: &PlanReport,
    out: &mut dyn Write,
) -> io::Result<()> {
    stream.head(report, out)?;
    let mut targets: Vec<&TargetReport> = report.targets.iter().collect();
    match stream.order() {
        Order::Priority => targets.sort_by_key(|t| t.priority),
        Order::File => targets.sort_by_key(|t| (t.file_order, t.priority)),
    }
    for t in targets {
        stream.target(report, t, out)?;
    }
    stream.foot(report, out)
}
