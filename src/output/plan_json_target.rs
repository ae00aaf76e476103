//! One target of the plan JSON document, written field by field into a buffer at its depth
//! in the document (2), with the bytes `serde_json`'s pretty printer gives. A period lists
//! the reps of the target's totals in the same order, so each cell copies its rep's text
//! (`plan_json_text`) up to the quota.

use super::amount;
use super::plan_json_text::{Cells, RepHeads, RepTexts, same, write_rep};
use super::pretty_json::Pretty;
use crate::plan::report::{PeriodRow, RepCell, RepNames, TargetReport};

/// Writes one target at depth 2 of the document, with the reps' text from (or added to)
/// `heads`.
pub fn write_target(t: &TargetReport, names: &RepNames, heads: &mut RepHeads, out: &mut Vec<u8>) {
    let texts = heads.texts(&t.reps, names);
    let mut cells = Cells::default();
    let mut j = Pretty::at(2, out);
    j.begin_object();
    j.strings(&[
        ("goal", t.goal.as_str()),
        ("title", &t.title),
        ("metric", &t.metric),
        ("kind", t.kind.name()),
    ]);
    j.key("unit");
    j.opt_string(t.unit.as_deref());
    j.key("owner");
    j.string(&t.owner);
    j.key("priority");
    j.int(i64::try_from(t.priority).unwrap_or(i64::MAX));
    j.key("start");
    j.date(t.start);
    j.key("end");
    j.date(t.end);
    j.key("total");
    cells.quantity(t.total, t.decimals, j.buffer());
    if let Some((_, units)) = t.street {
        j.key("street_total");
        amount::write_units(units, t.decimals, j.buffer());
    }
    if let Some(unplaced) = t.unplaced {
        j.key("unplaced");
        cells.quantity(unplaced, t.decimals, j.buffer());
    }
    j.key("periods");
    j.begin_array();
    for p in &t.periods {
        j.element();
        write_period(&mut j, p, t.decimals, &texts, &mut cells);
    }
    j.end_array();
    j.key("reps");
    j.begin_array();
    for (r, (_, head)) in t.reps.iter().zip(&texts.heads) {
        j.element();
        j.raw(&head.total);
        cells.quantity(r.quota, t.decimals, j.buffer());
        j.raw(texts.heads_close);
    }
    j.end_array();
    j.end_object();
}

fn write_period(
    j: &mut Pretty<'_>,
    p: &PeriodRow,
    decimals: u32,
    texts: &RepTexts<'_>,
    cells: &mut Cells,
) {
    j.begin_object();
    j.key("label");
    j.string(&p.label);
    j.key("start");
    j.date(p.start);
    j.key("end");
    j.date(p.end);
    j.key("quota");
    cells.quantity(p.quota, decimals, j.buffer());
    if let Some(units) = p.street_quota {
        j.key("street_quota");
        amount::write_units(units, decimals, j.buffer());
    }
    j.key("exact");
    cells.exact(p.exact, j.buffer());
    j.key("reps");
    j.begin_array();
    for (i, r) in p.reps.iter().enumerate() {
        j.element();
        match texts.heads.get(i) {
            Some((id, head)) if same(id, &r.rep) => {
                j.raw(&head.cell);
                cells.quantity(r.quota, decimals, j.buffer());
                j.raw(texts.exact_key);
                cells.exact(r.exact, j.buffer());
                j.raw(texts.close);
            }
            _ => write_rep_quota(j, r, decimals, texts.names, cells),
        }
    }
    j.end_array();
    j.end_object();
}

