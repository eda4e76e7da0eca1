//! Quick facts, the identity-provider matrix and the technical specification.

use super::sections::GuideSection;
use crate::domain::cost::jump::price_jump;
use crate::domain::format;
use crate::domain::keys::Key;
use crate::domain::vendor::{Idp, IdpSupport, Tri, Vendor};
use crate::ui::components::badges::{ProvisioningBadge, TriBadge};
use crate::ui::components::layout::Section;
use crate::ui::components::lists::{BulletList, Fact};
use leptos::prelude::*;

fn join_or_none(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(", "))
}

#[component]
pub fn QuickFacts(v: Vendor) -> impl IntoView {
    let sso = match (v.sso.available, v.sso.protocols.is_empty()) {
        (Tri::Yes, false) => format!("Yes ({})", v.sso.protocols.join(", ")),
        (other, _) => other.label().to_string(),
    };
    let docs = match v.scim.vendor_docs {
        Tri::Yes => "Published by the vendor",
        Tri::No => "None published by the vendor",
        Tri::Unknown => "Not stated",
    };
    view! {
        <Section id=GuideSection::Facts.id() title="Quick facts".into()>
            <dl class="facts">
                <div class="fact">
                    <dt>"SCIM available"</dt>
                    <dd><TriBadge value=v.scim.available/></dd>
                </div>
                <Fact term="SCIM status" value=Some(crate::domain::status::ScimStatus::of(&v).label().to_string())/>
                <Fact term="Plan required for SCIM" value=v.scim.plan.clone()/>
                <Fact term="Price jump for SCIM" value=Some(format::price_jump(&price_jump(&v)))/>
                <div class="fact">
                    <dt>"SSO required before SCIM"</dt>
                    <dd><TriBadge value=v.scim.sso_required_first/></dd>
                </div>
                <Fact term="SSO available" value=Some(sso)/>
                <Fact term="Plan required for SSO" value=v.sso.plan.clone()/>
                <Fact term="SCIM version" value=v.scim.version.clone()/>
                <Fact term="Vendor SCIM documentation" value=Some(docs.to_string())/>
            </dl>
            {v.sso.note.clone().map(|n| view! { <p class="note">{n}</p> })}
        </Section>
    }
}

/// The four IdPs every buyer asks about come first, marked unknown when the source is
/// silent; any other IdP the source names follows.
fn matrix_rows(v: &Vendor) -> Vec<IdpSupport> {
    const MAIN: [Idp; 4] = [Idp::Okta, Idp::EntraId, Idp::GoogleWorkspace, Idp::Onelogin];
    let mut rows: Vec<IdpSupport> = MAIN
        .iter()
        .map(|&idp| {
            v.idp(idp).cloned().unwrap_or(IdpSupport {
                idp,
                sso: Tri::Unknown,
                provisioning: Default::default(),
                note: Some("Not mentioned by the source.".into()),
            })
        })
        .collect();
    rows.extend(v.idps.iter().filter(|s| !MAIN.contains(&s.idp)).cloned());
    rows
}

#[component]
pub fn IdpMatrix(v: Vendor) -> impl IntoView {
    let rows = matrix_rows(&v);
    view! {
        <Section id=GuideSection::Idp.id() title="Identity providers".into()>
            <p class="intro">
                "Which identity providers can sign users in (SSO) and which can really create, update and remove accounts (SCIM). "
                "Just-in-time means an account appears at first sign-in and is never updated or removed."
            </p>
            <div class="table-wrap">
                <table class="cards">
                    <thead>
                        <tr>
                            <th scope="col">"Identity provider"</th>
                            <th scope="col">"SSO"</th>
                            <th scope="col">"Provisioning"</th>
                            <th scope="col">"Note"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr data-idp=r.idp.key()>
                                <th scope="row" data-label="Identity provider">{r.idp.name()}</th>
                                <td data-label="SSO"><TriBadge value=r.sso/></td>
                                <td data-label="Provisioning"><ProvisioningBadge value=r.provisioning/></td>
                                <td data-label="Note">{r.note.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Section>
    }
}

#[component]
pub fn TechSpec(v: Vendor) -> impl IntoView {
    let s = v.scim;
    let prerequisites = if s.prerequisites.is_empty() {
        view! { <p>"None stated."</p> }.into_any()
    } else {
        view! { <BulletList items=s.prerequisites.clone()/> }.into_any()
    };
    view! {
        <Section id=GuideSection::Spec.id() title="Technical specification".into()>
            <dl class="facts">
                <Fact term="SCIM version" value=s.version.clone()/>
                <Fact term="Operations" value=join_or_none(&s.operations)/>
                <Fact
                    term="Attributes"
                    value=Some(join_or_none(&s.attributes).unwrap_or_else(|| "Not specified by the source".into()))
                />
                <Fact term="Plan requirement" value=s.plan.clone()/>
            </dl>
            <h3>"Prerequisites"</h3>
            {prerequisites}
        </Section>
    }
}
