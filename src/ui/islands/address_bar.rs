//! The page's query string as reactive state, without a client-side router.
//!
//! Pages render on the server only; the interactive parts are islands, hydrated one by
//! one, and the browser runs no router. The islands of a page share one signal holding
//! the query string: on the server it comes from the request, in the browser from the
//! address bar, and each change replaces the address in place (no reload, no history
//! entry), so the address bar is always the shareable link.

use crate::domain::url::Query;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AddressBar(RwSignal<String>);

#[cfg(feature = "hydrate")]
thread_local! {
    // One per page in the browser: every island reads and writes the same one. It starts
    // as the query the server drew the page from: the address's keys this page reads
    // (`routes::canonical`). A key the server dropped (`quote=` on `/decide`) must not
    // change the figures in the browser, where hydration expects the server's page.
    static SEARCH: ArcRwSignal<String> = ArcRwSignal::new({
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        let query = Query::parse(search.trim_start_matches('?'));
        crate::domain::routes::canonical(&path, &query).to_string()
    });
}

/// The current query string, shared by every island of the page.
pub fn use_address_bar() -> AddressBar {
    #[cfg(feature = "hydrate")]
    {
        AddressBar(SEARCH.with(|s| RwSignal::from(s.clone())))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        #[cfg(feature = "ssr")]
        let search = use_context::<axum::http::request::Parts>()
            .and_then(|p| p.uri.query().map(str::to_string))
            .unwrap_or_default();
        #[cfg(not(feature = "ssr"))]
        let search = String::new();
        AddressBar(RwSignal::new(search))
    }
}

impl AddressBar {
    /// The value of `key` (the last one, if repeated), decoded; tracked.
    pub fn get(&self, key: &str) -> Option<String> {
        self.with(|q| q.get(key).map(str::to_string))
    }

    /// Reads the parsed query; tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Query) -> R) -> R {
        self.0.with(|s| f(&Query::parse(s)))
    }

    /// The whole query string (no `?`); tracked.
    pub fn search(&self) -> String {
        self.0.get()
    }

    /// Loads `path?query` as a new page (when the page's data changes, not just its inputs).
    pub fn navigate(&self, path: &str, query: &str) {
        #[cfg(feature = "hydrate")]
        {
            let _ = window().location().set_href(&format!("{path}?{query}"));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (path, query);
    }

    /// Replaces the address with `path?query` and tells every island.
    pub fn replace(&self, path: &str, query: &str) {
        #[cfg(feature = "hydrate")]
        {
            let url = if query.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{query}")
            };
            let hash = window().location().hash().unwrap_or_default();
            if let Ok(history) = window().history() {
                let full = format!("{url}{hash}");
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&full));
            }
            // The printed report names its own address.
            if let Ok(Some(el)) = document().query_selector(".print-link") {
                if let Ok(href) = window().location().href() {
                    el.set_text_content(Some(&href));
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = path;
        self.0.set(query.to_string());
    }
}
