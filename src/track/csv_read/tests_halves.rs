//! Reading an export in halves gives the read in one go, whatever line end it is split at, or
//! declines (and leaves the ledger as it was): on exports with quotes over several lines, blank
//! lines and footers, slash dates, bad rows of every kind, CRLF line ends, a BOM, and the
//! CRM exports of the examples.

use std::fmt::Write as _;
use std::fs::File;
use std::io::Write as _;

use super::halves::read_halves;
use super::{Mapping, Peeked, ReadSummary, read_peeked};
use crate::track::ledger::{Canonical, Ledger};

fn empty_ledger() -> Ledger {
    crate::track::ledger::tests::ledger()
}

type Outcome = (ReadSummary, Canonical);

fn in_one_go(bytes: &[u8], mapping: &Mapping) -> Outcome {
    in_one_go_into(empty_ledger(), bytes, mapping)
}

fn in_one_go_into(mut ledger: Ledger, bytes: &[u8], mapping: &Mapping) -> Outcome {
    let peeked = Peeked::new(bytes).expect("bytes read");
    let summary = read_peeked(peeked, mapping, &mut ledger.filling()).expect("the export reads");
    (summary, ledger.canonical())
}

/// The halves split after `middle`, or `None` when they decline.
fn in_halves(bytes: &[u8], mapping: &Mapping, middle: u64) -> Option<Outcome> {
    in_halves_into(empty_ledger(), bytes, mapping, middle)
}

fn in_halves_into(
    mut ledger: Ledger,
    bytes: &[u8],
    mapping: &Mapping,
    middle: u64,
) -> Option<Outcome> {
    let mut temp = tempfile::NamedTempFile::new().expect("a temp file");
    temp.write_all(bytes).expect("written");
    let file = File::open(temp.path()).expect("opened");
    let peeked = Peeked::new(file).expect("read");
    let summary = read_halves(temp.path(), peeked, mapping, &mut ledger, middle);
    if summary.is_none() {
        assert!(
            ledger.is_empty(),
            "declined halves leave the ledger as it was"
        );
    }
    summary.map(|s| (s, ledger.canonical()))
}

/// Splits `bytes` at every byte and checks each split that is taken; returns how many were.
fn every_split(bytes: &[u8], mapping: &Mapping) -> usize {
    every_split_into(&empty_ledger(), bytes, mapping)
}

/// [`every_split`] into a ledger like `empty`.
fn every_split_into(empty: &Ledger, bytes: &[u8], mapping: &Mapping) -> usize {
    let whole = in_one_go_into(empty.clone(), bytes, mapping);
    let mut taken = 0;
    for middle in 0..bytes.len() as u64 {
        if let Some(halves) = in_halves_into(empty.clone(), bytes, mapping, middle) {
            assert_eq!(halves, whole, "split after byte {middle}");
            taken += 1;
        }
    }
    taken
}

/// An export with a good row and a bad row of each kind on every few lines.
fn rows(lines: usize, line_end: &str) -> String {
    let mut out = format!("date,rep,metric,value{line_end}");
    for i in 0..lines {
        let day = 1 + i % 28;
        let row = match i % 9 {
            0 => format!("2027-01-{day:02},a,deals,1"),
            1 => format!("2027-02-{day:02},Bea,revenue,1200.50"),
            2 => format!("2027-03-{day:02},Alexandra From Accounts,revenue,USD 80"),
            3 => format!("2027-13-{day:02},a,deals,1"),
            4 => format!("2027-01-{day:02},nobody,deals,1"),
            5 => format!("2027-01-{day:02},b,deals,lots"),
            6 => format!("2026-12-{day:02},t,deals,2"),
            7 => format!("2027-01-{day:02},company,revenue,10,extra"),
            _ => format!("2027-01-{day:02},b,calls,3"),
        };
        write!(out, "{row}{line_end}").expect("a string");
    }
    out
}

