//! `/changes?kind=gate_removed&category=…`: the changes page's filters, as they live in the
//! query string (the feed and the JSON read the same keys).

use super::{ChangeKind, History, VendorHistory};
use crate::domain::issue::Issue;
use crate::domain::keys::Key;
use crate::domain::url::Query;
use crate::domain::vendor::category_label;

pub const KIND: &str = "kind";
pub const CATEGORY: &str = "category";
pub const KEYS: &[&str] = &[KIND, CATEGORY];

/// Serialized as `/api/changes` echoes it (`"filters":{"kind":…,"category":…}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChangesQuery {
    pub kind: Option<ChangeKind>,
    /// A category as the page shows it (`category_label`), matched without case.
    pub category: Option<String>,
}

/// Reads the filters; anything unreadable, or a category no changed vendor has, is
/// ignored and reported.
pub fn parse(query: &Query, history: &History) -> (ChangesQuery, Vec<Issue>) {
    let mut q = ChangesQuery::default();
    let mut issues = Vec::new();
    if let Some(raw) = query.text(KIND).filter(|s| !s.trim().is_empty()) {
        match ChangeKind::from_key(&raw) {
            Some(k) => q.kind = Some(k),
            None => issues.push(Issue::new(
                KIND,
                format!(
                    "“{}” is not a kind of change we list; it is ignored.",
                    crate::domain::format::echo(&raw, 40)
                ),
            )),
        }
    }
    q.category = query
        .text(CATEGORY)
        .map(|c| c.trim().chars().take(120).collect::<String>())
        .filter(|c| !c.is_empty());
    issues.extend(Issue::unless_known(
        CATEGORY,
        &mut q.category,
        &categories(history),
        |a, b| a.eq_ignore_ascii_case(b),
        |c| format!("“{c}” is not a category of the vendors that changed; it is ignored."),
    ));
    (q, issues)
}

impl ChangesQuery {
    /// Whether a vendor's history passes the filters (a vendor that did not change never does).
    pub fn keeps(&self, h: &VendorHistory) -> bool {
        h.changed()
            && self.kind.is_none_or(|k| h.kinds().contains(&k))
            && self
                .category
                .as_deref()
                .is_none_or(|c| category_label(h.category.as_deref()).eq_ignore_ascii_case(c))
    }

    /// The changed vendors that pass, by name.
    pub fn select<'a>(&self, history: &'a History) -> Vec<&'a VendorHistory> {
        history
            .changed_vendors()
            .into_iter()
            .filter(|h| self.keeps(h))
            .collect()
    }

    /// The filters as a query string, empty ones left out.
    pub fn encode(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(k) = self.kind {
            pairs.push((KIND, k.key()));
        }
        if let Some(c) = &self.category {
            pairs.push((CATEGORY, c.clone()));
        }
        crate::domain::url::encode(&pairs)
    }
}

/// The categories of the vendors that changed, as the page shows them, sorted.
pub fn categories(history: &History) -> Vec<String> {
    let mut c: Vec<String> = history
        .changed_vendors()
        .iter()
        .map(|h| category_label(h.category.as_deref()).to_string())
        .collect();
    c.sort();
    c.dedup();
    c
}
