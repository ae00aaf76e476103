//! `goals`: a command-line sales goal planner. The library owns everything but the process
//! boundary: `main.rs` parses arguments, calls [`run`] and turns its outcome into an exit code.

pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod diff;
pub mod funnel;
pub mod history;
pub mod model;
pub mod output;
pub mod plan;
pub mod report;
pub mod smart;
pub mod source;
pub mod staffing;
pub mod survey;
pub mod track;

pub use cmd::{Io, Outcome, run};
