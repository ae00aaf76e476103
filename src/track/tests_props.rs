//! Property tests: for random plans (reps that start late, leave, take leave and ramp; team
//! and each-rep targets; seasonal and `per` splits), as-of dates and actuals, the team's
//! catch-up of `goals track` equals the remaining days of `goals replan`, replan's days add up
//! to the target (with what is unplaced, or to the actuals when they exceed it), and no rep
//! gets a replanned quota on a day it is not there.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::csv_read::{RowKey, Sink};
use super::ledger::Ledger;
use super::numbers::Amount;
use super::progress::{self, Context};
use super::quotas::Quotas;
use super::replan::Replan;
use crate::cmd::load::check_source;
use crate::model::{MetricKind, Per};
use crate::plan::DaySource;
use crate::plan::capacity::is_active;
use crate::plan::target;
use crate::source::Source;

/// One rep: fte in tenths, start and end as day offsets, leave as (offset, length), ramp.
#[derive(Clone, Debug)]
struct RepSpec {
    fte: u32,
    start: Option<u64>,
    end: Option<u64>,
    leave: Option<(u64, u64)>,
    ramp: Vec<u32>,
}

#[derive(Clone, Debug)]
struct Case {
    reps: Vec<RepSpec>,
    money: bool,
    each_rep: bool,
    amount: u32,
    split: usize,
    per_month: bool,
    profile: [u32; 12],
    as_of: u64,
    by: Per,
    /// (rep, day offset, value).
    rows: Vec<(usize, u64, u32)>,
}

