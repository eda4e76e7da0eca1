//! Everything the calculator shows for one scenario, computed in one pure call that the
//! page (server and browser) and `/api/cost` share.

use crate::domain::cost::manual::{manual_cost, ManualCost};
use crate::domain::cost::upgrade::{current_plan, upgrade_cost, UpgradeCost};
use crate::domain::cost::verdict::{verdict, Outcome, Verdict};
use crate::domain::cost::PlanCost;
use crate::domain::cost::{unused_seat_price, SeatSource, Span};
use crate::domain::format;
use crate::domain::issue::Issue;
use crate::domain::scenario::{self, Scenario};
use crate::domain::vendor::{Scope, Vendor};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioReport {
    pub scenario: Scenario,
    /// Values we could not use as given, with what we used instead.
    pub issues: Vec<Issue>,
    pub manual: ManualCost,
    /// Where the unused seats' price (`scenario.manual.seat_price_monthly`) comes from.
    pub seat_source: SeatSource,
    /// `None` without a vendor, or when the vendor lists no plans.
    pub upgrade: Option<UpgradeCost>,
    pub verdict: Option<Verdict>,
}

/// Adds the issues only the vendor data can reveal: an unknown vendor or plan. A plan
/// without a vendor names nothing we know, so it is refused too (and not repeated back:
/// the JSON API once echoed it as given, bidi and markup characters included).
fn vendor_issues(vendor: Option<&Vendor>, s: &Scenario, issues: &mut Vec<Issue>) {
    match (s.vendor.as_deref(), vendor) {
        (None, _) if s.upgrade.current_plan.is_some() => issues.push(Issue {
            field: scenario::VENDOR.into(),
            message: "Choose a vendor to cost your current plan, or leave the plan out.".into(),
        }),
        (Some(slug), None) => issues.push(Issue {
            field: scenario::VENDOR.into(),
            message: format!(
                "We have no vendor “{}”; showing the cost of staying manual only.",
                format::echo(slug, 60)
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
                            format::echo(name, 60)
                        ),
                    });
                }
            }
        }
        _ => {}
    }
}

/// Where the unused seats' price comes from, in words: "Pro's list price per seat".
pub fn seat_source_words(source: &SeatSource) -> String {
    match source {
        SeatSource::Given => "the price you entered".into(),
        SeatSource::Plan { plan } => format!("{plan}'s list price per seat"),
        SeatSource::Default => "the model's default: your plan states no price per seat".into(),
    }
}

