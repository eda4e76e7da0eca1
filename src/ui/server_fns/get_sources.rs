//! Where the data comes from: the datasets and every page our own profiles draw on.

use crate::domain::dataset::Dataset;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A page one or more curated profiles are drawn from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedPage {
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub page_updated: Option<String>,
    /// The latest date we checked it for any of its vendors.
    pub last_checked: String,
    /// (slug, name) of the vendors drawn from it.
    pub vendors: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcesData {
    pub datasets: Vec<Dataset>,
    pub pages: Vec<SeedPage>,
}

#[server]
pub async fn get_sources() -> Result<SourcesData, ServerFnError> {
    let catalog = super::catalog()?;
    let mut pages: Vec<SeedPage> = Vec::new();
    for v in catalog.vendors.iter().filter(|v| !v.is_index()) {
        let s = &v.source;
        match pages.iter_mut().find(|p| p.url == s.url) {
            Some(p) => {
                p.vendors.push((v.slug.clone(), v.name.clone()));
                if s.last_checked > p.last_checked {
                    p.last_checked = s.last_checked.clone();
                }
            }
            None => pages.push(SeedPage {
                title: s.title.clone(),
                url: s.url.clone(),
                publisher: s.publisher.clone(),
                page_updated: s.page_updated.clone(),
                last_checked: s.last_checked.clone(),
                vendors: vec![(v.slug.clone(), v.name.clone())],
            }),
        }
    }
    pages.sort_by_key(|p| p.title.to_lowercase());
    Ok(SourcesData {
        datasets: catalog.datasets.clone(),
        pages,
    })
}
