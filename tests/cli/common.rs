//! What every CLI test module shares: the `goals` binary set up the same way (crate root as
//! working folder, no colour from the environment, an 80-column table width), and small
//! readers of its JSON and of goal-file positions.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use rust_decimal::Decimal;
use serde_json::Value;
use tempfile::TempDir;

/// The date most tests plan and check from (the plan of the fixtures starts after it).
pub const AS_OF: &str = "2026-12-01";

/// The crate root, where the example and the fixtures live.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `goals` binary run from the crate root with `NO_COLOR=1` and `COLUMNS=80`, so
/// its output depends on no terminal and no shell setting.
pub fn goals() -> Command {
    let mut cmd = Command::cargo_bin("goals").expect("the goals binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80");
    cmd
}

/// [`goals`] with `--as-of DATE` before the command.
pub fn goals_as_of(date: &str) -> Command {
    let mut cmd = goals();
    cmd.args(["--as-of", date]);
    cmd
}

/// [`goals`] killed after a minute: hostile input must end, never hang.
pub fn goals_within_a_minute() -> Command {
    let mut cmd = goals();
    cmd.timeout(std::time::Duration::from_mins(1));
    cmd
}

/// `goals ARGS` run to its end, whatever its exit code.
pub fn run(args: &[&str]) -> Output {
    goals().args(args).output().expect("goals runs")
}

/// [`goals`] run in `dir` (a temporary folder holding the files of the test).
pub fn goals_in(dir: &Path) -> Command {
    let mut cmd = goals();
    cmd.current_dir(dir);
    cmd
}

/// [`goals_as_of`] without `NO_COLOR`, for tests of when the binary colours by itself (a pipe
/// never is, `--color always` and `CLICOLOR_FORCE` are).
pub fn goals_with_colour_env(date: &str) -> Command {
    let mut cmd = goals_as_of(date);
    cmd.env_remove("NO_COLOR");
    cmd
}

/// `goals --as-of 2026-12-01 ARGS` reading `stdin` (the goal file given as `-`).
pub fn goals_on_stdin(args: &[&str], stdin: &str) -> Assert {
    goals_as_of(AS_OF)
        .args(args)
        .write_stdin(stdin.to_string())
        .assert()
}

/// Runs `cmd` and asserts that it exits 0, showing its stderr when it does not.
pub fn succeed(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("goals runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The JSON document of `goals --as-of DATE ARGS --format json`, reading `stdin` when given,
/// which must exit 0.
pub fn json_of(date: &str, args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = goals_as_of(date);
    cmd.args(args).args(["--format", "json"]);
    if let Some(text) = stdin {
        cmd.write_stdin(text.to_string());
    }
    let out = succeed(&mut cmd);
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// The standard output of `cmd`, which must exit 0.
pub fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(succeed(cmd).stdout).expect("UTF-8 stdout")
}

/// Runs `goals ARGS` from the crate root, reads the first 16 bytes of its stdout and closes
/// it, as `goals … | head` does; the exit code and stderr of the run.
pub fn with_early_close(args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_goals"))
        .current_dir(root())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0_u8; 16];
    stdout
        .read_exact(&mut first)
        .expect("the command prints more than it is read");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The JSON document `cmd` prints, whatever its exit code, and that exit code.
pub fn json_and_code(cmd: &mut Command) -> (Value, i32) {
    let out = cmd.output().expect("goals runs");
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "JSON on stdout; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (doc, out.status.code().expect("goals exits"))
}

/// What a run printed, stdout then stderr, for failure messages and searches.
pub fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A decimal written as text (a CSV cell, an HTML attribute, an expected figure).
pub fn decimal(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|_| panic!("`{text}` is a decimal"))
}

/// A JSON number as the decimal it is written as (never through f64).
pub fn json_decimal(v: &Value) -> Decimal {
    decimal(&v.to_string())
}

/// The target of the goal `goal` in a plan, funnel or track JSON document.
pub fn goal_target<'a>(doc: &'a Value, goal: &str) -> &'a Value {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["goal"] == goal)
        .unwrap_or_else(|| panic!("no target of goal {goal} in {doc}"))
}

/// `text` written to `dir/name`; the path.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `text` written to `name` in a fresh temporary folder, removed when the folder is dropped.
pub fn temp_file(name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), name, text);
    (dir, path)
}

/// 1-based line and column of the `n`-th (0-based) occurrence of `needle` in `text`, where
/// a finding about it points.
pub fn position(text: &str, needle: &str, n: usize) -> (u64, u64) {
    let at = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", n + 1))
        .0;
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line as u64, column as u64)
}

/// The findings of `goals check -` on `stdin` as (code, line, column), 0 where unlocated.
pub fn findings(stdin: &str) -> Vec<(String, u64, u64)> {
    located(stdin, |_| true)
}

/// The error findings of `goals check -` on `stdin` as (code, line, column).
pub fn error_findings(stdin: &str) -> Vec<(String, u64, u64)> {
    located(stdin, |d| d["severity"] == "error")
}

fn located(stdin: &str, keep: impl Fn(&Value) -> bool) -> Vec<(String, u64, u64)> {
    let out = goals_on_stdin(&["check", "-", "--format", "json"], stdin)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| keep(d))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}
