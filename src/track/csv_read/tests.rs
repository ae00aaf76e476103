//! Reader tests: CRM-shaped exports, bad rows with their line and column, huge and hostile input.

use super::*;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::io;
use std::str::FromStr;

/// An owned copy of a delivered row: (line, date, rep, metric, value).
type Owned = (u64, String, String, String, String);

fn read(input: &[u8], mapping: &Mapping) -> (Result<ReadSummary, ReadError>, Vec<Owned>) {
    let mut rows = Vec::new();
    let result = read_actuals(input, mapping, |row| {
        rows.push(owned(row));
        Ok(())
    });
    (result, rows)
}

fn owned(row: &ActualRow<'_>) -> Owned {
    let date = row.date.to_string();
    (
        row.line,
        date,
        row.rep.into(),
        row.metric.into(),
        row.value.to_string(),
    )
}

fn row(line: u64, date: &str, rep: &str, metric: &str, value: &str) -> Owned {
    (line, date.into(), rep.into(), metric.into(), value.into())
}

fn crm_mapping() -> Mapping {
    Mapping {
        date: "Won time".into(),
        rep: "Owner".into(),
        metric: None,
        value: Some("Value".into()),
        value_optional: false,
        fixed_metric: Some("revenue".into()),
        filters: vec![("Status".into(), "won".into())],
    }
}

fn bad_lines(summary: &ReadSummary) -> Vec<(u64, &str, &str)> {
    let examples = summary.bad_examples.iter();
    examples
        .map(|b| (b.line, b.column.as_str(), b.reason.as_str()))
        .collect()
}

#[test]
fn sniffs_the_delimiter() {
    assert_eq!(sniff_delimiter(b"date,rep,metric,value"), b',');
    assert_eq!(sniff_delimiter(b"Won time;Owner;Value;Status\r\n"), b';');
    assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
    assert_eq!(sniff_delimiter(b"\"a,b,c\";d;e"), b';');
    assert_eq!(sniff_delimiter(b"single"), b',');
    assert_eq!(sniff_delimiter(b""), b',');
}

#[test]
fn reads_the_header_only() {
    let input = b"\xEF\xBB\xBF\r\n\r\nWon time;Owner; Value ;\"Sta;tus\"\r\n1;2;3;4\r\n";
    let header = read_header(&input[..]).unwrap();
    assert_eq!((header.delimiter, header.line), (b';', 3));
    assert_eq!(header.columns, ["Won time", "Owner", "Value", "Sta;tus"]);
    assert_eq!(read_header(&b""[..]), Err(ReadError::Empty));
    assert_eq!(read_header(&b"\n\n  \n"[..]), Err(ReadError::Empty));
}

#[test]
fn reads_a_european_crm_export_end_to_end() {
    let input = "Deal;Won time;Owner;Value;Status\n\
                 A;31/01/2027 14:05;Anna;1.234,56;won\n\
                 B;01.02.2027;Bruno;€ 99,9;lost\n\
                 \"C; Ltd\";2027-02-03;Bruno;\"2.000\";won\n\
                 D;04/02/2027; Carla ;-10;won\n";
    let (result, rows) = read(input.as_bytes(), &crm_mapping());
    let summary = result.unwrap();
    assert_eq!(
        rows,
        [
            row(2, "2027-01-31", "Anna", "revenue", "1234.56"),
            row(4, "2027-02-03", "Bruno", "revenue", "2000"),
            row(5, "2027-02-04", "Carla", "revenue", "-10"),
        ]
    );
    assert_eq!(
        (
            summary.rows,
            summary.kept,
            summary.filtered_out,
            summary.bad
        ),
        (4, 3, 1, 0)
    );
}

