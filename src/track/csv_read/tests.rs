//! Reader tests: CRM-shaped exports, bad rows with their line and column, every row accounted
//! for, encodings, line ends, footers, slash-date order, huge and hostile input.

use super::*;
use crate::track::dates::Order;
use crate::track::numbers::CurrencyCode;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::io;

/// A sink that keeps every row as text: (date, rep, metric, value, currency).
#[derive(Default)]
struct Rows {
    names: Vec<String>,
    metrics: Vec<String>,
    kept: Vec<(String, String, String, String, Option<String>)>,
    /// Reps the sink refuses.
    unknown: Vec<&'static str>,
    /// Rows after this date are outside.
    last_day: Option<NaiveDate>,
}

impl Sink for Rows {
    fn owner(&mut self, rep: &str) -> Result<u32, RowRejection> {
        if self.unknown.contains(&rep) {
            return Err(RowRejection::new(Field::Rep, "unknown rep"));
        }
        self.names.push(rep.to_owned());
        Ok(u32::try_from(self.names.len() - 1).unwrap())
    }

    fn metric(&mut self, metric: &str) -> Result<u32, RowRejection> {
        self.metrics.push(metric.to_owned());
        Ok(u32::try_from(self.metrics.len() - 1).unwrap())
    }

    fn add(&mut self, key: RowKey, date: NaiveDate, amount: Amount) -> Result<Added, RowRejection> {
        if self.last_day.is_some_and(|last| date > last) {
            return Ok(Added::Outside);
        }
        self.kept.push((
            date.to_string(),
            self.names[key.owner as usize].clone(),
            self.metrics[key.metric as usize].clone(),
            amount.value.to_string(),
            amount.currency.map(|c| c.as_str().to_owned()),
        ));
        Ok(Added::Kept)
    }
}

fn read_with(input: &[u8], mapping: &Mapping) -> (Result<ReadSummary, ReadError>, Rows) {
    let mut rows = Rows::default();
    let result = read_actuals(input, mapping, &mut rows);
    (result, rows)
}

fn read_ok(input: &[u8], mapping: &Mapping) -> (ReadSummary, Rows) {
    let (result, rows) = read_with(input, mapping);
    (result.expect("the export is readable"), rows)
}

fn dates(rows: &Rows) -> Vec<&str> {
    rows.kept.iter().map(|r| r.0.as_str()).collect()
}

fn values(rows: &Rows) -> Vec<&str> {
    rows.kept.iter().map(|r| r.3.as_str()).collect()
}

fn bad_lines(summary: &ReadSummary) -> Vec<(u64, &str, &str)> {
    let examples = summary.bad_examples.iter();
    examples
        .map(|b| (b.line, b.column.as_str(), b.reason.as_str()))
        .collect()
}

/// Every data row is counted exactly once.
fn assert_accounted(summary: &ReadSummary) {
    assert_eq!(
        summary.rows,
        summary.kept + summary.filtered_out + summary.outside + summary.bad + summary.footer,
        "{summary:?}"
    );
}

fn crm_mapping() -> Mapping {
    Mapping {
        date: "Won time".into(),
        rep: "Owner".into(),
        metric: None,
        value: Some("Value".into()),
        value_optional: false,
        fixed_metric: Some("revenue".into()),
        filters: vec![("Status".into(), vec!["won".into()])],
        ..Mapping::standard()
    }
}

#[test]
fn sniffs_the_delimiter() {
    assert_eq!(sniff_delimiter(b"date,rep,metric,value"), b',');
    assert_eq!(sniff_delimiter(b"Won time;Owner;Value;Status\r\n"), b';');
    assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
    assert_eq!(sniff_delimiter(b"\"a,b,c\";d;e"), b';');
}

#[test]
fn reads_a_european_crm_export_end_to_end() {
    let csv = "Won time;Owner;Value;Status\n14.05.2027;Giulia;12.500,00;won\n\
               15.05.2027;Marco;1.234;won\n16.05.2027;Marco;99,5;lost\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &crm_mapping());
    assert_eq!(dates(&rows), ["2027-05-14", "2027-05-15"]);
    assert_eq!(values(&rows), ["12500.00", "1234"]);
    assert_eq!(
        (summary.rows, summary.kept, summary.filtered_out),
        (3, 2, 1)
    );
    assert_accounted(&summary);
}

#[test]
fn header_names_ignore_case_and_spaces() {
    let csv = " won TIME ;OWNER; value ;STATUS\n2027-05-14;Giulia;10;Won\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &crm_mapping());
    assert_eq!(summary.kept, 1);
    assert_eq!(values(&rows), ["10"]);
}

