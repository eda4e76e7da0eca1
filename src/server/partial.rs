//! `Range` requests, answered from the bytes a response already has (server only).
//!
//! The response layer takes `Range` (and `If-Range`) off the request before anything is
//! rendered or looked up, so a page or card is found in the cache, or rendered and stored,
//! exactly as for a plain GET; the part asked for is then cut from those bytes. A range
//! request once skipped the cache: `bytes=0-0` on a card drew the PNG again every time.
//!
//! One range (`bytes=0-99`, `bytes=100-`, `bytes=-100`) gets 206 with `Content-Range`; one
//! that starts past the end, 416. Several ranges, another unit, a malformed header, an
//! `If-Range` that is not this response's strong `ETag`, or a body not held whole get the
//! full 200, which the standard allows for any range request (RFC 9110, 14.2).

use axum::body::Body;
use axum::body::HttpBody as _;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

/// The part of the response a request asks for.
pub struct Wanted {
    range: HeaderValue,
    if_range: Option<HeaderValue>,
}

/// Where a range falls in a body of some length.
#[derive(Debug, PartialEq)]
enum Cut {
    /// The whole body (a 200).
    Whole,
    /// Bytes `start..=end`.
    Part { start: u64, end: u64 },
    /// Nothing of it (a 416).
    Outside,
}

impl Wanted {
    /// Takes `Range` and `If-Range` off a request, so what serves it sees a plain GET.
    pub fn take(headers: &mut HeaderMap) -> Option<Wanted> {
        let range = headers.remove(header::RANGE)?;
        let if_range = headers.remove(header::IF_RANGE);
        Some(Wanted { range, if_range })
    }

    /// The part of `res` asked for, if `res` is a 200 whose body is held whole (as a cached
    /// response's is); any other response goes back as it is.
    pub async fn cut(self, res: Response) -> Response {
        let held = res.body().size_hint().exact();
        let (Some(len), StatusCode::OK) = (held, res.status()) else {
            return res;
        };
        let tag = res.headers().get(header::ETAG);
        // A range of an older copy must not be spliced into a newer one: only this exact,
        // strong tag keeps the range (a weak one never does, a date cannot be checked).
        if let Some(wanted) = &self.if_range {
            if tag.is_none_or(|t| t != wanted || t.as_bytes().starts_with(b"W/")) {
                return res;
            }
        }
        let cut = where_in(self.range.to_str().unwrap_or(""), len);
        if cut == Cut::Whole {
            return res;
        }
        let (mut parts, body) = res.into_parts();
        // Held whole, so this copies nothing and cannot fail.
        let bytes = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        parts.headers.remove(header::CONTENT_LENGTH);
        let (status, range, body) = match cut {
            Cut::Part { start, end } => (
                StatusCode::PARTIAL_CONTENT,
                format!("bytes {start}-{end}/{len}"),
                bytes.slice(start as usize..=end as usize),
            ),
            _ => (
                StatusCode::RANGE_NOT_SATISFIABLE,
                format!("bytes */{len}"),
                Default::default(),
            ),
        };
        parts.status = status;
        if let Ok(v) = HeaderValue::from_str(&range) {
            parts.headers.insert(header::CONTENT_RANGE, v);
        }
        Response::from_parts(parts, Body::from(body))
    }
}

/// Where the one range of `header` falls in `len` bytes.
fn where_in(header: &str, len: u64) -> Cut {
    let Some(spec) = header.trim().strip_prefix("bytes=") else {
        return Cut::Whole;
    };
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Cut::Whole;
    };
    let number = |s: &str| -> Option<Option<u64>> {
        let s = s.trim();
        match s {
            "" => Some(None),
            _ if s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok().map(Some),
            _ => None,
        }
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return Cut::Whole;
    };
    match (first, last) {
        // The last `n` bytes.
        (None, Some(n)) if n > 0 && len > 0 => Cut::Part {
            start: len.saturating_sub(n),
            end: len - 1,
        },
        (None, _) => Cut::Outside,
        (Some(start), _) if start >= len => Cut::Outside,
        (Some(start), Some(end)) if end < start => Cut::Whole,
        (Some(start), end) => Cut::Part {
            start,
            end: end.map_or(len - 1, |e| e.min(len - 1)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_range_of_bytes_is_read_and_anything_else_is_the_whole() {
        let part = |start, end| Cut::Part { start, end };
        assert_eq!(where_in("bytes=0-0", 10), part(0, 0));
        assert_eq!(where_in("bytes=2-", 10), part(2, 9));
        assert_eq!(where_in("bytes=5-99", 10), part(5, 9));
        assert_eq!(where_in("bytes=-3", 10), part(7, 9));
        assert_eq!(where_in("bytes=-30", 10), part(0, 9));
        assert_eq!(where_in("bytes=10-", 10), Cut::Outside);
        assert_eq!(where_in("bytes=-0", 10), Cut::Outside);
        for whole in [
            "bytes=0-1,4-5",
            "items=0-1",
            "bytes=a-b",
            "bytes=5-2",
            "bytes=+1-2",
            "",
        ] {
            assert_eq!(where_in(whole, 10), Cut::Whole, "{whole}");
        }
    }
}
