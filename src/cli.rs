//! The command line as clap types: flags and subcommands only. Each command's arguments are
//! turned into plain options by `cmd/`; nothing below `cmd/` sees clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::dates;

/// Sales goals in a TOML file: SMART checks, exact quotas, funnel and tracking.
#[derive(Debug, Parser)]
#[command(name = "goals", version, about, long_about = None, max_term_width = 80)]
pub struct Cli {
    /// When to colour the output; `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(
        long,
        value_enum,
        default_value_t = ColorChoice::Auto,
        global = true,
        help_heading = "Global options"
    )]
    pub color: ColorChoice,
    /// The day taken as today (YYYY-MM-DD), for deadlines and tracking to date.
    #[arg(
        long,
        value_name = "DATE",
        global = true,
        value_parser = parse_date,
        help_heading = "Global options"
    )]
    pub as_of: Option<NaiveDate>,
    #[command(subcommand)]
    pub command: Command,
}

/// Colour choice for `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented starter goal file.
    Init(InitArgs),
    /// Check goal files against the SMART criteria.
    Check(CheckArgs),
    /// Split each target into period and per-rep quotas.
    Plan(PlanArgs),
    /// Work each funnel target back to the activity and hours it needs.
    Funnel(FunnelArgs),
    /// Write a CSV form asking each rep's view of each goal they carry.
    Survey(SurveyArgs),
    /// Compare CRM actuals with the plan: attainment, forecast, catch-up and review.
    Track(TrackArgs),
    /// Replan from actuals: past periods as they happened, the rest spread over what is left.
    Replan(TrackArgs),
    /// How many reps each team target needs, month by month, and when to hire them.
    Capacity(CapacityArgs),
    /// Seasonality, a suggested target and rep weights from last year's actuals.
    Baseline(BaselineArgs),
    /// Write a self-contained HTML report: scorecard, quota charts and, with actuals, progress.
    Report(ReportArgs),
    /// Show what a change to the goal file does to every quota.
    Diff(DiffArgs),
    /// Explain a check code: what it means and how to fix it.
    Explain(ExplainArgs),
    /// Print the JSON Schema of the goal file (for editors).
    Schema,
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// `goals init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the file; `-` writes it to standard output.
    #[arg(value_name = "PATH", default_value = "goals.toml")]
    pub path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `goals check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Goal files to check; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub files: Vec<PathBuf>,
    /// Output format: `human` (located snippets and a SMART scorecard), `json` (the findings
    /// document), `github` (GitHub Actions annotations) or `sarif` (SARIF 2.1.0, for code
    /// scanning).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Exit with 1 when there are warnings (those accepted by `allow` do not count).
    #[arg(long)]
    pub deny_warnings: bool,
    /// A filled `goals survey` form to merge with the file's feedback (repeatable).
    #[arg(long, value_name = "CSV")]
    pub feedback: Vec<PathBuf>,
}

/// Output formats of `goals check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
}

/// `goals plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// Period of the quotas.
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// Output format; `salesforce` (Data Loader CSV of `ForecastingQuota`) and `pipedrive`
    /// (`POST /v1/goals` bodies, one per line) write the reps' quotas for a CRM import, reps
    /// by `crm_id`.
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
    /// Pipedrive's numeric id of the plan's currency (`GET /v1/currencies`), for money
    /// targets in `--format pipedrive`.
    #[arg(long, value_name = "N")]
    pub currency_id: Option<u64>,
    #[command(flatten)]
    pub filters: Filters,
}

/// What `plan`, `track` and `replan` show: some goals, some reps. Priorities keep the
/// numbers they have unfiltered.
#[derive(Debug, Args)]
pub struct Filters {
    /// Only this goal (repeatable).
    #[arg(long, value_name = "ID")]
    pub goal: Vec<String>,
    /// Only this team's reps (repeatable).
    #[arg(long, value_name = "ID")]
    pub team: Vec<String>,
    /// Only this rep, by id, name or alias (repeatable).
    #[arg(long, value_name = "REP")]
    pub rep: Vec<String>,
}

/// `goals track` and `goals replan`.
#[derive(Debug, Args)]
pub struct TrackArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// A CSV of actuals (repeatable), read with the `[[actuals]]` mapping whose columns its
    /// header has, else with the columns `date,rep,metric,value`. Sources with a `path` in the
    /// goal file are always read.
    #[arg(long, value_name = "CSV")]
    pub actuals: Vec<PathBuf>,
    /// A CSV of open deals (repeatable; `goals track` only), read with the `[[pipeline]]`
    /// mapping whose columns its header has. Sources with a `path` in the goal file are always
    /// read.
    #[arg(long, value_name = "CSV")]
    pub pipeline: Vec<PathBuf>,
    /// Period of the catch-up quota (track) or of the plan (replan).
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Exit with 0 even when some rows were skipped (they are still reported).
    #[arg(long)]
    pub allow_bad_rows: bool,
    #[command(flatten)]
    pub filters: Filters,
}

