//! The order in which a day's leftover units go in the split among reps (`reps::split`): each
//! rep's key, (class, deadline, tie, rep), the smallest first, and the choice of the
//! smallest. While every part fits its bits, a key is kept as one integer in the same order,
//! which selects several times faster than the tuple: a `u64` for the everyday keys (small
//! teams, deficits under a unit, plans of a few years), else a `u128`.

/// Units already free (class 0) before units not yet earned (1); the earliest due day; the
/// largest deficit (`tie` is its negated, truncated value); the rep listed first.
pub type Key = (u8, usize, i128, usize);

/// One day's keys: in the narrowest form every key so far fits.
#[derive(Default)]
pub struct Keys {
    narrow: Vec<u64>,
    packed: Vec<u128>,
    tuples: Vec<Key>,
    form: Form,
}

/// How a day's keys are kept.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Form {
    #[default]
    Narrow,
    Packed,
    Tuples,
}

impl Keys {
    pub fn clear(&mut self) {
        self.narrow.clear();
        self.packed.clear();
        self.tuples.clear();
        self.form = Form::Narrow;
    }

    #[inline]
    pub fn push(&mut self, key: Key) {
        if self.form == Form::Narrow
            && let Some(n) = pack_narrow(key)
        {
            self.narrow.push(n);
        } else {
            self.push_wide(key);
        }
    }

    /// [`Keys::push`] of a key that is not narrow, or after one.
    #[cold]
    fn push_wide(&mut self, key: Key) {
        if self.form == Form::Narrow {
            self.form = Form::Packed;
            let narrow = self.narrow.iter();
            self.packed.extend(
                narrow.map(|&n| pack(unpack_narrow(n)).expect("invariant: a narrow key packs")),
            );
        }
        if self.form == Form::Packed {
            if let Some(p) = pack(key) {
                self.packed.push(p);
                return;
            }
            self.form = Form::Tuples;
            self.tuples.extend(self.packed.iter().map(|&p| unpack(p)));
        }
        self.tuples.push(key);
    }

    pub fn len(&self) -> usize {
        match self.form {
            Form::Narrow => self.narrow.len(),
            Form::Packed => self.packed.len(),
            Form::Tuples => self.tuples.len(),
        }
    }

    /// Calls `each` with the rep of each of the `m` smallest keys, in no particular order.
    pub fn smallest(&mut self, m: usize, mut each: impl FnMut(usize)) {
        let m = m.min(self.len());
        if m == 0 {
            return;
        }
        match self.form {
            Form::Narrow => {
                if m < self.narrow.len() {
                    self.narrow.select_nth_unstable(m - 1);
                }
                for &n in &self.narrow[..m] {
                    each(narrow_rep(n));
                }
            }
            Form::Packed => {
                if m < self.packed.len() {
                    self.packed.select_nth_unstable(m - 1);
                }
                for &p in &self.packed[..m] {
                    each(unpack(p).3);
                }
            }
            Form::Tuples => {
                if m < self.tuples.len() {
                    self.tuples.select_nth_unstable(m - 1);
                }
                for &(_, _, _, r) in &self.tuples[..m] {
                    each(r);
                }
            }
        }
    }
}

/// Bits of the rep, the tie and the deadline in a narrow key (the class takes the last).
const NARROW_REP: u32 = 10;
const NARROW_TIE: u32 = 41;
const NARROW_DEADLINE: u32 = 12;

/// The key as one `u64`: class (1 bit), deadline (12, `usize::MAX` as all ones), tie (41,
/// offset to be unsigned) and rep (10), when each fits.
#[inline]
fn pack_narrow((class, deadline, tie, rep): Key) -> Option<u64> {
    const NEVER: u64 = (1 << NARROW_DEADLINE) - 1;
    const HALF: i128 = 1 << (NARROW_TIE - 1);
    let deadline = if deadline == usize::MAX {
        NEVER
    } else {
        u64::try_from(deadline).ok().filter(|&d| d < NEVER)?
    };
    let tie = u64::try_from(tie.checked_add(HALF)?)
        .ok()
        .filter(|&t| t >> NARROW_TIE == 0)?;
    let rep = u64::try_from(rep).ok().filter(|&r| r >> NARROW_REP == 0)?;
    if class > 1 {
        return None;
    }
    Some(u64::from(class) << 63 | deadline << (NARROW_TIE + NARROW_REP) | tie << NARROW_REP | rep)
}

/// The rep of a narrow key.
fn narrow_rep(narrow: u64) -> usize {
    usize::try_from(narrow & ((1 << NARROW_REP) - 1)).expect("invariant: 10 bits fit a usize")
}

