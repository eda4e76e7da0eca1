//! CSV downloads of the home table and of a comparison (server only). The rows come from
//! the same pure functions as the pages, so a download matches what the page shows.
//!
//! Money is a plain number with a currency column; a range is two numbers and an
//! open-ended price leaves the high end empty with `or_more` set. Text cells that a
//! spreadsheet would read as a formula are defused.

use crate::domain::catalog::Catalog;
use crate::domain::compare;
use crate::domain::cost::Span;
use crate::domain::issue::Issue;
use crate::domain::keys::{tag, Key};
use crate::domain::listing;
use crate::domain::listing::VendorRow;
use crate::domain::url::Query;
use crate::domain::vendor::{Figure, Price};
use crate::server::json_api::ApiError;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// One CSV text cell: defused against formula injection, quoted when needed.
pub fn text_cell(s: &str) -> String {
    // A leading = + - @ (or a tab or carriage return) makes spreadsheets evaluate the
    // cell; a leading apostrophe makes them show it as text.
    let defused = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A number cell: plain digits, empty for "none" or an open end.
fn num(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => crate::domain::format::plain((v * 100.0).round() / 100.0),
        _ => String::new(),
    }
}

fn flag(b: bool) -> String {
    if b {
        "true".into()
    } else {
        "false".into()
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.join(","));
        out.push_str("\r\n");
    }
    out
}

