//! Settings read once at start-up from the environment (see README, "Configuration"). An
//! invalid value stops start-up with the variable, the value and what is expected.

use axum::http::uri::{Authority, Uri};
use axum::http::{header, HeaderMap};

pub const PUBLIC_URL: &str = "SCIM_LEDGER_PUBLIC_URL";
/// A port to listen on, on all interfaces (how container platforms say where to listen).
pub const PORT: &str = "PORT";
/// The page cache's size in MiB.
pub const CACHE_MB: &str = "SCIM_LEDGER_CACHE_MB";
/// Seconds between SIGTERM and closing the listener, while `/readyz` says 503 so a load
/// balancer stops sending new requests.
pub const DRAIN_SECONDS: &str = "SCIM_LEDGER_DRAIN_SECONDS";
/// The page cache's size unless configured: with the server's own ~20 MiB, it fits a 256 MiB
/// container limit.
pub const DEFAULT_CACHE_MB: u64 = 128;
/// How long a rendered page is served again from the cache, at most (and never past
/// midnight UTC: see `response::cache::lifetime`).
pub const CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(60 * 60);
pub const TRUST_PROXY: &str = "SCIM_LEDGER_TRUST_PROXY";
/// Seconds a connection may take to send a request's headers, counted from when it opens or
/// its previous answer ends: also how long a kept-alive connection may sit idle (`listen`).
pub const HEADER_TIMEOUT_SECONDS: &str = "SCIM_LEDGER_HEADER_TIMEOUT_SECONDS";
pub const DEFAULT_HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
/// The slowest a request body may arrive, in bytes a second on average, after a first pause
/// as long as the header timeout (`listen`).
pub const BODY_MIN_RATE: &str = "SCIM_LEDGER_BODY_MIN_BYTES_PER_SECOND";
/// 1 KiB a second: the stack form's largest body (832 KiB) may take 14 minutes, a body that
/// stops does not hold its connection past the header timeout and a second.
pub const DEFAULT_BODY_MIN_RATE: u64 = 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Scheme and host readers reach the site at (`https://ledger.example`, no trailing
    /// slash): the base of print links, canonical links and Open Graph URLs.
    pub public_url: Option<String>,
    /// Take the scheme and host from the proxy's `Forwarded` or `X-Forwarded-Proto` and
    /// `X-Forwarded-Host` headers (without a public URL). Only behind a proxy that sets them:
    /// a client can send them too.
    pub trust_proxy: bool,
    /// How long a rendered page is served from the cache (at most until midnight UTC). Not
    /// read from the environment; tests shorten it.
    pub cache_ttl: std::time::Duration,
    /// Most bytes the page cache holds.
    pub cache_bytes: u64,
    /// `0.0.0.0:$PORT` when `PORT` is set; else the address from `LEPTOS_SITE_ADDR`.
    pub listen: Option<std::net::SocketAddr>,
    /// How long to keep serving, not ready, after SIGTERM.
    pub drain: std::time::Duration,
    /// Threads drawing cards and reading large stacks, and requests that may wait for them
    /// before more get 503 (`work`). Not read from the environment: one per core, sixteen
    /// waiting each; tests shrink them.
    pub work_threads: usize,
    pub work_queue: usize,
    /// How long a request's headers may take to arrive, and a connection may sit idle.
    pub header_timeout: std::time::Duration,
    /// The slowest a request body may arrive, in bytes a second.
    pub body_min_rate: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            public_url: None,
            trust_proxy: false,
            cache_ttl: CACHE_TTL,
            cache_bytes: DEFAULT_CACHE_MB * 1024 * 1024,
            listen: None,
            drain: std::time::Duration::ZERO,
            work_threads: cores(),
            work_queue: cores() * crate::server::work::QUEUE_PER_THREAD,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            body_min_rate: DEFAULT_BODY_MIN_RATE,
        }
    }
}

