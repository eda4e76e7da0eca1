//! A connection as hyper sees it, writing our refusal where hyper would write its own
//! (server only; `listen` wraps every connection in it).
//!
//! hyper answers a request it cannot read with a head and nothing else (`400`, `414` or
//! `431`, `connection: close`, `content-length: 0`) and closes: a target of 64 KiB or more
//! (no URI type holds it), a head over its buffer, a request line it cannot parse. Every
//! answer of ours carries `x-content-type-options`, so a head like that without it is
//! hyper's: it is replaced, before it is sent, by the site's refusal for the route the
//! request named (JSON for the data routes), with the security headers. The route is read
//! from the first bytes of the request, kept as they arrive.

use crate::server::response::Site;
use axum::http::StatusCode;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// A TCP connection that replaces hyper's bare refusals (see the module doc).
pub struct Refusing {
    stream: Option<TcpStream>,
    site: Arc<Site>,
    /// The start of the request being read (its request line), up to [`KEPT`] bytes.
    head: Vec<u8>,
    /// Whether the next bytes read start a new request (an answer was written since).
    answered: bool,
    /// Our refusal, while it is written, and how much of it is out.
    replacing: Option<(Vec<u8>, usize)>,
    /// Whether a refusal replaced hyper's: the connection then closes gently.
    refused: bool,
}

/// Enough of a request line for its route.
const KEPT: usize = 512;

impl Refusing {
    pub fn new(stream: TcpStream, site: Arc<Site>) -> Refusing {
        Refusing {
            stream: Some(stream),
            site,
            head: Vec::new(),
            answered: false,
            replacing: None,
            refused: false,
        }
    }

    fn stream(&mut self) -> Pin<&mut TcpStream> {
        // Present until the connection is dropped.
        Pin::new(self.stream.as_mut().expect("the connection is open"))
    }

    /// Our refusal for hyper's head `written`, if it is one of hyper's.
    fn refusal_for(&self, written: &[u8]) -> Option<Vec<u8>> {
        let status = hypers_refusal(written)?;
        let line = String::from_utf8_lossy(&self.head);
        let (title, message) = match status {
            StatusCode::URI_TOO_LONG => (
                "Address too long",
                "This address is longer than 64 KiB, far more than any link of ours.",
            ),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => (
                "Request headers too large",
                "This request carries more headers than any browser sends.",
            ),
            _ => ("Bad request", "This request could not be read as HTTP/1.1."),
        };
        let res = self.site.refusal(route_of(&line), status, title, message);
        Some(serialize(res))
    }

    /// Writes the rest of our refusal; ready once all of it is out.
    fn poll_replacing(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, sent)) = self.replacing.take() {
            if sent == bytes.len() {
                self.refused = true;
                return Poll::Ready(Ok(()));
            }
            let poll = self.stream().poll_write(cx, &bytes[sent..]);
            match poll {
                Poll::Ready(Ok(n)) => self.replacing = Some((bytes, sent + n)),
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => {
                    self.replacing = Some((bytes, sent));
                    return Poll::Pending;
                }
            }
        }
        Poll::Ready(Ok(()))
    }
}

/// The status of a head hyper wrote for a request it could not read, if `written` is one.
fn hypers_refusal(written: &[u8]) -> Option<StatusCode> {
    // Most writes are answers and bodies: a look at both ends passes them at once.
    let short_head = written.len() < 256 && written.ends_with(b"\r\n\r\n");
    if !short_head || !written.starts_with(b"HTTP/1.1 4") {
        return None;
    }
    let text = std::str::from_utf8(written).ok()?;
    let head = text.strip_prefix("HTTP/1.1 ")?.strip_suffix("\r\n\r\n")?;
    let status = StatusCode::from_bytes(head.get(..3)?.as_bytes()).ok()?;
    let lower = head.to_ascii_lowercase();
    let bare = lower.contains("\r\ncontent-length: 0")
        && lower.contains("\r\nconnection: close")
        && !lower.contains("x-content-type-options");
    let refused = [
        StatusCode::BAD_REQUEST,
        StatusCode::URI_TOO_LONG,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
    ];
    (bare && refused.contains(&status)).then_some(status)
}

/// The path a request line names (`GET /api/cost?… HTTP/1.1` → `/api/cost`), or `/`.
fn route_of(line: &str) -> &str {
    let target = line.split(' ').nth(1).unwrap_or("");
    let path = target.split(['?', '\r', '\n']).next().unwrap_or("");
    if path.starts_with('/') {
        path
    } else {
        "/"
    }
}

