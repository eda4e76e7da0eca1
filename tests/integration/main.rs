//! Every integration test in one binary: each separate test binary linked all of Leptos and
//! axum again, which dominated test build time on two cores.
//!
//! Run one module with `cargo test --features ssr --test integration <module>::`.

mod common;

mod answers;
mod architecture;
mod bytes;
mod calculator;
mod categories;
mod changes;
mod chart_snapshots;
mod data_loading;
mod decide_compare;
mod hardening;
mod home_table;
mod index_data;
mod index_v3;
mod island_props;
mod og_images;
mod one_answer;
mod operations;
mod own_words;
mod pages;
mod recommendation_walk;
mod seat_price;
mod stack;
mod stalls;
mod traffic;
mod vendor_picker;
