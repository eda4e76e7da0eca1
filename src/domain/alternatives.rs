//! Who sells the same kind of product with SCIM for less: for a vendor that gates SCIM,
//! lacks it or does not say, the vendors of its category (`categories`) that include SCIM
//! on their first plan, or sell it on a plan that costs less per user. A guide, its JSON
//! and the stack's "cheaper routes" all take the list from here, so they agree.
//!
//! Honest by construction: a vendor whose SCIM is unknown, absent or partial is never
//! offered, and prices are ranked only where both are one exact figure per user (a range,
//! a lower bound, "~", a quote, a flat fee or seats are not); where this vendor's own price
//! cannot be compared, the list says so instead of guessing.

use crate::domain::categories;
use crate::domain::format;
use crate::domain::vendor::{Basis, Plan, Price, ScimStatus, Vendor};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The rule in one sentence, as every page that offers alternatives states it.
pub const RULE: &str = "Same category, SCIM documented (never unknown, absent or partial), and either included on the vendor's first plan or on a plan that costs less per user a month than this vendor's SCIM plan; sorted by included first, then by that plan's price per user a month (only exact per-user prices are ranked), then by name.";

/// At most this many are offered.
pub const MAX: usize = 5;

/// A price per user a month, where the price is one: free for any team size, or a single
/// exact per-user figure (a yearly one divided by 12). Anything else is not comparable.
pub fn per_user_month(p: &Price) -> Option<f64> {
    match (p, p.exact_monthly()) {
        (Price::Free { max_users: None }, _) => Some(0.0),
        (_, Some((Basis::PerUser, a))) => Some(a),
        _ => None,
    }
}

/// One vendor offered instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub slug: String,
    pub name: String,
    /// SCIM comes with its first plan; otherwise its SCIM plan costs less per user.
    pub included: bool,
    /// The plan that has SCIM.
    pub plan: String,
    /// That plan's price per user a month, where it is one exact figure.
    pub per_user_month: Option<f64>,
    /// The reason in one line: "SCIM included on Teams: $4 per user per month".
    pub reason: String,
}

/// What a guide offers instead of a vendor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternatives {
    /// The publisher's category the vendors were drawn from (none: nothing to draw from).
    pub category: Option<String>,
    pub offered: Vec<Alternative>,
    /// Said instead of ranking vendors that gate SCIM, where this vendor's SCIM price
    /// cannot be compared with theirs.
    pub not_comparable: Option<String>,
    /// [`RULE`].
    pub rule: String,
}

/// Whether a guide offers alternatives: the vendor gates SCIM, lacks it or does not say.
pub fn applies(v: &Vendor) -> bool {
    matches!(
        ScimStatus::of(v),
        ScimStatus::Gated | ScimStatus::None | ScimStatus::Unknown
    )
}

/// The plan a vendor's SCIM is documented on: a vendor that includes it or gates it,
/// with the plan named. Unknown, absent or partial SCIM documents none.
fn documented_scim(v: &Vendor) -> Option<(ScimStatus, &Plan)> {
    let status = ScimStatus::of(v);
    matches!(status, ScimStatus::Free | ScimStatus::Gated)
        .then(|| v.scim_plan().map(|p| (status, p)))
        .flatten()
}

