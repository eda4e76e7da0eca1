//! Matching the app names of a list or an export to the vendors we have.
//!
//! Names are compared after [`normalise`]: lower case, letters and digits only, words
//! separated by one space (so case, punctuation, emoji, ®/™ and stray spaces never
//! matter). A name is tried, in order:
//! 1. as an identity provider's catalog key or a known alias ([`ALIASES`]);
//! 2. whole, against each vendor's slug, name and `also_known_as`;
//! 3. with trailing qualifiers removed one by one ([`QUALIFIERS`]: "Business", "SAML",
//!    "(Production)", ...);
//! 4. as a name that *contains* a vendor's name: only when the vendor's name starts it and
//!    no other product is named ("Slack Sandbox" is Slack). A vendor's name after other
//!    words ("Office365 Zoom", a Microsoft app; "Sample Slack App") is ambiguous: the
//!    reader decides.
//!
//! What is left is unmatched, with up to three suggestions by edit distance.
//!
//! Okta's own system apps (the admin console, the dashboard, the browser plugin) are not
//! apps anyone pays for and are set aside ([`NameMatch::System`]).

use crate::domain::catalog::Catalog;
use serde::{Deserialize, Serialize};

/// Names that are not the vendor's name but mean it. Matched after normalising, so
/// `dropbox_for_business` and "Dropbox for Business" are one entry. Sources: the Okta keys
/// and Entra gallery names in the reference `idp-exports.md` (sections 1, 2 and 6). An
/// alias whose vendor is not in the catalog is simply not used.
pub const ALIASES: &[(&str, &str)] = &[
    // Okta catalog keys (section 1 and 6.5).
    ("zoomus", "zoom"),
    ("boxnet", "box"),
    ("office365", "microsoft-365"),
    ("dropbox for business", "dropbox"),
    ("salesforce com", "salesforce"),
    // Entra gallery renames and legacy keys (section 6.4).
    ("cisco spark", "webex"),
    ("cisco webex", "webex"),
    ("workplacebyfacebook", "workplace"),
    ("workplace by meta", "workplace"),
    ("cloudtamer io", "kion"),
    ("bpmonline", "creatio"),
    ("shiftplanning", "humanity"),
    ("g suite", "google-workspace"),
    ("office 365", "microsoft-365"),
];

/// Okta's system apps (section 1): by key and by the label Okta gives them.
pub const SYSTEM_APPS: &[&str] = &[
    "saasure",
    "okta enduser",
    "okta browser plugin",
    "okta admin console",
    "okta dashboard",
];

/// Words an export adds after the product's name: editions, protocols, environments
/// (section 6.1 and 6.2). Stripped from the end only, one at a time.
pub const QUALIFIERS: &[&str] = &[
    "business",
    "for business",
    "enterprise",
    "for government",
    "saml",
    "saml2",
    "saml 2 0",
    "sso",
    "saml sso",
    "scim",
    "oidc",
    "production",
    "prod",
    "app",
    "cloud",
    "inc",
];

/// Product names that, seen before a vendor's name, make it someone else's app
/// ("Office365 Zoom" is Microsoft's). Besides every vendor and alias in the catalog.
const OTHER_PRODUCTS: &[&str] = &[
    "office365",
    "office 365",
    "microsoft",
    "azure",
    "google",
    "salesforce",
    "aws",
    "okta",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NameMatch {
    Matched {
        slug: String,
    },
    /// Several vendors, or one named after other words: the reader picks.
    Ambiguous {
        candidates: Vec<String>,
    },
    /// No vendor; the closest names we have (at most three).
    Unmatched {
        suggestions: Vec<String>,
    },
    /// An identity provider's own app, not one anyone buys.
    System,
}

/// Lower case, letters and digits only, single spaces: "  Mode 🚀 " → "mode".
pub fn normalise(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Levenshtein distance by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether `needle` occurs in `hay` as whole words; the word index where it starts.
fn word_position(hay: &str, needle: &str) -> Option<usize> {
    let h: Vec<&str> = hay.split(' ').collect();
    let n: Vec<&str> = needle.split(' ').collect();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()] == n[..])
}

