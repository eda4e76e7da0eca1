//! The vendor picker of the calculator, the decision helper and the comparison: a search
//! box instead of a list of every vendor, so a page carries no vendor list however many
//! vendors there are.
//!
//! Without JavaScript it is a GET form: the text goes to the page as `vendor_q` with what a
//! pick keeps of the address ([`Pick::kept`]), and the page answers with the matching
//! vendors as links (`ui::components::vendor_pick`). With JavaScript the form is an ARIA
//! combobox: as the reader types, the `VendorSuggestions` island asks
//! `/api/vendor-search` and lists the answer; the arrow keys move through it, Enter or a
//! click picks, Escape closes. A pick opens the page for that vendor (its figures come from
//! the server), with the reader's inputs kept and the old vendor's dropped ([`Pick::query`]).
//!
//! The form is drawn by the server; the island only listens to it and fills the list, with
//! the browser's DOM calls rather than a reactive view: a view and its signals would cost
//! the bundle about ten times as much.

use crate::domain::vendor_search::{Pick, SEARCH};
use crate::ui::islands::address_bar::use_address_bar;
use leptos::prelude::*;

/// The element ids of the one picker a page has.
const INPUT_ID: &str = "vendor-pick";
const LIST_ID: &str = "vendor-pick-list";
const HINT_ID: &str = "vendor-pick-hint";
const STATUS_ID: &str = "vendor-pick-status";

/// The search box, drawn on the server: a GET form that works as it is without JavaScript.
#[component]
pub fn VendorPicker(
    /// The page a pick opens (the page's own path).
    action: &'static str,
    pick: Pick,
    label: &'static str,
    /// What the box holds at first: the chosen vendor's name, or the text searched for.
    value: String,
) -> impl IntoView {
    let kept = use_address_bar().with(|q| pick.kept(q));
    view! {
        // `data-pick` names the key a pick writes, for the island.
        <form class="vendor-picker" method="get" action=action role="search" data-pick=pick.key()>
            {kept.pairs().iter().map(|(k, v)| view! { <input type="hidden" name=k.clone() value=v.clone()/> }).collect_view()}
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
                        aria-expanded="false"
                        aria-controls=LIST_ID
                        aria-describedby=HINT_ID
                        autocomplete="off"
                        spellcheck="false"
                    />
                    <ul id=LIST_ID role="listbox" aria-label=format!("{label}: suggestions") hidden></ul>
                </div>
                <button type="submit">"Find"</button>
            </div>
            <p id=HINT_ID class="hint">"Type part of a vendor's name."</p>
            // What a screen reader hears after each answer ("3 vendors match").
            <p id=STATUS_ID class="visually-hidden" role="status"></p>
            <VendorSuggestions/>
        </form>
    }
}

