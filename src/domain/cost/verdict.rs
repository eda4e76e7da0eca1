//! Which path costs less: staying manual or paying for the SCIM plan, over the reader's
//! horizon, and the team size where that answer flips.

use super::manual::{manual_cost, ManualInputs};
use super::upgrade::{upgrade_cost, UpgradeCost, UpgradeInputs};
use super::Span;
use crate::domain::vendor::{Action, Vendor};
use serde::{Deserialize, Serialize};

/// The largest team size the break-even search looks at.
pub const BREAK_EVEN_LIMIT: u32 = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// The current plan already includes SCIM.
    AlreadyHasScim,
    /// The data names no plan with SCIM.
    NoScimPlan,
    /// Upgrading costs less than staying manual, by this much over the horizon.
    UpgradeCheaper { by: Span },
    /// Staying manual costs less, by this much over the horizon.
    ManualCheaper { by: Span },
    /// The price range straddles the manual cost: it depends on the quote. `net_saving`
    /// is staying manual minus the upgrade's extra spend over the horizon.
    Depends { net_saving: Span },
    /// A price is missing (quote needed, or unknown).
    Unknown,
}

/// Team sizes from which the upgrade pays for itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    /// From this size the upgrade pays even at the top of the price range.
    pub surely_from: Option<u32>,
    /// From this size it pays at the bottom of the price range.
    pub possibly_from: Option<u32>,
    /// The largest size looked at: [`BREAK_EVEN_LIMIT`], or less where a price is reported
    /// for no larger team (see `vendor::Scope`).
    pub searched_to: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    pub break_even: Option<BreakEven>,
    /// Index into the vendor's decision table of the row that points the same way.
    pub decision_row: Option<usize>,
}

/// Manual cost over the horizon minus the upgrade's extra spend: positive means the
/// upgrade saves money.
fn net_saving(manual_annual: f64, up: &UpgradeCost) -> Option<Span> {
    let extra = up.over_years?;
    Some(Span::point(manual_annual * up.years as f64).minus(extra))
}

/// The verdict's outcome alone, without the break-even search (which walks up to
/// [`BREAK_EVEN_LIMIT`] team sizes: fine for one vendor, too slow for a stack of hundreds).
pub fn outcome(manual_annual: f64, up: &UpgradeCost) -> Outcome {
    if up.current.has_scim {
        return Outcome::AlreadyHasScim;
    }
    if up.scim.is_none() {
        return Outcome::NoScimPlan;
    }
    match net_saving(manual_annual, up) {
        None => Outcome::Unknown,
        Some(net) if net.low.is_nan() || net.high.is_nan() => Outcome::Unknown,
        // Both plans open-ended ("$500+ a month" against "$60,000+ a year"): the
        // difference has no bound either way, so there is nothing to weigh.
        Some(net) if net.is_unbounded() => Outcome::Unknown,
        Some(net) if net.low > 0.0 => Outcome::UpgradeCheaper { by: net },
        Some(net) if net.high < 0.0 => Outcome::ManualCheaper {
            by: Span::point(0.0).minus(net),
        },
        Some(net) => Outcome::Depends { net_saving: net },
    }
}

/// The first team size at which the saving's low (or high) end turns positive.
pub fn break_even(v: &Vendor, manual: &ManualInputs, up: &UpgradeInputs) -> BreakEven {
    let mut surely_from = None;
    let mut possibly_from = None;
    let mut searched_to = BREAK_EVEN_LIMIT;
    let mut priced = false;
    for n in 1..=BREAK_EVEN_LIMIT {
        let net =
            upgrade_cost(v, n, up).and_then(|u| net_saving(manual_cost(n, manual).manual_cost, &u));
        let Some(net) = net else {
            // Sizes below a price's scope have no figure yet; past the last size with one,
            // nothing more is known, so the search ends there.
            if priced {
                searched_to = n - 1;
                break;
            }
            continue;
        };
        priced = true;
        // An open end says nothing about where the upgrade starts to pay.
        if possibly_from.is_none() && net.high.is_finite() && net.high > 0.0 {
            possibly_from = Some(n);
        }
        if net.low.is_finite() && net.low > 0.0 {
            surely_from = Some(n);
            break;
        }
    }
    BreakEven {
        surely_from,
        possibly_from,
        searched_to,
    }
}

/// The decision-table row that recommends what the figures point to.
pub fn matching_row(v: &Vendor, outcome: &Outcome) -> Option<usize> {
    let preferred: &[Action] = match outcome {
        Outcome::AlreadyHasScim => &[Action::UseNativeScim, Action::Upgrade],
        Outcome::UpgradeCheaper { .. } => &[Action::Upgrade, Action::EvaluateUpgrade],
        Outcome::ManualCheaper { .. } => &[Action::StayManual, Action::AutomateElsewhere],
        Outcome::NoScimPlan => &[Action::AutomateElsewhere, Action::StayManual],
        Outcome::Depends { .. } | Outcome::Unknown => {
            &[Action::EvaluateUpgrade, Action::AutomateElsewhere]
        }
    };
    preferred
        .iter()
        .find_map(|a| v.decision.iter().position(|r| r.action == *a))
}

pub fn verdict(
    v: &Vendor,
    users: u32,
    manual: &ManualInputs,
    up_inputs: &UpgradeInputs,
    up: Option<&UpgradeCost>,
) -> Verdict {
    let annual = manual_cost(users, manual).manual_cost;
    let outcome = match up {
        Some(up) => outcome(annual, up),
        None => Outcome::Unknown,
    };
    let break_even = matches!(
        outcome,
        Outcome::UpgradeCheaper { .. } | Outcome::ManualCheaper { .. } | Outcome::Depends { .. }
    )
    .then(|| break_even(v, manual, up_inputs));
    Verdict {
        decision_row: matching_row(v, &outcome),
        outcome,
        break_even,
    }
}
