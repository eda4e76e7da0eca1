//! Lists of data strings. Text is always inserted as text (escaped), never as HTML.

use leptos::prelude::*;

#[component]
pub fn Paragraphs(items: Vec<String>) -> impl IntoView {
    items
        .into_iter()
        .map(|p| view! { <p>{p}</p> })
        .collect_view()
}

#[component]
pub fn BulletList(items: Vec<String>) -> impl IntoView {
    view! { <ul class="bullets">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

#[component]
pub fn StepList(items: Vec<String>) -> impl IntoView {
    view! { <ol class="steps">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol> }
}

/// One term/description pair in a fact list; `None` reads "Not stated".
#[component]
pub fn Fact(term: &'static str, #[prop(into)] value: Option<String>) -> impl IntoView {
    let missing = value.is_none();
    view! {
        <div class="fact">
            <dt>{term}</dt>
            <dd class:unknown=missing>{value.unwrap_or_else(|| "Not stated".into())}</dd>
        </div>
    }
}
