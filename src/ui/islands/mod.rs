//! The interactive parts of pages: Leptos islands, rendered on the server and hydrated in
//! the browser. Everything they need travels as props or lives in the address bar.

pub mod address_bar;
pub mod calculator;
pub mod decision_helper;
pub mod hydrated_marker;
pub mod live_form;
pub mod live_list;
pub mod vendor_props;
