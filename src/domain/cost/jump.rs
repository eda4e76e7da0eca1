//! The SCIM tax as one headline figure per vendor: what the plan that unlocks SCIM costs
//! over the plan below it, as a multiple and in dollars per user a month. The home table,
//! a guide's quick facts and the comparison all show this one figure.

use super::upgrade::{upgrade_cost, UpgradeInputs};
use super::{PlanCost, PriceSource, Span};
use crate::domain::vendor::Vendor;
use serde::{Deserialize, Serialize};

/// The team size flat prices are spread over, to put them on a per-user scale. Also the
/// size the home table sorts prices at.
pub const REFERENCE_TEAM: u32 = 100;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PriceJump {
    /// Both plans have list prices.
    Known {
        from: String,
        to: String,
        /// SCIM plan ÷ plan below; `None` when the plan below is free.
        multiple: Option<Span>,
        /// SCIM plan minus plan below, per user per month, at [`REFERENCE_TEAM`].
        per_user_month: Span,
    },
    /// The first plan the data lists already includes SCIM: no cheaper plan to jump from
    /// (which may only mean the data lists no cheaper plan).
    Included,
    /// One of the two plans is sold by quote.
    Quote,
    /// The data lacks a plan or a price.
    Unknown,
}

impl PriceJump {
    /// Sorting rank: no jump first, then the dollar jump, then quotes, then unknown.
    pub fn rank(&self) -> (u8, f64) {
        match self {
            PriceJump::Included => (0, 0.0),
            PriceJump::Known { per_user_month, .. } => (1, per_user_month.low),
            PriceJump::Quote => (2, 0.0),
            PriceJump::Unknown => (3, 0.0),
        }
    }
}

pub fn price_jump(v: &Vendor) -> PriceJump {
    let inputs = UpgradeInputs {
        years: 1,
        ..Default::default()
    };
    let Some(u) = upgrade_cost(v, REFERENCE_TEAM, &inputs) else {
        return PriceJump::Unknown;
    };
    if u.current.has_scim {
        return PriceJump::Included;
    }
    let Some(target) = u.scim.as_ref() else {
        return PriceJump::Unknown;
    };
    let list = |c: &PlanCost| match c {
        PlanCost::Known {
            annual,
            source: PriceSource::ListPrice,
        } => Some(*annual),
        _ => None,
    };
    match (list(&u.current.cost), list(&target.cost)) {
        (Some(now), Some(then)) => PriceJump::Known {
            from: u.current.plan.clone(),
            to: target.plan.clone(),
            multiple: u.multiple,
            per_user_month: then.minus(now).scale(1.0 / (REFERENCE_TEAM as f64 * 12.0)),
        },
        _ if u.current.cost.is_quoted() || target.cost.is_quoted() => PriceJump::Quote,
        _ => PriceJump::Unknown,
    }
}
