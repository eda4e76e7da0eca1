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
        Price::Unknown | Price::Text { .. } => PlanCost::Unknown,
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
