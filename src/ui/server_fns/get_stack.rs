//! A stack address read whole (`domain::stack::report`), with what the page's form needs
//! beside it: each app's plans, and the names of the vendors a waiting line may be.

use crate::domain::stack::report::StackReport;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackData {
    pub report: StackReport,
    /// Per app of the stack, by slug: its plans' names, cheapest first, and the name of
    /// the plan it is costed on when the reader names none.
    pub plans: Vec<(String, Vec<String>, Option<String>)>,
    /// Display names of every vendor a waiting line mentions, by slug.
    pub names: Vec<(String, String)>,
    /// SCIM tax against manual cost per app, largest first (SVG, drawn here).
    pub chart: String,
}

impl StackData {
    pub fn name_of<'a>(&'a self, slug: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|(s, _)| s == slug)
            .map_or(slug, |(_, n)| n.as_str())
    }
}

#[server]
pub async fn get_stack(query: String) -> Result<StackData, ServerFnError> {
    use crate::domain::chart::{stack_chart, StackBar};
    use crate::domain::cost::upgrade::default_current_plan;
    use crate::domain::cost::Span;
    use crate::domain::stack::report::{report, Waiting};
    use crate::domain::stack::totals::ScimExtra;
    let catalog = super::catalog()?;
    let report = report(&catalog, &crate::domain::url::Query::parse(&query));
    let plans = report
        .stack
        .apps
        .iter()
        .filter_map(|a| catalog.vendor(&a.slug))
        .map(|v| {
            (
                v.slug.clone(),
                v.plans.iter().map(|p| p.name.clone()).collect(),
                default_current_plan(v).map(|p| p.name.clone()),
            )
        })
        .collect();
    let mut names: Vec<(String, String)> = Vec::new();
    for p in &report.pending {
        let slugs: &[String] = match &p.waiting {
            Waiting::NoMatch { suggestions } => suggestions,
            Waiting::Ambiguous { candidates } => candidates,
            Waiting::NeedsSeats { slug } => std::slice::from_ref(slug),
            Waiting::Unreadable { .. } => &[],
        };
        for s in slugs {
            if let Some(v) = catalog.vendor(s) {
                if !names.iter().any(|(k, _)| k == s) {
                    names.push((s.clone(), v.name.clone()));
                }
            }
        }
    }
    let bars: Vec<StackBar> = report
        .totals
        .apps
        .iter()
        .map(|a| StackBar {
            name: a.name.clone(),
            manual: a.manual.manual_cost,
            extra: match &a.scim_extra {
                ScimExtra::Known { annual, .. } => Some(*annual),
                ScimExtra::Included => Some(Span::point(0.0)),
                _ => None,
            },
        })
        .collect();
    let chart = if bars.is_empty() {
        String::new()
    } else {
        stack_chart(
            &bars,
            "Getting SCIM against staying manual, a year, per app",
        )
    };
    Ok(StackData {
        report,
        plans,
        names,
        chart,
    })
}
