//! The kinds of change a buyer reads a release's changes by: what happened to the SCIM gate,
//! to the prices, and to the list itself. A vendor may fall under several (a gate removed
//! and a price up).

use crate::domain::keys::Key;
use crate::domain::vendor::ScimStatus;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Gated or partial before, included now.
    GateRemoved,
    /// Included or partial before, gated now.
    GateAdded,
    /// Offered before (included, gated or partial), not offered now.
    ScimDropped,
    /// Not offered before, offered now (included, gated or partial).
    ScimOffered,
    /// A known status before, unknown now.
    BecameUnknown,
    /// Unknown before, a known status now.
    NewlyDocumented,
    /// Included ↔ partial, gated → partial: the status moved within "offered".
    StatusOther,
    /// The status is the same, but another plan unlocks SCIM.
    ScimPlanChanged,
    /// The SCIM plan or the team plan costs more, in the same unit.
    PriceUp,
    /// The SCIM plan or the team plan costs less, in the same unit.
    PriceDown,
    /// In the later release only.
    Added,
    /// In the earlier release only.
    Removed,
}

impl Key for ChangeKind {}

impl ChangeKind {
    /// The order a buyer reads them in (and the page lists them in).
    pub const ALL: [ChangeKind; 12] = [
        ChangeKind::GateRemoved,
        ChangeKind::GateAdded,
        ChangeKind::ScimDropped,
        ChangeKind::ScimOffered,
        ChangeKind::BecameUnknown,
        ChangeKind::NewlyDocumented,
        ChangeKind::StatusOther,
        ChangeKind::ScimPlanChanged,
        ChangeKind::PriceUp,
        ChangeKind::PriceDown,
        ChangeKind::Added,
        ChangeKind::Removed,
    ];

    /// The kind of a status change; `None` where the status is the same.
    pub fn of_status(from: ScimStatus, to: ScimStatus) -> Option<ChangeKind> {
        use ScimStatus as S;
        Some(match (from, to) {
            _ if from == to => return None,
            (_, S::Unknown) => ChangeKind::BecameUnknown,
            (S::Unknown, _) => ChangeKind::NewlyDocumented,
            (S::Gated | S::Partial, S::Free) => ChangeKind::GateRemoved,
            (S::Free | S::Partial, S::Gated) => ChangeKind::GateAdded,
            (_, S::None) => ChangeKind::ScimDropped,
            (S::None, _) => ChangeKind::ScimOffered,
            // Free ↔ partial, gated → partial.
            _ => ChangeKind::StatusOther,
        })
    }

    /// The heading of its group.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::GateRemoved => "Gate removed: SCIM now included",
            ChangeKind::GateAdded => "Gate added: SCIM now costs a higher plan",
            ChangeKind::ScimDropped => "SCIM dropped",
            ChangeKind::ScimOffered => "SCIM now offered",
            ChangeKind::BecameUnknown => "Became unknown",
            ChangeKind::NewlyDocumented => "Newly documented",
            ChangeKind::StatusOther => "Other status changes",
            ChangeKind::ScimPlanChanged => "SCIM plan changed",
            ChangeKind::PriceUp => "Price up",
            ChangeKind::PriceDown => "Price down",
            ChangeKind::Added => "Added to the index",
            ChangeKind::Removed => "Removed from the index",
        }
    }

    /// One line under the heading: what puts a vendor in the group.
    pub fn meaning(self) -> &'static str {
        match self {
            ChangeKind::GateRemoved => {
                "Gated or partial before; SCIM comes with the team plan now."
            }
            ChangeKind::GateAdded => {
                "Included or partial before; SCIM needs a higher plan or an add-on now."
            }
            ChangeKind::ScimDropped => "SCIM was offered before; no plan offers it now.",
            ChangeKind::ScimOffered => "No plan offered SCIM before; one does now.",
            ChangeKind::BecameUnknown => {
                "The status was known before; the later release does not say."
            }
            ChangeKind::NewlyDocumented => {
                "The status was unknown before; the later release states it."
            }
            ChangeKind::StatusOther => {
                "The status moved between included, gated and partial in another way."
            }
            ChangeKind::ScimPlanChanged => {
                "The status is the same, but the release names another plan (or add-on) for SCIM."
            }
            ChangeKind::PriceUp => {
                "The SCIM plan or the team plan costs more, both prices read in the same unit."
            }
            ChangeKind::PriceDown => {
                "The SCIM plan or the team plan costs less, both prices read in the same unit."
            }
            ChangeKind::Added => "In the later release only.",
            ChangeKind::Removed => "In the earlier release only; it has no page here.",
        }
    }

    /// Whether the kind is a change of SCIM status.
    pub fn is_status(self) -> bool {
        matches!(
            self,
            ChangeKind::GateRemoved
                | ChangeKind::GateAdded
                | ChangeKind::ScimDropped
                | ChangeKind::ScimOffered
                | ChangeKind::BecameUnknown
                | ChangeKind::NewlyDocumented
                | ChangeKind::StatusOther
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScimStatus::*;

    #[test]
    fn every_status_pair_has_one_kind() {
        let k = ChangeKind::of_status;
        assert_eq!(k(Gated, Free), Some(ChangeKind::GateRemoved));
        assert_eq!(k(Partial, Free), Some(ChangeKind::GateRemoved));
        assert_eq!(k(Free, Gated), Some(ChangeKind::GateAdded));
        assert_eq!(k(Gated, None), Some(ChangeKind::ScimDropped));
        assert_eq!(k(None, Gated), Some(ChangeKind::ScimOffered));
        assert_eq!(k(None, Free), Some(ChangeKind::ScimOffered));
        assert_eq!(k(Gated, Unknown), Some(ChangeKind::BecameUnknown));
        assert_eq!(k(Unknown, None), Some(ChangeKind::NewlyDocumented));
        assert_eq!(k(Gated, Partial), Some(ChangeKind::StatusOther));
        for s in ScimStatus::ALL {
            assert_eq!(k(s, s), Option::None);
            for t in ScimStatus::ALL {
                assert_eq!(k(s, t).is_some(), s != t);
                assert!(k(s, t).is_none_or(ChangeKind::is_status));
            }
        }
    }

    #[test]
    fn keys_round_trip() {
        for k in ChangeKind::ALL {
            assert_eq!(ChangeKind::from_key(&k.key()), Some(k));
        }
        assert_eq!(ChangeKind::PriceUp.key(), "price_up");
    }
}
