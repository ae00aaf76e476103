//! The whole-unit plans a tracking report compares with: each additive target's team and rep
//! quotas, day by day, in file order, worked out with a plan cache (a team's share runs and a
//! split's weights once, as `plan` does). `goals track` works them out on threads of its own
//! (`track::ahead`); any other caller works them out as it goes.

use crate::plan::shared::PlanCache;
use crate::plan::target;
use crate::smart::{Checked, Resolved};

/// One target's plan in whole units: per day, the team's quota and each rep's (in the order of
/// the target's reps).
#[derive(Debug)]
pub struct Quotas {
    pub team: Vec<i64>,
    pub reps: Vec<Vec<i64>>,
}

/// Each target's plan in file order, worked out one by one as it is asked for: `None` for a
/// rate or level target, which has no quotas.
pub fn as_needed(checked: Checked<'_>) -> impl Iterator<Item = Option<Quotas>> + '_ {
    let mut cache = PlanCache::default();
    checked
        .targets()
        .map(move |r| plan(checked, &r, &mut cache))
}

/// One target's plan in whole units, with what targets share from (or added to) `cache`.
pub(super) fn plan(
    checked: Checked<'_>,
    r: &Resolved<'_>,
    cache: &mut PlanCache,
) -> Option<Quotas> {
    r.metric.kind.is_additive().then(|| {
        let days = target::days_with(checked.file(), r, cache);
        Quotas {
            team: days.team_quota,
            reps: days.rep_quota,
        }
    })
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::{Quotas, as_needed};
    use crate::cmd::load::check_source;
    use crate::source::Source;

    /// The example goal file, checked as of 2026-12-01.
    pub(in crate::track) fn example() -> crate::cmd::load::Loaded {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("goals.example.toml")).expect("the example");
        let source = Source {
            name: "goals.example.toml".into(),
            text,
            invalid_utf8_at: None,
        };
        let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        check_source(source, as_of, &mut |_| Vec::new())
    }

    fn sums(planned: impl Iterator<Item = Option<Quotas>>) -> Vec<Option<(i64, Vec<i64>)>> {
        planned
            .map(|q| {
                q.map(|q| {
                    (
                        q.team.iter().sum(),
                        q.reps.iter().map(|r| r.iter().sum()).collect(),
                    )
                })
            })
            .collect()
    }

    #[test]
    fn every_target_has_its_plan_in_file_order() {
        let loaded = example();
        let checked = loaded.checked().expect("the example is valid");
        let inline = sums(as_needed(checked));
        assert_eq!(inline.len(), checked.targets().count());
        // Rate and level targets have no quotas; every other target's reps add up to the team.
        let additive: Vec<bool> = checked
            .targets()
            .map(|r| r.metric.kind.is_additive())
            .collect();
        assert!(additive.contains(&true) && additive.contains(&false));
        for (plan, additive) in inline.iter().zip(additive) {
            assert_eq!(plan.is_some(), additive);
            if let Some((team, reps)) = plan {
                assert!(*team > 0);
                assert_eq!(reps.iter().sum::<i64>(), *team);
            }
        }
    }
}
