//! A change in the words a buyer reads: which fact, its old and new value, and what the
//! difference means (a move, new words for the same price, not comparable).

use super::{ChangeKind, FieldChange, PriceMove, StatedBy, StatedPrice};
use crate::domain::format;
use crate::domain::vendor::{Basis, Period};

/// One fact's change, written out.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeWords {
    pub fact: &'static str,
    pub from: String,
    pub to: String,
    /// What the change amounts to, where the values alone do not say.
    pub note: Option<String>,
}

pub fn describe(c: &FieldChange) -> ChangeWords {
    let plan = |p: &Option<String>| p.clone().unwrap_or_else(|| "none named".into());
    let price = |p: &StatedPrice| {
        if p.text.trim().is_empty() {
            "not stated".to_string()
        } else {
            format!("“{}”", p.text.trim())
        }
    };
    let words = |fact, from, to, note| ChangeWords {
        fact,
        from,
        to,
        note,
    };
    match c {
        FieldChange::Status { from, to } => {
            words("SCIM status", from.label().into(), to.label().into(), None)
        }
        FieldChange::ScimPlan { from, to } => {
            words("Plan that unlocks SCIM", plan(from), plan(to), None)
        }
        FieldChange::TeamPlan { from, to } => words("Team plan", plan(from), plan(to), None),
        FieldChange::ScimPrice { from, to, moved } => words(
            "SCIM plan's price",
            price(from),
            price(to),
            Some(moved_words(moved)),
        ),
        FieldChange::TeamPrice { from, to, moved } => words(
            "Team plan's price",
            price(from),
            price(to),
            Some(moved_words(moved)),
        ),
        FieldChange::Multiplier { from, to } => words(
            "SCIM plan's price over the team plan's",
            format::times(*from),
            format::times(*to),
            Some("Recomputed by us from both prices, per user a month.".into()),
        ),
    }
}

/// "Up $1 per user per month ($7.99 to $8.99)."
fn moved(way: &str, from: f64, to: f64, basis: Basis) -> String {
    format!(
        "{way} {} {} ({} to {}).",
        format::usd((to - from).abs()),
        format::per(basis, Period::Month),
        format::usd(from),
        format::usd(to)
    )
}

fn moved_words(m: &PriceMove) -> String {
    match m {
        PriceMove::Up { from, to, basis } => moved("Up", *from, *to, *basis),
        PriceMove::Down { from, to, basis } => moved("Down", *from, *to, *basis),
        PriceMove::Reworded => "The same price in new words: not a move.".into(),
        PriceMove::NotComparable => {
            "Not one exact figure in the same unit on both sides, so not compared.".into()
        }
        PriceMove::OtherPlan => "The price of another plan, so not compared.".into(),
        PriceMove::OtherBilling => {
            "One text also gives the other's figure, with other billing: not a move.".into()
        }
    }
}

/// "the index's 2026-04 release", "our profile of 2026-05-01".
pub fn stated_by(s: &StatedBy) -> String {
    match s {
        StatedBy::Release(d) => format!("the index's {d} release"),
        StatedBy::Profile(d) => format!("our profile as checked on {d}"),
    }
}

/// "12 gates removed".
pub fn counted(kind: ChangeKind, n: usize) -> String {
    let (one, many) = match kind {
        ChangeKind::GateRemoved => ("gate removed", "gates removed"),
        ChangeKind::GateAdded => ("gate added", "gates added"),
        ChangeKind::ScimDropped => ("dropped SCIM", "dropped SCIM"),
        ChangeKind::ScimOffered => ("now offers SCIM", "now offer SCIM"),
        ChangeKind::BecameUnknown => ("became unknown", "became unknown"),
        ChangeKind::NewlyDocumented => ("newly documented", "newly documented"),
        ChangeKind::StatusOther => ("other status change", "other status changes"),
        ChangeKind::ScimPlanChanged => ("SCIM plan changed", "SCIM plans changed"),
        ChangeKind::PriceUp => ("price up", "prices up"),
        ChangeKind::PriceDown => ("price down", "prices down"),
        ChangeKind::Added => ("vendor added", "vendors added"),
        ChangeKind::Removed => ("vendor removed", "vendors removed"),
    };
    format::count(n, one, many)
}

/// The headline: the gate and price counts, the kinds a buyer acts on.
pub fn headline(counts: &std::collections::BTreeMap<ChangeKind, usize>) -> String {
    [
        ChangeKind::GateRemoved,
        ChangeKind::GateAdded,
        ChangeKind::ScimDropped,
        ChangeKind::PriceUp,
        ChangeKind::PriceDown,
    ]
    .iter()
    .map(|k| counted(*k, counts.get(k).copied().unwrap_or(0)))
    .collect::<Vec<_>>()
    .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::ScimStatus;

    #[test]
    fn changes_read_as_words() {
        let w = describe(&FieldChange::Status {
            from: ScimStatus::Gated,
            to: ScimStatus::Free,
        });
        assert_eq!(
            (w.fact, w.from.as_str(), w.to.as_str()),
            ("SCIM status", "Gated", "No SCIM tax")
        );
        assert_eq!(
            moved_words(&PriceMove::Up {
                from: 7.99,
                to: 8.99,
                basis: Basis::PerUser
            }),
            "Up $1 per user per month ($7.99 to $8.99)."
        );
        assert_eq!(counted(ChangeKind::GateRemoved, 1), "1 gate removed");
        assert_eq!(counted(ChangeKind::Added, 570), "570 vendors added");
    }
}