impl Settings {
    pub fn from_env() -> Result<Settings, String> {
        let var = |name: &str| match std::env::var(name) {
            Ok(v) if v.trim().is_empty() => Ok(None),
            Ok(v) => Ok(Some(v)),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(format!("{name} is not UTF-8")),
        };
        let mut settings =
            Settings::parse(var(PUBLIC_URL)?.as_deref(), var(TRUST_PROXY)?.as_deref())?;
        if let Some(port) = var(PORT)? {
            let port = number(PORT, &port, 1, 65_535)?;
            settings.listen = Some(std::net::SocketAddr::from(([0, 0, 0, 0], port as u16)));
        }
        if let Some(mb) = var(CACHE_MB)? {
            settings.cache_bytes = number(CACHE_MB, &mb, 1, 65_536)? * 1024 * 1024;
        }
        if let Some(s) = var(DRAIN_SECONDS)? {
            settings.drain = std::time::Duration::from_secs(number(DRAIN_SECONDS, &s, 0, 300)?);
        }
        if let Some(s) = var(HEADER_TIMEOUT_SECONDS)? {
            let seconds = number(HEADER_TIMEOUT_SECONDS, &s, 1, 300)?;
            settings.header_timeout = std::time::Duration::from_secs(seconds);
        }
        if let Some(s) = var(BODY_MIN_RATE)? {
            settings.body_min_rate = number(BODY_MIN_RATE, &s, 1, 1 << 30)?;
        }
        Ok(settings)
    }

    pub fn parse(public_url: Option<&str>, trust_proxy: Option<&str>) -> Result<Settings, String> {
        let public_url = public_url.map(parse_public_url).transpose()?;
        let trust_proxy = match trust_proxy.map(|v| v.trim().to_ascii_lowercase()) {
            None => false,
            Some(v) if matches!(v.as_str(), "true" | "1" | "yes") => true,
            Some(v) if matches!(v.as_str(), "false" | "0" | "no") => false,
            Some(v) => return Err(format!("{TRUST_PROXY} `{v}` must be true or false")),
        };
        Ok(Settings {
            public_url,
            trust_proxy,
            ..Settings::default()
        })
    }

    /// Whether the site says it is served over HTTPS.
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    /// The scheme and host of this request's page addresses: the public URL, else the
    /// proxy's headers when trusted, else `http` and the `Host` header.
    pub fn origin(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.public_url {
            return url.clone();
        }
        let (mut scheme, mut host) = (None, None);
        if self.trust_proxy {
            (scheme, host) = forwarded(headers);
        }
        let host = host
            .or_else(|| last_value(headers, header::HOST.as_str()))
            .filter(|h| is_host(h))
            .unwrap_or_else(|| "localhost".into());
        let scheme = scheme
            .map(|s| s.to_ascii_lowercase())
            .filter(|s| s == "http" || s == "https")
            .unwrap_or_else(|| "http".into());
        format!("{scheme}://{host}")
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// A whole number from `min` to `max`, or a message naming the variable.
fn number(name: &str, text: &str, min: u64, max: u64) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "{name} `{text}` must be a whole number from {min} to {max}"
        )),
    }
}

fn parse_public_url(text: &str) -> Result<String, String> {
    let bad = |why: &str| {
        Err(format!(
            "{PUBLIC_URL} `{text}` {why}; expected a scheme and host like https://ledger.example"
        ))
    };
    let Ok(uri) = text.trim().parse::<Uri>() else {
        return bad("is not a URL");
    };
    let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return bad("does not start with http:// or https://");
    }
    let Some(authority) = uri.authority().filter(|a| is_host(a.as_str())) else {
        return bad("has no host");
    };
    if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
        // The site's links are absolute paths: it cannot live under a prefix.
        return bad("has a path or query");
    }
    Ok(format!(
        "{scheme}://{}",
        authority.as_str().to_ascii_lowercase()
    ))
}

/// A host with an optional port, and nothing else (no user info).
fn is_host(text: &str) -> bool {
    !text.is_empty() && !text.contains('@') && text.parse::<Authority>().is_ok()
}

/// The last value of a comma-separated header: the one the nearest proxy added.
fn last_value(headers: &HeaderMap, name: &str) -> Option<String> {
    let joined = headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let last = joined.rsplit(',').next()?.trim();
    (!last.is_empty()).then(|| last.to_string())
}

