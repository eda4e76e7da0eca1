//! Where facts come from and where sources disagree: shared by every guide page.

use crate::domain::format;
use crate::domain::vendor::{Discrepancy, Source};
use crate::ui::components::lists::Fact;
use leptos::prelude::*;

#[component]
pub fn DiscrepancyList(items: Vec<Discrepancy>) -> impl IntoView {
    view! {
        <ul class="discrepancies">
            {items.into_iter().map(|d| view! {
                <li>
                    <h3>{d.topic}</h3>
                    <p><span class="label">"Says: "</span>{d.claim}</p>
                    <p><span class="label">"But: "</span>{d.conflict}</p>
                    {d.resolution.map(|r| view! { <p><span class="label">"Here: "</span>{r}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Source title and link, the page's own date and the date we last checked it.
#[component]
pub fn SourceFacts(source: Source) -> impl IntoView {
    let updated = source
        .page_updated
        .as_deref()
        .map(format::date)
        .unwrap_or_else(|| "Not stated on the page".into());
    view! {
        <dl class="facts">
            <div class="fact">
                <dt>"Source"</dt>
                <dd>
                    <a href=source.url.clone() rel="noopener noreferrer">{source.title.clone()}</a>
                    {format!(" ({})", source.publisher)}
                </dd>
            </div>
            <Fact term="Page last updated" value=Some(updated)/>
            <div class="fact">
                <dt>"Last checked by us"</dt>
                <dd><time datetime=source.last_checked.clone()>{format::date(&source.last_checked)}</time></dd>
            </div>
        </dl>
    }
}
