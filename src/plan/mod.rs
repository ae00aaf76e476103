//! Decomposition of checked goals into period and per-rep quotas, and the checks that need
//! it. Infallible: it only runs on a `Checked` file.

pub mod apportion;
pub mod calendar;
pub mod capacity;
mod decompose;
mod findings;
pub mod fixed;
pub mod rep_exact;
pub mod report;
pub mod reps;
pub mod shared;
mod split_arith;
mod split_keys;
mod split_left;
mod split_plain;
mod split_rep;
pub mod street;
pub mod target;
pub mod team_runs;
pub mod weights;

pub use decompose::{
    DaySource, Order, PlanOptions, Planned, decompose, decompose_with, each_target, plan_head,
};
pub use findings::findings;

#[cfg(test)]
mod tests_apportion;
#[cfg(test)]
mod tests_arith;
#[cfg(test)]
mod tests_props;
#[cfg(test)]
mod tests_reps;
