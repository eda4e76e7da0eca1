//! Headers every response gets (server only): the Content-Security-Policy with the
//! response's nonce, the other security headers, and those that follow from the settings
//! (a page's `Cache-Control`, HSTS).

use crate::server::config::Settings;
use axum::http::{header, HeaderMap, HeaderValue};

/// A fresh random nonce (128 bits, URL-safe base64).
pub(super) fn new_nonce() -> String {
    leptos::nonce::Nonce::new().to_string()
}

/// The Content-Security-Policy for one response. Scripts run only from this origin or with
/// this response's nonce (the hydration scripts); wasm needs `wasm-unsafe-eval` to compile.
/// Inline `style` attributes (chart legend swatches, plotters' SVG) need inline styles.
pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

pub(super) fn set_security_headers(headers: &mut HeaderMap, nonce: &str) {
    let fixed: [(header::HeaderName, &str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
             clipboard-write=(self)",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // A link-preview image says it may be shown by other sites; everything else is ours only.
    headers
        .entry(header::HeaderName::from_static(
            "cross-origin-resource-policy",
        ))
        .or_insert(HeaderValue::from_static("same-origin"));
    if let Ok(v) = HeaderValue::from_str(&csp(nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
}

pub(super) fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Headers that follow from the settings and the kind of response.
pub(super) fn set_policy_headers(headers: &mut HeaderMap, settings: &Settings) {
    // A page holds its nonce and the date it was printed on: no shared cache may keep it, and
    // a browser asks again before reusing it (it may still keep it for back and forward).
    if is_html(headers) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    // Browsers ignore HSTS over plain HTTP, so it is sent only when the public URL says
    // HTTPS; otherwise it is the TLS terminator's to send (README, "Configuration").
    if settings.https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_page::{csp_nonce, fetch, header_of, unbrotli};
    use super::super::Site;
    use super::*;
    use std::io::Read;

    #[test]
    fn the_csp_nonce_is_the_one_in_the_page() {
        let site = Site::new(Settings::default());
        for accept in [None, Some("br"), None, Some("gzip"), Some("br")] {
            let got = fetch(&site, accept);
            let text = match header_of(&got, header::CONTENT_ENCODING) {
                "br" => unbrotli(&got.body),
                "gzip" => {
                    let mut out = String::new();
                    flate2::read::GzDecoder::new(&got.body[..])
                        .read_to_string(&mut out)
                        .unwrap();
                    out
                }
                _ => String::from_utf8(got.body.clone()).unwrap(),
            };
            let nonce = csp_nonce(&got);
            assert_eq!(text.matches("<script").count(), 2);
            assert_eq!(
                text.matches(&format!("nonce=\"{nonce}\"")).count(),
                2,
                "{accept:?}"
            );
        }
    }

    #[test]
    fn csp_has_no_unsafe_inline_for_scripts() {
        let p = csp("abc");
        let scripts = p
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(scripts.contains("'nonce-abc'"));
        assert!(!scripts.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
