//! The server functions: the one place pages and islands get data from, one per file. On
//! the server they read the catalog loaded at start-up (provided as context); from the
//! browser they are HTTP calls.

mod find_vendors;
mod get_api_guide;
mod get_guide;
mod get_sources;
mod get_stack;
mod get_vendors;
mod list_vendors;

pub use find_vendors::find_vendors;
pub use get_api_guide::{get_api_guide, ApiGuideData};
pub use get_guide::{get_guide, GuideData};
pub use get_sources::{get_sources, SeedPage, SourcesData};
pub use get_stack::{get_stack, StackData};
pub use get_vendors::{get_vendors, VendorSet};
pub use list_vendors::list_vendors;

/// The catalog loaded at start-up (see `server::router`).
#[cfg(feature = "ssr")]
fn catalog(
) -> Result<std::sync::Arc<crate::domain::catalog::Catalog>, leptos::prelude::ServerFnError> {
    use leptos::prelude::*;
    use_context::<std::sync::Arc<crate::domain::catalog::Catalog>>()
        .ok_or_else(|| ServerFnError::new("the vendor catalog is not loaded"))
}
