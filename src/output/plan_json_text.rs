//! The text the plan JSON repeats, made once: each rep's id and name up to its quota (for
//! the whole document), and the text of the last level and exact amount (while they repeat).

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::amount;
use super::pretty_json::Pretty;
use crate::plan::report::{Quantity, RepCell, RepNames};

/// Depth of a period's rep cell in the document: a target stands at 2, its fields at 3, its
/// periods at 4, their fields at 5 and their reps at 6.
const CELL_DEPTH: usize = 6;

/// `"rep"` and `"name"` (the display name, or `null`).
pub(super) fn write_rep(j: &mut Pretty<'_>, rep: &str, names: &RepNames) {
    j.key("rep");
    j.string(rep);
    j.key("name");
    j.opt_string(names.get(rep).map(String::as_str));
}

/// Depth of a rep's total in the document: a target's fields stand at 3, its reps at 4.
const TOTAL_DEPTH: usize = 4;

/// Each rep's text up to its quota, as a period's cell and as a total, made with [`Pretty`]
/// itself once for the document.
pub struct RepHeads {
    made: FxHashMap<Box<str>, RepHead>,
    /// A cell's text between the quota and the exact amount, and after the exact amount.
    exact_key: Vec<u8>,
    close: Vec<u8>,
    /// A total's text after the quota.
    total_close: Vec<u8>,
}

impl Default for RepHeads {
    fn default() -> Self {
        let mut cell = Vec::new();
        let mut j = Pretty::at(CELL_DEPTH, &mut cell);
        j.begin_object();
        j.key("quota");
        let quota = j.buffer().len();
        j.key("exact");
        let exact = j.buffer().len();
        j.end_object();
        let mut total = Vec::new();
        let mut j = Pretty::at(TOTAL_DEPTH, &mut total);
        j.begin_object();
        j.key("quota");
        let quota_at = j.buffer().len();
        j.end_object();
        RepHeads {
            made: FxHashMap::default(),
            exact_key: cell[quota..exact].to_vec(),
            close: cell[exact..].to_vec(),
            total_close: total[quota_at..].to_vec(),
        }
    }
}

impl RepHeads {
    /// The texts of the reps of a target's totals.
    pub(super) fn texts<'a>(
        &'a mut self,
        reps: &'a [RepCell],
        names: &'a RepNames,
    ) -> RepTexts<'a> {
        for r in reps {
            if !self.made.contains_key(&*r.rep) {
                let head = |depth: usize| {
                    let mut head = Vec::new();
                    let mut j = Pretty::at(depth, &mut head);
                    j.begin_object();
                    write_rep(&mut j, &r.rep, names);
                    j.key("quota");
                    head
                };
                let texts = RepHead {
                    cell: head(CELL_DEPTH),
                    total: head(TOTAL_DEPTH),
                };
                self.made.insert(r.rep.as_ref().into(), texts);
            }
        }
        RepTexts {
            names,
            heads: reps
                .iter()
                .map(|r| (&*r.rep, &self.made[&*r.rep]))
                .collect(),
            exact_key: &self.exact_key,
            close: &self.close,
            heads_close: &self.total_close,
        }
    }
}

/// A rep's text from `{` to `"quota": `, as a period's cell and as a total.
pub(super) struct RepHead {
    pub(super) cell: Vec<u8>,
    pub(super) total: Vec<u8>,
}

/// Whether two ids are the very same string (the one a target's cells share) or equal ones.
pub(super) fn same(a: &str, b: &str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// The reps' texts for one target.
pub(super) struct RepTexts<'a> {
    pub(super) names: &'a RepNames,
    /// Each rep of the totals: its id, and its text as a cell and as a total.
    pub(super) heads: Vec<(&'a str, &'a RepHead)>,
    pub(super) exact_key: &'a [u8],
    pub(super) close: &'a [u8],
    pub(super) heads_close: &'a [u8],
}

/// The text of the last level and exact amount written: a level target gives every rep of a
/// period the same two, which are rounded and written once.
#[derive(Default)]
pub(super) struct Cells {
    level: Memo,
    exact: Memo,
}

impl Cells {
    pub(super) fn quantity(&mut self, q: Quantity, decimals: u32, out: &mut Vec<u8>) {
        match q {
            Quantity::Units(n) => amount::write_units(n, decimals, out),
            Quantity::Level(level) => self.level.write(level, out, |x, text| {
                text.extend_from_slice(amount::plain(Quantity::Level(x), decimals).as_bytes());
            }),
        }
    }

    pub(super) fn exact(&mut self, x: Decimal, out: &mut Vec<u8>) {
        self.exact.write(x, out, amount::write_exact);
    }
}

/// The text of the last decimal written, reused for the very same decimal (same bits: `1.0`
/// and `1.00` write differently).
#[derive(Default)]
struct Memo {
    bits: Option<[u8; 16]>,
    text: Vec<u8>,
}

impl Memo {
    fn write(&mut self, x: Decimal, out: &mut Vec<u8>, render: impl FnOnce(Decimal, &mut Vec<u8>)) {
        let bits = x.serialize();
        if self.bits != Some(bits) {
            self.text.clear();
            render(x, &mut self.text);
            self.bits = Some(bits);
        }
        out.extend_from_slice(&self.text);
    }
}
