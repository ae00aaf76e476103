//! The keys of every table of the goal file, with their types and one-line docs: the single
//! source for unknown-key checks in `read/` and for the JSON Schema printed by `goals schema`.

/// The type a key's value must have.
#[derive(Debug)]
pub enum Ty {
    Str,
    Int,
    /// A number: integer, float or decimal string (read exactly).
    Num,
    /// A number or a relative string such as `"+10%"`.
    NumOrRelative,
    /// A fraction (0.10) or a percentage string ("10%").
    Fraction,
    Date,
    Bool,
    Choice(&'static [&'static str]),
    StrList,
    DateList,
    NumList,
    /// An inline table of strings or lists of strings (`where`).
    StrMap,
    /// An inline table of numbers (`rates`).
    NumMap,
    /// A table of names to fractions or percentages (`stages`).
    FractionMap,
    /// A sub-table.
    Table(&'static TableDef),
    /// An array of tables (`[[...]]` or an array of inline tables).
    Tables(&'static TableDef),
    /// A table whose keys are ids, each holding a table (`[metrics.ID]`).
    Named(&'static TableDef),
}

/// One key of a table.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
}

/// A table of the goal file: where it appears (`goals.targets`) and its keys.
#[derive(Debug)]
pub struct TableDef {
    pub path: &'static str,
    pub doc: &'static str,
    pub keys: &'static [Key],
}

impl TableDef {
    /// The names of the table's keys, for "did you mean" suggestions.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|k| k.name)
    }

    /// The schema of the sub-table held by `key`.
    ///
    /// # Panics
    /// When `key` holds no table: the schema is static, so that is a bug.
    pub fn child(&self, key: &str) -> &'static TableDef {
        match self.keys.iter().find(|k| k.name == key).map(|k| &k.ty) {
            Some(Ty::Table(def) | Ty::Tables(def) | Ty::Named(def)) => def,
            _ => panic!(
                "invariant: the schema of [{}] declares `{key}` as a table",
                self.path
            ),
        }
    }
}

const fn key(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: true,
        doc,
    }
}

/// Day names accepted in `workdays`.
pub const DAY_NAMES: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Month keys of a seasonality profile.
pub const MONTH_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The top level of the file.
pub static ROOT: TableDef = TableDef {
    path: "",
    doc: "A goal file of the `goals` sales goal planner.",
    keys: &[
        key(
            "plan",
            Ty::Table(&PLAN),
            "The plan period, currency and calendar.",
        ),
        key(
            "objectives",
            Ty::Tables(&OBJECTIVE),
            "Company objectives that goals serve.",
        ),
        key("teams", Ty::Tables(&TEAM), "Sales teams."),
        key(
            "reps",
            Ty::Tables(&REP),
            "Sales reps and what they can carry.",
        ),
        key(
            "metrics",
            Ty::Named(&METRIC),
            "Metrics, declared once by id.",
        ),
        key(
            "seasonality",
            Ty::Named(&PROFILE),
            "Named monthly weight profiles.",
        ),
        key(
            "funnels",
            Ty::Tables(&FUNNEL),
            "Sales funnels from activity to outcome.",
        ),
        key(
            "goals",
            Ty::Tables(&GOAL),
            "Goals, each made real by targets.",
        ),
        key(
            "feedback",
            Ty::Tables(&FEEDBACK),
            "The reps' view of each goal.",
        ),
        key(
            "actuals",
            Ty::Tables(&ACTUALS),
            "How to read CRM exports of actual results.",
        ),
        key(
            "pipeline",
            Ty::Tables(&PIPELINE),
            "How to read CRM exports of open deals, for pipeline coverage.",
        ),
        key(
            "tracking",
            Ty::Table(&TRACKING),
            "Attainment thresholds of the tracking statuses.",
        ),
        key(
            "hiring",
            Ty::Table(&HIRING),
            "How new reps are hired and ramp, for `goals capacity`.",
        ),
        key(
            "check",
            Ty::Table(&CHECK),
            "Settings of `goals check` for the whole file.",
        ),
    ],
};

static HIRING: TableDef = TableDef {
    path: "hiring",
    doc: "Assumptions of the hiring plan of `goals capacity`.",
    keys: &[
        key(
            "ramp",
            Ty::NumList,
            "A hire's productivity in tenure months 1, 2, 3...; 1.0 after (default: none).",
        ),
        key(
            "time_to_fill_days",
            Ty::Int,
            "Days from opening a requisition to the hire's first day (default 60).",
        ),
        key(
            "attainment",
            Ty::Num,
            "Share of capacity reps really achieve, above 0 and at most 1 (default 1).",
        ),
        key(
            "attrition",
            Ty::Num,
            "Yearly share of capacity lost to attrition, 0 to 1 (default 0).",
        ),
    ],
};

