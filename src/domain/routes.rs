//! Which query keys each address reads, and the canonical form of a query: only those
//! keys, once each (the last value, as everywhere), in a fixed order, trimmed. The server
//! rewrites every request to it before anything renders, so an unknown parameter is never
//! echoed into a page and cannot make a new cache entry.

use crate::domain::url::Query;
use crate::domain::{compare, decision, listing, scenario};

/// The keys `path` reads, in the order a canonical query lists them.
pub fn keys(path: &str) -> Vec<&'static str> {
    let guide = path
        .strip_prefix("/vendors/")
        .is_some_and(|rest| !rest.is_empty() && !rest.contains('/') && !rest.ends_with(".csv"));
    let mut keys: Vec<&'static str> = match path {
        "/" | "/vendors.csv" => listing::KEYS.to_vec(),
        "/calculator" | "/api/cost" => scenario::KEYS.to_vec(),
        "/decide" => decision::KEYS.to_vec(),
        "/compare" | "/compare.csv" => compare::KEYS.to_vec(),
        // A guide holds the calculator and the decision helper.
        _ if guide => [&scenario::KEYS[..], decision::KEYS.as_slice()].concat(),
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
    fn the_order_of_parameters_does_not_matter() {
        let a = Query::parse("vendors=mode,ironclad&users=120");
        let b = Query::parse("users=120&vendors=mode,ironclad");
        assert_eq!(canonical("/compare", &a), canonical("/compare", &b));
    }
}
