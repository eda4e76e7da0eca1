//! `scim-ledger [--data DIR] [--check-data [DIR]]`
//!
//! Serves the site. The vendor data directory is `--data DIR`, else the environment variable
//! `SCIM_LEDGER_DATA`, else `data`. A broken data file stops start-up with file, field and
//! reason. `--check-data` only validates and exits.

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() {
    use std::path::PathBuf;
    use std::sync::Arc;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut data_dir = std::env::var("SCIM_LEDGER_DATA").unwrap_or_else(|_| "data".into());
    let mut check_only = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--data" | "--check-data" => {
                check_only |= args[i] == "--check-data";
                if let Some(dir) = args.get(i + 1).filter(|a| !a.starts_with("--")) {
                    data_dir = dir.clone();
                    i += 1;
                }
            }
            "-h" | "--help" => {
                println!("usage: scim-ledger [--data DIR] [--check-data [DIR]]");
                return;
            }
            other => {
                eprintln!("unknown argument `{other}` (try --help)");
                std::process::exit(2);
            }
        }
        i += 1;
    }

    let catalog = match scim_ledger::server::load::load_catalog(&PathBuf::from(&data_dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("scim-ledger: cannot start: {e}");
            std::process::exit(1);
        }
    };
    if check_only {
        println!(
            "{data_dir}: {} vendors, {} API guides: all valid",
            catalog.vendors.len(),
            catalog.api_guides.len()
        );
        return;
    }

    let options = scim_ledger::server::leptos_options();
    let addr = options.site_addr;
    let app = scim_ledger::server::router(Arc::new(catalog), options);
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("scim-ledger: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    println!("SCIM Ledger is running at http://{addr}/ (data: {data_dir})");
    if let Err(e) = axum::serve(listener, app.into_make_service())
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("scim-ledger: server error: {e}");
        std::process::exit(1);
    }
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
