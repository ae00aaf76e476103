//! `goals`: a command-line sales goal planner. The library owns everything but the process
//! boundary: `main.rs` parses arguments, calls [`run`] and turns its outcome into an exit code.
//!
//! Public, because other targets use them: `cli`, `output` (style, wrap) and [`run`] for the
//! binary; `cmd::load`, `funnel`, `model`, `output` (renderers), `plan`, `source` and `track`
//! (the export reader and ledger) for the fuzz targets (`fuzz/`) and the integration tests
//! `robust` and `fuzz_regressions`. Inside `track`, only `csv_read` and `ledger` are public.
//! Everything else (`diagnostic`, `diff`, `history`, `report`, `smart`, `staffing`,
//! `survey`) is private to the crate.

pub mod cli;
pub mod cmd;
mod cores;
mod diagnostic;
mod diff;
pub mod funnel;
mod history;
pub mod model;
pub mod output;
pub mod plan;
mod report;
mod smart;
pub mod source;
mod staffing;
mod survey;
pub mod track;

pub use cmd::{Io, Outcome, run};
