//! Step-by-step provisioning set-up, one block per identity provider.

use super::sections::GuideSection;
use crate::domain::keys::Key;
use crate::domain::vendor::{IdpSetup, Vendor};
use crate::ui::components::layout::Section;
use crate::ui::components::lists::{BulletList, Fact, StepList};
use leptos::prelude::*;

#[component]
fn IdpSetupBlock(s: IdpSetup) -> impl IntoView {
    let id = format!("setup-{}", s.idp.key().replace('_', "-"));
    view! {
        <div class="setup" id=id.clone()>
            <h3><a class="anchor" href=format!("#{id}")>{format!("Configure {}", s.idp.name())}</a></h3>
            <dl class="facts">
                <Fact term="Integration type" value=Some(s.integration.clone())/>
                <Fact term="Prerequisite" value=s.prerequisite.clone()/>
                <Fact term="Where to enable" value=s.where_to_enable.clone()/>
                <Fact term="Credentials" value=s.credentials.clone()/>
                <Fact term="Provisioning trigger" value=s.trigger.clone()/>
                <Fact term="Sync behaviour" value=s.sync.clone()/>
            </dl>
            {(!s.steps.is_empty()).then(|| view! { <h4>"Steps"</h4><StepList items=s.steps.clone()/> })}
            {(!s.notes.is_empty()).then(|| view! { <h4>"Notes"</h4><BulletList items=s.notes.clone()/> })}
        </div>
    }
}

#[component]
pub fn IdpSetupGuide(v: Vendor) -> impl IntoView {
    view! {
        <Section id=GuideSection::Setup.id() title="IdP configuration".into()>
            {v.idp_setup.into_iter().map(|s| view! { <IdpSetupBlock s/> }).collect_view()}
        </Section>
    }
}
