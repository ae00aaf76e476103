//! `goals plan --format pipedrive`: one JSON object per line, each the body of a Pipedrive
//! `POST /v1/goals` request: a `deals_won` goal per rep per period of each additive target,
//! assigned to the rep's `crm_id`, counted by `quantity` (counts) or `sum` (money).

use std::io::{self, Write};

use serde::Serialize;

use super::amount::plain;
use super::plan_json::Num;
use super::plan_salesforce::CrmIds;
use super::plan_stream::PlanStream;
use crate::model::MetricKind;
use crate::plan::Order;
use crate::plan::report::{PlanReport, TargetReport};

/// The plan as goal bodies; `interval` is `weekly`, `monthly` or `quarterly` after `--by`;
/// `currency_id` is the account's numeric id of the plan's currency (money targets need it).
pub struct Pipedrive {
    pub crm_ids: CrmIds,
    pub interval: &'static str,
    pub currency_id: Option<u64>,
}

#[derive(Serialize)]
struct Body<'a> {
    title: String,
    assignee: Assignee<'a>,
    #[serde(rename = "type")]
    kind: GoalType,
    expected_outcome: Outcome,
    duration: Duration,
    interval: &'static str,
}

#[derive(Serialize)]
struct Assignee<'a> {
    /// A number when the id is one (Pipedrive user ids are integers), else the text.
    id: Num,
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct GoalType {
    name: &'static str,
}

#[derive(Serialize)]
struct Outcome {
    target: Num,
    tracking_metric: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency_id: Option<u64>,
}

#[derive(Serialize)]
struct Duration {
    start: String,
    end: String,
}

/// A JSON number for an all-digit id, else a JSON string.
fn id_value(id: &str) -> Num {
    match id.parse::<u64>() {
        Ok(n) if id.bytes().all(|b| b.is_ascii_digit()) => Num(n.to_string()),
        _ => Num(serde_json::to_string(id).expect("invariant: a string serializes")),
    }
}

impl PlanStream for Pipedrive {
    fn order(&self) -> Order {
        Order::File
    }

    fn head(&mut self, _: &PlanReport, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn target(&mut self, _: &PlanReport, t: &TargetReport, out: &mut dyn Write) -> io::Result<()> {
        if !t.kind.is_additive() {
            return Ok(());
        }
        let money = t.kind == MetricKind::Money;
        for p in &t.periods {
            for r in &p.reps {
                let body = Body {
                    title: format!("{} · {} · {}", t.title, p.label, r.rep),
                    assignee: Assignee {
                        id: id_value(self.crm_ids.of(&r.rep)?),
                        kind: "person",
                    },
                    kind: GoalType { name: "deals_won" },
                    expected_outcome: Outcome {
                        target: Num(plain(r.quota, t.decimals)),
                        tracking_metric: if money { "sum" } else { "quantity" },
                        currency_id: if money { self.currency_id } else { None },
                    },
                    duration: Duration {
                        start: p.start.to_string(),
                        end: p.end.to_string(),
                    },
                    interval: self.interval,
                };
                serde_json::to_writer(&mut *out, &body)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    fn foot(&mut self, _: &PlanReport, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::id_value;

    #[test]
    fn pipedrive_user_ids_are_numbers_and_other_ids_stay_text() {
        assert_eq!(id_value("12345").0, "12345");
        assert_eq!(id_value("0055e0000000000001").0, "\"0055e0000000000001\"");
        assert_eq!(
            id_value("99999999999999999999999").0,
            "\"99999999999999999999999\""
        );
    }
}
