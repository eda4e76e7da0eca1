//! Public datasets we read beside our own vendor files: `data/datasets/<name>/`, each with
//! our record of it (`SOURCE.toml`, the [`DatasetRecord`] below) and the publisher's files,
//! unchanged. The record says where the files come from, under which licence, how to credit
//! them, how old they are, and what we change when we read them.

use serde::{Deserialize, Serialize};

/// `data/datasets/<name>/SOURCE.toml`: our record of one dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetRecord {
    /// Which reader understands the files (`scim-tax-index`, `scim-tax-index-v3`).
    pub adapter: String,
    /// The releases of one dataset share a series (`scim-tax`); of those, the one with the
    /// latest `dataset_date` is current and the others are kept for history.
    pub series: String,
    /// The dataset's name as its publisher gives it.
    pub title: String,
    pub publisher: String,
    /// The dataset's home page (https).
    pub url: String,
    /// The dataset's own date, as it states it (`YYYY-MM` or `YYYY-MM-DD`).
    pub dataset_date: String,
    /// When we copied the files (`YYYY-MM-DD`).
    pub retrieved: String,
    /// The file the adapter reads, relative to the dataset's folder.
    pub data: String,
    /// Every file of the publisher's kept in the folder, unchanged (the data file, its
    /// licence, its methodology); each must be present.
    pub files: Vec<String>,
    /// What we change when we read the files, one sentence each (our words).
    pub changes: Vec<String>,
    pub licence: Licence,
    pub upstream: Upstream,
    /// Each file's SHA-256 as published (`.ci/datasets` checks them when it places the files).
    #[serde(default)]
    pub sha256: std::collections::BTreeMap<String, String>,
}

/// The terms a dataset or page is published under, and how to credit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// `CC-BY 4.0`.
    pub name: String,
    /// The licence's text (https).
    pub url: String,
    /// The credit line every page showing the data carries.
    pub attribution: String,
}

/// Where the files come from, exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upstream {
    /// The publisher's repository (https).
    pub repository: String,
    /// The commit the files were taken from.
    pub commit: String,
    /// Where a file sits upstream, where not at the top of the repository.
    #[serde(default)]
    pub paths: std::collections::BTreeMap<String, String>,
}

/// A dataset as loaded: its folder name, our record, and what it added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The folder under `data/datasets/`.
    pub name: String,
    pub record: DatasetRecord,
    /// Whether it is its series' current release (its rows are vendors) or an earlier one,
    /// kept for history.
    pub current: bool,
    /// Rows read.
    pub rows: usize,
    /// Vendors it added (rows whose slug no curated file has).
    pub added: usize,
    /// Slugs of curated vendors it also covers; the curated profile wins.
    pub overlapping: Vec<String>,
    /// Prices read as typed prices, and prices kept as text.
    pub prices_read: usize,
    pub prices_text: usize,
}
