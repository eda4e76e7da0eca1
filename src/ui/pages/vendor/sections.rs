//! The sections a guide can have, in page order: each one's anchor, its label in the
//! contents, and whether a vendor has anything to show in it. The anchors are part of the
//! site's addresses (`/vendors/mode#decision`), so each is spelled here once.

use crate::domain::alternatives;
use crate::domain::cost::checks::check_examples;
use crate::domain::vendor::Vendor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideSection {
    Cost,
    Decision,
    Summary,
    Facts,
    Alternatives,
    Index,
    History,
    Idp,
    Pricing,
    Costs,
    TeamSizes,
    Bundle,
    Constraints,
    Spec,
    Setup,
    Admins,
    Discrepancies,
    Unknowns,
    Source,
}

impl GuideSection {
    /// Page order.
    pub const ALL: [GuideSection; 19] = [
        GuideSection::Cost,
        GuideSection::Decision,
        GuideSection::Summary,
        GuideSection::Facts,
        GuideSection::Alternatives,
        GuideSection::Index,
        GuideSection::History,
        GuideSection::Idp,
        GuideSection::Pricing,
        GuideSection::Costs,
        GuideSection::TeamSizes,
        GuideSection::Bundle,
        GuideSection::Constraints,
        GuideSection::Spec,
        GuideSection::Setup,
        GuideSection::Admins,
        GuideSection::Discrepancies,
        GuideSection::Unknowns,
        GuideSection::Source,
    ];

    /// The anchor (`#decision`).
    pub fn id(self) -> &'static str {
        match self {
            GuideSection::Cost => "cost",
            GuideSection::Decision => "decision",
            GuideSection::Alternatives => "alternatives",
            GuideSection::Summary => "summary",
            GuideSection::Facts => "facts",
            GuideSection::Index => "index",
            GuideSection::History => "history",
            GuideSection::Idp => "idp",
            GuideSection::Pricing => "pricing",
            GuideSection::Costs => "costs",
            GuideSection::TeamSizes => "team-sizes",
            GuideSection::Bundle => "bundle",
            GuideSection::Constraints => "constraints",
            GuideSection::Spec => "spec",
            GuideSection::Setup => "setup",
            GuideSection::Admins => "admins",
            GuideSection::Discrepancies => "discrepancies",
            GuideSection::Unknowns => "unknowns",
            GuideSection::Source => "source",
        }
    }

    /// The label in the contents.
    pub fn label(self) -> &'static str {
        match self {
            GuideSection::Cost => "Your cost and the verdict",
            GuideSection::Decision => "What to do",
            GuideSection::Alternatives => "Alternatives with SCIM for less",
            GuideSection::Summary => "In short",
            GuideSection::Facts => "Quick facts",
            GuideSection::Index => "The SCIM Tax Index's row",
            GuideSection::History => "History",
            GuideSection::Idp => "Identity providers",
            GuideSection::Pricing => "Plans and prices",
            GuideSection::Costs => "Other costs",
            GuideSection::TeamSizes => "Team-size figures",
            GuideSection::Bundle => "What the SCIM plan bundles",
            GuideSection::Constraints => "Constraints and limitations",
            GuideSection::Spec => "Technical specification",
            GuideSection::Setup => "IdP configuration",
            GuideSection::Admins => "What admins report",
            GuideSection::Discrepancies => "Where sources disagree",
            GuideSection::Unknowns => "Not known",
            GuideSection::Source => "Source",
        }
    }

    /// Whether the section answers the reader's question, first on the page: the cost at
    /// their team size and what to do about it.
    pub fn is_answer(self) -> bool {
        matches!(self, GuideSection::Cost | GuideSection::Decision)
    }

    /// Whether `v` has anything to show in it (sections with nothing are left out).
    pub fn shown_for(self, v: &Vendor) -> bool {
        match self {
            GuideSection::Cost | GuideSection::Pricing => !v.plans.is_empty(),
            GuideSection::Decision => !v.decision.is_empty(),
            GuideSection::Alternatives => alternatives::applies(v),
            GuideSection::Summary => v.summary.len() > 1,
            GuideSection::Facts | GuideSection::Source => true,
            GuideSection::Index => v.index.is_some(),
            // Rows to compare: the index's releases, or our own earlier checks.
            GuideSection::History => v.index.is_some() || !v.earlier_checks.is_empty(),
            GuideSection::Idp => !v.idps.is_empty(),
            GuideSection::Costs => has_cost_facts(v),
            GuideSection::TeamSizes => !v.team_size_examples.is_empty(),
            GuideSection::Bundle => !v.bundle.items.is_empty(),
            GuideSection::Constraints => {
                !v.constraints.is_empty() || !v.scim.limitations.is_empty()
            }
            GuideSection::Spec => has_spec(v),
            GuideSection::Setup => !v.idp_setup.is_empty(),
            GuideSection::Admins => has_admin_reports(v),
            GuideSection::Discrepancies => has_discrepancies(v),
            GuideSection::Unknowns => v.is_partial() || v.is_index(),
        }
    }

    /// The sections `v` shows, in page order.
    pub fn of(v: &Vendor) -> Vec<GuideSection> {
        GuideSection::ALL
            .into_iter()
            .filter(|s| s.shown_for(v))
            .collect()
    }
}

fn has_admin_reports(v: &Vendor) -> bool {
    let a = &v.admin_reports;
    a.sentiment.is_some() || !a.themes.is_empty() || a.takeaway.is_some()
}

fn has_discrepancies(v: &Vendor) -> bool {
    !v.discrepancies.is_empty()
        || !v.source_disagreements.is_empty()
        || check_examples(v).iter().any(|c| c.has_error())
}

fn has_spec(v: &Vendor) -> bool {
    let s = &v.scim;
    s.version.is_some() || !s.operations.is_empty() || !s.prerequisites.is_empty()
}

fn has_cost_facts(v: &Vendor) -> bool {
    let c = &v.costs;
    c.implementation_fee.is_some()
        || c.renewal_increase_pct.is_some()
        || !c.contract_terms.is_empty()
        || !c.notes.is_empty()
}
