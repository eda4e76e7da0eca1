//! `scim-ledger [--data DIR] [--check-data [DIR]] [--health-check]`
//!
//! Serves the site. The vendor data directory is `--data DIR`, else the environment variable
//! `SCIM_LEDGER_DATA`, else `data`. A broken data file stops start-up with file, field and
//! reason. `--check-data` only validates and exits. Settings from the environment (see
//! `server::config`) are checked before the server starts; an invalid one stops it.
//! `--health-check` asks a running server's `/healthz` and exits 0 or 1: a container image
//! built `FROM scratch` has no curl for its health check.

#[cfg(feature = "ssr")]
const USAGE: &str = "usage: scim-ledger [--data DIR] [--check-data [DIR]] [--health-check]";

#[cfg(feature = "ssr")]
struct Args {
    data_dir: String,
    check_only: bool,
    health_check: bool,
}

/// The command line, or `None` for `--help`. lexopt (no derive, no dependencies) gives the
/// usual forms (`--data=DIR` too) and error messages that a hand-written loop lacked.
#[cfg(feature = "ssr")]
fn parse_args(mut parser: lexopt::Parser, data_dir: String) -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        data_dir,
        check_only: false,
        health_check: false,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => args.data_dir = parser.value()?.string()?,
            Long("check-data") => {
                args.check_only = true;
                // The directory is optional: `--check-data=DIR`, or a next word that is no option.
                let dir = parser.optional_value().or_else(|| {
                    parser
                        .try_raw_args()?
                        .next_if(|a| !a.to_string_lossy().starts_with('-'))
                });
                if let Some(dir) = dir {
                    args.data_dir = dir.string()?;
                }
            }
            Long("health-check") => args.health_check = true,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(args))
}

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() {
    use std::path::PathBuf;
    use std::sync::Arc;

    let default_dir = std::env::var("SCIM_LEDGER_DATA").unwrap_or_else(|_| "data".into());
    let args = match parse_args(lexopt::Parser::from_env(), default_dir) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("scim-ledger: {e} (try --help)");
            std::process::exit(2);
        }
    };
    let (data_dir, check_only) = (args.data_dir, args.check_only);
    let settings = match scim_ledger::server::config::Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("scim-ledger: cannot start: {e}");
            std::process::exit(2);
        }
    };
    let options = scim_ledger::server::leptos_options();
    let addr = settings.listen.unwrap_or(options.site_addr);
    if args.health_check {
        std::process::exit(if healthy(addr) { 0 } else { 1 });
    }
    if let Err(e) = start_logs() {
        eprintln!("scim-ledger: cannot start: RUST_LOG {e}");
        std::process::exit(2);
    }

    let started = std::time::Instant::now();
    let loaded = match scim_ledger::server::load::load(&PathBuf::from(&data_dir)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("scim-ledger: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let catalog = loaded.catalog;
    if check_only {
        println!(
            "{data_dir}: {} vendors, {} API guides, {} dataset(s): all valid (read in {load_ms:.0} ms)",
            catalog.vendors.len(),
            catalog.api_guides.len(),
            catalog.datasets.len()
        );
        for report in &loaded.datasets {
            print!("{report}");
        }
        for folder in &loaded.not_placed {
            println!("{folder}: not placed (run .ci/datasets): left out");
        }
        return;
    }
    for folder in &loaded.not_placed {
        tracing::warn!(
            dataset = %folder,
            "dataset not placed (run .ci/datasets): starting without it"
        );
    }
    for r in &loaded.datasets {
        let text: Vec<&str> = r.prices_text.iter().map(|(t, _)| t.as_str()).collect();
        tracing::info!(
            dataset = %r.folder,
            rows = r.rows,
            added = r.added,
            overlapping = r.overlapping.len(),
            disagreements = r.disagreements,
            prices_read = r.prices_typed,
            prices_absent = r.prices_absent,
            prices_text = r.text_count(),
            current = r.current,
            checks = ?r.checks,
            unreadable = ?text,
            "dataset loaded"
        );
    }
    tracing::info!(
        vendors = catalog.vendors.len(),
        datasets = catalog.datasets.len(),
        load_ms = load_ms.round() as u64,
        "data loaded"
    );

    let public = settings.public_url.clone();
    let drain = settings.drain;
    let app = scim_ledger::server::app(Arc::new(catalog), options, settings);
    let health = app.health.clone();
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("scim-ledger: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    match public {
        Some(url) => println!(
            "SCIM Ledger is running at http://{addr}/, public at {url}/ (data: {data_dir})"
        ),
        None => println!("SCIM Ledger is running at http://{addr}/ (data: {data_dir})"),
    }
    let shutdown = async move {
        shutdown_signal().await;
        // Not ready from now on; keep serving while the load balancer notices, then stop
        // accepting and let in-flight requests finish.
        health.start_draining();
        tokio::time::sleep(drain).await;
    };
    if let Err(e) = scim_ledger::server::listen::serve(listener, app, shutdown).await {
        eprintln!("scim-ledger: server error: {e}");
        std::process::exit(1);
    }
}

/// One JSON line per event on stdout, at the level `RUST_LOG` names (default `info`).
#[cfg(feature = "ssr")]
fn start_logs() -> Result<(), String> {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(text) if !text.trim().is_empty() => {
            EnvFilter::try_new(&text).map_err(|e| format!("`{text}` is not a log filter: {e}"))?
        }
        _ => EnvFilter::new("info"),
    };
    tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_env_filter(filter)
        .init();
    Ok(())
}

/// Whether the server at `addr` answers `/healthz` with 200, within two seconds.
#[cfg(feature = "ssr")]
fn healthy(addr: std::net::SocketAddr) -> bool {
    use std::io::{Read, Write};
    use std::time::Duration;
    // A server listening on all interfaces is asked on loopback.
    let target = if addr.ip().is_unspecified() {
        std::net::SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let Ok(mut stream) = std::net::TcpStream::connect_timeout(&target, Duration::from_secs(2))
    else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {target}\r\nConnection: close\r\n\r\n");
    let mut answer = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut answer).is_ok()
        && answer.starts_with("HTTP/1.1 200")
}

/// Finishes in-flight requests on Ctrl-C or SIGTERM.
#[cfg(feature = "ssr")]
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

#[cfg(not(feature = "ssr"))]
pub fn main() {}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<(String, bool)>, String> {
        parse_args(lexopt::Parser::from_args(args), "data".into())
            .map(|a| a.map(|a| (a.data_dir, a.check_only)))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_command_line() {
        let ok = |dir: &str, check: bool| Ok(Some((dir.to_string(), check)));
        assert_eq!(parse(&[]), ok("data", false));
        assert_eq!(parse(&["--data", "d"]), ok("d", false));
        assert_eq!(parse(&["--data=d"]), ok("d", false));
        assert_eq!(parse(&["--check-data"]), ok("data", true));
        assert_eq!(parse(&["--check-data", "d"]), ok("d", true));
        assert_eq!(parse(&["--check-data=d"]), ok("d", true));
        assert_eq!(parse(&["--check-data", "--data", "e"]), ok("e", true));
        assert_eq!(parse(&["--help"]), Ok(None));
        assert_eq!(parse(&["--data", "d", "-h"]), Ok(None));
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["stray"]).is_err());
        assert!(parse(&["--data"]).unwrap_err().contains("missing argument"));
    }
}