static CHECK: TableDef = TableDef {
    path: "check",
    doc: "Settings of `goals check` for the whole file.",
    keys: &[key(
        "allow",
        Ty::StrList,
        "Warning and info codes accepted everywhere in the file (shown as suppressed).",
    )],
};

static PLAN: TableDef = TableDef {
    path: "plan",
    doc: "The plan period, currency and calendar.",
    keys: &[
        key("name", Ty::Str, "Name of the plan."),
        key("start", Ty::Date, "First day of the plan period."),
        key(
            "end",
            Ty::Date,
            "Last day of the plan period (default: one year after start, less a day).",
        ),
        key(
            "currency",
            Ty::Choice(&super::iso4217::CODES),
            "ISO 4217 currency code of money targets.",
        ),
        key(
            "rates",
            Ty::NumMap,
            "Plan-currency units per unit of another currency: { USD = \"0.92\" }.",
        ),
        key(
            "fiscal_year_start",
            Ty::Int,
            "Month 1-12 that starts the fiscal year.",
        ),
        key(
            "week_start",
            Ty::Choice(&["monday", "sunday"]),
            "First day of the week.",
        ),
        key(
            "workdays",
            Ty::StrList,
            "Working weekdays: mon tue wed thu fri sat sun.",
        ),
        key("holidays", Ty::DateList, "Days off for everyone."),
        key(
            "max_goals_per_rep",
            Ty::Int,
            "Most active goals one rep carries at once.",
        ),
        key(
            "over_assign",
            Ty::Num,
            "Rep quotas add up to the team's number × this factor, at least 1 (default 1).",
        ),
    ],
};

static OBJECTIVE: TableDef = TableDef {
    path: "objectives",
    doc: "A company objective.",
    keys: &[
        required("id", Ty::Str, "Unique id."),
        key("title", Ty::Str, "What the company wants to achieve."),
    ],
};

static TEAM: TableDef = TableDef {
    path: "teams",
    doc: "A sales team.",
    keys: &[
        required("id", Ty::Str, "Unique id."),
        key("name", Ty::Str, "Display name."),
        key(
            "over_assign",
            Ty::Num,
            "Rep quotas add up to the team's number × this factor, at least 1 (default 1).",
        ),
    ],
};

static TIME_OFF: TableDef = TableDef {
    path: "reps.time_off",
    doc: "A period away, both days included.",
    keys: &[
        required("from", Ty::Date, "First day away."),
        required("to", Ty::Date, "Last day away."),
    ],
};

static REP: TableDef = TableDef {
    path: "reps",
    doc: "A sales rep.",
    keys: &[
        required("id", Ty::Str, "Unique id."),
        key("name", Ty::Str, "Full name, also matched in actuals."),
        key(
            "aliases",
            Ty::StrList,
            "Other names the CRM uses for this rep.",
        ),
        key("team", Ty::Str, "Id of the rep's team."),
        key(
            "fte",
            Ty::Num,
            "Full-time equivalent, above 0 and at most 1.",
        ),
        key("start", Ty::Date, "First day (joined mid-plan)."),
        key("end", Ty::Date, "Last day (leaves)."),
        key(
            "ramp",
            Ty::NumList,
            "Productivity (0 to 1) in tenure months 1, 2, 3...; 1.0 after.",
        ),
        key("hours_per_week", Ty::Num, "Working hours per week."),
        key(
            "selling_share",
            Ty::Num,
            "Share of the hours available for selling, 0-1.",
        ),
        key("time_off", Ty::Tables(&TIME_OFF), "Periods away."),
        key(
            "weight",
            Ty::Num,
            "Relative share of team targets (a bigger territory carries more); default 1.",
        ),
        key(
            "crm_id",
            Ty::Str,
            "The rep's user id in the CRM, for `plan --format salesforce|pipedrive`.",
        ),
    ],
};

static METRIC: TableDef = TableDef {
    path: "metrics",
    doc: "A metric that targets refer to.",
    keys: &[
        required(
            "kind",
            Ty::Choice(&["count", "money", "rate", "level"]),
            "count, money, rate (a percentage) or level.",
        ),
        key("unit", Ty::Str, "Unit shown with amounts."),
        key("source", Ty::Str, "How the metric is measured."),
        key(
            "capacity",
            Ty::Num,
            "Most one full-time, fully ramped rep achieves per month.",
        ),
        key(
            "better",
            Ty::Choice(&["higher", "lower"]),
            "Whether higher or lower is better.",
        ),
        key(
            "max",
            Ty::Num,
            "Highest percentage a rate may reach (default 100).",
        ),
    ],
};

