//! What a screen reader hears when an island's answer changes.
//!
//! A live region re-reads everything it holds on every change, so it holds one short
//! sentence (the verdict, the advice), never the tables that update around it.

use leptos::prelude::*;

/// A visually hidden live region that says `sentence` each time it changes. It is empty on
/// load, where the page already states the same sentence once: it speaks only of changes.
#[component]
pub fn Announcement<F>(sentence: F) -> impl IntoView
where
    F: Fn() -> String + Send + Sync + 'static,
{
    let said = RwSignal::new(String::new());
    Effect::new(move |before: Option<String>| {
        let now = sentence();
        if before.as_ref().is_some_and(|b| *b != now) {
            said.set(now.clone());
        }
        now
    });
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || said.get()}</p> }
}
