//! Property tests for the planning arithmetic over random calendars, ranges, splits and reps.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate, Weekday};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::apportion::{cumulative_quotas, exact_shares, per_rep_targets};
use super::calendar::{CalendarRules, Granularity, Period, period_containing, periods};
use super::capacity::Runs;
use super::fixed::round_half_up;
use super::reps;
use super::weights::{Split, daily_amounts, day_weights};

const ALL: [Granularity; 5] = [
    Granularity::Day,
    Granularity::Week,
    Granularity::Month,
    Granularity::Quarter,
    Granularity::Year,
];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).expect("base date")
}

fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n))
        .expect("test date in range")
}

fn idx(start: NaiveDate, d: NaiveDate) -> usize {
    usize::try_from((d - start).num_days()).expect("day after start")
}

fn rules() -> impl Strategy<Value = CalendarRules> {
    let holidays = prop::collection::vec(0_u64..4000, 0..40);
    (
        1_u32..=12,
        any::<bool>(),
        prop::array::uniform7(any::<bool>()),
        holidays,
    )
        .prop_map(|(fy, sun, wd, hs)| CalendarRules {
            fiscal_year_start: fy,
            week_start: if sun { Weekday::Sun } else { Weekday::Mon },
            workdays: wd,
            holidays: hs
                .into_iter()
                .map(|h| plus(base(), h))
                .collect::<BTreeSet<_>>(),
        })
}

fn split() -> impl Strategy<Value = Split> {
    prop_oneof![
        Just(Split::Even),
        Just(Split::Workdays),
        Just(Split::Calendar),
        prop::array::uniform12(1_i64..1000)
            .prop_map(|p| Split::Profile(p.map(|x| Decimal::new(x, 1)))),
    ]
}

fn granularity() -> impl Strategy<Value = Granularity> {
    prop::sample::select(ALL.to_vec())
}

/// A plan: rules, split, per, amount, start, end (ranges up to 3 years).
fn plan() -> impl Strategy<
    Value = (
        CalendarRules,
        Split,
        Option<Granularity>,
        Decimal,
        NaiveDate,
        NaiveDate,
    ),
> {
    (
        rules(),
        split(),
        prop::option::of(granularity()),
        0_i64..1_000_000_000,
        0_u32..3,
        0_u64..3000,
        0_u64..1096,
    )
        .prop_map(|(r, s, per, n, scale, off, len)| {
            let start = plus(base(), off);
            (r, s, per, Decimal::new(n, scale), start, plus(start, len))
        })
}

fn sum_over(values: &[Decimal], start: NaiveDate, p: &Period) -> Decimal {
    values[idx(start, p.start)..=idx(start, p.end)].iter().sum()
}

