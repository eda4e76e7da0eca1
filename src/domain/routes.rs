//! The route table: every address the site answers, named once ([`Route::spec`]) with its
//! path, the query keys it reads, the keys its link-preview card reads, and how it answers
//! (which decides how it is cached and how its errors look). The router, the guard that
//! drops unread keys, the page cache, the cards and every link read it; no path is spelled
//! anywhere else (`tests/integration/architecture.rs` keeps it so).
//!
//! A canonical query holds only the keys a route reads, once each (the last value, as
//! everywhere), in a fixed order, trimmed. The server rewrites every request to it before
//! anything renders, so an unknown parameter is never echoed into a page and cannot make a
//! new cache entry.

use crate::domain::url::Query;
use crate::domain::{
    categories, changes, compare, decision, listing, scenario, stack, vendor_search,
};

/// Every address the site answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Calculator,
    Decide,
    Compare,
    Stack,
    Sources,
    /// What changed between the index's releases, and the same as a feed and as JSON.
    Changes,
    ChangesFeed,
    ApiChanges,
    /// Every category with its figures.
    Categories,
    /// One category's vendors, in the home table's form.
    Category,
    Vendor,
    ApiGuide,
    VendorsCsv,
    CompareCsv,
    StackCsv,
    ApiCost,
    ApiVendors,
    ApiVendor,
    ApiStack,
    /// The vendor picker's suggestions as JSON.
    VendorSearch,
    /// The calculator's chart as an image, fetched by the calculator island for each new
    /// scenario.
    ChartSvg,
    /// A page's link-preview image: `/og/home.png` for `/`, `/og{path}.png` for the rest.
    Card,
    Healthz,
    Readyz,
}

/// How a route answers: what its errors look like and how its answers are cached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// An HTML page; errors are pages too.
    Page,
    /// JSON, CSV or an SVG image; errors are JSON.
    Data,
    /// A link-preview PNG: it prints no address, so one cache entry serves every host.
    Card,
    /// A health probe: it describes this moment, so it is never cached.
    Probe,
}

/// One row of the table.
pub struct Spec {
    /// axum's syntax: `{name}` is one segment, `{*name}` the rest of the path.
    pub path: &'static str,
    pub answer: Answer,
    /// The query keys the route reads, in canonical order.
    pub keys: fn() -> Vec<&'static str>,
    /// The keys its card reads: only those that change what the card shows, so a guide's
    /// calculator inputs or the home table's sort make no new images of the same card.
    pub card_keys: fn() -> Vec<&'static str>,
    /// A stack's address carries every app: its routes take longer addresses.
    pub long_address: bool,
}

fn none() -> Vec<&'static str> {
    Vec::new()
}

