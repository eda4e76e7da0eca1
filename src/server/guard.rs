//! Requests turned away before a handler sees them, each with a clear status and a short
//! message of our own: no handler's internal error text reaches a client.

use crate::server::json_api::ApiError;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::Arc;

/// The largest body a server function takes: its arguments, form-encoded (a comparison of
/// every vendor is well under 4 KiB).
pub const MAX_SERVER_FN_BODY: usize = 64 * 1024;

/// How every server function here takes its arguments: `#[server]`'s default encoding
/// (`PostUrl`). A function declared with another input encoding must be added here.
const SERVER_FN_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// The server functions' paths (`/api/get_guide<hash>`, as leptos_axum registers them) and
/// their methods.
#[derive(Clone)]
pub struct ServerFns(Arc<HashMap<&'static str, Method>>);

impl ServerFns {
    pub fn registered() -> ServerFns {
        ServerFns(Arc::new(
            leptos::server_fn::axum::server_fn_paths().collect(),
        ))
    }
}

/// A JSON error (the shape of every `/api/` error) with `status`.
fn api_error(status: StatusCode, message: &str) -> Response {
    ApiError {
        error: message,
        issues: &[],
    }
    .respond(status)
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(SERVER_FN_CONTENT_TYPE))
}

/// Middleware for the server functions: 415 for a body that is not a form, 413 for one over
/// [`MAX_SERVER_FN_BODY`], 400 when the arguments do not parse, 500 for any other failure;
/// each with a generic JSON message (Leptos would answer 500 with its own error text).
pub async fn server_fns(State(fns): State<ServerFns>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    // Other paths, and other methods (the router answers 405 with `Allow`), go on as they are.
    if fns.0.get(path.as_str()) != Some(req.method()) || req.method() != Method::POST {
        return next.run(req).await;
    }
    if !is_form(req.headers()) {
        return api_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the arguments as application/x-www-form-urlencoded",
        );
    }
    let too_large = || {
        api_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the arguments are larger than 64 KiB",
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_SERVER_FN_BODY as u64) {
        return too_large();
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_SERVER_FN_BODY).await else {
        return too_large();
    };
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if !res.headers().contains_key("serverfnerror") {
        return res;
    }
    // A failed server function: its body is `Kind|message` (server_fn's error encoding).
    let text = to_bytes(res.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let kind = text.split('|').next().unwrap_or("");
    if matches!(kind, "Args" | "MissingArg" | "Deserialization") {
        api_error(
            StatusCode::BAD_REQUEST,
            "the arguments are missing or malformed",
        )
    } else {
        eprintln!("scim-ledger: server function {path} failed: {text}");
        api_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server could not answer",
        )
    }
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