pub fn evaluate(
    vendor: Option<&Vendor>,
    mut scenario: Scenario,
    mut issues: Vec<Issue>,
) -> ScenarioReport {
    vendor_issues(vendor, &scenario, &mut issues);
    let plan = vendor.and_then(|v| current_plan(v, &scenario.upgrade));
    let (seat_price, seat_source) = unused_seat_price(scenario.seat, plan);
    scenario.manual.seat_price_monthly = seat_price;
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
    ScenarioReport {
        scenario,
        issues,
        manual,
        seat_source,
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
            manual: manual_cost(n, &s.manual).manual_cost,
            upgrade: vendor
                .and_then(|v| upgrade_cost(v, n, &s.upgrade))
                .and_then(|u| u.scim_extra),
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

/// What the SCIM plan costs against the reader's plan, a year, in one sentence.
pub fn upgrade_sentence(u: &UpgradeCost) -> String {
    let Some(target) = u.scim.as_ref() else {
        return "No plan of this vendor includes SCIM.".into();
    };
    if u.current.has_scim {
        return format!("{} already includes SCIM.", u.current.plan);
    }
    let missed = [target, &u.current]
        .into_iter()
        .find_map(|side| match &side.cost {
            PlanCost::OutOfScope { scope } => Some((side.plan.as_str(), scope)),
            _ => None,
        });
    if let Some((plan, scope)) = missed {
        return out_of_scope_sentence(plan, scope, u.users);
    }
    match u.scim_extra {
        Some(d) if d.is_unbounded() => format!(
            "What {} costs against {} cannot be bounded: both prices are open-ended.",
            target.plan, u.current.plan
        ),
        Some(d) => format!(
            "{} costs {} a year than {}.",
            target.plan,
            format::change(&d),
            u.current.plan
        ),
        None => format!(
            "{} is sold by quote: what it costs is not known without one.",
            target.plan
        ),
    }
}

/// A plan priced only at other sizes, in one sentence: "The source prices Enterprise only
/// for 50 to 100 seats; at 500 people it gives no price, so it needs your quote."
pub fn out_of_scope_sentence(plan: &str, scope: &Scope, users: u32) -> String {
    format!(
        "The source prices {plan} only for {}; at {} people it gives no price, so it needs your quote.",
        format::scope(scope),
        format::group_thousands(users as u64)
    )
}

/// The verdict in one sentence: who pays what, over the reader's horizon.
pub fn verdict_sentence(o: &Outcome, years: u32, target_plan: &str) -> String {
    let over = if years == 1 {
        "in a year".to_string()
    } else {
        format!("over {years} years")
    };
    match o {
        Outcome::AlreadyHasScim => {
            "Your plan already includes SCIM: turn it on rather than paying for manual work."
                .into()
        }
        Outcome::NoScimPlan => {
            "No plan of this vendor includes SCIM: the choice is staying manual or automating another way."
                .into()
        }
        Outcome::UpgradeCheaper { by } => format!(
            "Upgrading to {target_plan} is cheaper: {over} it saves you {} compared with staying manual.",
            format::amount(by)
        ),
        Outcome::ManualCheaper { by } => format!(
            "Staying manual is cheaper: {over} the upgrade to {target_plan} would cost you {} more than the manual work it saves.",
            format::amount(by)
        ),
        Outcome::Depends { net_saving: net } => format!(
            "It depends on the price you get: {over}, upgrading to {target_plan} comes to {} than staying manual.",
            format::change(&Span::point(0.0).minus(*net))
        ),
        Outcome::Unknown => {
            "We cannot compare yet: a price is missing, given by the source only for other team sizes, or open-ended on both sides (“or more”). Enter your quotes to see the verdict."
                .into()
        }
    }
}

/// The number a verdict waits on: the reader's price for the SCIM plan, for the plan they
/// are on, or both (a price sold by quote, reported for other team sizes, or open-ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Target,
    Current,
    Both,
}

/// Which of the reader's prices the verdict waits on, where it waits on one.
pub fn missing_quote(r: &ScenarioReport) -> Option<Missing> {
    if !matches!(r.verdict.as_ref()?.outcome, Outcome::Unknown) {
        return None;
    }
    let u = r.upgrade.as_ref()?;
    let target = u.scim.as_ref()?;
    let unread = |c: &PlanCost| c.annual().is_none_or(|s| s.is_open());
    match (unread(&target.cost), unread(&u.current.cost)) {
        (true, true) => Some(Missing::Both),
        (true, false) => Some(Missing::Target),
        (false, true) => Some(Missing::Current),
        (false, false) => None,
    }
}

/// The verdict in one sentence. Where it waits on the reader's price, it says what the
/// answer turns on instead of shrugging: the most the SCIM plan may cost a year over the
/// current one for the upgrade to pay for itself (the manual work it replaces, less any
/// implementation fee spread over the years).
pub fn verdict_text(r: &ScenarioReport) -> Option<String> {
    let verdict = r.verdict.as_ref()?;
    let years = r.scenario.upgrade.years;
    let u = r.upgrade.as_ref();
    let target = u
        .and_then(|u| u.scim.as_ref())
        .map_or("the SCIM plan", |t| t.plan.as_str());
    let Some(missing) = missing_quote(r) else {
        return Some(verdict_sentence(&verdict.outcome, years, target));
    };
    let u = u?;
    let manual = r.manual.manual_cost;
    let per_year = |fee: f64| manual - fee / years as f64;
    // The most the plan may cost a year more, at the fee's low and high ends.
    let (fee_low, fee_high) = u.implementation_fee.map_or((0.0, 0.0), |f| (f.low, f.high));
    let (best, worst) = (per_year(fee_low), per_year(fee_high));
    // Renewal increases make the threshold approximate.
    let about = if u.renewal_increase_pct.is_some() {
        "about "
    } else {
        ""
    };
    let current = &u.current.plan;
    let what = match missing {
        Missing::Target => format!("your {target} quote"),
        Missing::Current => format!("what you pay for {current} today"),
        Missing::Both => format!("your {target} quote and what you pay for {current} today"),
    };
    let usd = format::usd_whole;
    let manual_words = format!("the manual work it replaces costs {} a year", usd(manual));
    Some(if best <= 0.0 {
        format!(
            "It depends on {what}, but the implementation fee alone costs more than the manual work it replaces ({} a year): staying manual is cheaper unless {target} costs less than {current}.",
            usd(manual)
        )
    } else if worst == best {
        format!(
            "It depends on {what}: upgrading pays for itself if {target} costs less than {about}{} a year more than {current} ({manual_words}).",
            usd(best)
        )
    } else if worst <= 0.0 {
        format!(
            "It depends on {what}: upgrading pays for itself only if {target} costs less than {about}{} a year more than {current} and the implementation fee is at its low end; at its high end it never does ({manual_words}).",
            usd(best)
        )
    } else {
        format!(
            "It depends on {what}: upgrading pays for itself if {target} costs less than {about}{} to {} a year more than {current}, depending on the implementation fee ({manual_words}).",
            usd(worst),
            usd(best)
        )
    })
}

/// One sentence stating the scenario, for titles, previews and the chart's text alternative.
pub fn headline(r: &ScenarioReport, vendor_name: Option<&str>) -> String {
    let users = format::group_thousands(r.scenario.users as u64);
    let manual = format::usd_whole(r.manual.manual_cost);
    let who = vendor_name.unwrap_or("Any app");
    let upgrade = r
        .upgrade
        .as_ref()
        .map(|u| format!(" {}", upgrade_sentence(u)))
        .unwrap_or_default();
    format!("{who} at {users} people: staying manual costs about {manual} a year.{upgrade}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_checked_against_its_vendor_and_needs_one() {
        use crate::domain::url::Query;
        let issues = |q: &str| {
            let (s, issues) = scenario::parse(&Query::parse(q));
            evaluate(None, s, issues).issues
        };
        let got = issues("plan=%E2%80%AEevil%3Cb%3E");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].field, "vendor");
        assert!(!got[0].message.contains("evil"), "{}", got[0].message);
        assert!(issues("users=20").is_empty());
    }

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