#[test]
fn filters_must_all_match() {
    let mut mapping = crm_mapping();
    mapping
        .filters
        .push(("Pipeline".into(), "New business".into()));
    let input = "Won time;Owner;Value;Status;Pipeline\n\
                 2027-01-01;Anna;1;won; New business \n\
                 2027-01-01;Anna;2;won;Renewal\n\
                 2027-01-01;Anna;3; won ;New business\n";
    let (result, rows) = read(input.as_bytes(), &mapping);
    assert_eq!(
        rows.iter().map(|r| r.4.as_str()).collect::<Vec<_>>(),
        ["1", "3"]
    );
    assert_eq!(result.unwrap().filtered_out, 1);
}

#[test]
fn standard_columns_with_a_value() {
    let input =
        "date,rep,metric,value\n2027-01-05,anna,revenue,\"1,500.50\"\n2027-01-06,bruno,calls,3\n";
    let (result, rows) = read(input.as_bytes(), &Mapping::standard());
    assert_eq!(
        rows,
        [
            row(2, "2027-01-05", "anna", "revenue", "1500.50"),
            row(3, "2027-01-06", "bruno", "calls", "3"),
        ]
    );
    assert_eq!(result.unwrap().kept, 2);
}

#[test]
fn standard_columns_without_a_value_count_one() {
    let input = "rep,metric,date\nanna,calls,2027-01-05\nanna,calls,2027-01-06\n";
    let (result, rows) = read(input.as_bytes(), &Mapping::standard());
    assert_eq!(rows[1], row(3, "2027-01-06", "anna", "calls", "1"));
    assert_eq!(result.unwrap().kept, 2);
}

#[test]
fn a_required_value_column_must_exist() {
    let mut mapping = Mapping::standard();
    mapping.value_optional = false;
    let (result, _) = read(b"date,rep,metric\n", &mapping);
    assert!(matches!(
        result,
        Err(ReadError::MissingColumn { role: "value", .. })
    ));
    mapping.value = None;
    let (result, rows) = read(b"date,rep,metric,value\n2027-01-01,a,m,5\n", &mapping);
    assert_eq!(rows[0].4, "1");
    assert_eq!(result.unwrap().kept, 1);
}

#[test]
fn bom_crlf_quotes_and_trailing_blank_lines() {
    let input = b"\xEF\xBB\xBFdate;rep;metric;value\r\n\
                  2027-01-05;\"Anna \"\"A\"\"\";revenue;\"1.234,5\"\r\n\
                  2027-01-06;\"Bruno\r\nB\";revenue;7\r\n\
                  2027-01-07;Carla;revenue;8\r\n\r\n;;;\r\n  \r\n\r\n";
    let (result, rows) = read(input, &Mapping::standard());
    let summary = result.unwrap();
    assert_eq!(
        rows,
        [
            row(2, "2027-01-05", "Anna \"A\"", "revenue", "1234.5"),
            row(3, "2027-01-06", "Bruno\r\nB", "revenue", "7"),
            row(5, "2027-01-07", "Carla", "revenue", "8"),
        ]
    );
    assert_eq!((summary.rows, summary.kept, summary.blank), (3, 3, 1));
}

#[test]
fn bad_rows_are_reported_and_good_rows_kept() {
    let input = b"date,rep,metric,value\n\
                  2027-01-01,anna,revenue,10\n\
                  2027-02-30,anna,revenue,10\n\
                  2027-01-02,anna,revenue,ten\n\
                  2027-01-03,anna,revenue\n\
                  2027-01-04,an\xFFna,revenue,1\n\
                  2027-01-05,,revenue,1\n\
                  2027-01-06,bruno,revenue,20\n";
    let (result, rows) = read(input, &Mapping::standard());
    let summary = result.unwrap();
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 8]);
    assert_eq!(
        bad_lines(&summary),
        [
            (3, "date", "invalid date"),
            (4, "value", "invalid number"),
            (5, "value", "missing field"),
            (6, "rep", "invalid UTF-8"),
            (7, "rep", "empty field"),
        ]
    );
    assert_eq!((summary.rows, summary.kept, summary.bad), (7, 2, 5));
    let shown: Vec<String> = summary
        .bad_examples
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown[0],
        "line 3, column `date`: invalid date: `2027-02-30` is not a date: 2027-02 has no day 30"
    );
    assert!(shown[1].contains("found `ten`"), "{}", shown[1]);
    assert_eq!(
        shown[2],
        "line 5, column `value`: missing field: the row has 3 fields; `value` is field 4"
    );
    assert_eq!(summary.bad_examples[3].text, "an\u{FFFD}na");
    let counts: Vec<_> = summary
        .bad_by_reason
        .iter()
        .map(|c| (c.column.as_str(), c.count))
        .collect();
    assert_eq!(
        counts,
        [
            ("date", 1),
            ("value", 1),
            ("value", 1),
            ("rep", 1),
            ("rep", 1)
        ]
    );
}

