//! How the HTML report writes numbers and statuses: amounts grouped by thousands with the
//! target's decimals, ratios as percentages, and the exact decimal text the charts carry in
//! their data attributes (the same text the JSON formats write).

use rust_decimal::Decimal;

use crate::model::MetricKind;
use crate::output::amount::{fixed, group, plain};
use crate::plan::report::Quantity;
use crate::track::report::Status;

/// A quota as a decimal in the metric's unit (currency units for money).
pub fn quantity(q: Quantity, decimals: u32) -> Decimal {
    match q {
        Quantity::Units(n) => Decimal::new(n, decimals),
        Quantity::Level(level) => level,
    }
}

/// A quota for people: `1,200`, `83,333.33`.
pub fn quota(q: Quantity, decimals: u32) -> String {
    group(&plain(q, decimals))
}

/// A quota as the JSON writes it, for data attributes.
pub fn quota_data(q: Quantity, decimals: u32) -> String {
    plain(q, decimals)
}

/// A tracked amount for people, with the target's decimals.
pub fn amount(x: Decimal, decimals: u32) -> String {
    group(&fixed(x, decimals))
}

/// A tracked amount as the JSON writes it, for data attributes.
pub fn amount_data(x: Decimal, decimals: u32) -> String {
    fixed(x, decimals)
}

/// A ratio as the JSON writes it (four decimals), for data attributes.
pub fn ratio_data(x: Decimal) -> String {
    fixed(x, 4)
}

/// A ratio as a percentage with one decimal: `95.2%`; a dash without one.
pub fn percent(x: Option<Decimal>) -> String {
    x.map_or_else(
        || "–".to_owned(),
        |r| format!("{}%", fixed(r * Decimal::ONE_HUNDRED, 1)),
    )
}

/// An optional amount for people; a dash without one.
pub fn maybe(x: Option<Decimal>, decimals: u32) -> String {
    x.map_or_else(|| "–".to_owned(), |x| amount(x, decimals))
}

/// A status as people read it: `on track`.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Ahead => "ahead",
        Status::OnTrack => "on track",
        Status::AtRisk => "at risk",
        Status::Behind => "behind",
        Status::NotStarted => "not started",
        Status::NoData => "no data",
    }
}

/// The CSS class of a status: its JSON name.
pub fn status_class(s: Status) -> String {
    format!("st {}", s.name())
}

/// A unit to write after amounts: the currency for money, the metric's unit otherwise.
pub fn unit<'a>(kind: MetricKind, unit: Option<&'a str>, currency: Option<&'a str>) -> &'a str {
    if kind == MetricKind::Money {
        currency.unwrap_or("")
    } else {
        unit.unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_expect() {
        assert_eq!(quota(Quantity::Units(123_456_789), 2), "1,234,567.89");
        assert_eq!(quota_data(Quantity::Units(123_456_789), 2), "1234567.89");
        assert_eq!(percent(Some(Decimal::new(9512, 4))), "95.1%");
        assert_eq!(percent(None), "–");
        assert_eq!(quantity(Quantity::Units(2550), 2), Decimal::new(2550, 2));
    }
}
