//! What changed, computed from the rows and never written by hand: between two releases of
//! the SCIM Tax Index (every vendor in either), and between an earlier check of one of our
//! own profiles and its current one (`earlier_checks` in its file). For each vendor: the
//! rows as each release stated them, and per step the fields that changed (status, SCIM
//! plan, SCIM price, team plan and price, price multiplier), with the kinds of change a
//! buyer reads them by ([`ChangeKind`]). Where the later row's own `status_prev` is not
//! what the earlier file says, the step says so.
//!
//! Pure: the loader builds the rows (`index::release_row`, `index::v3::release_row`,
//! [`profile::profile_rows`]) and hands them here.

pub mod kind;
pub mod price_move;
pub mod profile;
pub mod query;
pub mod words;

pub use kind::ChangeKind;
pub use price_move::{PriceMove, StatedPrice};

use crate::domain::vendor::{Basis, ScimStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who states a row, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "date", rename_all = "snake_case")]
pub enum StatedBy {
    /// A release of the index (`2026-10`).
    Release(String),
    /// Our own profile, checked on that day (`2026-11-23`).
    Profile(String),
}

impl StatedBy {
    pub fn date(&self) -> &str {
        match self {
            StatedBy::Release(d) | StatedBy::Profile(d) => d,
        }
    }

    fn same_source(&self, other: &StatedBy) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A vendor as one release (or one check of our profile) states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseRow {
    pub stated_by: StatedBy,
    pub name: String,
    pub category: Option<String>,
    pub status: ScimStatus,
    pub scim_plan: Option<String>,
    pub scim_price: StatedPrice,
    pub team_plan: Option<String>,
    pub team_price: StatedPrice,
    /// The status the row gives for the release before it, where it gives one.
    pub status_prev: Option<ScimStatus>,
    /// The vendor's pricing page, as the row links it.
    pub pricing_url: String,
}

impl ReleaseRow {
    /// The SCIM plan's price over the team plan's, a month per user, one decimal:
    /// recomputed from the prices, only where both are one exact per-user figure.
    pub fn multiplier(&self) -> Option<f64> {
        let per_user = |p: &StatedPrice| match p.price.exact_monthly() {
            Some((Basis::PerUser, a)) if a > 0.0 => Some(a),
            _ => None,
        };
        let (scim, team) = (per_user(&self.scim_price)?, per_user(&self.team_price)?);
        Some((scim / team * 10.0).round() / 10.0)
    }
}

/// One fact that differs between two rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum FieldChange {
    Status {
        from: ScimStatus,
        to: ScimStatus,
    },
    ScimPlan {
        from: Option<String>,
        to: Option<String>,
    },
    TeamPlan {
        from: Option<String>,
        to: Option<String>,
    },
    ScimPrice {
        from: StatedPrice,
        to: StatedPrice,
        #[serde(rename = "move")]
        moved: PriceMove,
    },
    TeamPrice {
        from: StatedPrice,
        to: StatedPrice,
        #[serde(rename = "move")]
        moved: PriceMove,
    },
    Multiplier {
        from: f64,
        to: f64,
    },
}

/// From one row of a vendor to the next (or to none: added, removed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub from: StatedBy,
    pub to: StatedBy,
    pub changes: Vec<FieldChange>,
    pub kinds: Vec<ChangeKind>,
    /// The later row's own `status_prev`, where it is not the earlier row's status (the
    /// index's "previous release" may not be the one we hold).
    pub stated_prev_differs: Option<ScimStatus>,
}

/// One vendor's rows, oldest first, and the steps between them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorHistory {
    pub slug: String,
    pub name: String,
    pub category: Option<String>,
    pub rows: Vec<ReleaseRow>,
    pub steps: Vec<Step>,
}

impl VendorHistory {
    /// The vendor's pricing page as its first row links it: the link of a vendor that has
    /// no page here (one the index dropped).
    pub fn pricing_url(&self) -> &str {
        self.rows.first().map_or("", |r| r.pricing_url.as_str())
    }

    /// The row of the newest release of the index that lists the vendor.
    pub fn current_release_row(&self) -> Option<&ReleaseRow> {
        newest_release_row(&self.rows)
    }

    /// Every kind of change in any step, in reading order, once each.
    pub fn kinds(&self) -> Vec<ChangeKind> {
        let mut k: Vec<ChangeKind> = self.steps.iter().flat_map(|s| s.kinds.clone()).collect();
        k.sort();
        k.dedup();
        k
    }