#[test]
fn caller_rejections_are_counted_with_their_column() {
    let input = "Won time;Owner;Value;Status\n2027-01-01;Anna;1;won\n2027-01-02;Zed;2;won\n2027-01-03;Zed;3;won\n";
    let mut kept = Vec::new();
    let summary = read_actuals(input.as_bytes(), &crm_mapping(), |row| {
        if row.rep == "Zed" {
            return Err(RowRejection::new(Field::Rep, "unknown rep"));
        }
        kept.push(row.line);
        Ok(())
    })
    .unwrap();
    assert_eq!(kept, [2]);
    assert_eq!((summary.kept, summary.bad), (1, 2));
    assert_eq!(
        bad_lines(&summary),
        [(3, "Owner", "unknown rep"), (4, "Owner", "unknown rep")]
    );
    assert_eq!(
        summary.bad_examples[0].to_string(),
        "line 3, column `Owner`: unknown rep (`Zed`)"
    );
    let count = &summary.bad_by_reason[0];
    assert_eq!(
        (count.column.as_str(), count.reason.as_str(), count.count),
        ("Owner", "unknown rep", 2)
    );
    let summary = read_actuals(input.as_bytes(), &crm_mapping(), |_| {
        Err(RowRejection {
            field: Field::Metric,
            reason: "unknown metric".into(),
            detail: Some("no goal".into()),
        })
    })
    .unwrap();
    assert_eq!(summary.bad_examples[0].column, "(fixed metric)");
    assert_eq!(summary.bad_examples[0].text, "revenue");
}

#[test]
fn missing_column_error_names_it_and_suggests() {
    let mut mapping = crm_mapping();
    mapping.filters.clear();
    let (result, _) = read(b"Won Time;Owner;Value\n", &mapping);
    let error = result.unwrap_err();
    assert_eq!(
        error.to_string(),
        "the header has no column `Won time` (mapped as the date); columns are: `Won Time`, `Owner`, `Value`; did you mean `Won Time`?"
    );
    mapping.rep = "Ownr".into();
    let (result, _) = read(b"Won time;Owner;Value\n", &mapping);
    assert!(
        result
            .unwrap_err()
            .to_string()
            .ends_with("did you mean `Owner`?")
    );
    mapping.rep = "Salesperson".into();
    let (result, _) = read(b"Won time;Owner;Value\n", &mapping);
    assert!(
        result
            .unwrap_err()
            .to_string()
            .ends_with("fix the column name in the mapping or in the export")
    );
}

#[test]
fn other_header_errors() {
    let (result, _) = read(b"date,rep,rep,metric\n", &Mapping::standard());
    let message = result.unwrap_err().to_string();
    assert_eq!(
        message,
        "the header has the column `rep` twice (columns 2 and 3); rename one in the export"
    );
    let mut mapping = Mapping::standard();
    mapping.fixed_metric = Some("calls".into());
    assert!(matches!(
        read(b"date,rep\n", &mapping).0,
        Err(ReadError::InvalidMapping(_))
    ));
    mapping.metric = None;
    mapping.fixed_metric = Some(" ".into());
    assert!(matches!(
        read(b"date,rep\n", &mapping).0,
        Err(ReadError::InvalidMapping(_))
    ));
    mapping.fixed_metric = None;
    assert!(matches!(
        read(b"date,rep\n", &mapping).0,
        Err(ReadError::InvalidMapping(_))
    ));
    assert_eq!(read(b"", &Mapping::standard()).0, Err(ReadError::Empty));
}

