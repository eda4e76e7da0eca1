//! Rewriting a rendered page (server only): Leptos's trailing scripts moved into `<body>`.

use super::cache::MAX_CACHED_BODY;
use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::Response;

/// Where Leptos writes the hydration data scripts (`__RESOLVED_RESOURCES=…`) after the
/// document's `</html>`, moves them to the end of `<body>`, so the page is valid HTML and
/// they still run before the islands hydrate (the loader waits for an idle moment).
/// Pages fetch their data without resources, so these scripts only declare empty lists.
pub(super) async fn scripts_inside_body(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_CACHED_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let mut res = Response::new(Body::from("the response could not be completed"));
            *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return res;
        }
    };
    let moved = std::str::from_utf8(&bytes).ok().and_then(|html| {
        let end = html.rfind("</html>")? + "</html>".len();
        let tail = &html[end..];
        let body_end = html[..end].rfind("</body>")?;
        (!tail.trim().is_empty()).then(|| [&html[..body_end], tail, &html[body_end..end]].concat())
    });
    if let Some(html) = moved {
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::from(html));
    }
    Response::from_parts(parts, Body::from(bytes))
}