/// A period's rep cell written key by key (a rep the totals do not list at that place).
fn write_rep_quota(
    j: &mut Pretty<'_>,
    r: &RepCell,
    decimals: u32,
    names: &RepNames,
    cells: &mut Cells,
) {
    j.begin_object();
    write_rep(j, &r.rep, names);
    j.key("quota");
    cells.quantity(r.quota, decimals, j.buffer());
    j.key("exact");
    cells.exact(r.exact, j.buffer());
    j.end_object();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::report::Quantity;
    use chrono::NaiveDate;
    use serde_json::json;

    fn cell(rep: &str, quota: Quantity, exact: &str) -> RepCell {
        RepCell {
            rep: rep.into(),
            quota,
            exact: exact.parse().unwrap(),
        }
    }

    /// The document's text of a value at depth 2: pretty-printed, later lines indented.
    fn at_depth_two(value: &serde_json::Value) -> String {
        serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', "\n    ")
    }

    #[test]
    fn a_target_reads_as_the_pretty_printer_writes_it() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let names: RepNames = [("a\"1".to_string(), "Ana é".to_string())].into();
        let period = |label: &str, reps: Vec<RepCell>| PeriodRow {
            label: label.into(),
            start: day(1),
            end: day(31),
            quota: Quantity::Units(1234),
            exact: "12.3456789".parse().unwrap(),
            street_quota: Some(1300),
            reps,
        };
        let t = TargetReport {
            goal: "g".into(),
            title: "T \\ x".into(),
            metric: "revenue".into(),
            kind: crate::model::MetricKind::Money,
            unit: None,
            owner: "team:t".into(),
            start: day(1),
            end: day(31),
            importance: crate::model::Level3::High,
            urgency: crate::model::Level3::Low,
            priority: 3,
            file_order: 0,
            lower_is_better: false,
            decimals: 2,
            total: Quantity::Units(1234),
            street: Some(("1.1".parse().unwrap(), 1300)),
            unplaced: Some(Quantity::Units(5)),
            periods: vec![
                period(
                    "2027-01",
                    vec![
                        cell("a\"1", Quantity::Units(1000), "10.00001"),
                        cell("b", Quantity::Units(234), "2.3"),
                    ],
                ),
                // A rep out of the totals' order takes the slow path.
                period("2027-02", vec![cell("b", Quantity::Units(0), "0")]),
                period("2027-03", vec![]),
            ],
            reps: vec![
                cell("a\"1", Quantity::Level("8.5".parse().unwrap()), "8.5"),
                cell("b", Quantity::Level("8.5".parse().unwrap()), "8.5"),
            ],
        };
        // Numbers are exact decimal text: `n` marks them as strings `#…#`, unquoted below.
        let n = |text: &str| json!(format!("#{text}#"));
        let rep = |rep: &str, name: Option<&str>, quota: &str, exact: &str| json!({ "rep": rep, "name": name, "quota": n(quota), "exact": n(exact) });
        let period = |label: &str, reps: Vec<serde_json::Value>| {
            json!({
                "label": label, "start": "2027-01-01", "end": "2027-01-31",
                "quota": n("12.34"), "street_quota": n("13.00"), "exact": n("12.3457"),
                "reps": reps,
            })
        };
        let expected = json!({
            "goal": "g", "title": "T \\ x", "metric": "revenue", "kind": "money",
            "unit": null, "owner": "team:t", "priority": 3,
            "start": "2027-01-01", "end": "2027-01-31",
            "total": n("12.34"), "street_total": n("13.00"), "unplaced": n("0.05"),
            "periods": [
                period("2027-01", vec![
                    rep("a\"1", Some("Ana é"), "10.00", "10.0"),
                    rep("b", None, "2.34", "2.3"),
                ]),
                period("2027-02", vec![rep("b", None, "0.00", "0.0")]),
                period("2027-03", vec![]),
            ],
            "reps": [
                { "rep": "a\"1", "name": "Ana é", "quota": n("8.50") },
                { "rep": "b", "name": null, "quota": n("8.50") },
            ],
        });
        let expected = at_depth_two(&expected)
            .replace("\"#", "")
            .replace("#\"", "");
        let mut out = Vec::new();
        write_target(&t, &names, &mut RepHeads::default(), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