fn download(name: &str, body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The price columns: kind, basis, period, low, high, or_more, approx, then the seats the
/// price is reported for (scope_min, scope_max; empty where open or not stated).
fn price_cells(p: Option<&Price>) -> Vec<String> {
    let mut cells = figure_cells(p);
    let scope = p.and_then(Price::scope);
    let end = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    cells.push(end(scope.and_then(|s| s.min)));
    cells.push(end(scope.and_then(|s| s.max)));
    cells
}

/// The figure's columns of [`price_cells`]: `kind` is [`Price`]'s own (`none` where there
/// is no price), the figure's basis and period their serde names, as in the JSON.
fn figure_cells(p: Option<&Price>) -> Vec<String> {
    let kind = p.map_or_else(|| "none".to_string(), |p| tag(p, "kind"));
    let fig = |f: &Figure| {
        let (low, high) = match (f.amount, f.low, f.high) {
            (Some(a), _, _) => (Some(a), if f.or_more { None } else { Some(a) }),
            (None, l, h) => (l, h),
        };
        vec![
            kind.clone(),
            f.basis.key(),
            f.period.key(),
            num(low),
            num(high),
            flag(f.or_more),
            flag(f.approx),
        ]
    };
    let blank = || {
        vec![
            kind.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            flag(false),
            flag(false),
        ]
    };
    match p {
        Some(Price::Free { .. }) => {
            let mut c = blank();
            c[3] = "0".into();
            c[4] = "0".into();
            c
        }
        Some(Price::Stated { figure }) => fig(figure),
        // A price sold by quote has its estimate in the money columns, where there is one.
        Some(Price::Quote {
            estimate: Some(f), ..
        }) => fig(f),
        // The fee in the money columns; the users included and the price of each further
        // user in words, in `price_text`.
        Some(Price::Seats { fee, .. }) => fig(fee),
        None
        | Some(Price::Quote { estimate: None, .. })
        | Some(Price::Unknown)
        | Some(Price::Text { .. }) => blank(),
    }
}

pub const VENDOR_HEADER: &[&str] = &[
    "slug",
    "name",
    "category",
    "profile",
    "scim_status",
    "scim_plan",
    "price_kind",
    "price_basis",
    "price_period",
    "price_low",
    "price_high",
    "price_or_more",
    "price_approx",
    "price_scope_min",
    "price_scope_max",
    "currency",
    "sso_required_first",
    "scim_idps",
    "jit_idps",
    "last_checked",
    "possibly_out_of_date",
    "price_text",
    // The SCIM Tax Index's row, where the vendor has one (empty otherwise).
    "index_release",
    "index_category",
    "index_status",
    "index_status_prev",
    "index_scim_plan",
    "index_scim_price_text",
    "index_scim_price_per_user_month",
    "index_scim_price_check",
    "index_team_plan",
    "index_team_price_text",
    "index_team_price_per_user_month",
    "index_team_price_check",
    "index_price_multiplier",
    "index_sso_plan",
    "index_sso_price_per_user_month",
    "index_sso_required_for_scim",
    "index_scim_addon_price",
    "index_min_seats",
    "index_scim_create",
    "index_scim_update",
    "index_scim_deactivate",
    "index_scim_delete",
    "index_scim_groups",
    "index_idp_okta",
    "index_idp_entra_id",
    "index_idp_google_workspace",
    "index_idp_onelogin",
    "index_idp_jumpcloud",
    "index_generic_endpoint",
    "index_pricing_url",
    "index_docs_url",
    "index_confidence",
    "index_last_verified",
    "index_first_added",
];

/// The index's facts as cells, in `VENDOR_HEADER`'s order; "unknown" where the row is
/// silent, all empty where the vendor has no row.
fn index_cells(f: Option<&crate::domain::vendor::IndexFacts>) -> Vec<String> {
    let Some(f) = f else {
        let width = VENDOR_HEADER
            .iter()
            .filter(|h| h.starts_with("index_"))
            .count();
        return vec![String::new(); width];
    };
    let opt = |s: &Option<String>| text_cell(s.as_deref().unwrap_or(""));
    let route = |r: Option<crate::domain::vendor::IdpRoute>| r.map(|r| r.key()).unwrap_or_default();
    let mut cells = vec![
        text_cell(&f.release),
        text_cell(&f.category),
        f.status.key(),
        f.status_prev.map(|s| s.key()).unwrap_or_default(),
        opt(&f.scim_plan),
        text_cell(&f.scim_price.text),
        num(f.scim_price.per_user_month),
        f.scim_price.check.key(),
        opt(&f.team_plan),
        text_cell(&f.team_price.text),
        num(f.team_price.per_user_month),
        f.team_price.check.key(),
        num(f.price_multiplier),
        opt(&f.sso_plan),
        num(f.sso_price_per_user_month),
        f.sso_required_for_scim.key(),
        opt(&f.scim_addon_price),
        f.min_seats.map(|n| n.to_string()).unwrap_or_default(),
    ];
    cells.extend(f.operations.rows().iter().map(|(_, t)| t.key()));
    cells.extend(f.idps.rows().iter().map(|(_, r)| route(*r)));
    cells.push(f.idps.generic_endpoint.key());
    cells.push(text_cell(&f.pricing_url));
    cells.push(opt(&f.docs_url));
    cells.push(f.confidence.key());
    cells.push(text_cell(&f.last_verified));
    cells.push(text_cell(&f.first_added));
    cells
}

fn vendor_row(r: &VendorRow) -> Vec<String> {
    let idps = |v: &[crate::domain::vendor::Idp]| {
        text_cell(&v.iter().map(|i| i.key()).collect::<Vec<_>>().join(";"))
    };
    let mut cells = vec![
        text_cell(&r.slug),
        text_cell(&r.name),
        text_cell(r.category.as_deref().unwrap_or("")),
        r.profile.key(),
        r.status.key(),
        text_cell(r.scim_plan.as_deref().unwrap_or("")),
    ];
    cells.extend(price_cells(r.scim_plan_price.as_ref()));
    cells.push("USD".into());
    cells.push(r.sso_required_first.key());
    cells.push(idps(&r.scim_idps));
    cells.push(idps(&r.jit_idps));
    cells.push(text_cell(&r.last_checked));
    cells.push(r.stale.to_string());
    // A price we could not read is kept as the source writes it; a fee with users included
    // is put in words, which say what the money columns cannot.
    cells.push(match &r.scim_plan_price {
        Some(Price::Text { text }) => text_cell(text),
        Some(p @ Price::Seats { .. }) => text_cell(&crate::domain::format::price(p)),
        _ => String::new(),
    });
    cells.extend(index_cells(r.index.as_deref()));
    cells
}

/// `/vendors.csv?sort=…&idp=…`: the home table as the same query shows it.
/// `/vendors.csv?…`: the home table's rows, or the sort and filter values we could not use
/// (the page shows the same messages, with a 400 too).
pub fn vendors_csv_body(catalog: &Catalog, query: &Query) -> Result<String, Vec<Issue>> {
    let (mut q, mut issues) = listing::parse(query);
    let stale_before = crate::render::date::stale_before_today();
    let rows: Vec<VendorRow> = catalog
        .vendors
        .iter()
        .map(|v| VendorRow::of(v, &stale_before, &catalog.history))
        .collect();
    issues.extend(listing::drop_unknown(
        &mut q,
        &listing::categories(&rows),
        &listing::plan_names(&rows),
    ));
    if !issues.is_empty() {
        return Err(issues);
    }
    let rows = listing::apply(rows, &q);
    Ok(csv(VENDOR_HEADER, rows.iter().map(vendor_row).collect()))
}

/// Bad input as `/api/cost` answers it: 400 with the JSON error and every issue.
fn bad_input(issues: Vec<Issue>) -> Response {
    ApiError {
        error: "some inputs are invalid",
        issues: &issues,
    }
    .respond(StatusCode::BAD_REQUEST)
}

pub async fn vendors_csv(
    State(catalog): State<Arc<Catalog>>,
    RawQuery(query): RawQuery,
) -> Response {
    match vendors_csv_body(&catalog, &Query::parse(query.as_deref().unwrap_or(""))) {
        Ok(body) => download("scim-ledger-vendors.csv", body),
        Err(issues) => bad_input(issues),
    }
}

pub const COMPARE_HEADER: &[&str] = &[
    "slug",
    "name",
    "users",
    // The bottom line first: where the vendor stands (a key), the same in words, what its
    // SCIM plan costs a year at `users`, and how much more than the cheapest way.
    "bottom_line",
    "bottom_line_words",
    "scim_annual_low",
    "scim_annual_high",
    "scim_annual_or_more",
    "more_than_cheapest_low",
    "more_than_cheapest_high",
    "more_than_cheapest_or_more",
    "scim",
    "scim_plan",
    "sso_required_first",
    "scim_idps",
    "vendor_staff_needed",
    "needs_quote",
    "current_plan",
    "scim_extra_low",
    "scim_extra_high",
    "scim_extra_or_more",
    "manual_cost",
    "currency",
    "limitations",
    "last_checked",
    "source_url",
];

fn span_cells(s: Option<Span>) -> [String; 3] {
    match s {
        Some(s) => [
            num(Some(s.low)),
            num(Some(s.high)),
            flag(!s.high.is_finite()),
        ],
        None => [String::new(), String::new(), flag(false)],
    }
}

/// `/compare.csv?vendors=…&users=…`: one line per vendor.
/// The same checks as the page: unreadable names, unknown vendors, a bad team size.
pub fn compare_csv_body(catalog: &Catalog, query: &Query) -> Result<String, Vec<Issue>> {
    let sel = compare::parse(query);
    let mut issues = sel.issues.clone();
    issues.extend(
        sel.slugs
            .iter()
            .filter(|s| catalog.vendor(s).is_none())
            .map(|s| Issue::new(compare::VENDORS, format!("We have no vendor “{s}”."))),
    );
    if sel.slugs.is_empty() && issues.is_empty() {
        issues.push(Issue::new(
            compare::VENDORS,
            "Name vendors to compare: /compare.csv?vendors=mode,ironclad&users=120",
        ));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let columns: Vec<compare::Column> = sel
        .slugs
        .iter()
        .filter_map(|s| catalog.vendor(s))
        .map(|v| compare::column(v, sel.users, &sel.answers))
        .collect();
    let bottom = compare::bottom_line(&columns, sel.users);
    let rows = columns
        .into_iter()
        .zip(&bottom.standings)
        .enumerate()
        .map(|(i, (c, standing))| {
            let [low, high, open] = span_cells(c.upgrade.as_ref().and_then(|u| u.scim_extra));
            let [scim_low, scim_high, scim_open] =
                span_cells(standing.price.as_ref().ok().map(|p| p.annual));
            let [more_low, more_high, more_open] = span_cells(standing.more);
            vec![
                text_cell(&c.slug),
                text_cell(&c.name),
                sel.users.to_string(),
                standing.rank.key(),
                text_cell(&bottom.summary(i)),
                scim_low,
                scim_high,
                scim_open,
                more_low,
                more_high,
                more_open,
                c.scim.key(),
                text_cell(c.scim_plan.as_deref().unwrap_or("")),
                c.sso_required_first.key(),
                text_cell(
                    &c.idps
                        .iter()
                        .filter(|(_, _, p)| *p == crate::domain::vendor::Provisioning::Scim)
                        .map(|(i, _, _)| i.key())
                        .collect::<Vec<_>>()
                        .join(";"),
                ),
                c.vendor_enables.key(),
                flag(c.needs_quote),
                text_cell(
                    c.upgrade
                        .as_ref()
                        .map(|u| u.current.plan.as_str())
                        .unwrap_or(""),
                ),
                low,
                high,
                open,
                num(Some(c.manual_cost)),
                "USD".into(),
                text_cell(&c.limitations.join("; ")),
                text_cell(&c.last_checked),
                text_cell(&c.source_url),
            ]
        })
        .collect();
    Ok(csv(COMPARE_HEADER, rows))
}

pub async fn compare_csv(
    State(catalog): State<Arc<Catalog>>,
    RawQuery(query): RawQuery,
) -> Response {
    match compare_csv_body(&catalog, &Query::parse(query.as_deref().unwrap_or(""))) {
        Ok(body) => download("scim-ledger-comparison.csv", body),
        Err(issues) => bad_input(issues),
    }
}

pub const STACK_HEADER: &[&str] = &[
    "slug",
    "name",
    "seats",
    "scim_status",
    "current_plan",
    "scim_plan",
    "scim_extra",
    "scim_extra_low",
    "scim_extra_high",
    "scim_extra_or_more",
    "scim_extra_source",
    "manual_cost",
    "verdict",
    "currency",
];

/// `/stack.csv?apps=…`: one line per app, ranked as the page ranks them. `scim_extra` says
/// what the figures are, spelled as `/api/stack` spells
/// [`ScimExtra`](crate::domain::stack::totals::ScimExtra)'s `kind` (`known`, `quote`,
/// `out_of_scope`, `unknown`, `no_scim_plan`, `included`); only `known` has numbers, and
/// `scim_extra_source` (`list_price`, `estimate`, `your_quote`). The same checks as the page.
pub fn stack_csv_body(catalog: &Catalog, query: &Query) -> Result<String, Vec<Issue>> {
    use crate::domain::stack::report::{report, verdict_short};
    use crate::domain::stack::totals::ScimExtra;
    let r = report(catalog, query);
    let mut issues = r.issues.clone();
    if r.stack.apps.is_empty() && issues.is_empty() {
        issues.push(Issue::new(
            crate::domain::stack::input::APPS,
            "Name the apps of the stack: /stack.csv?apps=slack:250,mode:40",
        ));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let rows = r
        .totals
        .apps
        .iter()
        .map(|a| {
            let (span, source) = match &a.scim_extra {
                ScimExtra::Known { annual, source } => (Some(*annual), source.key()),
                _ => (None, String::new()),
            };
            let [low, high, open] = span_cells(span);
            vec![
                text_cell(&a.slug),
                text_cell(&a.name),
                a.seats.to_string(),
                a.status.key(),
                text_cell(a.current_plan.as_deref().unwrap_or("")),
                text_cell(a.scim_plan.as_deref().unwrap_or("")),
                tag(&a.scim_extra, "kind"),
                low,
                high,
                open,
                source,
                num(Some(a.manual.manual_cost)),
                text_cell(&verdict_short(&a.outcome, r.stack.years)),
                "USD".into(),
            ]
        })
        .collect();
    Ok(csv(STACK_HEADER, rows))
}

pub async fn stack_csv(State(catalog): State<Arc<Catalog>>, RawQuery(query): RawQuery) -> Response {
    match stack_csv_body(&catalog, &Query::parse(query.as_deref().unwrap_or(""))) {
        Ok(body) => download("scim-ledger-stack.csv", body),
        Err(issues) => bad_input(issues),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused_and_quoted() {
        assert_eq!(text_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(text_cell("plain"), "plain");
        assert_eq!(text_cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(num(Some(-5760.0)), "-5760");
        assert_eq!(num(Some(1234.567)), "1234.57");
        assert_eq!(num(Some(f64::INFINITY)), "");
        assert_eq!(num(None), "");
    }
}