    /// Whether any step has a kind of change: new words for the same price, a price in
    /// another unit or a renamed team plan are shown in the history but are not news.
    pub fn changed(&self) -> bool {
        self.steps.iter().any(|s| !s.kinds.is_empty())
    }

    /// Whether a vendor already listed changed: any kind but added or removed (what the
    /// home table's "changed" filter keeps).
    pub fn revised(&self) -> bool {
        self.kinds()
            .iter()
            .any(|k| !matches!(k, ChangeKind::Added | ChangeKind::Removed))
    }

    /// The date of the newest row that changed something: when a subscriber learns of it.
    pub fn updated(&self) -> Option<&str> {
        self.steps
            .iter()
            .filter(|s| !s.kinds.is_empty())
            .map(|s| s.to.date())
            .max()
    }
}

/// Every vendor's history, by slug, and the two releases compared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The earlier and the later release of the index (`2026-04`, `2026-10`).
    pub releases: Option<(String, String)>,
    /// Sorted by slug.
    pub vendors: Vec<VendorHistory>,
}

impl History {
    pub fn of(&self, slug: &str) -> Option<&VendorHistory> {
        self.vendors
            .binary_search_by(|h| h.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.vendors[i])
    }

    /// Whether the vendor changed in any way we track.
    pub fn changed(&self, slug: &str) -> bool {
        self.of(slug).is_some_and(VendorHistory::changed)
    }

    /// Whether the vendor was listed before and changed since ([`VendorHistory::revised`]).
    pub fn revised(&self, slug: &str) -> bool {
        self.of(slug).is_some_and(VendorHistory::revised)
    }

    /// The vendors that changed, by name.
    pub fn changed_vendors(&self) -> Vec<&VendorHistory> {
        let mut v: Vec<&VendorHistory> = self.vendors.iter().filter(|h| h.changed()).collect();
        v.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.slug.cmp(&b.slug))
        });
        v
    }

    /// How many vendors each kind has; every kind, so a reader sees a zero rather than a
    /// missing key.
    pub fn counts(&self) -> BTreeMap<ChangeKind, usize> {
        let mut n: BTreeMap<ChangeKind, usize> = ChangeKind::ALL.iter().map(|k| (*k, 0)).collect();
        for h in &self.vendors {
            for k in h.kinds() {
                *n.entry(k).or_insert(0) += 1;
            }
        }
        n
    }

    /// Vendors whose status differs between the two files (any status kind).
    pub fn status_changes(&self) -> usize {
        self.vendors
            .iter()
            .filter(|h| h.kinds().iter().any(|k| k.is_status()))
            .count()
    }

    /// Vendors whose current row's own `status_prev` differs from its status: the count
    /// the publisher's file gives for "changed since the previous release".
    pub fn stated_status_changes(&self) -> usize {
        self.vendors
            .iter()
            .filter_map(VendorHistory::current_release_row)
            .filter(|r| r.status_prev.is_some_and(|p| p != r.status))
            .count()
    }

    /// Vendors whose later row states a previous status other than the earlier file's.
    pub fn stated_prev_differs(&self) -> usize {
        self.vendors
            .iter()
            .filter(|h| h.steps.iter().any(|s| s.stated_prev_differs.is_some()))
            .count()
    }
}

/// Two releases of the index to compare: each one's date and rows by slug.
#[derive(Clone, Debug, Default)]
pub struct Releases {
    pub from: String,
    pub before: BTreeMap<String, ReleaseRow>,
    pub to: String,
    pub after: BTreeMap<String, ReleaseRow>,
}

/// The last row stated by a release of the index (rows are oldest first).
fn newest_release_row(rows: &[ReleaseRow]) -> Option<&ReleaseRow> {
    rows.iter()
        .rev()
        .find(|r| matches!(r.stated_by, StatedBy::Release(_)))
}

