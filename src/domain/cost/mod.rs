//! Cost arithmetic: pure functions shared by the server and the browser.

pub mod checks;
pub mod jump;
pub mod manual;
pub mod span;
pub mod upgrade;
pub mod verdict;

pub use span::Span;

use crate::domain::vendor::{Basis, Figure, Plan, Price};
use serde::{Deserialize, Serialize};

/// What a plan costs a year for a number of users, as precisely as the data allows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PlanCost {
    /// From the vendor's stated price (may still be a range or a lower bound).
    Stated(Span),
    /// Sold by quote; a third-party estimate when the data has one.
    Quote {
        estimate: Option<Span>,
    },
    /// A free plan capped below the team size.
    OverFreeCap {
        max_users: u32,
    },
    /// A fee with users included ([`Price::Seats`]) for a team larger than the source
    /// prices: `up_to` users (those included, plus any further users it gives a price for).
    /// What more users cost is not stated, so there is no figure.
    OverStatedSeats {
        up_to: u32,
    },
    Unknown,
}

/// Seats actually billed: per-user prices bill at least the plan's minimum.
pub fn billed_seats(users: u32, min_seats: Option<u32>) -> u32 {
    users.max(min_seats.unwrap_or(0))
}

/// A figure's cost over a year for `users` users.
pub fn figure_annual(f: &Figure, users: u32, min_seats: Option<u32>) -> Span {
    let units = match f.basis {
        Basis::PerUser => billed_seats(users, min_seats) as f64,
        Basis::Flat => 1.0,
    };
    Span::of_figure(f).scale(units * f.period.per_year())
}

/// A plan's stated price per seat per month, where it is a plain per-user figure.
pub fn monthly_seat_price(plan: &Plan) -> Option<f64> {
    match &plan.price {
        Price::Stated { figure: f } if f.basis == Basis::PerUser && !f.or_more => {
            f.amount.map(|a| a * f.period.per_year() / 12.0)
        }
        _ => None,
    }
}

pub fn plan_annual(plan: &Plan, users: u32) -> PlanCost {
    match &plan.price {
        Price::Free { max_users } => match max_users {
            Some(max) if users > *max => PlanCost::OverFreeCap { max_users: *max },
            _ => PlanCost::Stated(Span::point(0.0)),
        },
        Price::Stated { figure } => PlanCost::Stated(figure_annual(figure, users, plan.min_seats)),
        Price::Custom { estimate, .. } => PlanCost::Quote {
            estimate: estimate
                .as_ref()
                .map(|f| figure_annual(f, users, plan.min_seats)),
        },
        Price::Seats {
            fee,
            included,
            extra,
            max_extra,
        } => seats_annual(
            fee,
            *included,
            extra.as_ref(),
            *max_extra,
            billed_seats(users, plan.min_seats),
        ),
        Price::Unknown | Price::Text { .. } => PlanCost::Unknown,
    }
}