static PROFILE: TableDef = TableDef {
    path: "seasonality",
    doc: "Relative weights of the twelve months.",
    keys: &[
        key("jan", Ty::Num, "January weight."),
        key("feb", Ty::Num, "February weight."),
        key("mar", Ty::Num, "March weight."),
        key("apr", Ty::Num, "April weight."),
        key("may", Ty::Num, "May weight."),
        key("jun", Ty::Num, "June weight."),
        key("jul", Ty::Num, "July weight."),
        key("aug", Ty::Num, "August weight."),
        key("sep", Ty::Num, "September weight."),
        key("oct", Ty::Num, "October weight."),
        key("nov", Ty::Num, "November weight."),
        key("dec", Ty::Num, "December weight."),
    ],
};

static STAGE: TableDef = TableDef {
    path: "funnels.stages",
    doc: "A funnel stage; the last one is the outcome.",
    keys: &[
        required("activity", Ty::Str, "Name of the activity."),
        key(
            "rate",
            Ty::Fraction,
            "Share that reaches the next stage (0.10 or \"10%\").",
        ),
        key("minutes", Ty::Num, "Minutes one activity takes."),
    ],
};

static FUNNEL: TableDef = TableDef {
    path: "funnels",
    doc: "A sales funnel.",
    keys: &[
        required("id", Ty::Str, "Unique id."),
        required(
            "stages",
            Ty::Tables(&STAGE),
            "Stages, top of the funnel first.",
        ),
        key(
            "cycle_days",
            Ty::Int,
            "Days from first activity to the outcome.",
        ),
        key(
            "deal_size",
            Ty::Num,
            "Money per deal, for money targets through this funnel.",
        ),
    ],
};

static TARGET: TableDef = TableDef {
    path: "goals.targets",
    doc: "A number on one metric with dates.",
    keys: &[
        required("metric", Ty::Str, "Id of the metric."),
        key(
            "target",
            Ty::NumOrRelative,
            "The number, or \"+10%\" relative to baseline.",
        ),
        key(
            "per",
            Ty::Choice(&["day", "week", "month", "quarter", "year"]),
            "The target is per this period.",
        ),
        key(
            "each",
            Ty::Choice(&["team", "rep"]),
            "team: shared among the reps; rep: each rep's own.",
        ),
        key(
            "split",
            Ty::Str,
            "even, workdays, calendar or a seasonality profile.",
        ),
        key("start", Ty::Date, "First day (default: the plan's)."),
        key("end", Ty::Date, "Last day (default: the plan's)."),
        key(
            "baseline",
            Ty::Num,
            "The level before the plan, in the same `per`.",
        ),
        key(
            "funnel",
            Ty::Str,
            "Id of the funnel that derives the activity needed.",
        ),
        key(
            "over_assign",
            Ty::Num,
            "Rep quotas add up to the team's number × this factor, at least 1 (default 1).",
        ),
    ],
};

static GOAL: TableDef = TableDef {
    path: "goals",
    doc: "A goal.",
    keys: &[
        required("id", Ty::Str, "Unique id."),
        key("title", Ty::Str, "What will be achieved."),
        key(
            "family",
            Ty::Choice(&["capacity", "product", "skills", "customers"]),
            "The family of the goal.",
        ),
        key("objective", Ty::Str, "Id of the objective it serves."),
        key("owner", Ty::Str, "\"team:ID\", \"rep:ID\" or \"company\"."),
        key(
            "urgency",
            Ty::Choice(&["low", "medium", "high"]),
            "How urgent.",
        ),
        key(
            "importance",
            Ty::Choice(&["low", "medium", "high"]),
            "How important.",
        ),
        key(
            "review",
            Ty::Choice(&["weekly", "monthly", "quarterly"]),
            "How often progress is reviewed.",
        ),
        key("why", Ty::Str, "Why the goal matters."),
        key("steps", Ty::StrList, "The concrete steps the team takes."),
        key(
            "allow",
            Ty::StrList,
            "Warning and info codes accepted for this goal (shown as suppressed).",
        ),
        key("targets", Ty::Tables(&TARGET), "The goal's targets."),
    ],
};

static FEEDBACK: TableDef = TableDef {
    path: "feedback",
    doc: "One rep's view of one goal.",
    keys: &[
        required("goal", Ty::Str, "Id of the goal."),
        required("rep", Ty::Str, "Id of the rep."),
        key("confidence", Ty::Int, "1 (no way) to 5 (sure)."),
        key("capable", Ty::Bool, "Whether the team is capable."),
        key(
            "needs_training",
            Ty::Bool,
            "Whether the rep needs training.",
        ),
        key("challenges", Ty::Str, "Challenges the rep foresees."),
    ],
};

