//! What the calculator and the decision helper receive of a vendor as island props: only
//! the facts they compute and show from (plans and prices, the SCIM plan, the IdP matrix,
//! the decision table, fees), built on the server from the full [`Vendor`].
//!
//! Island props travel as JSON in the page (`data-props`) and are parsed by the browser
//! bundle, so every fact here costs bytes twice: in each page, and in the deserialising
//! code of the wasm. A guide's summary, sources, setup steps and the like are rendered by
//! the server only and never sent.

use crate::domain::vendor::{
    CostFacts, DecisionRow, Figure, IdpSupport, PercentRange, Plan, Price, Scim, Source, Tri,
    Vendor,
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
    plans: Vec<PlanProps>,
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
            plans: v.plans.iter().map(PlanProps::of).collect(),
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
        v.plans = self.plans.into_iter().map(PlanProps::into_plan).collect();
        v.costs = CostFacts {
            implementation_fee: self.implementation_fee,
            renewal_increase_pct: self.renewal_increase_pct,
            ..CostFacts::default()
        };
        v.decision = self.decision;
        v
    }
}

/// A plan as island props: without its note, and with its price tagged serde's default way.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(feature = "hydrate"), derive(Serialize))]
struct PlanProps {
    name: String,
    price: PriceProps,
    sso: Tri,
    scim: Tri,
    min_seats: Option<u32>,
}

/// [`Price`] tagged by variant name (`{"Stated":{…}}`) rather than by the data files'
/// `kind` field: an internally tagged enum makes serde buffer each value before reading
/// it, code (about 20 KB of wasm) the browser would carry for the prices alone.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(feature = "hydrate"), derive(Serialize))]
enum PriceProps {
    Free(Option<u32>),
    Stated(Figure),
    /// Still spelled `Custom` in the props, so pages stay byte for byte what they were;
    /// the props are the page's own wire format, read only by this island.
    #[serde(rename = "Custom")]
    Quote(Option<Figure>, Option<String>),
    Seats(Figure, u32, Option<Figure>, Option<u32>),
    Unknown,
    Text(String),
}

impl PlanProps {
    fn of(p: &Plan) -> PlanProps {
        let price = match p.price.clone() {
            Price::Free { max_users } => PriceProps::Free(max_users),
            Price::Stated { figure } => PriceProps::Stated(figure),
            Price::Quote {
                estimate,
                estimate_basis,
            } => PriceProps::Quote(estimate, estimate_basis),
            Price::Seats {
                fee,
                included,
                extra,
                max_extra,
            } => PriceProps::Seats(fee, included, extra, max_extra),
            Price::Unknown => PriceProps::Unknown,
            Price::Text { text } => PriceProps::Text(text),
        };
        PlanProps {
            name: p.name.clone(),
            price,
            sso: p.sso,
            scim: p.scim,
            min_seats: p.min_seats,
        }
    }

    fn into_plan(self) -> Plan {
        let price = match self.price {
            PriceProps::Free(max_users) => Price::Free { max_users },
            PriceProps::Stated(figure) => Price::Stated { figure },
            PriceProps::Quote(estimate, estimate_basis) => Price::Quote {
                estimate,
                estimate_basis,
            },
            PriceProps::Seats(fee, included, extra, max_extra) => Price::Seats {
                fee,
                included,
                extra,
                max_extra,
            },
            PriceProps::Unknown => Price::Unknown,
            PriceProps::Text(text) => Price::Text { text },
        };
        Plan {
            name: self.name,
            price,
            sso: self.sso,
            scim: self.scim,
            min_seats: self.min_seats,
            note: None,
        }
    }
}