/// Whether periods of `inner` always nest inside periods of `outer`.
fn nests(inner: Granularity, outer: Granularity) -> bool {
    use Granularity::{Day, Month, Quarter, Week, Year};
    matches!(
        (inner, outer),
        (Day, _)
            | (Week, Week)
            | (Month, Month | Quarter | Year)
            | (Quarter, Quarter | Year)
            | (Year, Year)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn periods_partition_the_range((r, _s, _p, _a, start, end) in plan()) {
        for by in ALL {
            let ps = periods(&r, by, start, end);
            prop_assert_eq!(ps[0].start, start);
            prop_assert_eq!(ps[ps.len() - 1].end, end);
            for pair in ps.windows(2) {
                prop_assert_eq!(plus(pair[0].end, 1), pair[1].start);
                prop_assert_ne!(&pair[0].label, &pair[1].label);
            }
            for p in &ps {
                prop_assert!(p.start <= p.end);
                for d in [p.start, p.end] {
                    let full = period_containing(&r, by, d);
                    prop_assert!(full.start <= p.start && p.end <= full.end);
                    prop_assert_eq!(&full.label, &p.label);
                }
            }
        }
    }

    #[test]
    fn daily_amounts_add_up((r, s, per, amount, start, end) in plan()) {
        let exact = daily_amounts(&r, &s, per, amount, start, end);
        prop_assert_eq!(exact.len(), idx(start, end) + 1);
        prop_assert!(exact.iter().all(|x| !x.is_sign_negative()));
        let tol = Decimal::new(1, 9);
        let total: Decimal = exact.iter().sum();
        let intended = match per {
            None => {
                let w: Decimal = day_weights(&r, &s, start, end).iter().sum();
                if w.is_zero() { Decimal::ZERO } else { amount }
            }
            Some(by) => periods(&r, by, start, end).iter().map(|p| {
                let full = period_containing(&r, by, p.start);
                let whole: Decimal = day_weights(&r, &s, full.start, full.end).iter().sum();
                let inside: Decimal = day_weights(&r, &s, p.start, p.end).iter().sum();
                let got = sum_over(&exact, start, p);
                let want = if whole.is_zero() { Decimal::ZERO } else { amount * inside / whole };
                assert!((got - want).abs() <= tol, "{}: {got} vs {want}", p.label);
                want
            }).sum(),
        };
        prop_assert!((total - intended).abs() <= tol, "{} vs {}", total, intended);
        let quotas = cumulative_quotas(&exact);
        prop_assert!(quotas.iter().all(|&q| q >= 0));
        prop_assert_eq!(quotas.iter().sum::<i64>(), round_half_up(total));
        prop_assert_eq!(exact, daily_amounts(&r, &s, per, amount, start, end));
    }

    #[test]
    fn whole_coarser_periods_get_whole_multiples((r, s, per, amount, start, end) in plan()) {
        let Some(by) = per else { return Ok(()) };
        let exact = daily_amounts(&r, &s, per, amount, start, end);
        for outer in ALL.into_iter().filter(|&o| nests(by, o)) {
            for p in periods(&r, outer, start, end) {
                let full = period_containing(&r, outer, p.start);
                if full != p {
                    continue;
                }
                let paid = periods(&r, by, p.start, p.end).iter().filter(|q| {
                    day_weights(&r, &s, q.start, q.end).iter().any(|w| !w.is_zero())
                }).count();
                let want = amount * Decimal::from(paid);
                let got = sum_over(&exact, start, &p);
                prop_assert!((got - want).abs() <= Decimal::new(1, 9), "{}: {} vs {}", p.label, got, want);
            }
        }
    }
}

/// Capacities `[rep][day]` as the runs the split reads.
pub(super) fn runs_of(caps: &[Vec<Decimal>]) -> Vec<Runs> {
    caps.iter()
        .map(|row| {
            let mut runs: Runs = Vec::new();
            for (d, &c) in row.iter().enumerate() {
                match runs.last_mut() {
                    Some((_, to, value)) if *value == c => *to = d,
                    _ => runs.push((d, d, c)),
                }
            }
            runs
        })
        .collect()
}

/// Reps' capacities: `constant` gives every rep one capacity for all days.
pub(super) fn team(constant: bool) -> impl Strategy<Value = (Vec<Decimal>, Vec<Vec<Decimal>>)> {
    let cap =
        prop::sample::select(vec![0_i64, 0, 5, 10, 10, 15, 30]).prop_map(|c| Decimal::new(c, 1));
    (1_usize..120, 1_usize..8).prop_flat_map(move |(days, reps)| {
        let exact = prop::collection::vec(
            (0_i64..100_000, 0_u32..4).prop_map(|(n, s)| Decimal::new(n, s)),
            days,
        );
        let row_len = if constant { 1 } else { days };
        let caps = prop::collection::vec(prop::collection::vec(cap.clone(), row_len), reps);
        (exact, caps).prop_map(move |(e, c)| {
            let c = if constant {
                c.into_iter().map(|row| vec![row[0]; days]).collect()
            } else {
                c
            };
            (e, c)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn reps_add_up_to_the_team((exact, caps) in team(false)) {
        let quota = cumulative_quotas(&exact);
        let no_cap: Vec<usize> = (0..exact.len())
            .filter(|&d| quota[d] != 0 && caps.iter().all(|c| c[d].is_zero()))
            .collect();
        let got = reps::split(&quota, &exact, &runs_of(&caps));
        prop_assert_eq!(&got, &reps::split(&quota, &exact, &runs_of(&caps)));
        match got {
            Err(uncovered) => prop_assert_eq!(uncovered.days, no_cap),
            Ok(reps) => {
                prop_assert!(no_cap.is_empty());
                for d in 0..exact.len() {
                    prop_assert_eq!(reps.iter().map(|r| r[d]).sum::<i64>(), quota[d]);
                    for (r, rep) in reps.iter().enumerate() {
                        prop_assert!(rep[d] >= 0);
                        prop_assert!(rep[d] == 0 || !caps[r][d].is_zero());
                    }
                }
            }
        }
    }

    #[test]
    fn constant_shares_stay_within_one_unit_of_exact_share((exact, caps) in team(true)) {
        prop_assume!(caps.iter().any(|c| !c[0].is_zero()));
        let quota = cumulative_quotas(&exact);
        let reps = reps::split(&quota, &exact, &runs_of(&caps)).expect("capacity every day");
        let shares = exact_shares(&exact, &caps);
        let team: Vec<Decimal> = quota.iter().map(|&q| Decimal::from(q)).collect();
        let scaled = exact_shares(&team, &caps);
        for ((rep, share), scaled) in reps.iter().zip(&shares).zip(&scaled) {
            let (mut a, mut e, mut s) = (0_i64, Decimal::ZERO, Decimal::ZERO);
            for d in 0..exact.len() {
                a += rep[d];
                e += share[d];
                s += scaled[d];
                let a = Decimal::from(a);
                prop_assert!((a - e).abs() < Decimal::ONE + Decimal::new(1, 9), "day {}: {} vs exact {}", d, a, e);
                prop_assert!((a - s).abs() <= Decimal::new(15, 1), "day {}: {} vs scaled {}", d, a, s);
            }
        }
    }

    #[test]
    fn fixed_point_rounding_matches_decimal_rounding((exact, _caps) in team(false)) {
        let mut cum = Decimal::ZERO;
        let mut prev = 0_i64;
        let reference: Vec<i64> = exact.iter().map(|x| {
            cum += *x;
            let r = round_half_up(cum);
            let q = r - prev;
            prev = r;
            q
        }).collect();
        prop_assert_eq!(cumulative_quotas(&exact), reference);
    }

    #[test]
    fn per_rep_targets_sum_to_rounded_totals((exact, caps) in team(false)) {
        let (quotas, exacts) = per_rep_targets(&exact, &caps);
        prop_assert_eq!((&quotas, &exacts), (&per_rep_targets(&exact, &caps).0, &per_rep_targets(&exact, &caps).1));
        for (q, e) in quotas.iter().zip(&exacts) {
            prop_assert!(q.iter().all(|&x| x >= 0));
            prop_assert_eq!(q.iter().sum::<i64>(), round_half_up(e.iter().sum()));
        }
    }
}
