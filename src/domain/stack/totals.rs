//! The stack's arithmetic: for each app, its SCIM status, the plan that unlocks SCIM, the
//! extra a year to get there, the yearly cost of staying manual and the verdict; then the
//! totals, as far as the data knows them.
//!
//! Each app is one calculator scenario, computed by the calculator's own functions
//! (`cost::upgrade`, `cost::manual`, `cost::verdict`), so `/stack` and
//! `/calculator?vendor=mode&users=40` never disagree. Decisions made here:
//! - **Seats are the team size** of the manual-cost model: the people holding an account in
//!   that app are the ones whose joining and leaving an admin handles by hand there. The
//!   team-wide rates (joiners, leavers, minutes, hourly cost, ...) apply to every app.
//! - **The seat price** of the unused-licence cost is the app's own where its current plan
//!   has a plain per-user price (Mode Business/Pro: $49); elsewhere the shared `seat` input.
//! - **The total is never made up**: the known extras add up as a [`Span`] (a range stays a
//!   range, an open end stays open), and the apps whose price needs a quote or is unknown
//!   are listed beside it, not guessed.
//! - **Ranking**: known extras first, largest first by the top of their range (an open top
//!   is the largest), then the bottom; then apps that need a quote, then unknown prices,
//!   then apps with no SCIM plan, then apps whose plan already includes SCIM.
//! - **Cheapest wins**: apps whose current plan already includes SCIM, then the (at most
//!   three) apps whose SCIM costs the least extra per seat a month, where that is bounded.
//! - The verdict is the calculator's outcome over the stack's `years`, without its
//!   break-even search (see `cost::verdict::outcome`).

use super::input::{Stack, StackApp};
use crate::domain::catalog::Catalog;
use crate::domain::cost::manual::{manual_cost, ManualCost, ManualInputs};
use crate::domain::cost::upgrade::{upgrade_cost, UpgradeCost, UpgradeInputs};
use crate::domain::cost::verdict::{outcome, Outcome};
use crate::domain::cost::{unused_seat_price, PlanCost, PriceSource, SeatSource, Span};
use crate::domain::status::ScimStatus;
use crate::domain::vendor::{Scope, Vendor};
use serde::{Deserialize, Serialize};

/// What getting SCIM adds to an app's bill a year (the calculator's `scim_extra`), or why
/// there is no figure. The variants that say why are [`PlanCost`]'s where they mean the
/// same thing, spelled the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScimExtra {
    /// The SCIM plan minus the current plan a year; `source` says where the SCIM plan's
    /// price is from.
    Known { annual: Span, source: PriceSource },
    /// A plan is sold by quote (or only open-ended estimates exist): the reader's quote
    /// is needed.
    Quote,
    /// A price is reported only for other team sizes (`scope`, in seats): the source gives
    /// none at the app's seats, so, as for a price sold by quote, the reader's is needed.
    OutOfScope { scope: Scope },
    /// The data lacks a price, or the free plan is over its cap.
    Unknown,
    /// The data names no plan with SCIM.
    NoScimPlan,
    /// The current plan already includes SCIM.
    Included,
}

impl ScimExtra {
    /// Ranking order; see the module doc.
    fn rank(&self) -> u8 {
        match self {
            ScimExtra::Known { .. } => 0,
            ScimExtra::Quote | ScimExtra::OutOfScope { .. } => 1,
            ScimExtra::Unknown => 2,
            ScimExtra::NoScimPlan => 3,
            ScimExtra::Included => 4,
        }
    }
}

/// One app of the stack, costed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppTax {
    pub slug: String,
    pub name: String,
    pub seats: u32,
    pub status: ScimStatus,
    pub current_plan: Option<String>,
    /// The plan that unlocks SCIM, as the data names it.
    pub scim_plan: Option<String>,
    pub scim_extra: ScimExtra,
    /// The SCIM extra per seat a month, where it is known.
    pub scim_extra_per_seat_month: Option<Span>,
    /// Staying manual for a year at this app's seats.
    pub manual: ManualCost,
    /// The price of an unused seat a month in `manual`, and where it comes from: the
    /// same rule as the calculator's.
    pub seat_price_monthly: f64,
    pub seat_source: SeatSource,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackTotals {
    /// Ranked by SCIM tax (see the module doc).
    pub apps: Vec<AppTax>,
    /// The sum of the known SCIM extras a year.
    pub scim_extra: Span,
    /// Apps left out of `scim_extra` because a quote is needed (sold by quote, or priced
    /// only at other sizes), by slug.
    pub needs_quote: Vec<String>,
    /// Apps left out of `scim_extra` because the data lacks a price, by slug.
    pub unknown_price: Vec<String>,
    /// Slugs of the stack that name no vendor we have.
    pub not_in_catalog: Vec<String>,
    /// Staying manual a year, every costed app together.
    pub manual_cost: f64,
    /// Where SCIM is already paid for or cheapest per seat, by slug.
    pub cheapest_wins: Vec<String>,
}