#[test]
fn every_split_of_an_export_with_bad_rows_reads_as_in_one_go() {
    let bytes = rows(40, "\n");
    let taken = every_split(bytes.as_bytes(), &Mapping::standard());
    // Every line end but the last few (no second half) and the header's is a split.
    assert!(taken > bytes.len() / 2, "{taken} splits taken");
}

#[test]
fn crlf_line_ends_and_a_bom_split_as_well() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(rows(30, "\r\n").as_bytes());
    assert!(every_split(&bytes, &Mapping::standard()) > 0);
}

#[test]
fn a_quote_open_across_the_middle_declines_the_split() {
    let mut text = rows(10, "\n");
    text.push_str("2027-01-05,a,deals,\"1\n\n2027-01-06,a,deals,9\"\n");
    text.push_str(&rows(10, "\n")[22..]);
    let bytes = text.as_bytes();
    let inside = text.find("\"1\n").expect("the quote") as u64 + 2;
    assert_eq!(in_halves(bytes, &Mapping::standard(), inside), None);
    assert!(every_split(bytes, &Mapping::standard()) > 0);
}

#[test]
fn blank_lines_footers_and_slash_dates_read_as_in_one_go() {
    let mut text = String::from("date;rep;metric;value\n");
    for i in 0..12 {
        // Ambiguous dates first, then one that shows the order, then a contradicting one.
        let date = match i {
            0..=4 => format!("0{}/02/2027", 1 + i),
            5 => "25/01/2027".to_owned(),
            8 => "01/25/2027".to_owned(),
            _ => format!("0{}/03/2027", i - 5),
        };
        writeln!(text, "{date};a;deals;1").expect("a string");
        if i == 6 {
            text.push_str("\n;;;\n");
        }
    }
    text.push_str("\nTotal;;;12\nGenerated by the CRM\n");
    assert!(every_split(text.as_bytes(), &Mapping::standard()) > 0);
}

#[test]
fn quoted_fields_on_one_line_split_like_any_other() {
    let mut text = String::from("\"date\",\"rep\",\"metric\",\"value\"\n");
    for i in 0..30 {
        writeln!(
            text,
            "\"2027-01-{:02}\",\"Bea\",\"revenue\",\"1,200.50\"",
            1 + i % 28
        )
        .expect("a string");
    }
    assert!(every_split(text.as_bytes(), &Mapping::standard()) > text.len() / 2);
}

/// Lines an export may have, good and bad, in any order.
const LINES: &[&str] = &[
    "2027-01-05,a,deals,1",
    "2027-02-10,Bea,revenue,\"1,200.50\"",
    "2027-03-01,b,revenue,USD 80",
    "05/02/2027,a,deals,1",
    "25/02/2027,b,deals,2",
    "02/25/2027,b,deals,2",
    "",
    ",,,",
    "Total,,,99",
    "2027-01-07,a,deals,\"2\n3\"",
    "2027-01-08,nobody,deals,1",
    "2027-01-09,a,deals,1,1",
    "2027-01-10,a,deals,1\r",
    "2026-01-10,t,deals,1",
    "2027-01-11,company,revenue,5",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn any_export_split_anywhere_reads_as_in_one_go(
        picks in proptest::collection::vec(0..LINES.len(), 1..40),
        at in 0.0..1.0_f64,
    ) {
        let mut text = String::from("date,rep,metric,value\n");
        for pick in picks {
            text.push_str(LINES[pick]);
            text.push('\n');
        }
        let bytes = text.as_bytes();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let middle = (at * bytes.len() as f64) as u64;
        if let Some(halves) = in_halves(bytes, &Mapping::standard(), middle) {
            proptest::prop_assert_eq!(halves, in_one_go(bytes, &Mapping::standard()));
        }
    }
}