/// The catalog's names, normalised once.
pub struct Matcher {
    /// (normalised name, slug), every vendor's slug, name and other names.
    names: Vec<(String, String)>,
    /// Display names for suggestions, by slug.
    display: Vec<(String, String)>,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut names = Vec::new();
        for v in &catalog.vendors {
            let own = [v.slug.clone(), v.name.clone()];
            for n in own.iter().chain(&v.also_known_as) {
                let n = normalise(n);
                if !n.is_empty() {
                    names.push((n.clone(), v.slug.clone()));
                    // "monday.com" is also typed "mondaycom"; "Bill.com" as "billcom".
                    names.push((n.replace(' ', ""), v.slug.clone()));
                }
            }
        }
        for (alias, slug) in ALIASES {
            if catalog.vendor(slug).is_some() {
                names.push((alias.to_string(), slug.to_string()));
                names.push((alias.replace(' ', ""), slug.to_string()));
            }
        }
        names.sort();
        names.dedup();
        let display = catalog
            .vendors
            .iter()
            .map(|v| (v.slug.clone(), v.name.clone()))
            .collect();
        Matcher { names, display }
    }

    fn exact(&self, n: &str) -> Vec<String> {
        let compact = n.replace(' ', "");
        let mut out: Vec<String> = self
            .names
            .iter()
            .filter(|(name, _)| name == n || *name == compact)
            .map(|(_, s)| s.clone())
            .collect();
        out.dedup();
        out
    }

    /// Matches a display name, and a catalog key where the export has one.
    pub fn find(&self, name: &str, key: Option<&str>) -> NameMatch {
        let n = normalise(name);
        let k = key.map(normalise).unwrap_or_default();
        if SYSTEM_APPS.iter().any(|s| *s == n || *s == k) {
            return NameMatch::System;
        }
        // A catalog key is exact where it is known: `zoomus` beside the label "Zoom SAML".
        if let [slug] = self.exact(&k).as_slice() {
            return NameMatch::Matched { slug: slug.clone() };
        }
        let mut n = n;
        loop {
            match self.exact(&n).as_slice() {
                [slug] => return NameMatch::Matched { slug: slug.clone() },
                [] => {}
                many => {
                    return NameMatch::Ambiguous {
                        candidates: many.to_vec(),
                    }
                }
            }
            let Some(shorter) = QUALIFIERS.iter().find_map(|q| {
                n.strip_suffix(q)
                    .and_then(|rest| rest.strip_suffix(' '))
                    .filter(|rest| !rest.is_empty())
            }) else {
                break;
            };
            n = shorter.to_string();
        }
        self.contained(&n)
    }

    fn contained(&self, n: &str) -> NameMatch {
        if n.is_empty() {
            return NameMatch::Unmatched {
                suggestions: Vec::new(),
            };
        }
        let mut found: Vec<(usize, String)> = self
            .names
            .iter()
            .filter_map(|(name, slug)| word_position(n, name).map(|i| (i, slug.clone())))
            .collect();
        found.sort();
        found.dedup_by(|a, b| a.1 == b.1);
        let others = OTHER_PRODUCTS.iter().any(|p| word_position(n, p).is_some());
        match found.as_slice() {
            [] => NameMatch::Unmatched {
                suggestions: self.suggest(n),
            },
            [(0, slug)] if !others => NameMatch::Matched { slug: slug.clone() },
            _ => {
                let mut candidates: Vec<String> = found.into_iter().map(|(_, s)| s).collect();
                candidates.sort();
                candidates.dedup();
                NameMatch::Ambiguous { candidates }
            }
        }
    }

    /// The closest vendors by edit distance, within a third of the name's length.
    fn suggest(&self, n: &str) -> Vec<String> {
        let limit = (n.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, &str)> = self
            .names
            .iter()
            .map(|(name, slug)| (distance(n, name), slug.as_str()))
            .filter(|(d, _)| *d <= limit)
            .collect();
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, slug) in scored {
            if !out.iter().any(|s| s == slug) && out.len() < 3 {
                out.push(slug.to_string());
            }
        }
        out
    }

    /// A vendor's display name, for suggestions ("Did you mean Ironclad?").
    pub fn name_of(&self, slug: &str) -> Option<&str> {
        self.display
            .iter()
            .find(|(s, _)| s == slug)
            .map(|(_, n)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::Vendor;

    fn vendor(slug: &str, name: &str, aka: &[&str]) -> Vendor {
        serde_json::from_value(serde_json::json!({
            "slug": slug,
            "name": name,
            "also_known_as": aka,
            "source": {
                "title": "t",
                "url": "https://example.com",
                "publisher": "p",
                "last_checked": "2026-11-01"
            }
        }))
        .unwrap()
    }

    fn catalog() -> Catalog {
        Catalog {
            vendors: vec![
                vendor("box", "Box", &[]),
                vendor("code42", "Code42", &["Mimecast Incydr"]),
                vendor("dropbox", "Dropbox", &[]),
                vendor("hubspot", "HubSpot", &[]),
                vendor("ironclad", "Ironclad", &[]),
                vendor("mode", "Mode", &[]),
                vendor("monday", "monday.com", &[]),
                vendor("slack", "Slack", &[]),
                vendor("zoom", "Zoom", &[]),
            ],
            api_guides: vec![],
            datasets: vec![],
            history: Default::default(),
        }
    }

    fn matched(slug: &str) -> NameMatch {
        NameMatch::Matched { slug: slug.into() }
    }

    #[test]
    fn real_names_match_their_vendor() {
        let m = Matcher::new(&catalog());
        for (name, slug) in [
            ("Slack", "slack"),
            ("Zoom", "zoom"),
            ("zoomus", "zoom"),
            ("Dropbox Business", "dropbox"),
            ("Dropbox for Business", "dropbox"),
            ("dropbox_for_business", "dropbox"),
            ("HubSpot SAML", "hubspot"),
            (" Mode  ", "mode"),
            ("Mode 🚀", "mode"),
            ("MODE", "mode"),
            ("Ironclad (Production)", "ironclad"),
            ("Zoom SAML SSO", "zoom"),
            ("Zoom for Government", "zoom"),
            ("Slack Sandbox", "slack"),
            ("boxnet", "box"),
            ("Box®", "box"),
            ("mondaycom", "monday"),
            ("Monday.com", "monday"),
            ("Mimecast Incydr", "code42"),
            ("code-42", "code42"),
        ] {
            assert_eq!(m.find(name, None), matched(slug), "{name}");
        }
        // Okta's key decides where the label is free text.
        assert_eq!(m.find("Acme chat", Some("slack")), matched("slack"));
        assert_eq!(m.find("Zoom SAML", Some("zoomus")), matched("zoom"));
    }

    #[test]
    fn another_products_name_first_is_not_a_match() {
        let m = Matcher::new(&catalog());
        assert_eq!(
            m.find("Office365 Zoom", None),
            NameMatch::Ambiguous {
                candidates: vec!["zoom".into()]
            }
        );
        assert_eq!(
            m.find("Sample Slack App", None),
            NameMatch::Ambiguous {
                candidates: vec!["slack".into()]
            }
        );
        assert_eq!(
            m.find("Slack Zoom bridge", None),
            NameMatch::Ambiguous {
                candidates: vec!["slack".into(), "zoom".into()]
            }
        );
        assert_eq!(
            m.find("Google Zoom add-on", None),
            NameMatch::Ambiguous {
                candidates: vec!["zoom".into()]
            }
        );
        // With Microsoft 365 in the catalog, its alias `office365` names it first.
        let mut with_365 = catalog();
        with_365
            .vendors
            .push(vendor("microsoft-365", "Microsoft 365", &[]));
        let m365 = Matcher::new(&with_365);
        assert_eq!(
            m365.find("Office365 Zoom", None),
            NameMatch::Ambiguous {
                candidates: vec!["microsoft-365".into(), "zoom".into()]
            }
        );
        assert_eq!(m365.find("office365", None), matched("microsoft-365"));
        assert_eq!(m365.find("Office 365", None), matched("microsoft-365"));
        // Whole words only: "Dropbox" does not contain the vendor Box.
        assert_eq!(m.find("Dropbox Paper", None), matched("dropbox"));
    }

    #[test]
    fn okta_system_apps_are_set_aside() {
        let m = Matcher::new(&catalog());
        assert_eq!(
            m.find("Okta Admin Console", Some("saasure")),
            NameMatch::System
        );
        assert_eq!(m.find("Okta Dashboard", None), NameMatch::System);
        assert_eq!(m.find("x", Some("okta_browser_plugin")), NameMatch::System);
        assert_eq!(m.find("x", Some("okta_enduser")), NameMatch::System);
    }

    #[test]
    fn typos_get_suggestions() {
        let m = Matcher::new(&catalog());
        assert_eq!(
            m.find("Ironclade", None),
            NameMatch::Unmatched {
                suggestions: vec!["ironclad".into()]
            }
        );
        assert_eq!(m.name_of("ironclad"), Some("Ironclad"));
        assert_eq!(
            m.find("Zom", None),
            NameMatch::Unmatched {
                // One edit from Zoom, two from Box; Mode is three away.
                suggestions: vec!["zoom".into(), "box".into()]
            }
        );
        assert_eq!(
            m.find("Citibank", None),
            NameMatch::Unmatched {
                suggestions: vec![]
            }
        );
        assert_eq!(
            m.find("🚀", None),
            NameMatch::Unmatched {
                suggestions: vec![]
            }
        );
        // Aliases for vendors we do not have are not used.
        assert_eq!(
            m.find("office365", None),
            NameMatch::Unmatched {
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn normalising_and_distance() {
        assert_eq!(normalise("  Aha!  (OIDC) ™ "), "aha oidc");
        assert_eq!(normalise("dominKnow|ONE"), "dominknow one");
        assert_eq!(distance("ironclade", "ironclad"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(word_position("office365 zoom", "zoom"), Some(1));
        assert_eq!(word_position("zoom", "office365 zoom"), None);
    }
}
