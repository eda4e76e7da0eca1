//! Link-preview cards (server only): the 1200×630 picture a chat or social site shows for a
//! shared link, built here as SVG text from the same domain values and `format` helpers the
//! page uses, so a card can never state a different figure. The server rasterises it to PNG
//! (`server::og_image`); nothing here draws pixels or reads fonts.
//!
//! - `style`: size, margins, font and colours
//! - `canvas`: the SVG being written, its text measured, cut and wrapped to its boxes
//! - one file per kind of page: `calculator`, `changes`, `comparison`, `decision`, `stack`, `vendor`,
//!   and `site` (the home page, a plain title and text, the site itself)
//!
//! [`for_page`] picks the card of an address.

mod calculator;
mod canvas;
mod changes;
mod comparison;
mod decision;
mod site;
mod stack;
mod style;
mod vendor;

pub use calculator::calculator;
pub use canvas::{xml, TextWidth};
pub use changes::changes;
pub use comparison::comparison;
pub use decision::decision;
pub use site::{generic, home, site};
pub use stack::stack;
pub use style::{FONT_FAMILY, HEIGHT, WIDTH};
pub use vendor::vendor;

use crate::domain::catalog::Catalog;
use crate::domain::compare::{self, Column};
use crate::domain::report::evaluate;
use crate::domain::routes::Route;
use crate::domain::scenario;
use crate::domain::url::Query;
use crate::domain::vendor::Vendor;

/// The card of the page at `page` (a path) for its `query`, read by the page's own parser.
/// A query the page would answer with 400 (a bad number, an unknown vendor) and a page
/// that does not exist get [`site`]'s card.
pub fn for_page(catalog: &Catalog, page: &str, query: &Query, measure: &dyn TextWidth) -> String {
    let checked_on = catalog.checked_on();
    let fallback = || site(measure, checked_on);
    let Some((route, params)) = Route::recognize(page) else {
        return fallback();
    };
    let slug = params.first().copied().unwrap_or_default();
    match route {
        Route::Home => home(measure, checked_on, &catalog.vendors),
        Route::Calculator => {
            let (s, issues) = scenario::parse(query);
            let vendor = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
            let r = evaluate(vendor, s, issues);
            if !r.issues.is_empty() {
                return fallback();
            }
            calculator(measure, checked_on, vendor, &r)
        }
        Route::Compare => {
            let sel = compare::parse(query);
            let found: Vec<&Vendor> = sel.slugs.iter().filter_map(|s| catalog.vendor(s)).collect();
            if !sel.issues.is_empty() || found.len() != sel.slugs.len() || found.is_empty() {
                return fallback();
            }
            let columns: Vec<Column> = found
                .iter()
                .map(|v| compare::column(v, sel.users, &sel.answers))
                .collect();
            comparison(measure, checked_on, sel.users, &columns)
        }
        Route::Stack => {
            let r = crate::domain::stack::report::report(catalog, query);
            if r.is_bad_input() || r.totals.apps.is_empty() {
                return fallback();
            }
            stack(measure, checked_on, &r.totals)
        }
        Route::Decide => {
            let (s, issues) = scenario::parse(query);
            let Some(v) = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug)) else {
                return fallback();
            };
            let r = evaluate(Some(v), s, issues);
            if !r.issues.is_empty() {
                return fallback();
            }
            self::decision(measure, checked_on, v, &r)
        }
        Route::Changes => self::changes(measure, checked_on, &catalog.history),
        Route::Categories => generic(
            measure,
            checked_on,
            "Categories",
            "Where SCIM comes without the tax",
            &format!(
                "{} kinds of SaaS product: in each, how many vendors include SCIM, how many gate it, and the typical price jump.",
                crate::domain::categories::all_figures(&catalog.vendors).len()
            ),
        ),
        Route::Category => match crate::domain::categories::by_slug(slug) {
            Some(name) => {
                let vendors = crate::domain::categories::vendors_of(&catalog.vendors, name);
                let f = crate::domain::categories::figures(name, &vendors);
                generic(
                    measure,
                    checked_on,
                    "Category",
                    name,
                    &crate::domain::categories::summary(&f),
                )
            }
            None => fallback(),
        },
        Route::Vendor => catalog
            .vendor(slug)
            .map_or_else(fallback, |v| vendor(measure, checked_on, v)),
        Route::ApiGuide => match (catalog.vendor(slug), catalog.api_guide(slug)) {
                (Some(v), Some(g)) => generic(
                    measure,
                    checked_on,
                    "API guide",
                    &g.title,
                    &format!(
                        "For teams that script {}'s accounts: authentication, scopes, endpoints, pagination, rate limits and the pitfalls, step by step.",
                        v.name
                    ),
                ),
                _ => fallback(),
            },
        _ => fallback(),
    }
}
