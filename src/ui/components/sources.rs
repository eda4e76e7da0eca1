//! Where facts come from and where sources disagree: shared by every guide page.

use crate::domain::dataset::Licence;
use crate::domain::vendor::{Discrepancy, Reference, Source, SourceDisagreement};
use crate::ui::components::badges::StaleBadge;
use crate::ui::components::lists::Fact;
use crate::ui::dates;
use leptos::prelude::*;

/// Where a dataset and our profile differ: the fact, each side's value, source and date.
#[component]
pub fn SourceDisagreements(items: Vec<SourceDisagreement>) -> impl IntoView {
    view! {
        <div class="callout sources-disagree-list">
            <h3>"Sources disagree"</h3>
            <p>"A public dataset says otherwise than our profile on these facts. Our profile is what the rest of this page uses; check the vendor's own pages before you rely on either."</p>
            <div class="table-wrap">
                <table class="cards source-disagreements">
                    <thead>
                        <tr>
                            <th scope="col">"Fact"</th>
                            <th scope="col">"Our profile says"</th>
                            <th scope="col">"The dataset says"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {items.into_iter().map(|d| {
                            use crate::domain::keys::Key;
                            let side = |c: crate::domain::vendor::Claimed| view! {
                                <strong>{c.value}</strong>
                                <span class="sub">
                                    <a href=c.url rel="noopener noreferrer">{c.source}</a>
                                    {format!(", {}", dates::words(&c.date))}
                                </span>
                            };
                            view! {
                                <tr data-topic=d.topic.key()>
                                    <th scope="row" data-label="Fact">{d.topic.label()}</th>
                                    <td data-label="Our profile says">{side(d.ours)}</td>
                                    <td data-label="The dataset says">{side(d.theirs)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// The "Source" fact: the title as a link, then the publisher and `what` follows it.
#[component]
fn SourceFact(source: Source, #[prop(optional)] what: &'static str) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>"Source"</dt>
            <dd>
                <a href=source.url.clone() rel="noopener noreferrer">{source.title.clone()}</a>
                {format!(" ({}){what}", source.publisher)}
            </dd>
        </div>
    }
}

/// A date fact, marked "possibly out of date" after six months (`domain::freshness`).
#[component]
pub fn DatedFact(term: &'static str, date: String) -> impl IntoView {
    let stale = dates::is_stale(&date);
    view! {
        <div class="fact">
            <dt>{term}</dt>
            <dd>
                <time datetime=date.clone()>{dates::words(&date)}</time>
                {stale.then(|| view! { " " <StaleBadge/> })}
            </dd>
        </div>
    }
}

/// A dataset's licence and the credit line it asks for.
#[component]
pub fn LicenceFacts(licence: Licence) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>"Licence"</dt>
            <dd><a href=licence.url rel="license noopener noreferrer">{licence.name}</a></dd>
        </div>
        <div class="fact">
            <dt>"Attribution"</dt>
            <dd class="attribution">{licence.attribution}</dd>
        </div>
    }
}

/// For a vendor from a dataset: the dataset, its date, its licence and the credit line.
#[component]
pub fn DatasetFacts(source: Source) -> impl IntoView {
    let licence = source.licence.clone();
    let dated = source.last_checked.clone();
    view! {
        <dl class="facts">
            <SourceFact source what=", a public dataset"/>
            <DatedFact term="Dataset dated" date=dated/>
            {licence.map(|licence| view! { <LicenceFacts licence/> })}
            <div class="fact">
                <dt>"All sources"</dt>
                <dd><a href=crate::domain::routes::Route::Sources.path()>"Every dataset and page we draw on"</a></dd>
            </div>
        </dl>
    }
}

/// Further pages behind a guide: each title linked (our own pages without `rel`), then
/// what the page tells us.
#[component]
pub fn ReferenceList(heading: &'static str, items: Vec<Reference>) -> impl IntoView {
    view! {
        <h3>{heading}</h3>
        <ul class="references">
            {items.into_iter().map(|r| {
                let title = match r.url {
                    Some(url) if url.starts_with('/') => view! { <a href=url>{r.title}</a> }.into_any(),
                    Some(url) => view! { <a href=url rel="noopener noreferrer">{r.title}</a> }.into_any(),
                    None => view! { <span>{r.title}</span> }.into_any(),
                };
                view! { <li>{title}": "{r.fact}</li> }
            }).collect_view()}
        </ul>
    }
}

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
    let checked = source.last_checked.clone();
    let updated = source
        .page_updated
        .as_deref()
        .map(dates::words)
        .unwrap_or_else(|| "Not stated on the page".into());
    view! {
        <dl class="facts">
            <SourceFact source/>
            <Fact term="Page last updated" value=Some(updated)/>
            <DatedFact term="Last checked by us" date=checked/>
        </dl>
    }
}