fn rep_spec() -> impl Strategy<Value = RepSpec> {
    (
        1_u32..=10,
        prop::option::of(0_u64..300),
        prop::option::of(60_u64..365),
        prop::option::of((0_u64..330, 1_u64..90)),
        prop::collection::vec(1_u32..10, 0..3),
    )
        .prop_map(|(fte, start, end, leave, ramp)| RepSpec {
            fte,
            start,
            end: end.filter(|e| start.is_none_or(|s| *e > s)),
            leave,
            ramp,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(rep_spec(), 1..4),
        any::<bool>(),
        any::<bool>(),
        1_u32..5000,
        0_usize..4,
        any::<bool>(),
        prop::array::uniform12(1_u32..20),
        0_u64..400,
        prop::sample::select(vec![Per::Week, Per::Month, Per::Quarter]),
        prop::collection::vec((0_usize..3, 0_u64..365, 0_u32..400), 0..40),
    )
        .prop_map(
            |(reps, money, each_rep, amount, split, per_month, profile, as_of, by, rows)| Case {
                rows: rows
                    .into_iter()
                    .map(|(r, d, v)| (r % reps.len(), d, v))
                    .collect(),
                reps,
                money,
                each_rep,
                amount,
                split,
                per_month,
                profile,
                as_of,
                by,
            },
        )
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date") + Days::new(offset)
}

/// The goal file of a case, as a user would write it.
fn goal_file(c: &Case) -> String {
    let mut t = String::from(
        "[plan]\nname = \"P\"\nstart = 2027-01-01\nend = 2027-12-31\ncurrency = \"EUR\"\n\n\
         [[objectives]]\nid = \"o\"\ntitle = \"Grow\"\n\n[[teams]]\nid = \"t\"\nname = \"T\"\n\n",
    );
    for (i, r) in c.reps.iter().enumerate() {
        let _ = writeln!(
            t,
            "[[reps]]\nid = \"r{i}\"\nteam = \"t\"\nfte = {}",
            Decimal::new(i64::from(r.fte), 1)
        );
        if let Some(s) = r.start {
            let _ = writeln!(t, "start = {}", day(s));
        }
        if let Some(e) = r.end {
            let _ = writeln!(t, "end = {}", day(e));
        }
        if let Some((from, len)) = r.leave {
            let to = day((from + len).min(364));
            let _ = writeln!(t, "time_off = [{{ from = {}, to = {to} }}]", day(from));
        }
        if !r.ramp.is_empty() {
            let ramp: Vec<String> = r
                .ramp
                .iter()
                .map(|x| Decimal::new(i64::from(*x), 1).to_string())
                .collect();
            let _ = writeln!(t, "ramp = [{}]", ramp.join(", "));
        }
        t.push('\n');
    }
    let kind = if c.money { "money" } else { "count" };
    let _ = writeln!(t, "[metrics.m]\nkind = \"{kind}\"\nsource = \"CRM\"\n");
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    t.push_str("[seasonality.s]\n");
    for (m, w) in months.iter().zip(c.profile) {
        let _ = writeln!(t, "{m} = {w}");
    }
    let split = ["even", "workdays", "calendar", "s"][c.split];
    let _ = write!(
        t,
        "\n[[goals]]\nid = \"g\"\ntitle = \"Sell more\"\nfamily = \"product\"\nobjective = \"o\"\n\
         owner = \"team:t\"\nreview = \"monthly\"\nsteps = [\"Call\"]\n\n  [[goals.targets]]\n  \
         metric = \"m\"\n  target = {}\n  split = \"{split}\"\n",
        c.amount
    );
    if c.per_month {
        t.push_str("  per = \"month\"\n");
    }
    if c.each_rep {
        t.push_str("  each = \"rep\"\n");
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn catch_up_and_replan_tell_the_same_story(c in case()) {
        let text = goal_file(&c);
        let source = Source { name: "p.toml".into(), text, invalid_utf8_at: None };
        let loaded = check_source(source, day(0), &mut |_| Vec::new());
        // Files the rules refuse (a day with a quota and nobody there) are not planned at all.
        let Some(checked) = loaded.checked() else {
            return Ok(())
        };
        let file = checked.file();
        let (start, end) = checked.period();
        let mut ledger = Ledger::new(file, start, end);
        let ids: Vec<String> = (0..c.reps.len()).map(|i| format!("r{i}")).collect();
        for &(rep, offset, value) in &c.rows {
            let key = RowKey {
                owner: ledger.owner(&ids[rep]).expect("a rep of the file"),
                metric: ledger.metric("m").expect("a metric of the file"),
            };
            let amount = Amount { value: Decimal::from(value), currency: None };
            prop_assert!(ledger.add(key, day(offset), amount).is_ok());
        }
        let as_of = day(0).checked_sub_days(Days::new(10)).expect("a date") + Days::new(c.as_of);
        let r = checked.targets().next().expect("a target");
        let decimals = if r.metric.kind == MetricKind::Money { 2 } else { 0 };
        let ctx = Context { file, ledger: &ledger, as_of, by: c.by, has_data: true };
        let plan = target::days(file, &r);
        let quotas = Quotas { team: plan.team_quota.clone(), reps: plan.rep_quota.clone() };
        let tracked = progress::track(&ctx, &r, decimals, Some(quotas));
        let replan = Replan::new(&ledger, as_of).days(file, &r);
        let at = |d: NaiveDate| usize::try_from((d - r.start).num_days()).expect("inside");

        // Team catch-up periods equal replan's remaining team periods.
        let remaining: Vec<Decimal> = tracked
            .remaining
            .iter()
            .map(|p| {
                let units: i64 = replan.team_quota[at(p.start)..=at(p.end)].iter().sum();
                Decimal::from(units) / r.scale
            })
            .collect();
        prop_assert_eq!(&tracked.team.catch_up_periods, &remaining);
        // A rep's catch-up follows the rep's own plan: nothing for a period it is not there.
        for (rep, quota) in tracked.reps.iter().zip(&plan.rep_quota) {
            for (p, asked) in tracked.remaining.iter().zip(&rep.progress.catch_up_periods) {
                let planned: i64 = quota[at(p.start)..=at(p.end)].iter().sum();
                prop_assert!(planned > 0 || asked.is_zero(), "{} in {}: {}", rep.rep, p.label, asked);
            }
        }

        // Replan adds up: to the target with what is unplaced, or to the actuals beyond it.
        let past = progress::days_to_date(&r, as_of, plan.team_quota.len());
        // Each rep's actuals over the days replan keeps as history, in whole units.
        let done = |i: usize| -> i64 {
            if past == 0 {
                return 0;
            }
            let last = r.start + Days::new(past as u64 - 1);
            let sum = ledger.sum("m", i, r.start, last) * r.scale;
            i64::try_from(sum.trunc().mantissa()).expect("small")
        };
        let expected: i64 = if past == 0 {
            plan.team_quota.iter().sum()
        } else if r.target.each_rep {
            plan.rep_quota
                .iter()
                .enumerate()
                .map(|(i, q)| q.iter().sum::<i64>().max(done(i)))
                .sum()
        } else {
            let all: i64 = (0..r.reps.len()).map(done).sum();
            plan.team_quota.iter().sum::<i64>().max(all)
        };
        let replanned: i64 = replan.team_quota.iter().sum();
        prop_assert_eq!(replanned + replan.unplaced, expected);

        // Reps add up to the team every day, and nobody is asked for a day they are away.
        for (d, &team) in replan.team_quota.iter().enumerate() {
            let reps: i64 = replan.rep_quota.iter().map(|q| q[d]).sum();
            prop_assert_eq!(reps, team, "day {}", d);
        }
        for (rep, quota) in r.reps.iter().zip(&replan.rep_quota) {
            for (d, &q) in quota.iter().enumerate().skip(past) {
                let date = r.start + Days::new(d as u64);
                prop_assert!(q == 0 || is_active(rep, date), "{} on {}: {}", rep.id.value, date, q);
                prop_assert!(q >= 0);
            }
        }
    }
}