/// Scheme and host as the nearest proxy saw them: the last `Forwarded` element (RFC 7239),
/// else the last `X-Forwarded-Proto` and `X-Forwarded-Host` values.
fn forwarded(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    if let Some(element) = last_value(headers, header::FORWARDED.as_str()) {
        let (mut proto, mut host) = (None, None);
        for pair in element.split(';') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = value.trim().trim_matches('"').to_string();
            match key.trim().to_ascii_lowercase().as_str() {
                "proto" => proto = Some(value),
                "host" => host = Some(value),
                _ => {}
            }
        }
        return (proto, host);
    }
    (
        last_value(headers, "x-forwarded-proto"),
        last_value(headers, "x-forwarded-host"),
    )
}

/// Leptos settings from cargo-leptos's environment variables, with defaults that match
/// `Cargo.toml` so the binary also runs on its own (tests, the release server run by hand).
pub fn leptos_options() -> leptos::config::LeptosOptions {
    let from_cargo_leptos = std::env::var_os("LEPTOS_OUTPUT_NAME").is_some()
        || option_env!("LEPTOS_OUTPUT_NAME").is_some();
    if from_cargo_leptos {
        if let Ok(conf) = leptos::config::get_configuration(None) {
            return conf.leptos_options;
        }
    }
    let env = |key: &str, default: &str| std::env::var(key).unwrap_or_else(|_| default.into());
    leptos::config::LeptosOptions::builder()
        .output_name("scim-ledger")
        .site_root(env("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(env("LEPTOS_SITE_PKG_DIR", "pkg"))
        .site_addr(site_addr(&env("LEPTOS_SITE_ADDR", "127.0.0.1:3000")))
        .build()
}

fn site_addr(text: &str) -> std::net::SocketAddr {
    text.parse().unwrap_or_else(|_| {
        eprintln!("scim-ledger: LEPTOS_SITE_ADDR `{text}` is not an address like 127.0.0.1:3000");
        std::process::exit(2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn public_urls_are_a_scheme_and_a_host() {
        let ok = |s: &str| Settings::parse(Some(s), None).map(|c| c.public_url.unwrap());
        assert_eq!(
            ok("https://ledger.example").unwrap(),
            "https://ledger.example"
        );
        assert_eq!(
            ok("https://Ledger.Example/").unwrap(),
            "https://ledger.example"
        );
        assert_eq!(
            ok("http://127.0.0.1:3000").unwrap(),
            "http://127.0.0.1:3000"
        );
        for bad in [
            "ledger.example",
            "ftp://ledger.example",
            "https://",
            "https://ledger.example/ledger",
            "https://ledger.example/?a=1",
            "https://user@ledger.example",
            "not a url",
        ] {
            let e = ok(bad).unwrap_err();
            assert!(e.contains(PUBLIC_URL) && e.contains(bad), "{bad}: {e}");
        }
    }

    #[test]
    fn trust_proxy_is_a_yes_or_no() {
        let p = |s: &str| Settings::parse(None, Some(s)).map(|c| c.trust_proxy);
        assert_eq!(p("true"), Ok(true));
        assert_eq!(p("1"), Ok(true));
        assert_eq!(p("FALSE"), Ok(false));
        assert!(p("maybe").unwrap_err().contains(TRUST_PROXY));
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_origin_of_a_request() {
        let plain = Settings::default();
        let proxied = Settings::parse(None, Some("true")).unwrap();
        let public = Settings::parse(Some("https://ledger.example"), Some("true")).unwrap();
        let h = headers(&[
            ("host", "internal:3000"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "outside.example"),
        ]);
        assert_eq!(plain.origin(&h), "http://internal:3000");
        assert_eq!(proxied.origin(&h), "https://outside.example");
        assert_eq!(public.origin(&h), "https://ledger.example");
        // The nearest proxy's element wins over one the client sent.
        let h = headers(&[
            ("host", "internal:3000"),
            ("forwarded", "proto=http;host=spoof.example"),
            (
                "forwarded",
                "for=192.0.2.1;proto=https;host=\"real.example\"",
            ),
        ]);
        assert_eq!(proxied.origin(&h), "https://real.example");
        // Junk is not printed.
        let h = headers(&[("host", "a b<c>"), ("x-forwarded-proto", "javascript")]);
        assert_eq!(proxied.origin(&h), "http://localhost");
        assert_eq!(plain.origin(&HeaderMap::new()), "http://localhost");
    }
}
