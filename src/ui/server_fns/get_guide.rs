//! One vendor's guide.

use crate::domain::vendor::Vendor;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A vendor guide's data: the vendor and whether an API guide exists for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideData {
    pub vendor: Vendor,
    pub has_api_guide: bool,
    /// The title and attribution line of the dataset release the vendor's index facts come
    /// from, where it has any.
    pub index_source: Option<(String, String)>,
}

#[server]
pub async fn get_guide(slug: String) -> Result<Option<GuideData>, ServerFnError> {
    let catalog = super::catalog()?;
    Ok(catalog.vendor(&slug).map(|v| GuideData {
        vendor: v.clone(),
        has_api_guide: catalog.api_guide(&slug).is_some(),
        index_source: v
            .index
            .as_ref()
            .and_then(|f| catalog.release(&f.release))
            .map(|d| (d.record.title.clone(), d.record.licence.attribution.clone())),
    }))
}
