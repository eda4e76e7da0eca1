//! One module per page of the route table, each with the function that loads its data.

pub mod api_guide;
pub mod calculator;
pub mod categories;
pub mod category;
pub mod changes;
pub mod compare;
pub mod decide;
pub mod home;
pub mod not_found;
pub mod sources;
pub mod stack;
pub mod vendor;

use crate::domain::catalog::Catalog;
use std::sync::Arc;

/// The catalog loaded at start-up, which the server provides to every render. Each page
/// loads its data from it with a plain function in the page's own file.
pub fn use_catalog() -> Arc<Catalog> {
    leptos::prelude::expect_context::<Arc<Catalog>>()
}
