//! Every integration test of `goals` in one binary (one link, one run): one module per
//! command or concern, each driving the built `goals` binary or the library.

mod baseline;
mod capacity;
mod check;
mod closed_pipe;
mod commands;
mod common;
mod crm;
mod diff;
mod exports;
mod filters;
mod funnel;
mod funnel_entry;
mod funnel_markdown;
mod fuzz_regressions;
mod hostile;
mod json_fields;
mod pipeline;
mod plan;
mod planning;
mod rates;
mod report;
mod robust;
mod sarif;
mod snapshots;
mod suppress;
mod tour;
mod track;
mod width;
