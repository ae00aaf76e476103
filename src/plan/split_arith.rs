//! The integer arithmetic of the split among reps (`reps::split`), on its fixed point of
//! 2^-64 of a unit: saturating at the ends of `i128`, as the split promises for any input, or
//! plain, for a split whose sizes keep every value far inside `i128`, where both give the
//! very same numbers and plain arithmetic is several times cheaper.

/// Fixed point of the exact shares: 2^-64 of a unit, so whole units are a shift away.
pub const ONE: i128 = super::fixed::BINARY_ONE;

/// The operations of the split.
pub trait Arith {
    fn add(a: i128, b: i128) -> i128;
    fn sub(a: i128, b: i128) -> i128;
    /// A capacity (millionths, >= 0) times a sum of day amounts per unit of capacity (>= 0).
    fn times(c: i128, x: i128) -> i128;
    /// `units` whole units in the fixed point: `units × ONE`.
    fn whole(units: i128) -> i128;
}

/// Saturating arithmetic: right for any input.
pub struct Saturating;

impl Arith for Saturating {
    fn add(a: i128, b: i128) -> i128 {
        a.saturating_add(b)
    }

    fn sub(a: i128, b: i128) -> i128 {
        a.saturating_sub(b)
    }

    fn times(c: i128, x: i128) -> i128 {
        // One plain multiplication when the product cannot overflow (every plan's case).
        if (0..1 << 32).contains(&c) && (0..1 << 94).contains(&x) {
            c * x
        } else {
            c.saturating_mul(x)
        }
    }

    fn whole(units: i128) -> i128 {
        if (-(1 << 62)..1 << 62).contains(&units) {
            units << 64
        } else {
            units.saturating_mul(ONE)
        }
    }
}

/// Plain arithmetic, for a split that [`bounded`] admits.
pub struct Plain;

impl Arith for Plain {
    fn add(a: i128, b: i128) -> i128 {
        a + b
    }

    fn sub(a: i128, b: i128) -> i128 {
        a - b
    }

    fn times(c: i128, x: i128) -> i128 {
        c * x
    }

    fn whole(units: i128) -> i128 {
        units << 64
    }
}

/// Whether a split stays far inside `i128` all along, so that [`Plain`] gives what
/// [`Saturating`] gives: every capacity below 2^26 millionths (67 reps' worth), the sum of
/// the day amounts per unit of capacity below 2^100 (about 7 × 10^10 units) and all units to
/// give below 2^60. Then a share (capacity × amounts, summed over runs that do not overlap)
/// stays below 2^126, units given below 2^60, and no sum or difference of them overflows.
pub fn bounded<'a>(
    capacities: impl IntoIterator<Item = &'a i128>,
    per_unit_total: i128,
    units: &[i64],
) -> bool {
    let units: i128 = units.iter().map(|&q| i128::from(q.max(0))).sum();
    (0..1 << 100).contains(&per_unit_total)
        && units < 1 << 60
        && capacities.into_iter().all(|c| (0..1 << 26).contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_products_saturate_as_the_checked_ones(
            c in prop_oneof![0_i128..1 << 34, Just((1 << 32) - 1), Just(1 << 32), any::<i128>()],
            x in prop_oneof![0_i128..1 << 96, Just((1 << 94) - 1), Just(1 << 94), any::<i128>()],
            units in prop_oneof![-(1_i128 << 64)..1 << 64, Just(1 << 62), Just((1 << 62) - 1),
                Just(-(1 << 62)), Just(-(1 << 62) - 1), any::<i128>()],
        ) {
            prop_assert_eq!(Saturating::times(c, x), c.saturating_mul(x));
            prop_assert_eq!(Saturating::whole(units), units.saturating_mul(ONE));
        }

        #[test]
        fn plain_agrees_with_saturating_inside_the_bounds(
            c in prop_oneof![0_i128..1 << 26, Just((1 << 26) - 1)],
            x in prop_oneof![0_i128..1 << 100, Just((1 << 100) - 1)],
            given in prop_oneof![0_i128..1 << 60, Just((1 << 60) - 1)],
        ) {
            prop_assert!(bounded(&[c], x, &[]));
            let share = Plain::times(c, x);
            prop_assert_eq!(share, Saturating::times(c, x));
            prop_assert_eq!(Plain::whole(given + 1), Saturating::whole(given + 1));
            let owed = Plain::whole(given);
            prop_assert_eq!(Plain::sub(share, owed), Saturating::sub(share, owed));
            prop_assert_eq!(Plain::add(share, owed), Saturating::add(share, owed));
        }
    }

    #[test]
    fn bounds_are_checked_at_their_edges() {
        assert!(bounded(&[0, (1 << 26) - 1], (1 << 100) - 1, &[1, -5]));
        assert!(!bounded(&[1 << 26], 0, &[]), "capacity");
        assert!(!bounded(&[-1], 0, &[]), "negative capacity");
        assert!(!bounded(&[1], 1 << 100, &[]), "amounts");
        assert!(!bounded(&[1], 0, &[i64::MAX, i64::MAX]), "units");
        assert!(!bounded(&[1], 0, &[1 << 59, 1 << 59]), "units");
    }
}
