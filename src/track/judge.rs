//! Judging a plan to date against an actual: the attainment ratio (four decimals), the status
//! under the `[tracking]` thresholds, judged on the exact ratio, and whether the target is met.

use rust_decimal::{Decimal, RoundingStrategy};

use super::report::Status;
use crate::model::Thresholds;

/// How one team's or rep's figures are judged.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// The target has begun by the as-of date.
    pub started: bool,
    /// Some export has a row of the target's metric.
    pub has_data: bool,
    pub lower: bool,
    pub thresholds: Thresholds,
    /// Decimals of the metric's unit (for the forecast).
    pub decimals: u32,
}

/// The verdict on one team's or rep's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judged {
    /// Actual ÷ plan (plan ÷ actual when lower is better), four decimals.
    pub attainment: Option<Decimal>,
    pub status: Status,
    /// The exact ratio is at least 1, or lower is better and the actual is zero.
    pub met: bool,
}

/// Judges `actual` against `plan`. Without data there is no ratio and no status; a zero
/// actual where lower is better and something was planned is the best result: `ahead`, with no
/// ratio.
pub fn judge(plan: Decimal, actual: Option<Decimal>, state: State) -> Judged {
    let verdict = |attainment, status, met| Judged {
        attainment,
        status,
        met,
    };
    if !state.started {
        return verdict(None, Status::NotStarted, false);
    }
    let Some(actual) = actual.filter(|_| state.has_data) else {
        return verdict(None, Status::NoData, false);
    };
    let (num, den) = if state.lower {
        (plan, actual)
    } else {
        (actual, plan)
    };
    if state.lower && actual.is_zero() && plan > Decimal::ZERO {
        return verdict(None, Status::Ahead, true);
    }
    if den <= Decimal::ZERO {
        return verdict(None, Status::NotStarted, false);
    }
    let exact = num / den;
    verdict(
        Some(exact.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)),
        Status::of(exact, state.thresholds),
        exact >= Decimal::ONE,
    )
}

/// How far behind the plan to date; negative when ahead.
pub fn shortfall(plan: Decimal, actual: Decimal, lower: bool) -> Decimal {
    if lower { actual - plan } else { plan - actual }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn state(lower: bool) -> State {
        State {
            started: true,
            has_data: true,
            lower,
            thresholds: Thresholds::default(),
            decimals: 0,
        }
    }

    #[test]
    fn status_follows_the_thresholds() {
        let t = Thresholds::default();
        assert_eq!(Status::of(d("1.05"), t), Status::Ahead);
        assert_eq!(Status::of(d("1.0499"), t), Status::OnTrack);
        assert_eq!(Status::of(d("0.95"), t), Status::OnTrack);
        assert_eq!(Status::of(d("0.9499"), t), Status::AtRisk);
        assert_eq!(Status::of(d("0.80"), t), Status::AtRisk);
        assert_eq!(Status::of(d("0.7999"), t), Status::Behind);
    }

    #[test]
    fn the_status_is_judged_on_the_exact_ratio() {
        // 18,999 of 20,000 is 0.94995: shown as 0.9500 (95.0%) but still at risk.
        let j = judge(d("20000"), Some(d("18999")), state(false));
        assert_eq!(j.attainment, Some(d("0.9500")));
        assert_eq!(j.status, Status::AtRisk);
        // 99,999 of 100,000 shows as 1.0000 and is not met.
        let j = judge(d("100000"), Some(d("99999")), state(false));
        assert_eq!((j.attainment, j.met), (Some(d("1.0000")), false));
    }

    #[test]
    fn lower_is_better_inverts_the_ratio() {
        let j = judge(d("12.5"), Some(d("11")), state(true));
        assert_eq!(j.attainment, Some(d("1.1364")));
        let j = judge(d("12.5"), Some(d("11")), state(false));
        assert_eq!(j.attainment, Some(d("0.88")));
    }

    #[test]
    fn the_gap_is_negative_when_ahead() {
        assert_eq!(shortfall(d("10"), d("12"), false), d("-2"));
        assert_eq!(shortfall(d("10"), d("12"), true), d("2"));
    }

    #[test]
    fn zero_where_lower_is_better_is_ahead_without_a_ratio() {
        let j = judge(d("12"), Some(Decimal::ZERO), state(true));
        assert_eq!((j.attainment, j.status, j.met), (None, Status::Ahead, true));
    }

    #[test]
    fn without_data_there_is_no_ratio() {
        let mut s = state(false);
        s.has_data = false;
        let j = judge(d("12"), Some(Decimal::ZERO), s);
        assert_eq!((j.attainment, j.status), (None, Status::NoData));
        assert_eq!(judge(d("12"), None, state(false)).status, Status::NoData);
        assert_eq!(
            judge(Decimal::ZERO, Some(d("3")), state(false)).status,
            Status::NotStarted
        );
    }
}
