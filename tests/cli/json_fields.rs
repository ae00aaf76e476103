//! The fields scripts asked for in plan and funnel JSON: each target's `title`, `start` and
//! `end`, and each rep's display `name` beside its id (null for a rep without one). Additive
//! fields: the documents stay version 1.

use serde_json::Value;

use super::common::{AS_OF, json_of};

const OUTBOUND: &str = include_str!("../fixtures/outbound.toml");
const RETENTION: &str = include_str!("../fixtures/retention.toml");

#[test]
fn plan_json_has_titles_dates_and_rep_names() {
    let text = RETENTION.replace(
        "  target = 8\n",
        "  target = 8\n  start = 2027-04-01\n  end = 2027-09-30\n",
    );
    let doc = json_of(AS_OF, &["plan", "-"], Some(&text));
    assert_eq!(doc["version"], 1);
    let nrr = &doc["targets"][0];
    assert_eq!(nrr["title"], "Reach 110% net revenue retention");
    assert_eq!(
        (&nrr["start"], &nrr["end"]),
        (&"2027-01-01".into(), &"2027-12-31".into())
    );
    let admin = &doc["targets"][1];
    assert_eq!(admin["title"], "Cut data entry to 8 hours a week");
    assert_eq!(
        (&admin["start"], &admin["end"]),
        (&"2027-04-01".into(), &"2027-09-30".into())
    );
    // A rep with a name has it beside the id, everywhere a rep is listed; one without has null.
    for reps in [&nrr["reps"], &nrr["periods"][0]["reps"]] {
        assert_eq!(reps[0]["rep"], "anna");
        assert_eq!(reps[0]["name"], "Anna Conti");
        assert_eq!(reps[1]["rep"], "paolo");
        assert_eq!(reps[1]["name"], Value::Null);
    }
}

#[test]
fn funnel_json_has_titles_dates_and_rep_names() {
    let doc = json_of(AS_OF, &["funnel", "-"], Some(OUTBOUND));
    assert_eq!(doc["version"], 1);
    let t = &doc["targets"][0];
    assert_eq!(t["title"], "Book 40 meetings a month per SDR");
    assert_eq!(
        (&t["start"], &t["end"]),
        (&"2027-01-01".into(), &"2027-12-31".into())
    );
    let calls = &t["stages"][0];
    for reps in [&calls["reps"], &calls["periods"][1]["reps"]] {
        assert_eq!(reps[0]["rep"], "sara");
        assert_eq!(reps[0]["name"], "Sara Bianchi");
        assert_eq!(reps[1]["name"], "Luca Verdi");
    }
    assert_eq!(doc["capacity"][2]["name"], "Giulia Rossi");
}
