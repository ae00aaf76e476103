//! `goals plan --format salesforce|pipedrive`: checks that every rep the plan shows has a
//! `crm_id` (naming each one that has not, before anything is written), then streams the
//! plan through the CRM renderer.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::Io;
use crate::cli::{By, PlanFormat};
use crate::output::plan_pipedrive::Pipedrive;
use crate::output::plan_salesforce::{CrmIds, Salesforce};
use crate::output::plan_stream::PlanStream;
use crate::output::{messages, notes};
use crate::plan::{PlanOptions, Planned, each_target, plan_head};
use crate::smart::{Checked, Resolved};

/// Writes the plan for a CRM import.
pub fn write(
    checked: Checked<'_>,
    options: &PlanOptions,
    format: PlanFormat,
    by: By,
    currency_id: Option<u64>,
    io: &mut Io<'_>,
) -> Result<()> {
    let name = if format == PlanFormat::Salesforce {
        "salesforce"
    } else {
        "pipedrive"
    };
    let interval = match (format, by) {
        (PlanFormat::Salesforce, By::Month | By::Quarter) => "",
        (PlanFormat::Pipedrive, By::Month) => "monthly",
        (PlanFormat::Pipedrive, By::Quarter) => "quarterly",
        (PlanFormat::Pipedrive, By::Week) => "weekly",
        (PlanFormat::Salesforce, _) => {
            bail!("--format salesforce needs --by month or --by quarter (a quota period)")
        }
        _ => bail!("--format pipedrive needs --by week, month or quarter (a goal interval)"),
    };
    let crm_ids = CrmIds(crm_ids(checked, options)?);
    if format == PlanFormat::Pipedrive && currency_id.is_none() && has_money(checked, options) {
        bail!(
            "--format pipedrive: money targets need --currency-id N, Pipedrive's id of the \
             plan's currency (GET /v1/currencies lists them)"
        );
    }
    let mut stream: Box<dyn PlanStream> = match format {
        PlanFormat::Salesforce => Box::new(Salesforce { crm_ids }),
        _ => Box::new(Pipedrive {
            crm_ids,
            interval,
            currency_id,
        }),
    };
    let levels = levels(checked, options);
    if levels > 0 {
        notes::levels_left_out(levels, name, io.stderr)?;
    }
    let head = plan_head(checked, options);
    stream.head(&head, io.stdout)?;
    each_target(checked, options, &Planned, stream.order(), &mut |t| {
        stream.target(&head, &t, io.stdout)
    })
    .map_err(|e| anyhow::anyhow!("--format {name}: {e}"))?;
    stream.foot(&head, io.stdout)?;
    Ok(())
}

/// Every target the options show, with the reps it is shared among.
fn all_shown<'a>(
    checked: Checked<'a>,
    options: &'a PlanOptions,
) -> impl Iterator<Item = Resolved<'a>> + 'a {
    checked
        .targets()
        .filter(|r| options.goals.is_empty() || options.goals.contains(&r.goal.id.value))
        .filter(|r| r.reps.iter().any(|rep| options.keeps_rep(rep)))
}

/// The additive targets shown: the ones a CRM quota carries.
fn shown_targets<'a>(
    checked: Checked<'a>,
    options: &'a PlanOptions,
) -> impl Iterator<Item = Resolved<'a>> + 'a {
    all_shown(checked, options).filter(|r| r.metric.kind.is_additive())
}

fn levels(checked: Checked<'_>, options: &PlanOptions) -> usize {
    all_shown(checked, options)
        .filter(|r| !r.metric.kind.is_additive())
        .count()
}

fn has_money(checked: Checked<'_>, options: &PlanOptions) -> bool {
    shown_targets(checked, options).any(|r| r.metric.kind == crate::model::MetricKind::Money)
}

/// The CRM id of every rep that carries a shown additive target; an error naming every rep
/// that has none.
fn crm_ids(checked: Checked<'_>, options: &PlanOptions) -> Result<HashMap<String, String>> {
    let mut ids = HashMap::new();
    let mut missing: Vec<&str> = Vec::new();
    for resolved in shown_targets(checked, options) {
        for rep in resolved.reps.iter().filter(|r| options.keeps_rep(r)) {
            match &rep.crm_id {
                Some(id) => {
                    ids.insert(rep.id.value.clone(), id.value.clone());
                }
                None if !missing.contains(&rep.id.value.as_str()) => {
                    missing.push(&rep.id.value);
                }
                None => {}
            }
        }
    }
    if !missing.is_empty() {
        bail!("{}", messages::missing_crm_ids(&missing));
    }
    Ok(ids)
}
