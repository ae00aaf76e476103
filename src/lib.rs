//! `goals`: a command-line sales goal planner. The library owns everything but the process
//! boundary: `main.rs` parses arguments, calls [`run`] and turns its outcome into an exit code.
//!
//! Public, because other targets use them: `cli`, `output` (style, wrap) and [`run`] for the
//! binary; `cmd::load`, `funnel`, `model`, `output` (renderers), `plan` and `source` for the
//! fuzz target (`fuzz/`) and the integration tests `robust` and `fuzz_regressions`.
//! `diagnostic` and `track` are still public only because, private, they would leave unused
//! items (re-exports, test-only helpers) that need their own clean-up, and `smart` because
//! public docs of `funnel` link into it; no other target uses them. Everything else
//! (`diff`, `history`, `report`, `staffing`, `survey`) is private to the crate.

pub mod cli;
pub mod cmd;
pub mod diagnostic;
mod diff;
pub mod funnel;
mod history;
pub mod model;
pub mod output;
pub mod plan;
mod report;
pub mod smart;
pub mod source;
mod staffing;
mod survey;
pub mod track;

pub use cmd::{Io, Outcome, run};
