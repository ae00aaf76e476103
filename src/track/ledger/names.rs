//! The names a row may give its owner and metric, and the ledger slot or book each one means:
//! every rep's id, name and aliases, each team's id as `ID` and `team:ID`, `company`, and
//! every metric id, each as written and lower-cased. The first owner or metric to claim a name
//! keeps it (a rep's name wins over a team's id).

use rustc_hash::FxHashMap;

use crate::model::GoalFile;

/// Owner and metric names of one goal file.
#[derive(Debug)]
pub(super) struct Names {
    /// Owner name → slot.
    owners: FxHashMap<Box<str>, u32>,
    /// The same for names of at most 15 bytes, packed into one integer each (see [`pack`]):
    /// a row's rep is found with no string compare and no trip to a key's own allocation.
    short_owners: FxHashMap<u128, u32>,
    /// Metric name → index of its book.
    metrics: FxHashMap<Box<str>, u32>,
}

impl Names {
    pub(super) fn of(file: &GoalFile) -> Self {
        let mut metrics = FxHashMap::default();
        for (i, metric) in file.metrics.iter().enumerate() {
            add_name(&mut metrics, &metric.id.value, index(i));
        }
        let mut owners = FxHashMap::default();
        for (i, rep) in file.reps.iter().enumerate() {
            add_name(&mut owners, &rep.id.value, index(i));
            let names = rep
                .name
                .iter()
                .map(|n| n.value.as_str())
                .chain(rep.aliases.iter().map(|a| a.value.as_str()));
            for name in names {
                add_name(&mut owners, name, index(i));
            }
        }
        let reps = file.reps.len();
        for (t, team) in file.teams.iter().enumerate() {
            let slot = index(reps + t);
            add_name(&mut owners, &format!("team:{}", team.id.value), slot);
            add_name(&mut owners, &team.id.value, slot);
        }
        add_name(&mut owners, "company", index(reps + file.teams.len()));
        let short_owners = owners
            .iter()
            .filter_map(|(name, &slot)| Some((pack(name)?, slot)))
            .collect();
        Names {
            owners,
            short_owners,
            metrics,
        }
    }

    /// The slot of an owner's name as written, else trimmed, else in any case.
    pub(super) fn owner(&self, text: &str) -> Option<u32> {
        match pack(text) {
            Some(key) => self.short_owners.get(&key).copied(),
            None => self.owners.get(text).copied(),
        }
        .or_else(|| lookup(&self.owners, text))
    }

    /// The book of a metric's name as written, else trimmed, else in any case.
    pub(super) fn metric(&self, text: &str) -> Option<u32> {
        lookup(&self.metrics, text)
    }

    /// The book of a metric id exactly as written.
    pub(super) fn metric_id(&self, id: &str) -> Option<u32> {
        self.metrics.get(id).copied()
    }
}

/// One hash of the text as the row has it (already trimmed by the reader); only a miss is
/// trimmed and lower-cased.
fn lookup(names: &FxHashMap<Box<str>, u32>, text: &str) -> Option<u32> {
    if let Some(&found) = names.get(text) {
        return Some(found);
    }
    let trimmed = text.trim();
    if trimmed.len() != text.len()
        && let Some(&found) = names.get(trimmed)
    {
        return Some(found);
    }
    names.get(trimmed.to_lowercase().as_str()).copied()
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

/// Records `name` as written (trimmed) and lower-cased; the first owner or metric to claim a
/// name keeps it.
fn add_name(names: &mut FxHashMap<Box<str>, u32>, name: &str, slot: u32) {
    names.entry(name.trim().into()).or_insert(slot);
    names
        .entry(name.trim().to_lowercase().into())
        .or_insert(slot);
}