/// A page with a vendor picker also reads the text searched for without JavaScript.
fn with_search(keys: Vec<&'static str>) -> Vec<&'static str> {
    [&keys[..], &[vendor_search::SEARCH]].concat()
}

impl Route {
    pub const ALL: [Route; 25] = [
        Route::Home,
        Route::Calculator,
        Route::Decide,
        Route::Compare,
        Route::Stack,
        Route::Sources,
        Route::Changes,
        Route::ChangesFeed,
        Route::ApiChanges,
        Route::Categories,
        Route::Category,
        Route::Vendor,
        Route::ApiGuide,
        Route::VendorsCsv,
        Route::CompareCsv,
        Route::StackCsv,
        Route::ApiCost,
        Route::ApiVendors,
        Route::ApiVendor,
        Route::ApiStack,
        Route::VendorSearch,
        Route::ChartSvg,
        Route::Card,
        Route::Healthz,
        Route::Readyz,
    ];

    /// The table.
    pub fn spec(self) -> Spec {
        use Answer::*;
        let row = |path, answer, keys: fn() -> Vec<&'static str>| Spec {
            path,
            answer,
            keys,
            card_keys: none,
            long_address: false,
        };
        match self {
            Route::Home => row("/", Page, || listing::KEYS.to_vec()),
            Route::Calculator => Spec {
                card_keys: scenario::address_keys,
                ..row(
                    "/calculator",
                    Page,
                    || with_search(scenario::address_keys()),
                )
            },
            Route::Decide => Spec {
                card_keys: || decision::KEYS.to_vec(),
                ..row("/decide", Page, || with_search(decision::KEYS.to_vec()))
            },
            Route::Compare => Spec {
                card_keys: compare::address_keys,
                ..row("/compare", Page, || with_search(compare::address_keys()))
            },
            // The card shows the totals: the figures, not the lines still waiting.
            Route::Stack => Spec {
                card_keys: stack::report::figure_keys,
                long_address: true,
                ..row("/stack", Page, stack::report::keys)
            },
            Route::Sources => row("/sources", Page, none),
            // The card states the headline counts, whatever the filters.
            Route::Changes => row("/changes", Page, || changes::query::KEYS.to_vec()),
            Route::ChangesFeed => row("/changes.atom", Data, || changes::query::KEYS.to_vec()),
            Route::ApiChanges => row("/api/changes", Data, || changes::query::KEYS.to_vec()),
            // The card states the figures, which no sort or filter changes.
            Route::Categories => row("/categories", Page, || categories::KEYS.to_vec()),
            Route::Category => row("/categories/{slug}", Page, || listing::KEYS.to_vec()),
            // A guide holds the calculator and the decision helper.
            Route::Vendor => row("/vendors/{slug}", Page, || {
                [&scenario::address_keys()[..], decision::KEYS.as_slice()].concat()
            }),
            Route::ApiGuide => row("/vendors/{slug}/api", Page, none),
            Route::VendorsCsv => row("/vendors.csv", Data, || listing::KEYS.to_vec()),
            Route::CompareCsv => row("/compare.csv", Data, compare::address_keys),
            Route::StackCsv => Spec {
                long_address: true,
                ..row("/stack.csv", Data, stack::report::keys)
            },
            Route::ApiCost => row("/api/cost", Data, scenario::address_keys),
            Route::ApiVendors => row("/api/vendors", Data, none),
            Route::ApiVendor => row("/api/vendors/{slug}", Data, none),
            Route::ApiStack => Spec {
                long_address: true,
                ..row("/api/stack", Data, stack::report::keys)
            },
            Route::VendorSearch => row("/api/vendor-search", Data, || {
                vec![vendor_search::ENDPOINT_SEARCH]
            }),
            // The chart draws figures only: the answers change no line of it.
            Route::ChartSvg => row("/chart.svg", Data, || scenario::KEYS.to_vec()),
            Route::Card => row("/og/{*image}", Card, none),
            Route::Healthz => row("/healthz", Probe, none),
            Route::Readyz => row("/readyz", Probe, none),
        }
    }

    /// The route's path in axum's syntax (`/vendors/{slug}`).
    pub fn path(self) -> &'static str {
        self.spec().path
    }

    /// The route's path with `params` in its `{…}` segments, in order.
    pub fn fill(self, params: &[&str]) -> String {
        let mut params = params.iter();
        self.path()
            .split('/')
            .map(|seg| match seg.starts_with('{') {
                true => params.next().copied().unwrap_or_default(),
                false => seg,
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// `path` with `query` (already a query string), `?` only when there is one.
    pub fn link(self, params: &[&str], query: &str) -> String {
        let path = self.fill(params);
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }

    /// The route `path` names, with the values of its `{…}` segments: every segment
    /// matches as written or is one non-empty value; `{*…}` takes the non-empty rest.
    pub fn recognize(path: &str) -> Option<(Route, Vec<&str>)> {
        Route::ALL.into_iter().find_map(|r| {
            let mut params = Vec::new();
            let mut rest = path.strip_prefix('/')?;
            let pattern = r.path().strip_prefix('/').unwrap_or_default();
            let mut segments = pattern.split('/').peekable();
            while let Some(seg) = segments.next() {
                if seg.starts_with("{*") {
                    if rest.is_empty() {
                        return None;
                    }
                    params.push(rest);
                    return Some((r, params));
                }
                let (value, tail) = rest.split_once('/').unwrap_or((rest, ""));
                let more = rest.contains('/');
                if seg.starts_with('{') {
                    if value.is_empty() {
                        return None;
                    }
                    params.push(value);
                } else if seg != value {
                    return None;
                }
                if more != segments.peek().is_some() {
                    return None;
                }
                rest = tail;
            }
            Some((r, params))
        })
    }
}

/// The path of the link-preview image of the page at `page` (a path without query).
pub fn card_path(page: &str) -> String {
    let page = page.trim_end_matches('/');
    let prefix = Route::Card.fill(&[""]);
    if page.is_empty() {
        format!("{prefix}home.png")
    } else {
        format!("{}{page}.png", prefix.trim_end_matches('/'))
    }
}

/// The page whose image is at `image`: the inverse of [`card_path`], or `None` for a path
/// that is no card.
pub fn card_page(image: &str) -> Option<String> {
    if image == card_path("/") {
        return Some("/".into());
    }
    let prefix = Route::Card.fill(&[""]);
    let page = image
        .strip_prefix(prefix.trim_end_matches('/'))?
        .strip_suffix(".png")?;
    (page.starts_with('/') && page.len() > 1).then(|| page.to_string())
}

/// The address of `page`'s card for the page's (canonical) query: the image reads the
/// same keys the page does, so a page and its card always describe one scenario.
pub fn card_address(page: &str, query: &Query) -> String {
    let image = card_path(page);
    let query = canonical(&image, query).to_string();
    if query.is_empty() {
        image
    } else {
        format!("{image}?{query}")
    }
}

/// The route whose rules an address follows: a card follows its page's where the page
/// shapes it (the keys it reads, the length of its address).
fn page_of(path: &str) -> Option<Route> {
    let (route, _) = Route::recognize(path)?;
    if route == Route::Card {
        return card_page(path).and_then(|p| Route::recognize(&p).map(|(r, _)| r));
    }
    Some(route)
}

/// The keys `path` reads, in the order a canonical query lists them.
pub fn keys(path: &str) -> Vec<&'static str> {
    let mut keys = match Route::recognize(path) {
        Some((Route::Card, _)) => page_of(path).map_or_else(Vec::new, |p| (p.spec().card_keys)()),
        Some((route, _)) => (route.spec().keys)(),
        None => Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(*k));
    keys
}

/// How the answer at `path` is given. An unknown path in a data route's folder (`/api/…`)
/// or with a data route's ending (`.csv`) is answered as data, any other as a page (the
/// 404 page).
pub fn answer(path: &str) -> Answer {
    if let Some((route, _)) = Route::recognize(path) {
        return route.spec().answer;
    }
    let first = |p: &'static str| p.trim_start_matches('/').split('/').next();
    let ending = |p: &str| p.rsplit_once('.').map(|(_, e)| e.to_string());
    let data = Route::ALL
        .into_iter()
        .filter(|r| r.spec().answer == Answer::Data);
    let like_data = data.map(Route::path).any(|p| {
        (p.matches('/').count() > 1 && first(p) == path.trim_start_matches('/').split('/').next())
            || (ending(p).is_some() && ending(p) == ending(path))
    });
    if like_data {
        Answer::Data
    } else {
        Answer::Page
    }
}

/// Whether `path` (a stack page, its downloads or its card) takes a long address.
pub fn long_address(path: &str) -> bool {
    page_of(path).is_some_and(|r| r.spec().long_address)
}

/// The canonical query for `path`: its own keys only, each once with its last value,
/// trimmed, in [`keys`] order; empty values are left out.
pub fn canonical(path: &str, query: &Query) -> Query {
    Query::from_pairs(
        keys(path)
            .into_iter()
            .filter_map(|k| Some((k, query.text(k)?))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_go_and_known_ones_come_in_a_fixed_order() {
        let q = Query::parse("zz=1&users=10&vendor=mode&utm_source=x&users=%2020%20&plan=");
        assert_eq!(
            canonical("/calculator", &q).to_string(),
            "vendor=mode&users=20"
        );
        assert_eq!(
            canonical("/api/cost", &q).to_string(),
            "vendor=mode&users=20"
        );
        // The picker's search is the page's alone: not the figures', nor the card's.
        let q = Query::parse("vendor=mode&vendor_q=iron&limit=3&q=x");
        assert_eq!(
            canonical("/calculator", &q).to_string(),
            "vendor=mode&vendor_q=iron"
        );
        assert_eq!(canonical("/api/cost", &q).to_string(), "vendor=mode");
        assert_eq!(canonical("/api/vendor-search", &q).to_string(), "q=x");
        assert_eq!(
            card_address("/calculator", &q),
            "/og/calculator.png?vendor=mode"
        );
        // A page that reads no query keeps none.
        assert_eq!(canonical("/vendors/mode/api", &q).to_string(), "");
        assert_eq!(canonical("/pkg/app.js", &q).to_string(), "");
        // A guide keeps the calculator's and the decision helper's keys.
        let q = Query::parse("automate=yes&seat=40&sort=name");
        assert_eq!(
            canonical("/vendors/mode", &q).to_string(),
            "seat=40&automate=yes"
        );
        assert_eq!(canonical("/", &q).to_string(), "sort=name");
    }

    #[test]
    fn every_page_has_a_card_that_reads_its_scenario() {
        for page in [
            "/",
            "/calculator",
            "/compare",
            "/decide",
            "/vendors/mode",
            "/vendors/mode/api",
            "/categories",
            "/categories/sales-crm",
        ] {
            assert_eq!(card_page(&card_path(page)).as_deref(), Some(page));
        }
        assert_eq!(card_path("/"), "/og/home.png");
        assert_eq!(card_path("/vendors/mode"), "/og/vendors/mode.png");
        assert_eq!(card_page("/og/.png"), None);
        assert_eq!(card_page("/og/x.svg"), None);
        assert_eq!(card_page("/calculator"), None);
        let q = Query::parse("users=120&vendor=mode&utm_source=x&sort=name&automate=yes");
        // The calculator's card states the advice, which the answers change.
        assert_eq!(
            card_address("/calculator", &q),
            "/og/calculator.png?vendor=mode&users=120&automate=yes"
        );
        // A guide's card shows the vendor's facts, whatever its calculator says.
        assert_eq!(card_address("/vendors/mode", &q), "/og/vendors/mode.png");
        assert_eq!(card_address("/", &q), "/og/home.png");
        assert_eq!(
            canonical("/og/decide.png", &q).to_string(),
            "vendor=mode&users=120&automate=yes"
        );
    }

    #[test]
    fn the_order_of_parameters_does_not_matter() {
        let a = Query::parse("vendors=mode,ironclad&users=120");
        let b = Query::parse("users=120&vendors=mode,ironclad");
        assert_eq!(canonical("/compare", &a), canonical("/compare", &b));
    }

    #[test]
    fn every_path_is_recognised_as_its_own_route() {
        for r in Route::ALL {
            let params: Vec<&str> = r.path().matches('{').map(|_| "x").collect();
            let path = r.fill(&params);
            assert_eq!(Route::recognize(&path), Some((r, params)), "{path}");
        }
        assert_eq!(
            Route::recognize("/vendors/mode/api"),
            Some((Route::ApiGuide, vec!["mode"]))
        );
        assert_eq!(
            Route::recognize("/og/vendors/mode.png"),
            Some((Route::Card, vec!["vendors/mode.png"]))
        );
        for stray in [
            "",
            "/vendors",
            "/vendors/",
            "/vendors/mode/x",
            "/og",
            "/og/",
            "/pkg/a.js",
        ] {
            assert_eq!(Route::recognize(stray), None, "{stray}");
        }
        assert_eq!(
            Route::Vendor.link(&["mode"], "users=4"),
            "/vendors/mode?users=4"
        );
        assert_eq!(Route::Home.link(&[], ""), "/");
    }

    #[test]
    fn cards_follow_their_pages_rules() {
        assert!(long_address("/og/stack.png"));
        assert!(long_address("/api/stack"));
        assert!(!long_address("/og/calculator.png"));
        assert_eq!(answer("/og/home.png"), Answer::Card);
        assert_eq!(answer("/chart.svg"), Answer::Data);
        assert_eq!(answer("/nope"), Answer::Page);
        assert_eq!(answer("/vendors/nope.png"), Answer::Page);
        assert_eq!(answer("/api/nope"), Answer::Data);
        assert_eq!(answer("/nope.csv"), Answer::Data);
    }
}
