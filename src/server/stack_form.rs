//! `POST /stack`: the stack page's form, answered with a redirect (303) to the stack's
//! address (`domain::stack::form`), so the address bar holds the stack with or without
//! JavaScript. A body too large, a list too large to read, or more waiting lines than an
//! address can carry get a page saying so (413 or 400), never a lost line in silence.

use crate::domain::catalog::Catalog;
use crate::domain::routes::Route;
use crate::domain::stack::form;
use crate::domain::stack::list;
use crate::domain::url::Query;
use crate::server::guard::{refuse, MAX_STACK_URL_BYTES};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The largest form body read: the list's own cap, percent-encoded (up to three bytes a
/// character), and the rest of the form.
pub const MAX_BODY_BYTES: usize = 3 * list::MAX_BYTES + 64 * 1024;

/// `stylesheet` is the bundle's CSS address, for the refusal pages.
pub async fn post(
    State(catalog): State<Arc<Catalog>>,
    State(stylesheet): State<Arc<str>>,
    req: Request,
) -> Response {
    let Ok(body) = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES).await else {
        return refuse(
            Route::Stack.path(),
            &stylesheet,
            StatusCode::PAYLOAD_TOO_LARGE,
            "List too large",
            &format!(
                "This form is larger than we read at once. Paste or upload at most {} KiB (about {} apps) at a time.",
                list::MAX_BYTES / 1024,
                list::MAX_LINES
            ),
        );
    };
    match form::address(&catalog, &Query::parse(&String::from_utf8_lossy(&body))) {
        Err(message) => refuse(Route::Stack.path(), &stylesheet, StatusCode::BAD_REQUEST, "List not read", &message),
        Ok(query) if Route::Stack.link(&[], &query).len() > MAX_STACK_URL_BYTES => refuse(
            Route::Stack.path(),
            &stylesheet,
            StatusCode::BAD_REQUEST,
            "Too many lines to settle",
            "This list leaves more lines to settle (names we do not know, or without seats) than one link can carry. Paste fewer lines at a time, or remove the apps we do not cover.",
        ),
        Ok(query) => {
            let to = Route::Stack.link(&[], &query);
            let mut res = Body::empty().into_response();
            *res.status_mut() = StatusCode::SEE_OTHER;
            if let Ok(v) = header::HeaderValue::from_str(&to) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            res
        }
    }
}
