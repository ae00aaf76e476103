//! The catalogue of finding codes: each code's stable kebab-case name, criterion, severity,
//! default help, and the explanation shown by `goals explain`. Codes are never renamed.

use super::{Criterion, Severity};

/// Everything the tool knows about one finding code.
#[derive(Debug)]
pub struct CodeInfo {
    /// Stable kebab-case name, used in JSON, SARIF and `goals explain`.
    pub name: &'static str,
    pub criterion: Criterion,
    pub severity: Severity,
    /// One line: what the finding means.
    pub summary: &'static str,
    /// The default fix, shown under every finding.
    pub help: &'static str,
    /// Why it matters for a SMART goal.
    pub why: &'static str,
    /// A small corrected example.
    pub example: &'static str,
}

macro_rules! codes {
    ($( $variant:ident => {
        name: $name:literal, criterion: $crit:ident, severity: $sev:ident,
        summary: $summary:literal, help: $help:literal, why: $why:literal, example: $example:literal $(,)?
    } ),* $(,)?) => {
        /// A finding code. The list is closed and pinned by a test.
        // Variants are the SPEC's code names (`allow-unknown-code`), so some end in "Code".
        #[allow(clippy::enum_variant_names)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant),* }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The catalogue entry of this code.
            pub fn info(self) -> &'static CodeInfo {
                match self {
                    $(Code::$variant => &CodeInfo {
                        name: $name,
                        criterion: Criterion::$crit,
                        severity: Severity::$sev,
                        summary: $summary,
                        help: $help,
                        why: $why,
                        example: $example,
                    }),*
                }
            }
        }
    };
}

impl Code {
    /// The stable kebab-case name.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Looks a code up by its name.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.name() == name)
    }
}

