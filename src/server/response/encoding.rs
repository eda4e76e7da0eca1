//! Content encoding (server only): the client's best of br, gzip and identity, and the
//! compressed forms the page cache keeps (`cache`), compressed once per entry.

use axum::body::Bytes;
use axum::http::{header, Extensions, HeaderMap, HeaderValue, StatusCode};
use std::io::Write;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};

/// Compressed once per entry, so a little slower than tower-http's per-response level 4.
const BROTLI_QUALITY: i32 = 5;
const GZIP_LEVEL: u32 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Encoding {
    Br,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding the client takes, in our order br > gzip > identity. A `q=0`
    /// refuses an encoding; `*` stands for any encoding the header does not name. By hand:
    /// tower-http keeps its negotiation private, and this much is a few lines.
    pub(super) fn negotiate(headers: &HeaderMap) -> Encoding {
        let (mut br, mut gzip, mut any) = (None, None, None);
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            for item in value.to_str().unwrap_or("").split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let q = parts
                    .find_map(|p| {
                        let p = p.trim();
                        p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
                    })
                    .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
                let taken = Some(q > 0.0);
                match name.as_str() {
                    "br" => br = taken,
                    "gzip" | "x-gzip" => gzip = taken,
                    "*" => any = taken,
                    _ => {}
                }
            }
        }
        if br.or(any).unwrap_or(false) {
            Encoding::Br
        } else if gzip.or(any).unwrap_or(false) {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    pub(super) fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Br => Some(HeaderValue::from_static("br")),
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Identity => None,
        }
    }
}

/// Marks a response this layer has already encoded, so the compression layer leaves it be.
#[derive(Clone, Copy, Debug)]
pub(super) struct AlreadyEncoded;

/// For `CompressionLayer::compress_when`: what tower-http would compress, minus the
/// responses the page cache has already encoded.
pub fn compress_unless_cached() -> impl Predicate + Send + Sync + 'static {
    DefaultPredicate::new().and(
        |_: StatusCode, _: axum::http::Version, _: &HeaderMap, ext: &Extensions| {
            ext.get::<AlreadyEncoded>().is_none()
        },
    )
}

pub(super) fn brotli(bytes: &[u8]) -> Bytes {
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    // Writing into a Vec cannot fail.
    let _ = ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    Bytes::from(out)
}

pub(super) fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(GZIP_LEVEL),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    Bytes::from(encoder.finish().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::super::test_page::{csp_nonce, fetch, header_of, page_text};
    use super::super::Site;
    use super::*;
    use crate::server::config::Settings;

    #[test]
    fn a_hit_without_accept_encoding_is_identity() {
        let site = Site::new(Settings::default());
        let cache = &site.cache;
        fetch(&site, Some("br"));
        let hit = fetch(&site, None);
        assert_eq!(header_of(&hit, header::CONTENT_ENCODING), "");
        assert!(header_of(&hit, header::VARY).contains("accept-encoding"));
        assert_eq!(
            String::from_utf8(hit.body.clone()).unwrap(),
            page_text(&csp_nonce(&hit))
        );
        // gzip is compressed on its first request only.
        fetch(&site, Some("gzip"));
        let gz = fetch(&site, Some("gzip;q=1, br;q=0"));
        assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
        assert_eq!(cache.compressions(), 2);
    }

    #[test]
    fn accept_encoding_is_negotiated_br_then_gzip() {
        let of = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            Encoding::negotiate(&h)
        };
        assert_eq!(of("gzip, deflate, br, zstd"), Encoding::Br);
        assert_eq!(of("gzip"), Encoding::Gzip);
        assert_eq!(of("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(of("*"), Encoding::Br);
        assert_eq!(of("*;q=0, gzip"), Encoding::Gzip);
        assert_eq!(of("identity"), Encoding::Identity);
        assert_eq!(of("deflate"), Encoding::Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Encoding::Identity);
    }
}