fn scim_extra_of(up: Option<&UpgradeCost>) -> ScimExtra {
    let Some(up) = up else {
        return ScimExtra::Unknown;
    };
    if up.current.has_scim {
        return ScimExtra::Included;
    }
    let Some(target) = &up.scim else {
        return ScimExtra::NoScimPlan;
    };
    match (up.scim_extra, &target.cost) {
        // Two open-ended prices ("$500+ a month" against "$60,000+ a year") bound nothing.
        (Some(d), PlanCost::Known { source, .. }) if !d.is_unbounded() => ScimExtra::Known {
            annual: d,
            source: *source,
        },
        _ => match (&target.cost, &up.current.cost) {
            (PlanCost::OutOfScope { scope }, _) | (_, PlanCost::OutOfScope { scope }) => {
                ScimExtra::OutOfScope { scope: *scope }
            }
            (t, c) if t.is_quoted() || c.is_quoted() => ScimExtra::Quote,
            _ => ScimExtra::Unknown,
        },
    }
}

/// One app at its seats, with the stack's shared inputs.
pub fn app_tax(
    v: &Vendor,
    app: &StackApp,
    manual: &ManualInputs,
    seat: Option<f64>,
    years: u32,
) -> AppTax {
    let inputs = UpgradeInputs {
        current_plan: app.plan.clone(),
        quote: app.quote,
        current_quote: None,
        years,
    };
    let up = upgrade_cost(v, app.seats, &inputs);
    let (seat_price, seat_source) =
        unused_seat_price(seat, crate::domain::cost::upgrade::current_plan(v, &inputs));
    let manual_inputs = ManualInputs {
        seat_price_monthly: seat_price,
        ..*manual
    };
    let manual = manual_cost(app.seats, &manual_inputs);
    let scim_extra = scim_extra_of(up.as_ref());
    let scim_extra_per_seat_month = match &scim_extra {
        ScimExtra::Known { annual, .. } => Some(annual.scale(1.0 / (app.seats as f64 * 12.0))),
        _ => None,
    };
    AppTax {
        slug: v.slug.clone(),
        name: v.name.clone(),
        seats: app.seats,
        status: ScimStatus::of(v),
        current_plan: up.as_ref().map(|u| u.current.plan.clone()),
        scim_plan: v.scim_plan().map(|p| p.name.clone()),
        scim_extra,
        scim_extra_per_seat_month,
        outcome: match &up {
            Some(u) => outcome(manual.manual_cost, u),
            None => Outcome::Unknown,
        },
        manual,
        seat_price_monthly: seat_price,
        seat_source,
    }
}

/// Larger first: the top of the range, then the bottom (NaN never arises from the spans
/// `upgrade_cost` gives, but would sort last).
fn by_size(a: &Span, b: &Span) -> std::cmp::Ordering {
    b.high
        .partial_cmp(&a.high)
        .unwrap_or(std::cmp::Ordering::Equal)
        .then(
            b.low
                .partial_cmp(&a.low)
                .unwrap_or(std::cmp::Ordering::Equal),
        )
}

