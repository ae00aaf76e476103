//! The order in which a day's leftover units go in the split among reps (`reps::split`): each
//! rep's key, (class, deadline, tie, rep), the smallest first, and the choice of the
//! smallest. While every part fits its bits, a key is kept as one integer in the same order,
//! which selects several times faster than the tuple.

/// Units already free (class 0) before units not yet earned (1); the earliest due day; the
/// largest deficit (`tie` is its negated, truncated value); the rep listed first.
pub type Key = (u8, usize, i128, usize);

/// One day's keys: packed while every key so far packs, else as tuples.
#[derive(Default)]
pub struct Keys {
    packed: Vec<u128>,
    tuples: Vec<Key>,
    fits: bool,
}

impl Keys {
    pub fn clear(&mut self) {
        self.packed.clear();
        self.tuples.clear();
        self.fits = true;
    }

    pub fn push(&mut self, key: Key) {
        if self.fits {
            if let Some(p) = pack(key) {
                self.packed.push(p);
                return;
            }
            self.fits = false;
            self.tuples.extend(self.packed.iter().map(|&p| unpack(p)));
        }
        self.tuples.push(key);
    }

    pub fn len(&self) -> usize {
        if self.fits {
            self.packed.len()
        } else {
            self.tuples.len()
        }
    }

    /// Calls `each` with the rep of each of the `m` smallest keys, in no particular order.
    pub fn smallest(&mut self, m: usize, mut each: impl FnMut(usize)) {
        let m = m.min(self.len());
        if m == 0 {
            return;
        }
        if self.fits {
            if m < self.packed.len() {
                self.packed.select_nth_unstable(m - 1);
            }
            for &p in &self.packed[..m] {
                each(unpack(p).3);
            }
        } else {
            if m < self.tuples.len() {
                self.tuples.select_nth_unstable(m - 1);
            }
            for &(_, _, _, r) in &self.tuples[..m] {
                each(r);
            }
        }
    }
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
            prop_oneof![0_usize..400, Just(usize::MAX), Just(u32::MAX as usize)],
            prop_oneof![
                -1000_i128..1000,
                any::<i64>().prop_map(i128::from),
                any::<i128>()
            ],
            0_usize..40,
        )
    }

    proptest! {
        #[test]
        fn packed_keys_keep_the_order_of_the_tuples(a in key(), b in key()) {
            if let (Some(pa), Some(pb)) = (pack(a), pack(b)) {
                prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
                prop_assert_eq!(unpack(pa), a);
            }
        }

        #[test]
        fn the_smallest_keys_are_chosen_packed_or_not(
            keys in prop::collection::vec(key(), 1..30),
            m in 0_usize..35,
        ) {
            // Reps are unique within a day, as in the split.
            let keys: Vec<Key> = keys.into_iter().enumerate().map(|(r, (c, d, t, _))| (c, d, t, r)).collect();
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
