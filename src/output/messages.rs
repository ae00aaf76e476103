//! The wording of the errors a command composes from parts before it returns them: an id the
//! goal file does not have (with the closest spelling, or the ids it has), a metric with no
//! totals to learn from, a check code that does not exist, reps without a `crm_id`, a
//! revision git cannot show, an export no `[[pipeline]]` mapping fits, a pipeline row's
//! unknown rep, and the name a declared export goes by in errors. Only words: the closest
//! spelling is found by the caller.

use std::path::Path;

/// Known ids listed in full; a longer list shows this many and the count.
const LISTED: usize = 10;

/// `--KIND ID` names nothing in the goal file: the closest spelling when there is one, else
/// the ids of that kind the file has.
pub fn unknown_id(kind: &str, id: &str, closest: Option<&str>, known: &[&str]) -> String {
    let hint = match closest {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => format!("the file declares no {kind}"),
        None if known.len() > LISTED => format!(
            "known: {}, … ({} in all)",
            known[..LISTED].join(", "),
            known.len()
        ),
        None => format!("known: {}", known.join(", ")),
    };
    if kind == "rep" {
        format!("--rep {id}: no such rep in the goal file (by id, name or alias); {hint}")
    } else {
        format!("--{kind} {id}: no such {kind} in the goal file; {hint}")
    }
}

/// `goals baseline --metric ID` names a rate or level, which has no monthly totals; the
/// `additive` metrics have.
pub fn not_additive(id: &str, additive: &[&str]) -> String {
    format!(
        "--metric {id}: a rate or level has no monthly totals to learn from; choose one of: {}",
        additive.join(", ")
    )
}

/// `goals explain ASKED` names no check code.
pub fn unknown_code(asked: &str, closest: Option<&str>) -> String {
    match closest {
        Some(best) => format!("unknown check code `{asked}`; did you mean `{best}`?"),
        None => format!("unknown check code `{asked}`; `goals explain --list` lists every code"),
    }
}

/// The reps a CRM export needs a `crm_id` for and that have none.
pub fn missing_crm_ids(reps: &[&str]) -> String {
    let (s, has) = if reps.len() == 1 {
        ("", "has")
    } else {
        ("s", "have")
    };
    let named: Vec<String> = reps.iter().map(|r| format!("`{r}`")).collect();
    format!(
        "rep{s} {} {has} no `crm_id`: add `crm_id = \"…\"` (the CRM's user id) to each \
         [[reps]] entry, or leave the rep out with --team/--rep",
        named.join(", ")
    )
}

/// `git show SPEC` failed with `stderr` (git's `fatal: …` line).
pub fn git_show_failed(spec: &str, stderr: &str) -> String {
    let why = stderr
        .trim()
        .trim_start_matches("fatal: ")
        .trim_end_matches('.');
    format!(
        "cannot read {spec} from git: {why}; PATH is relative to the repository's root \
         (or write ./PATH for the working directory)"
    )
}

/// The name in errors of the export at `path`, the `path` of an `[[actuals]]` source of the
/// goal file at `goal_path`.
pub fn actuals_source(path: &Path, goal_path: &Path) -> String {
    declared(path, "an [[actuals]]", goal_path)
}

/// The name in errors of the export at `path`, the `path` of a `[[pipeline]]` source of the
/// goal file at `goal_path`.
pub fn pipeline_source(path: &Path, goal_path: &Path) -> String {
    declared(path, "a [[pipeline]]", goal_path)
}

fn declared(path: &Path, source: &str, goal_path: &Path) -> String {
    format!(
        "{} (the `path` of {source} source in {})",
        path.display(),
        goal_path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_id_gets_the_closest_or_the_known_ones() {
        assert_eq!(
            unknown_id("goal", "revenu", Some("revenue"), &["revenue"]),
            "--goal revenu: no such goal in the goal file; did you mean `revenue`?"
        );
        assert_eq!(
            unknown_id("team", "x", None, &[]),
            "--team x: no such team in the goal file; the file declares no team"
        );
        assert_eq!(
            unknown_id("rep", "x", None, &["ada", "Ada Rossi"]),
            "--rep x: no such rep in the goal file (by id, name or alias); known: ada, Ada Rossi"
        );
        let many: Vec<String> = (1..=12).map(|n| format!("g{n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(
            unknown_id("goal", "x", None, &many)
                .ends_with("known: g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, … (12 in all)")
        );
    }

    #[test]
    fn an_unknown_code_points_at_the_list_when_nothing_is_close() {
        assert_eq!(
            unknown_code("growth-to-high", Some("growth-too-high")),
            "unknown check code `growth-to-high`; did you mean `growth-too-high`?"
        );
        assert!(unknown_code("zzz", None).ends_with("`goals explain --list` lists every code"));
    }

    #[test]
    fn git_loses_its_fatal_prefix_and_full_stop() {
        assert_eq!(
            git_show_failed(
                "HEAD~9:goals.toml",
                "fatal: invalid object name 'HEAD~9'.\n"
            ),
            "cannot read HEAD~9:goals.toml from git: invalid object name 'HEAD~9'; PATH is \
             relative to the repository's root (or write ./PATH for the working directory)"
        );
    }

    #[test]
    fn a_rate_metric_lists_the_metrics_with_totals() {
        assert_eq!(
            not_additive("answer_rate", &["calls", "revenue"]),
            "--metric answer_rate: a rate or level has no monthly totals to learn from; choose one of: calls, revenue"
        );
    }

    #[test]
    fn missing_crm_ids_agree_in_number() {
        assert!(missing_crm_ids(&["davide"]).starts_with("rep `davide` has no `crm_id`: "));
        assert!(missing_crm_ids(&["a", "b"]).starts_with("reps `a`, `b` have no `crm_id`: "));
    }

    #[test]
    fn a_declared_source_says_where_its_path_comes_from() {
        let (csv, goals) = (Path::new("q1.csv"), Path::new("goals.toml"));
        assert_eq!(
            actuals_source(csv, goals),
            "q1.csv (the `path` of an [[actuals]] source in goals.toml)"
        );
        assert_eq!(
            pipeline_source(csv, goals),
            "q1.csv (the `path` of a [[pipeline]] source in goals.toml)"
        );
    }
}
