//! Vendors side by side: which vendors the URL asks for, and one column of facts and
//! figures per vendor. Pure, shared by the page and the CSV export.

use crate::domain::cost::jump::{price_jump, PriceJump};
use crate::domain::cost::manual::{manual_cost, ManualInputs, SOURCE_TEAM};
use crate::domain::cost::upgrade::{upgrade_cost, Costing, UpgradeCost, UpgradeInputs};
use crate::domain::questions::{self, Answers};
use crate::domain::recommendation::advise;
use crate::domain::report::evaluate;
use crate::domain::scenario::{parse_field, Scenario, USERS};
use crate::domain::url::{self, Query};
use crate::domain::vendor::{is_slug, Action, Idp, Price, Provisioning, Tri, Vendor};
use serde::{Deserialize, Serialize};

/// The vendors to compare, comma-separated.
pub const VENDORS: &str = "vendors";
/// One more vendor, as the add-a-vendor form sends it.
pub const ADD: &str = "add";
/// The keys of the comparison's own form.
pub const KEYS: [&str; 3] = [VENDORS, ADD, USERS.key];

/// Every key the comparison reads: its form's, then the decision questions' answers, so a
/// column advises what the calculator advises on the same address.
pub fn address_keys() -> Vec<&'static str> {
    [&KEYS[..], questions::KEYS.as_slice()].concat()
}

/// More columns than this stop being readable side by side.
pub const MAX_VENDORS: usize = 6;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Slugs in the order asked, without duplicates.
    pub slugs: Vec<String>,
    pub users: u32,
    /// The decision questions' answers, as every page with advice reads them.
    pub answers: Answers,
    pub issues: Vec<String>,
}

/// The names `vendors=a,b` and `add=c` list, in order, each once, in lower case: the
/// slugs (reading stops at one past [`MAX_VENDORS`], the first left out), and the names
/// that are no slug.
pub fn listed(query: &Query) -> (Vec<String>, Vec<String>) {
    let mut slugs: Vec<String> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    let listed = query.get(VENDORS).unwrap_or_default();
    let added = query.get(ADD).unwrap_or_default();
    for raw in listed.split(',').chain(added.split(',')) {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() || slugs.contains(&s) {
            continue;
        }
        if !is_slug(&s) {
            unreadable.push(raw.trim().to_string());
        } else if slugs.len() > MAX_VENDORS {
            break;
        } else {
            slugs.push(s);
        }
    }
    (slugs, unreadable)
}

/// Reads `vendors=a,b` (and `add=c`, which the add-a-vendor form sends) and `users`.
pub fn parse(query: &Query) -> Selection {
    let mut issues = Vec::new();
    let (mut slugs, unreadable) = listed(query);
    if let Some(first_out) = slugs.get(MAX_VENDORS) {
        issues.push(format!(
            "At most {MAX_VENDORS} vendors fit side by side; “{first_out}” and any after it are left out."
        ));
        slugs.truncate(MAX_VENDORS);
    }
    // One message for all unreadable names, however many: a URL with thousands of them
    // must not make a page of thousands of lines.
    if !unreadable.is_empty() {
        issues.insert(0, unreadable_names(&unreadable));
    }
    let (users, msg) = parse_field(&USERS, query.get("users"));
    issues.extend(msg);
    let (answers, unread) = questions::parse(query);
    issues.extend(unread.into_iter().map(|(_, m)| m));
    Selection {
        slugs,
        users: users.map_or(SOURCE_TEAM, |u| u as u32),
        answers,
        issues,
    }
}

fn unreadable_names(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("“{}”", crate::domain::format::echo(n, 40)))
        .collect();
    let mut list = shown.join(", ");
    if names.len() > SHOWN {
        let more = crate::domain::format::group_thousands((names.len() - SHOWN) as u64);
        list = format!("{list} and {more} more");
    }
    let (what, verb) = if names.len() == 1 {
        ("is not a vendor name", "it is")
    } else {
        ("are not vendor names", "they are")
    };
    format!("{list} {what} we could look up; {verb} left out.")
}

/// The comparison's query string for a list of slugs.
pub fn query(slugs: &[String], users: u32) -> String {
    url::encode(&[(VENDORS, slugs.join(",")), (USERS.key, users.to_string())])
}

