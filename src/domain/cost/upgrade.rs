//! The SCIM tax: the reader's current plan against the plan that unlocks SCIM.
//!
//! Everything is interval arithmetic on [`Span`]: a range stays a range and a lower bound
//! stays open, so no figure here is more precise than the vendor data behind it.

use super::{plan_annual, PlanCost, PriceSource, Span};
use crate::domain::vendor::{PercentRange, Plan, Scope, Vendor};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanSide {
    pub plan: String,
    pub cost: PlanCost,
    pub has_scim: bool,
    /// The seats the plan's price is reported for, where the source says.
    pub scope: Option<Scope>,
}

/// The reader's choices for the upgrade comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpgradeInputs {
    /// Name of the plan the team is on; `None` means the default (see [`default_current_plan`]).
    pub current_plan: Option<String>,
    /// The reader's annual quote for the SCIM plan, overriding the data.
    pub quote: Option<f64>,
    /// The reader's annual cost of the current plan, overriding the data.
    pub current_quote: Option<f64>,
    /// Years to total over (renewal increases apply from the second year).
    pub years: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpgradeCost {
    pub users: u32,
    pub current: PlanSide,
    /// The plan that unlocks SCIM; `None` when the data names none.
    pub scim: Option<PlanSide>,
    /// What SCIM adds a year: the SCIM plan minus the current plan (recurring).
    pub scim_extra: Option<Span>,
    /// The SCIM plan divided by the current plan.
    pub multiple: Option<Span>,
    /// The SCIM extra per user a year.
    pub per_user: Option<Span>,
    pub implementation_fee: Option<Span>,
    pub renewal_increase_pct: Option<PercentRange>,
    pub years: u32,
    /// Extra spend over `years`: the SCIM plan with renewal increases, plus the fee, minus the
    /// current plan at today's price.
    pub over_years: Option<Span>,
}

/// The plan the reader is on: the one they chose, if the vendor has it, else the default
/// below.
pub fn current_plan<'a>(v: &'a Vendor, inputs: &UpgradeInputs) -> Option<&'a Plan> {
    inputs
        .current_plan
        .as_deref()
        .and_then(|n| v.plan(n))
        .or_else(|| default_current_plan(v))
}

/// The `plan` URL value for a plan: empty for the default plan, which a URL need not name
/// (forms leave empty values out, so a link stays short).
pub fn plan_param(v: &Vendor, name: &str) -> String {
    match default_current_plan(v) {
        Some(p) if p.name == name => String::new(),
        _ => name.to_string(),
    }
}

/// The plan a team is most likely on before upgrading: the last paid plan without SCIM in
/// the vendor's order (plan tables go from cheapest to dearest), else the first plan.
pub fn default_current_plan(v: &Vendor) -> Option<&Plan> {
    let target = v.scim_plan().map(|p| p.name.as_str());
    let below: Vec<&Plan> = v
        .plans
        .iter()
        .take_while(|p| Some(p.name.as_str()) != target)
        .collect();
    below
        .iter()
        .rev()
        .find(|p| !matches!(p.price, crate::domain::vendor::Price::Free { .. }))
        .or(below.first())
        .copied()
        .or(v.plans.first())
}

fn cost(plan: &Plan, users: u32, override_annual: Option<f64>) -> PlanCost {
    match override_annual {
        Some(q) => PlanCost::Known {
            annual: Span::point(q),
            source: PriceSource::YourQuote,
        },
        None => plan_annual(plan, users),
    }
}

/// Sum over `years` of (1 + r)^y for y = 0 .. years-1: what a price totals with increases.
pub fn renewal_factor(rate_pct: f64, years: u32) -> f64 {
    let r = 1.0 + rate_pct / 100.0;
    (0..years).map(|y| r.powi(y as i32)).sum()
}

/// `a / b` for positive spans: the widest possible ratio.
fn ratio(a: Span, b: Span) -> Option<Span> {
    (b.low > 0.0 && a.low >= 0.0).then(|| Span {
        low: a.low / b.high,
        high: a.high / b.low,
        approx: a.approx || b.approx,
    })
}

pub fn upgrade_cost(v: &Vendor, users: u32, inputs: &UpgradeInputs) -> Option<UpgradeCost> {
    let current_plan = current_plan(v, inputs)?;
    let current = PlanSide {
        plan: current_plan.name.clone(),
        cost: cost(current_plan, users, inputs.current_quote),
        has_scim: current_plan.scim == crate::domain::vendor::Tri::Yes,
        scope: current_plan.price.scope(),
    };
    let scim = v.scim_plan().map(|p| PlanSide {
        plan: p.name.clone(),
        cost: cost(p, users, inputs.quote),
        has_scim: true,
        scope: p.price.scope(),
    });
    let years = inputs.years.max(1);
    let now = current.cost.annual();
    let then = scim.as_ref().and_then(|t| t.cost.annual());
    let scim_extra = now.zip(then).map(|(c, t)| t.minus(c));
    let multiple = now.zip(then).and_then(|(c, t)| ratio(t, c));
    let per_user = scim_extra
        .filter(|_| users > 0)
        .map(|d| d.scale(1.0 / users as f64));
    let implementation_fee = v.costs.implementation_fee.as_ref().map(Span::of_figure);
    let renewal = v.costs.renewal_increase_pct.clone();
    let over_years = now.zip(then).map(|(c, t)| {
        let (f_low, f_high) = match &renewal {
            Some(r) => (renewal_factor(r.low, years), renewal_factor(r.high, years)),
            None => (years as f64, years as f64),
        };
        let target_total = Span {
            low: t.low * f_low,
            high: t.high * f_high,
            approx: t.approx,
        };
        let total = target_total.minus(c.scale(years as f64));
        match implementation_fee {
            Some(fee) => total.plus(fee),
            None => total,
        }
    });
    Some(UpgradeCost {
        users,
        current,
        scim,
        scim_extra,
        multiple,
        per_user,
        implementation_fee,
        renewal_increase_pct: renewal,
        years,
        over_years,
    })
}