#[test]
fn a_near_miss_names_the_closest_header() {
    let mut mapping = crm_mapping();
    mapping.date = "Won time".into();
    let csv = "Deal - Won Time;Owner;Value;Status\n2027-05-14;Giulia;10;won\n";
    let Err(error) = read_with(csv.as_bytes(), &mapping).0 else {
        panic!("read without its date column");
    };
    let message = error.to_string();
    assert!(message.contains("no column `Won time`"), "{message}");
    assert!(
        message.contains("did you mean `Deal - Won Time`?"),
        "{message}"
    );
}

#[test]
fn where_takes_a_list_compared_ignoring_case() {
    let mut mapping = crm_mapping();
    mapping.filters = vec![("Status".into(), vec!["Closed Won".into(), "won".into()])];
    let csv = "Won time,Owner,Value,Status\n2027-05-14,a,1,CLOSED WON\n2027-05-14,a,2,Won\n\
               2027-05-14,a,4,Closed Lost\n2027-05-14,a,8,  closed won  \n";
    let (summary, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(values(&rows), ["1", "2", "8"]);
    assert_eq!(summary.filtered_out, 1);
}

#[test]
fn standard_columns_without_a_value_count_one() {
    let (summary, rows) = read_ok(
        b"date,rep,metric\n2027-01-15,anna,calls\n",
        &Mapping::standard(),
    );
    assert_eq!(summary.kept, 1);
    assert_eq!(values(&rows), ["1"]);
}

#[test]
fn an_unquoted_thousands_comma_is_a_bad_row_not_one_euro() {
    let csv = "date,rep,metric,value\n2027-01-15,anna,revenue,1,234.56\n2027-01-16,anna,revenue,\"1,234.56\"\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["1234.56"]);
    assert_eq!(bad_lines(&summary), [(2, "(row)", "extra fields")]);
    let detail = summary.bad_examples[0].detail.as_deref().unwrap();
    assert!(detail.contains("1,234.56"), "{detail}");
    assert_accounted(&summary);
}

#[test]
fn a_row_with_too_few_fields_is_bad() {
    let csv = "date,rep,metric,value\n2027-01-15,anna,revenue\n";
    let (summary, _) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(bad_lines(&summary), [(2, "(row)", "missing fields")]);
}

#[test]
fn every_line_end_is_read() {
    for (name, end) in [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")] {
        let csv = [
            "date,rep,metric,value",
            "2027-01-15,anna,deals,1",
            "2027-01-16,anna,deals,2",
            "x,anna,deals,3",
            "",
        ]
        .join(end);
        let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
        assert_eq!(values(&rows), ["1", "2"], "{name}");
        assert_eq!(bad_lines(&summary), [(4, "date", "invalid date")], "{name}");
    }
}

#[test]
fn a_blank_line_between_rows_loses_nothing() {
    let csv = "date,rep,metric,value\n2027-01-15,anna,deals,1\n\n\n2027-01-16,anna,deals,2\n;\nx,anna,deals,4\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["1", "2"]);
    // `;` is one field, no blank row, in a comma file; `x` has the header's width and a
    // date: both are bad data rows, not a footer.
    assert_eq!(
        bad_lines(&summary),
        [(6, "(row)", "missing fields"), (7, "date", "invalid date")]
    );
    assert_accounted(&summary);
}

#[test]
fn a_report_footer_is_counted_as_footer() {
    let csv = "\"Close Date\",\"Owner\",\"Amount\"\n\"5/14/2027\",\"Anna\",\"EUR 12,500.00\"\n\
               \"5/20/2027\",\"Anna\",\"EUR 100.00\"\n\"\"\n\"\"\n\"Grand Totals (2 records)\"\n\
               \"\",\"\",\"EUR 12,600.00\"\n\"\"\n\"Confidential Information - Do Not Distribute\"\n\
               \"Copyright (c) 2000-2027 salesforce.com, inc. All rights reserved.\"\n";
    let mapping = Mapping {
        date: "Close Date".into(),
        rep: "Owner".into(),
        value: Some("Amount".into()),
        metric: None,
        fixed_metric: Some("revenue".into()),
        value_optional: false,
        ..Mapping::standard()
    };
    let (summary, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(values(&rows), ["12500.00", "100.00"]);
    assert_eq!(rows.kept[0].4.as_deref(), Some("EUR"));
    assert_eq!((summary.bad, summary.footer), (0, 4));
    assert_accounted(&summary);
}

#[test]
fn lines_after_a_blank_line_are_data_when_one_reads() {
    let csv = "date,rep,metric,value\n2027-01-15,anna,deals,1\n\nTotal\n2027-01-16,anna,deals,2\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["1", "2"]);
    assert_eq!(bad_lines(&summary), [(4, "(row)", "missing fields")]);
    assert_eq!(summary.footer, 0);
}

#[test]
fn slash_dates_follow_the_mapping() {
    let csv = "date,rep,metric,value\n4/5/2027,a,deals,1\n6/2/2027,a,deals,1\n";
    let mut mapping = Mapping::standard();
    mapping.dates = Rule::Fixed(Order::MonthFirst);
    let (_, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(dates(&rows), ["2027-04-05", "2027-06-02"]);
    mapping.dates = Rule::Fixed(Order::DayFirst);
    let (_, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(dates(&rows), ["2027-05-04", "2027-02-06"]);
    mapping.dates = Rule::Format("%m/%d/%Y".into());
    let (_, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(dates(&rows), ["2027-04-05", "2027-06-02"]);
}

#[test]
fn the_file_decides_the_order_even_after_ambiguous_rows() {
    // A Salesforce (US) report: 4/5 and 6/2 are April and June, as 5/14 shows.
    let csv = "date,rep,metric,value\n4/5/2027,a,deals,1\n6/2/2027,a,deals,2\n5/14/2027,a,deals,4\n\
               3/3/2027,a,deals,8\n14/5/2027,a,deals,16\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(
        dates(&rows),
        ["2027-04-05", "2027-06-02", "2027-05-14", "2027-03-03"]
    );
    assert_eq!(bad_lines(&summary), [(6, "date", "contradicting date")]);
    assert_accounted(&summary);
}

#[test]
fn ambiguous_dates_no_row_decides_are_bad_rows_naming_the_key() {
    let csv =
        "date,rep,metric,value\n4/5/2027,a,deals,1\n2027-01-15,a,deals,2\n5/5/2027,a,deals,4\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(dates(&rows), ["2027-01-15", "2027-05-05"]);
    assert_eq!(bad_lines(&summary), [(2, "date", "ambiguous date")]);
    let detail = summary.bad_examples[0].detail.as_deref().unwrap();
    assert!(detail.contains("dates = \"day-first\""), "{detail}");
    assert!(detail.contains("dates = \"month-first\""), "{detail}");
}

#[test]
fn dots_are_day_first_and_impossible_dates_are_bad() {
    let csv = "date,rep,metric,value\n5.4.2027,a,deals,1\n2027-02-30,a,deals,1\n\
               2027-05-14 24:30,a,deals,1\n2027-05-14 10:00:99,a,deals,1\n2027-05-14T16:32Z,a,deals,1\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(dates(&rows), ["2027-04-05", "2027-05-14"]);
    let lines: Vec<u64> = summary.bad_examples.iter().map(|b| b.line).collect();
    assert_eq!(lines, [3, 4, 5]);
    assert!(
        summary
            .bad_examples
            .iter()
            .all(|b| b.reason == "invalid date")
    );
}

#[test]
fn currency_comes_from_the_column_or_the_amount() {
    let csv = "date,rep,metric,value,cur\n2027-01-15,a,revenue,$1,200.50,\n\
               2027-01-15,a,revenue,\"$1,200.50\",\n2027-01-15,a,revenue,10,usd\n\
               2027-01-15,a,revenue,\"12.500,00 €\",\n2027-01-15,a,revenue,EUR 5,USD\n";
    let mut mapping = Mapping::standard();
    mapping.currency = Some("cur".into());
    let (summary, rows) = read_ok(csv.as_bytes(), &mapping);
    let got: Vec<(&str, Option<&str>)> = rows
        .kept
        .iter()
        .map(|r| (r.3.as_str(), r.4.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("1200.50", Some("USD")),
            ("10", Some("USD")),
            ("12500.00", Some("EUR"))
        ]
    );
    assert_eq!(
        bad_lines(&summary),
        [
            (2, "(row)", "extra fields"),
            (6, "cur", "conflicting currency")
        ]
    );
}

#[test]
fn numbers_too_large_are_bad_rows() {
    let csv = "date,rep,metric,value\n2027-01-15,a,revenue,123456789012345678901234\n\
               2027-01-15,a,revenue,1000000000000\n2027-01-15,a,revenue,1000000000000.01\n";
    let (summary, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["1000000000000"]);
    assert_eq!(summary.bad, 2);
    assert!(
        summary.bad_examples[0]
            .detail
            .as_deref()
            .unwrap()
            .contains("too large")
    );
}

#[test]
fn accounting_parentheses_are_negative() {
    let csv = "date,rep,metric,value\n2027-01-15,a,revenue,\"(1,234.56)\"\n";
    let (_, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["-1234.56"]);
}

#[test]
fn the_decimal_key_settles_ambiguous_numbers() {
    let csv = "date,rep,metric,value\n2027-01-15,a,revenue,1.234\n";
    let (_, rows) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(values(&rows), ["1.234"]);
    let mapping = Mapping {
        decimal: Some(','),
        ..Mapping::standard()
    };
    let (_, rows) = read_ok(csv.as_bytes(), &mapping);
    assert_eq!(values(&rows), ["1234"]);
}

#[test]
fn encodings_are_decoded() {
    let utf8 = "date,rep,metric,value\n2027-01-15,Jürgen,deals,1\n";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(utf8.as_bytes());
    let mut little = vec![0xFF, 0xFE];
    little.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
    let mut big = vec![0xFE, 0xFF];
    big.extend(utf8.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [
        ("utf-8", utf8.as_bytes().to_vec()),
        ("bom", bom),
        ("le", little),
        ("be", big),
    ] {
        let (summary, rows) = read_ok(&bytes, &Mapping::standard());
        assert_eq!(summary.kept, 1, "{name}");
        assert_eq!(rows.names, ["Jürgen"], "{name}");
    }
    let latin1 = b"date;rep;metric;value\n14.05.2027;J\xFCrgen;deals;12,5\n";
    let Err(error) = read_with(latin1, &Mapping::standard()).0 else {
        panic!("latin-1 read as UTF-8");
    };
    let message = error.to_string();
    assert!(message.contains("line 2 is not UTF-8"), "{message}");
    assert!(message.contains("encoding = \"windows-1252\""), "{message}");
    let mapping = Mapping {
        encoding: encoding_rs::Encoding::for_label(b"latin1"),
        ..Mapping::standard()
    };
    let (_, rows) = read_ok(latin1, &mapping);
    assert_eq!(rows.names, ["Jürgen"]);
    assert_eq!(values(&rows), ["12.5"]);
}

#[test]
fn every_row_is_accounted_for() {
    let csv = "date,rep,metric,value,Status\n2027-01-15,a,deals,1,won\n2027-01-15,a,deals,1,lost\n\
               2028-01-15,a,deals,1,won\nxx,a,deals,1,won\n2027-01-15,mario,deals,1,won\n";
    let mapping = Mapping {
        filters: vec![("Status".into(), vec!["won".into()])],
        ..Mapping::standard()
    };
    let mut rows = Rows {
        unknown: vec!["mario"],
        last_day: NaiveDate::from_ymd_opt(2027, 12, 31),
        ..Rows::default()
    };
    let summary = read_actuals(csv.as_bytes(), &mapping, &mut rows).unwrap();
    assert_eq!(
        (
            summary.rows,
            summary.kept,
            summary.filtered_out,
            summary.outside,
            summary.bad
        ),
        (5, 1, 1, 1, 2)
    );
    assert_eq!(
        bad_lines(&summary),
        [(5, "date", "invalid date"), (6, "rep", "unknown rep")]
    );
    assert_accounted(&summary);
}

#[test]
fn a_record_longer_than_a_mebibyte_is_a_bad_row_and_the_read_goes_on() {
    let mut csv = b"date,rep,metric,value\n2027-01-15,".to_vec();
    csv.extend(std::iter::repeat_n(b'r', MAX_RECORD + 10));
    csv.extend(b",deals,1\n2027-01-16,a,deals,2\n");
    let (summary, rows) = read_ok(&csv, &Mapping::standard());
    assert_eq!(values(&rows), ["2"]);
    assert_eq!(bad_lines(&summary), [(2, "(row)", "record too long")]);
}

/// An endless stream of zero bytes, like `/dev/zero`.
struct Zeros(u64);

impl io::Read for Zeros {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        assert!(self.0 < 1 << 30, "read a gigabyte of an endless input");
        buf.fill(0);
        Ok(buf.len())
    }
}

#[test]
fn an_endless_line_ends_with_a_clear_error() {
    let mut rows = Rows::default();
    let Err(error) = read_actuals(Zeros(0), &Mapping::standard(), &mut rows) else {
        panic!("read /dev/zero");
    };
    assert!(error.to_string().contains("not a CSV export"), "{error}");
    let endless = io::Read::chain(&b"date,rep,metric,value\n"[..], Zeros(0));
    let Err(error) = read_actuals(endless, &Mapping::standard(), &mut rows) else {
        panic!("read /dev/zero");
    };
    assert!(error.to_string().contains("line 2"), "{error}");
}

#[test]
fn empty_inputs_are_errors() {
    for input in [&b""[..], b"\n\n", b"\xEF\xBB\xBF", b"  \r\n"] {
        let (result, _) = read_with(input, &Mapping::standard());
        assert_eq!(result, Err(ReadError::Empty), "{input:?}");
    }
    let (summary, _) = read_ok(b"date,rep,metric,value\n", &Mapping::standard());
    assert_eq!(summary.rows, 0);
}

#[test]
fn line_numbers_count_blank_lines_and_quoted_newlines() {
    let csv =
        "\n\ndate,rep,metric,value\n\"2027-01-15\",\"a\nb\",deals,x\n\n2027-01-15,a,deals,y\n";
    let (summary, _) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(
        bad_lines(&summary),
        [
            (4, "value", "invalid number"),
            (7, "value", "invalid number")
        ]
    );
}

#[test]
fn duplicate_columns_are_refused() {
    let (result, _) = read_with(b"date,rep,REP,metric\n", &Mapping::standard());
    assert!(
        matches!(result, Err(ReadError::DuplicateColumn { .. })),
        "{result:?}"
    );
}

#[test]
fn bad_row_memory_is_bounded() {
    let mut csv = String::from("date,rep,metric,value\n");
    for i in 0..10_000 {
        writeln!(csv, "nope{i},a,deals,1").unwrap();
    }
    let (summary, _) = read_ok(csv.as_bytes(), &Mapping::standard());
    assert_eq!(summary.bad, 10_000);
    assert_eq!(summary.bad_examples.len(), MAX_BAD_EXAMPLES);
    assert_eq!(summary.bad_by_reason.len(), 1);
}

#[test]
fn currency_codes_upper_case() {
    assert_eq!(
        CurrencyCode::new("usd").map(|c| c.as_str().to_owned()),
        Some("USD".into())
    );
    assert_eq!(CurrencyCode::new("US"), None);
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut rows = Rows::default();
        if let Ok(summary) = read_actuals(&bytes[..], &Mapping::standard(), &mut rows) {
            assert_accounted(&summary);
        }
    }

    #[test]
    fn never_panics_after_a_valid_header(body in proptest::collection::vec(
        prop_oneof![Just(b','), Just(b'\n'), Just(b'\r'), Just(b'"'), Just(b'/'), Just(b'1'), Just(b'3'), Just(b'-'), any::<u8>()],
        0..400,
    )) {
        let mut input = b"date,rep,metric,value\n".to_vec();
        input.extend(body);
        let mut rows = Rows::default();
        if let Ok(summary) = read_actuals(&input[..], &Mapping::standard(), &mut rows) {
            assert_accounted(&summary);
        }
    }
}

#[test]
fn a_line_of_delimiters_is_bounded_like_any_long_record() {
    let mut csv = b"date,rep,metric,value\n".to_vec();
    csv.extend(std::iter::repeat_n(b',', MAX_RECORD + 10));
    csv.extend(b"\n2027-01-16,a,deals,2\n");
    let (summary, rows) = read_ok(&csv, &Mapping::standard());
    assert_eq!(values(&rows), ["2"]);
    assert_eq!(bad_lines(&summary), [(2, "(row)", "record too long")]);
    let endless = io::Read::chain(&b"date,rep,metric,value\n"[..], Commas(0));
    let mut rows = Rows::default();
    let Err(error) = read_actuals(endless, &Mapping::standard(), &mut rows) else {
        panic!("read an endless line of commas");
    };
    assert!(error.to_string().contains("not a CSV export"), "{error}");
}

/// An endless stream of commas: no field has a byte, every byte ends a field.
struct Commas(u64);

impl io::Read for Commas {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        assert!(self.0 < 1 << 30, "read a gigabyte of an endless input");
        buf.fill(b',');
        Ok(buf.len())
    }
}

#[test]
fn utf16_cut_off_in_a_character_ends_cleanly() {
    // Found by fuzzing: an odd number of UTF-16 bytes made the reader call the decoder after
    // it had had the end of the input, a panic inside encoding_rs.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "date,rep,metric,value\n2027-01-15,a,deals,1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    bytes.push(0x00);
    let (summary, rows) = read_ok(&bytes, &Mapping::standard());
    assert_eq!(values(&rows), ["1"]);
    assert_eq!(
        summary.bad, 1,
        "the cut-off character is a line of its own: {summary:?}"
    );
}
