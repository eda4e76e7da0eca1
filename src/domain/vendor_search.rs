//! Finding a vendor by what a reader types: the vendor picker of the calculator, the
//! decision helper and the comparison (suggestions as you type, and the list of links a
//! search without JavaScript answers with), `/api/vendor-search`, and the home table's
//! search box. One matcher for all of them, so a name found in one place is found in all.
//!
//! Names are compared as the stack's name matcher compares them ([`normalise`]: case,
//! punctuation and spacing never matter), against a vendor's name, slug and other names.
//! A vendor matches when every word typed appears in one of those (or in them with the
//! spaces taken out, so "billcom" finds "Bill.com"); the matches are ranked by how well the
//! best of its names fits ([`Rank`]), then by name.
//!
//! What picking a vendor does to a page's address is here too ([`Pick`]): a picker and the
//! links that answer a search without JavaScript go to the same address.

use crate::domain::compare;
use crate::domain::format::echo;
use crate::domain::scenario::{self, CURRENT_QUOTE, QUOTE};
use crate::domain::stack::matcher::normalise;
use crate::domain::url::Query;
use crate::domain::vendor::{ScimStatus, Vendor};
use serde::{Deserialize, Serialize};

/// The query key of the picker's search box on `/calculator`, `/decide` and `/compare`
/// (read only there: a search belongs to the page it was typed on), and of the endpoint's
/// search text.
pub const SEARCH: &str = "vendor_q";
/// The endpoint's key for the same text (`/api/vendor-search?q=…`), as the home table's.
pub const ENDPOINT_SEARCH: &str = "q";
/// Suggestions shown while typing: a short list to move through with the arrow keys.
pub const SUGGESTED: usize = 10;
/// Links listed for a search without JavaScript: room for a short word's matches.
pub const LISTED: usize = 50;
/// The longest search text read; longer text is cut, and the reader told.
pub const MAX_TEXT: usize = 80;

/// How well a vendor's best name fits the search, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The whole name ("mode" for Mode).
    Exact,
    /// The name's start ("mo" for Mode).
    Prefix,
    /// A later word's start ("incy" for Mimecast Incydr).
    WordPrefix,
    /// Anywhere in the name ("clad" for Ironclad).
    Substring,
    /// Every word typed somewhere in the vendor's names ("spot hub" for HubSpot).
    Words,
}

/// What the reader typed, normalised once.
#[derive(Clone, Debug, PartialEq)]
pub struct Needle {
    /// Normalised: lower case, words of letters and digits, one space between.
    text: String,
    /// The same without spaces.
    compact: String,
}

impl Needle {
    /// `None` when the text has no letter or digit to look for.
    pub fn new(text: &str) -> Option<Needle> {
        let text = normalise(text);
        let compact = text.replace(' ', "");
        (!text.is_empty()).then_some(Needle { text, compact })
    }

    /// How well one normalised name fits, if it fits as a whole phrase.
    fn fit(&self, name: &str) -> Option<Rank> {
        let compact = name.replace(' ', "");
        if name == self.text || compact == self.compact {
            Some(Rank::Exact)
        } else if name.starts_with(&self.text) || compact.starts_with(&self.compact) {
            Some(Rank::Prefix)
        } else if format!(" {name}").contains(&format!(" {}", self.text)) {
            Some(Rank::WordPrefix)
        } else if name.contains(&self.text) || compact.contains(&self.compact) {
            Some(Rank::Substring)
        } else {
            None
        }
    }

    /// How well a vendor with these names fits, or `None` when some word typed is in none
    /// of them.
    pub fn rank(&self, name: &str, slug: &str, other_names: &[String]) -> Option<Rank> {
        self.order(name, slug, other_names).map(|(rank, _)| rank)
    }

    /// [`Needle::rank`], and whether only another name fits that well: of two vendors
    /// that fit alike, the one whose own name fits comes first ("mime" lists Mimecast
    /// before Code42, once Mimecast Incydr).
    fn order(&self, name: &str, slug: &str, other_names: &[String]) -> Option<(Rank, bool)> {
        let own = [name, slug].map(normalise);
        let other: Vec<String> = other_names.iter().map(|n| normalise(n)).collect();
        let best = |names: &[String]| names.iter().filter_map(|n| self.fit(n)).min();
        let fits = match (best(&own), best(&other)) {
            (Some(a), Some(b)) if b < a => Some((b, true)),
            (Some(a), _) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        if fits.is_some() {
            return fits;
        }
        // A word may sit in any of the names; a bar keeps words from running across two.
        let haystack = own
            .iter()
            .chain(&other)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" | ");
        let squashed = haystack.replace(' ', "");
        self.text
            .split(' ')
            .all(|w| haystack.contains(w) || squashed.contains(w))
            .then_some((Rank::Words, false))
    }
}

