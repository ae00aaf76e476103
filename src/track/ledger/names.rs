//! The names a row may give its owner and metric, and the ledger slot or book each one means:
//! every rep's id, name and aliases, each team's id as `ID` and `team:ID`, `company`, and
//! every metric id, each as written and lower-cased. The first owner or metric to claim a name
//! keeps it (a rep's name wins over a team's id).

use rustc_hash::FxHashMap;

use crate::model::GoalFile;

/// Owner and metric names of one goal file.
#[derive(Clone, Debug)]
pub(super) struct Names {
    /// Owner name → slot.
    owners: NameMap,
    /// Metric name → index of its book.
    metrics: NameMap,
}

impl Names {
    pub(super) fn of(file: &GoalFile) -> Self {
        let mut metrics = NameMap::default();
        for (i, metric) in file.metrics.iter().enumerate() {
            metrics.add(&metric.id.value, index(i));
        }
        let mut owners = NameMap::default();
        for (i, rep) in file.reps.iter().enumerate() {
            owners.add(&rep.id.value, index(i));
            let names = rep
                .name
                .iter()
                .map(|n| n.value.as_str())
                .chain(rep.aliases.iter().map(|a| a.value.as_str()));
            for name in names {
                owners.add(name, index(i));
            }
        }
        let reps = file.reps.len();
        for (t, team) in file.teams.iter().enumerate() {
            let slot = index(reps + t);
            owners.add(&format!("team:{}", team.id.value), slot);
            owners.add(&team.id.value, slot);
        }
        owners.add("company", index(reps + file.teams.len()));
        Names { owners, metrics }
    }

    /// The slot of an owner's name as written, else trimmed, else in any case.
    pub(super) fn owner(&self, text: &str) -> Option<u32> {
        self.owners.find(text)
    }

    /// The book of a metric's name as written, else trimmed, else in any case.
    pub(super) fn metric(&self, text: &str) -> Option<u32> {
        self.metrics.find(text)
    }

    /// The book of a metric id exactly as written.
    pub(super) fn metric_id(&self, id: &str) -> Option<u32> {
        self.metrics.exact(id)
    }
}

/// Names, each kept trimmed and lower-cased too. Names of at most 15 bytes are also keyed by
/// one integer each (see [`pack`]), so a row's rep or metric is found with no string compare
/// and no trip to a key's own allocation.
#[derive(Clone, Debug, Default)]
struct NameMap {
    names: FxHashMap<Box<str>, u32>,
    short: FxHashMap<u128, u32>,
}

impl NameMap {
    /// Records `name` as written (trimmed) and lower-cased; the first to claim a name keeps it.
    fn add(&mut self, name: &str, slot: u32) {
        for name in [name.trim().to_owned(), name.trim().to_lowercase()] {
            if let Some(key) = pack(&name) {
                self.short.entry(key).or_insert(slot);
            }
            self.names.entry(name.into()).or_insert(slot);
        }
    }

    /// The name exactly as written.
    fn exact(&self, text: &str) -> Option<u32> {
        match pack(text) {
            Some(key) => self.short.get(&key).copied(),
            None => self.names.get(text).copied(),
        }
    }

    /// One hash of the text as the row has it (the reader trims its fields); only a miss is
    /// trimmed and lower-cased.
    fn find(&self, text: &str) -> Option<u32> {
        if let Some(found) = self.exact(text) {
            return Some(found);
        }
        let trimmed = text.trim();
        if trimmed.len() != text.len()
            && let Some(found) = self.exact(trimmed)
        {
            return Some(found);
        }
        self.exact(&trimmed.to_lowercase())
    }
}

/// A name of at most 15 bytes as one integer: its bytes, then its length in the top byte.
/// (Built by shifts, not copied into an array: reading back such a copy stalls.)
fn pack(name: &str) -> Option<u128> {
    let bytes = name.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let key = bytes
        .iter()
        .rev()
        .fold(0_u128, |key, &b| (key << 8) | u128::from(b));
    Some(key | (bytes.len() as u128) << 120)
}

pub(super) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
