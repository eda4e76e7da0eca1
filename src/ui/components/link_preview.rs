//! The link-preview tags every page carries: the Open Graph and Twitter image of the page's
//! card (`/og/…png`, drawn by `server::og_image`), and the card's size so a preview can be
//! laid out before the image arrives; and [`PageText`], the title and description a page
//! passes for its `<title>`, its description and the preview's text.
//!
//! Drawn once in the app shell rather than by each page: the card's address follows from
//! the page's own address (`domain::routes::card_address`), so no page can forget it or
//! point at another page's card.

use crate::domain::drawing::{CARD_HEIGHT, CARD_WIDTH};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The absolute address of this page's card. Preview crawlers need an absolute URL, so
/// without a configured public URL this uses the request's own origin: the crawler reached
/// the page there, so the card is there too (and the page cache keys pages by origin, so a
/// forged `Host` changes only the forger's own copy). Canonical links, in contrast, are
/// printed only for a configured URL (`layout::CanonicalLinks`).
fn card_address() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use crate::domain::routes;
        use crate::domain::url::Query;
        use crate::ui::components::layout::SiteOrigin;
        let parts = use_context::<axum::http::request::Parts>()?;
        let origin = use_context::<SiteOrigin>()?.origin;
        let query = Query::parse(parts.uri.query().unwrap_or(""));
        Some(format!(
            "{origin}{}",
            routes::card_address(parts.uri.path(), &query)
        ))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

#[component]
pub fn LinkPreview() -> impl IntoView {
    card_address().map(|image| {
        view! {
            <Meta property="og:type" content="website"/>
            <Meta property="og:site_name" content="SCIM Ledger"/>
            <Meta property="og:image" content=image.clone()/>
            <Meta property="og:image:type" content="image/png"/>
            <Meta property="og:image:width" content=CARD_WIDTH.to_string()/>
            <Meta property="og:image:height" content=CARD_HEIGHT.to_string()/>
            <Meta name="twitter:card" content="summary_large_image"/>
            <Meta name="twitter:image" content=image/>
        }
    })
}

/// A page's title and description, written once: in `<title>` (the app shell adds the site's
/// name; an empty title is the home page's, "SCIM Ledger" alone), the description meta, and
/// the link preview's text under both Open Graph's and X's names (X draws no large-image
/// card without a title). The card itself and `twitter:card` are [`LinkPreview`]'s.
#[component]
pub fn PageText(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    let preview = if title.is_empty() {
        "SCIM Ledger".to_string()
    } else {
        title.clone()
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=preview.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta name="twitter:title" content=preview/>
        <Meta name="twitter:description" content=description/>
    }
}