/// The history of every vendor in either release (none where there are not two), plus the
/// checks of our own profiles (`profiles`, each vendor's rows oldest first).
pub fn build(
    releases: Option<Releases>,
    mut profiles: BTreeMap<String, Vec<ReleaseRow>>,
) -> History {
    let compared = releases.as_ref().map(|r| (r.from.clone(), r.to.clone()));
    let Releases {
        from,
        mut before,
        to,
        mut after,
    } = releases.unwrap_or_default();
    let (from_by, to_by) = (
        StatedBy::Release(from.clone()),
        StatedBy::Release(to.clone()),
    );
    let mut slugs: Vec<String> = before
        .keys()
        .chain(after.keys())
        .chain(profiles.keys())
        .cloned()
        .collect();
    slugs.sort();
    slugs.dedup();
    let vendors = slugs
        .into_iter()
        .map(|slug| {
            let (old, new) = (before.remove(&slug), after.remove(&slug));
            let mut steps = Vec::new();
            if old.is_some() || new.is_some() {
                steps.push(step(&from_by, &to_by, old.as_ref(), new.as_ref()));
            }
            let ours = profiles.remove(&slug).unwrap_or_default();
            for pair in ours.windows(2) {
                steps.push(step(
                    &pair[0].stated_by,
                    &pair[1].stated_by,
                    Some(&pair[0]),
                    Some(&pair[1]),
                ));
            }
            let rows: Vec<ReleaseRow> = old.into_iter().chain(new).chain(ours).collect();
            // Named as the index last names it; our profile's words where no release has it.
            let newest = newest_release_row(&rows).or(rows.last());
            VendorHistory {
                name: newest
                    .map(|r| r.name.clone())
                    .unwrap_or_else(|| slug.clone()),
                category: newest.and_then(|r| r.category.clone()),
                slug,
                rows,
                steps,
            }
        })
        .collect();
    History {
        releases: compared,
        vendors,
    }
}

/// What changed from `old` to `new`; either may be missing (added, removed).
pub fn step(
    from: &StatedBy,
    to: &StatedBy,
    old: Option<&ReleaseRow>,
    new: Option<&ReleaseRow>,
) -> Step {
    let mut s = Step {
        from: from.clone(),
        to: to.clone(),
        changes: Vec::new(),
        kinds: Vec::new(),
        stated_prev_differs: None,
    };
    let (old, new) = match (old, new) {
        (Some(o), Some(n)) => (o, n),
        (None, Some(_)) => {
            s.kinds.push(ChangeKind::Added);
            return s;
        }
        (Some(_), None) => {
            s.kinds.push(ChangeKind::Removed);
            return s;
        }
        (None, None) => return s,
    };
    debug_assert!(from.same_source(to));
    if let Some(k) = ChangeKind::of_status(old.status, new.status) {
        s.changes.push(FieldChange::Status {
            from: old.status,
            to: new.status,
        });
        s.kinds.push(k);
    }
    s.stated_prev_differs = new.status_prev.filter(|p| *p != old.status);
    if !same_plan(&old.scim_plan, &new.scim_plan) {
        s.changes.push(FieldChange::ScimPlan {
            from: old.scim_plan.clone(),
            to: new.scim_plan.clone(),
        });
        // With the status changed, the plan changed with it: that is the news.
        if old.status == new.status {
            s.kinds.push(ChangeKind::ScimPlanChanged);
        }
    }
    if !same_plan(&old.team_plan, &new.team_plan) {
        s.changes.push(FieldChange::TeamPlan {
            from: old.team_plan.clone(),
            to: new.team_plan.clone(),
        });
    }
    let mut price = |from: &StatedPrice, to: &StatedPrice, same_plan: bool, scim: bool| {
        let Some(moved) = price_move::compare(from, to) else {
            return;
        };
        let moved = match moved {
            PriceMove::Up { .. } | PriceMove::Down { .. } if !same_plan => PriceMove::OtherPlan,
            m => m,
        };
        match moved {
            PriceMove::Up { .. } => s.kinds.push(ChangeKind::PriceUp),
            PriceMove::Down { .. } => s.kinds.push(ChangeKind::PriceDown),
            _ => {}
        }
        let (from, to) = (from.clone(), to.clone());
        s.changes.push(if scim {
            FieldChange::ScimPrice { from, to, moved }
        } else {
            FieldChange::TeamPrice { from, to, moved }
        });
    };
    let (same_scim, same_team) = (
        same_plan(&old.scim_plan, &new.scim_plan),
        same_plan(&old.team_plan, &new.team_plan),
    );
    price(&old.scim_price, &new.scim_price, same_scim, true);
    price(&old.team_price, &new.team_price, same_team, false);
    // A ratio of other plans' prices is no change of the same ratio.
    if let (Some(a), Some(b), true, true) =
        (old.multiplier(), new.multiplier(), same_scim, same_team)
    {
        if (a - b).abs() >= 0.05 {
            s.changes.push(FieldChange::Multiplier { from: a, to: b });
        }
    }
    s.kinds.sort();
    s.kinds.dedup();
    s
}

/// Plan names that differ only in case or spaces are the same plan.
fn same_plan(a: &Option<String>, b: &Option<String>) -> bool {
    let norm = |p: &Option<String>| {
        p.as_deref().map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests;