/// One vendor found: what a suggestion and a listed link show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub name: String,
    /// Its SCIM status in words ([`ScimStatus::label`]).
    pub status: String,
}

/// The vendors a search finds, best first, at most the limit asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// The text searched for, as read ([`read`]).
    pub query: String,
    /// How many vendors match in all (more than `vendors` holds when the limit cut it).
    pub total: usize,
    pub vendors: Vec<Suggestion>,
}

/// The vendors of `vendors` (in name order, as the catalog holds them) that `needle`
/// finds, ranked: best fit first, a fit by the vendor's own name before one by another
/// name, then name order; at most `limit`.
pub fn search<'a>(
    vendors: &'a [Vendor],
    needle: &Needle,
    limit: usize,
) -> (usize, Vec<&'a Vendor>) {
    let mut found: Vec<((Rank, bool), usize, &'a Vendor)> = vendors
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((needle.order(&v.name, &v.slug, &v.also_known_as)?, i, v)))
        .collect();
    found.sort_unstable_by_key(|&(order, i, _)| (order, i));
    let total = found.len();
    (
        total,
        found.into_iter().take(limit).map(|(_, _, v)| v).collect(),
    )
}

/// [`search`] as a suggestion list for the text `query` (already [`read`]).
pub fn find(vendors: &[Vendor], query: &str, limit: usize) -> Found {
    let (total, hits) = match Needle::new(query) {
        Some(needle) => search(vendors, &needle, limit),
        None => (0, Vec::new()),
    };
    Found {
        query: query.to_string(),
        total,
        vendors: hits
            .into_iter()
            .map(|v| Suggestion {
                slug: v.slug.clone(),
                name: v.name.clone(),
                status: ScimStatus::of(v).label().to_string(),
            })
            .collect(),
    }
}

/// Reads a search text: trimmed, cut at [`MAX_TEXT`] characters. `None` for no text;
/// the message says what was not used (text cut, or nothing to search for).
pub fn read(raw: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return (None, None);
    };
    if Needle::new(text).is_none() {
        return (
            None,
            Some(format!(
                "“{}” has no letter or digit to search for; type part of a vendor's name.",
                echo(text, 40)
            )),
        );
    }
    if text.chars().count() > MAX_TEXT {
        let cut: String = text.chars().take(MAX_TEXT).collect();
        let cut = cut.trim_end().to_string();
        return (
            Some(cut),
            Some(format!(
                "A search is at most {MAX_TEXT} characters; the first {MAX_TEXT} are used."
            )),
        );
    }
    (Some(text.to_string()), None)
}

/// What picking a vendor changes in a page's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The page's one vendor (`vendor=`, on the calculator and the decision helper).
    Vendor,
    /// One more vendor in a comparison (`vendors=a,b,c`).
    Compare,
}

/// The inputs that describe the reader's dealings with one vendor, dropped when the
/// vendor changes: the plan they are on and the quotes they were given.
pub const VENDOR_INPUTS: [&str; 3] = [scenario::PLAN, QUOTE.key, CURRENT_QUOTE.key];

/// What a pick of the page's one vendor replaces or drops: the vendor, its inputs, the search.
const VENDOR_DROPPED: [&str; 5] = [
    scenario::VENDOR,
    SEARCH,
    VENDOR_INPUTS[0],
    VENDOR_INPUTS[1],
    VENDOR_INPUTS[2],
];
/// What a pick for a comparison rewrites or drops: its vendors (read again), the search.
const COMPARE_DROPPED: [&str; 3] = [compare::VENDORS, compare::ADD, SEARCH];

