//! Which query keys each address reads, and the canonical form of a query: only those
//! keys, once each (the last value, as everywhere), in a fixed order, trimmed. The server
//! rewrites every request to it before anything renders, so an unknown parameter is never
//! echoed into a page and cannot make a new cache entry.

use crate::domain::url::Query;
use crate::domain::{compare, decision, listing, scenario, stack, vendor_search};

/// The calculator's chart as an image (`server::chart_svg`), fetched by the calculator
/// island for each new scenario.
pub const CHART_SVG: &str = "/chart.svg";

/// The vendor picker's suggestions as JSON (`server::json_api::vendor_search`).
pub const VENDOR_SEARCH: &str = "/api/vendor-search";

/// Where link-preview images live: `/og/home.png` for `/`, `/og{path}.png` for the rest.
pub const CARD_PREFIX: &str = "/og";
const HOME_CARD: &str = "/og/home.png";

/// The path of the link-preview image of the page at `page` (a path without query).
pub fn card_path(page: &str) -> String {
    let page = page.trim_end_matches('/');
    if page.is_empty() {
        HOME_CARD.to_string()
    } else {
        format!("{CARD_PREFIX}{page}.png")
    }
}

/// The page whose image is at `image`: the inverse of [`card_path`], or `None` for a path
/// that is no card.
pub fn card_page(image: &str) -> Option<String> {
    if image == HOME_CARD {
        return Some("/".into());
    }
    let page = image.strip_prefix(CARD_PREFIX)?.strip_suffix(".png")?;
    (page.starts_with('/') && page.len() > 1).then(|| page.to_string())
}

/// The keys a page's card reads: only those that change what the card shows, so a guide's
/// calculator inputs or the home table's sort do not make new images of the same card.
fn card_keys(page: &str) -> Vec<&'static str> {
    match page {
        "/calculator" => scenario::address_keys(),
        "/decide" => decision::KEYS.to_vec(),
        "/compare" => compare::address_keys(),
        // The figures, not the lines still waiting: the card shows the totals.
        "/stack" => stack::report::figure_keys(),
        _ => Vec::new(),
    }
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

/// The keys `path` reads, in the order a canonical query lists them.
pub fn keys(path: &str) -> Vec<&'static str> {
    if let Some(page) = card_page(path) {
        return card_keys(&page);
    }
    let guide = path
        .strip_prefix("/vendors/")
        .is_some_and(|rest| !rest.is_empty() && !rest.contains('/') && !rest.ends_with(".csv"));
    let mut keys: Vec<&'static str> = match path {
        "/" | "/vendors.csv" => listing::KEYS.to_vec(),
        // A page with a vendor picker also reads the text searched for without JavaScript.
        "/calculator" => [&scenario::address_keys()[..], &[vendor_search::SEARCH]].concat(),
        "/api/cost" => scenario::address_keys(),
        // The chart draws figures only: the answers change no line of it.
        CHART_SVG => scenario::KEYS.to_vec(),
        "/decide" => [decision::KEYS.as_slice(), &[vendor_search::SEARCH]].concat(),
        "/compare" => [&compare::address_keys()[..], &[vendor_search::SEARCH]].concat(),
        "/compare.csv" => compare::address_keys(),
        VENDOR_SEARCH => vec![vendor_search::ENDPOINT_SEARCH],
        "/stack" | "/stack.csv" | "/api/stack" => stack::report::keys(),
        // A guide holds the calculator and the decision helper.
        _ if guide => [&scenario::address_keys()[..], decision::KEYS.as_slice()].concat(),
        _ => Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(*k));
    keys
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
        assert_eq!(canonical(VENDOR_SEARCH, &q).to_string(), "q=x");
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
}
