//! Whether a price moved between two statements of it. A price counts as moved only when
//! both are one exact figure in the same unit (per user, or for the account); a year's price
//! is taken a month, as the index normalises it. New words around the same reading are not
//! a move; a range, a lower bound, an approximation, a quote or a change of unit cannot be
//! compared, and is said to be so rather than ranked.

use crate::domain::vendor::{Basis, Price};
use serde::{Deserialize, Serialize};

/// A price as a row states it: the words, and what we read them as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatedPrice {
    pub text: String,
    pub price: Price,
}

/// How two statements of a price relate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum PriceMove {
    /// The same price in other words.
    Reworded,
    /// Both exact, in the same unit, a month.
    Up {
        from: f64,
        to: f64,
        basis: Basis,
    },
    Down {
        from: f64,
        to: f64,
        basis: Basis,
    },
    /// Not one exact figure in one unit on both sides.
    NotComparable,
    /// The price of another plan: a change of plan, not of price.
    OtherPlan,
    /// One text also states the other's figure (`$20/u/mo (annual); $25 monthly` after
    /// `$25/u/mo`): the two give the price with other billing, not a new price.
    OtherBilling,
}

/// Half a cent: prices closer than this are the same price.
const SAME: f64 = 0.005;

/// How `to` relates to `from`; `None` where the words are the same.
pub fn compare(from: &StatedPrice, to: &StatedPrice) -> Option<PriceMove> {
    if from.text.trim() == to.text.trim() {
        return None;
    }
    Some(
        match (from.price.exact_monthly(), to.price.exact_monthly()) {
            (Some((b, x)), Some((c, y))) if b == c => {
                if (x - y).abs() < SAME {
                    PriceMove::Reworded
                } else if states(&to.text, x) || states(&from.text, y) {
                    PriceMove::OtherBilling
                } else if y > x {
                    PriceMove::Up {
                        from: x,
                        to: y,
                        basis: b,
                    }
                } else {
                    PriceMove::Down {
                        from: x,
                        to: y,
                        basis: b,
                    }
                }
            }
            _ if same_reading(&from.price, &to.price) => PriceMove::Reworded,
            _ => PriceMove::NotComparable,
        },
    )
}

/// Whether `text` writes the dollar amount `amount` anywhere (`$25 monthly`).
fn states(text: &str, amount: f64) -> bool {
    crate::domain::written_number::dollar_figures(text).any(|n| (n - amount).abs() < SAME)
}

/// Two readings that say the same thing, where neither is an exact figure (`Contact Sales`
/// and `Contact us`, both free); an unread text is never the same as anything.
fn same_reading(a: &Price, b: &Price) -> bool {
    match (a, b) {
        (Price::Text { .. }, _) | (_, Price::Text { .. }) => false,
        (Price::Quote { estimate: x, .. }, Price::Quote { estimate: y, .. }) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::price_text;

    fn stated(text: &str) -> StatedPrice {
        StatedPrice {
            text: text.into(),
            price: price_text::parse(text, "the index").price,
        }
    }

    fn cmp(a: &str, b: &str) -> Option<PriceMove> {
        compare(&stated(a), &stated(b))
    }

    #[test]
    fn moves_only_between_exact_figures_in_one_unit() {
        assert_eq!(
            cmp("$7.99/u/mo", "Business: $8.99/u/mo (annual)"),
            Some(PriceMove::Up {
                from: 7.99,
                to: 8.99,
                basis: Basis::PerUser
            })
        );
        assert_eq!(
            cmp("$120/u/yr", "$8/u/mo"),
            Some(PriceMove::Down {
                from: 10.0,
                to: 8.0,
                basis: Basis::PerUser
            })
        );
        // The same figure in other words is no move.
        assert_eq!(
            cmp("$10/member/mo", "Plus: $10/member/mo (annual)"),
            Some(PriceMove::Reworded)
        );
        assert_eq!(cmp("$120/u/yr", "$10/u/mo"), Some(PriceMove::Reworded));
        assert_eq!(
            cmp("Contact Sales", "Contact us"),
            Some(PriceMove::Reworded)
        );
        // Per user before, for the account now: another unit.
        assert_eq!(
            cmp("$10/u/mo", "$100/mo flat"),
            Some(PriceMove::NotComparable)
        );
        // Approximate, a lower bound, a quote, or unread: not ranked.
        assert_eq!(cmp("~$15/u/mo", "$18/u/mo"), Some(PriceMove::NotComparable));
        assert_eq!(cmp("$15+/u/mo", "$18/u/mo"), Some(PriceMove::NotComparable));
        assert_eq!(
            cmp("Contact Sales", "$18/u/mo"),
            Some(PriceMove::NotComparable)
        );
        assert_eq!(cmp("€15/u/mo", "€18/u/mo"), Some(PriceMove::NotComparable));
        assert_eq!(cmp("$5/u/mo", "$5/u/mo"), None);
        // The later text gives the earlier figure as its monthly-billing price: no move.
        assert_eq!(
            cmp(
                "Business: $25/u/mo",
                "Business: $20/u/mo (annual, 2+ users); $25 monthly"
            ),
            Some(PriceMove::OtherBilling)
        );
        assert_eq!(
            cmp(
                "$18/u/mo",
                "$15/u/mo billed annually ($180/yr; $18 monthly)"
            ),
            Some(PriceMove::OtherBilling)
        );
    }
}
