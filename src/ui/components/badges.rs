//! Yes / no / unknown markers. Colour is never the only signal: each badge has a word.

use crate::domain::vendor::{Provisioning, ScimStatus, Tri};
use leptos::prelude::*;

#[component]
pub fn TriBadge(value: Tri) -> impl IntoView {
    let class = match value {
        Tri::Yes => "badge yes",
        Tri::No => "badge no",
        Tri::Unknown => "badge unknown",
    };
    view! { <span class=class>{value.label()}</span> }
}

#[component]
pub fn ProvisioningBadge(value: Provisioning) -> impl IntoView {
    let class = match value {
        Provisioning::Scim => "badge yes",
        Provisioning::Jit => "badge partial",
        Provisioning::No => "badge no",
        Provisioning::Unknown => "badge unknown",
    };
    view! { <span class=class>{value.label()}</span> }
}

/// A vendor known only from one row of a public dataset.
#[component]
pub fn IndexBadge() -> impl IntoView {
    view! {
        <span class="badge partial" title="Known only from one row of a public dataset">
            "Index entry"
        </span>
    }
}

/// Facts last verified more than six months ago (`domain::freshness`).
#[component]
pub fn StaleBadge() -> impl IntoView {
    view! {
        <span class="badge unknown stale" title="Last verified more than six months ago">
            "Possibly out of date"
        </span>
    }
}

#[component]
pub fn PartialBadge() -> impl IntoView {
    view! {
        <span class="badge partial" title="Known only from a short summary on another vendor's page">
            "Partial profile"
        </span>
    }
}

/// A vendor's SCIM status; "no SCIM tax" reads as good news, "gated" as the tax itself.
#[component]
pub fn StatusBadge(value: ScimStatus) -> impl IntoView {
    let class = match value {
        ScimStatus::Free => "badge yes",
        ScimStatus::Gated => "badge no",
        ScimStatus::Partial => "badge partial",
        ScimStatus::None => "badge no",
        ScimStatus::Unknown => "badge unknown",
    };
    view! { <span class=class>{value.label()}</span> }
}
