//! `goals funnel --format markdown` carries what the table view shows: per target its stages,
//! then each stage by period with a column per rep and a total row, then selling hours.

use super::common::goals_on_stdin;

const OUTBOUND: &str = include_str!("../fixtures/outbound.toml");

fn markdown() -> String {
    let out = goals_on_stdin(&["funnel", "-", "--format", "markdown"], OUTBOUND)
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The lines of the table that follows `heading`, up to the first blank line.
fn table_after<'a>(text: &'a str, heading: &str, nth: usize) -> Vec<&'a str> {
    let at = text.match_indices(heading).nth(nth).unwrap().0;
    text[at..]
        .lines()
        .skip(2)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_stage_has_its_table_by_period_and_rep() {
    let md = markdown();
    let calls = table_after(&md, "### calls · 6 min each", 0);
    assert_eq!(calls[0], "| period | total | hours | sara | luca |");
    assert_eq!(calls[1], "|---|---:|---:|---:|---:|");
    assert_eq!(calls[2], "| 2026-12\\* | 422 | 42.2 | 211 | 211 |");
    assert_eq!(
        calls.last().unwrap(),
        &"| **total** | **9,600** | **960.0** | **4,800** | **4,800** |"
    );
    // Each row's reps add up to its total.
    for row in &calls[2..] {
        let numbers: Vec<i64> = row
            .split('|')
            .map(|c| c.trim().trim_matches('*').replace(',', ""))
            .filter_map(|c| c.parse().ok())
            .collect();
        assert_eq!(numbers[0], numbers[1..].iter().sum::<i64>(), "{row}");
    }
    // The meetings the SDRs' target books take 45 minutes each: they have their own table.
    let meetings = table_after(&md, "### meetings · 45 min each", 0);
    assert_eq!(
        meetings.last().unwrap(),
        &"| **total** | **960** | **720.0** | **480** | **480** |"
    );
    // The account executives' money target: calls and meetings by rep, deals in the summary.
    let ae_calls = table_after(&md, "### calls · 6 min each", 1);
    assert_eq!(ae_calls[0], "| period | total | hours | giulia | marco |");
    assert!(md.contains("| deals | — | 1 | 100 | 0.0 |"), "{md}");
    assert!(
        md.contains("\n## Selling hours (needed / available)\n"),
        "{md}"
    );
    assert!(md.contains("| **total** | **840.0/1,276.8** |"), "{md}");
}
