//! Cost arithmetic: pure functions shared by the server and the browser.
//!
//! # The price vocabulary
//!
//! One name per idea, the same in Rust, in the JSON answers (`/api/cost`, `/api/stack`,
//! `/api/vendors`) and in the CSV downloads (`/vendors.csv`, `/compare.csv`,
//! `/stack.csv`). Enum values are spelled once, by serde (see [`crate::domain::keys`]).
//!
//! | idea | Rust | JSON | CSV |
//! |---|---|---|---|
//! | what the source states a plan costs | [`Price`] | `price`, tagged by `kind` | `price_kind`, `price_*` |
//! | sold by quote ("contact sales") | `Price::Quote`, [`PlanCost::Quote`], `ScimExtra::Quote` | `quote` | `quote` |
//! | a quote is needed (sold by quote, or priced only at other team sizes) | `needs_quote` | `needs_quote` | `needs_quote` |
//! | what a plan costs a year at a team size, or why there is no figure | [`PlanCost`], tagged by `kind` | `/api/cost`: `current_source`, `scim_source` (below) | |
//! | where a yearly figure comes from | [`PriceSource`] | `source`; `/api/cost`: `current_source`, `scim_source`, else the `PlanCost` `kind` | `scim_extra_source` |
//! | the plan that unlocks SCIM | `scim_plan`, `UpgradeCost::scim` | `scim_plan` | `scim_plan` |
//! | its cost a year | the `cost` of `UpgradeCost::scim` | `scim_annual` | `scim_annual_*` |
//! | the current plan's cost a year | the `cost` of `UpgradeCost::current` | `current_annual` | |
//! | what SCIM adds a year (the SCIM plan minus the current plan) | `UpgradeCost::scim_extra`, `AppTax::scim_extra` ([`ScimExtra`](crate::domain::stack::totals::ScimExtra), tagged by `kind`), `StackTotals::scim_extra` | `scim_extra` | `scim_extra_*`; `/stack.csv`: `scim_extra` is the `kind` |
//! | staying manual, a year | `ManualCost::manual_cost`, `Column::manual_cost`, `StackTotals::manual_cost` | `manual_cost` | `manual_cost` |
//! | an amount known within bounds | [`Span`] | `{"low","high","approx"}`; an open end is `null` | `*_low`, `*_high` (empty where open), `*_or_more` (the top is open) |
//! | an input we could not use | [`Issue`](crate::domain::issue::Issue) | `issues`: `[{"field","message"}]` | (a 400 with the JSON) |
//!
//! `PlanCost` says what one plan costs; `ScimExtra` what getting SCIM adds, which two plans
//! decide and which may be no figure for reasons of its own (no SCIM plan, SCIM already
//! included). CSV keeps `*_or_more` beside the empty cell: with both ends empty it tells an
//! unbounded range (`true`) from no figure at all (`false`), which JSON tells by `null` for
//! the whole span.

pub mod checks;
pub mod jump;
pub mod manual;
pub mod span;
pub mod upgrade;
pub mod verdict;

pub use span::Span;

use crate::domain::vendor::{Basis, Figure, Plan, Price, Scope};
use serde::{Deserialize, Serialize};

/// Where a yearly figure comes from; the page says it next to the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceSource {
    /// The vendor's stated price.
    ListPrice,
    /// A third-party estimate recorded in the data (e.g. a reported range), for a plan
    /// sold by quote.
    Estimate,
    /// A quote the reader typed in.
    YourQuote,
    /// The figure a source's team-size table assumes for its row (the plan is sold by
    /// quote); see `checks`.
    Assumed,
}

impl crate::domain::keys::Key for PriceSource {}

/// What a plan costs a year for a number of users, as precisely as the data (or the
/// reader's quote) allows, or why there is no figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PlanCost {
    /// A figure (which may still be a range or a lower bound), and where it comes from.
    Known { annual: Span, source: PriceSource },
    /// Sold by quote, and the data has no estimate: the reader's quote is needed.
    Quote,
    /// A free plan capped below the team size.
    OverFreeCap { max_users: u32 },
    /// A fee with users included ([`Price::Seats`]) for a team larger than the source
    /// prices: `up_to` users (those included, plus any further users it gives a price for).
    /// What more users cost is not stated, so there is no figure.
    OverStatedSeats { up_to: u32 },
    /// The source reports the price for other team sizes ([`Scope`]): it gives no price
    /// at this one, so, as for a plan sold by quote, the reader's quote is needed.
    OutOfScope { scope: Scope },
    /// The data has no price for this plan.
    Unknown,
}

