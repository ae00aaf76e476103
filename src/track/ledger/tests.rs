//! The ledger filled row by row and through `Filling` holds the same cells and refuses the
//! same rows; its readers see an owner without rows as empty days.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::add::{MAX_CELL, magnitude};
use super::{Cell, Filling, Ledger};
use crate::model::read::read;
use crate::track::csv_read::{Added, RowKey, RowRejection, Sink};
use crate::track::numbers::{Amount, CurrencyCode};

const FILE: &str = r#"
[plan]
start = 2027-01-01
end = 2027-03-31
currency = "EUR"
rates = { USD = "0.5" }

[[teams]]
id = "t"

[[reps]]
id = "a"
team = "t"
aliases = ["Alexandra From Accounts", "X"]

[[reps]]
id = "b"
name = "Bea"
team = "t"

[metrics.deals]
kind = "count"

[metrics.revenue]
kind = "money"
"#;

/// An empty ledger of the test file: reps `a` (aliases `Alexandra From Accounts`, `X`) and `b`
/// (`Bea`) in team `t`, metrics `deals` and `revenue`, 2027-01-01 to 2027-03-31, EUR with
/// USD at 0.5.
pub(crate) fn ledger() -> Ledger {
    let (file, _) = read(FILE);
    Ledger::new(&file, day(0), day(89))
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date") + Days::new(offset)
}

/// One row: owner slot (2 is the team, 3 the company), metric, day offset (past 89 is outside), value,
/// and whether it is written in USD.
type Row = (u32, u32, u64, Decimal, bool);

fn add_all(sink: &mut impl Sink, rows: &[Row]) -> Vec<Result<Added, RowRejection>> {
    rows.iter()
        .map(|&(owner, metric, offset, value, usd)| {
            let currency = usd.then(|| CurrencyCode::new("USD").expect("a code"));
            let amount = Amount { value, currency };
            sink.add(RowKey { owner, metric }, day(offset), amount)
        })
        .collect()
}

/// Every cell of every owner and metric over the plan and a day each side.
fn cells(ledger: &Ledger) -> Vec<Cell> {
    let mut all = Vec::new();
    for metric in ["deals", "revenue"] {
        for slot in 0..4 {
            all.extend(ledger.days(metric, slot, day(0) - Days::new(1), day(90)));
        }
    }
    all
}

/// The ledger filled row by row, and filled in batches of `batch` rows.
fn both(rows: &[Row], batch: usize) -> (Ledger, Ledger) {
    let mut direct = ledger();
    let mut batched = ledger();
    let one = add_all(&mut direct, rows);
    let other = add_all(&mut Filling::sized(&mut batched, batch), rows);
    assert_eq!(one, other, "the same rows kept and refused");
    (direct, batched)
}

fn value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-10_000_i64..10_000, 0_u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        (0_i64..1_000, 0_u32..28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::new(999_999_999_999, 0)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn filling_in_batches_changes_nothing(
        rows in prop::collection::vec((0_u32..4, 0_u32..2, 0_u64..95, value(), any::<bool>()), 0..400),
        batch in 1_usize..100,
    ) {
        let (direct, batched) = both(&rows, batch);
        prop_assert_eq!(cells(&direct), cells(&batched));
        prop_assert_eq!(direct.outside, batched.outside);
        for metric in ["deals", "revenue"] {
            prop_assert_eq!(direct.has_rows(metric), batched.has_rows(metric));
            prop_assert_eq!(direct.has_team_rows(metric), batched.has_team_rows(metric));
        }
    }

    #[test]
    fn magnitude_bounds_a_value_within_four_times(m in any::<i64>(), scale in 0_u32..=28) {
        let value = Decimal::new(m, scale);
        let bound = Decimal::from_i128_with_scale(i128::try_from(magnitude(value)).expect("small"), 0);
        prop_assert!(value.abs() < bound);
        prop_assert!(value.abs() < Decimal::ONE || bound <= value.abs() * Decimal::from(4));
    }
}

#[test]
fn a_full_day_refuses_the_same_rows_row_by_row_and_in_batches() {
    let big = Decimal::new(999_999_999_999, 0);
    // Two thousand big rows on one day pass 10^15 after a thousand; the small rows before
    // them are batched, the big ones soon are not.
    let mut rows: Vec<Row> = (0..50)
        .map(|i| (i % 2, 1, i.into(), Decimal::new(12_345, 2), false))
        .collect();
    rows.extend((0..2000).map(|_| (0, 1, 2, big, false)));
    rows.push((0, 1, 2, Decimal::new(-5, 0), false));
    rows.push((1, 0, 2, Decimal::ONE, false));
    for batch in [4096, 64] {
        let (direct, batched) = both(&rows, batch);
        assert_eq!(cells(&direct), cells(&batched));
    }
    let (direct, _) = both(&rows, 1);
    let full = direct.sum("revenue", 0, day(2), day(2));
    assert!(full <= MAX_CELL && full > MAX_CELL - big, "{full}");
}

