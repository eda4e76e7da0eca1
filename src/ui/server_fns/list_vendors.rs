//! The home table's rows.

use crate::domain::listing::VendorRow;
use leptos::prelude::*;

#[server]
pub async fn list_vendors() -> Result<Vec<VendorRow>, ServerFnError> {
    let stale_before = crate::ui::dates::stale_before_today();
    Ok(super::catalog()?
        .vendors
        .iter()
        .map(|v| VendorRow::of(v, &stale_before))
        .collect())
}
