//! Requests from the islands to our own server (browser build only). Islands ask for the
//! same plain addresses a reader can open (a page, `/chart.svg`), so the bundle carries no
//! server-function client and no serialiser for their answers.

use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

/// An answer read to the end: whether its status was 2xx, the address it came from after
/// redirects, and its body as text.
pub struct Answer {
    pub ok: bool,
    pub url: String,
    pub text: String,
}

/// A GET of `path`, or the request `init` describes. `Err` when the network refused.
pub async fn fetch(path: &str, init: Option<&RequestInit>) -> Result<Answer, JsValue> {
    let pending = match init {
        Some(init) => window().fetch_with_str_and_init(path, init),
        None => window().fetch_with_str(path),
    };
    let response: Response = JsFuture::from(pending).await?.dyn_into()?;
    let text = JsFuture::from(response.text()?).await?.as_string();
    Ok(Answer {
        ok: response.ok(),
        url: response.url(),
        text: text.unwrap_or_default(),
    })
}
