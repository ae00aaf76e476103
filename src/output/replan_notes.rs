//! What `goals replan` says around its plan: the line above the table, and on stderr a
//! warning for each target's remainder that no day left of the plan can carry.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::output::amount::{fixed, group};
use crate::output::style::Paint;
use crate::output::wrap::hanging;
use crate::track::replan::Stranded;

/// The table's first line: what the replan starts from.
pub fn heading(as_of: NaiveDate, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "Replanned from actuals through {as_of}; what remains follows the plan."
    )
}

/// A warning that `s` is unplaced, filled to `width` with the text aligned after the lead.
pub fn stranded(
    s: &Stranded,
    as_of: NaiveDate,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    const LEAD: &str = "goals: warning:";
    let text = format!(
        "{} ({}): {} unplaced: no remaining day of the plan can carry it; extend the \
         target's dates or give it a rep who is active after {as_of}",
        s.goal,
        s.metric,
        group(&fixed(s.amount, s.decimals))
    );
    for (i, line) in hanging(&text, &format!("{LEAD} "), width)
        .iter()
        .enumerate()
    {
        match line.strip_prefix(LEAD) {
            Some(rest) if i == 0 => writeln!(out, "{}{rest}", paint.warning(LEAD))?,
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn a_stranded_remainder_is_a_warning_aligned_after_its_lead() {
        let s = Stranded {
            goal: "revenue".into(),
            metric: "revenue".into(),
            amount: Decimal::new(149_500_000, 2),
            decimals: 2,
        };
        let as_of = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
        let mut out = Vec::new();
        stranded(&s, as_of, Paint::default(), 80, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "goals: warning: revenue (revenue): 1,495,000.00 unplaced: no remaining day of"
        );
        assert!(lines[1..].iter().all(|l| l.starts_with(&" ".repeat(16))));
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{text}");
        let mut painted = Vec::new();
        stranded(&s, as_of, Paint { enabled: true }, 80, &mut painted).unwrap();
        let painted = String::from_utf8(painted).unwrap();
        assert!(painted.starts_with("\u{1b}["), "{painted:?}");
        assert!(
            painted.contains("\u{1b}[0m revenue (revenue)"),
            "{painted:?}"
        );
    }
}
