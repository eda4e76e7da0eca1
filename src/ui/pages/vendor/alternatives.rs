//! A guide's "Alternatives" section: for a vendor that gates SCIM, lacks it or does not
//! say, the vendors of its category that include SCIM or sell it for less per user
//! (`domain::alternatives`), each with a comparison at the reader's team size.

use crate::domain::alternatives::Alternatives;
use crate::domain::categories;
use crate::domain::routes::Route;
use crate::domain::vendor::Vendor;
use crate::ui::components::layout::Section;
use crate::ui::components::scim_routes::{CompareWith, ScimRouteList};
use leptos::prelude::*;

use super::sections::GuideSection;

#[component]
pub fn AlternativesSection(v: Vendor, list: Alternatives, users: u32) -> impl IntoView {
    let Alternatives {
        category,
        offered,
        not_comparable,
        rule,
    } = list;
    let compare = CompareWith {
        slug: v.slug.clone(),
        name: v.name.clone(),
        users,
    };
    let body = match &category {
        None => view! {
            <p>"Neither our sources nor the SCIM Tax Index put this vendor in one of the index's categories, so there is no like-for-like vendor to offer."</p>
        }
        .into_any(),
        Some(name) => {
            let href = Route::Category.fill(&[&categories::slug(name)]);
            let none = offered.is_empty().then(|| {
                view! { <p>"No vendor of this category includes SCIM, or sells it for less per user, by the data we hold."</p> }
            });
            view! {
                <p class="intro">
                    "In the same category, "<a href=href>{name.clone()}</a>
                    ", these vendors include SCIM or sell it for less per user:"
                </p>
                {none}
                {(!offered.is_empty()).then(|| view! { <ScimRouteList items=offered compare=Some(compare)/> })}
                {not_comparable.map(|t| view! { <p class="note">{t}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <Section id=GuideSection::Alternatives.id() title=GuideSection::Alternatives.label().into()>
            {body}
            <p class="rule"><strong>"How they are picked: "</strong>{rule}</p>
        </Section>
    }
}
