//! `/api/cost`: the calculator's figures as JSON, from the same query parameters and the
//! same pure functions as the page.

use crate::domain::catalog::Catalog;
use crate::domain::cost::upgrade::{Costing, PriceSource};
use crate::domain::cost::Span;
use crate::domain::report::{evaluate, Report};
use crate::domain::scenario::{self, Issue};
use crate::domain::url::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// A span as JSON: an open end is `null` (JSON has no infinity).
#[derive(Serialize)]
struct JsonSpan {
    low: Option<f64>,
    high: Option<f64>,
    approx: bool,
    open_ended: bool,
}

fn span(s: Span) -> JsonSpan {
    let finite = |x: f64| x.is_finite().then_some(x);
    JsonSpan {
        low: finite(s.low),
        high: finite(s.high),
        approx: s.approx,
        open_ended: !s.low.is_finite() || !s.high.is_finite(),
    }
}

/// Where an annual figure comes from, or why there is none.
fn basis(c: &Costing) -> &'static str {
    match c {
        Costing::Known { basis, .. } => match basis {
            PriceSource::ListPrice => "list_price",
            PriceSource::Estimate => "estimate",
            PriceSource::YourQuote => "your_quote",
        },
        Costing::NeedsQuote => "needs_quote",
        Costing::OverFreeCap { .. } => "over_free_cap",
        Costing::Unknown => "unknown",
    }
}

fn error(status: StatusCode, message: &str, issues: &[Issue]) -> Response {
    (status, Json(json!({ "error": message, "issues": issues }))).into_response()
}

pub fn report_json(r: &Report, catalog: &Catalog) -> Value {
    let m = &r.manual;
    let upgrade = r.upgrade.as_ref().map(|u| {
        json!({
            "current_plan": u.current.plan,
            "current_basis": basis(&u.current.costing),
            "target_plan": u.target.as_ref().map(|t| t.plan.clone()),
            "target_basis": u.target.as_ref().map(|t| basis(&t.costing)),
            "annual_current": u.current.costing.annual().map(span),
            "annual_target": u.target.as_ref().and_then(|t| t.costing.annual()).map(span),
            "difference": u.difference.map(span),
            "multiple": u.multiple.map(span),
            "per_user": u.per_user.map(span),
            "implementation_fee": u.implementation_fee.map(span),
            "renewal_increase_pct": u.renewal_increase_pct,
            "years": u.years,
            "over_years": u.over_years.map(span),
        })
    });
    let verdict = r.verdict.as_ref().map(|v| {
        let vendor = r.scenario.vendor.as_deref().and_then(|s| catalog.vendor(s));
        let outcome = match &v.outcome {
            crate::domain::cost::verdict::Outcome::UpgradeCheaper { by } => {
                json!({ "outcome": "upgrade_cheaper", "by": span(*by) })
            }
            crate::domain::cost::verdict::Outcome::ManualCheaper { by } => {
                json!({ "outcome": "manual_cheaper", "by": span(*by) })
            }
            crate::domain::cost::verdict::Outcome::Depends { net } => {
                json!({ "outcome": "depends", "net_saving": span(*net) })
            }
            // Internally tagged: serialises as {"outcome": "unknown"} and so on.
            other => serde_json::to_value(other).unwrap_or(Value::Null),
        };
        json!({
            "result": outcome,
            "break_even": v.break_even,
            "decision_row": v.decision_row.and_then(|i| vendor?.decision.get(i).cloned()),
        })
    });
    json!({
        "vendor": r.scenario.vendor,
        "users": r.scenario.users,
        "inputs": { "manual": r.scenario.manual, "upgrade": r.scenario.upgrade },
        "query": r.scenario.to_query(),
        "orphaned_accounts": m.orphaned_accounts,
        "unused_licenses": m.unused_licenses,
        "it_hours": (m.it_hours * 100.0).round() / 100.0,
        "unused_license_cost": m.unused_license_cost,
        "it_labor_cost": m.it_labor_cost,
        "compliance_cost": m.compliance_cost,
        "total_annual_impact": m.total_annual_impact,
        "upgrade": upgrade,
        "verdict": verdict,
    })
}

pub async fn cost(catalog: Arc<Catalog>, query: Option<String>) -> Response {
    let (s, issues) = scenario::parse(&Query::parse(query.as_deref().unwrap_or("")));
    let vendor = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
    let report = evaluate(vendor, s, issues);
    if !report.issues.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "some inputs are invalid",
            &report.issues,
        );
    }
    Json(report_json(&report, &catalog)).into_response()
}

/// `/api/vendors`: every vendor, in the shape of its TOML file.
pub async fn vendors(catalog: Arc<Catalog>) -> Response {
    Json(&catalog.vendors).into_response()
}

/// `/api/vendors/{slug}`: one vendor, or 404 with a JSON error.
pub async fn vendor(catalog: Arc<Catalog>, slug: &str) -> Response {
    match catalog.vendor(slug) {
        Some(v) => Json(v).into_response(),
        None => error(
            StatusCode::NOT_FOUND,
            &format!(
                "no vendor `{}`; /api/vendors lists them all",
                crate::domain::format::echo(slug, 60)
            ),
            &[],
        ),
    }
}
