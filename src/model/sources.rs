//! Where a goal file says its data comes from: the `[[actuals]]` and `[[pipeline]]` export
//! mappings, and `[[feedback]]`, each rep's view of a goal.

use std::ops::Range;

use rust_decimal::Decimal;

use super::file::Sp;

/// `[[feedback]]`: one rep's view of one goal.
#[derive(Clone, Debug)]
pub struct Feedback {
    pub goal: Sp<String>,
    pub rep: Sp<String>,
    /// 1 (no way) to 5 (sure).
    pub confidence: Option<Sp<u8>>,
    pub capable: Option<bool>,
    pub needs_training: Option<bool>,
    pub challenges: Option<String>,
}

/// `[[actuals]]`: how to read a CRM export.
#[derive(Clone, Debug)]
pub struct ActualsMapping {
    pub path: Option<Sp<String>>,
    pub metric: Option<Sp<String>>,
    pub date: String,
    pub rep: String,
    pub value: Option<String>,
    /// `where`: column → the values kept (compared ignoring case).
    pub filters: Vec<(String, Vec<String>)>,
    /// `dates`: the order of slash dates.
    pub dates: Option<DateOrder>,
    /// `date_format`: an explicit chrono format; wins over `dates`.
    pub date_format: Option<String>,
    /// `decimal`: the decimal separator of `value`, `.` or `,`.
    pub decimal: Option<char>,
    /// `currency`: the column holding each row's ISO currency code.
    pub currency: Option<String>,
    /// `encoding`: read from a WHATWG label (`utf-8`, `utf-16`, `windows-1252`) or `latin-1`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub span: Range<usize>,
}

/// The order of the parts of a date written with the year last (`5/4/2027`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `dates = "day-first"`: 5/4/2027 is 5 April.
    DayFirst,
    /// `dates = "month-first"`: 5/4/2027 is 4 May.
    MonthFirst,
    /// `dates = "iso"`: only year-first dates are read.
    Iso,
}

/// `[[pipeline]]`: how to read an export of open deals. `reading.date` is the expected close
/// date; `reading.metric` the metric the deals count towards.
#[derive(Clone, Debug)]
pub struct PipelineMapping {
    /// Every reading key of `[[actuals]]`.
    pub reading: ActualsMapping,
    pub chance: Chance,
}

/// Where a pipeline row's chance of closing comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chance {
    /// `probability`: a column of fractions (`0.4`) or percentages (`40%`).
    Probability(String),
    /// `stage` with `stages`: a column of stage names, each stage's probability (0 to 1).
    Stage {
        column: String,
        stages: Vec<(String, Decimal)>,
    },
}