/// The alternatives to `v` among `vendors` (the catalog).
pub fn alternatives(v: &Vendor, vendors: &[Vendor]) -> Alternatives {
    let category = v.publisher_category().map(str::to_string);
    let mut out = Alternatives {
        category: category.clone(),
        offered: Vec::new(),
        not_comparable: None,
        rule: RULE.to_string(),
    };
    let Some(category) = category else {
        return out;
    };
    // This vendor's SCIM price per user a month, where it is one exact figure.
    let own_plan = v
        .scim_plan()
        .filter(|_| ScimStatus::of(v) == ScimStatus::Gated);
    let own = own_plan.and_then(|p| per_user_month(&p.price));
    let mut skipped_gated = 0;
    let mut offered = Vec::new();
    for c in categories::vendors_of(vendors, &category) {
        if c.slug == v.slug {
            continue;
        }
        let Some((status, plan)) = documented_scim(c) else {
            continue;
        };
        let price = per_user_month(&plan.price);
        let shown = format::price(&plan.price);
        let reason = match (status, price, own) {
            (ScimStatus::Free, _, _) => included_on(plan),
            (_, Some(theirs), Some(ours)) if theirs < ours => format!(
                "SCIM on {}: {shown}, {} a user a month less than {}'s",
                plan.name,
                format::usd(ours - theirs),
                v.name
            ),
            (_, _, None) => {
                skipped_gated += 1;
                continue;
            }
            _ => continue,
        };
        offered.push(Alternative {
            slug: c.slug.clone(),
            name: c.name.clone(),
            included: status == ScimStatus::Free,
            plan: plan.name.clone(),
            per_user_month: price,
            reason,
        });
    }
    offered.sort_by(rank);
    offered.truncate(MAX);
    out.offered = offered;
    if own.is_none() && skipped_gated > 0 {
        let whose = match own_plan {
            Some(p) => format!(
                "{}'s SCIM plan ({}: {}) is no single price per user",
                v.name,
                p.name,
                format::price(&p.price)
            ),
            None => format!("{} has no SCIM plan with a price", v.name),
        };
        out.not_comparable = Some(format!(
            "Price not comparable: {whose}, so the {} that sell SCIM on a higher plan in this category are not ranked against it.",
            format::count(skipped_gated, "vendor", "vendors")
        ));
    }
    out
}

/// The order of the list: included first, then the price per user a month (an exact
/// price before none), then name ignoring case, then slug; total, so it never varies.
fn rank(a: &Alternative, b: &Alternative) -> Ordering {
    let included = |x: &Alternative| !x.included;
    let price = |x: &Alternative| (x.per_user_month.is_none(), x.per_user_month.unwrap_or(0.0));
    included(a)
        .cmp(&included(b))
        .then_with(|| {
            let (pa, pb) = (price(a), price(b));
            pa.0.cmp(&pb.0).then(pa.1.total_cmp(&pb.1))
        })
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then_with(|| a.slug.cmp(&b.slug))
}

/// "SCIM included on Team: $8 per user per month"; where the price is not one figure a
/// user, it is quoted as written and said not to be ranked.
fn included_on(plan: &Plan) -> String {
    let name = &plan.name;
    match (&plan.price, per_user_month(&plan.price)) {
        (p, Some(_)) => format!("SCIM included on {name}: {}", format::price(p)),
        (Price::Text { text }, None) => {
            format!(
                "SCIM included on {name}, priced “{text}”: not one figure a user, so not ranked"
            )
        }
        (p, None) => format!(
            "SCIM included on {name}: {}, not one figure a user, so not ranked",
            format::price(p)
        ),
    }
}

