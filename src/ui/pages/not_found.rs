//! The 404 page: a real 404 status on the server, and a way back.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// Sets the HTTP status of the response being rendered (no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = axum::http::StatusCode::from_u16(code) {
            res.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

#[component]
pub fn NotFound(#[prop(optional, into)] what: Option<String>) -> impl IntoView {
    set_status(404);
    let message = what.unwrap_or_else(|| "There is no page at this address.".into());
    view! {
        <Title text="Not found"/>
        <Meta name="robots" content="noindex"/>
        <div class="not-found">
            <h1>"Page not found"</h1>
            <p>{message}</p>
            <p><A href="/">"See all vendors"</A></p>
        </div>
    }
}
