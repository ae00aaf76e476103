//! Renderers: pure functions from a report value to bytes on a writer. The only place that
//! knows about colours, tables and output formats.

pub mod amount;
pub mod check_human;
pub mod check_json;
pub mod diff_json;
pub mod diff_markdown;
pub mod diff_table;
pub mod funnel_csv;
pub mod funnel_json;
pub mod funnel_markdown;
pub mod funnel_stream;
pub mod funnel_table;
pub mod github;
pub mod grid;
pub mod plan_csv;
pub mod plan_json;
pub mod plan_markdown;
pub mod plan_pipedrive;
pub mod plan_salesforce;
pub mod plan_stream;
pub mod plan_table;
pub mod sarif;
pub mod style;
mod track_burn_up;
pub mod track_csv;
pub mod track_json;
pub mod track_markdown;
pub mod track_table;
pub mod words;
pub mod wrap;
