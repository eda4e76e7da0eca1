//! `/api/cost`: the calculator's figures as JSON, from the same query parameters and the
//! same pure functions as the page.

use crate::domain::catalog::Catalog;
use crate::domain::cost::manual::ManualInputs;
use crate::domain::cost::upgrade::UpgradeInputs;
use crate::domain::cost::verdict::{BreakEven, Outcome};
use crate::domain::cost::{PlanCost, SeatSource, Span};
use crate::domain::issue::Issue;
use crate::domain::keys::{tag, Key};
use crate::domain::recommendation::{advise, conflict_sentence, Ground};
use crate::domain::report::{evaluate, ScenarioReport};
use crate::domain::scenario;
use crate::domain::url::Query;
use crate::domain::vendor::{Action, DecisionRow, PercentRange, Scope, Vendor};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::sync::Arc;

/// Every JSON error: a sentence, and the inputs at fault (empty when none).
#[derive(Serialize)]
pub struct ApiError<'a> {
    pub error: &'a str,
    pub issues: &'a [Issue],
}

impl ApiError<'_> {
    pub fn respond(self, status: StatusCode) -> Response {
        (status, Json(self)).into_response()
    }
}

/// `/api/cost`: the scenario as understood, the manual cost, the upgrade and the verdict.
#[derive(Serialize)]
pub struct CostResponse<'a> {
    pub vendor: Option<&'a str>,
    pub users: u32,
    pub inputs: Inputs<'a>,
    /// The scenario as a query string: only what differs from the defaults.
    pub query: String,
    pub orphaned_accounts: u64,
    pub unused_licenses: u64,
    /// Rounded to hundredths.
    pub it_hours: f64,
    pub unused_license_cost: f64,
    pub it_labor_cost: f64,
    pub compliance_cost: f64,
    /// Staying manual, a year: the three costs above together.
    pub manual_cost: f64,
    /// Where `inputs.manual.seat_price_monthly` comes from (`given`, `plan`, `default`).
    pub seat_source: &'a SeatSource,
    /// `null` without a vendor, or when the vendor lists no plans.
    pub upgrade: Option<UpgradeJson<'a>>,
    pub verdict: Option<VerdictJson<'a>>,
    /// What every page advises for this address (`recommendation::advise`).
    pub advice: AdviceJson<'a>,
}

/// The advice: the action, the decision-table row behind it, what decided it, and where
/// the row and the figures disagree, the page's sentence saying so.
#[derive(Serialize)]
pub struct AdviceJson<'a> {
    pub action: Option<Action>,
    pub decision_row: Option<&'a DecisionRow>,
    pub ground: Ground,
    pub conflict: Option<String>,
}

#[derive(Serialize)]
pub struct Inputs<'a> {
    pub manual: &'a ManualInputs,
    pub upgrade: &'a UpgradeInputs,
}

/// Where a plan's yearly figure comes from, its [`PriceSource`](crate::domain::cost::PriceSource)
/// (`list_price`, `estimate`, `your_quote`); without a figure, why: its [`PlanCost`] `kind`
/// (`quote`, `out_of_scope`, `over_free_cap`, `over_stated_seats`, `unknown`). Both as
/// serde spells them. `out_of_scope` is a price reported for other team sizes
/// (`current_scope`, `scim_scope`): as with `quote`, the reader's quote (`quote=`,
/// `current_quote=`) prices it.
fn source(c: &PlanCost) -> String {
    match c {
        PlanCost::Known { source, .. } => source.key(),
        other => tag(other, "kind"),
    }
}

/// The upgrade: the current plan and the plan that unlocks SCIM, each with its yearly
/// cost, and what SCIM adds. Amounts are spans (an open end is `null`).
#[derive(Serialize)]
pub struct UpgradeJson<'a> {
    pub current_plan: &'a str,
    pub current_source: String,
    pub scim_plan: Option<&'a str>,
    pub scim_source: Option<String>,
    /// The seats each plan's price is reported for (`{"min":50,"max":100}`, an open end
    /// `null`), where the source says; `null` otherwise.
    pub current_scope: Option<Scope>,
    pub scim_scope: Option<Scope>,
    pub current_annual: Option<Span>,
    pub scim_annual: Option<Span>,
    pub scim_extra: Option<Span>,
    pub multiple: Option<Span>,
    pub per_user: Option<Span>,
    pub implementation_fee: Option<Span>,
    pub renewal_increase_pct: Option<&'a PercentRange>,
    pub years: u32,
    pub over_years: Option<Span>,
}

