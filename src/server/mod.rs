//! The axum application: Leptos routes, server functions, static files, `/healthz`.
//! Kept apart from `main.rs` so tests can build the same router around any catalog.
//! Requests pass `response` (limits, cache, headers), then `guard` (server functions).

pub mod assets;
pub mod chart_svg;
pub mod check;
pub mod config;
pub mod csv;
pub mod datasets;
pub mod guard;
pub mod health;
pub mod json_api;
pub mod listen;
pub mod load;
pub mod og_image;
pub mod pace;
pub mod partial;
pub mod refusing;
pub mod response;
pub mod stack_form;
pub mod work;

use crate::domain::catalog::Catalog;
use crate::server::config::Settings;
use crate::server::response::{CspNonce, Site};
use crate::ui::app::{shell, App};
use crate::ui::components::layout::SiteOrigin;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery};
use axum::http::{Method, Uri};
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Leptos settings from cargo-leptos's environment variables, with defaults that match
/// `Cargo.toml` so the binary also runs on its own (tests, `target/release/scim-ledger`).
pub fn leptos_options() -> LeptosOptions {
    let from_cargo_leptos = std::env::var_os("LEPTOS_OUTPUT_NAME").is_some()
        || option_env!("LEPTOS_OUTPUT_NAME").is_some();
    if from_cargo_leptos {
        if let Ok(conf) = leptos::config::get_configuration(None) {
            return conf.leptos_options;
        }
    }
    let env = |key: &str, default: &str| std::env::var(key).unwrap_or_else(|_| default.into());
    LeptosOptions::builder()
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

/// The router with default settings (no public URL, no proxy): what the tests serve.
pub fn router(catalog: Arc<Catalog>, options: LeptosOptions) -> Router {
    router_with(catalog, options, Settings::default())
}

pub fn router_with(catalog: Arc<Catalog>, options: LeptosOptions, settings: Settings) -> Router {
    app(catalog, options, settings).router
}

/// What `listen::serve` serves: the router, the handle that marks it as draining (for the
/// binary's SIGTERM handler), and the site its connections' settings and refusals come from.
pub struct App {
    pub router: Router,
    pub health: Arc<health::Health>,
    pub site: Arc<Site>,
}

pub fn app(catalog: Arc<Catalog>, options: LeptosOptions, settings: Settings) -> App {
    let health = health::Health::new(catalog.vendors.len());
    let (assets, fingerprinted) = assets::find(&options);
    let site = Site::with_assets(settings, assets.clone(), fingerprinted);
    let routes = generate_route_list(App);
    let c = catalog.clone();
    let cards = Arc::new(og_image::Cards::new(catalog.clone()));
    let api = Router::new()
        .route("/api/cost", {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| crate::server::json_api::cost(c.clone(), q))
        })
        .route(crate::domain::routes::CHART_SVG, {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| chart_svg::chart(c.clone(), q))
        })
        .route(crate::domain::routes::VENDOR_SEARCH, {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| crate::server::json_api::vendor_search(c.clone(), q))
        })
        .route("/api/vendors", {
            let c = c.clone();
            get(move || crate::server::json_api::vendors(c.clone()))
        })
        .route("/api/vendors/{slug}", {
            let c = c.clone();
            // A slug that is not UTF-8 gets the same JSON error as an unknown one.
            get(
                move |slug: Result<Path<String>, PathRejection>| async move {
                    let slug = slug.map(|Path(s)| s).unwrap_or_default();
                    crate::server::json_api::vendor(c.clone(), &slug).await
                },
            )
        })
        .route("/vendors.csv", {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| crate::server::csv::vendors_csv(c.clone(), q))
        })
        .route("/stack.csv", {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| crate::server::csv::stack_csv(c.clone(), q))
        })
        .route("/api/stack", {
            let (c, c2) = (c.clone(), c.clone());
            get(move |RawQuery(q): RawQuery| crate::server::json_api::stack(c.clone(), q)).post(
                move |RawQuery(q): RawQuery, req: axum::extract::Request| {
                    crate::server::json_api::stack_list(c2.clone(), q, req)
                },
            )
        })
        .route("/stack", {
            let (c, css) = (c.clone(), Arc::<str>::from(assets.css.as_str()));
            post(move |req: axum::extract::Request| {
                crate::server::stack_form::post(c.clone(), css.clone(), req)
            })
        })
        .route("/compare.csv", {
            let c = c.clone();
            get(move |RawQuery(q): RawQuery| crate::server::csv::compare_csv(c.clone(), q))
        })
        // Link-preview images: `/og/calculator.png?…` for `/calculator?…` (`routes::card_path`).
        .route(
            "/og/{*image}",
            get(move |uri: Uri| og_image::image(cards.clone(), uri)),
        );
    let context = move || {
        provide_context(catalog.clone());
        provide_context(assets.clone());
        // The response layer chose this response's CSP nonce (the hydration scripts use it)
        // and the origin its page addresses start with.
        let parts = use_context::<axum::http::request::Parts>();
        let extension = |p: &axum::http::request::Parts| {
            (
                p.extensions.get::<CspNonce>().cloned(),
                p.extensions.get::<SiteOrigin>().cloned(),
            )
        };
        let (nonce, origin) = parts.as_ref().map(extension).unwrap_or_default();
        if let Some(CspNonce(n)) = nonce {
            provide_context(leptos::nonce::Nonce::from_value(n));
        }
        if let Some(origin) = origin {
            provide_context(origin);
        }
    };
    let router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(health::readyz).with_state(health.clone()))
        .merge(api)
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback({
            let files = leptos_axum::file_and_error_handler_with_context(context, shell);
            // Static files and the 404 page are read-only: other methods get 405, not the file.
            move |uri, state, req: axum::extract::Request| {
                let files = files.clone();
                async move {
                    match *req.method() {
                        Method::GET | Method::HEAD => files(uri, state, req).await,
                        _ => crate::server::guard::method_not_allowed(),
                    }
                }
            }
        })
        .with_state(options)
        .layer(axum::middleware::from_fn_with_state(
            crate::server::guard::ServerFns::registered(),
            crate::server::guard::server_fns,
        ))
        .layer(axum::middleware::from_fn_with_state(
            site.clone(),
            crate::server::response::layer,
        ))
        // Compresses what the page cache does not keep (errors, other methods, large files);
        // the cache sends its own stored compressed bytes.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Precise(4))
                .compress_when(crate::server::response::compress_unless_cached()),
        )
        .layer(axum::middleware::from_fn_with_state(
            site.clone(),
            crate::server::pace::pace,
        ))
        .layer(axum::middleware::from_fn(health::log_request));
    App {
        router,
        health,
        site,
    }
}
