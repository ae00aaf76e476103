//! Tracking actual results (CRM exports) against the plan: reading exports, accumulating them
//! per metric, rep and day, and comparing them with the plan (`goals track`) or replanning the
//! rest of each target from them (`goals replan`).

pub(crate) mod ahead;
mod build;
pub mod csv_read;
pub(crate) mod dates;
pub(crate) mod filter;
mod judge;
pub mod ledger;
mod level_track;
pub(crate) mod numbers;
pub(crate) mod pipeline;
pub(crate) mod pipeline_read;
mod progress;
pub(crate) mod quotas;
pub(crate) mod remainder;
pub(crate) mod replan;
pub(crate) mod report;

pub use build::{TrackOptions, assemble, build};

#[cfg(test)]
mod tests_props;
