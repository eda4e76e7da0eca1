//! Validators (server only): each cached response's weak `ETag`, a hash of its bytes
//! without the nonce, and the 304 for a client that already has them.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;

/// 64-bit FNV-1a over `parts` in turn, written out because std's hashers may change between
/// Rust releases, and a tag must stay equal across replicas and builds. Change detection
/// only: nothing rides on a collision being hard.
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    parts
        .into_iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// A weak validator for a response's content: its bytes, leaving out every occurrence of
/// the nonce (a page carries it on its scripts; other bodies do not). Weak (`W/`), since
/// the bytes sent differ by encoding and by nonce while the content is the same.
pub(super) fn content_etag(body: &[u8], nonce: &str) -> Option<HeaderValue> {
    let hash = match std::str::from_utf8(body) {
        Ok(text) if !nonce.is_empty() => fnv1a(text.split(nonce).map(str::as_bytes)),
        _ => fnv1a([body]),
    };
    HeaderValue::from_str(&format!("W/\"{hash:016x}\"")).ok()
}

/// Turns a 200 into a 304 without a body when `If-None-Match` lists its `ETag` (or `*`).
///
/// A page's 304 carries no `Content-Security-Policy`: the browser keeps the page it has,
/// whose scripts hold the nonce of the response it came in, and it would replace that
/// response's policy with one sent here (the header of a 304 updates the stored one),
/// blocking them. The 304 itself has no body to protect.
pub(super) fn not_modified(res: &mut Response, validators: &HeaderValue) {
    let Some(tag) = res.headers().get(header::ETAG).cloned() else {
        return;
    };
    if res.status() != StatusCode::OK {
        return;
    }
    // Weak comparison (RFC 9110, 13.1.2): a `W/` prefix on either side is ignored.
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let tag = bare(tag.to_str().unwrap_or(""));
    let listed = validators.to_str().unwrap_or("").split(',').map(bare);
    if listed.into_iter().any(|v| v == "*" || v == tag) {
        *res.status_mut() = StatusCode::NOT_MODIFIED;
        *res.body_mut() = Body::empty();
        let headers = res.headers_mut();
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::CONTENT_ENCODING);
        headers.remove(header::CONTENT_SECURITY_POLICY);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_page::{app, block_on, csp_nonce, etag_of, fetch};
    use super::super::Site;
    use super::*;
    use crate::server::config::Settings;
    use axum::extract::Request;
    use tower::ServiceExt;

    #[test]
    fn a_page_rendered_again_with_a_new_nonce_keeps_its_etag() {
        let (one, two) = (
            Site::new(Settings::default()),
            Site::new(Settings::default()),
        );
        let (a, b) = (fetch(&one, Some("br")), fetch(&two, None));
        assert_ne!(csp_nonce(&a), csp_nonce(&b));
        assert!(etag_of(&a).starts_with("W/\""), "{}", etag_of(&a));
        assert_eq!(etag_of(&a), etag_of(&b));
        // A hit sends the stored tag.
        assert_eq!(etag_of(&fetch(&one, Some("gzip"))), etag_of(&a));
    }

    #[test]
    fn a_matching_if_none_match_gets_a_304_without_body_or_policy() {
        let site = Site::new(Settings::default());
        let tag = etag_of(&fetch(&site, Some("br")));
        let send = |validators: &str| {
            let req = Request::get("/page")
                .header(header::HOST, "example.test")
                .header(header::ACCEPT_ENCODING, "br")
                .header(header::IF_NONE_MATCH, validators)
                .body(Body::empty())
                .unwrap();
            let res = block_on(app(site.clone()).oneshot(req)).unwrap();
            let (parts, body) = res.into_parts();
            let body = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
            (parts.status, parts.headers, body.len())
        };
        let (status, headers, len) = send(&format!("\"other\", {tag}"));
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert_eq!(len, 0);
        assert_eq!(headers.get(header::ETAG).unwrap().to_str().unwrap(), tag);
        assert_eq!(
            headers.get(header::CACHE_CONTROL).unwrap(),
            "private, no-cache"
        );
        // The browser keeps the policy that came with its copy, which matches its nonce.
        assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_none());
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        // A tag without the weak prefix matches too (weak comparison).
        assert_eq!(
            send(tag.trim_start_matches("W/")).0,
            StatusCode::NOT_MODIFIED
        );
        let (status, headers, len) = send("W/\"0000000000000000\"");
        assert_eq!(status, StatusCode::OK);
        assert!(len > 0 && headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
}
