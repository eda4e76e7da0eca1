//! The vendor picker of the calculator, the decision helper and the comparison: a search
//! box instead of a list of every vendor, so a page carries no vendor list however many
//! vendors there are.
//!
//! Without JavaScript it is a GET form: the text goes to the page as `vendor_q`, and the
//! page answers with the matching vendors as links (`ui::components::vendor_matches`).
//! With JavaScript it is an ARIA combobox: as the reader types it asks
//! `/api/vendor-search` for suggestions; the arrow keys move through them, Enter or a
//! click picks one, Escape closes the list. A pick opens the page for that vendor (its
//! figures come from the server), with the reader's other inputs kept and the old vendor's
//! plan and quotes dropped ([`Pick::query`]).

use crate::domain::vendor_search::{Pick, Suggestion, SEARCH};
use crate::ui::islands::address_bar::use_address_bar;
use leptos::prelude::*;

/// The element ids of the one picker a page has.
const INPUT_ID: &str = "vendor-pick";
const LIST_ID: &str = "vendor-pick-list";
const HINT_ID: &str = "vendor-pick-hint";

fn option_id(i: usize) -> String {
    format!("vendor-pick-{i}")
}

#[island]
pub fn VendorPicker(
    /// The page a pick opens (the page's own path).
    action: String,
    pick: Pick,
    label: String,
    /// What the box holds at first: the chosen vendor's name, or the text searched for.
    value: String,
) -> impl IntoView {
    let address = use_address_bar();
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    let open = RwSignal::new(false);
    // The suggestion the arrow keys are on.
    let active = RwSignal::new(None::<usize>);
    // What a screen reader is told after each answer.
    let status = RwSignal::new(String::new());
    let close = move || {
        open.set(false);
        active.set(None);
    };
    let go = {
        let action = action.clone();
        move |slug: &str| {
            let query = address.with(|q| pick.query(q, slug)).to_string();
            address.navigate(&action, &query);
        }
    };
    let on_keydown = {
        let go = go.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let count = suggestions.with(Vec::len);
            let step = |forward: bool| {
                if count == 0 {
                    return;
                }
                open.set(true);
                active.update(|a| {
                    *a = Some(match (*a, forward) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    })
                });
            };
            match ev.key().as_str() {
                "ArrowDown" => {
                    ev.prevent_default();
                    step(true);
                }
                "ArrowUp" => {
                    ev.prevent_default();
                    step(false);
                }
                // Without a suggestion chosen, Enter submits the form: the page lists matches.
                "Enter" if open.get_untracked() => {
                    let chosen = active
                        .get_untracked()
                        .and_then(|i| suggestions.with_untracked(|s| s.get(i).cloned()));
                    if let Some(s) = chosen {
                        ev.prevent_default();
                        go(&s.slug);
                    }
                }
                "Escape" if open.get_untracked() => {
                    ev.prevent_default();
                    close();
                }
                _ => {}
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        suggest(text, suggestions, open, active, status);
    };
    let options = move || {
        let go = go.clone();
        suggestions
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let go = go.clone();
                let slug = s.slug.clone();
                view! {
                    <li
                        id=option_id(i)
                        role="option"
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        // Keeps the focus in the box, so the list is still open for the click.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| go(&slug)
                    >
                        <span class="pick-name">{s.name}</span>
                        " "
                        <span class="pick-status">{s.status}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let list_label = format!("{label}: suggestions");
    view! {
        <form class="vendor-picker" method="get" action=action role="search">
            {move || address.with(|q| pick.kept(q)).pairs().iter().map(|(k, v)| view! {
                <input type="hidden" name=k.clone() value=v.clone()/>
            }).collect_view()}
            <label for=INPUT_ID>{label}</label>
            <div class="pick-row">
                <div class="pick-box">
                    <input
                        id=INPUT_ID
                        name=SEARCH
                        type="text"
                        value=value
                        role="combobox"
                        aria-autocomplete="list"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=LIST_ID
                        aria-activedescendant=move || active.get().map(option_id)
                        aria-describedby=HINT_ID
                        autocomplete="off"
                        spellcheck="false"
                        on:input=on_input
                        on:keydown=on_keydown
                        on:blur=move |_| close()
                        on:focus=move |_| select_all(input)
                        node_ref=input
                    />
                    <ul id=LIST_ID role="listbox" aria-label=list_label hidden=move || !open.get()>
                        {options}
                    </ul>
                </div>
                <button type="submit">"Find"</button>
            </div>
            <p id=HINT_ID class="hint">"Type part of a vendor's name."</p>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
        </form>
    }
}

/// Selects the box's text (the chosen vendor's name) on focus, so typing replaces it.
fn select_all(input: NodeRef<leptos::html::Input>) {
    #[cfg(feature = "hydrate")]
    if let Some(i) = input.get_untracked() {
        i.select();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = input;
}

/// Asks for the suggestions for `text` after a pause in typing; a late answer for older
/// text is dropped.
fn suggest(
    text: String,
    suggestions: RwSignal<Vec<Suggestion>>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    status: RwSignal<String>,
) {
    #[cfg(feature = "hydrate")]
    browser::suggest(text, suggestions, open, active, status);
    #[cfg(not(feature = "hydrate"))]
    let _ = (text, suggestions, open, active, status);
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::domain::routes::VENDOR_SEARCH;
    use crate::domain::url;
    use crate::domain::vendor_search::{Found, Suggestion, ENDPOINT_SEARCH};
    use crate::ui::islands::browser_fetch::fetch;
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::time::Duration;

    /// Typing waits this long for the next key before asking the server.
    const TYPING_PAUSE_MS: u64 = 120;

    thread_local! {
        // The newest request; an older answer arriving late is dropped.
        static LATEST: Cell<u32> = const { Cell::new(0) };
        static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    }

    pub fn suggest(
        text: String,
        suggestions: RwSignal<Vec<Suggestion>>,
        open: RwSignal<bool>,
        active: RwSignal<Option<usize>>,
        status: RwSignal<String>,
    ) {
        if let Some(h) = PENDING.with(|p| p.borrow_mut().take()) {
            h.clear();
        }
        let ticket = LATEST.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        });
        active.set(None);
        if text.trim().is_empty() {
            suggestions.set(Vec::new());
            open.set(false);
            return;
        }
        let ask = move || {
            leptos::task::spawn_local(async move {
                let path = format!(
                    "{VENDOR_SEARCH}?{}",
                    url::encode(&[(ENDPOINT_SEARCH, &text)])
                );
                let found = fetch(&path, None)
                    .await
                    .ok()
                    .filter(|a| a.ok)
                    .and_then(|a| serde_json::from_str::<Found>(&a.text).ok());
                if LATEST.with(Cell::get) != ticket {
                    return;
                }
                let found = found.unwrap_or(Found {
                    query: text,
                    total: 0,
                    vendors: Vec::new(),
                });
                status.set(match found.total {
                    0 => "No vendor matches.".to_string(),
                    1 => "1 vendor matches; down arrow to choose it.".to_string(),
                    n if n > found.vendors.len() => format!(
                        "{n} vendors match; the first {} are listed. Down arrow to choose.",
                        found.vendors.len()
                    ),
                    n => format!("{n} vendors match; down arrow to choose."),
                });
                open.set(!found.vendors.is_empty());
                suggestions.set(found.vendors);
            });
        };
        let handle = set_timeout_with_handle(ask, Duration::from_millis(TYPING_PAUSE_MS));
        PENDING.with(|p| *p.borrow_mut() = handle.ok());
    }
}
