//! Everything the calculator shows for one scenario, computed in one pure call that the
//! page (server and browser) and `/api/cost` share.

use super::manual::{manual_cost, ManualCost};
use super::scenario::{Issue, Scenario};
use super::upgrade::{find_plan, upgrade_cost, UpgradeCost};
use super::verdict::{verdict, Verdict};
use crate::chart::{sample_sizes, CostPoint};
use crate::model::Vendor;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub scenario: Scenario,
    /// Values we could not use as given, with what we used instead.
    pub issues: Vec<Issue>,
    pub manual: ManualCost,
    /// `None` without a vendor, or when the vendor lists no plans.
    pub upgrade: Option<UpgradeCost>,
    pub verdict: Option<Verdict>,
}

/// Adds the issues only the vendor data can reveal: an unknown vendor or plan.
fn vendor_issues(vendor: Option<&Vendor>, s: &Scenario, issues: &mut Vec<Issue>) {
    match (s.vendor.as_deref(), vendor) {
        (Some(slug), None) => issues.push(Issue {
            field: "vendor".into(),
            message: format!(
                "We have no vendor “{}”; showing the cost of staying manual only.",
                slug.chars().take(60).collect::<String>()
            ),
        }),
        (_, Some(v)) => {
            if let Some(name) = s.upgrade.current_plan.as_deref() {
                if find_plan(v, name).is_none() {
                    let used = super::upgrade::default_current_plan(v)
                        .map(|p| format!("; using {}", p.name))
                        .unwrap_or_default();
                    issues.push(Issue {
                        field: "plan".into(),
                        message: format!(
                            "{} has no plan called “{}”{used}.",
                            v.name,
                            name.chars().take(60).collect::<String>()
                        ),
                    });
                }
            }
        }
        _ => {}
    }
}

pub fn evaluate(vendor: Option<&Vendor>, scenario: Scenario, mut issues: Vec<Issue>) -> Report {
    vendor_issues(vendor, &scenario, &mut issues);
    let manual = manual_cost(scenario.users, &scenario.manual);
    let upgrade = vendor.and_then(|v| upgrade_cost(v, scenario.users, &scenario.upgrade));
    let verdict = vendor.map(|v| {
        verdict(
            v,
            scenario.users,
            &scenario.manual,
            &scenario.upgrade,
            upgrade.as_ref(),
        )
    });
    Report {
        scenario,
        issues,
        manual,
        upgrade,
        verdict,
    }
}

/// The chart's series: manual cost and the upgrade's extra annual spend by team size.
pub fn chart_points(vendor: Option<&Vendor>, s: &Scenario) -> Vec<CostPoint> {
    sample_sizes(s.users, 48)
        .into_iter()
        .map(|n| CostPoint {
            users: n,
            manual: manual_cost(n, &s.manual).total_annual_impact,
            upgrade: vendor
                .and_then(|v| upgrade_cost(v, n, &s.upgrade))
                .and_then(|u| u.difference),
        })
        .collect()
}