// The fixture vendor is parsed from TOML, which only the server build has.
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::vendor::{Basis as Per, CostFacts, Figure, Period, Price, Scim, Tri};

    fn figure(basis: Per, period: Period, amount: f64) -> Figure {
        Figure::point(basis, period, amount)
    }

    fn plan(name: &str, price: Price, scim: Tri, min_seats: Option<u32>) -> Plan {
        Plan {
            name: name.into(),
            price,
            sso: Tri::Unknown,
            scim,
            min_seats,
            note: None,
        }
    }

    /// A Mode-like vendor: free, $49/user/month, Enterprise $6,000–$50,000 a year, 50 seats.
    fn vendor(target_price: Price) -> Vendor {
        let toml_text = r#"
            slug = "t"
            name = "T"
            category = "c"
            [source]
            title = "t"
            url = "https://example.com"
            publisher = "p"
            last_checked = "2026-11-23"
        "#;
        let mut v: Vendor = toml::from_str(toml_text).unwrap();
        v.scim = Scim {
            plan: Some("Enterprise".into()),
            ..Default::default()
        };
        v.plans = vec![
            plan("Studio", Price::Free { max_users: Some(5) }, Tri::No, None),
            plan(
                "Pro",
                Price::Stated {
                    figure: figure(Per::PerUser, Period::Month, 49.0),
                },
                Tri::No,
                None,
            ),
            plan("Enterprise", target_price, Tri::Yes, Some(50)),
        ];
        v
    }

    fn range_year(low: f64, high: f64) -> Price {
        Price::Quote {
            estimate: Some(Figure {
                basis: Per::Flat,
                period: Period::Year,
                amount: None,
                low: Some(low),
                high: Some(high),
                or_more: false,
                approx: false,
                scope: None,
            }),
            estimate_basis: Some("the guide".into()),
        }
    }

    fn inputs() -> UpgradeInputs {
        UpgradeInputs {
            years: 1,
            ..Default::default()
        }
    }

    #[test]
    fn default_current_plan_is_the_last_paid_plan_below_scim() {
        let v = vendor(Price::Unknown);
        assert_eq!(default_current_plan(&v).unwrap().name, "Pro");
        assert_eq!(v.plan(" pro ").unwrap().name, "Pro");
        assert!(v.plan("Gold").is_none());
    }

    #[test]
    fn range_target_against_per_user_current_gives_a_range_difference() {
        let u = upgrade_cost(&vendor(range_year(6000.0, 50000.0)), 20, &inputs()).unwrap();
        assert_eq!(
            u.current.cost.annual(),
            Some(Span::point(11760.0)),
            "20 × $49 × 12"
        );
        let d = u.scim_extra.unwrap();
        assert_eq!((d.low, d.high), (-5760.0, 38240.0));
        let m = u.multiple.unwrap();
        assert!((m.low - 0.5102).abs() < 1e-3 && (m.high - 4.2517).abs() < 1e-3);
        let p = u.per_user.unwrap();
        assert_eq!((p.low, p.high), (-288.0, 1912.0));
        assert_eq!(u.scim.unwrap().cost, {
            PlanCost::Known {
                annual: Span::range(6000.0, 50000.0),
                source: PriceSource::Estimate,
            }
        });
    }

    #[test]
    fn per_user_target_bills_its_minimum_seats() {
        let price = Price::Stated {
            figure: figure(Per::PerUser, Period::Month, 60.0),
        };
        let u = upgrade_cost(&vendor(price), 20, &inputs()).unwrap();
        // 50 seats minimum × $60 × 12 = $36,000 against 20 × $49 × 12 = $11,760.
        assert_eq!(u.scim_extra, Some(Span::point(24240.0)));
    }

    #[test]
    fn lower_bound_target_leaves_the_top_open() {
        let price = Price::Stated {
            figure: Figure {
                or_more: true,
                ..figure(Per::Flat, Period::Year, 60000.0)
            },
        };
        let u = upgrade_cost(&vendor(price), 100, &inputs()).unwrap();
        let d = u.scim_extra.unwrap();
        assert_eq!(d.low, 60000.0 - 58800.0);
        assert!(d.high.is_infinite());
    }

    #[test]
    fn quote_without_estimate_needs_the_readers_quote() {
        let quote = Price::Quote {
            estimate: None,
            estimate_basis: None,
        };
        let u = upgrade_cost(&vendor(quote.clone()), 100, &inputs()).unwrap();
        assert_eq!(u.scim.as_ref().unwrap().cost, PlanCost::Quote);
        assert_eq!(u.scim_extra, None);
        let with_quote = UpgradeInputs {
            quote: Some(70000.0),
            ..inputs()
        };
        let u = upgrade_cost(&vendor(quote), 100, &with_quote).unwrap();
        assert_eq!(u.scim_extra, Some(Span::point(70000.0 - 58800.0)));
        assert!(matches!(
            u.scim.unwrap().cost,
            PlanCost::Known {
                source: PriceSource::YourQuote,
                ..
            }
        ));
    }

    #[test]
    fn a_price_out_of_its_scope_needs_the_readers_quote() {
        // The range reported for 50 to 100 seats, as Mode's guide reports it.
        let mut price = range_year(6000.0, 50000.0);
        let scope = Scope {
            min: Some(50),
            max: Some(100),
        };
        if let Price::Quote {
            estimate: Some(f), ..
        } = &mut price
        {
            f.scope = Some(scope);
        }
        let v = vendor(price);
        // At 100 seats, its top, the range is used as before: 100 × $49 × 12 = $58,800.
        let u = upgrade_cost(&v, 100, &inputs()).unwrap();
        assert_eq!(u.scim_extra, Some(Span::range(-52_800.0, -8_800.0)));
        assert_eq!(u.scim.as_ref().unwrap().scope, Some(scope));
        // At 500 it is not: no figure, no difference, no multiple.
        let u = upgrade_cost(&v, 500, &inputs()).unwrap();
        let target = u.scim.as_ref().unwrap();
        assert_eq!(target.cost, PlanCost::OutOfScope { scope });
        assert!(target.cost.is_quoted());
        assert_eq!((u.scim_extra, u.multiple, u.over_years), (None, None, None));
        // The reader's quote prices it, as for a plan sold by quote.
        let quoted = UpgradeInputs {
            quote: Some(120_000.0),
            ..inputs()
        };
        let u = upgrade_cost(&v, 500, &quoted).unwrap();
        assert_eq!(u.scim_extra, Some(Span::point(120_000.0 - 294_000.0)));
    }

    #[test]
    fn free_plan_over_its_cap_is_not_a_current_cost() {
        let v = vendor(Price::Unknown);
        let choose_free = UpgradeInputs {
            current_plan: Some("Studio".into()),
            ..inputs()
        };
        let u = upgrade_cost(&v, 20, &choose_free).unwrap();
        assert_eq!(u.current.cost, PlanCost::OverFreeCap { max_users: 5 });
        let u = upgrade_cost(&v, 5, &choose_free).unwrap();
        assert_eq!(u.current.cost.annual(), Some(Span::point(0.0)));
        assert_eq!(u.multiple, None, "no multiple of a free plan");
    }

    #[test]
    fn a_fee_with_users_included_is_a_list_price_up_to_its_users() {
        // "Enterprise: $2,500/mo for 100 users", on the fixture's 50-seat minimum.
        let v = vendor(Price::Seats {
            fee: figure(Per::Flat, Period::Month, 2500.0),
            included: 100,
            extra: None,
            max_extra: None,
        });
        let u = upgrade_cost(&v, 20, &inputs()).unwrap();
        assert_eq!(
            u.scim.unwrap().cost,
            PlanCost::Known {
                annual: Span::point(30_000.0),
                source: PriceSource::ListPrice
            }
        );
        let u = upgrade_cost(&v, 120, &inputs()).unwrap();
        assert_eq!(
            u.scim.unwrap().cost,
            PlanCost::OverStatedSeats { up_to: 100 }
        );
        assert_eq!(
            u.scim_extra, None,
            "nothing is costed beyond the users priced"
        );
    }

    #[test]
    fn renewal_increases_and_fees_apply_over_the_years() {
        assert_eq!(renewal_factor(0.0, 3), 3.0);
        assert!((renewal_factor(10.0, 3) - 3.31).abs() < 1e-9);
        let price = Price::Stated {
            figure: figure(Per::Flat, Period::Year, 10000.0),
        };
        let mut v = vendor(price);
        v.plans[1].price = Price::Free { max_users: None };
        v.costs = CostFacts {
            implementation_fee: Some(figure(Per::Flat, Period::Year, 5000.0)),
            renewal_increase_pct: Some(PercentRange {
                low: 0.0,
                high: 10.0,
            }),
            ..Default::default()
        };
        let three = UpgradeInputs {
            years: 3,
            current_plan: Some("Pro".into()),
            ..inputs()
        };
        let u = upgrade_cost(&v, 10, &three).unwrap();
        let o = u.over_years.unwrap();
        // 3 × $10,000 + fee at 0 %; $10,000 × 3.31 + fee at 10 %.
        assert_eq!(o.low, 35000.0);
        assert!((o.high - 38100.0).abs() < 1e-6);
    }
}
