//! `/chart.svg?…`: the calculator's cost chart for a scenario, as an SVG image (server
//! only). The page arrives with its chart drawn; the calculator island fetches this address
//! for each new scenario, and a reader can save it. It reads the calculator's keys, so the
//! same query gives the same chart as the page.

use crate::domain::catalog::Catalog;
use crate::domain::chart::report_chart;
use crate::domain::report::evaluate;
use crate::domain::scenario;
use crate::domain::url::Query;
use crate::server::json_api::ApiError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub const CONTENT_TYPE: &str = "image/svg+xml; charset=utf-8";

/// The chart, or 400 with a JSON error naming the inputs that are invalid (as `/api/cost`).
pub async fn chart(catalog: Arc<Catalog>, query: Option<String>) -> Response {
    let (s, issues) = scenario::parse(&Query::parse(query.as_deref().unwrap_or("")));
    let vendor = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
    let report = evaluate(vendor, s, issues);
    if !report.issues.is_empty() {
        return ApiError {
            error: "some inputs are invalid",
            issues: &report.issues,
        }
        .respond(StatusCode::BAD_REQUEST);
    }
    (
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        report_chart(vendor, &report),
    )
        .into_response()
}