impl Pick {
    /// The query key a pick writes, which also names the kind of pick (a picker's form
    /// tells the browser which it is by this key).
    pub fn key(self) -> &'static str {
        match self {
            Pick::Vendor => scenario::VENDOR,
            Pick::Compare => compare::VENDORS,
        }
    }

    /// The pick that writes `key`.
    pub fn for_key(key: &str) -> Option<Pick> {
        [Pick::Vendor, Pick::Compare]
            .into_iter()
            .find(|p| p.key() == key)
    }

    /// The keys of an address a pick replaces or drops.
    pub fn dropped(self) -> &'static [&'static str] {
        match self {
            Pick::Vendor => &VENDOR_DROPPED,
            Pick::Compare => &COMPARE_DROPPED,
        }
    }

    /// What a pick adds to: a comparison's vendors, as read (names that are no slug left
    /// out); nothing for a page's one vendor.
    fn before(self, query: &Query) -> Option<String> {
        match self {
            Pick::Vendor => None,
            Pick::Compare => {
                let (slugs, _) = compare::listed(query);
                (!slugs.is_empty()).then(|| slugs.join(","))
            }
        }
    }

    /// What of `query` survives a pick: everything the reader set but the search text and
    /// the vendor being replaced with its inputs (for a comparison, the vendors already
    /// compared, as read). The picker's form carries exactly this, so a search without
    /// JavaScript answers on the page a pick keeps.
    pub fn kept(self, query: &Query) -> Query {
        let before = self.before(query).map(|b| (self.key().to_string(), b));
        Query::from_pairs(before.into_iter().chain(query.foreign(self.dropped())))
    }

    /// `query` with `slug` picked: [`Pick::kept`], with the vendor first.
    pub fn query(self, query: &Query, slug: &str) -> Query {
        self.with(
            self.before(query).as_deref(),
            query.foreign(self.dropped()),
            slug,
        )
    }

    /// The address with `slug` picked after `before` ([`Pick::before`]), and `rest` (the
    /// pairs a pick keeps). The browser has `before` from the picker's form, which the
    /// server wrote, so it needs no comparison reader of its own.
    pub fn with(self, before: Option<&str>, rest: Vec<(String, String)>, slug: &str) -> Query {
        let value = match before {
            // Already compared: the comparison stays as it is.
            Some(b) if self == Pick::Compare && format!(",{b},").contains(&format!(",{slug},")) => {
                b.to_string()
            }
            Some(b) if self == Pick::Compare => format!("{b},{slug}"),
            _ => slug.to_string(),
        };
        let mut pairs = vec![(self.key().to_string(), value)];
        pairs.extend(rest);
        Query::from_pairs(pairs)
    }

    /// The address `path` opens with `slug` picked.
    pub fn href(self, path: &str, query: &Query, slug: &str) -> String {
        format!("{path}?{}", self.query(query, slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Catalog;

    fn catalog() -> Catalog {
        let mut c = Catalog::of_names(&[
            ("bill-com", "Bill.com"),
            ("code42", "Code42"),
            ("hubspot", "HubSpot"),
            ("ironclad", "Ironclad"),
            ("mode", "Mode"),
            ("modern-treasury", "Modern Treasury"),
            ("monday", "monday.com"),
            ("salesmode", "SalesMode"),
            ("the-mode-co", "The Mode Company"),
        ]);
        c.vendors[1].also_known_as = vec!["Mimecast Incydr".into()];
        c
    }

    fn slugs(q: &str) -> Vec<String> {
        let c = catalog();
        find(&c.vendors, q, SUGGESTED)
            .vendors
            .into_iter()
            .map(|s| s.slug)
            .collect()
    }

    #[test]
    fn exact_then_prefix_then_word_then_anywhere() {
        assert_eq!(
            slugs("mode"),
            ["mode", "modern-treasury", "the-mode-co", "salesmode"]
        );
        assert_eq!(slugs("MODE"), slugs(" mode! "));
        // A prefix before a later word's start, before the middle of a word.
        assert_eq!(
            slugs("mo"),
            [
                "mode",
                "modern-treasury",
                "monday",
                "the-mode-co",
                "salesmode"
            ]
        );
    }

    #[test]
    fn case_punctuation_and_spaces_do_not_matter() {
        assert_eq!(slugs("bill.com"), ["bill-com"]);
        assert_eq!(slugs("billcom"), ["bill-com"]);
        assert_eq!(slugs("Bill com"), ["bill-com"]);
        assert_eq!(slugs("hub spot"), ["hubspot"]);
        assert_eq!(slugs("Monday.com"), ["monday"]);
        assert_eq!(slugs("mondaycom"), ["monday"]);
    }

    #[test]
    fn slugs_and_other_names_are_searched() {
        assert_eq!(slugs("incydr"), ["code42"]);
        assert_eq!(slugs("mimecast"), ["code42"]);
        // Alike fits: the vendor's own name before another vendor's other name.
        let mut c = catalog();
        c.vendors.push(Vendor::new(
            "mimecast".into(),
            "Mimecast".into(),
            crate::domain::vendor::Source::placeholder(),
        ));
        let found = find(&c.vendors, "mime", SUGGESTED);
        let order: Vec<&str> = found.vendors.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(order, ["mimecast", "code42"]);
        assert_eq!(slugs("the-mode-co"), ["the-mode-co"]);
        // Words in any order, in any of the names.
        assert_eq!(slugs("treasury modern"), ["modern-treasury"]);
        assert!(slugs("zoom").is_empty());
    }

    #[test]
    fn ranks() {
        let rank = |q: &str, name: &str, other: &[&str]| {
            let other: Vec<String> = other.iter().map(|s| s.to_string()).collect();
            Needle::new(q).unwrap().rank(name, &normalise(name), &other)
        };
        assert_eq!(rank("Mode", "Mode", &[]), Some(Rank::Exact));
        assert_eq!(rank("mo", "Mode", &[]), Some(Rank::Prefix));
        assert_eq!(
            rank("inc", "Code42", &["Mimecast Incydr"]),
            Some(Rank::WordPrefix)
        );
        assert_eq!(rank("clad", "Ironclad", &[]), Some(Rank::Substring));
        assert_eq!(rank("spot hub", "HubSpot", &[]), Some(Rank::Words));
        // The best of the names counts: the other name "Incydr" is exact.
        assert_eq!(rank("incydr", "Code42", &["Incydr"]), Some(Rank::Exact));
        // Words do not run across two names.
        assert_eq!(rank("42 mime", "Code42", &["Mimecast"]), Some(Rank::Words));
        assert_eq!(rank("42mime", "Code42", &["Mimecast"]), None);
        assert!(Needle::new(" -- ").is_none());
    }

    #[test]
    fn the_limit_cuts_the_list_but_not_the_count() {
        let c = catalog();
        let found = find(&c.vendors, "mo", 2);
        assert_eq!(found.total, 5);
        assert_eq!(found.vendors.len(), 2);
        assert_eq!(found.vendors[0].status, "Unknown");
        assert_eq!(found.query, "mo");
    }

    #[test]
    fn reading_the_search_text() {
        assert_eq!(read(None), (None, None));
        assert_eq!(read(Some("  ")), (None, None));
        assert_eq!(read(Some(" Mode ")), (Some("Mode".into()), None));
        let (text, issue) = read(Some("?!"));
        assert_eq!(text, None);
        assert!(issue.unwrap().contains("no letter or digit"));
        let long = "a".repeat(MAX_TEXT + 5);
        let (text, issue) = read(Some(&long));
        assert_eq!(text.unwrap().len(), MAX_TEXT);
        assert!(issue.is_some());
    }

    #[test]
    fn picking_a_vendor_keeps_the_readers_inputs_but_not_the_old_vendors() {
        let q = Query::parse(
            "vendor=ironclad&users=60&plan=Pro&quote=70000&current_quote=9000&seat=30&vendor_q=mo&automate=yes",
        );
        assert_eq!(
            Pick::Vendor.query(&q, "mode").to_string(),
            "vendor=mode&users=60&seat=30&automate=yes"
        );
        assert_eq!(
            Pick::Vendor.href("/calculator", &Query::default(), "mode"),
            "/calculator?vendor=mode"
        );
        let q = Query::parse("vendors=mode,ironclad&users=120&vendor_q=code");
        assert_eq!(
            Pick::Compare.query(&q, "code42").to_string(),
            "vendors=mode,ironclad,code42&users=120"
        );
        // A vendor already compared is not added twice.
        assert_eq!(
            Pick::Compare.query(&q, "mode").to_string(),
            "vendors=mode,ironclad&users=120"
        );
        assert_eq!(
            Pick::Compare.href("/compare", &Query::default(), "mode"),
            "/compare?vendors=mode"
        );
        for pick in [Pick::Vendor, Pick::Compare] {
            assert_eq!(Pick::for_key(pick.key()), Some(pick));
        }
        // What the picker's form carries: what a pick keeps. A name that is no slug (here
        // with a right-to-left override) is not carried.
        assert_eq!(
            Pick::Vendor
                .kept(&Query::parse("vendor=x&plan=P&users=5&vendor_q=a"))
                .to_string(),
            "users=5"
        );
        let odd = Query::parse("vendors=mode,%E2%80%AEedom&users=5&add=code42");
        assert_eq!(
            Pick::Compare.kept(&odd).to_string(),
            "vendors=mode,code42&users=5"
        );
    }
}
