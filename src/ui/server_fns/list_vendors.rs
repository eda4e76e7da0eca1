//! The home table's rows.

use crate::domain::listing::VendorRow;
use leptos::prelude::*;

#[server]
pub async fn list_vendors() -> Result<Vec<VendorRow>, ServerFnError> {
    let today = crate::domain::freshness::today();
    Ok(super::catalog()?
        .vendors
        .iter()
        .map(|v| VendorRow::of(v, &today))
        .collect())
}
