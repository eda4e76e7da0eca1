//! Our own profiles' history: each earlier check a file records (`[[earlier_checks]]`)
//! and today's profile, as rows the history compares. The team plan is the first paid plan
//! the file lists; prices are written in our words, so two checks stating the same price
//! read the same.

use super::{ReleaseRow, StatedBy, StatedPrice};
use crate::domain::format;
use crate::domain::status::ScimStatus;
use crate::domain::vendor::{EarlierCheck, Price, Vendor};

/// The profile's rows, oldest first; none where the file records no earlier check.
pub fn profile_rows(v: &Vendor) -> Vec<ReleaseRow> {
    if v.earlier_checks.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<ReleaseRow> = v.earlier_checks.iter().map(|c| earlier(v, c)).collect();
    rows.push(today(v));
    rows
}

fn stated(p: Option<&Price>) -> StatedPrice {
    let price = p.cloned().unwrap_or(Price::Unknown);
    StatedPrice {
        text: format::price(&price),
        price,
    }
}

fn row(v: &Vendor, date: &str, status: ScimStatus) -> ReleaseRow {
    ReleaseRow {
        stated_by: StatedBy::Profile(date.to_string()),
        name: v.name.clone(),
        category: v.publisher_category().map(str::to_string),
        status,
        scim_plan: None,
        scim_price: stated(None),
        team_plan: None,
        team_price: stated(None),
        status_prev: None,
        pricing_url: v.source.url.clone(),
    }
}

fn earlier(v: &Vendor, c: &EarlierCheck) -> ReleaseRow {
    ReleaseRow {
        scim_plan: c.scim_plan.clone(),
        scim_price: stated(c.scim_price.as_ref()),
        team_plan: c.team_plan.clone(),
        team_price: stated(c.team_price.as_ref()),
        ..row(v, &c.last_checked, c.status)
    }
}

fn today(v: &Vendor) -> ReleaseRow {
    let team = v
        .plans
        .iter()
        .find(|p| !matches!(p.price, Price::Free { .. }));
    ReleaseRow {
        scim_plan: v.scim.plan.clone(),
        scim_price: stated(v.scim_plan().map(|p| &p.price)),
        team_plan: team.map(|p| p.name.clone()),
        team_price: stated(team.map(|p| &p.price)),
        ..row(v, &v.source.last_checked, ScimStatus::of(v))
    }
}
