//! A marker the browser tests wait for.

use leptos::prelude::*;

/// Marks the page once the browser has loaded its islands' code, which the browser tests
/// wait for before they interact. An island of its own: the rest of the page never hydrates.
#[island]
pub fn HydratedMarker() -> impl IntoView {
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