/// `goals capacity`.
#[derive(Debug, Args)]
pub struct CapacityArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// Only this goal (repeatable).
    #[arg(long, value_name = "ID")]
    pub goal: Vec<String>,
    /// Only targets owned by this team (repeatable).
    #[arg(long, value_name = "ID")]
    pub team: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `goals baseline`.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// Last year's export (repeatable), read like `goals track --actuals`: with the
    /// `[[actuals]]` mapping whose columns its header has, else `date,rep,metric,value`.
    #[arg(long, value_name = "CSV", required = true)]
    pub actuals: Vec<PathBuf>,
    /// Only this metric (default: every count and money metric).
    #[arg(long, value_name = "ID")]
    pub metric: Option<String>,
    /// Growth over last year's total for the suggested target, in percent (`10` or `10%`).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value = "0", allow_hyphen_values = true)]
    pub growth: rust_decimal::Decimal,
    /// Output format; `toml` is a snippet to paste into the goal file.
    #[arg(long, value_enum, default_value_t = BaselineFormat::Toml)]
    pub format: BaselineFormat,
    /// Exit with 0 even when some rows were skipped (they are still reported).
    #[arg(long)]
    pub allow_bad_rows: bool,
}

/// `goals report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// A CSV of actuals (repeatable), read as by `goals track`; with actuals (or `[[actuals]]`
    /// sources with a `path`) the report shows progress.
    #[arg(long, value_name = "CSV")]
    pub actuals: Vec<PathBuf>,
    /// A CSV of open deals (repeatable), read as by `goals track --pipeline`: the report shows
    /// pipeline coverage.
    #[arg(long, value_name = "CSV")]
    pub pipeline: Vec<PathBuf>,
    /// Period of the quota charts, the burn-up and the catch-up.
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// Where to write the HTML; standard output without it.
    #[arg(short, long, value_name = "FILE.html")]
    pub output: Option<PathBuf>,
    /// Exit with 0 even when some rows were skipped (they are still reported).
    #[arg(long)]
    pub allow_bad_rows: bool,
}

/// Output formats of `goals baseline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BaselineFormat {
    // No doc comments on the values: clap would print them only in `--help`, and `-h`
    // and `--help` give the same short form.
    Toml,
    Table,
    Json,
}

fn parse_percent(text: &str) -> Result<rust_decimal::Decimal, String> {
    let number = text.trim().trim_end_matches('%').trim();
    number
        .parse::<rust_decimal::Decimal>()
        .ok()
        .filter(|p| {
            *p > -rust_decimal::Decimal::ONE_HUNDRED && *p <= rust_decimal::Decimal::from(1000)
        })
        .ok_or_else(|| {
            format!(
                "`{text}` is not a growth in percent above -100 and at most 1000, such as 10 or 10%"
            )
        })
}

/// `goals funnel`.
#[derive(Debug, Args)]
pub struct FunnelArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
    /// Only this goal (repeatable).
    #[arg(long, value_name = "ID")]
    pub goal: Vec<String>,
    /// Period of the activity.
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// `goals survey`.
#[derive(Debug, Args)]
pub struct SurveyArgs {
    /// The goal file; `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "goals.toml")]
    pub file: PathBuf,
}

/// `goals diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The goal file before the change: a path, `-` for standard input, or `REV:PATH` read
    /// from git (`HEAD~1:goals.toml`).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The goal file after the change, given the same ways.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Period of the compared quotas.
    #[arg(long, value_enum, default_value_t = DiffBy::Month)]
    pub by: DiffBy,
    /// Output format; `markdown` fits a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Exit with 1 when a period ending before this day changed (default: `--as-of` when
    /// given).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub frozen_before: Option<NaiveDate>,
}

/// Period granularity for `goals diff --by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffBy {
    Quarter,
    Month,
    Week,
}

/// Output formats of `goals diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

/// Period granularity for `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    Quarter,
    Month,
    Week,
    Day,
}

/// Output formats of `goals plan`: the report formats and two CRM imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Table,
    Json,
    Csv,
    Markdown,
    Salesforce,
    Pipedrive,
}

/// Output formats of the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

/// `goals explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The check code, such as `target-not-positive`.
    #[arg(
        value_name = "CODE",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub code: Option<String>,
    /// List every code with its severity, criterion and what it means.
    #[arg(long)]
    pub list: bool,
}

/// `goals completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    dates::parse_iso(text)
        .filter(|d| dates::printable(*d))
        .ok_or_else(|| {
            format!("`{text}` is not a date from 0001-01-01 to 9999-12-31: write YYYY-MM-DD, such as 2027-06-30")
        })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
