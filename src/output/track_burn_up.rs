//! The compact burn-up under each target of the `goals track` table: the cumulative plan and
//! the cumulative actual as two sparklines, one character per period of `--by` (several
//! periods to a character when they would not fit the width), each line ending with its
//! latest figure.

use std::io::{self, Write};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::amount::{fixed, group};
use crate::model::Per;
use crate::track::report::TargetTrack;

/// Eight heights, with colour (Unicode blocks) and in plain text.
const FANCY: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const PLAIN: [char; 8] = ['_', '.', '-', '~', '=', '+', '*', '#'];
/// Columns taken by the line's lead (`  plan    `) and the figure after the sparkline.
const LEAD: usize = 10;
const TAIL: usize = 16;

/// Writes the two burn-up lines of `t`, with `decimals` shown.
pub fn write(
    t: &TargetTrack,
    by: Per,
    decimals: u32,
    fancy: bool,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let team = &t.team.burn_up;
    if team.is_empty() {
        return Ok(());
    }
    let room = width.saturating_sub(LEAD + TAIL).max(8);
    let per_char = team.len().div_ceil(room);
    // The last period of each group of `per_char`: cumulative figures sample without loss.
    let picked: Vec<usize> = (0..team.len())
        .filter(|i| (i + 1) % per_char == 0 || i + 1 == team.len())
        .collect();
    let plan: Vec<Decimal> = picked.iter().map(|&i| team[i].cumulative_plan).collect();
    // Each group's latest known actual, up to the group holding the as-of date.
    let mut from = 0;
    let actual: Vec<Decimal> = picked
        .iter()
        .map_while(|&last| {
            let known = team[from..=last]
                .iter()
                .rev()
                .find_map(|b| b.cumulative_actual);
            from = last + 1;
            known
        })
        .collect();
    let top = plan
        .iter()
        .chain(&actual)
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO);
    let heights = if fancy { FANCY } else { PLAIN };
    let line =
        |values: &[Decimal]| -> String { values.iter().map(|v| heights[level(*v, top)]).collect() };
    let figure = |x: Decimal| group(&fixed(x, decimals));
    let span = match (t.periods.first(), t.periods.last()) {
        (Some(a), Some(b)) if t.periods.len() > 1 => format!("{} to {}", a.label, b.label),
        (Some(a), _) => a.label.clone(),
        _ => String::new(),
    };
    let pad = plan.len();
    let mut first = format!(
        "  plan    {:<pad$}  {}",
        line(&plan),
        figure(plan.last().copied().unwrap_or_default())
    );
    let note = if per_char > 1 {
        format!("  ({span}, {per_char} {by}s a character)")
    } else {
        format!("  ({span})")
    };
    if first.chars().count() + note.chars().count() <= width {
        first.push_str(&note);
    }
    writeln!(out, "{first}")?;
    match actual.last() {
        Some(&last) => writeln!(out, "  actual  {:<pad$}  {}", line(&actual), figure(last)),
        None => writeln!(out, "  actual  no data yet"),
    }
}

/// The height (0–7) of `value` on a scale up to `top`: display only.
fn level(value: Decimal, top: Decimal) -> usize {
    if top <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let eighths = (value * Decimal::from(8) / top)
        .ceil()
        .to_usize()
        .unwrap_or(8);
    eighths.clamp(1, 8) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_cover_the_scale() {
        let top = Decimal::from(800);
        assert_eq!(level(Decimal::ZERO, top), 0);
        assert_eq!(level(Decimal::from(100), top), 0);
        assert_eq!(level(Decimal::from(101), top), 1);
        assert_eq!(level(Decimal::from(800), top), 7);
        assert_eq!(level(Decimal::from(900), top), 7);
    }
}
