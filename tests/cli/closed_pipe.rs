//! A reader that stops early (`goals plan | head`) ends every command quietly with 0: no
//! "Broken pipe" message and no exit 2, whatever the format (the CSV writer included).

use super::common::with_early_close;

#[test]
fn every_format_ends_quietly_when_the_reader_stops() {
    let track = [
        "--as-of",
        "2027-06-30",
        "track",
        "goals.example.toml",
        "--actuals",
        "examples/actuals.csv",
        "--by",
        "day",
    ];
    for format in ["table", "json", "csv", "markdown"] {
        let plan = [
            "plan",
            "goals.example.toml",
            "--by",
            "day",
            "--format",
            format,
        ];
        let funnel = [
            "funnel",
            "goals.example.toml",
            "--by",
            "day",
            "--format",
            format,
        ];
        let mut tracked = track.to_vec();
        tracked.extend(["--format", format]);
        let mut replanned = tracked.clone();
        replanned[2] = "replan";
        for args in [&plan[..], &funnel[..], &tracked[..], &replanned[..]] {
            let (code, stderr) = with_early_close(args);
            assert_eq!(code, Some(0), "{args:?}: {stderr}");
            assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        }
    }
}

/// `goals schema` is small enough to fit a pipe's buffer, so its stdout is a pipe whose
/// reader is gone before it writes: the first write fails, every time.
#[test]
fn goals_schema_ends_quietly_when_nobody_reads() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_goals"))
        .arg("schema")
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}