#[test]
fn an_owner_without_rows_has_empty_days() {
    let mut ledger = ledger();
    let key = RowKey {
        owner: 1,
        metric: 0,
    };
    let amount = Amount {
        value: Decimal::from(3),
        currency: None,
    };
    assert_eq!(ledger.add(key, day(5), amount), Ok(Added::Kept));
    assert_eq!(ledger.add(key, day(7), amount), Ok(Added::Kept));
    assert_eq!(ledger.sum("deals", 0, day(0), day(89)), Decimal::ZERO);
    assert_eq!(ledger.cells("deals", 0, day(0), day(89)), (0, &[][..]));
    assert_eq!(ledger.sum("deals", 1, day(0), day(89)), Decimal::from(6));
    assert_eq!(ledger.sum("deals", 1, day(6), day(100)), Decimal::from(3));
    assert_eq!(
        ledger.latest("deals", 1, day(0), day(6)),
        Some((day(5), Decimal::from(3)))
    );
    let (skip, cells) = ledger.cells("deals", 1, day(0) - Days::new(3), day(6));
    assert_eq!((skip, cells.len()), (3, 7));
    let days: Vec<Cell> = ledger.days("deals", 1, day(4), day(5)).collect();
    assert_eq!(days[1].rows, 1);
    assert_eq!(ledger.days("deals", 1, day(5), day(4)).count(), 0);
}

#[test]
fn owners_are_found_by_any_name_short_or_long_in_any_case() {
    let mut ledger = ledger();
    for (text, slot) in [
        ("a", 0),
        ("A", 0),
        (" a ", 0),
        ("Alexandra From Accounts", 0),
        ("alexandra from accounts", 0),
        ("x", 0),
        ("b", 1),
        ("Bea", 1),
        ("BEA\t", 1),
        ("t", 2),
        ("team:t", 2),
        ("Team:T", 2),
        ("company", 3),
    ] {
        assert_eq!(ledger.owner(text), Ok(slot), "{text}");
    }
    for text in ["", "c", "Alexandra From Accounts!", "team:", "bea bea"] {
        assert!(ledger.owner(text).is_err(), "{text}");
    }
    assert_eq!(ledger.rep_index("ALEXANDRA FROM ACCOUNTS"), Some(0));
    assert_eq!(ledger.rep_index("team:t"), None);
}

/// A ledger of `reps` reps over 2027 with one count metric.
fn wide_ledger(reps: usize) -> Ledger {
    let mut text = String::from("[plan]\nstart = 2027-01-01\nend = 2027-12-31\n");
    for r in 0..reps {
        writeln!(text, "[[reps]]\nid = \"r{r}\"").expect("a string");
    }
    text.push_str("[metrics.deals]\nkind = \"count\"\n");
    let (file, _) = read(&text);
    Ledger::new(&file, day(0), day(364))
}

#[test]
fn joining_many_reps_on_two_threads_gives_the_ledger_filled_in_one_go() {
    let (reps, rows) = (400_u32, 30_000_u64);
    let empty = wide_ledger(reps as usize);
    // The rows in file order: a fixed, scattered sequence of (rep, day, value).
    let row = |i: u64| {
        let rep = u32::try_from((i * 7919) % u64::from(reps)).expect("a slot");
        (
            rep,
            (i * 104_729) % 365,
            Decimal::new(i64::try_from(i % 97).expect("small"), 1),
        )
    };
    // The first third leaves out the last 150 reps, which the rest then brings (moved over).
    let early = |i: u64| i >= rows / 3 || row(i).0 < reps - 150;
    let add = |ledger: &mut Ledger, range: std::ops::Range<u64>| {
        let mut filling = ledger.filling();
        for i in range.filter(|&i| early(i)) {
            let (rep, offset, value) = row(i);
            let key = RowKey {
                owner: rep,
                metric: 0,
            };
            let amount = Amount {
                value,
                currency: None,
            };
            filling.add(key, day(offset), amount).expect("kept");
        }
    };
    let mut one_go = empty.emptied();
    add(&mut one_go, 0..rows);
    let mut first = empty.emptied();
    add(&mut first, 0..rows / 3);
    let mut second = empty.emptied();
    add(&mut second, rows / 3..rows);
    assert!(first.joins(&second));
    first.join(second);
    assert_eq!(first.canonical(), one_go.canonical());
    let total: Decimal = first.canonical().0.iter().map(|(_, _, _, c)| c.sum).sum();
    let expected: Decimal = (0..rows).filter(|&i| early(i)).map(|i| row(i).2).sum();
    assert_eq!(total, expected);
    // Enough days that both have for the join to take two threads.
    const { assert!(250 * 365 >= super::join::PARALLEL_JOIN) };
}
