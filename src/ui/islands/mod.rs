//! The interactive parts of pages: Leptos islands, rendered on the server and hydrated in
//! the browser. Everything they need travels as props or lives in the address bar.

pub mod address_bar;
pub mod announcement;
#[cfg(feature = "hydrate")]
pub mod browser_fetch;
pub mod calculator;
pub mod decision_helper;
pub mod form_fields;
pub mod hydrated_marker;
pub mod live_form;
pub mod live_list;
pub mod live_stack;
pub mod vendor_picker;
pub mod vendor_props;

/// Leptos's `#[island]` serialises an island's props wherever the island is built, the
/// browser included, where nothing reads the result (the server already wrote them into
/// the page). A props type derives `Serialize` everywhere but in the browser build
/// (`#[cfg_attr(not(feature = "hydrate"), derive(serde::Serialize))]`) and gets this
/// there instead: it serialises as nothing, so the bundle carries no serialiser for it.
macro_rules! serialized_by_the_server_only {
    ($($props:ty),*) => {$(
        #[cfg(feature = "hydrate")]
        impl serde::Serialize for $props {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_unit()
            }
        }
    )*};
}

serialized_by_the_server_only!(vendor_props::VendorProps);
