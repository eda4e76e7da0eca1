//! `/chart.svg?…`: the calculator's cost chart for a scenario, as an SVG image (server
//! only). The page arrives with its chart drawn; the calculator island fetches this address
//! for each new scenario, and a reader can save it. It reads the calculator's keys, so the
//! same query gives the same chart as the page.

use crate::domain::catalog::Catalog;
use crate::render::chart::report_chart;
use crate::server::json_api::for_scenario;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub const CONTENT_TYPE: &str = "image/svg+xml; charset=utf-8";

/// The chart, or 400 with a JSON error naming the inputs that are invalid (as `/api/cost`).
pub async fn chart(State(catalog): State<Arc<Catalog>>, RawQuery(query): RawQuery) -> Response {
    for_scenario(&catalog, query.as_deref(), |vendor, report| {
        (
            [(header::CONTENT_TYPE, CONTENT_TYPE)],
            report_chart(vendor, report),
        )
            .into_response()
    })
}