pub fn totals(catalog: &Catalog, stack: &Stack) -> StackTotals {
    let mut apps = Vec::new();
    let mut not_in_catalog = Vec::new();
    for app in &stack.apps {
        match catalog.vendor(&app.slug) {
            Some(v) => apps.push(app_tax(v, app, &stack.manual, stack.seat, stack.years)),
            None => not_in_catalog.push(app.slug.clone()),
        }
    }
    apps.sort_by(|a, b| {
        a.scim_extra.rank().cmp(&b.scim_extra.rank()).then_with(|| {
            match (&a.scim_extra, &b.scim_extra) {
                (ScimExtra::Known { annual: x, .. }, ScimExtra::Known { annual: y, .. }) => {
                    by_size(x, y)
                }
                _ => std::cmp::Ordering::Equal,
            }
            .then_with(|| a.slug.cmp(&b.slug))
        })
    });
    let scim_extra = apps
        .iter()
        .filter_map(|a| match &a.scim_extra {
            ScimExtra::Known { annual, .. } => Some(*annual),
            _ => None,
        })
        .fold(Span::point(0.0), Span::plus);
    let slugs = |want: &ScimExtra| {
        apps.iter()
            .filter(|a| &a.scim_extra == want)
            .map(|a| a.slug.clone())
            .collect::<Vec<_>>()
    };
    // An app priced only at other sizes needs a quote as much as one sold by quote.
    let needs_quote = apps
        .iter()
        .filter(|a| {
            matches!(
                a.scim_extra,
                ScimExtra::Quote | ScimExtra::OutOfScope { .. }
            )
        })
        .map(|a| a.slug.clone())
        .collect();
    let unknown_price = slugs(&ScimExtra::Unknown);
    let mut per_seat: Vec<(&Span, &str)> = apps
        .iter()
        .filter_map(|a| {
            a.scim_extra_per_seat_month
                .as_ref()
                .map(|s| (s, a.slug.as_str()))
        })
        .filter(|(s, _)| !s.is_open())
        .collect();
    per_seat.sort_by(|(x, a), (y, b)| by_size(y, x).then(a.cmp(b)));
    let cheapest_wins = slugs(&ScimExtra::Included)
        .into_iter()
        .chain(per_seat.iter().take(3).map(|(_, s)| s.to_string()))
        .collect();
    StackTotals {
        manual_cost: apps.iter().map(|a| a.manual.manual_cost).sum(),
        apps,
        scim_extra,
        needs_quote,
        unknown_price,
        not_in_catalog,
        cheapest_wins,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(slug: &str, seats: u32) -> StackApp {
        StackApp::new(slug, seats)
    }

    /// The real data files: the figures below are checked by hand against them.
    #[cfg(feature = "ssr")]
    fn catalog() -> Catalog {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let vendors = [
            "amplitude",
            "bill-com",
            "bitwarden",
            "code42",
            "ironclad",
            "mode",
        ]
        .iter()
        .map(|s| {
            let text = std::fs::read_to_string(dir.join(format!("{s}.toml"))).unwrap();
            toml::from_str::<Vendor>(&text).unwrap()
        })
        .collect();
        Catalog {
            vendors,
            api_guides: vec![],
            datasets: vec![],
            history: Default::default(),
        }
    }

    #[cfg(feature = "ssr")]
    fn stack(apps: Vec<StackApp>) -> Stack {
        Stack {
            apps,
            ..Stack::default()
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn each_app_is_the_calculators_scenario() {
        let c = catalog();
        let s = stack(vec![app("mode", 40)]);
        let t = totals(&c, &s);
        let mode = &t.apps[0];
        assert_eq!(mode.status, ScimStatus::Gated);
        assert_eq!(mode.current_plan.as_deref(), Some("Business/Pro"));
        assert_eq!(mode.scim_plan.as_deref(), Some("Enterprise"));
        // Business/Pro: 40 × $49 × 12 = $23,520. Enterprise: $6,000–$50,000 a year (an
        // estimate, flat, so its 50-seat minimum does not apply). ScimExtra: 6,000 − 23,520 =
        // −17,520 up to 50,000 − 23,520 = 26,480.
        assert_eq!(
            mode.scim_extra,
            ScimExtra::Known {
                annual: Span::range(-17_520.0, 26_480.0),
                source: PriceSource::Estimate
            }
        );
        // Per seat a month: −17,520 ÷ 480 = −36.5; 26,480 ÷ 480 = 55.1666…
        let p = mode.scim_extra_per_seat_month.unwrap();
        assert_eq!(p.low, -36.5);
        assert!((p.high - 55.1667).abs() < 1e-3);
        // Manual at 40 seats, defaults, Mode's own $49 seat: 4 joiners + 4 leavers;
        // 8 × 60.6 min = 8.08 h × $60.28 = $487.06 → $487; unused round(40 × 2.4 %) = 1
        // seat × $49 × 12 = $588; orphaned round(4 × 14 %) = 1 × $248.71 → $249.
        assert_eq!(mode.manual.unused_license_cost, 588.0);
        assert_eq!(mode.manual.it_labor_cost, 487.0);
        assert_eq!(mode.manual.compliance_cost, 249.0);
        assert_eq!(t.manual_cost, 1_324.0);
        // The verdict is the calculator's at the same inputs.
        let up = upgrade_cost(
            c.vendor("mode").unwrap(),
            40,
            &UpgradeInputs {
                years: 3,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(mode.outcome, outcome(1_324.0, &up));
        assert!(matches!(mode.outcome, Outcome::Depends { .. }));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn totals_add_the_known_part_and_list_the_rest() {
        let c = catalog();
        let s = stack(vec![
            app("slack", 250),
            app("mode", 40),
            app("amplitude", 12),
            app("bill-com", 10),
            app("ironclad", 12),
            app("code42", 30),
            app("bitwarden", 25),
        ]);
        let t = totals(&c, &s);
        assert_eq!(t.not_in_catalog, ["slack"]);
        // Amplitude: Growth ~$36,000+ a year against Plus $49 × 12 = $588 → $35,412 or more.
        // Mode: −$17,520 to $26,480 (above).
        // Sum: −17,520 + 35,412 = 17,892, up to open (Amplitude's open top), approximate.
        assert_eq!(t.scim_extra.low, 17_892.0);
        assert!(t.scim_extra.high.is_infinite() && t.scim_extra.approx);
        // Ironclad: $500+ a month against $60,000+ a year bounds nothing; Code42's current
        // Business plan is sold by quote.
        assert_eq!(t.needs_quote, ["code42", "ironclad"]);
        assert!(t.unknown_price.is_empty());
        let order: Vec<&str> = t.apps.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(
            order,
            [
                "amplitude",
                "mode",
                "code42",
                "ironclad",
                "bill-com",
                "bitwarden"
            ]
        );
        // Bill.com has SCIM (through Okta only) but its data names no plan for it: no
        // figure, and its status is unknown rather than guessed.
        let bill = &t.apps[4];
        assert_eq!(bill.scim_extra, ScimExtra::NoScimPlan);
        assert_eq!(bill.status, ScimStatus::Unknown);
        // Bitwarden's Teams plan, its first, has SCIM already.
        assert_eq!(t.apps[5].scim_extra, ScimExtra::Included);
        assert_eq!(t.apps[5].status, ScimStatus::Free);
        // Per seat a month Mode is −$36.50 to $55.17; Amplitude's is open, so not ranked.
        assert_eq!(t.cheapest_wins, ["bitwarden", "mode"]);
        // Manual: the sum of each app's own block.
        let sum: f64 = t.apps.iter().map(|a| a.manual.manual_cost).sum();
        assert_eq!(t.manual_cost, sum);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_readers_quote_and_plan_are_used() {
        let c = catalog();
        let s = stack(vec![
            StackApp {
                quote: Some(70_000.0),
                ..app("ironclad", 12)
            },
            StackApp {
                plan: Some("business/pro".into()),
                quote: Some(30_000.0),
                ..app("mode", 40)
            },
        ]);
        let t = totals(&c, &s);
        // Mode: $30,000 − $23,520 = $6,480, exactly.
        let mode = t.apps.iter().find(|a| a.slug == "mode").unwrap();
        assert_eq!(
            mode.scim_extra,
            ScimExtra::Known {
                annual: Span::point(6_480.0),
                source: PriceSource::YourQuote
            }
        );
        // Ironclad: $70,000 against Standard at $6,000 a year or more: $64,000 at most.
        let ironclad = t.apps.iter().find(|a| a.slug == "ironclad").unwrap();
        let ScimExtra::Known { annual, .. } = ironclad.scim_extra else {
            panic!("{:?}", ironclad.scim_extra)
        };
        assert_eq!(annual.high, 64_000.0);
        assert!(annual.low.is_infinite());
        assert!(t.needs_quote.is_empty());
    }

    #[test]
    fn an_empty_stack_totals_zero() {
        let t = totals(&Catalog::default(), &Stack::default());
        assert_eq!(t.scim_extra, Span::point(0.0));
        assert_eq!(t.manual_cost, 0.0);
        assert!(t.apps.is_empty() && t.cheapest_wins.is_empty());
        let t = totals(
            &Catalog::default(),
            &Stack {
                apps: vec![app("mode", 3)],
                ..Stack::default()
            },
        );
        assert_eq!(t.not_in_catalog, ["mode"]);
    }
}
