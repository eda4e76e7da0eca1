//! The vendors a comparison asks for.

use crate::domain::vendor::Vendor;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The vendors a comparison asks for, in the order asked, and the slugs we do not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorSet {
    pub found: Vec<Vendor>,
    pub missing: Vec<String>,
}

#[server]
pub async fn get_vendors(slugs: Vec<String>) -> Result<VendorSet, ServerFnError> {
    let catalog = super::catalog()?;
    let mut set = VendorSet {
        found: Vec::new(),
        missing: Vec::new(),
    };
    for slug in slugs.into_iter().take(crate::domain::compare::MAX_VENDORS) {
        match catalog.vendor(&slug) {
            Some(v) => set.found.push(v.clone()),
            None => set.missing.push(slug),
        }
    }
    Ok(set)
}
