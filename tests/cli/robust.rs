//! Random and truncated goal files never panic: every mutation of the example is read,
//! checked and (when it has no errors) planned, and ends in findings or a plan.

use chrono::NaiveDate;
use goals::cmd::load::check_source;
use goals::model::Per;
use goals::plan::{PlanOptions, decompose};
use goals::source::Source;
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../../goals.example.toml");

fn run(bytes: Vec<u8>) {
    let source =
        Source::from_bytes("mutated.toml".into(), bytes).expect("small inputs are accepted");
    let loaded = check_source(
        source,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        &mut |_| Vec::new(),
    );
    if let Some(checked) = loaded.checked() {
        let options = PlanOptions {
            by: Per::Week,
            goals: vec![],
            teams: vec![],
            reps: vec![],
        };
        let report = decompose(checked, &options);
        assert!(
            !report.targets.is_empty() || loaded.file.goals.iter().all(|g| g.targets.is_empty())
        );
    } else {
        assert!(
            !loaded.findings.diagnostics.is_empty(),
            "a refused file says why"
        );
    }
}

/// One edit: cut at a point, delete a range, or overwrite bytes with TOML-ish noise.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let len = EXAMPLE.len();
    prop_oneof![
        (0..len).prop_map(Edit::Truncate),
        (0..len, 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0..len, "[\\[\\]=\"{},.0-9a-z_ \n#:+%-]{1,12}").prop_map(|(at, s)| Edit::Insert(at, s)),
    ]
}

fn apply(edits: &[Edit]) -> Vec<u8> {
    let mut bytes = EXAMPLE.as_bytes().to_vec();
    for e in edits {
        match e {
            Edit::Truncate(at) => bytes.truncate((*at).min(bytes.len())),
            Edit::Delete(at, n) => {
                let from = (*at).min(bytes.len());
                let to = (from + n).min(bytes.len());
                bytes.drain(from..to);
            }
            Edit::Insert(at, s) => {
                let at = (*at).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_examples_never_panic(edits in proptest::collection::vec(edit(), 1..4)) {
        run(apply(&edits));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        run(bytes);
    }
}

#[test]
fn every_prefix_of_a_small_file_is_handled() {
    let text = include_str!("../fixtures/guide.toml");
    for cut in (0..text.len()).step_by(7) {
        run(text.as_bytes()[..cut].to_vec());
    }
}
