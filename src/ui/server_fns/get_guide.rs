//! One vendor's guide.

use crate::domain::vendor::Vendor;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A vendor guide's data: the vendor and whether an API guide exists for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideData {
    pub vendor: Vendor,
    pub has_api_guide: bool,
}

#[server]
pub async fn get_guide(slug: String) -> Result<Option<GuideData>, ServerFnError> {
    let catalog = super::catalog()?;
    Ok(catalog.vendor(&slug).map(|v| GuideData {
        vendor: v.clone(),
        has_api_guide: catalog.api_guide(&slug).is_some(),
    }))
}
