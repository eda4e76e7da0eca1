//! `/changes.atom` and `/api/changes`: the changes page's list as a feed and as JSON, from
//! the same filters (`domain::changes::query`) and the same history.

use crate::domain::catalog::Catalog;
use crate::domain::changes::query::{self, ChangesQuery};
use crate::domain::changes::{ChangeKind, VendorHistory};
use crate::domain::issue::Issue;
use crate::domain::routes::Route;
use crate::domain::url::Query;
use crate::render::feed::{atom, FeedSite};
use crate::server::json_api::ApiError;
use crate::ui::components::layout::SiteOrigin;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The filters, or what is wrong with them.
fn filters(raw: Option<String>, catalog: &Catalog) -> Result<ChangesQuery, Vec<Issue>> {
    let (q, issues) = query::parse(
        &Query::parse(raw.as_deref().unwrap_or("")),
        &catalog.history,
    );
    if issues.is_empty() {
        Ok(q)
    } else {
        Err(issues)
    }
}

/// The 400 answer for filters that could not be read.
fn refused(issues: &[Issue]) -> Response {
    ApiError {
        error: "the filters could not be read",
        issues,
    }
    .respond(StatusCode::BAD_REQUEST)
}

/// `/changes.atom?kind=…&category=…`.
pub async fn feed(
    State(catalog): State<Arc<Catalog>>,
    origin: Option<Extension<SiteOrigin>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = match filters(raw, &catalog) {
        Ok(q) => q,
        Err(issues) => return refused(&issues),
    };
    let origin = origin.map(|Extension(o)| o.origin).unwrap_or_default();
    let rights: Vec<String> = catalog
        .datasets
        .iter()
        .filter(|d| d.current)
        .map(|d| format!("Includes data from {}.", d.record.licence.attribution))
        .collect();
    let has_page = |slug: &str| catalog.vendor(slug).is_some();
    let site = FeedSite {
        origin: &origin,
        has_page: &has_page,
        rights: &rights.join(" "),
        query: &q.encode(),
    };
    let body = atom(&catalog.history, &q.select(&catalog.history), &site);
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `/api/changes`: what the page lists, as data.
#[derive(Serialize)]
struct ChangesJson<'a> {
    /// The index's earlier and later release (`null` with fewer than two).
    releases: Option<Releases<'a>>,
    /// Vendors per kind of change, over every vendor (not only those the filters keep).
    counts: BTreeMap<ChangeKind, usize>,
    /// Vendors whose status differs between the two files.
    status_changes: usize,
    /// Vendors whose later row's own `status_prev` differs from its status.
    stated_status_changes: usize,
    /// Rows whose `status_prev` is not the earlier file's status.
    stated_prev_differs: usize,
    filters: &'a ChangesQuery,
    vendors: Vec<VendorJson<'a>>,
}

#[derive(Serialize)]
struct Releases<'a> {
    from: &'a str,
    to: &'a str,
}

#[derive(Serialize)]
struct VendorJson<'a> {
    kinds: Vec<ChangeKind>,
    /// Its page here; `null` for a vendor no longer in the index.
    page: Option<String>,
    #[serde(flatten)]
    history: &'a VendorHistory,
}

pub async fn json(State(catalog): State<Arc<Catalog>>, RawQuery(raw): RawQuery) -> Response {
    let q = match filters(raw, &catalog) {
        Ok(q) => q,
        Err(issues) => return refused(&issues),
    };
    let h = &catalog.history;
    let vendors = q
        .select(h)
        .into_iter()
        .map(|v| VendorJson {
            kinds: v.kinds(),
            page: catalog
                .vendor(&v.slug)
                .map(|_| Route::Vendor.fill(&[&v.slug])),
            history: v,
        })
        .collect();
    Json(ChangesJson {
        releases: h.releases.as_ref().map(|(from, to)| Releases { from, to }),
        counts: h.counts(),
        status_changes: h.status_changes(),
        stated_status_changes: h.stated_status_changes(),
        stated_prev_differs: h.stated_prev_differs(),
        filters: &q,
        vendors,
    })
    .into_response()
}
