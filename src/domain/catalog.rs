//! Everything `data/` holds: the vendors and their user-management API guides.

use super::api_guide::ApiGuide;
use super::vendor::Vendor;
use serde::{Deserialize, Serialize};

/// Everything `data/` holds, as served to pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Sorted by name.
    pub vendors: Vec<Vendor>,
    pub api_guides: Vec<ApiGuide>,
}

impl Catalog {
    pub fn vendor(&self, slug: &str) -> Option<&Vendor> {
        self.vendors.iter().find(|v| v.slug == slug)
    }

    pub fn api_guide(&self, slug: &str) -> Option<&ApiGuide> {
        self.api_guides.iter().find(|g| g.vendor == slug)
    }
}
