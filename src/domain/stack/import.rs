//! From a pasted list or an export to a stack: every entry matched, and an account of every
//! line, so the reader can see what was taken, what needs an answer and what was left out.
//!
//! Two entries that match one vendor (two Slack workspaces, "Zoom" and "Zoom SAML") are one
//! app whose seats are **summed**: separate instances are usually separate people, and the
//! note says so, so a reader who knows they overlap can correct it. (The URL's rule, last
//! wins, fits a link edited by hand, not an export.)

use super::input::{StackApp, MAX_APPS, MAX_SEATS};
use super::list::{Entry, Note, PastedList};
use super::matcher::{Matcher, NameMatch};
use crate::domain::format::echo;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What became of one entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub entry: Entry,
    pub found: NameMatch,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// Matched apps with seats, in order of first appearance, duplicates summed.
    pub apps: Vec<StackApp>,
    /// Every entry and its match, in input order.
    pub lines: Vec<Line>,
    /// Matched apps the input gives no seats for, by slug: the reader is asked.
    pub needs_seats: Vec<String>,
    /// Lines set aside with a reason (the list's own, and the identity provider's apps).
    pub set_aside: Vec<Note>,
    /// Lines that could not be read, and what merging duplicates or the app cap changed.
    pub problems: Vec<Note>,
}

/// An entry and its match. One whose name and seats only a space parted is its whole
/// text where that alone names a vendor: `Office 365` is Microsoft 365 with its seats to
/// ask, not Office with 365 seats; `Zoom 40` stays Zoom with 40.
fn settle(entry: Entry, matcher: &Matcher) -> (Entry, NameMatch) {
    let found = matcher.find(&entry.name, entry.key.as_deref());
    let Some(whole) = entry.whole.as_deref() else {
        return (entry, found);
    };
    match matcher.find(whole, entry.key.as_deref()) {
        NameMatch::Matched { slug } if !matches!(&found, NameMatch::Matched { slug: s } if *s == slug) => {
            (
                Entry {
                    name: whole.to_string(),
                    seats: None,
                    whole: None,
                    ..entry
                },
                NameMatch::Matched { slug },
            )
        }
        _ => (entry, found),
    }
}

pub fn import(listing: PastedList, matcher: &Matcher) -> Import {
    let mut out = Import {
        apps: Vec::new(),
        lines: Vec::new(),
        needs_seats: Vec::new(),
        set_aside: listing.set_aside,
        problems: listing.problems,
    };
    // The first line each app came from, to name it when a later line adds to it.
    let mut first_line: Vec<usize> = Vec::new();
    // Where each app is in `out.apps`, and the apps still without seats: looked up in one
    // step each, so a list of 5,000 lines costs 5,000 steps.
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut asked: HashSet<String> = HashSet::new();
    for entry in listing.entries {
        let (entry, found) = settle(entry, matcher);
        match (&found, entry.seats) {
            (NameMatch::System, _) => out.set_aside.push(Note::new(
                entry.line,
                format!(
                    "{} is part of the identity provider itself; left out.",
                    echo(&entry.name, 60)
                ),
            )),
            (NameMatch::Matched { slug }, None)
                if !asked.contains(slug) && !at.contains_key(slug) =>
            {
                asked.insert(slug.clone());
                out.needs_seats.push(slug.clone())
            }
            (NameMatch::Matched { slug }, Some(seats)) => {
                asked.remove(slug);
                match at.get(slug).copied() {
                    Some(i) => {
                        let app = &mut out.apps[i];
                        let sum = app.seats.saturating_add(seats).min(MAX_SEATS);
                        out.problems.push(Note::new(
                            entry.line,
                            format!(
                                "{} is also on line {}; seats added: {} + {seats} = {sum}.",
                                matcher.name_of(slug).unwrap_or(slug),
                                first_line[i],
                                app.seats
                            ),
                        ));
                        app.seats = sum;
                    }
                    None if out.apps.len() >= MAX_APPS => out.problems.push(Note::new(
                        entry.line,
                        format!(
                            "A stack holds at most {MAX_APPS} apps; {} is left out.",
                            echo(&entry.name, 60)
                        ),
                    )),
                    None => {
                        at.insert(slug.clone(), out.apps.len());
                        out.apps.push(StackApp {
                            slug: slug.clone(),
                            seats,
                            plan: None,
                            quote: None,
                        });
                        first_line.push(entry.line);
                    }
                }
            }
            _ => {}
        }
        out.lines.push(Line { entry, found });
    }
    // An app whose seats came on a later line is not asked for; each is asked once.
    out.needs_seats.retain(|slug| asked.remove(slug));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Catalog;
    use crate::domain::stack::list::read;

    fn catalog() -> Catalog {
        Catalog::of_names(&[("mode", "Mode"), ("slack", "Slack"), ("zoom", "Zoom")])
    }

    #[test]
    fn every_line_is_accounted_for() {
        let m = Matcher::new(&catalog());
        let text = "label,name,licensing.seatCount\n\
                    Slack,slack,200\n\
                    Zoom SAML,zoomus,\n\
                    Okta Admin Console,saasure,\n\
                    Office365 Zoom,,\n\
                    Slack (EU),,50\n\
                    Ironclade,,12\n\
                    Zoom,,30\n";
        let i = import(read(text).unwrap(), &m);
        assert_eq!(
            i.apps,
            [
                StackApp {
                    slug: "slack".into(),
                    seats: 250,
                    plan: None,
                    quote: None
                },
                StackApp {
                    slug: "zoom".into(),
                    seats: 30,
                    plan: None,
                    quote: None
                }
            ]
        );
        // Zoom's seats came on a later line, so nothing is left to ask.
        assert!(i.needs_seats.is_empty());
        assert_eq!(i.lines.len(), 7);
        assert_eq!(
            i.lines[3].found,
            NameMatch::Ambiguous {
                candidates: vec!["zoom".into()]
            }
        );
        assert!(matches!(i.lines[5].found, NameMatch::Unmatched { .. }));
        assert_eq!(
            i.problems[0].message,
            "Slack is also on line 2; seats added: 200 + 50 = 250."
        );
        assert_eq!(i.problems[0].line, 6);
        assert_eq!(
            i.set_aside[0].message,
            "Okta Admin Console is part of the identity provider itself; left out."
        );
        let asks = import(read("Mode\nSlack, 3\n").unwrap(), &m);
        assert_eq!(asks.needs_seats, ["mode"]);
    }

    #[test]
    fn a_name_ending_in_a_number_is_a_name_where_only_it_matches() {
        let mut names = vec![("microsoft-365", "Microsoft 365")];
        names.extend([("mode", "Mode"), ("slack", "Slack"), ("zoom", "Zoom")]);
        let m = Matcher::new(&Catalog::of_names(&names));
        let i = import(read("Office 365\nZoom 40\n").unwrap(), &m);
        assert_eq!(i.apps, [StackApp::new("zoom", 40)]);
        assert_eq!(i.needs_seats, ["microsoft-365"]);
        assert_eq!(i.lines[0].entry.name, "Office 365");
        assert_eq!(i.lines[0].entry.seats, None);
        let seated = import(read("Microsoft 365 12\n").unwrap(), &m);
        assert_eq!(seated.apps, [StackApp::new("microsoft-365", 12)]);
    }
}