/// A response as HTTP/1.1 bytes, closing the connection. Its body is already whole.
fn serialize(res: axum::response::Response) -> Vec<u8> {
    use futures_util::FutureExt;
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .now_or_never()
        .and_then(Result::ok)
        .unwrap_or_default();
    let reason = parts.status.canonical_reason().unwrap_or("");
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", parts.status.as_u16()).into_bytes();
    for (name, value) in &parts.headers {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(
        format!(
            "content-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&body);
    out
}

impl AsyncRead for Refusing {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let poll = self.stream().poll_read(cx, buf);
        let this = &mut *self;
        if this.answered && buf.filled().len() > before {
            this.head.clear();
            this.answered = false;
        }
        let room = KEPT.saturating_sub(this.head.len());
        let new = &buf.filled()[before..];
        this.head.extend_from_slice(&new[..new.len().min(room)]);
        poll
    }
}

impl AsyncWrite for Refusing {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.replacing.is_none() {
            match self.refusal_for(buf) {
                Some(ours) => self.replacing = Some((ours, 0)),
                None => {
                    self.answered = true;
                    return self.stream().poll_write(cx, buf);
                }
            }
        }
        // hyper's head counts as written once ours is.
        self.poll_replacing(cx).map_ok(|()| buf.len())
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        // hyper writes a refusal's head alone; anything else goes out as it is.
        let first = bufs.iter().find(|b| !b.is_empty());
        if self.replacing.is_some() || first.is_some_and(|b| hypers_refusal(b).is_some()) {
            return self.poll_write(cx, first.map_or(&[][..], |b| &b[..]));
        }
        self.answered = true;
        self.stream().poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.as_ref().is_some_and(|s| s.is_write_vectored())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream().poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream().poll_shutdown(cx)
    }
}

impl Drop for Refusing {
    /// After a refusal the client may still be sending what hyper did not read (the rest
    /// of a 1 MB header). Closing with unread bytes resets the connection, and a reset can
    /// discard the refusal before the client reads it; so the connection is closed the
    /// way nginx closes it: our side first, then what still arrives is read and dropped
    /// until the client closes too, for a second at most.
    fn drop(&mut self) {
        let (Some(stream), true) = (self.stream.take(), self.refused) else {
            return;
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(linger(stream));
        }
    }
}

async fn linger(mut stream: TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let _ = stream.shutdown().await;
    let drain = async {
        let mut sink = vec![0; 16 * 1024];
        let mut left: usize = 4 * 1024 * 1024;
        while let Ok(n @ 1..) = stream.read(&mut sink).await {
            left = left.saturating_sub(n);
            if left == 0 {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hypers_own_bare_refusals_are_replaced() {
        let hyper = |status: &str| {
            format!("HTTP/1.1 {status}\r\nconnection: close\r\ncontent-length: 0\r\ndate: Thu, 03 Dec 2026 16:46:37 GMT\r\n\r\n")
        };
        assert_eq!(
            hypers_refusal(hyper("414 URI Too Long").as_bytes()),
            Some(StatusCode::URI_TOO_LONG)
        );
        assert_eq!(
            hypers_refusal(hyper("431 Request Header Fields Too Large").as_bytes()),
            Some(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)
        );
        assert_eq!(
            hypers_refusal(hyper("400 Bad Request").as_bytes()),
            Some(StatusCode::BAD_REQUEST)
        );
        // Ours (the security headers), other statuses, and heads with a body stay.
        let ours = "HTTP/1.1 400 Bad Request\r\nx-content-type-options: nosniff\r\nconnection: close\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hypers_refusal(ours.as_bytes()), None);
        assert_eq!(hypers_refusal(hyper("200 OK").as_bytes()), None);
        assert_eq!(
            hypers_refusal(format!("{}x", hyper("400 Bad Request")).as_bytes()),
            None
        );
    }

    #[test]
    fn the_route_is_read_from_the_request_line() {
        assert_eq!(
            route_of("GET /api/cost?users=1 HTTP/1.1\r\nHost"),
            "/api/cost"
        );
        assert_eq!(route_of("GET /vendors.csv HTTP/1.1"), "/vendors.csv");
        assert_eq!(route_of("GARBAGE\r\n\r\n"), "/");
        assert_eq!(route_of("GET * HTTP/1.1"), "/");
        assert_eq!(route_of(""), "/");
    }
}
