//! Unit tests for apportionment, with the guide's numbers.

use rust_decimal::Decimal;

use super::apportion::{cumulative_quotas, exact_shares, per_rep_targets};
use super::calendar::{CalendarRules, Granularity};
use super::fixed::round_half_up;
use super::reps::{Uncovered, split};
use super::tests_arith::{by_month, close, dec, ymd};
use super::tests_props::runs_of;
use super::weights::{Split, daily_amounts};

#[test]
fn snapping_rounds_true_halves_up() {
    assert_eq!(round_half_up(dec("2.5")), 3);
    assert_eq!(round_half_up(dec("2.4999999999999999999")), 3);
    assert_eq!(round_half_up(dec("2.4999999")), 2);
    let third = dec("1") / dec("3");
    assert_eq!(
        round_half_up(third + third + third + dec("0.5") - dec("1")),
        1
    );
    assert_eq!(
        cumulative_quotas(&[dec("0.4"), dec("0.4"), dec("0.4")]),
        vec![0, 1, 0]
    );
    assert_eq!(cumulative_quotas(&[]), Vec::<i64>::new());
}

#[test]
fn four_equal_reps_get_25_each_month() {
    let r = CalendarRules::default();
    let (s, e) = (ymd(2027, 1, 1), ymd(2027, 12, 31));
    let exact = daily_amounts(&r, &Split::Even, Some(Granularity::Month), dec("100"), s, e);
    let team = cumulative_quotas(&exact);
    let caps = vec![vec![Decimal::ONE; exact.len()]; 4];
    let reps = split(&team, &exact, &runs_of(&caps)).expect("capacity every day");
    for rep in &reps {
        assert_eq!(by_month(s, rep), vec![25; 12]);
    }
    let shares = exact_shares(&exact, &caps);
    assert!(close(shares[0].iter().sum(), dec("300"), "1e-12"));
}

#[test]
fn day_with_quota_and_no_capacity_is_an_error() {
    let caps = vec![vec![Decimal::ONE, Decimal::ZERO, Decimal::ZERO]; 2];
    let team = [1, 2, 0];
    let exact = [dec("1"), dec("2"), dec("0.2")];
    assert_eq!(
        split(&team, &exact, &runs_of(&caps)),
        Err(Uncovered {
            days: vec![1],
            quotas: vec![vec![1, 0, 0], vec![0, 0, 0]]
        })
    );
}

#[test]
fn rep_without_capacity_gets_nothing_that_day() {
    let caps = vec![vec![dec("1"), dec("0"), dec("1")], vec![dec("1"); 3]];
    let exact = [dec("3"), dec("3"), dec("3")];
    let reps = split(&cumulative_quotas(&exact), &exact, &runs_of(&caps)).expect("capacity");
    assert_eq!(reps[0][1], 0);
    assert_eq!(reps[1][1], 3);
    assert_eq!(
        (0..3).map(|d| reps[0][d] + reps[1][d]).collect::<Vec<_>>(),
        vec![3, 3, 3]
    );
}

#[test]
fn per_rep_targets_round_each_rep() {
    let caps = vec![vec![dec("1"); 3], vec![dec("0.5"); 3]];
    let (quotas, exacts) = per_rep_targets(&[dec("0.5"), dec("0.5"), dec("0.5")], &caps);
    assert_eq!(quotas, vec![vec![1, 0, 1], vec![0, 1, 0]]);
    assert_eq!(exacts[1], vec![dec("0.25"); 3]);
}

#[test]
fn fixed_point_cumulative_rounding_matches_decimal() {
    let third = Decimal::ONE / Decimal::from(3);
    let exact: Vec<Decimal> = (0..400)
        .map(|i| third * Decimal::from(i % 7) + Decimal::new(i, 3))
        .collect();
    assert_eq!(
        super::apportion::cumulative_quotas(&exact),
        decimal_reference(&exact)
    );
    let huge = vec![Decimal::MAX / Decimal::from(4); 3];
    assert_eq!(
        super::apportion::cumulative_quotas(&huge),
        decimal_reference(&huge)
    );
}

fn decimal_reference(exact: &[Decimal]) -> Vec<i64> {
    let mut cum = Decimal::ZERO;
    let mut prev = 0;
    exact
        .iter()
        .map(|x| {
            cum = cum.saturating_add(*x);
            let r = round_half_up(cum);
            let q = r - prev;
            prev = r;
            q
        })
        .collect()
}
