//! `/sources`: every dataset and every page the data comes from, with its licence, its
//! date and what we changed.

use crate::ui::components::badges::StaleBadge;
use crate::ui::components::layout::{LoadError, Loading, PageHeader, Section};
use crate::ui::components::lists::BulletList;
use crate::ui::components::sources::{DatedFact, LicenceFacts};
use crate::ui::dates;
use crate::ui::server_fns::{get_sources, SeedPage, SourcesData};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn SourcesPage() -> impl IntoView {
    view! {
        <Title text="Sources and licences"/>
        <Meta name="description" content="Every dataset and page SCIM Ledger's vendor data comes from, with its licence, its date and what we changed."/>
        <PageHeader
            title="Sources and licences"
            lede="Where every fact on this site comes from: the public datasets we read as they are published, and the pages our own vendor profiles are drawn from. Every sentence on the site is ours; figures are recomputed from the facts."
        />
        // No resource: the data is rendered here on the server and never sent again as JSON.
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match get_sources().await {
                    Ok(d) => view! { <Sources d/> }.into_any(),
                    Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sources(d: SourcesData) -> impl IntoView {
    let datasets = if d.datasets.is_empty() {
        view! { <p>"No dataset is loaded: every vendor comes from the pages below."</p> }.into_any()
    } else {
        d.datasets
            .into_iter()
            .map(|ds| {
                let r = ds.record;
                let commit_url = format!("{}/tree/{}", r.upstream.repository.trim_end_matches('/'), r.upstream.commit);
                let overlap = if ds.overlapping.is_empty() {
                    "none".to_string()
                } else {
                    ds.overlapping.join(", ")
                };
                view! {
                    <article class="dataset" data-dataset=ds.name.clone()>
                        <h3>
                            <a href=r.url.clone() rel="noopener noreferrer">{r.title.clone()}</a>
                            {format!(" ({}), {} release", r.publisher, r.dataset_date)}
                        </h3>
                        <p class="release-role">
                            {if ds.current {
                                "The current release: its rows are the index's vendors and facts on this site."
                            } else {
                                "An earlier release, kept for history: it adds no vendor; each vendor page shows what it said."
                            }}
                        </p>
                        <dl class="facts">
                            <LicenceFacts licence=r.licence.clone()/>
                            <DatedFact term="Dataset dated" date=r.dataset_date.clone()/>
                            <div class="fact"><dt>"Retrieved by us"</dt><dd>{dates::words(&r.retrieved)}</dd></div>
                            <div class="fact">
                                <dt>"Files"</dt>
                                <dd>
                                    {format!("{} from ", r.files.join(", "))}
                                    <a href=commit_url rel="noopener noreferrer">{format!("{} at {}", r.upstream.repository, r.upstream.commit.chars().take(12).collect::<String>())}</a>
                                    ", unchanged"
                                </dd>
                            </div>
                            <div class="fact">
                                <dt>"Rows"</dt>
                                <dd>{if ds.current {
                                    format!("{} rows: {} vendors added; also in our own profiles, which win: {overlap}", ds.rows, ds.added)
                                } else {
                                    format!("{} rows", ds.rows)
                                }}</dd>
                            </div>
                            <div class="fact">
                                <dt>"Prices"</dt>
                                <dd>{format!("{} read (or stating no price), {} kept as written because they cannot be read with certainty", ds.prices_read, ds.prices_text)}</dd>
                            </div>
                        </dl>
                        <h4>"What we change"</h4>
                        <BulletList items=r.changes/>
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <Section id="datasets" title="Datasets".into()>
            {datasets}
        </Section>
        <Section id="pages" title="Pages our own profiles are drawn from".into()>
            <p class="intro">"Each profile records the page it is drawn from and when we last checked it. We keep facts and figures, recompute every figure, and write every sentence ourselves."</p>
            <ul class="seed-pages">
                {d.pages.into_iter().map(|p| view! { <SeedItem p/> }).collect_view()}
            </ul>
        </Section>
    }
}

#[component]
fn SeedItem(p: SeedPage) -> impl IntoView {
    let stale = dates::is_stale(&p.last_checked);
    let updated = p
        .page_updated
        .as_deref()
        .map(|d| format!("page updated {}; ", dates::words(d)))
        .unwrap_or_default();
    view! {
        <li>
            <a href=p.url.clone() rel="noopener noreferrer">{p.title.clone()}</a>
            {format!(" ({}): {updated}last checked by us {}", p.publisher, dates::words(&p.last_checked))}
            {stale.then(|| view! { " " <StaleBadge/> })}
            ". For: "
            {p.vendors.into_iter().enumerate().map(|(i, (slug, name))| view! {
                {(i > 0).then_some(", ")}
                <A href=format!("/vendors/{slug}")>{name}</A>
            }).collect_view()}
        </li>
    }
}
