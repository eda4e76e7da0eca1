//! The vendors a picker's search finds, for the page that answers it without JavaScript.

use crate::domain::vendor_search::Found;
use leptos::prelude::*;

/// At most [`LISTED`](crate::domain::vendor_search::LISTED) vendors for `text` (already
/// read with `vendor_search::read`), best first.
#[server]
pub async fn find_vendors(text: String) -> Result<Found, ServerFnError> {
    use crate::domain::vendor_search::{find, LISTED};
    Ok(find(&super::catalog()?.vendors, &text, LISTED))
}