/// A reader that yields `data` and then fails.
struct Failing<'d>(&'d [u8]);

impl Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.0.is_empty() {
            return Err(io::Error::other("disk on fire"));
        }
        let n = buf.len().min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn io_errors_are_fatal_with_a_line() {
    let input = b"date,rep,metric,value\n2027-01-01,a,m,1\n";
    let error = read_actuals(Failing(input), &Mapping::standard(), |_| Ok(())).unwrap_err();
    assert!(matches!(error, ReadError::Io { line: 3, .. }), "{error:?}");
    assert!(error.to_string().contains("disk on fire"));
}

#[test]
fn bad_row_memory_is_bounded() {
    let mut input = String::from("date,rep,metric,value\n");
    for i in 0..1000 {
        writeln!(input, "2027-01-01,a,m,x{i}").unwrap();
    }
    let (result, _) = read(input.as_bytes(), &Mapping::standard());
    let summary = result.unwrap();
    assert_eq!(
        (summary.bad, summary.bad_examples.len()),
        (1000, MAX_BAD_EXAMPLES)
    );
    assert_eq!(summary.bad_by_reason.len(), 1);
    let many = read_actuals(input.as_bytes(), &Mapping::standard(), |_| Ok(()));
    assert_eq!(many.unwrap().bad_by_reason[0].count, 1000);
}

#[test]
fn distinct_reasons_are_capped() {
    let mut input = String::from("date,rep,metric\n");
    for _ in 0..100 {
        input.push_str("2027-01-01,a,m\n");
    }
    let mut n = 0;
    let summary = read_actuals(input.as_bytes(), &Mapping::standard(), |_| {
        n += 1;
        Err(RowRejection::new(Field::Rep, format!("reason {n}")))
    })
    .unwrap();
    assert_eq!(summary.bad_by_reason.len(), 33);
    assert_eq!(summary.bad_by_reason[32].count, 68);
    assert_eq!(
        summary.bad_by_reason.iter().map(|c| c.count).sum::<u64>(),
        100
    );
}

#[test]
fn huge_header_and_long_rows_do_not_blow_up() {
    let mut input = String::from("date,rep,metric,value");
    for i in 0..1_000_000 {
        write!(input, ",c{i}").unwrap();
    }
    input.push('\n');
    input.push_str("2027-01-01,a,m,1");
    input.push_str(&",x".repeat(2_000_000));
    input.push('\n');
    writeln!(input, "2027-01-02,{},m,2", "r".repeat(5_000_000)).unwrap();
    let (result, rows) = read(input.as_bytes(), &Mapping::standard());
    assert_eq!(result.unwrap().kept, 2);
    assert_eq!(rows[1].2.len(), 5_000_000);
    let mut mapping = Mapping::standard();
    mapping.date = "when".into();
    let message = read(input.as_bytes(), &mapping).0.unwrap_err().to_string();
    assert!(
        message.len() < 1000 && message.contains("and 999964 more"),
        "{message}"
    );
}

#[test]
fn long_bad_fields_are_clipped() {
    let input = format!("date,rep,metric,value\n{},a,m,1\n", "9".repeat(1_000_000));
    let summary = read(input.as_bytes(), &Mapping::standard()).0.unwrap();
    assert!(summary.bad_examples[0].text.chars().count() <= 101);
    assert!(summary.bad_examples[0].to_string().len() < 300);
}

