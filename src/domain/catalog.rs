//! Everything `data/` holds: the vendors, their user-management API guides, and the public
//! datasets some vendors come from.

use super::api_guide::ApiGuide;
use super::changes::History;
use super::dataset::Dataset;
#[cfg(test)]
use super::vendor::Source;
use super::vendor::Vendor;
use serde::{Deserialize, Serialize};

/// Everything `data/` holds, as served to pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Sorted by name.
    pub vendors: Vec<Vendor>,
    pub api_guides: Vec<ApiGuide>,
    /// The datasets read from `data/datasets/` (none: the site is as before).
    #[serde(default)]
    pub datasets: Vec<Dataset>,
    /// What changed between the index's releases and our profiles' checks, per vendor.
    #[serde(default)]
    pub history: History,
}

impl Catalog {
    pub fn vendor(&self, slug: &str) -> Option<&Vendor> {
        self.vendors.iter().find(|v| v.slug == slug)
    }

    /// The current release of a dataset by its date (`2026-10`).
    pub fn release(&self, dataset_date: &str) -> Option<&Dataset> {
        self.datasets
            .iter()
            .find(|d| d.current && d.record.dataset_date == dataset_date)
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

/// Test catalogs: vendors that have a slug, a name and a placeholder source, nothing else.
#[cfg(test)]
impl Catalog {
    pub fn of_names(vendors: &[(&str, &str)]) -> Catalog {
        let vendors = vendors
            .iter()
            .map(|&(slug, name)| Vendor::new(slug.into(), name.into(), Source::placeholder()))
            .collect();
        Catalog {
            vendors,
            ..Catalog::default()
        }
    }
}

#[cfg(test)]
impl super::vendor::Plan {
    /// A plan at `price`, for vendors made in tests (SSO unknown, no minimum, no note).
    pub fn of(name: &str, price: super::vendor::Price, scim: super::vendor::Tri) -> Self {
        Self {
            name: name.into(),
            price,
            sso: super::vendor::Tri::Unknown,
            scim,
            min_seats: None,
            note: None,
        }
    }

    /// A plan at a plain price per user a month.
    pub fn per_user_month(name: &str, dollars: f64, scim: super::vendor::Tri) -> Self {
        use super::vendor::{Basis, Figure, Period, Price};
        let figure = Figure::point(Basis::PerUser, Period::Month, dollars);
        Self::of(name, Price::Stated { figure }, scim)
    }
}

#[cfg(test)]
impl Source {
    /// A source whose fields are all stand-ins, for vendors made in tests.
    pub fn placeholder() -> Source {
        Source {
            title: "t".into(),
            url: "https://example.com".into(),
            publisher: "p".into(),
            page_updated: None,
            last_checked: "2026-11-01".into(),
            licence: None,
        }
    }
}
