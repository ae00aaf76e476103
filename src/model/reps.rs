//! Finding reps: the reps who carry an owner's goals, and the rep a command line names by id,
//! name or alias. Owners are looked up through one index built on first use, so checking and
//! planning stay linear in reps however many goals name them.

use std::collections::HashMap;

use super::file::{GoalFile, Rep};
use super::goal::Owner;

/// Rep positions (file order) by team id and by rep id; the first rep with an id keeps it.
#[derive(Clone, Debug, Default)]
pub struct RepIndex {
    by_team: HashMap<String, Vec<usize>>,
    by_id: HashMap<String, usize>,
}

impl RepIndex {
    fn of(reps: &[Rep]) -> Self {
        let mut index = RepIndex::default();
        for (i, rep) in reps.iter().enumerate() {
            index.by_id.entry(rep.id.value.clone()).or_insert(i);
            if let Some(team) = &rep.team {
                index.by_team.entry(team.value.clone()).or_default().push(i);
            }
        }
        index
    }
}

impl GoalFile {
    /// The reps who carry a goal of this owner, in file order.
    pub fn reps_of(&self, owner: &Owner) -> Vec<&Rep> {
        self.rep_positions(owner)
            .into_iter()
            .map(|i| &self.reps[i])
            .collect()
    }

    /// The positions in `reps` of the reps who carry a goal of this owner, in file order.
    pub fn rep_positions(&self, owner: &Owner) -> Vec<usize> {
        let index = self.rep_index.get_or_init(|| RepIndex::of(&self.reps));
        match owner {
            Owner::Company => (0..self.reps.len()).collect(),
            Owner::Rep(id) => index.by_id.get(id).copied().into_iter().collect(),
            Owner::Team(id) => index.by_team.get(id).cloned().unwrap_or_default(),
        }
    }

    /// The rep whose id, name or alias is `text`, compared as export rows are matched:
    /// trimmed, the id as written first, then ignoring case.
    pub fn rep_named(&self, text: &str) -> Option<&Rep> {
        let text = text.trim();
        if let Some(rep) = self.reps.iter().find(|r| r.id.value == text) {
            return Some(rep);
        }
        self.reps
            .iter()
            .find(|r| spellings(r).any(|s| s.trim().to_lowercase() == text.to_lowercase()))
    }
}

/// A rep's id, name and aliases.
pub fn spellings(rep: &Rep) -> impl Iterator<Item = &str> {
    std::iter::once(rep.id.value.as_str())
        .chain(rep.name.iter().map(|n| n.value.as_str()))
        .chain(rep.aliases.iter().map(|a| a.value.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::model::Owner;
    use crate::model::read::read;

    const FILE: &str = r#"
[[teams]]
id = "inside"

[[reps]]
id = "giulia"
name = "Giulia Rossi"
aliases = ["g.rossi@acme.it"]
team = "inside"

[[reps]]
id = "marco"
team = "field"

[[reps]]
id = "Luca"
team = "inside"
"#;

    fn ids(reps: &[&crate::model::Rep]) -> Vec<String> {
        reps.iter().map(|r| r.id.value.clone()).collect()
    }

    #[test]
    fn owners_find_their_reps_in_file_order() {
        let (file, _) = read(FILE);
        assert_eq!(
            ids(&file.reps_of(&Owner::Team("inside".into()))),
            ["giulia", "Luca"]
        );
        assert_eq!(ids(&file.reps_of(&Owner::Rep("marco".into()))), ["marco"]);
        assert!(file.reps_of(&Owner::Rep("nobody".into())).is_empty());
        assert!(file.reps_of(&Owner::Team("nobody".into())).is_empty());
        assert_eq!(file.reps_of(&Owner::Company).len(), 3);
    }

    #[test]
    fn a_rep_is_named_by_id_name_or_alias_in_any_case() {
        let (file, _) = read(FILE);
        for text in [
            "giulia",
            "Giulia Rossi",
            " giulia rossi ",
            "G.ROSSI@acme.it",
            "GIULIA",
        ] {
            assert_eq!(file.rep_named(text).unwrap().id.value, "giulia", "{text}");
        }
        assert_eq!(file.rep_named("luca").unwrap().id.value, "Luca");
        assert!(file.rep_named("Rossi").is_none());
    }
}
