//! Working back through the funnel: from an outcome target to the activity it needs, in whole
//! units per period and per rep, the hours that activity costs, and the reps' selling hours.
//! Runs only on a checked file; it reports, it never fails.

pub mod activity;
mod build;
mod cells;
mod exact;
pub mod hours;
mod landing;
mod needs;
mod outcome;
pub mod report;
mod selling;
mod stage_exact;

pub use build::{Capacity, FunnelOptions, build, each_target, each_target_checking, head};
pub use hours::{HoursCheck, findings};
