//! A plan's price as its source states it, never more precise: a figure and its basis,
//! a fee with users included, the seats a price is reported for.

use super::numbers::{count, group_thousands, usd};
use crate::domain::vendor::{Basis, Figure, Period, Price, Scope};

pub fn per(basis: Basis, period: Period) -> &'static str {
    match (basis, period) {
        (Basis::PerUser, Period::Month) => "per user per month",
        (Basis::PerUser, Period::Year) => "per user per year",
        (Basis::Flat, Period::Month) => "per month",
        (Basis::Flat, Period::Year) => "per year",
    }
}

/// "$49 per user per month", "~$90+ per user per year".
pub fn figure(f: &Figure) -> String {
    format!("{} {}", unit_span(f), per(f.basis, f.period))
}

/// The figure's amount without basis: small unit prices keep their cents.
fn unit_span(f: &Figure) -> String {
    let tilde = if f.approx { "~" } else { "" };
    let plus = if f.or_more { "+" } else { "" };
    // Read the stated numbers, not the span: "$3–$5+" keeps its printed top.
    match (f.amount, f.low, f.high) {
        (Some(a), _, _) => format!("{tilde}{}{plus}", usd(a)),
        (None, Some(lo), Some(hi)) => format!("{tilde}{}–{}{plus}", usd(lo), usd(hi)),
        _ => "unknown".into(),
    }
}

/// A plan's price as the source states it, never more precise.
pub fn price(p: &Price) -> String {
    match p {
        Price::Free { max_users: Some(n) } => format!("Free (up to {n} users)"),
        Price::Free { max_users: None } => "Free".into(),
        Price::Stated { figure: f } => figure(f),
        Price::Quote { estimate: None, .. } => "Custom (contact sales)".into(),
        Price::Quote {
            estimate: Some(f), ..
        } => format!("Custom (contact sales); reported: {}", figure(f)),
        Price::Seats {
            fee,
            included,
            extra,
            max_extra,
        } => seats(fee, *included, extra.as_ref(), *max_extra),
        Price::Unknown => "Not stated".into(),
        Price::Text { text } => format!("price not machine-readable: {text}"),
    }
}

/// A figure taken over a year: "$6,210 a year". Both parts of a [`Price::Seats`] are put
/// this way, so that the fee and the price of a further user read on one scale.
fn a_year(f: &Figure) -> String {
    let k = f.period.per_year();
    let yearly = Figure {
        period: Period::Year,
        amount: f.amount.map(|a| a * k),
        low: f.low.map(|a| a * k),
        high: f.high.map(|a| a * k),
        ..f.clone()
    };
    format!("{} a year", unit_span(&yearly))
}

/// "$6,210 a year for up to 10 people, then $130 a year per extra person".
fn seats(fee: &Figure, included: u32, extra: Option<&Figure>, max_extra: Option<u32>) -> String {
    let fee = a_year(fee);
    let cap = max_extra
        .map(|m| format!(", for up to {m} more"))
        .unwrap_or_default();
    match (included, extra) {
        (0, Some(x)) => format!("{fee}, plus {} per person{cap}", a_year(x)),
        (0, None) => fee,
        (n, extra) => {
            let people = if n == 1 {
                "for 1 person".to_string()
            } else {
                format!("for up to {n} people")
            };
            match extra {
                Some(x) => format!("{fee} {people}, then {} per extra person{cap}", a_year(x)),
                None => format!("{fee} {people}; the price for more is not stated"),
            }
        }
    }
}

/// The team sizes a price is reported for: "50 to 100 seats", "50 seats or more",
/// "up to 100 seats".
pub fn scope(s: &Scope) -> String {
    let seats = |n: u32| count(n as usize, "seat", "seats");
    match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => seats(lo),
        (Some(lo), Some(hi)) => format!("{} to {}", group_thousands(lo as u64), seats(hi)),
        (Some(lo), None) => format!("{} or more", seats(lo)),
        (None, Some(hi)) => format!("up to {}", seats(hi)),
        (None, None) => "any number of seats".into(),
    }
}

/// Who says so, for a custom price's estimate.
pub fn price_basis(p: &Price) -> Option<&str> {
    match p {
        Price::Quote {
            estimate_basis: Some(b),
            ..
        } => Some(b.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices() {
        let f = Figure::point(Basis::PerUser, Period::Month, 49.0);
        assert_eq!(
            price(&Price::Stated { figure: f.clone() }),
            "$49 per user per month"
        );
        let f = Figure {
            amount: None,
            low: Some(3.0),
            high: Some(5.0),
            or_more: true,
            ..f
        };
        assert_eq!(figure(&f), "$3–$5+ per user per month");
        assert_eq!(
            price(&Price::Free { max_users: Some(5) }),
            "Free (up to 5 users)"
        );
        assert_eq!(
            price(&Price::Text {
                text: "€149/mo".into()
            }),
            "price not machine-readable: €149/mo"
        );
        // Metabase Pro: $517.50 a month billed annually incl. 10 users, +$130/user/yr.
        let metabase = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 517.5),
            included: 10,
            extra: Some(Figure::point(Basis::PerUser, Period::Year, 130.0)),
            max_extra: None,
        };
        assert_eq!(
            price(&metabase),
            "$6,210 a year for up to 10 people, then $130 a year per extra person"
        );
        let pack = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 24.95),
            included: 10,
            extra: Some(Figure::point(Basis::PerUser, Period::Month, 4.99)),
            max_extra: Some(10),
        };
        assert_eq!(
            price(&pack),
            "$299.40 a year for up to 10 people, then $59.88 a year per extra person, for up to 10 more"
        );
        let bundle = Price::Seats {
            fee: Figure {
                or_more: true,
                ..Figure::point(Basis::Flat, Period::Month, 2500.0)
            },
            included: 5,
            extra: None,
            max_extra: None,
        };
        assert_eq!(
            price(&bundle),
            "$30,000+ a year for up to 5 people; the price for more is not stated"
        );
        let every = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 49.0),
            included: 0,
            extra: Some(Figure::point(Basis::PerUser, Period::Month, 6.0)),
            max_extra: None,
        };
        assert_eq!(price(&every), "$588 a year, plus $72 a year per person");
        assert_eq!(
            price(&Price::Free { max_users: Some(5) }),
            "Free (up to 5 users)"
        );
    }

    #[test]
    fn scopes_read_as_seats() {
        let s = |min, max| scope(&Scope { min, max });
        assert_eq!(s(Some(50), Some(100)), "50 to 100 seats");
        assert_eq!(s(Some(50), None), "50 seats or more");
        assert_eq!(s(None, Some(1000)), "up to 1,000 seats");
        assert_eq!(s(Some(1), Some(1)), "1 seat");
    }
}
