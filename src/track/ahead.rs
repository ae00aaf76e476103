//! `goals track`'s targets worked out on two more threads, each taking every other goal (so
//! that a goal's targets share their team's plan cache): while the exports are read, a thread
//! plans up to [`AHEAD`] of its targets, since the plan needs no actuals; once the ledger is
//! handed over, it tracks them and every later one against it. The report is assembled from
//! the tracked targets in file order. On a machine that runs one thread at a time there is one
//! such thread.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, SyncSender, TryRecvError, channel, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use super::build::{TrackOptions, track_target};
use super::ledger::Ledger;
use super::quotas::{Quotas, plan};
use super::report::TargetTrack;
use crate::plan::shared::PlanCache;
use crate::smart::{Checked, Resolved};

/// Targets each thread plans before the ledger comes: a bound on the memory held while the
/// exports are still being read.
const AHEAD: usize = 32;
/// Threads that plan and track at most.
const THREADS: usize = 2;

/// The threads at work on a file's targets.
pub struct Ahead<'scope> {
    threads: Vec<Tracker<'scope>>,
    parts: Vec<usize>,
}

/// Starts the threads on `checked`'s targets, on `scope`.
pub fn start<'scope, 'env: 'scope>(
    scope: &'scope Scope<'scope, 'env>,
    checked: Checked<'env>,
    options: TrackOptions,
) -> Ahead<'scope> {
    let count = crate::cores::available().min(THREADS);
    let threads = (0..count)
        .map(|part| {
            let (sender, tracked) = sync_channel(AHEAD);
            let (give, ledger) = channel();
            let worker = scope.spawn(move || work(checked, options, part, count, &ledger, &sender));
            Tracker {
                ledger: Some(give),
                tracked,
                worker: Some(worker),
            }
        })
        .collect();
    let parts = checked.targets().map(|r| r.goal_order % count).collect();
    Ahead { threads, parts }
}

impl Ahead<'_> {
    /// Hands `ledger` to the threads and collects every target tracked against it, in file
    /// order.
    ///
    /// # Panics
    /// When a thread panicked (again, with its payload).
    pub fn tracked(mut self, ledger: &Arc<Ledger>) -> Vec<TargetTrack> {
        for thread in &mut self.threads {
            if let Some(give) = thread.ledger.take() {
                // A thread that is gone has panicked: its `next` raises the panic again.
                let _ = give.send(Arc::clone(ledger));
            }
        }
        let threads = &mut self.threads;
        self.parts
            .iter()
            .map(|&part| threads[part].next())
            .collect()
    }
}