static TRACKING: TableDef = TableDef {
    path: "tracking",
    doc: "Attainment (actual ÷ plan to date) at or above which a target has each status.",
    keys: &[
        key(
            "ahead",
            Ty::Num,
            "Ahead at or above this ratio (default 1.05).",
        ),
        key(
            "on_track",
            Ty::Num,
            "On track at or above this ratio (default 0.95).",
        ),
        key(
            "at_risk",
            Ty::Num,
            "At risk at or above this ratio, behind below (default 0.80).",
        ),
        key(
            "win_rate",
            Ty::Fraction,
            "Share of open pipeline won (0.25 or \"25%\"): the pipeline must cover the gap 1 ÷ win_rate times.",
        ),
    ],
};

static PIPELINE: TableDef = TableDef {
    path: "pipeline",
    doc: "How to read an export of open deals (every key of [[actuals]], plus the chance of each deal).",
    keys: PIPELINE_KEYS,
};

static ACTUALS: TableDef = TableDef {
    path: "actuals",
    doc: "How to read a CRM export.",
    keys: ACTUALS_KEYS,
};

/// The keys of `[[pipeline]]`: every key of `[[actuals]]` (keep them in step: a test checks)
/// and the chance of closing.
const PIPELINE_KEYS: &[Key] = &[
    key(
        "path",
        Ty::Str,
        "The export of open deals, relative to the goal file.",
    ),
    key(
        "metric",
        Ty::Str,
        "Id of the metric the open deals count towards (required).",
    ),
    key("date", Ty::Str, "Column holding the expected close date."),
    key("rep", Ty::Str, "Column holding the deal's owner."),
    key("value", Ty::Str, "Column holding the deal's value."),
    key(
        "where",
        Ty::StrMap,
        "Keep only rows whose column has this value or one of a list (ignoring case).",
    ),
    key(
        "dates",
        Ty::Choice(&["day-first", "month-first", "iso"]),
        "Order of slash dates such as 5/4/2027.",
    ),
    key(
        "date_format",
        Ty::Str,
        "An explicit chrono date format, such as \"%m/%d/%Y\"; wins over `dates`.",
    ),
    key(
        "decimal",
        Ty::Choice(&[".", ","]),
        "Decimal separator of the value column.",
    ),
    key(
        "currency",
        Ty::Str,
        "Column holding each row's ISO currency code.",
    ),
    key(
        "encoding",
        Ty::Str,
        "Encoding of the export: utf-8 (default), utf-16, windows-1252, latin-1.",
    ),
    key(
        "probability",
        Ty::Str,
        "Column holding each deal's probability (0.4 or 40%).",
    ),
    key(
        "stage",
        Ty::Str,
        "Column holding each deal's stage; `stages` gives their probabilities.",
    ),
    key(
        "stages",
        Ty::FractionMap,
        "Probability of each stage: { \"Proposal\" = 0.4 }.",
    ),
];

/// The keys of `[[actuals]]`.
const ACTUALS_KEYS: &[Key] = &[
    key("path", Ty::Str, "The export, relative to the goal file."),
    key(
        "metric",
        Ty::Str,
        "Id of the metric every row counts towards.",
    ),
    key("date", Ty::Str, "Column holding the date."),
    key("rep", Ty::Str, "Column holding the rep."),
    key(
        "value",
        Ty::Str,
        "Column holding the value; without it each row counts 1.",
    ),
    key(
        "where",
        Ty::StrMap,
        "Keep only rows whose column has this value or one of a list (ignoring case).",
    ),
    key(
        "dates",
        Ty::Choice(&["day-first", "month-first", "iso"]),
        "Order of slash dates such as 5/4/2027.",
    ),
    key(
        "date_format",
        Ty::Str,
        "An explicit chrono date format, such as \"%m/%d/%Y\"; wins over `dates`.",
    ),
    key(
        "decimal",
        Ty::Choice(&[".", ","]),
        "Decimal separator of the value column.",
    ),
    key(
        "currency",
        Ty::Str,
        "Column holding each row's ISO currency code.",
    ),
    key(
        "encoding",
        Ty::Str,
        "Encoding of the export: utf-8 (default), utf-16, windows-1252, latin-1.",
    ),
];

#[cfg(test)]
mod tests {
    use super::{ACTUALS, PIPELINE};

    #[test]
    fn a_pipeline_source_takes_every_reading_key_of_an_actuals_source() {
        for key in ACTUALS.names() {
            assert!(
                PIPELINE.names().any(|k| k == key),
                "[[pipeline]] lacks the [[actuals]] key `{key}`"
            );
        }
    }
}
