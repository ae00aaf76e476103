//! The team's view of each goal as a CSV form: `write_form` writes it for the reps to fill
//! in, `read` turns a filled form into feedback entries and located findings.

mod csv_text;
mod read;

use std::io::{self, Write};

use crate::model::GoalFile;

pub use read::{SurveyRead, read};

/// The columns of the form, in order.
pub const COLUMNS: [&str; 8] = [
    "goal",
    "goal_title",
    "rep",
    "rep_name",
    "confidence",
    "capable",
    "needs_training",
    "challenges",
];

/// Writes the form: one row per goal (file order) and rep who carries it, answers empty.
pub fn write_form(file: &GoalFile, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(COLUMNS)?;
    for goal in &file.goals {
        let Some(owner) = &goal.owner else { continue };
        let title = goal.title.as_ref().map_or("", |t| t.value.as_str());
        for rep in file.reps_of(&owner.value) {
            let name = rep.name.as_ref().map_or("", |n| n.value.as_str());
            csv.write_record([
                goal.id.value.as_str(),
                title,
                &rep.id.value,
                name,
                "",
                "",
                "",
                "",
            ])?;
        }
    }
    csv.flush()
}
