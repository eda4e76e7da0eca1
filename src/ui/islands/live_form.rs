//! GET forms that work without JavaScript and, with it, update the URL in place.
//!
//! Each form owns a set of query keys. Without JavaScript it carries every other pair of
//! the current URL as hidden inputs; with JavaScript each change replaces the URL (no
//! reload, no history entry) with the form's values merged into the current query.
//! Both work inside islands: the query comes from `url_query`, not from a router.
//!
//! What a reader types before the island hydrates is kept: hydration sets each field from
//! the address (the server's value), so the form notes what differs from what the server
//! wrote just before, puts it back just after (before the browser handles another key),
//! and updates the address from it, so the figures follow what is in the fields.

use crate::ui::islands::address_bar::use_address_bar;
use leptos::prelude::*;

/// Hidden inputs for the pairs of the current URL that the form does not own.
#[component]
pub fn CarryOver(own: &'static [&'static str]) -> impl IntoView {
    let query = use_address_bar();
    move || {
        query
            .with(|q| q.foreign(own))
            .into_iter()
            .map(|(k, v)| view! { <input type="hidden" name=k value=v/> })
            .collect_view()
    }
}

/// With JavaScript a submit (Enter, or the form's button) updates in place instead of
/// loading the page again.
pub fn on_submit(update: impl Fn() + 'static) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    move |ev| {
        ev.prevent_default();
        update();
    }
}

/// Returns a closure that, in the browser, replaces the URL with `action` and the form's
/// current values; on the server it does nothing.
pub fn live_update(
    action: String,
    own: &'static [&'static str],
    form_ref: NodeRef<leptos::html::Form>,
    is_default: fn(&str, &str) -> bool,
) -> impl Fn() + Clone + 'static {
    #[cfg(feature = "hydrate")]
    {
        let url = use_address_bar();
        move || {
            let Some(form) = form_ref.get_untracked() else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                return;
            };
            let fresh: Vec<(String, String)> = own
                .iter()
                .filter_map(|k| Some((k.to_string(), data.get(k).as_string()?)))
                // A value the URL means anyway stays out, so the address is only what
                // the reader changed.
                .filter(|(k, v)| !is_default(k, v))
                .collect();
            // A form's vendor is fixed (another is picked with the vendor picker, which
            // loads its page), so a change here is only ever an input: replace in place.
            let query = url.with(|q| q.merge(own, &fresh)).to_string();
            url.replace(&action, &query);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (action, own, form_ref, is_default);
        || ()
    }
}

/// A form's submit button (what it does without JavaScript) and a link back to the defaults.
#[component]
pub fn FormActions(
    submit: &'static str,
    reset_href: String,
    reset_label: &'static str,
) -> impl IntoView {
    view! {
        <p class="form-actions">
            <button type="submit">{submit}</button>
            " "
            <a href=reset_href class="reset">{reset_label}</a>
        </p>
    }
}

/// A GET form that owns the query keys `own`: it carries every other parameter of the
/// current URL, and with JavaScript each input replaces the URL in place.
///
/// The children keep their own type (not `Children`, which boxes them as an `AnyView`): an
/// `AnyView` carries every way of rendering its view, async hydration included, into the
/// browser bundle, though islands only ever hydrate synchronously.
#[component]
pub fn LiveForm<C: IntoView + 'static>(
    class: &'static str,
    /// Where the form submits (the page's own path).
    action: String,
    own: &'static [&'static str],
    /// Whether a key's value is its default (left out of the address).
    is_default: fn(&str, &str) -> bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let children = children.into_inner();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let update = live_update(action.clone(), own, form_ref, is_default);
    let on_submit = on_submit(update.clone());
    #[cfg(feature = "hydrate")]
    {
        // Read now, while the page is still the server's with the reader's keys in it;
        // hydration (below) sets every field from the address. An effect's first run
        // comes right after hydration, before the browser handles any other event.
        let mut typed = Some(before_hydration::changed(class)).filter(|t| !t.is_empty());
        if typed.is_some() {
            let update = update.clone();
            // Once, and untracked: the update reads the address it writes.
            Effect::new(move |_| {
                if let Some(typed) = typed.take() {
                    untrack(|| {
                        before_hydration::restore(&typed);
                        update();
                    });
                }
            });
        }
    }
    view! {
        <form
            class=class
            method="get"
            action=action
            node_ref=form_ref
            on:input=move |_| update()
            on:submit=on_submit
        >
            <CarryOver own/>
            {children()}
        </form>
    }
}

/// The fields a reader changed before the form's island hydrated (browser only).
#[cfg(feature = "hydrate")]
mod before_hydration {
    use leptos::prelude::document;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

    /// A field and what the reader made it.
    pub enum Changed {
        Text(HtmlInputElement, String),
        Checked(HtmlInputElement, bool),
        Chosen(HtmlSelectElement, i32),
    }

    fn all(root: &Element, css: &str) -> Vec<Element> {
        let Ok(list) = root.query_selector_all(css) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// Each field of the server's `form.{class}` whose state is not the one the server
    /// wrote (its `value`, `checked` and `selected` attributes).
    pub fn changed(class: &str) -> Vec<Changed> {
        let Some(form) = document()
            .query_selector(&format!("form.{class}"))
            .ok()
            .flatten()
        else {
            return Vec::new();
        };
        all(&form, "input:not([type=hidden]), select")
            .into_iter()
            .filter_map(|field| {
                if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
                    let moved = all(select, "option").iter().any(|o| {
                        o.dyn_ref::<HtmlOptionElement>()
                            .is_some_and(|o| o.selected() != o.default_selected())
                    });
                    return moved.then(|| Changed::Chosen(select.clone(), select.selected_index()));
                }
                let input = field.dyn_into::<HtmlInputElement>().ok()?;
                match input.type_().as_str() {
                    "radio" | "checkbox" => (input.checked() != input.default_checked())
                        .then(|| Changed::Checked(input.clone(), input.checked())),
                    _ => (input.value() != input.default_value())
                        .then(|| Changed::Text(input.clone(), input.value())),
                }
            })
            .collect()
    }

    /// Puts the reader's changes back.
    pub fn restore(changed: &[Changed]) {
        for c in changed {
            match c {
                Changed::Text(input, value) if input.value() != *value => input.set_value(value),
                Changed::Checked(input, checked) => input.set_checked(*checked),
                Changed::Chosen(select, index) => select.set_selected_index(*index),
                Changed::Text(..) => {}
            }
        }
    }
}
