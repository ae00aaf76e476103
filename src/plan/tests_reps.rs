//! Properties of the split among reps: reps add up to the team every day, nobody gets a unit
//! on a day without capacity, every rep stays within one unit of its exact share while shares
//! stay constant (at every size, money in cents included), and leftover units follow one rule:
//! earliest due first, then the largest deficit against the exact share, then the rep listed
//! first, as the plain arithmetic over stretches gives them.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::apportion::{cumulative_quotas, exact_shares};
use super::capacity::Runs;
use super::reps::{split, split_saturating};
use super::tests_arith::dec;
use super::tests_props::{runs_of, team};

/// The largest distance of any rep's running total from its exact running share.
fn worst_distance(exact: &[Decimal], caps: &[Vec<Decimal>], reps: &[Vec<i64>]) -> Decimal {
    let shares = exact_shares(exact, caps);
    let mut worst = Decimal::ZERO;
    for (rep, share) in reps.iter().zip(&shares) {
        let (mut a, mut e) = (0_i64, Decimal::ZERO);
        for d in 0..exact.len() {
            a += rep[d];
            e += share[d];
            worst = worst.max((Decimal::from(a) - e).abs());
        }
    }
    worst
}

fn assert_adds_up(
    caps: &[Vec<Decimal>],
    quota: &[i64],
    reps: &[Vec<i64>],
) -> Result<(), TestCaseError> {
    for (d, &q) in quota.iter().enumerate() {
        prop_assert_eq!(reps.iter().map(|r| r[d]).sum::<i64>(), q);
        for (rep, cap) in reps.iter().zip(caps) {
            prop_assert!(rep[d] >= 0);
            prop_assert!(
                rep[d] == 0 || !cap[d].is_zero(),
                "a unit on a day without capacity"
            );
        }
    }
    Ok(())
}

/// Money-sized days: up to 100,000.00 a day in cents, so a plan runs to millions of units.
fn big_team() -> impl Strategy<Value = (Vec<Decimal>, Vec<Vec<Decimal>>)> {
    team(true).prop_flat_map(|(exact, caps)| {
        let days = exact.len();
        (
            prop::collection::vec((0_i64..10_000_000_000, 0_u32..3), days)
                .prop_map(|v| v.into_iter().map(|(n, s)| Decimal::new(n, s)).collect()),
            Just(caps),
        )
    })
}