/// Builds `rows` rows of a `;`-separated European export in memory.
fn generate(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 48);
    out.extend_from_slice(b"Won time;Owner;Value;Status\n");
    let reps = ["Anna", "Bruno", "Carla", "Dario"];
    for i in 0..rows {
        let line = format!(
            "{:02}/{:02}/2027 14:05;{};{}.{:03},{:02};{}\n",
            i % 28 + 1,
            i % 12 + 1,
            reps[i % 4],
            i % 900 + 1,
            i % 1000,
            i % 100,
            if i % 5 == 0 { "lost" } else { "won" }
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}

#[test]
fn generated_rows_read_back() {
    let data = generate(1000);
    let mut total = Decimal::ZERO;
    let summary = read_actuals(data.as_slice(), &crm_mapping(), |row| {
        total += row.value;
        Ok(())
    })
    .unwrap();
    assert_eq!(
        (
            summary.rows,
            summary.kept,
            summary.filtered_out,
            summary.bad
        ),
        (1000, 800, 200, 0)
    );
    assert!(total > Decimal::from_str("100000").unwrap());
}

#[test]
#[ignore = "timing: run with cargo test --release -- --ignored --nocapture"]
fn reads_a_million_rows() {
    let data = generate(1_000_000);
    let start = std::time::Instant::now();
    let mut total = Decimal::ZERO;
    let summary = read_actuals(data.as_slice(), &crm_mapping(), |row| {
        total += row.value;
        Ok(())
    })
    .unwrap();
    let elapsed = start.elapsed();
    assert_eq!(
        (summary.rows, summary.kept, summary.bad),
        (1_000_000, 800_000, 0)
    );
    eprintln!(
        "1,000,000 rows ({} MB) in {elapsed:?}, total {total}",
        data.len() / 1_000_000
    );
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_header(bytes.as_slice());
        let summary = read_actuals(bytes.as_slice(), &Mapping::standard(), |_| Ok(()));
        if let Ok(summary) = summary {
            prop_assert_eq!(summary.rows, summary.kept + summary.filtered_out + summary.bad);
        }
    }

    #[test]
    fn never_panics_after_a_valid_header(body in proptest::collection::vec(
        prop_oneof![Just(b'\n'), Just(b','), Just(b';'), Just(b'"'), Just(b'\r'), Just(0xFF), any::<u8>(), b'0'..=b'9'],
        0..400,
    )) {
        let mut input = b"Won time;Owner;Value;Status\n".to_vec();
        input.extend_from_slice(&body);
        let summary = read_actuals(input.as_slice(), &crm_mapping(), |_| Ok(())).unwrap();
        prop_assert_eq!(summary.rows, summary.kept + summary.filtered_out + summary.bad);
    }
}

#[test]
fn line_numbers_count_blank_lines_and_quoted_newlines() {
    for newline in ["\n", "\r\n"] {
        let input = [
            "date,rep,metric,value",
            "",
            "2027-01-01,a,m,1",
            "",
            "",
            "2027-01-02,\"b",
            "b\",m,x",
            "2027-01-03,c,m,3",
            " ",
            "2027-01-04,d,m,4",
        ]
        .join(newline);
        let (result, rows) = read(input.as_bytes(), &Mapping::standard());
        let summary = result.unwrap();
        assert_eq!(
            rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            [3, 8, 10],
            "{newline:?}"
        );
        assert_eq!(
            bad_lines(&summary),
            [(6, "value", "invalid number")],
            "{newline:?}"
        );
        assert_eq!(summary.blank, 0);
    }
}

#[test]
fn blank_lines_before_the_header_keep_line_numbers() {
    let mut input = b"\xEF\xBB\xBF  \r\n\n".to_vec();
    input.extend_from_slice(&b" ".repeat(3_000_000));
    input.extend_from_slice(b"\n\t\ndate;rep;metric;value\r\n2027-01-01;a;m;1,5\r\n");
    let header = read_header(input.as_slice()).unwrap();
    assert_eq!((header.line, header.delimiter), (5, b';'));
    assert_eq!(header.columns, ["date", "rep", "metric", "value"]);
    let (result, rows) = read(&input, &Mapping::standard());
    assert_eq!(rows, [row(6, "2027-01-01", "a", "m", "1.5")]);
    assert_eq!(result.unwrap().kept, 1);
}