/// A fee with `included` users, and `extra` for each user beyond them (for at most
/// `max_extra` of them), over a year for `users` users: the fee alone up to `included`;
/// above, the fee plus each further user; beyond what the source prices, unknown.
pub fn seats_annual(
    fee: &Figure,
    included: u32,
    extra: Option<&Figure>,
    max_extra: Option<u32>,
    users: u32,
) -> PlanCost {
    let base = Span::of_figure(fee).scale(fee.period.per_year());
    let further = users.saturating_sub(included);
    if further == 0 {
        return PlanCost::Stated(base);
    }
    match extra {
        Some(x) if max_extra.is_none_or(|m| further <= m) => {
            PlanCost::Stated(base.plus(figure_annual(x, further, None)))
        }
        Some(_) => PlanCost::OverStatedSeats {
            up_to: included.saturating_add(max_extra.unwrap_or(0)),
        },
        None => PlanCost::OverStatedSeats { up_to: included },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::{Period, Tri};

    fn plan(price: Price, min_seats: Option<u32>) -> Plan {
        Plan {
            name: "P".into(),
            price,
            sso: Tri::Unknown,
            scim: Tri::Unknown,
            min_seats,
            note: None,
        }
    }

    fn per_user_month(amount: f64) -> Figure {
        Figure::point(Basis::PerUser, Period::Month, amount)
    }

    #[test]
    fn per_user_monthly_price_is_annualised() {
        let p = plan(
            Price::Stated {
                figure: per_user_month(49.0),
            },
            None,
        );
        assert_eq!(plan_annual(&p, 20,), PlanCost::Stated(Span::point(11760.0)));
    }

    #[test]
    fn minimum_seats_are_billed() {
        let p = plan(
            Price::Stated {
                figure: per_user_month(10.0),
            },
            Some(50),
        );
        assert_eq!(plan_annual(&p, 20), PlanCost::Stated(Span::point(6000.0)));
        assert_eq!(plan_annual(&p, 60), PlanCost::Stated(Span::point(7200.0)));
    }

    /// Metabase Pro: "$517.50/mo billed annually ($6,210/yr) incl. 10 users, +$130/user/yr".
    fn metabase(min_seats: Option<u32>) -> Plan {
        plan(
            Price::Seats {
                fee: Figure::point(Basis::Flat, Period::Month, 517.5),
                included: 10,
                extra: Some(Figure::point(Basis::PerUser, Period::Year, 130.0)),
                max_extra: None,
            },
            min_seats,
        )
    }

    #[test]
    fn a_fee_with_users_included_then_a_price_per_further_user() {
        let p = metabase(None);
        // By hand: 517.50 × 12 = 6,210 for up to 10 people; then 130 for each one more.
        let cost = |users| plan_annual(&p, users);
        assert_eq!(cost(5), PlanCost::Stated(Span::point(6210.0)));
        assert_eq!(cost(10), PlanCost::Stated(Span::point(6210.0)));
        assert_eq!(cost(11), PlanCost::Stated(Span::point(6340.0)));
        assert_eq!(cost(20), PlanCost::Stated(Span::point(7510.0)));
        // A seat minimum bills the seats above those included: 15 seats = 6,210 + 5 × 130.
        assert_eq!(
            plan_annual(&metabase(Some(15)), 5),
            PlanCost::Stated(Span::point(6860.0))
        );
    }

    #[test]
    fn beyond_what_a_fee_with_users_included_prices_the_cost_is_unknown() {
        // "$2,500/mo billed annually (5 seats included)": nothing said about a sixth.
        let bundle = plan(
            Price::Seats {
                fee: Figure::point(Basis::Flat, Period::Month, 2500.0),
                included: 5,
                extra: None,
                max_extra: None,
            },
            None,
        );
        assert_eq!(
            plan_annual(&bundle, 5),
            PlanCost::Stated(Span::point(30_000.0))
        );
        assert_eq!(
            plan_annual(&bundle, 6),
            PlanCost::OverStatedSeats { up_to: 5 }
        );
        // "$24.95/mo flat for 10 members; up to 10 extra seats at $4.99/seat/mo": 20 people
        // cost 24.95 × 12 + 10 × 4.99 × 12 = 299.40 + 598.80; a 21st is not priced.
        let pack = plan(
            Price::Seats {
                fee: Figure::point(Basis::Flat, Period::Month, 24.95),
                included: 10,
                extra: Some(Figure::point(Basis::PerUser, Period::Month, 4.99)),
                max_extra: Some(10),
            },
            None,
        );
        match plan_annual(&pack, 20) {
            PlanCost::Stated(s) => assert!((s.low - 898.2).abs() < 1e-9 && s.is_point()),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            plan_annual(&pack, 21),
            PlanCost::OverStatedSeats { up_to: 20 }
        );
        // "$49/mo + $6/mo per person": no one included, every person on top of the fee.
        let every = plan(
            Price::Seats {
                fee: Figure::point(Basis::Flat, Period::Month, 49.0),
                included: 0,
                extra: Some(Figure::point(Basis::PerUser, Period::Month, 6.0)),
                max_extra: None,
            },
            None,
        );
        assert_eq!(
            plan_annual(&every, 10),
            PlanCost::Stated(Span::point(1308.0))
        );
    }

    #[test]
    fn free_plan_respects_its_cap() {
        let p = plan(Price::Free { max_users: Some(5) }, None);
        assert_eq!(plan_annual(&p, 5), PlanCost::Stated(Span::point(0.0)));
        assert_eq!(plan_annual(&p, 6), PlanCost::OverFreeCap { max_users: 5 });
    }

    #[test]
    fn custom_price_keeps_its_estimate_as_a_range() {
        let est = Figure {
            basis: Basis::Flat,
            period: Period::Year,
            amount: None,
            low: Some(6000.0),
            high: Some(50000.0),
            or_more: false,
            approx: false,
            scope: None,
        };
        let p = plan(
            Price::Custom {
                estimate: Some(est),
                estimate_basis: Some("guide".into()),
            },
            Some(50),
        );
        assert_eq!(
            plan_annual(&p, 10),
            PlanCost::Quote {
                estimate: Some(Span::range(6000.0, 50000.0))
            }
        );
        let p = plan(
            Price::Custom {
                estimate: None,
                estimate_basis: None,
            },
            None,
        );
        assert_eq!(plan_annual(&p, 10), PlanCost::Quote { estimate: None });
    }

    #[test]
    fn lower_bound_price_stays_open() {
        let f = Figure {
            or_more: true,
            approx: true,
            ..per_user_month(90.0)
        };
        let s = figure_annual(
            &Figure {
                period: Period::Year,
                ..f
            },
            50,
            None,
        );
        assert_eq!(s.low, 4500.0);
        assert!(s.high.is_infinite());
        assert!(s.approx);
    }
}
