//! The home table's rows.

use crate::domain::listing::VendorRow;
use leptos::prelude::*;

#[server]
pub async fn list_vendors() -> Result<Vec<VendorRow>, ServerFnError> {
    Ok(super::catalog()?
        .vendors
        .iter()
        .map(VendorRow::of)
        .collect())
}