/// One vendor's column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub partial: bool,
    pub scim: Tri,
    pub scim_plan: Option<String>,
    pub scim_plan_price: Option<Price>,
    pub price_jump: PriceJump,
    pub sso_required_first: Tri,
    /// Every IdP we know, with what the vendor's data says about it.
    pub idps: Vec<(Idp, Tri, Provisioning)>,
    pub prerequisites: Vec<String>,
    /// Setting SCIM up waits on the vendor's staff.
    pub vendor_enables: Tri,
    /// The SCIM plan is sold by quote, or its price is reported only for other team sizes:
    /// buying it means talking to sales.
    pub quote_needed: bool,
    /// Staying manual, a year, at the team size (the calculator's default model).
    pub manual_annual: f64,
    /// The upgrade from the default current plan, at the team size, over one year.
    pub upgrade: Option<UpgradeCost>,
    /// What the calculator advises at this team size and its defaults (the same call the
    /// calculator makes, so the two pages cannot disagree).
    pub advice: Option<Action>,
    /// Titles of the vendor's constraints, then the SCIM limitations.
    pub limitations: Vec<String>,
    pub last_checked: String,
    pub source_url: String,
}

/// The calculator's advice for `/calculator?vendor=<slug>&users=<users>` and the answers.
fn advice(v: &Vendor, users: u32, answers: &Answers) -> Option<Action> {
    let scenario = Scenario {
        vendor: Some(v.slug.clone()),
        users,
        answers: answers.clone(),
        ..Scenario::default()
    };
    advise(Some(v), &evaluate(Some(v), scenario, Vec::new())).action
}

pub fn column(v: &Vendor, users: u32, answers: &Answers) -> Column {
    let inputs = UpgradeInputs {
        years: 1,
        ..Default::default()
    };
    let mut limitations: Vec<String> = v.constraints.iter().map(|c| c.title.clone()).collect();
    if limitations.is_empty() {
        limitations = v.scim.limitations.clone();
    }
    let upgrade = upgrade_cost(v, users, &inputs);
    let out_of_scope = upgrade
        .as_ref()
        .and_then(|u| u.target.as_ref())
        .is_some_and(|t| matches!(t.costing, Costing::OutOfScope { .. }));
    Column {
        slug: v.slug.clone(),
        name: v.name.clone(),
        category: v.category_label().to_string(),
        partial: v.is_partial(),
        scim: v.scim.available,
        scim_plan: v.scim.plan.clone(),
        scim_plan_price: v.scim_plan().map(|p| p.price.clone()),
        price_jump: price_jump(v),
        sso_required_first: v.scim.sso_required_first,
        idps: Idp::ALL
            .into_iter()
            .map(|i| match v.idp(i) {
                Some(s) => (i, s.sso, s.provisioning),
                None => (i, Tri::Unknown, Provisioning::Unknown),
            })
            .collect(),
        prerequisites: v.scim.prerequisites.clone(),
        vendor_enables: v.scim.vendor_enables,
        quote_needed: out_of_scope
            || matches!(v.scim_plan().map(|p| &p.price), Some(Price::Custom { .. })),
        manual_annual: manual_cost(users, &ManualInputs::default()).total_annual_impact,
        upgrade,
        advice: advice(v, users, answers),
        limitations,
        last_checked: v.source.last_checked.clone(),
        source_url: v.source.url.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(pairs: &[(&str, &str)]) -> Selection {
        parse(&Query::from_pairs(pairs.iter().copied()))
    }

    #[test]
    fn unreadable_names_make_one_message() {
        let many: Vec<String> = (0..6000).map(|i| format!("bad name {i}")).collect();
        let s = sel(&[("vendors", many.join(",").as_str())]);
        assert_eq!(
            s.issues,
            vec!["“bad name 0”, “bad name 1”, “bad name 2” and 5,997 more are not vendor names we could look up; they are left out."]
        );
        let s = sel(&[("vendors", "mode,\u{202E}edom!")]);
        assert_eq!(
            s.issues,
            vec!["“⟨U+202E⟩edom!” is not a vendor name we could look up; it is left out."]
        );
    }

    #[test]
    fn reads_lists_and_additions_without_duplicates() {
        let s = sel(&[
            ("vendors", "mode, Ironclad,mode"),
            ("add", "code42"),
            ("users", "120"),
        ]);
        assert_eq!(s.slugs, ["mode", "ironclad", "code42"]);
        assert_eq!(s.users, 120);
        assert!(s.issues.is_empty());
        assert_eq!(
            query(&s.slugs, s.users),
            "vendors=mode,ironclad,code42&users=120"
        );
    }

    #[test]
    fn odd_names_and_too_many_vendors_are_reported() {
        let s = sel(&[("vendors", "a,<script>,b,c,d,e,f,g"), ("users", "-3")]);
        assert_eq!(s.slugs.len(), MAX_VENDORS);
        assert_eq!(s.issues.len(), 3, "{:?}", s.issues);
        assert_eq!(s.users, 1);
    }
}