/// The cheapest documented ways to get SCIM among `vendors` (a category's): the vendors
/// whose SCIM plan has an exact price per user, cheapest first (then included first,
/// name, slug), at most [`MAX`].
pub fn cheapest(vendors: &[&Vendor]) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = vendors
        .iter()
        .filter_map(|c| {
            let (status, plan) = documented_scim(c)?;
            let price = per_user_month(&plan.price)?;
            let included = status == ScimStatus::Free;
            let reason = if included {
                included_on(plan)
            } else {
                format!("SCIM on {}: {}", plan.name, format::price(&plan.price))
            };
            Some(Alternative {
                slug: c.slug.clone(),
                name: c.name.clone(),
                included,
                plan: plan.name.clone(),
                per_user_month: Some(price),
                reason,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let p = |x: &Alternative| x.per_user_month.unwrap_or(0.0);
        p(a).total_cmp(&p(b)).then_with(|| rank(a, b))
    });
    out.truncate(MAX);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_price_as_written_is_quoted_and_not_ranked() {
        let text = Price::Text {
            text: "$36/seat/mo (one module)".into(),
        };
        let plan = Plan::of("Advanced", text, crate::domain::vendor::Tri::Yes);
        assert_eq!(
            included_on(&plan),
            "SCIM included on Advanced, priced “$36/seat/mo (one module)”: not one figure a user, so not ranked"
        );
    }
    use crate::domain::categories::tests::{per_user, plan, vendor};
    use crate::domain::vendor::{Figure, Period, Tri};

    const C: &str = "Project & Work Management";

    fn gated(slug: &str, team: Price, scim: Price) -> Vendor {
        vendor(
            slug,
            C,
            ScimStatus::Gated,
            vec![
                plan("Team", team, Tri::No),
                plan("Business", scim, Tri::Yes),
            ],
            Some("Business"),
        )
    }

    fn included(slug: &str, price: Price) -> Vendor {
        vendor(
            slug,
            C,
            ScimStatus::Free,
            vec![
                plan("Team", price, Tri::Yes),
                plan("Max", per_user(99.0), Tri::Yes),
            ],
            Some("Team"),
        )
    }

    fn stated(f: Figure) -> Price {
        Price::Stated { figure: f }
    }

    fn slugs(a: &Alternatives) -> Vec<&str> {
        a.offered.iter().map(|x| x.slug.as_str()).collect()
    }

    fn catalog() -> Vec<Vendor> {
        let range = Figure {
            low: Some(5.0),
            high: Some(9.0),
            amount: None,
            ..Figure::point(Basis::PerUser, Period::Month, 0.0)
        };
        let lower_bound = Figure {
            or_more: true,
            ..Figure::point(Basis::PerUser, Period::Month, 3.0)
        };
        let approx = Figure {
            approx: true,
            ..Figure::point(Basis::PerUser, Period::Month, 2.0)
        };
        let quote = Price::Quote {
            estimate: None,
            estimate_basis: None,
        };
        vec![
            gated("subject", per_user(10.0), per_user(25.0)),
            // Cheaper per user: offered, by price.
            gated("cheap", per_user(5.0), per_user(12.0)),
            // Yearly, converted exactly: $120 a year is $10 a month.
            gated(
                "yearly",
                per_user(2.0),
                stated(Figure::point(Basis::PerUser, Period::Year, 120.0)),
            ),
            // Dearer: not offered.
            gated("dear", per_user(20.0), per_user(40.0)),
            // No single per-user figure: never ranked, never offered as cheaper.
            gated("range", per_user(1.0), stated(range)),
            gated("lower-bound", per_user(1.0), stated(lower_bound)),
            gated("approx", per_user(1.0), stated(approx)),
            gated("quoted", per_user(1.0), quote.clone()),
            gated(
                "flat",
                per_user(1.0),
                stated(Figure::point(Basis::Flat, Period::Month, 1.0)),
            ),
            // Included: offered first, whatever its price; one whose price is a quote says so.
            included("inc-b", per_user(8.0)),
            included("inc-a", per_user(8.0)),
            included("inc-quote", quote),
            // Unknown, absent and partial SCIM, even when "free": never offered.
            vendor(
                "unknown",
                C,
                ScimStatus::Unknown,
                vec![plan("Team", per_user(1.0), Tri::Unknown)],
                None,
            ),
            vendor(
                "absent",
                C,
                ScimStatus::None,
                vec![plan("Team", Price::Free { max_users: None }, Tri::No)],
                None,
            ),
            vendor(
                "partial",
                C,
                ScimStatus::Partial,
                vec![plan("Team", per_user(1.0), Tri::Yes)],
                Some("Team"),
            ),
            // Another category: never offered.
            vendor(
                "elsewhere",
                "Other",
                ScimStatus::Free,
                vec![plan("Team", per_user(1.0), Tri::Yes)],
                Some("Team"),
            ),
        ]
    }

    #[test]
    fn never_offers_unknown_or_absent_scim_and_ranks_only_comparable_prices() {
        let all = catalog();
        let a = alternatives(&all[0], &all);
        assert_eq!(a.category.as_deref(), Some(C));
        // Included first (comparable prices, then the quote), then cheaper by price; five.
        assert_eq!(
            slugs(&a),
            ["inc-a", "inc-b", "inc-quote", "yearly", "cheap"]
        );
        assert_eq!(
            a.offered[0].reason,
            "SCIM included on Team: $8 per user per month"
        );
        assert_eq!(
            a.offered[2].reason,
            "SCIM included on Team: Custom (contact sales), not one figure a user, so not ranked"
        );
        assert_eq!(
            a.offered[3].reason,
            "SCIM on Business: $120 per user per year, $15 a user a month less than SUBJECT's"
        );
        assert_eq!(a.offered[3].per_user_month, Some(10.0));
        assert_eq!(a.not_comparable, None);
        for x in &a.offered {
            assert!(
                ![
                    "unknown",
                    "absent",
                    "partial",
                    "elsewhere",
                    "dear",
                    "range",
                    "lower-bound",
                    "approx",
                    "quoted",
                    "flat",
                    "subject"
                ]
                .contains(&x.slug.as_str()),
                "{}",
                x.slug
            );
        }
    }

    #[test]
    fn ties_break_the_same_way_whatever_the_catalog_order() {
        let mut all = catalog();
        let first = alternatives(&all[0], &all);
        all.reverse();
        let subject = all.iter().find(|v| v.slug == "subject").unwrap().clone();
        assert_eq!(alternatives(&subject, &all), first);
        // Same name, same price: the slug decides.
        let mut a = included("z-1", per_user(8.0));
        let mut b = included("z-2", per_user(8.0));
        a.name = "Same".into();
        b.name = "Same".into();
        let with = |order: Vec<Vendor>| {
            let mut all = vec![subject.clone()];
            all.extend(order);
            slugs(&alternatives(&subject, &all))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(with(vec![a.clone(), b.clone()]), ["z-1", "z-2"]);
        assert_eq!(with(vec![b, a]), ["z-1", "z-2"]);
    }

    #[test]
    fn an_incomparable_own_price_is_said_not_ranked() {
        let mut all = catalog();
        all[0] = gated(
            "subject",
            per_user(10.0),
            Price::Quote {
                estimate: None,
                estimate_basis: None,
            },
        );
        let a = alternatives(&all[0], &all);
        // Only vendors that include SCIM; those that gate it are not ranked against a quote.
        assert_eq!(slugs(&a), ["inc-a", "inc-b", "inc-quote"]);
        let said = a.not_comparable.unwrap();
        assert!(
            said.starts_with(
                "Price not comparable: SUBJECT's SCIM plan (Business: Custom (contact sales))"
            ),
            "{said}"
        );
        assert!(
            said.contains("the 8 vendors that sell SCIM on a higher plan"),
            "{said}"
        );
        // A vendor without SCIM has no price to compare with either.
        all[0] = vendor("subject", C, ScimStatus::None, vec![], None);
        assert!(applies(&all[0]));
        let a = alternatives(&all[0], &all);
        assert_eq!(slugs(&a), ["inc-a", "inc-b", "inc-quote"]);
        assert!(a
            .not_comparable
            .unwrap()
            .contains("SUBJECT has no SCIM plan with a price"));
        // The category's cheapest SCIM, price first: free, then $8 (included), $10, $12.
        let fresh = catalog();
        let refs = categories::vendors_of(&fresh, C);
        let names: Vec<String> = cheapest(&refs).into_iter().map(|a| a.slug).collect();
        assert_eq!(names, ["inc-a", "inc-b", "yearly", "cheap", "subject"]);
        // No category: nothing to draw from.
        all[0].index_category = None;
        assert!(alternatives(&all[0], &all).offered.is_empty());
    }

    #[test]
    fn only_exact_per_user_prices_compare() {
        assert_eq!(per_user_month(&per_user(4.0)), Some(4.0));
        assert_eq!(
            per_user_month(&stated(Figure::point(Basis::PerUser, Period::Year, 48.0))),
            Some(4.0)
        );
        assert_eq!(per_user_month(&Price::Free { max_users: None }), Some(0.0));
        assert_eq!(
            per_user_month(&Price::Free {
                max_users: Some(10)
            }),
            None
        );
        assert_eq!(per_user_month(&Price::Unknown), None);
    }
}