/// Plans and tracks the targets of every `count`-th goal from goal `part` on, in file order.
fn work(
    checked: Checked<'_>,
    options: TrackOptions,
    part: usize,
    count: usize,
    ledger: &Receiver<Arc<Ledger>>,
    sender: &SyncSender<TargetTrack>,
) {
    let mut cache = PlanCache::default();
    let mut planned: VecDeque<(Resolved<'_>, Option<Quotas>)> = VecDeque::new();
    let mut held: Option<Arc<Ledger>> = None;
    for r in checked.targets().filter(|r| r.goal_order % count == part) {
        let quotas = plan(checked, &r, &mut cache);
        planned.push_back((r, quotas));
        if held.is_none() {
            held = match ledger.try_recv() {
                Ok(l) => Some(l),
                Err(TryRecvError::Empty) if planned.len() < AHEAD => None,
                // Enough planned ahead: wait for the exports.
                Err(TryRecvError::Empty) => match ledger.recv() {
                    Ok(l) => Some(l),
                    Err(_) => return,
                },
                Err(TryRecvError::Disconnected) => return, // The report was abandoned.
            };
        }
        if let Some(l) = &held
            && !send_planned(checked, l, options, &mut planned, sender)
        {
            return;
        }
    }
    if planned.is_empty() {
        return;
    }
    let Some(l) = held.or_else(|| ledger.recv().ok()) else {
        return;
    };
    send_planned(checked, &l, options, &mut planned, sender);
}

/// Tracks and sends the planned targets; `false` once the report is abandoned.
fn send_planned(
    checked: Checked<'_>,
    ledger: &Ledger,
    options: TrackOptions,
    planned: &mut VecDeque<(Resolved<'_>, Option<Quotas>)>,
    sender: &SyncSender<TargetTrack>,
) -> bool {
    while let Some((r, quotas)) = planned.pop_front() {
        let tracked = track_target(checked, ledger, options, &r, quotas);
        if sender.send(tracked).is_err() {
            return false;
        }
    }
    true
}

/// One thread: the ledger it waits for, the targets it has tracked.
struct Tracker<'scope> {
    ledger: Option<Sender<Arc<Ledger>>>,
    tracked: Receiver<TargetTrack>,
    worker: Option<ScopedJoinHandle<'scope, ()>>,
}

impl Tracker<'_> {
    /// The thread's next tracked target.
    ///
    /// # Panics
    /// When the thread panicked (again, with its payload), or ended before its last target.
    fn next(&mut self) -> TargetTrack {
        if let Ok(tracked) = self.tracked.recv() {
            return tracked;
        }
        if let Some(worker) = self.worker.take()
            && let Err(panic) = worker.join()
        {
            std::panic::resume_unwind(panic);
        }
        unreachable!("a tracking thread sends every one of its targets")
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::start;
    use crate::model::Per;
    use crate::track::build::{TrackOptions, build};
    use crate::track::csv_read::{RowKey, Sink as _};
    use crate::track::ledger::Ledger;
    use crate::track::numbers::Amount;
    use crate::track::quotas::tests::example;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn the_threads_track_what_is_tracked_in_one_go_in_file_order() {
        let loaded = example();
        let checked = loaded.checked().expect("the example is valid");
        let file = checked.file();
        let (start_day, end_day) = checked.period();
        let mut ledger = Ledger::new(file, start_day, end_day);
        // A row for every rep of every metric, on days spread over the plan.
        let reps: Vec<String> = file.reps.iter().map(|r| r.id.value.clone()).collect();
        let metrics: Vec<String> = file.metrics.iter().map(|m| m.id.value.clone()).collect();
        for (i, rep) in reps.iter().enumerate() {
            for metric in &metrics {
                let (Ok(owner), Ok(metric)) = (ledger.owner(rep), ledger.metric(metric)) else {
                    continue;
                };
                let offset = u64::try_from(i * 37 % 300).expect("a small number");
                let date = start_day + chrono::Days::new(offset);
                let amount = Amount {
                    value: Decimal::from(i + 3),
                    currency: None,
                };
                assert!(ledger.add(RowKey { owner, metric }, date, amount).is_ok());
            }
        }
        let options = TrackOptions {
            as_of: day("2027-05-20"),
            by: Per::Month,
        };
        let in_one_go = build(checked, &ledger, Vec::new(), options);
        let ledger = Arc::new(ledger);
        let threaded = std::thread::scope(|scope| start(scope, checked, options).tracked(&ledger));
        assert_eq!(threaded.len(), checked.targets().count());
        assert!(
            in_one_go
                .targets
                .iter()
                .any(|t| t.team.actual_to_date.is_some())
        );
        assert_eq!(format!("{threaded:?}"), format!("{:?}", in_one_go.targets));
    }

    #[test]
    fn a_report_abandoned_before_its_ledger_stops_the_threads() {
        let loaded = example();
        let checked = loaded.checked().expect("the example is valid");
        let options = TrackOptions {
            as_of: day("2027-05-20"),
            by: Per::Month,
        };
        // The scope returns only once the threads have ended: dropping them must end them.
        std::thread::scope(|scope| drop(start(scope, checked, options)));
    }
}
