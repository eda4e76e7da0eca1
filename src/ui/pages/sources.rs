//! `/sources`: every dataset and every page the data comes from, with its licence, its
//! date and what we changed.

use crate::domain::catalog::Catalog;
use crate::domain::dataset::Dataset;
use crate::domain::routes::Route;
use crate::ui::components::badges::StaleBadge;
use crate::ui::components::layout::{PageHeader, Section};
use crate::ui::components::link_preview::PageText;
use crate::ui::components::lists::BulletList;
use crate::ui::components::sources::{DatedFact, LicenceFacts};
use crate::ui::dates;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::components::A;

/// A page one or more curated profiles are drawn from.
struct SeedPage {
    title: String,
    url: String,
    publisher: String,
    page_updated: Option<String>,
    /// The latest date we checked it for any of its vendors.
    last_checked: String,
    /// (slug, name) of the vendors drawn from it.
    vendors: Vec<(String, String)>,
}

struct SourcesData {
    datasets: Vec<Dataset>,
    pages: Vec<SeedPage>,
}

/// Our datasets and the pages our curated profiles are drawn from, one entry per page.
fn load(catalog: &Catalog) -> SourcesData {
    let mut pages: Vec<SeedPage> = Vec::new();
    for v in catalog.vendors.iter().filter(|v| !v.is_index()) {
        let s = &v.source;
        match pages.iter_mut().find(|p| p.url == s.url) {
            Some(p) => {
                p.vendors.push((v.slug.clone(), v.name.clone()));
                if s.last_checked > p.last_checked {
                    p.last_checked = s.last_checked.clone();
                }
            }
            None => pages.push(SeedPage {
                title: s.title.clone(),
                url: s.url.clone(),
                publisher: s.publisher.clone(),
                page_updated: s.page_updated.clone(),
                last_checked: s.last_checked.clone(),
                vendors: vec![(v.slug.clone(), v.name.clone())],
            }),
        }
    }
    pages.sort_by_key(|p| p.title.to_lowercase());
    SourcesData {
        datasets: catalog.datasets.clone(),
        pages,
    }
}

#[component]
pub fn SourcesPage() -> impl IntoView {
    view! {
        <PageText title="Sources and licences" description="Every dataset and page SCIM Ledger's vendor data comes from, with its licence, its date and what we changed."/>
        <PageHeader
            title="Sources and licences"
            lede="Where every fact on this site comes from: the public datasets we read as they are published, and the pages our own vendor profiles are drawn from. Every sentence on the site is ours; figures are recomputed from the facts."
        />
        <Sources d=load(&use_catalog())/>
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
                <A href=Route::Vendor.fill(&[&slug])>{name}</A>
            }).collect_view()}
        </li>
    }
}