/// The picker's behaviour with JavaScript; it draws nothing of its own.
#[island]
fn VendorSuggestions() -> impl IntoView {
    // The form is already in the page (drawn before the island), so the listeners go on now.
    #[cfg(feature = "hydrate")]
    browser::attach(use_address_bar());
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{INPUT_ID, LIST_ID, STATUS_ID};
    use crate::domain::routes::Route;
    use crate::domain::url::Query;
    use crate::domain::vendor_search::{Pick, ENDPOINT_SEARCH, SEARCH};
    use crate::ui::islands::address_bar::AddressBar;
    use crate::ui::islands::browser_fetch::fetch;
    use leptos::prelude::{document, set_timeout_with_handle, TimeoutHandle};
    use std::cell::RefCell;
    use std::time::Duration;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

    /// Typing waits this long for the next key before asking the server.
    const TYPING_PAUSE_MS: u64 = 120;

    /// The one picker of the page.
    struct Picker {
        address: AddressBar,
        /// The page a pick opens, and what it writes (from the form).
        action: String,
        pick: Pick,
        /// The slugs listed, in order, and the one the arrow keys are on.
        listed: Vec<String>,
        active: Option<usize>,
        /// The newest request; an older answer arriving late is dropped.
        latest: u32,
        pending: Option<TimeoutHandle>,
    }

    thread_local! {
        static PICKER: RefCell<Option<Picker>> = const { RefCell::new(None) };
    }

    fn with<R>(f: impl FnOnce(&mut Picker) -> R) -> Option<R> {
        PICKER.with(|p| p.borrow_mut().as_mut().map(f))
    }

    fn by_id<T: JsCast>(id: &str) -> Option<T> {
        document().get_element_by_id(id)?.dyn_into().ok()
    }

    fn option_id(i: usize) -> String {
        format!("vendor-pick-{i}")
    }

    pub fn attach(address: AddressBar) {
        let (Some(input), Some(list)) = (
            by_id::<HtmlInputElement>(INPUT_ID),
            by_id::<HtmlElement>(LIST_ID),
        ) else {
            return;
        };
        let Some(form) = input.form() else { return };
        let (Some(action), Some(pick)) = (
            form.get_attribute("action"),
            form.get_attribute("data-pick")
                .and_then(|k| Pick::for_key(&k)),
        ) else {
            return;
        };
        PICKER.with(|p| {
            *p.borrow_mut() = Some(Picker {
                address,
                action,
                pick,
                listed: Vec::new(),
                active: None,
                latest: 0,
                pending: None,
            })
        });
        // One listener for every event of the picker (one closure is less code than seven).
        let on_event = Closure::<dyn Fn(Event)>::new(handle);
        let f = on_event.as_ref().unchecked_ref();
        for name in ["input", "keydown", "blur", "focus"] {
            let _ = input.add_event_listener_with_callback(name, f);
        }
        for name in ["mousedown", "click"] {
            let _ = list.add_event_listener_with_callback(name, f);
        }
        let _ = form.add_event_listener_with_callback("submit", f);
        // The listener lives as long as the page.
        on_event.forget();
    }

    fn handle(ev: Event) {
        match ev.type_().as_str() {
            "input" => changed(&box_text()),
            "keydown" => {
                if let Some(key) = ev.dyn_ref::<KeyboardEvent>() {
                    keydown(&ev, &key.key());
                }
            }
            "blur" => close(),
            // The chosen vendor's name is selected, so typing replaces it.
            "focus" => {
                if let Some(i) = by_id::<HtmlInputElement>(INPUT_ID) {
                    i.select();
                }
            }
            // A press on a suggestion keeps the focus in the box, so the list stays for the click.
            "mousedown" => ev.prevent_default(),
            "click" => {
                let option = ev
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("[role=option]").ok().flatten());
                if let Some(slug) = option.and_then(|o| o.get_attribute("data-slug")) {
                    go(Some(&slug));
                }
            }
            // With JavaScript the form submits the address as it is now (other islands may
            // have changed it in place): what a pick keeps, and the text searched for.
            "submit" => {
                ev.prevent_default();
                go(None);
            }
            _ => {}
        }
    }

    /// Opens the page with `slug` picked, or (`None`) the page's list of what the box
    /// holds: from the address as it is now, with what a pick adds to as the server read
    /// it (the form's own `vendors`, on a comparison).
    fn go(slug: Option<&str>) {
        with(|p| {
            let key = p.pick.key();
            let before = by_id::<HtmlInputElement>(INPUT_ID)
                .and_then(|i| i.form())
                .and_then(|f| {
                    f.query_selector(&format!("input[type=hidden][name={key}]"))
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.get_attribute("value"));
            let rest = p.address.with(|q| q.foreign(p.pick.dropped()));
            let query = match slug {
                Some(slug) => p.pick.with(before.as_deref(), rest, slug),
                None => {
                    let mut pairs: Vec<(String, String)> =
                        before.map(|b| (key.to_string(), b)).into_iter().collect();
                    pairs.extend(rest);
                    pairs.push((SEARCH.to_string(), box_text()));
                    Query::from_pairs(pairs)
                }
            };
            p.address.navigate(&p.action, &query.to_string());
        });
    }

    /// What the box holds now.
    fn box_text() -> String {
        by_id::<HtmlInputElement>(INPUT_ID)
            .map(|i| i.value())
            .unwrap_or_default()
    }

    fn keydown(ev: &Event, key: &str) {
        let Some((count, active)) = with(|p| (p.listed.len(), p.active)) else {
            return;
        };
        let open = by_id::<HtmlElement>(LIST_ID).is_some_and(|l| !l.hidden());
        match key {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                ev.prevent_default();
                let next = match (active, key == "ArrowDown") {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                };
                show(true);
                activate(Some(next));
            }
            // Without a suggestion chosen, Enter submits the form: the page lists the matches.
            "Enter" if open => {
                if let Some(slug) =
                    with(|p| active.and_then(|i| p.listed.get(i).cloned())).flatten()
                {
                    ev.prevent_default();
                    go(Some(&slug));
                }
            }
            "Escape" if open => {
                ev.prevent_default();
                close();
            }
            _ => {}
        }
    }

    /// Shows or hides the list, as the box's `aria-expanded` says.
    fn show(open: bool) {
        if let Some(list) = by_id::<HtmlElement>(LIST_ID) {
            list.set_hidden(!open);
        }
        if let Some(input) = by_id::<Element>(INPUT_ID) {
            let _ = input.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
    }

    fn close() {
        show(false);
        activate(None);
    }

    /// Marks suggestion `i` as the one the keys are on (none with `None`).
    fn activate(i: Option<usize>) {
        let Some(count) = with(|p| {
            p.active = i;
            p.listed.len()
        }) else {
            return;
        };
        for n in 0..count {
            if let Some(option) = by_id::<Element>(&option_id(n)) {
                let on = Some(n) == i;
                let _ = option.set_attribute("aria-selected", if on { "true" } else { "false" });
            }
        }
        if let Some(input) = by_id::<Element>(INPUT_ID) {
            let _ = match i {
                Some(n) => input.set_attribute("aria-activedescendant", &option_id(n)),
                None => input.remove_attribute("aria-activedescendant"),
            };
        }
    }

    /// After a pause in typing, asks for the suggestions for `text`.
    fn changed(text: &str) {
        let path = format!(
            "{}?{ENDPOINT_SEARCH}={}",
            Route::VendorSearch.path(),
            String::from(js_sys::encode_uri_component(text))
        );
        let empty = text.trim().is_empty();
        let Some(ticket) = with(|p| {
            if let Some(h) = p.pending.take() {
                h.clear();
            }
            p.latest = p.latest.wrapping_add(1);
            p.latest
        }) else {
            return;
        };
        if empty {
            fill(&JsValue::UNDEFINED);
            return;
        }
        let ask = move || {
            leptos::task::spawn_local(async move {
                let answer = fetch(&path, None).await.ok().filter(|a| a.ok);
                if with(|p| p.latest) != Some(ticket) {
                    return;
                }
                let found = answer
                    .and_then(|a| js_sys::JSON::parse(&a.text).ok())
                    .unwrap_or(JsValue::UNDEFINED);
                fill(&found);
            });
        };
        let handle = set_timeout_with_handle(ask, Duration::from_millis(TYPING_PAUSE_MS)).ok();
        with(|p| p.pending = handle);
    }

    fn field(of: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(of, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Lists the suggestions of an answer of `/api/vendor-search` (none for `undefined`),
    /// and says how many there are.
    fn fill(found: &JsValue) {
        let (Some(list), Some(status)) = (by_id::<Element>(LIST_ID), by_id::<Element>(STATUS_ID))
        else {
            return;
        };
        list.set_inner_html("");
        let vendors: js_sys::Array = field(found, "vendors")
            .dyn_into()
            .unwrap_or_else(|_| js_sys::Array::new());
        let mut slugs = Vec::new();
        for v in vendors.iter() {
            let text = |key: &str| field(&v, key).as_string().unwrap_or_default();
            let Ok(option) = document().create_element("li") else {
                continue;
            };
            let slug = text("slug");
            for (name, value) in [
                ("id", option_id(slugs.len())),
                ("role", "option".into()),
                ("aria-selected", "false".into()),
                ("data-slug", slug.clone()),
            ] {
                let _ = option.set_attribute(name, &value);
            }
            for (class, key) in [("pick-name", "name"), ("pick-status", "status")] {
                if let Ok(span) = document().create_element("span") {
                    span.set_class_name(class);
                    span.set_text_content(Some(&text(key)));
                    let _ = option.append_child(&span);
                }
            }
            let _ = list.append_child(&option);
            slugs.push(slug);
        }
        let listed = slugs.len();
        with(|p| p.listed = slugs);
        let total = field(found, "total").as_f64().map_or(0, |t| t as usize);
        let said = match total {
            _ if found.is_undefined() => String::new(),
            0 => "No vendor matches.".to_string(),
            n => format!("{n} found, {listed} listed: down arrow to choose."),
        };
        status.set_text_content(Some(&said));
        activate(None);
        show(listed > 0);
    }
}