impl PlanCost {
    /// A figure from the vendor's stated price.
    pub fn list_price(annual: Span) -> PlanCost {
        PlanCost::Known {
            annual,
            source: PriceSource::ListPrice,
        }
    }

    pub fn annual(&self) -> Option<Span> {
        match self {
            PlanCost::Known { annual, .. } => Some(*annual),
            _ => None,
        }
    }

    /// Sold by quote, or priced only at other sizes: either way the reader's quote is
    /// what costs it (an estimate is still a quote's stand-in).
    pub fn is_quoted(&self) -> bool {
        matches!(
            self,
            PlanCost::Quote
                | PlanCost::OutOfScope { .. }
                | PlanCost::Known {
                    source: PriceSource::Estimate,
                    ..
                }
        )
    }
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

/// Where the price of an unused seat comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "from")]
pub enum SeatSource {
    /// The reader typed it.
    Given,
    /// The list price per seat of the plan the reader is on.
    Plan { plan: String },
    /// The model's default (the sources' 500-person block): the plan's price is flat,
    /// quoted or unknown.
    Default,
}

/// The price of one unused seat a month: the reader's, else the list price per seat of the
/// plan they are on, else the model's default. The calculator and the stack both call
/// this, so the same app at the same seats costs the same to leave manual.
pub fn unused_seat_price(given: Option<f64>, current: Option<&Plan>) -> (f64, SeatSource) {
    if let Some(g) = given {
        return (g, SeatSource::Given);
    }
    match current.and_then(|p| Some((p, monthly_seat_price(p)?))) {
        Some((p, monthly)) => (
            monthly,
            SeatSource::Plan {
                plan: p.name.clone(),
            },
        ),
        None => (
            manual::ManualInputs::DEFAULT.seat_price_monthly,
            SeatSource::Default,
        ),
    }
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

/// A plan's cost a year for `users` users. A price is used only at the sizes it is
/// reported for: the seats billed (the plan's minimum applied) must be in its scope.
pub fn plan_annual(plan: &Plan, users: u32) -> PlanCost {
    if let Some(scope) = plan.price.scope() {
        if !scope.contains(billed_seats(users, plan.min_seats)) {
            return PlanCost::OutOfScope { scope };
        }
    }
    match &plan.price {
        Price::Free { max_users } => match max_users {
            Some(max) if users > *max => PlanCost::OverFreeCap { max_users: *max },
            _ => PlanCost::list_price(Span::point(0.0)),
        },
        Price::Stated { figure } => {
            PlanCost::list_price(figure_annual(figure, users, plan.min_seats))
        }
        Price::Quote { estimate, .. } => match estimate {
            Some(f) => PlanCost::Known {
                annual: figure_annual(f, users, plan.min_seats),
                source: PriceSource::Estimate,
            },
            None => PlanCost::Quote,
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
        return PlanCost::list_price(base);
    }
    match extra {
        Some(x) if max_extra.is_none_or(|m| further <= m) => {
            PlanCost::list_price(base.plus(figure_annual(x, further, None)))
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

    fn estimate(annual: Span) -> PlanCost {
        PlanCost::Known {
            annual,
            source: PriceSource::Estimate,
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
        assert_eq!(
            plan_annual(&p, 20,),
            PlanCost::list_price(Span::point(11760.0))
        );
    }

    #[test]
    fn minimum_seats_are_billed() {
        let p = plan(
            Price::Stated {
                figure: per_user_month(10.0),
            },
            Some(50),
        );
        assert_eq!(
            plan_annual(&p, 20),
            PlanCost::list_price(Span::point(6000.0))
        );
        assert_eq!(
            plan_annual(&p, 60),
            PlanCost::list_price(Span::point(7200.0))
        );
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
        assert_eq!(cost(5), PlanCost::list_price(Span::point(6210.0)));
        assert_eq!(cost(10), PlanCost::list_price(Span::point(6210.0)));
        assert_eq!(cost(11), PlanCost::list_price(Span::point(6340.0)));
        assert_eq!(cost(20), PlanCost::list_price(Span::point(7510.0)));
        // A seat minimum bills the seats above those included: 15 seats = 6,210 + 5 × 130.
        assert_eq!(
            plan_annual(&metabase(Some(15)), 5),
            PlanCost::list_price(Span::point(6860.0))
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
            PlanCost::list_price(Span::point(30_000.0))
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
            PlanCost::Known { annual: s, .. } => {
                assert!((s.low - 898.2).abs() < 1e-9 && s.is_point())
            }
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
            PlanCost::list_price(Span::point(1308.0))
        );
    }

    #[test]
    fn free_plan_respects_its_cap() {
        let p = plan(Price::Free { max_users: Some(5) }, None);
        assert_eq!(plan_annual(&p, 5), PlanCost::list_price(Span::point(0.0)));
        assert_eq!(plan_annual(&p, 6), PlanCost::OverFreeCap { max_users: 5 });
    }

    #[test]
    fn quote_price_keeps_its_estimate_as_a_range() {
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
            Price::Quote {
                estimate: Some(est),
                estimate_basis: Some("guide".into()),
            },
            Some(50),
        );
        assert_eq!(plan_annual(&p, 10), estimate(Span::range(6000.0, 50000.0)));
        let p = plan(
            Price::Quote {
                estimate: None,
                estimate_basis: None,
            },
            None,
        );
        assert_eq!(plan_annual(&p, 10), PlanCost::Quote);
    }

    /// `figure` reported for `min` to `max` seats.
    fn scoped(figure: Figure, min: Option<u32>, max: Option<u32>) -> Figure {
        Figure {
            scope: Some(Scope { min, max }),
            ..figure
        }
    }

    /// Mode's Enterprise: "$6,000-$50,000/year", which the source reports for 50 to 100 seats.
    fn mode_enterprise(min_seats: Option<u32>) -> Plan {
        let range = Figure {
            amount: None,
            low: Some(6000.0),
            high: Some(50000.0),
            ..Figure::point(Basis::Flat, Period::Year, 0.0)
        };
        plan(
            Price::Quote {
                estimate: Some(scoped(range, Some(50), Some(100))),
                estimate_basis: Some("guide".into()),
            },
            min_seats,
        )
    }

    const FIFTY_TO_HUNDRED: PlanCost = PlanCost::OutOfScope {
        scope: Scope {
            min: Some(50),
            max: Some(100),
        },
    };

    #[test]
    fn a_price_is_used_only_at_the_sizes_it_is_reported_for() {
        let p = mode_enterprise(None);
        let cost = |users| plan_annual(&p, users);
        let range = estimate(Span::range(6000.0, 50000.0));
        // Inside, both edges included; a flat price stays flat across the scope.
        for users in [50, 75, 100] {
            assert_eq!(cost(users), range, "{users}");
        }
        // Outside, below and above: no figure, whatever the range says.
        for users in [1, 49, 101, 500] {
            assert_eq!(cost(users), FIFTY_TO_HUNDRED, "{users}");
        }
        // An open end bounds nothing: "50+ seats" holds at any size from 50.
        let open = plan(
            Price::Stated {
                figure: scoped(per_user_month(10.0), Some(50), None),
            },
            None,
        );
        assert_eq!(
            plan_annual(&open, 10_000),
            PlanCost::list_price(Span::point(1_200_000.0))
        );
        assert!(matches!(
            plan_annual(&open, 49),
            PlanCost::OutOfScope { .. }
        ));
    }

    #[test]
    fn the_seats_billed_are_what_the_scope_is_held_to() {
        // Mode's 50-seat minimum bills a team of 20 for 50 seats: inside 50 to 100.
        let p = mode_enterprise(Some(50));
        assert_eq!(plan_annual(&p, 20), estimate(Span::range(6000.0, 50000.0)));
        assert_eq!(plan_annual(&p, 101), FIFTY_TO_HUNDRED);
        // A per-user price reported for 10 to 40 seats, with a 20-seat minimum: 5 people
        // are billed 20 seats (20 × $10 × 12 = $2,400), 40 people 40 seats ($4,800); the
        // price scales inside its scope and stops at its edge.
        let p = plan(
            Price::Stated {
                figure: scoped(per_user_month(10.0), Some(10), Some(40)),
            },
            Some(20),
        );
        assert_eq!(
            plan_annual(&p, 5),
            PlanCost::list_price(Span::point(2400.0))
        );
        assert_eq!(
            plan_annual(&p, 40),
            PlanCost::list_price(Span::point(4800.0))
        );
        assert!(matches!(plan_annual(&p, 41), PlanCost::OutOfScope { .. }));
        // A minimum above the scope's top leaves no team inside it.
        let p = plan(
            Price::Stated {
                figure: scoped(per_user_month(10.0), Some(10), Some(40)),
            },
            Some(50),
        );
        assert!(matches!(plan_annual(&p, 1), PlanCost::OutOfScope { .. }));
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
