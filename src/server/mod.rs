//! The axum application: Leptos pages, the JSON and CSV routes, cards, static files, probes.
//! Kept apart from `main.rs` so tests can build the same router around any catalog.
//! Requests pass `pace` (limits), `response` (cache, headers), then the routes of the table
//! in `domain::routes`: the pages through Leptos, the rest here.

pub mod assets;
pub mod changes;
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
use crate::domain::routes::Route;
pub use crate::server::config::leptos_options;
use crate::server::config::Settings;
use crate::server::response::{CspNonce, Site};
use crate::ui::app::{shell, App};
use crate::ui::components::layout::SiteOrigin;
use axum::extract::{FromRef, State};
use axum::http::Method;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::{CompressionLayer, CompressionLevel};

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

/// What every handler reads, as axum state: the catalog loaded at start-up, the drawn
/// cards, the bundle's stylesheet (for refusal pages) and Leptos's settings.
#[derive(Clone)]
pub struct AppState {
    pub catalog: Arc<Catalog>,
    pub cards: Arc<og_image::Cards>,
    pub stylesheet: Arc<str>,
    pub health: Arc<health::Health>,
    pub options: LeptosOptions,
}

macro_rules! from_state {
    ($($field:ident: $ty:ty),*) => {$(
        impl FromRef<AppState> for $ty {
            fn from_ref(state: &AppState) -> $ty {
                state.$field.clone()
            }
        }
    )*};
}
from_state!(catalog: Arc<Catalog>, cards: Arc<og_image::Cards>, stylesheet: Arc<str>, health: Arc<health::Health>, options: LeptosOptions);

/// The routes that are not Leptos pages, each at its path in the route table.
fn data_routes() -> Router<AppState> {
    use crate::server::{csv, json_api};
    let at = |route: Route| route.path();
    Router::new()
        .route(at(Route::Healthz), get(|| async { "ok" }))
        .route(at(Route::Readyz), get(health::readyz))
        .route(at(Route::ApiCost), get(json_api::cost))
        .route(at(Route::ChartSvg), get(chart_svg::chart))
        .route(at(Route::VendorSearch), get(json_api::vendor_search))
        .route(at(Route::ApiVendors), get(json_api::vendors))
        .route(at(Route::ApiVendor), get(json_api::vendor))
        .route(at(Route::ChangesFeed), get(changes::feed))
        .route(at(Route::ApiChanges), get(changes::json))
        .route(at(Route::VendorsCsv), get(csv::vendors_csv))
        .route(at(Route::StackCsv), get(csv::stack_csv))
        .route(at(Route::CompareCsv), get(csv::compare_csv))
        .route(
            at(Route::ApiStack),
            get(json_api::stack).post(json_api::stack_list),
        )
        // The stack page's form posts here; its GET is the Leptos page.
        .route(at(Route::Stack), post(stack_form::post))
        .route(at(Route::Card), get(og_image::image))
}

pub fn app(catalog: Arc<Catalog>, options: LeptosOptions, settings: Settings) -> App {
    let health = health::Health::new(catalog.vendors.len());
    let (assets, fingerprinted) = assets::find(&options);
    let site = Site::with_assets(settings, assets.clone(), fingerprinted);
    let routes = generate_route_list(App);
    let state = AppState {
        catalog: catalog.clone(),
        cards: Arc::new(og_image::Cards::new(catalog.clone())),
        stylesheet: Arc::from(assets.css.as_str()),
        health: health.clone(),
        options: options.clone(),
    };
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
    let router = data_routes()
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback({
            let files = leptos_axum::file_and_error_handler_with_context(context, shell);
            // Static files and the 404 page are read-only: other methods get 405, not the file.
            move |uri, state: State<AppState>, req: axum::extract::Request| {
                let files = files.clone();
                async move {
                    match *req.method() {
                        Method::GET | Method::HEAD => files(uri, state, req).await,
                        _ => crate::server::guard::method_not_allowed(),
                    }
                }
            }
        })
        .with_state(state)
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
