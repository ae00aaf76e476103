//! The vocabulary of a goal file: plan settings, teams, reps, metrics, goals and targets, as
//! read from TOML with the place of every value kept for findings. Depends only on
//! `diagnostic`; knows nothing of planning or output.

pub mod dates;
pub mod file;
pub mod goal;
pub mod iso4217;
pub mod money;
pub mod read;
pub mod reps;
pub mod schema;
pub mod schema_json;
pub mod sources;

pub use file::*;
pub use goal::*;
pub use sources::*;
