//! The 404 page: a real 404 status on the server, and a way back.

use crate::domain::routes::Route;
use crate::ui::http_status::set_status;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

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
            <p><A href=Route::Home.path()>"See all vendors"</A></p>
        </div>
    }
}
