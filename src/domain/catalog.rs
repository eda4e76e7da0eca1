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

    /// The date of the data: the newest `source.last_checked` of any file (YYYY-MM-DD, so
    /// the largest string is the latest date; loading has checked every one is real).
    pub fn checked_on(&self) -> Option<&str> {
        let vendors = self.vendors.iter().map(|v| v.source.last_checked.as_str());
        let guides = self
            .api_guides
            .iter()
            .map(|g| g.source.last_checked.as_str());
        vendors.chain(guides).max()
    }
}
