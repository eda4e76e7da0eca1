//! Data access in one place: the server functions pages call. On the server they read the
//! catalog loaded at start-up (provided as context); in the browser they are HTTP calls.

use crate::api_model::ApiGuide;
use crate::model::{Idp, Price, Profile, Provisioning, Tri, Vendor};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of the home table: what a buyer scans before opening a guide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorRow {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub profile: Profile,
    pub scim: Tri,
    pub scim_plan: Option<String>,
    pub scim_plan_price: Option<Price>,
    pub sso_required_first: Tri,
    pub scim_idps: Vec<Idp>,
    pub jit_idps: Vec<Idp>,
    pub last_checked: String,
    pub discrepancies: usize,
}

impl VendorRow {
    pub fn of(v: &Vendor) -> VendorRow {
        let by = |p: Provisioning| -> Vec<Idp> {
            v.idps
                .iter()
                .filter(|s| s.provisioning == p)
                .map(|s| s.idp)
                .collect()
        };
        VendorRow {
            slug: v.slug.clone(),
            name: v.name.clone(),
            category: v.category.clone(),
            profile: v.profile,
            scim: v.scim.available,
            scim_plan: v.scim.plan.clone(),
            scim_plan_price: v.scim_plan().map(|p| p.price.clone()),
            sso_required_first: v.scim.sso_required_first,
            scim_idps: by(Provisioning::Scim),
            jit_idps: by(Provisioning::Jit),
            last_checked: v.source.last_checked.clone(),
            discrepancies: v.discrepancies.len(),
        }
    }
}

/// A vendor guide's data: the vendor and whether an API guide exists for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideData {
    pub vendor: Vendor,
    pub has_api_guide: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiGuideData {
    pub guide: ApiGuide,
    pub vendor_name: String,
}

#[cfg(feature = "ssr")]
fn catalog() -> Result<std::sync::Arc<crate::model::Catalog>, ServerFnError> {
    use_context::<std::sync::Arc<crate::model::Catalog>>()
        .ok_or_else(|| ServerFnError::new("the vendor catalog is not loaded"))
}

#[server]
pub async fn list_vendors() -> Result<Vec<VendorRow>, ServerFnError> {
    Ok(catalog()?.vendors.iter().map(VendorRow::of).collect())
}

#[server]
pub async fn get_guide(slug: String) -> Result<Option<GuideData>, ServerFnError> {
    let catalog = catalog()?;
    Ok(catalog.vendor(&slug).map(|v| GuideData {
        vendor: v.clone(),
        has_api_guide: catalog.api_guide(&slug).is_some(),
    }))
}

#[server]
pub async fn get_api_guide(slug: String) -> Result<Option<ApiGuideData>, ServerFnError> {
    let catalog = catalog()?;
    Ok(catalog.api_guide(&slug).and_then(|g| {
        catalog.vendor(&slug).map(|v| ApiGuideData {
            guide: g.clone(),
            vendor_name: v.name.clone(),
        })
    }))
}

/// The vendors a comparison asks for, in the order asked, and the slugs we do not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorSet {
    pub found: Vec<Vendor>,
    pub missing: Vec<String>,
}

#[server]
pub async fn get_vendors(slugs: Vec<String>) -> Result<VendorSet, ServerFnError> {
    let catalog = catalog()?;
    let mut set = VendorSet {
        found: Vec::new(),
        missing: Vec::new(),
    };
    for slug in slugs.into_iter().take(crate::compare::MAX_VENDORS) {
        match catalog.vendor(&slug) {
            Some(v) => set.found.push(v.clone()),
            None => set.missing.push(slug),
        }
    }
    Ok(set)
}

/// The cost chart of a calculator scenario (`query` as in the calculator's URL), drawn on
/// the server so that the browser needs no drawing code. Inside a guide `vendor` is the
/// page's vendor, whatever the query says.
#[server]
pub async fn chart_svg(vendor: Option<String>, query: String) -> Result<String, ServerFnError> {
    use crate::cost::{report::evaluate, scenario};
    let catalog = catalog()?;
    let pairs = crate::query::split(&query);
    let (mut s, issues) = scenario::parse(|k| crate::query::last(&pairs, k));
    if vendor.is_some() {
        s.vendor = vendor;
    }
    let v = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
    let report = evaluate(v, s, issues);
    Ok(crate::components::calculator::report_chart(v, &report))
}