/// Teams on days with and without amounts (weekends, holidays), with runs dropped so that a
/// rep's days have gaps, and team quotas that need not follow the amounts: late units, days
/// with more units than are due, and negative days.
fn uneven_team() -> impl Strategy<Value = (Vec<i64>, Vec<Decimal>, Vec<Runs>)> {
    // Only small teams get other quotas: a money-sized day short of its units due hands out
    // its millions of units a round of reps at a time.
    let small = (team(false), Just(true));
    prop_oneof![small, (team(true), Just(true)), (big_team(), Just(false))].prop_flat_map(
        |((exact, caps), other)| {
            let days = exact.len();
            let reps = caps.len();
            let quota = if other {
                prop_oneof![6 => Just(None), 1 => (-2_i64..40).prop_map(Some)].boxed()
            } else {
                Just(None).boxed()
            };
            (
                Just(exact),
                Just(caps),
                prop::collection::vec(prop::bool::weighted(0.4), days),
                prop::collection::vec(quota, days),
                prop::collection::vec(prop::collection::vec(prop::bool::weighted(0.2), 1..5), reps),
            )
                .prop_map(|(exact, caps, empty, quota, drop)| {
                    let exact: Vec<Decimal> = exact
                        .into_iter()
                        .zip(&empty)
                        .map(|(e, &z)| if z { Decimal::ZERO } else { e })
                        .collect();
                    let quota = cumulative_quotas(&exact)
                        .into_iter()
                        .zip(quota)
                        .map(|(q, o)| o.unwrap_or(q))
                        .collect();
                    let runs = runs_of(&caps)
                        .into_iter()
                        .zip(&drop)
                        .map(|(runs, drop)| {
                            let runs = runs.into_iter().enumerate();
                            runs.filter(|(i, _)| !drop[i % drop.len()])
                                .map(|(_, run)| run)
                                .collect()
                        })
                        .collect();
                    (quota, exact, runs)
                })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn stretches_of_plain_arithmetic_split_as_every_day_saturating(
        (quota, exact, runs) in uneven_team(),
    ) {
        let quotas = split(&quota, &exact, &runs).unwrap_or_else(|u| u.quotas);
        prop_assert_eq!(quotas, split_saturating(&quota, &exact, &runs));
    }

    #[test]
    fn constant_capacities_always_stay_within_one_unit((exact, caps) in team(true)) {
        prop_assume!(caps.iter().any(|c| !c[0].is_zero()));
        let quota = cumulative_quotas(&exact);
        let reps = split(&quota, &exact, &runs_of(&caps)).expect("capacity every day");
        assert_adds_up(&caps, &quota, &reps)?;
        let worst = worst_distance(&exact, &caps, &reps);
        prop_assert!(worst < Decimal::ONE + Decimal::new(1, 9), "{} units off", worst);
    }

    #[test]
    fn millions_of_units_stay_within_one_unit((exact, caps) in big_team()) {
        prop_assume!(caps.iter().any(|c| !c[0].is_zero()));
        let quota = cumulative_quotas(&exact);
        let reps = split(&quota, &exact, &runs_of(&caps)).expect("capacity every day");
        assert_adds_up(&caps, &quota, &reps)?;
        let worst = worst_distance(&exact, &caps, &reps);
        prop_assert!(worst < Decimal::ONE + Decimal::new(1, 9), "{} units off", worst);
    }

    #[test]
    fn plain_arithmetic_splits_as_saturating_arithmetic(
        (exact, caps) in prop_oneof![team(false), team(true), big_team()],
    ) {
        let quota = cumulative_quotas(&exact);
        let runs = runs_of(&caps);
        let quotas = split(&quota, &exact, &runs).unwrap_or_else(|u| u.quotas);
        prop_assert_eq!(quotas, split_saturating(&quota, &exact, &runs));
    }

    #[test]
    fn changing_capacities_still_add_up((exact, caps) in team(false)) {
        let quota = cumulative_quotas(&exact);
        match split(&quota, &exact, &runs_of(&caps)) {
            Ok(reps) => assert_adds_up(&caps, &quota, &reps)?,
            Err(uncovered) => {
                for (d, &q) in quota.iter().enumerate() {
                    let shared: i64 = uncovered.quotas.iter().map(|r| r[d]).sum();
                    let carried = caps.iter().any(|c| !c[d].is_zero());
                    prop_assert_eq!(shared, if carried { q } else { 0 });
                    prop_assert_eq!(uncovered.days.contains(&d), q != 0 && !carried);
                }
            }
        }
    }
}

#[test]
fn four_equal_reps_get_the_guide_s_25() {
    let days = 21;
    let exact = vec![Decimal::from(100) / Decimal::from(days); days];
    let caps = vec![vec![Decimal::ONE; days]; 4];
    let quota = cumulative_quotas(&exact);
    let reps = split(&quota, &exact, &runs_of(&caps)).expect("capacity");
    for rep in &reps {
        assert_eq!(rep.iter().sum::<i64>(), 25);
    }
}

/// One day's amount over reps of fte 0.2, 0.3 and 0.1, in cents.
fn one_day(cents: i64) -> Vec<i64> {
    let exact = vec![Decimal::from(cents)];
    let caps = vec![vec![dec("0.2")], vec![dec("0.3")], vec![dec("0.1")]];
    let quota = cumulative_quotas(&exact);
    let reps = split(&quota, &exact, &runs_of(&caps)).expect("capacity");
    reps.iter().map(|r| r[0]).collect()
}

#[test]
fn leftover_units_go_to_the_largest_deficit_at_every_size() {
    // 1.00: exact 33.33, 50 and 16.67 cents; the leftover cent goes to the 0.67 deficit.
    assert_eq!(one_day(100), vec![33, 50, 17]);
    // 10,000.01: exact 333,333.67, 500,000.5 and 166,666.83; the two leftover cents go to
    // the two largest deficits (0.83 and 0.67).
    assert_eq!(one_day(1_000_001), vec![333_334, 500_000, 166_667]);
}

#[test]
fn equal_deficits_go_to_the_rep_listed_first() {
    let exact = vec![Decimal::ONE];
    let caps = vec![vec![Decimal::ONE]; 3];
    let reps = split(&[1], &exact, &runs_of(&caps)).expect("capacity");
    assert_eq!(reps, vec![vec![1], vec![0], vec![0]]);
}

#[test]
fn changing_shares_have_no_fixed_bound() {
    // Two reps at work on alternate days, half a unit a day: the team's rounding gives the
    // unit of every second day to the same rep, whatever the split does.
    let days = 40;
    let exact = vec![dec("0.5"); days];
    let caps: Vec<Vec<Decimal>> = (0..2)
        .map(|r| {
            (0..days)
                .map(|d| {
                    if d % 2 == r {
                        Decimal::ONE
                    } else {
                        Decimal::ZERO
                    }
                })
                .collect()
        })
        .collect();
    let quota = cumulative_quotas(&exact);
    let reps = split(&quota, &exact, &runs_of(&caps)).expect("capacity");
    assert_eq!(reps[0].iter().sum::<i64>(), 20);
    assert_eq!(reps[1].iter().sum::<i64>(), 0);
    assert_eq!(worst_distance(&exact, &caps, &reps), Decimal::from(10));
}

#[test]
fn leftover_units_by_the_days_reps_fall_due_split_as_saturating() {
    // Four months with weekends, reps of uneven capacity, a day's amount from a fraction of a unit
    // per rep to money-sized ones, and some days with many more units than are due: the
    // leftover units go by the days the reps fall due (past 24 of them due on one day, by
    // selection), and must go as the rule says.
    for (per_day, reps) in [
        ("7.6628", 20),
        ("1532567.0498", 20),
        ("3.3", 7),
        ("0.09", 13),
        ("1532567.0498", 30),
        ("95.7", 30),
    ] {
        let exact: Vec<Decimal> = (0..120)
            .map(|d| {
                if d % 7 >= 5 {
                    Decimal::ZERO
                } else {
                    dec(per_day)
                }
            })
            .collect();
        let caps: Vec<Vec<Decimal>> = (0..reps)
            .map(|r| vec![Decimal::new([10, 10, 15, 5][r % 4], 1); exact.len()])
            .collect();
        let runs = runs_of(&caps);
        let mut quota = cumulative_quotas(&exact);
        let expected = split_saturating(&quota, &exact, &runs);
        assert_eq!(
            split(&quota, &exact, &runs),
            Ok(expected),
            "{per_day} a day"
        );
        for (d, q) in quota.iter_mut().enumerate() {
            if d % 11 == 3 {
                *q += 45;
            }
        }
        let expected = split_saturating(&quota, &exact, &runs);
        assert_eq!(
            split(&quota, &exact, &runs),
            Ok(expected),
            "{per_day} a day, more"
        );
    }
}
