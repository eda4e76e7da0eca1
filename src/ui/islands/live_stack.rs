//! With JavaScript, the stack page updates as you edit it: the island posts the page's
//! one form in the background (the same POST a button makes without JavaScript), follows
//! the redirect to the stack's new address, puts that address in the address bar and
//! swaps in the new form. It also reads a chosen file into the list, and copies the link.
//! The browser holds no stack code and no vendor data: the server computes everything.

use leptos::prelude::*;

/// The page's form, and the part of it that carries the figures.
pub const FORM_ID: &str = "stack-form";
pub const LIVE_ID: &str = "stack-live";

/// A typed value waits this long for the next key before the form is sent.
#[cfg(feature = "hydrate")]
const TYPING_PAUSE_MS: u64 = 600;

#[island]
pub fn LiveStack() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::attach());
    // Screen readers hear the new totals after each change.
    view! { <p id="stack-announce" class="visually-hidden" aria-live="polite"></p> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{FORM_ID, TYPING_PAUSE_MS};
    use crate::ui::islands::browser_fetch::{fetch, Answer};
    use leptos::prelude::{document, set_timeout_with_handle, window, TimeoutHandle};
    use std::cell::{Cell, RefCell};
    use std::time::Duration;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        DomParser, Event, FormData, HtmlButtonElement, HtmlElement, HtmlFormElement,
        HtmlInputElement, HtmlTextAreaElement, RequestInit, SubmitEvent, SupportedType,
        UrlSearchParams,
    };

    thread_local! {
        // The newest request; an older answer arriving late is dropped.
        static LATEST: Cell<u32> = const { Cell::new(0) };
        static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    }

    fn form() -> Option<HtmlFormElement> {
        document().get_element_by_id(FORM_ID)?.dyn_into().ok()
    }

    /// Listeners sit on the document, so they keep working after the form is swapped.
    pub fn attach() {
        let on_submit = Closure::<dyn Fn(SubmitEvent)>::new(|ev: SubmitEvent| {
            let Some(form) = form() else { return };
            if ev.target().as_ref() != Some(form.as_ref()) {
                return;
            }
            ev.prevent_default();
            let submitter = ev
                .submitter()
                .and_then(|b| b.dyn_into::<HtmlButtonElement>().ok())
                .filter(|b| !b.name().is_empty())
                .map(|b| (b.name(), b.value()));
            send(form, submitter);
        });
        // A value chosen (a select, a finished field) applies at once; typing waits.
        let on_change = Closure::<dyn Fn(Event)>::new(|ev: Event| changed(&ev, false));
        let on_input = Closure::<dyn Fn(Event)>::new(|ev: Event| changed(&ev, true));
        let on_click = Closure::<dyn Fn(Event)>::new(|ev: Event| {
            let Some(b) = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlButtonElement>().ok())
                .filter(|b| b.class_list().contains("copy-link"))
            else {
                return;
            };
            if let Ok(href) = window().location().href() {
                let _ = window().navigator().clipboard().write_text(&href);
                b.set_text_content(Some("Link copied"));
            }
        });
        let doc = document();
        let _ = doc.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        let _ = doc.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ = doc.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        on_submit.forget();
        on_change.forget();
        on_input.forget();
        on_click.forget();
        reveal();
    }

    /// Shows what needs JavaScript: the file picker and the copy button.
    fn reveal() {
        for selector in [".file-pick", ".copy-link"] {
            if let Ok(list) = document().query_selector_all(selector) {
                for i in 0..list.length() {
                    if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                        el.set_hidden(false);
                    }
                }
            }
        }
    }

    fn changed(ev: &Event, typing: bool) {
        let Some(form) = form() else { return };
        let Some(target) = ev.target() else { return };
        // Only the stack's own fields; the list is sent by its button.
        let Some(el) = target.dyn_ref::<web_sys::Element>() else {
            return;
        };
        if !form.contains(Some(el.as_ref())) || el.is_instance_of::<HtmlTextAreaElement>() {
            return;
        }
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() == "file" {
                if !typing {
                    read_file(input.clone());
                }
                return;
            }
        } else if typing {
            return;
        }
        if let Some(h) = PENDING.with(|p| p.borrow_mut().take()) {
            h.clear();
        }
        if typing {
            let handle = set_timeout_with_handle(
                move || {
                    if let Some(form) = super::browser::form() {
                        send(form, None)
                    }
                },
                Duration::from_millis(TYPING_PAUSE_MS),
            );
            PENDING.with(|p| *p.borrow_mut() = handle.ok());
        } else {
            send(form, None);
        }
    }

    /// Puts a chosen file's text into the list and sends the form.
    fn read_file(input: HtmlInputElement) {
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Ok(text) = JsFuture::from(file.text()).await else {
                return;
            };
            let (Some(form), Some(area)) = (
                form(),
                document()
                    .get_element_by_id("stack-list")
                    .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()),
            ) else {
                return;
            };
            area.set_value(&text.as_string().unwrap_or_default());
            send(form, None);
        });
    }

    fn send(form: HtmlFormElement, submitter: Option<(String, String)>) {
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        if let Some((name, value)) = &submitter {
            let _ = data.append_with_str(name, value);
        }
        let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        let ticket = LATEST.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        });
        leptos::task::spawn_local(async move {
            let init = RequestInit::new();
            init.set_method("POST");
            init.set_body(&body);
            let Ok(Answer {
                url, text: html, ..
            }) = fetch(crate::domain::routes::Route::Stack.path(), Some(&init)).await
            else {
                // Offline or refused: the form still posts the normal way.
                let _ = form.submit();
                return;
            };
            if LATEST.with(Cell::get) != ticket {
                return;
            }
            if !swap(&html) {
                // Not a stack page (the list was refused as too large): show it whole.
                let _ = form.submit();
                return;
            }
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
            if let Ok(Some(el)) = document().query_selector(".print-link") {
                el.set_text_content(Some(&url));
            }
        });
    }

    /// Replaces the form with the fetched page's, keeping the field being edited as it is
    /// now (its value, focus and caret). Returns false when the page has no stack form.
    fn swap(html: &str) -> bool {
        let Ok(parser) = DomParser::new() else {
            return false;
        };
        let Ok(page) = parser.parse_from_string(html, SupportedType::TextHtml) else {
            return false;
        };
        let (Some(fresh), Some(current)) = (page.get_element_by_id(FORM_ID), form()) else {
            return false;
        };
        let active = document()
            .active_element()
            .filter(|a| current.contains(Some(a.as_ref())))
            .and_then(|a| {
                let input = a.dyn_into::<HtmlInputElement>().ok()?;
                Some((
                    input.id(),
                    input.value(),
                    input.selection_start().ok().flatten(),
                ))
            })
            .filter(|(id, _, _)| !id.is_empty());
        let _ = current.replace_with_with_node_1(&fresh);
        reveal();
        if let Some((id, value, caret)) = active {
            if let Some(input) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                input.set_value(&value);
                let _ = input.focus();
                if let Some(c) = caret {
                    let _ = input.set_selection_range(c, c);
                }
            }
        }
        if let (Some(live), Some(total)) = (
            document().get_element_by_id("stack-announce"),
            document().get_element_by_id("stack-totals-title"),
        ) {
            live.set_text_content(total.text_content().as_deref());
        }
        true
    }
}
