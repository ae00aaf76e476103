//! `goals survey`: the feedback form, one CSV row per goal and rep who carries it, with the
//! answers left empty for the rep to fill in and `goals check --feedback` to read.

use anyhow::Result;
use chrono::NaiveDate;

use super::{Io, Outcome, load};
use crate::cli::SurveyArgs;
use crate::output::check_human;
use crate::survey;

/// Runs `goals survey`.
pub fn run(args: &SurveyArgs, as_of: NaiveDate, io: &mut Io<'_>) -> Result<Outcome> {
    let loaded = load::load(&args.file, as_of, io.stdin)?;
    let Some(checked) = loaded.checked() else {
        check_human::render(
            std::slice::from_ref(&loaded.findings),
            io.paint_err,
            io.width,
            io.stderr,
        )?;
        writeln!(
            io.stderr,
            "goals: the survey was not written: fix the errors above first"
        )?;
        return Ok(Outcome::Findings);
    };
    survey::write_form(checked.file(), io.stdout)?;
    Ok(Outcome::Success)
}
