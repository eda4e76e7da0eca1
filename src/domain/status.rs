//! A vendor's SCIM status in one word, on the SCIM Tax Index's five labels (free, gated,
//! partial, none, unknown), so that our curated profiles and the index's rows are counted
//! and filtered on one scale. A data file may state the status (`scim.status`; the index
//! adapter always does); otherwise it follows from the file's SCIM facts.

use crate::domain::cost::jump::{price_jump, PriceJump};
use crate::domain::vendor::{Tri, Vendor};

pub use crate::domain::vendor::ScimStatus;

impl ScimStatus {
    /// The status a vendor's data gives: stated, else derived from SCIM availability and
    /// whether the first plan listed already includes SCIM.
    pub fn of(v: &Vendor) -> ScimStatus {
        if let Some(s) = v.scim.status {
            return s;
        }
        match v.scim.available {
            Tri::No => ScimStatus::None,
            Tri::Unknown => ScimStatus::Unknown,
            // SCIM exists, but without the plan that has it we cannot tell whether it costs extra.
            Tri::Yes if v.scim.plan.is_none() => ScimStatus::Unknown,
            // With one plan listed, "the first plan has SCIM" says nothing about cheaper
            // plans the source left out: such files state their status.
            Tri::Yes if v.plans.len() < 2 => ScimStatus::Unknown,
            Tri::Yes => match price_jump(v) {
                PriceJump::Included => ScimStatus::Free,
                _ => ScimStatus::Gated,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::Key;
    use crate::domain::vendor::{Plan, Scim, Source};

    fn plan(name: &str, dollars: f64, scim: Tri) -> Plan {
        Plan::per_user_month(name, dollars, scim)
    }

    fn vendor(available: Tri, scim_plan: Option<&str>, plans: Vec<Plan>) -> Vendor {
        Vendor {
            scim: Scim {
                available,
                plan: scim_plan.map(Into::into),
                ..Default::default()
            },
            plans,
            ..Vendor::new("x".into(), "X".into(), Source::placeholder())
        }
    }

    #[test]
    fn derived_from_the_plans() {
        let two = || vec![plan("Team", 8.0, Tri::No), plan("Business", 15.0, Tri::Yes)];
        assert_eq!(
            ScimStatus::of(&vendor(Tri::Yes, Some("Business"), two())),
            ScimStatus::Gated
        );
        let first = vec![
            plan("Team", 8.0, Tri::Yes),
            plan("Business", 15.0, Tri::Yes),
        ];
        assert_eq!(
            ScimStatus::of(&vendor(Tri::Yes, Some("Team"), first)),
            ScimStatus::Free
        );
        assert_eq!(
            ScimStatus::of(&vendor(Tri::No, None, two())),
            ScimStatus::None
        );
        assert_eq!(
            ScimStatus::of(&vendor(Tri::Unknown, None, two())),
            ScimStatus::Unknown
        );
        // SCIM exists but no plan is named: we cannot tell whether it is gated.
        assert_eq!(
            ScimStatus::of(&vendor(Tri::Yes, None, two())),
            ScimStatus::Unknown
        );
        // Only the SCIM plan is listed: cheaper plans may exist that the source left out.
        let only = vec![plan("Enterprise", 30.0, Tri::Yes)];
        assert_eq!(
            ScimStatus::of(&vendor(Tri::Yes, Some("Enterprise"), only)),
            ScimStatus::Unknown
        );
    }

    #[test]
    fn a_stated_status_wins() {
        let mut v = vendor(Tri::Yes, Some("Team"), vec![plan("Team", 8.0, Tri::Yes)]);
        v.scim.status = Some(ScimStatus::Partial);
        assert_eq!(ScimStatus::of(&v), ScimStatus::Partial);
    }

    #[test]
    fn keys_are_the_index_labels() {
        let keys: Vec<String> = ScimStatus::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["free", "gated", "partial", "none", "unknown"]);
        assert_eq!(
            ScimStatus::Gated.count_phrase(132),
            "132 gate SCIM behind a higher plan or an add-on"
        );
    }
}
