//! What the calculator and the decision helper receive of a vendor as island props: only
//! the facts they compute and show from (plans and prices, the SCIM plan, the IdP matrix,
//! the decision table, fees), built on the server from the full [`Vendor`].
//!
//! Island props travel as JSON in the page (`data-props`) and are parsed by the browser
//! bundle, so every fact here costs bytes twice: in each page, and in the deserialising
//! code of the wasm. A guide's summary, sources, setup steps and the like are rendered by
//! the server only and never sent.

use crate::domain::vendor::{
    CostFacts, DecisionRow, Figure, IdpSupport, PercentRange, Plan, Scim, Source, Tri, Vendor,
};
use serde::Deserialize;
#[cfg(not(feature = "hydrate"))]
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
// In the browser: `serialized_by_the_server_only!` (`islands/mod.rs`).
#[cfg_attr(not(feature = "hydrate"), derive(Serialize))]
pub struct VendorProps {
    slug: String,
    name: String,
    /// The cheapest plan with SCIM (`scim.plan`).
    scim_plan: Option<String>,
    sso_required_first: Tri,
    idps: Vec<IdpSupport>,
    plans: Vec<Plan>,
    implementation_fee: Option<Figure>,
    renewal_increase_pct: Option<PercentRange>,
    decision: Vec<DecisionRow>,
}

impl VendorProps {
    /// The facts of `v` the islands read; notes written for the guide are left out.
    pub fn of(v: &Vendor) -> VendorProps {
        VendorProps {
            slug: v.slug.clone(),
            name: v.name.clone(),
            scim_plan: v.scim.plan.clone(),
            sso_required_first: v.scim.sso_required_first,
            idps: v
                .idps
                .iter()
                .map(|s| IdpSupport {
                    note: None,
                    ..s.clone()
                })
                .collect(),
            plans: v
                .plans
                .iter()
                .map(|p| Plan {
                    note: None,
                    ..p.clone()
                })
                .collect(),
            implementation_fee: v.costs.implementation_fee.clone(),
            renewal_increase_pct: v.costs.renewal_increase_pct.clone(),
            decision: v.decision.clone(),
        }
    }

    /// A vendor with these facts and every other one empty, for the domain's functions
    /// (`report::evaluate`, `decision::match_rows`, ...), which read no other field.
    pub fn into_vendor(self) -> Vendor {
        let source = Source {
            title: String::new(),
            url: String::new(),
            publisher: String::new(),
            page_updated: None,
            last_checked: String::new(),
            licence: None,
        };
        let mut v = Vendor::new(self.slug, self.name, source);
        v.scim = Scim {
            plan: self.scim_plan,
            sso_required_first: self.sso_required_first,
            ..Scim::default()
        };
        v.idps = self.idps;
        v.plans = self.plans;
        v.costs = CostFacts {
            implementation_fee: self.implementation_fee,
            renewal_increase_pct: self.renewal_increase_pct,
            ..CostFacts::default()
        };
        v.decision = self.decision;
        v
    }
}