/// The key a narrow key was made from.
fn unpack_narrow(narrow: u64) -> Key {
    let part = |shift: u32, bits: u32| (narrow >> shift) & ((1 << bits) - 1);
    let deadline = part(NARROW_TIE + NARROW_REP, NARROW_DEADLINE);
    let deadline = if deadline == (1 << NARROW_DEADLINE) - 1 {
        usize::MAX
    } else {
        usize::try_from(deadline).expect("invariant: 12 bits fit a usize")
    };
    (
        u8::try_from(narrow >> 63).expect("invariant: one bit"),
        deadline,
        i128::from(part(NARROW_REP, NARROW_TIE)) - (1 << (NARROW_TIE - 1)),
        narrow_rep(narrow),
    )
}

/// Bits of the rep in a packed key.
const REP_BITS: u32 = 31;

/// The key as one integer: class (1 bit), deadline (32, `usize::MAX` as all ones), tie (64,
/// offset to be unsigned) and rep (31), when each fits.
fn pack((class, deadline, tie, rep): Key) -> Option<u128> {
    let deadline = if deadline == usize::MAX {
        u32::MAX
    } else {
        u32::try_from(deadline).ok().filter(|&d| d < u32::MAX)?
    };
    let tie = u64::try_from(i128::from(i64::try_from(tie).ok()?) - i128::from(i64::MIN)).ok()?;
    let rep = u32::try_from(rep).ok().filter(|&r| r >> REP_BITS == 0)?;
    Some(
        u128::from(class & 1) << 127
            | u128::from(deadline) << 95
            | u128::from(tie) << REP_BITS
            | u128::from(rep),
    )
}

/// The key a packed key was made from.
fn unpack(packed: u128) -> Key {
    let part = |shift: u32, bits: u32| (packed >> shift) & ((1 << bits) - 1);
    let deadline = u32::try_from(part(95, 32)).expect("invariant: 32 bits");
    let deadline = if deadline == u32::MAX {
        usize::MAX
    } else {
        usize::try_from(deadline).expect("invariant: 32 bits fit a usize")
    };
    let tie = i128::from(u64::try_from(part(REP_BITS, 64)).expect("invariant: 64 bits"));
    (
        u8::try_from(packed >> 127).expect("invariant: one bit"),
        deadline,
        tie + i128::from(i64::MIN),
        usize::try_from(part(0, REP_BITS)).expect("invariant: 31 bits fit a usize"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = Key> {
        (
            0_u8..2,
            prop_oneof![
                0_usize..400,
                Just(usize::MAX),
                Just(u32::MAX as usize),
                4090_usize..4100
            ],
            prop_oneof![
                -1000_i128..1000,
                (1_i128 << 40) - 3..(1 << 40) + 3,
                -(1_i128 << 40) - 3..-(1 << 40) + 3,
                any::<i64>().prop_map(i128::from),
                any::<i128>()
            ],
            prop_oneof![0_usize..40, 1020_usize..1030],
        )
    }

    proptest! {
        #[test]
        fn packed_keys_keep_the_order_of_the_tuples(a in key(), b in key()) {
            if let (Some(pa), Some(pb)) = (pack(a), pack(b)) {
                prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
                prop_assert_eq!(unpack(pa), a);
            }
            if let (Some(na), Some(nb)) = (pack_narrow(a), pack_narrow(b)) {
                prop_assert_eq!(na.cmp(&nb), a.cmp(&b));
                prop_assert_eq!(unpack_narrow(na), a);
                prop_assert!(pack(a).is_some(), "a narrow key packs");
            }
        }

        #[test]
        fn the_smallest_keys_are_chosen_packed_or_not(
            keys in prop::collection::vec(key(), 1..30),
            m in 0_usize..35,
            first in prop_oneof![Just(0_usize), 1000_usize..1024],
        ) {
            // Reps are unique within a day, as in the split; from `first`, some may be too
            // many for a narrow key.
            let keys: Vec<Key> = keys.into_iter().enumerate().map(|(r, (c, d, t, _))| (c, d, t, first + r)).collect();
            let mut day = Keys::default();
            day.clear();
            for &k in &keys {
                day.push(k);
            }
            let mut chosen = Vec::new();
            day.smallest(m, |r| chosen.push(r));
            chosen.sort_unstable();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            let mut expected: Vec<usize> = sorted.iter().take(m).map(|k| k.3).collect();
            expected.sort_unstable();
            prop_assert_eq!(chosen, expected);
        }
    }
}
