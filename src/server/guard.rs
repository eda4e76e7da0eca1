//! Requests turned away before a handler sees them, each with a clear status and a short
//! message of our own: no handler's internal error text reaches a client.

use crate::domain::routes;
use crate::domain::url::Query;
use crate::server::json_api::ApiError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::uri::{PathAndQuery, Uri};
use axum::http::{header, StatusCode};
use axum::response::Response;

/// A JSON error (the shape of every `/api/` error) with `status`.
fn api_error(status: StatusCode, message: &str) -> Response {
    ApiError {
        error: message,
        issues: &[],
    }
    .respond(status)
}

/// 405 for a method other than GET or HEAD on a static file or an unknown path.
pub fn method_not_allowed() -> Response {
    let mut res = Response::new(Body::from("405: only GET and HEAD are allowed here\n"));
    *res.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    res.headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

/// The longest request target (path and query) served; longer gets 414. Every link the
/// site makes is far shorter (a full calculator scenario is about 300 bytes).
pub const MAX_URL_BYTES: usize = 4096;

/// The longest stack address (`/stack`, its CSV, JSON and card): a stack of the most apps
/// it holds, 500, with short plan names, or a stack with lines of a list still to settle.
pub const MAX_STACK_URL_BYTES: usize = 16 * 1024;

/// The most request headers served, and the most bytes they take together; more gets 431.
/// A browser sends about 20 headers and a few KiB (no cookies here). hyper's own limits are
/// set above these (`listen`), so this answer, in the route's format, is the one sent.
pub const MAX_HEADERS: usize = 100;
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// The most query parameters served; more gets 400. A guide's two forms together read
/// fewer than 30.
pub const MAX_QUERY_PARAMS: usize = 64;

/// 414 for a URL over [`MAX_URL_BYTES`], 431 for headers over [`MAX_HEADERS`] or
/// [`MAX_HEADER_BYTES`], 400 for a target that is not a path, or one with
/// over [`MAX_QUERY_PARAMS`] parameters or with dot segments, 308 to drop a trailing slash,
/// 404 for TypeScript declarations (before the cache or any handler spends work on it).
pub fn turned_away(req: &Request, stylesheet: &str) -> Option<Response> {
    let uri = req.uri();
    let target = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    let path = uri.path();
    let limit = if routes::long_address(path) {
        MAX_STACK_URL_BYTES
    } else {
        MAX_URL_BYTES
    };
    if target.len() > limit {
        return Some(refuse(
            path,
            stylesheet,
            StatusCode::URI_TOO_LONG,
            "Address too long",
            &format!(
                "This address is longer than {} characters, more than any link of ours.",
                crate::domain::format::group_thousands(limit as u64)
            ),
        ));
    }
    let headers = req.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return Some(refuse(
            path,
            stylesheet,
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request headers too large",
            "This request carries more headers than any browser sends (at most 100, and 32 KiB in all).",
        ));
    }
    // Only origin-form targets (`/path?query`) name a page: not `*` (OPTIONS, once the home
    // page as a 404) nor `host:port` (CONNECT). Absolute-form targets have a path too.
    if !path.starts_with('/') {
        return Some(refuse(
            "/",
            stylesheet,
            StatusCode::BAD_REQUEST,
            "Bad address",
            "This request names no page; our addresses start with “/”.",
        ));
    }
    // `..` and `.` segments name nothing here (hyper passes them on as sent).
    if path.split('/').any(|s| s == ".." || s == ".") {
        return Some(refuse(
            path,
            stylesheet,
            StatusCode::BAD_REQUEST,
            "Bad address",
            "This address has a “.” or “..” segment; our addresses never do.",
        ));
    }
    if let Some(res) = without_trailing_slash(uri) {
        return Some(res);
    }
    // wasm-bindgen's TypeScript declarations sit beside the bundle but are not part of
    // the site (and a `.ts` ending would be served as video). Fingerprinted, they are
    // named `scim-ledger.d.<hash>.ts`.
    if path.ends_with(".ts") {
        return Some(refuse(
            path,
            stylesheet,
            StatusCode::NOT_FOUND,
            "Page not found",
            "There is no page at this address.",
        ));
    }
    let params = uri
        .query()
        .map_or(0, |q| q.split('&').filter(|p| !p.is_empty()).count());
    if params > MAX_QUERY_PARAMS {
        return Some(refuse(
            path,
            stylesheet,
            StatusCode::BAD_REQUEST,
            "Too many parameters",
            "This address has more than 64 query parameters, more than any form of ours sends.",
        ));
    }
    None
}

/// One address per page: `/vendors/mode/` answers 308 with the address without its trailing
/// slashes, query kept (it once rendered the whole page afresh as a 404). A body says so in a
/// line, since a client may show it.
fn without_trailing_slash(uri: &Uri) -> Option<Response> {
    let path = uri.path();
    if path.len() < 2 || !path.ends_with('/') {
        return None;
    }
    // Leading slashes and backslashes collapse to one slash, so `//other.example/` stays on
    // this site (`//other.example` would be another site's address to a browser).
    let bare = path.trim_end_matches('/').trim_start_matches(['/', '\\']);
    let location = match uri.query() {
        Some(q) => format!("/{bare}?{q}"),
        None => format!("/{bare}"),
    };
    let location = header::HeaderValue::from_str(&location).ok()?;
    let mut res = Response::new(Body::from(
        "308: this page is at the same address without the trailing slash\n",
    ));
    *res.status_mut() = StatusCode::PERMANENT_REDIRECT;
    let headers = res.headers_mut();
    headers.insert(header::LOCATION, location);
    headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Some(res)
}

/// Rewrites the request to its canonical address: only the query keys its path reads, once
/// each (the last value), in a fixed order (`domain::routes`). Anything else a URL carries is
/// dropped here, so no page echoes it and no junk parameter makes a cache entry of its own.
pub fn canonicalize(req: &mut Request) {
    let uri = req.uri();
    let Some(query) = uri.query() else {
        return;
    };
    let path = uri.path();
    let canonical = routes::canonical(path, &Query::parse(query)).to_string();
    let target = if canonical.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{canonical}")
    };
    let mut parts = uri.clone().into_parts();
    // The target is our own encoding of a valid path and query, so it always parses.
    if let Ok(pq) = target.parse::<PathAndQuery>() {
        parts.path_and_query = Some(pq);
        if let Ok(uri) = Uri::from_parts(parts) {
            *req.uri_mut() = uri;
        }
    }
}

/// A refusal: JSON for the data routes (`routes::Answer::Data`), else a page like the 404
/// page.
/// `title` and `message` are our own text (never echoed input): they are not escaped.
pub fn refuse(
    path: &str,
    stylesheet: &str,
    status: StatusCode,
    title: &str,
    message: &str,
) -> Response {
    if routes::answer(path) == routes::Answer::Data {
        return api_error(status, message);
    }
    // The site's 404 page (ui::pages::not_found) without rendering the app for it.
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\
         <title>{title} · SCIM Ledger</title><meta name=\"robots\" content=\"noindex\"></head>\
         <body><header class=\"site-header\"><nav aria-label=\"Main\">\
         <a href=\"/\" class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\">§</span>SCIM Ledger</a>\
         </nav></header><main id=\"main\"><div class=\"not-found\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">See all vendors</a></p></div></main></body></html>"
    );
    let mut res = Response::new(Body::from(html));
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}
