//! The HTTP status of the page being rendered. Pages render on the server, so a page that
//! shows an error can answer with the status the same error gets from the JSON API.

/// Sets the HTTP status of the response being rendered (no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = axum::http::StatusCode::from_u16(code) {
            res.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// A page whose input could not be used as given: it still shows the figures (with the
/// values used instead) and the messages, but answers 400 as `/api/cost` does.
pub fn bad_input_when(any: bool) {
    if any {
        set_status(400);
    }
}
