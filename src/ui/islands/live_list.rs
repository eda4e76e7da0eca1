//! With JavaScript, a list follows its form as you type: the home table, a category's, the changes
//! page. Each change puts the form in the address bar, asks the server for that address (a
//! cached page: the form's own `action`, its keys from the route table) and swaps in the
//! new results. The lines are rendered on the server only, so the browser holds no vendor
//! data and no listing code; without JavaScript the form simply submits.

use crate::ui::islands::address_bar::use_address_bar;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Which list a page has: each names the parts of its page the island works with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LiveListOf {
    Vendors,
    Changes,
}

impl LiveListOf {
    /// The form the island listens to.
    pub fn form_id(self) -> &'static str {
        match self {
            LiveListOf::Vendors => "vendor-list",
            LiveListOf::Changes => "changes-form",
        }
    }

    /// The element the server renders the results into, replaced as a whole.
    pub fn results_id(self) -> &'static str {
        match self {
            LiveListOf::Vendors => "vendor-results",
            LiveListOf::Changes => "changes-results",
        }
    }

    /// The sentence that says what the results hold, read out after each change.
    pub fn caption_id(self) -> &'static str {
        match self {
            LiveListOf::Vendors => "vendors-caption",
            LiveListOf::Changes => "changes-caption",
        }
    }

    fn live_id(self) -> &'static str {
        match self {
            LiveListOf::Vendors => "vendors-live",
            LiveListOf::Changes => "changes-live",
        }
    }
}

/// Typing in the search box waits this long for the next key before asking the server.
#[cfg(feature = "hydrate")]
const TYPING_PAUSE_MS: u64 = 200;

#[island]
pub fn LiveList(of: LiveListOf) -> impl IntoView {
    let address = use_address_bar();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::attach(address, of));
    #[cfg(not(feature = "hydrate"))]
    let _ = address;
    // Screen readers hear the new caption after each change (the caption itself is swapped).
    view! { <p id=of.live_id() class="visually-hidden" aria-live="polite"></p> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{LiveListOf, TYPING_PAUSE_MS};
    use crate::domain::{listing, routes, url};
    use crate::ui::islands::address_bar::AddressBar;
    use crate::ui::islands::browser_fetch::{fetch, Answer};
    use leptos::prelude::{document, set_timeout_with_handle, TimeoutHandle};
    use std::cell::{Cell, RefCell};
    use std::time::Duration;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DomParser, Event, FormData, HtmlFormElement, SubmitEvent, SupportedType};

    thread_local! {
        // The newest request; an older answer arriving late is dropped.
        static LATEST: Cell<u32> = const { Cell::new(0) };
        static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    }

    fn form(of: LiveListOf) -> Option<HtmlFormElement> {
        document().get_element_by_id(of.form_id())?.dyn_into().ok()
    }

    pub fn attach(address: AddressBar, of: LiveListOf) {
        let Some(form) = form(of) else { return };
        let on_input = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.type_() == "search");
            if let Some(h) = PENDING.with(|p| p.borrow_mut().take()) {
                h.clear();
            }
            if typing {
                let handle = set_timeout_with_handle(
                    move || refresh(address, of, None),
                    Duration::from_millis(TYPING_PAUSE_MS),
                );
                PENDING.with(|p| *p.borrow_mut() = handle.ok());
            } else {
                refresh(address, of, None);
            }
        });
        let on_submit = Closure::<dyn Fn(SubmitEvent)>::new(move |ev: SubmitEvent| {
            ev.prevent_default();
            // A header button submits the form with its own `sort`.
            let sort = ev
                .submitter()
                .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
                .filter(|b| b.name() == listing::SORT)
                .map(|b| b.value());
            refresh(address, of, sort);
        });
        let _ = form.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        on_input.forget();
        on_submit.forget();
    }

    /// The form's values as the query of the page at `action` (its keys, in the route
    /// table's order), defaults left out.
    fn query(form: &HtmlFormElement, action: &str, sort: Option<&str>) -> String {
        let Ok(data) = FormData::new_with_form(form) else {
            return String::new();
        };
        let pairs: Vec<(&str, String)> = routes::keys(action)
            .iter()
            .filter_map(|&k| {
                let v = match (k, sort) {
                    (listing::SORT, Some(s)) => s.to_string(),
                    _ => data.get(k).as_string()?,
                };
                let v = v.trim().to_string();
                (!v.is_empty() && !listing::is_default(k, &v)).then_some((k, v))
            })
            .collect();
        url::encode(&pairs)
    }

    fn refresh(address: AddressBar, of: LiveListOf, sort: Option<String>) {
        let Some(form) = form(of) else { return };
        // The page the form belongs to (its `action`, a path of the route table).
        let action = form.get_attribute("action").unwrap_or_default();
        let q = query(&form, &action, sort.as_deref());
        address.replace(&action, &q);
        let ticket = LATEST.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        });
        let path = if q.is_empty() {
            action
        } else {
            format!("{action}?{q}")
        };
        leptos::task::spawn_local(async move {
            let Ok(Answer { text: html, .. }) = fetch(&path, None).await else {
                // Offline or refused: the form still submits the normal way.
                let _ = form.submit();
                return;
            };
            if LATEST.with(Cell::get) != ticket {
                return;
            }
            swap(&html, of, sort.as_deref());
        });
    }

    /// Replaces the results with those of the fetched page, keeps the focus on the header
    /// that was clicked, and announces the new count.
    fn swap(html: &str, of: LiveListOf, sort: Option<&str>) {
        let Ok(parser) = DomParser::new() else { return };
        let Ok(page) = parser.parse_from_string(html, SupportedType::TextHtml) else {
            return;
        };
        let (Some(fresh), Some(current)) = (
            page.get_element_by_id(of.results_id()),
            document().get_element_by_id(of.results_id()),
        ) else {
            return;
        };
        let _ = current.replace_with_with_node_1(&fresh);
        if let Some(key) = sort.map(|s| s.trim_start_matches('-').to_string()) {
            let selector = format!("th.col-{key} button");
            if let Ok(Some(b)) = document().query_selector(&selector) {
                if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        }
        if let (Some(live), Some(caption)) = (
            document().get_element_by_id(of.live_id()),
            document().get_element_by_id(of.caption_id()),
        ) {
            live.set_text_content(caption.text_content().as_deref());
        }
    }
}
