//! Properties of the offline share: whenever it answers, reps add up to the team every day,
//! nobody gets a unit on a day without capacity, and every rep stays within one unit of its
//! exact share; with constant capacities (and at most a million units) it always answers.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::apportion::{cumulative_quotas, exact_shares};
use super::share_exact::{MAX_UNITS, share_within_one};
use super::tests_props::team;

fn assert_within_one(
    exact: &[Decimal],
    caps: &[Vec<Decimal>],
    quota: &[i64],
    reps: &[Vec<i64>],
) -> Result<(), TestCaseError> {
    let shares = exact_shares(exact, caps);
    for d in 0..exact.len() {
        prop_assert_eq!(reps.iter().map(|r| r[d]).sum::<i64>(), quota[d]);
    }
    for ((rep, share), cap) in reps.iter().zip(&shares).zip(caps) {
        let (mut a, mut e) = (0_i64, Decimal::ZERO);
        for d in 0..exact.len() {
            prop_assert!(rep[d] >= 0);
            prop_assert!(
                rep[d] == 0 || !cap[d].is_zero(),
                "a unit on a day without capacity"
            );
            a += rep[d];
            e += share[d];
            prop_assert!(
                (Decimal::from(a) - e).abs() <= Decimal::ONE + Decimal::new(1, 9),
                "day {}: {} vs exact {}",
                d,
                a,
                e
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn constant_capacities_always_stay_within_one_unit((exact, caps) in team(true)) {
        prop_assume!(caps.iter().any(|c| !c[0].is_zero()));
        let quota = cumulative_quotas(&exact);
        // Beyond a million units (money in cents) the schedule is not attempted.
        prop_assume!(quota.iter().sum::<i64>() <= MAX_UNITS);
        let reps = share_within_one(&quota, &exact, &caps);
        prop_assert!(reps.is_some(), "no schedule found");
        assert_within_one(&exact, &caps, &quota, &reps.unwrap())?;
    }

    #[test]
    fn any_answer_stays_within_one_unit((exact, caps) in team(false)) {
        let quota = cumulative_quotas(&exact);
        if let Some(reps) = share_within_one(&quota, &exact, &caps) {
            assert_within_one(&exact, &caps, &quota, &reps)?;
        }
    }
}

#[test]
fn four_equal_reps_get_the_guide_s_25() {
    let days = 21;
    let exact = vec![Decimal::from(100) / Decimal::from(days); days];
    let caps = vec![vec![Decimal::ONE; days]; 4];
    let quota = cumulative_quotas(&exact);
    let reps = share_within_one(&quota, &exact, &caps).expect("a schedule");
    for rep in &reps {
        assert_eq!(rep.iter().sum::<i64>(), 25);
    }
}