#[test]
fn an_export_in_another_encoding_or_with_a_header_over_two_lines_is_read_in_one_go() {
    let text = rows(20, "\n");
    let mut latin = Mapping::standard();
    latin.encoding = Some(encoding_rs::WINDOWS_1252);
    let middle = text.len() as u64 / 2;
    assert_eq!(in_halves(text.as_bytes(), &latin, middle), None);
    // A header with a field over two lines reads in one go; a quoted one splits.
    let across = text.replacen("date,rep", "\"date\",\"rep\nrep\",rep", 1);
    assert_eq!(
        in_halves(across.as_bytes(), &Mapping::standard(), middle),
        None
    );
    let quoted = text.replacen("date,rep", "\"date\",\"rep\"", 1);
    assert!(in_halves(quoted.as_bytes(), &Mapping::standard(), middle).is_some());
    assert!(in_halves(text.as_bytes(), &Mapping::standard(), middle).is_some());
}

#[test]
fn halves_join_a_ledger_that_holds_an_earlier_export() {
    let earlier = rows(12, "\n");
    let later = rows(30, "\n");
    let mut one_go = empty_ledger();
    for text in [&earlier, &later] {
        let peeked = Peeked::new(text.as_bytes()).expect("read");
        read_peeked(peeked, &Mapping::standard(), &mut one_go.filling()).expect("reads");
    }
    let mut temp = tempfile::NamedTempFile::new().expect("a temp file");
    temp.write_all(later.as_bytes()).expect("written");
    let mut ledger = empty_ledger();
    let peeked = Peeked::new(earlier.as_bytes()).expect("read");
    read_peeked(peeked, &Mapping::standard(), &mut ledger.filling()).expect("reads");
    let peeked = Peeked::new(File::open(temp.path()).expect("opened")).expect("read");
    let middle = later.len() as u64 / 2;
    let summary = read_halves(
        temp.path(),
        peeked,
        &Mapping::standard(),
        &mut ledger,
        middle,
    );
    assert!(summary.is_some());
    assert_eq!(ledger.canonical(), one_go.canonical());
}

#[test]
fn a_header_below_a_blank_first_line_is_read_in_one_go() {
    for first in [",,,\n", "\n", "  \r\n"] {
        let text = format!("{first}{}", rows(20, "\n"));
        assert_eq!(
            every_split(text.as_bytes(), &Mapping::standard()),
            0,
            "{first:?}"
        );
    }
}

#[test]
fn the_crm_exports_of_the_examples_split_as_they_read_in_one_go() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let text = std::fs::read_to_string(root.join("exports.toml")).expect("the example");
    let (file, _) = crate::model::read::read(&text);
    let (start, end) = (file.plan.start.as_ref(), file.plan.end.as_ref());
    let (start, end) = (start.expect("a start").value, end.expect("an end").value);
    let empty = Ledger::new(&file, start, end);
    let mut taken = Vec::new();
    for actuals in &file.actuals {
        let path = &actuals.path.as_ref().expect("a path").value;
        let bytes = std::fs::read(root.join(path)).expect("the export");
        let mapping = super::sources::mapping_of(actuals);
        taken.push((path.clone(), every_split_into(&empty, &bytes, &mapping)));
    }
    // Quoted Pipedrive and Salesforce exports split; the windows-1252 one reads in one go.
    let split = |name: &str| taken.iter().find(|(p, _)| p.contains(name)).map(|t| t.1);
    assert!(split("pipedrive").is_some_and(|n| n > 0), "{taken:?}");
    assert!(split("salesforce").is_some_and(|n| n > 0), "{taken:?}");
    assert_eq!(split("excel"), Some(0), "{taken:?}");
}

#[test]
fn slash_dates_split_once_the_first_half_shows_their_order() {
    // A US export: the first row shows month first; later rows are ambiguous, one contradicts.
    let mut text = String::from("date,rep,metric,value\n1/25/2027,a,deals,1\n");
    for i in 0..40 {
        let date = if i == 30 {
            "25/1/2027".to_owned()
        } else {
            format!("{}/{}/2027", 1 + i % 3, 1 + i % 12)
        };
        writeln!(text, "{date},b,deals,{i}").expect("a string");
    }
    let taken = every_split(text.as_bytes(), &Mapping::standard());
    assert!(taken > text.len() / 2, "{taken} splits taken");
}
