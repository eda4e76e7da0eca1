//! Everything the calculator shows for one scenario, computed in one pure call that the
//! page (server and browser) and `/api/cost` share.

use crate::domain::cost::manual::{manual_cost, ManualCost};
use crate::domain::cost::upgrade::{upgrade_cost, UpgradeCost};
use crate::domain::cost::verdict::{verdict, Verdict};
use crate::domain::cost::Span;
use crate::domain::format;
use crate::domain::scenario::{self, Issue, Scenario};
use crate::domain::vendor::Vendor;
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
            field: scenario::VENDOR.into(),
            message: format!(
                "We have no vendor “{}”; showing the cost of staying manual only.",
                slug.chars().take(60).collect::<String>()
            ),
        }),
        (_, Some(v)) => {
            if let Some(name) = s.upgrade.current_plan.as_deref() {
                if v.plan(name).is_none() {
                    let used = crate::domain::cost::upgrade::default_current_plan(v)
                        .map(|p| format!("; using {}", p.name))
                        .unwrap_or_default();
                    issues.push(Issue {
                        field: scenario::PLAN.into(),
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
/// One team size on the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostPoint {
    pub users: u32,
    /// Annual cost of staying manual.
    pub manual: f64,
    /// Extra annual spend of the SCIM plan over the current plan, where known.
    pub upgrade: Option<Span>,
}

/// Team sizes to plot: evenly spaced from 1 to about twice the reader's team, always
/// including the reader's own size.
pub fn sample_sizes(marker: u32, count: u32) -> Vec<u32> {
    let top = (marker.saturating_mul(2)).max(20);
    let count = count.max(2);
    let mut sizes: Vec<u32> = (0..count)
        .map(|i| 1 + ((top - 1) as u64 * i as u64 / (count - 1) as u64) as u32)
        .collect();
    sizes.push(marker);
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// One sentence stating the scenario, for titles, previews and the chart's text alternative.
pub fn headline(r: &Report, vendor_name: Option<&str>) -> String {
    let users = format::group_thousands(r.scenario.users as u64);
    let manual = format::usd_whole(r.manual.total_annual_impact);
    let who = vendor_name.unwrap_or("Any app");
    match r.upgrade.as_ref().and_then(|u| u.difference.map(|d| (u, d))) {
        Some((_, d)) if d.is_unbounded() => format!(
            "{who} at {users} people: staying manual costs about {manual} a year; the upgrade's cost cannot be bounded, as both prices are open-ended."
        ),
        Some((u, d)) => format!(
            "{who} at {users} people: staying manual costs about {manual} a year; the upgrade to {} changes spend by {} a year.",
            u.target.as_ref().map(|t| t.plan.as_str()).unwrap_or("the SCIM plan"),
            format::signed_span(&d)
        ),
        None => format!("{who} at {users} people: staying manual costs about {manual} a year."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_sizes_include_the_marker() {
        let s = sample_sizes(120, 10);
        assert_eq!(s.first(), Some(&1));
        assert_eq!(s.last(), Some(&240));
        assert!(s.contains(&120));
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sample_sizes(1, 5).last(), Some(&20));
    }
}
