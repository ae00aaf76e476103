//! File rules on how entries are named: no id, name or alias is blank, and no spelling that
//! export rows are matched by (a rep's id, name or alias, ignoring case) belongs to two reps.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{GoalFile, Sp};

use super::RuleOptions;

/// Ids of every kind, rep names and aliases that are empty or only blanks.
pub fn empty_ids(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let ids = [
        ("objective", file.objectives.iter().map(|o| &o.id).collect()),
        ("team", file.teams.iter().map(|t| &t.id).collect()),
        ("rep", file.reps.iter().map(|r| &r.id).collect()),
        ("metric", file.metrics.iter().map(|m| &m.id).collect()),
        (
            "seasonality profile",
            file.seasonality.iter().map(|p| &p.name).collect(),
        ),
        ("funnel", file.funnels.iter().map(|f| &f.id).collect()),
        ("goal", file.goals.iter().map(|g| &g.id).collect::<Vec<_>>()),
    ];
    for (kind, ids) in ids {
        for id in ids.into_iter().filter(|id| is_blank(id)) {
            out.push(blank(id, format!("a {kind} has {} id", describe(id))));
        }
    }
    for rep in &file.reps {
        let spellings = rep.name.iter().map(|n| ("name", n));
        let spellings = spellings.chain(rep.aliases.iter().map(|a| ("alias", a)));
        for (what, text) in spellings.filter(|(_, t)| is_blank(t)) {
            out.push(
                blank(text, format!("rep `{}` has {} {what}", rep.id.value, describe(text)))
                    .help(format!(
                        "write the {what} as exports spell the rep, or remove it: a blank {what} would claim every row whose rep column is empty"
                    )),
            );
        }
    }
}

fn is_blank(text: &Sp<String>) -> bool {
    text.value.trim().is_empty()
}

fn describe(text: &Sp<String>) -> &'static str {
    if text.value.is_empty() {
        "an empty"
    } else {
        "a blank"
    }
}

fn blank(text: &Sp<String>, message: String) -> Diagnostic {
    Diagnostic::new(Code::EmptyId, Some(text.span.clone()), message)
}

/// One spelling on one rep: which key it is and where it is written.
struct Spelling<'a> {
    rep: &'a str,
    key: &'static str,
    text: &'a Sp<String>,
}

/// A rep's id, name or alias that another rep already has, compared as export rows are
/// matched: trimmed and ignoring case. Two equal ids are `duplicate-id` instead.
pub fn shared_aliases(file: &GoalFile, _: RuleOptions, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, Spelling<'_>> = HashMap::with_capacity(file.reps.len() * 2);
    for rep in &file.reps {
        let id = std::iter::once(("id", &rep.id));
        let names = rep.name.iter().map(|n| ("name", n));
        let aliases = rep.aliases.iter().map(|a| ("alias", a));
        for (key, text) in id.chain(names).chain(aliases) {
            let normal = text.value.trim().to_lowercase();
            if normal.is_empty() {
                continue;
            }
            let this = Spelling {
                rep: &rep.id.value,
                key,
                text,
            };
            match first.get(&normal) {
                None => {
                    first.insert(normal, this);
                }
                Some(earlier) if earlier.rep == this.rep => {}
                Some(earlier)
                    if earlier.key == "id" && key == "id" && earlier.text.value == text.value => {}
                Some(earlier) => out.push(shared(earlier, &this)),
            }
        }
    }
}

fn shared(earlier: &Spelling<'_>, this: &Spelling<'_>) -> Diagnostic {
    let same = if earlier.text.value.trim() == this.text.value.trim() {
        ""
    } else {
        ", ignoring case,"
    };
    Diagnostic::new(
        Code::SharedAlias,
        Some(this.text.span.clone()),
        format!(
            "`{}` is the {} of rep `{}` and{same} the {} of rep `{}`",
            this.text.value.trim(),
            this.key,
            this.rep,
            earlier.key,
            earlier.rep
        ),
    )
    .help(format!(
        "an export row for `{}` would be credited to rep `{}`; keep this spelling on one rep only",
        this.text.value.trim(),
        earlier.rep
    ))
}