#[derive(Serialize)]
pub struct VerdictJson<'a> {
    pub result: &'a Outcome,
    pub break_even: Option<&'a BreakEven>,
    /// The vendor's decision-table row that points the same way.
    pub decision_row: Option<&'a DecisionRow>,
}

pub fn report_json<'a>(r: &'a ScenarioReport, catalog: &'a Catalog) -> CostResponse<'a> {
    let m = &r.manual;
    let upgrade = r.upgrade.as_ref().map(|u| UpgradeJson {
        current_plan: &u.current.plan,
        current_source: source(&u.current.cost),
        scim_plan: u.scim.as_ref().map(|t| t.plan.as_str()),
        scim_source: u.scim.as_ref().map(|t| source(&t.cost)),
        current_scope: u.current.scope,
        scim_scope: u.scim.as_ref().and_then(|t| t.scope),
        current_annual: u.current.cost.annual(),
        scim_annual: u.scim.as_ref().and_then(|t| t.cost.annual()),
        scim_extra: u.scim_extra,
        multiple: u.multiple,
        per_user: u.per_user,
        implementation_fee: u.implementation_fee,
        renewal_increase_pct: u.renewal_increase_pct.as_ref(),
        years: u.years,
        over_years: u.over_years,
    });
    let vendor = r.scenario.vendor.as_deref().and_then(|s| catalog.vendor(s));
    let rec = advise(vendor, r);
    let advice = AdviceJson {
        action: rec.action,
        decision_row: rec.row.and_then(|i| vendor?.decision.get(i)),
        ground: rec.ground,
        conflict: rec
            .conflict
            .zip(vendor)
            .map(|(c, v)| conflict_sentence(&c, v, r)),
    };
    let verdict = r.verdict.as_ref().map(|v| VerdictJson {
        result: &v.outcome,
        break_even: v.break_even.as_ref(),
        decision_row: v.decision_row.and_then(|i| vendor?.decision.get(i)),
    });
    CostResponse {
        vendor: r.scenario.vendor.as_deref(),
        users: r.scenario.users,
        inputs: Inputs {
            manual: &r.scenario.manual,
            upgrade: &r.scenario.upgrade,
        },
        query: r.scenario.to_query(),
        orphaned_accounts: m.orphaned_accounts,
        unused_licenses: m.unused_licenses,
        it_hours: (m.it_hours * 100.0).round() / 100.0,
        unused_license_cost: m.unused_license_cost,
        it_labor_cost: m.it_labor_cost,
        compliance_cost: m.compliance_cost,
        manual_cost: m.manual_cost,
        seat_source: &r.seat_source,
        upgrade,
        verdict,
        advice,
    }
}

/// Answers with `answer` for the calculator scenario a query names, evaluated against its
/// vendor; or with the 400 (JSON) that lists its invalid inputs. Shared by `/api/cost` and
/// `/chart.svg`.
pub fn for_scenario(
    catalog: &Catalog,
    query: Option<&str>,
    answer: impl FnOnce(Option<&Vendor>, &ScenarioReport) -> Response,
) -> Response {
    let (s, issues) = scenario::parse(&Query::parse(query.unwrap_or("")));
    let vendor = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
    let report = evaluate(vendor, s, issues);
    if !report.issues.is_empty() {
        return ApiError {
            error: "some inputs are invalid",
            issues: &report.issues,
        }
        .respond(StatusCode::BAD_REQUEST);
    }
    answer(vendor, &report)
}

pub async fn cost(State(catalog): State<Arc<Catalog>>, RawQuery(query): RawQuery) -> Response {
    for_scenario(&catalog, query.as_deref(), |_, report| {
        Json(report_json(report, &catalog)).into_response()
    })
}

/// `/api/vendors`: every vendor, in the shape of its TOML file.
pub async fn vendors(State(catalog): State<Arc<Catalog>>) -> Response {
    Json(&catalog.vendors).into_response()
}

/// One vendor as `/api/vendors/{slug}` answers it: its facts, and the alternatives its
/// guide offers (`null` where it includes SCIM or offers it only in part).
#[derive(serde::Serialize)]
struct VendorAnswer<'a> {
    #[serde(flatten)]
    vendor: &'a crate::domain::vendor::Vendor,
    alternatives: Option<crate::domain::alternatives::Alternatives>,
}

