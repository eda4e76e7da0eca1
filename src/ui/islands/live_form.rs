//! GET forms that work without JavaScript and, with it, update the URL in place.
//!
//! Each form owns a set of query keys. Without JavaScript it carries every other pair of
//! the current URL as hidden inputs; with JavaScript each change replaces the URL (no
//! reload, no history entry) with the form's values merged into the current query.
//! Both work inside islands: the query comes from `url_query`, not from a router.

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
