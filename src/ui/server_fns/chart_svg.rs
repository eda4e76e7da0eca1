//! The calculator's chart, drawn on the server so that the browser needs no drawing code.

use leptos::prelude::*;

/// The cost chart of a calculator scenario (`query` as in the calculator's URL). Inside a
/// guide `vendor` is the page's vendor, whatever the query says.
#[server]
pub async fn chart_svg(vendor: Option<String>, query: String) -> Result<String, ServerFnError> {
    use crate::domain::{chart::report_chart, report::evaluate, scenario, url::Query};
    let catalog = super::catalog()?;
    let (mut s, issues) = scenario::parse(&Query::parse(&query));
    if vendor.is_some() {
        s.vendor = vendor;
    }
    let v = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
    Ok(report_chart(v, &evaluate(v, s, issues)))
}