/// `/api/vendors/{slug}`: one vendor with its alternatives, or 404 with a JSON error.
/// A slug that is not UTF-8 gets the same JSON error as an unknown one.
pub async fn vendor(
    State(catalog): State<Arc<Catalog>>,
    slug: Result<Path<String>, PathRejection>,
) -> Response {
    let slug = slug.map(|Path(s)| s).unwrap_or_default();
    let slug = slug.as_str();
    match catalog.vendor(slug) {
        Some(v) => {
            use crate::domain::alternatives::{alternatives, applies};
            Json(VendorAnswer {
                vendor: v,
                alternatives: applies(v).then(|| alternatives(v, &catalog.vendors)),
            })
            .into_response()
        }
        None => ApiError {
            error: &format!(
                "no vendor `{}`; /api/vendors lists them all",
                crate::domain::format::echo(slug, 60)
            ),
            issues: &[],
        }
        .respond(StatusCode::NOT_FOUND),
    }
}

/// `/api/vendor-search?q=…`: the vendors whose names fit `q`, best first (at most
/// [`SUGGESTED`](vendor_search::SUGGESTED)), each with its slug, name and SCIM status, and
/// how many match in all; what the vendor picker suggests as the reader types. 400 with a
/// JSON error when `q` is missing or has nothing to search for, or is over
/// [`MAX_TEXT`](vendor_search::MAX_TEXT) characters.
pub async fn vendor_search(
    State(catalog): State<Arc<Catalog>>,
    RawQuery(query): RawQuery,
) -> Response {
    use crate::domain::vendor_search::{self, ENDPOINT_SEARCH, SUGGESTED};
    let q = Query::parse(query.as_deref().unwrap_or(""));
    let refuse = |message: String| {
        let issues = [Issue::new(ENDPOINT_SEARCH, message)];
        ApiError {
            error:
                "give part of a vendor's name to search for as q, e.g. /api/vendor-search?q=slack",
            issues: &issues,
        }
        .respond(StatusCode::BAD_REQUEST)
    };
    match vendor_search::read(q.get(ENDPOINT_SEARCH)) {
        (Some(text), None) => {
            Json(vendor_search::find(&catalog.vendors, &text, SUGGESTED)).into_response()
        }
        (_, Some(issue)) => refuse(issue),
        (None, None) => refuse("q is missing or empty.".to_string()),
    }
}

/// `/api/stack`: the stack page's answer as JSON. Amounts are US dollars a year; an open
/// end of a range is `null`.
#[derive(Serialize)]
pub struct StackResponse<'a> {
    /// The stack as a query string: only what differs from the defaults.
    pub query: String,
    pub currency: &'static str,
    #[serde(flatten)]
    pub report: &'a crate::domain::stack::report::StackReport,
}

fn stack_answer(catalog: &Catalog, q: &Query) -> Response {
    let report = crate::domain::stack::report::report(catalog, q);
    if report.is_bad_input() {
        return ApiError {
            error: "some inputs are invalid",
            issues: &report.issues,
        }
        .respond(StatusCode::BAD_REQUEST);
    }
    Json(StackResponse {
        query: report.stack.to_query(),
        currency: "USD",
        report: &report,
    })
    .into_response()
}

/// `GET /api/stack?apps=slack:250,mode:40&…`.
pub async fn stack(State(catalog): State<Arc<Catalog>>, RawQuery(query): RawQuery) -> Response {
    stack_answer(&catalog, &Query::parse(query.as_deref().unwrap_or("")))
}

/// `POST /api/stack?…` with a list or an export as the body (plain text or CSV): read as
/// the page reads a pasted list, on top of the stack in the address.
pub async fn stack_list(
    State(catalog): State<Arc<Catalog>>,
    RawQuery(query): RawQuery,
    req: axum::extract::Request,
) -> Response {
    use crate::domain::stack::{list, report::LIST};
    let Ok(body) = axum::body::to_bytes(req.into_body(), list::MAX_BYTES).await else {
        return ApiError {
            error: &format!(
                "the body is larger than {} KiB; send at most that much at a time",
                list::MAX_BYTES / 1024
            ),
            issues: &[],
        }
        .respond(StatusCode::PAYLOAD_TOO_LARGE);
    };
    let q = Query::parse(query.as_deref().unwrap_or(""));
    let mut pairs: Vec<(String, String)> = q.foreign(&[LIST]);
    pairs.push((LIST.into(), String::from_utf8_lossy(&body).into_owned()));
    stack_answer(&catalog, &Query::from_pairs(pairs))
}
