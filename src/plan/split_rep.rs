//! One rep's running state in the split among reps (`reps::split`): its capacity runs in
//! fixed point, its exact share up to a day, the units given so far, and the day its next
//! unit falls due, searched forward only as units are given.

use super::split_arith::Arith;

/// Rounding noise of the fixed point, ignored where a unit becomes free or due: 2^-30 (about
/// 10^-9) of a unit.
pub const NOISE: i128 = 1 << 34;

/// One rep in the split: capacity runs in millionths and its running state.
pub struct Rep {
    pub runs: Vec<(usize, usize, i128)>,
    /// Exact share before each run's first day.
    pub base: Vec<i128>,
    /// Units given so far.
    pub given: i128,
    /// The run holding today.
    pub run: usize,
    /// The first day the next unit can be due (never moves back: units only increase), and
    /// the run holding it.
    due_day: usize,
    due_run: usize,
    /// The last share worked out: (run, day, share).
    known: (usize, usize, i128),
    /// The last deadline found, with the units given then: it holds until a unit is given.
    found: Option<(i128, usize)>,
}

impl Rep {
    /// A rep with these runs (first day, last day, capacity), nothing given yet; `base` is
    /// for the caller to fill.
    pub fn new(runs: Vec<(usize, usize, i128)>) -> Self {
        Rep {
            runs,
            base: Vec::new(),
            given: 0,
            run: 0,
            due_day: 0,
            due_run: 0,
            known: (usize::MAX, usize::MAX, 0),
            found: None,
        }
    }

    /// Exact share up to and including day `d`, which lies in run `run`.
    pub fn share<A: Arith>(&mut self, prefix: &[i128], run: usize, d: usize) -> i128 {
        if (self.known.0, self.known.1) == (run, d) {
            return self.known.2;
        }
        let (from, _, c) = self.runs[run];
        let share = A::add(self.base[run], A::times(c, prefix[d + 1] - prefix[from]));
        self.known = (run, d, share);
        share
    }

    /// The day the next unit is due (its exact share reaches it), `usize::MAX` when never.
    /// `today` lies in run `self.run` and the rep's share up to it is `share`; `grows[e]` is
    /// the first day from `e` on whose amount is not 0.
    pub fn deadline<A: Arith>(
        &mut self,
        prefix: &[i128],
        grows: &[usize],
        today: usize,
        share: i128,
    ) -> usize {
        if let Some((given, day)) = self.found
            && given == self.given
        {
            return day;
        }
        let need = A::whole(A::add(self.given, 1));
        // Shares never fall from one day to the next: when today's falls short of the unit,
        // so does every day before it, and the search goes on from tomorrow.
        if self.due_day <= today
            && self.due_run <= self.run
            && share < i128::MAX - NOISE
            && share + NOISE < need
        {
            self.due_day = today + 1;
            self.due_run = self.run;
        }
        let day = self.next_due::<A>(prefix, grows, need);
        self.found = Some((self.given, day));
        day
    }

    /// Takes note that every day of the current run up to `last` falls short of the next
    /// unit: the search for its due day goes on after it.
    pub fn short_through(&mut self, last: usize) {
        if (self.due_run, self.due_day) < (self.run, last + 1) {
            self.due_run = self.run;
            self.due_day = last + 1;
        }
    }

    /// The first day from `due_day` on whose share reaches `need`, `usize::MAX` when none.
    /// Within a run, a day without any amount has the share of the day before: only the
    /// days with an amount (and each run's first) are looked at.
    fn next_due<A: Arith>(&mut self, prefix: &[i128], grows: &[usize], need: i128) -> usize {
        while self.due_run < self.runs.len() {
            let (from, to, _) = self.runs[self.due_run];
            self.due_day = self.due_day.max(from);
            while self.due_day <= to {
                if self.share::<A>(prefix, self.due_run, self.due_day) + NOISE >= need {
                    return self.due_day;
                }
                self.due_day = grows[self.due_day + 1].min(to + 1);
            }
            self.due_run += 1;
        }
        usize::MAX
    }
}
