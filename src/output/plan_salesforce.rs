//! `goals plan --format salesforce`: the CSV a Salesforce Data Loader insert of
//! `ForecastingQuota` takes: one row per rep per period of each additive target, the rep by
//! its `crm_id`, money in `QuotaAmount` (with `CurrencyIsoCode`), counts in `QuotaQuantity`.

use std::collections::HashMap;
use std::io::{self, Write};

use super::amount::plain;
use super::plan_stream::PlanStream;
use crate::model::MetricKind;
use crate::plan::Order;
use crate::plan::report::{PlanReport, TargetReport};

/// The plan as `ForecastingQuota` rows.
pub struct Salesforce {
    pub crm_ids: CrmIds,
}

/// Rep ids to CRM user ids, for every rep the plan shows (checked before writing).
pub struct CrmIds(pub HashMap<String, String>);

impl CrmIds {
    /// The CRM id of `rep`.
    pub fn of(&self, rep: &str) -> io::Result<&str> {
        self.0.get(rep).map(String::as_str).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("rep `{rep}` has no `crm_id`"),
            )
        })
    }
}

impl PlanStream for Salesforce {
    fn order(&self) -> Order {
        Order::File
    }

    fn head(&mut self, _: &PlanReport, out: &mut dyn Write) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record([
            "QuotaOwnerId",
            "StartDate",
            "QuotaAmount",
            "QuotaQuantity",
            "CurrencyIsoCode",
        ])?;
        csv.flush()
    }

    fn target(
        &mut self,
        head: &PlanReport,
        t: &TargetReport,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if !t.kind.is_additive() {
            return Ok(());
        }
        let money = t.kind == MetricKind::Money;
        let currency = if money {
            head.currency.as_deref().unwrap_or("")
        } else {
            ""
        };
        let mut csv = csv::Writer::from_writer(out);
        for p in &t.periods {
            let start = p.start.to_string();
            for r in &p.reps {
                let quota = plain(r.quota, t.decimals);
                let (amount, quantity) = if money {
                    (quota.as_str(), "")
                } else {
                    ("", quota.as_str())
                };
                let owner = self.crm_ids.of(&r.rep)?;
                csv.write_record([owner, &start, amount, quantity, currency])?;
            }
        }
        csv.flush()
    }

    fn foot(&mut self, _: &PlanReport, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