// One declarative table keeps name, criterion, severity and texts of a code side by side;
// the macro only turns it into the enum and its `info` match.
codes! {
    TomlSyntax => {
        name: "toml-syntax", criterion: File, severity: Error,
        summary: "the file is not valid TOML",
        help: "fix the TOML syntax at the marked place",
        why: "Nothing in a file that is not valid TOML can be read, so no goal in it can be checked or planned.",
        example: "[plan]\nname = \"Acme 2027\"   # strings need quotes; dates are written 2027-01-01",
    },
    UnknownKey => {
        name: "unknown-key", criterion: File, severity: Error,
        summary: "a key that this table does not have",
        help: "remove the key or correct its spelling",
        why: "A misspelt key is silently meaningless elsewhere: `traget = 10` would leave the target unset. Every table rejects unknown keys so a typo is caught at once.",
        example: "[[goals.targets]]\nmetric = \"revenue\"\ntarget = 10      # not `traget`",
    },
    WrongType => {
        name: "wrong-type", criterion: File, severity: Error,
        summary: "a value of the wrong type (a string where a number belongs, ...)",
        help: "write the value with the type the key expects",
        why: "Numbers, dates and lists must have their own TOML types so that they are read exactly.",
        example: "fte = 0.5                 # a number, not \"half\"\nstart = 2027-03-01        # a TOML date",
    },
    InvalidValue => {
        name: "invalid-value", criterion: File, severity: Error,
        summary: "a value that is out of range or not one of the allowed choices",
        help: "use one of the allowed values",
        why: "Choices such as `kind`, `per` or `review` drive the arithmetic; an unknown one cannot be planned.",
        example: "kind = \"count\"   # count | money | rate | level",
    },
    MissingKey => {
        name: "missing-key", criterion: File, severity: Error,
        summary: "a required key is missing",
        help: "add the key",
        why: "Some keys, such as every table's `id`, are needed to refer to the entry and to report on it.",
        example: "[[teams]]\nid = \"inside\"",
    },
    DuplicateId => {
        name: "duplicate-id", criterion: File, severity: Error,
        summary: "two entries of the same kind share an id",
        help: "give each entry its own id",
        why: "References and reports name entries by id; two entries with one id make them ambiguous.",
        example: "[[goals]]\nid = \"new-customers-north\"",
    },
    UnknownReference => {
        name: "unknown-reference", criterion: File, severity: Error,
        summary: "a reference to a team, rep, objective, metric, funnel, goal or profile that is not declared",
        help: "declare the entry or correct the reference",
        why: "A goal owned by a team that does not exist, or a target on an undeclared metric, cannot be planned or tracked.",
        example: "owner = \"team:inside\"   # [[teams]] id = \"inside\" must exist",
    },
    PlanTooLong => {
        name: "plan-too-long", criterion: File, severity: Error,
        summary: "the plan period is longer than 10 years",
        help: "shorten the plan period to at most 10 years",
        why: "Sales goals are planned a few years ahead at most; a longer period is almost always a typo in a year.",
        example: "[plan]\nstart = 2027-01-01\nend = 2027-12-31",
    },
    AllowUnknownCode => {
        name: "allow-unknown-code", criterion: File, severity: Warning,
        summary: "an `allow` list names a code that does not exist",
        help: "correct the code's spelling; `goals explain --list` lists every code",
        why: "An `allow` entry with a typo suppresses nothing, so the finding it was meant to accept keeps failing `--deny-warnings` and nobody sees why.",
        example: "[[goals]]\nid = \"new-customers\"\nallow = [\"funnel-hours-exceed-capacity\"]",
    },
    AllowErrorCode => {
        name: "allow-error-code", criterion: File, severity: Warning,
        summary: "an `allow` list names an error code, and errors cannot be suppressed",
        help: "remove the code from `allow` and fix the error instead",
        why: "An error means the tool cannot plan or track the goal correctly; accepting it would only hide numbers that are wrong. Only warnings and infos are judgement calls a team may accept.",
        example: "[check]\nallow = [\"metric-without-source\"]   # an info, which may be accepted",
    },
    GoalMissingTitle => {
        name: "goal-missing-title", criterion: Specific, severity: Error,
        summary: "a goal without a title",
        help: "add a `title` that says what will be achieved",
        why: "Specific: a goal needs words that tell the team what it is about.",
        example: "title = \"Win 100 new customers every month\"",
    },
    GoalMissingOwner => {
        name: "goal-missing-owner", criterion: Specific, severity: Error,
        summary: "a goal without an owner",
        help: "add `owner = \"team:ID\"`, `\"rep:ID\"` or `\"company\"`",
        why: "Specific: a goal nobody owns is a goal nobody works on, and it cannot be split into quotas.",
        example: "owner = \"team:inside\"",
    },
    OwnerTeamWithoutReps => {
        name: "owner-team-without-reps", criterion: Specific, severity: Error,
        summary: "the goal's owner has no reps to carry it",
        help: "add reps to the team (`team = \"ID\"` on a [[reps]] entry) or choose another owner",
        why: "Specific: a target is split among the owner's reps; an empty team cannot carry any of it.",
        example: "[[reps]]\nid = \"giulia\"\nteam = \"inside\"",
    },
    GoalMissingSteps => {
        name: "goal-missing-steps", criterion: Specific, severity: Warning,
        summary: "a goal without `steps`",
        help: "list the concrete steps the team will take in `steps`",
        why: "Specific: the guide asks for each goal to say how it will be reached, not only what.",
        example: "steps = [\"Answer inbound leads within 24 hours\", \"Automate follow-up e-mails\"]",
    },
    TitleTooVague => {
        name: "title-too-vague", criterion: Specific, severity: Warning,
        summary: "the title is too vague (no verb and object, such as \"Sell more\")",
        help: "say what will be done to what, with a number: \"Win 100 new customers every month\"",
        why: "Specific: \"Sell more\" gives the team nothing to act on.",
        example: "title = \"Close 20 upsells per rep this year\"",
    },
    GoalWithoutTargets => {
        name: "goal-without-targets", criterion: Measurable, severity: Error,
        summary: "a goal without any target",
        help: "add a [[goals.targets]] table with a metric and a number",
        why: "Measurable: a goal is made real by targets, specific numbers on a metric.",
        example: "[[goals.targets]]\nmetric = \"new_customers\"\ntarget = 100\nper = \"month\"",
    },
    TargetMissing => {
        name: "target-missing", criterion: Measurable, severity: Error,
        summary: "a target table without a `target` number",
        help: "add `target = NUMBER` or a relative `target = \"+10%\"` with a `baseline`",
        why: "Measurable: without a number nobody can tell whether the goal was met.",
        example: "target = 100",
    },
    TargetNotPositive => {
        name: "target-not-positive", criterion: Measurable, severity: Error,
        summary: "a target of zero or less",
        help: "set a target above zero; for \"lower is better\" metrics set `better = \"lower\"` on the metric",
        why: "Measurable: a zero or negative amount cannot be split into quotas.",
        example: "target = 100",
    },
    TargetNotFinite => {
        name: "target-not-finite", criterion: Measurable, severity: Error,
        summary: "a target that is not a finite number (nan, inf) or too large to hold exactly",
        help: "write a finite number",
        why: "Measurable: an infinite target cannot be reached or measured.",
        example: "target = 1200000",
    },
    RelativeTargetWithoutBaseline => {
        name: "relative-target-without-baseline", criterion: Measurable, severity: Error,
        summary: "a relative target (\"+10%\") without a `baseline`",
        help: "add `baseline = NUMBER`: the level before the plan, in the same `per`",
        why: "Measurable: \"+10%\" means nothing until it is known 10% of what.",
        example: "baseline = 20\ntarget = \"+10%\"   # 22",
    },
    MoneyWithoutCurrency => {
        name: "money-without-currency", criterion: Measurable, severity: Error,
        summary: "a money target in a plan without a `currency`",
        help: "set `currency = \"EUR\"` (an ISO 4217 code) in [plan]",
        why: "Measurable: money is split to the currency's minor unit, which needs the currency.",
        example: "[plan]\ncurrency = \"EUR\"",
    },
    RateOutOfRange => {
        name: "rate-out-of-range", criterion: Measurable, severity: Error,
        summary: "a rate target or baseline below 0% or above its metric's `max` (100% unless declared)",
        help: "write a percentage between 0 and the metric's `max`: `target = 11` means 11%",
        why: "Measurable: a share below 0% cannot happen, nor one above the most the metric can reach; a rate that can pass 100%, such as net revenue retention, declares `max` on its metric.",
        example: "[metrics.nrr]\nkind = \"rate\"\nmax = 200     # net revenue retention may pass 100%\n\n# in the goal:\ntarget = 110  # percent",
    },
    SeasonalityMissingMonth => {
        name: "seasonality-missing-month", criterion: Measurable, severity: Error,
        summary: "a seasonality profile without all twelve months",
        help: "give a weight for each of jan feb mar apr may jun jul aug sep oct nov dec",
        why: "Measurable: a profile spreads a target over the months; a missing month would lose its share.",
        example: "[seasonality.retail]\njan = 6\nfeb = 7\n# ... all twelve months",
    },
    SeasonalityWeightNotPositive => {
        name: "seasonality-weight-not-positive", criterion: Measurable, severity: Error,
        summary: "a seasonality weight of zero or less",
        help: "give every month a weight above zero; a quiet month gets a small weight",
        why: "Measurable: weights are relative shares of the target; zero or negative shares make no plan.",
        example: "aug = 2",
    },
    MetricWithoutSource => {
        name: "metric-without-source", criterion: Measurable, severity: Info,
        summary: "a metric without a `source`",
        help: "say where the number comes from: `source = \"CRM: deals won\"`",
        why: "Measurable: a number nobody knows how to measure will be disputed at the review.",
        example: "source = \"CRM: deals won whose organisation is new\"",
    },
    NoRepActive => {
        name: "no-rep-active", criterion: Achievable, severity: Error,
        summary: "part of a target falls on days when none of its reps is active",
        help: "move the target's dates, or add a rep who is active on those days",
        why: "Achievable: an amount planned for days when nobody works is an amount nobody will deliver.",
        example: "start = 2027-03-01   # the target starts when the first rep does",
    },
    QuotaAboveCapacity => {
        name: "quota-above-capacity", criterion: Achievable, severity: Warning,
        summary: "a rep's monthly quota is above what the metric's `capacity` says one rep can do",
        help: "lower the target, add reps, or check the metric's `capacity`",
        why: "Achievable: the guide asks whether each of four reps can really bring 25 new customers a month; capacity is scaled by the rep's fte and ramp.",
        example: "[metrics.new_customers]\ncapacity = 30",
    },
    GrowthTooHigh => {
        name: "growth-too-high", criterion: Achievable, severity: Warning,
        summary: "the target is more than 50% above its baseline",
        help: "aim for a step the team can take this period, and raise it at the next review",
        why: "Achievable: a goal far beyond the current level discourages the team instead of driving it.",
        example: "baseline = 80\ntarget = 100   # +25%",
    },
    FunnelHoursExceedCapacity => {
        name: "funnel-hours-exceed-capacity", criterion: Achievable, severity: Warning,
        summary: "the activity a target needs takes more hours than a rep has for selling",
        help: "lower the target, improve the funnel's rates, or free selling time",
        why: "Achievable: 220 calls a month at 6 minutes each is 22 hours; a rep's selling hours must cover all the activity.",
        example: "hours_per_week = 40\nselling_share = 0.6",
    },
    RepOverloaded => {
        name: "rep-overloaded", criterion: Achievable, severity: Warning,
        summary: "a rep carries more active goals at once than `max_goals_per_rep`",
        help: "rank goals by urgency and importance and defer the least important",
        why: "Achievable: ten new goals at once overwhelm reps.",
        example: "[plan]\nmax_goals_per_rep = 5",
    },
    LowTeamConfidence => {
        name: "low-team-confidence", criterion: Achievable, severity: Warning,
        summary: "the team's mean confidence in a goal is below 3 of 5",
        help: "talk to the reps about the challenges they named before committing the goal",
        why: "Achievable: the guide asks to involve the reps; a goal they do not believe in is rarely met.",
        example: "[[feedback]]\ngoal = \"new-customers\"\nrep = \"giulia\"\nconfidence = 4",
    },
    TrainingWithoutSkillsGoal => {
        name: "training-without-skills-goal", criterion: Achievable, severity: Info,
        summary: "a rep needs training but no `skills` goal covers it",
        help: "add a goal of family \"skills\" for the training the reps asked for",
        why: "Achievable: the guide asks whether the team needs training; a need voiced and not planned stays a barrier.",
        example: "family = \"skills\"",
    },
    GoalWithoutObjective => {
        name: "goal-without-objective", criterion: Relevant, severity: Warning,
        summary: "a goal that serves none of the declared objectives",
        help: "add `objective = \"ID\"` naming the company objective this goal serves",
        why: "Relevant: a goal should move the company towards one of its objectives.",
        example: "objective = \"grow-new-business\"",
    },
    GoalWithoutFamily => {
        name: "goal-without-family", criterion: Relevant, severity: Warning,
        summary: "a goal without a `family`",
        help: "add `family`: capacity, product, skills or customers",
        why: "Relevant: the family shows which part of the business the goal improves and keeps the set balanced.",
        example: "family = \"customers\"",
    },
    NoDates => {
        name: "no-dates", criterion: TimeBound, severity: Error,
        summary: "no dates at all: neither the plan nor the target has a start",
        help: "set `start` in [plan] (and `end`, or one year is assumed)",
        why: "Time-bound: a goal without a deadline is a wish.",
        example: "[plan]\nstart = 2027-01-01\nend = 2027-12-31",
    },
    EndBeforeStart => {
        name: "end-before-start", criterion: TimeBound, severity: Error,
        summary: "an end date before its start date",
        help: "swap the dates or correct the year",
        why: "Time-bound: a period that ends before it starts has no days to plan.",
        example: "start = 2027-01-01\nend = 2027-12-31",
    },
    DeadlinePast => {
        name: "deadline-past", criterion: TimeBound, severity: Warning,
        summary: "the target's deadline is already past",
        help: "set a new deadline, or close the goal",
        why: "Time-bound: a goal whose deadline has passed can no longer steer the team.",
        example: "end = 2027-12-31",
    },
    GoalWithoutReview => {
        name: "goal-without-review", criterion: TimeBound, severity: Warning,
        summary: "a goal without a `review` cadence",
        help: "add `review = \"monthly\"` (weekly, monthly or quarterly)",
        why: "Time-bound: the guide asks to track progress monthly or quarterly and adjust.",
        example: "review = \"monthly\"",
    },
    TargetTooLong => {
        name: "target-too-long", criterion: TimeBound, severity: Warning,
        summary: "a target that runs longer than 3 years",
        help: "split it into yearly targets",
        why: "Time-bound: a horizon beyond three years is too far to steer the team's daily work.",
        example: "start = 2027-01-01\nend = 2027-12-31",
    },
    TargetOutsidePlan => {
        name: "target-outside-plan", criterion: TimeBound, severity: Error,
        summary: "a target's dates reach outside the plan period",
        help: "keep the target's `start` and `end` inside [plan]'s period",
        why: "Time-bound: quotas are reported over the plan's periods; days outside it would be lost.",
        example: "start = 2027-04-01   # inside the plan",
    },
    FunnelRateOutOfRange => {
        name: "funnel-rate-out-of-range", criterion: Achievable, severity: Error,
        summary: "a funnel stage rate outside (0, 1]",
        help: "write the share that reaches the next stage as a fraction (0.10) or a percentage (\"10%\")",
        why: "Achievable: a zero rate needs infinite activity; a rate above 100% creates outcomes from nothing.",
        example: "{ activity = \"calls\", rate = 0.10, minutes = 6 }",
    },
    FunnelMissingActivity => {
        name: "funnel-missing-activity", criterion: Achievable, severity: Error,
        summary: "a funnel stage without an `activity`, or a funnel with fewer than two stages",
        help: "name each stage's activity; the last stage is the outcome",
        why: "Achievable: the funnel works back from the outcome to the activity; every stage must be named.",
        example: "stages = [{ activity = \"calls\", rate = 0.10 }, { activity = \"deals\" }]",
    },    OverAssignmentTooHigh => {
        name: "over-assignment-too-high", criterion: Achievable, severity: Warning,
        summary: "`over_assign` sets rep quotas more than 50% above the team's number",
        help: "keep the cushion between 1.05 and 1.3; a bigger one means the team number itself is wrong",
        why: "Achievable: over-assignment absorbs the misses of a few reps; quotas half again above the company number are a target nobody believes, and reps who hit the team's share still fail their own.",
        example: "[plan]\nover_assign = 1.15   # rep quotas add up to 115% of each team target",
    },
    OverAssignmentNotShared => {
        name: "over-assignment-not-shared", criterion: Achievable, severity: Error,
        summary: "`over_assign` on a target that is not shared among a team's reps",
        help: "remove `over_assign` from this target; it applies to team targets of counts and money",
        why: "Achievable: over-assignment makes the reps' quotas add up to more than a team's number. An `each = \"rep\"` target, a rep's own goal or a rate or level has no team number to share, so the factor would mean nothing.",
        example: "each = \"team\"\nover_assign = 1.15",
    },
    FunnelMetricNotAStage => {
        name: "funnel-metric-not-a-stage", criterion: Achievable, severity: Error,
        summary: "a count target names a funnel none of whose stages is the target's metric",
        help: "name the stage whose `activity` is the target's metric, or give the target the funnel that has it",
        why: "Achievable: a target enters its funnel at the stage it counts (a `meetings` target at `meetings`); guessing another stage would plan the wrong activity.",
        example: "stages = [\n  { activity = \"calls\", rate = 0.2 },\n  { activity = \"meetings\", rate = 0.3 },   # a `meetings` target enters here\n  { activity = \"deals\" },\n]",
    },
    FunnelNeedsDealSize => {
        name: "funnel-needs-deal-size", criterion: Achievable, severity: Error,
        summary: "a money target names a funnel without `deal_size`",
        help: "add `deal_size` (money per won deal) to the funnel",
        why: "Achievable: money enters the funnel as deals; 1,200,000.00 at 12,000.00 a deal is 100 deals, and without the deal size no activity can be worked out.",
        example: "[[funnels]]\nid = \"outbound\"\ndeal_size = 12000   # 1,200,000.00 of revenue is 100 deals\nstages = [{ activity = \"calls\", rate = 0.05 }, { activity = \"deals\" }]",
    },
    FunnelNeedsAdditiveTarget => {
        name: "funnel-needs-additive-target", criterion: Achievable, severity: Error,
        summary: "a rate or level target names a funnel",
        help: "remove `funnel` from the target, or put the funnel on the count or money target that the rate or level comes from",
        why: "Achievable: a funnel works a number of outcomes back to the activity they need; a rate (answer rate) or a level (hours a week) is not a number of outcomes, so no activity follows from it, and the funnel would be silently ignored.",
        example: "[[goals.targets]]\nmetric = \"answered_calls\"   # a count the funnel can work back\ntarget = 22\nper = \"month\"\nfunnel = \"outbound\"",
    },
    UnknownCurrency => {
        name: "unknown-currency", criterion: File, severity: Error,
        summary: "`[plan] currency` is not an active ISO 4217 currency code",
        help: "write the three-letter ISO 4217 code, such as \"EUR\", \"USD\" or \"JPY\"",
        why: "Money is planned in whole minor units of the currency (cents for EUR, none for JPY, four decimals for CLF); an unknown code has no minor unit, and a typo would label every amount wrongly.",
        example: "[plan]\ncurrency = \"EUR\"",
    },
    EmptyId => {
        name: "empty-id", criterion: File, severity: Error,
        summary: "an id, name or alias that is empty or only blanks",
        help: "give the entry a visible id, such as \"inside\" or \"giulia\"",
        why: "Entries are referred to and reported by id; a blank id cannot be written in a reference, and a blank rep name or alias would claim every export row whose rep column is empty.",
        example: "[[teams]]\nid = \"inside\"",
    },
    SharedAlias => {
        name: "shared-alias", criterion: File, severity: Error,
        summary: "one alias or name belongs to two reps",
        help: "keep each id, name and alias on one rep only",
        why: "Export rows are matched to reps by id, name or alias, ignoring case; a spelling shared by two reps would credit one rep with the other's results.",
        example: "[[reps]]\nid = \"giulia\"\naliases = [\"g.rossi@acme.it\"]   # on no other rep",
    },
    BaselineNegative => {
        name: "baseline-negative", criterion: Measurable, severity: Error,
        summary: "a `baseline` below zero",
        help: "write the level before the plan, zero or more, in the target's `per`",
        why: "Measurable: a baseline is a count, an amount, a rate or a level that was measured, never below zero; a negative one turns \"+10%\" into a cut.",
        example: "baseline = 80\ntarget = \"+10%\"   # 88",
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        for name in &names {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{name} is not kebab-case"
            );
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }

    #[test]
    fn from_name_finds_every_code() {
        for code in Code::ALL {
            assert_eq!(Code::from_name(code.name()), Some(*code));
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }
}
