//! The whole-unit plans a tracking report compares with: each additive target's team and rep
//! quotas, day by day, in file order, worked out with a plan cache (a team's share runs and a
//! split's weights once, as `plan` does). `goals track` works them out on two more threads
//! while the exports are read, since neither needs the other, each thread taking every other
//! goal (so that a goal's targets share their team's cache); any other caller works them out
//! as it goes.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use crate::plan::shared::PlanCache;
use crate::plan::target;
use crate::smart::{Checked, Resolved};

/// Targets each thread plans ahead of the report: a bound on the memory held while the
/// exports are still being read.
const AHEAD: usize = 32;
/// Threads that plan at most.
const PLANNERS: usize = 2;

/// One target's plan in whole units: per day, the team's quota and each rep's (in the order of
/// the target's reps).
#[derive(Debug)]
pub struct Quotas {
    pub team: Vec<i64>,
    pub reps: Vec<Vec<i64>>,
}

/// Each target's plan in file order: `None` for a rate or level target, which has no quotas.
pub type Planned<'a> = Box<dyn Iterator<Item = Option<Quotas>> + 'a>;

/// The plans of `checked`'s targets, worked out one by one as they are asked for.
pub fn as_needed(checked: Checked<'_>) -> Planned<'_> {
    let mut cache = PlanCache::default();
    Box::new(
        checked
            .targets()
            .map(move |r| plan(checked, &r, &mut cache)),
    )
}

fn plan(checked: Checked<'_>, r: &Resolved<'_>, cache: &mut PlanCache) -> Option<Quotas> {
    r.metric.kind.is_additive().then(|| {
        let days = target::days_with(checked.file(), r, cache);
        Quotas {
            team: days.team_quota,
            reps: days.rep_quota,
        }
    })
}

/// The plans of `checked`'s targets, worked out on threads of `scope` (two, or one on a
/// machine that runs one thread at a time), each up to [`AHEAD`] targets ahead of the reader
/// of the returned iterator. The threads stop early when the iterator is dropped.
pub fn ahead<'scope, 'env: 'scope>(
    scope: &'scope Scope<'scope, 'env>,
    checked: Checked<'env>,
) -> Planned<'scope> {
    let threads = crate::cores::available().min(PLANNERS);
    let mut planners = Vec::with_capacity(threads);
    for part in 0..threads {
        let (sender, receiver) = sync_channel(AHEAD);
        let worker = scope.spawn(move || send_part(checked, part, threads, &sender));
        planners.push(Planner {
            receiver,
            worker: Some(worker),
        });
    }
    let goals = checked.targets().map(move |r| r.goal_order % threads);
    Box::new(goals.map(move |part| planners[part].next()))
}

/// Plans the targets of every `threads`-th goal from goal `part` on, in file order.
fn send_part(
    checked: Checked<'_>,
    part: usize,
    threads: usize,
    sender: &SyncSender<Option<Quotas>>,
) {
    let mut cache = PlanCache::default();
    for r in checked.targets().filter(|r| r.goal_order % threads == part) {
        if sender.send(plan(checked, &r, &mut cache)).is_err() {
            return; // The report was abandoned (an export could not be read).
        }
    }
}

/// One planning thread's plans as it sends them; a panic on the thread is raised again here.
struct Planner<'scope> {
    receiver: Receiver<Option<Quotas>>,
    worker: Option<ScopedJoinHandle<'scope, ()>>,
}

impl Planner<'_> {
    /// The thread's next plan.
    ///
    /// # Panics
    /// When the thread panicked (again, with its payload), or ended before its last plan.
    fn next(&mut self) -> Option<Quotas> {
        if let Ok(quotas) = self.receiver.recv() {
            return quotas;
        }
        if let Some(worker) = self.worker.take()
            && let Err(panic) = worker.join()
        {
            std::panic::resume_unwind(panic);
        }
        unreachable!("a planning thread sends a plan for each of its targets")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::{Quotas, ahead, as_needed};
    use crate::cmd::load::check_source;
    use crate::source::Source;

    fn example() -> crate::cmd::load::Loaded {
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
    fn the_second_thread_plans_what_is_planned_as_needed_in_file_order() {
        let loaded = example();
        let checked = loaded.checked().expect("the example is valid");
        let inline = sums(as_needed(checked));
        let threaded = std::thread::scope(|scope| sums(ahead(scope, checked)));
        assert_eq!(threaded, inline);
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

    #[test]
    fn a_report_abandoned_early_stops_the_second_thread() {
        let loaded = example();
        let checked = loaded.checked().expect("the example is valid");
        // The scope returns only once the thread has ended: dropping the plans must end it.
        std::thread::scope(|scope| {
            let mut planned = ahead(scope, checked);
            assert!(planned.next().is_some());
        });
    }
}
