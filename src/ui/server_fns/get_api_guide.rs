//! A vendor's user-management API guide.

use crate::domain::api_guide::ApiGuide;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiGuideData {
    pub guide: ApiGuide,
    pub vendor_name: String,
}

#[server]
pub async fn get_api_guide(slug: String) -> Result<Option<ApiGuideData>, ServerFnError> {
    let catalog = super::catalog()?;
    Ok(catalog.api_guide(&slug).and_then(|g| {
        catalog.vendor(&slug).map(|v| ApiGuideData {
            guide: g.clone(),
            vendor_name: v.name.clone(),
        })
    }))
}
