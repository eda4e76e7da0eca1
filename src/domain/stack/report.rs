//! One stack page's answer, read from its query: the stack, its totals, the lines of a
//! pasted list still waiting for the reader, and every value that could not be used.
//! `/stack`, `/stack.csv`, `/api/stack` and the stack's card all read it, so they agree.
//!
//! Besides the apps and the team-wide inputs (`input`), a stack address may carry:
//! - `list`: lines of a pasted list that are not in the stack yet, one a line, written as
//!   a pasted list is (`Ironclade, 12`). They are read, matched and listed back with a way
//!   to fix each; a line that matches one vendor and has seats joins the stack.
//! - `notes`: what a pasted list merged or left out on purpose (summed duplicates, an
//!   identity provider's own apps, inactive apps), one message a line, shown so no line
//!   disappears unexplained.

use super::import::{import, Import};
use super::input::{self, Stack, StackApp, APPS};
use super::list::{self, Note};
use super::matcher::{Matcher, NameMatch};
use super::totals::{totals, AppTax, ScimExtra, StackTotals};
use crate::domain::alternatives::{alternatives, Alternatives};
use crate::domain::catalog::Catalog;
use crate::domain::cost::verdict::Outcome;
use crate::domain::cost::{PriceSource, Span};
use crate::domain::format::{self, echo};
use crate::domain::issue::Issue;
use crate::domain::scenario;
use crate::domain::url::Query;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Lines still to resolve (see the module doc).
pub const LIST: &str = "list";
/// What a pasted list merged or left out (see the module doc).
pub const NOTES: &str = "notes";

/// The keys that change the figures: the apps, then the team-wide inputs in the
/// calculator's order.
pub fn figure_keys() -> Vec<&'static str> {
    let mut keys = vec![APPS];
    keys.extend(scenario::MANUAL_FIELDS.iter().map(|f| f.key));
    keys.push(scenario::YEARS.key);
    keys
}

/// Every key a stack address reads, in URL order.
pub fn keys() -> Vec<&'static str> {
    let mut keys = figure_keys();
    keys.extend([LIST, NOTES]);
    keys
}

/// Why a line of `list` is not in the stack yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Waiting {
    /// No vendor by that name; the closest ones, by slug.
    NoMatch { suggestions: Vec<String> },
    /// Several vendors fit, or the name is another product's: the reader picks.
    Ambiguous { candidates: Vec<String> },
    /// The vendor is known; the seats are not.
    NeedsSeats { slug: String },
    /// The line could not be read as given.
    Unreadable { message: String },
}

/// A line of `list` waiting for the reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingLine {
    /// The name as written.
    pub name: String,
    /// The seats as written (empty where the line has none).
    pub seats: String,
    pub waiting: Waiting,
}

impl PendingLine {
    /// The line as a pasted list writes it, read back the same by `list::read`: a name
    /// that would read as more than a name (a comma, a quote, seats at its end) is quoted,
    /// tabs become spaces.
    pub fn line(&self) -> String {
        line_of(&self.name, &self.seats)
    }
}

/// `Name, seats` (or `Name`), quoted where needed (see [`PendingLine::line`]). Seats that
/// are no count (`lots`) would read as another app after a comma; after a tab, as a
/// spreadsheet row has them, they stay this app's seats, to be corrected.
pub fn line_of(name: &str, seats: &str) -> String {
    let name = name.replace(['\t', '\n', '\r'], " ");
    let name = if !list::is_bare_name(&name) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name
    };
    match seats.trim() {
        "" => name,
        s if list::reads_as_seats(s) => format!("{name}, {s}"),
        s => format!("{name}\t{s}"),
    }
}

/// A stack page's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackReport {
    /// The link's apps, then those of `list` that resolved.
    pub stack: Stack,
    pub totals: StackTotals,
    /// Values of the address that could not be used as given.
    pub issues: Vec<Issue>,
    /// Lines of `list` waiting for the reader, in order.
    pub pending: Vec<PendingLine>,
    /// What the list's lines merged or left out, and why.
    pub notes: Vec<String>,
}

impl StackReport {
    /// Whether the address itself holds values we could not use (a 400 on the page).
    pub fn is_bad_input(&self) -> bool {
        !self.issues.is_empty()
    }
}

fn issue(field: &str, message: String) -> Issue {
    Issue {
        field: field.into(),
        message,
    }
}

/// The lines of `text` an import left waiting, in input order, each once.
pub fn pending_of(text: &str, import: &Import, unreadable: &[Note]) -> Vec<PendingLine> {
    let raw: Vec<&str> = text.lines().collect();
    let mut out: Vec<(usize, PendingLine)> = Vec::new();
    let mut asked: Vec<&str> = Vec::new();
    for l in &import.lines {
        let seats = l.entry.seats.map(|s| s.to_string()).unwrap_or_default();
        let waiting = match &l.found {
            NameMatch::Unmatched { suggestions } => Waiting::NoMatch {
                suggestions: suggestions.clone(),
            },
            NameMatch::Ambiguous { candidates } => Waiting::Ambiguous {
                candidates: candidates.clone(),
            },
            NameMatch::Matched { slug }
                if l.entry.seats.is_none()
                    && import.needs_seats.contains(slug)
                    && !asked.contains(&slug.as_str()) =>
            {
                asked.push(slug);
                Waiting::NeedsSeats { slug: slug.clone() }
            }
            _ => continue,
        };
        out.push((
            l.entry.line,
            PendingLine {
                name: l.entry.name.clone(),
                seats,
                waiting,
            },
        ));
    }
    for n in unreadable {
        // An app we could not read comes back as written; a line without one, whole (its
        // first cell is its name).
        let written = raw.get(n.line.saturating_sub(1)).copied().unwrap_or("");
        let (name, seats) = match &n.app {
            Some((name, seats)) => (name.as_str(), seats.as_str()),
            None => written.split_once(['\t', ',']).unwrap_or((written, "")),
        };
        out.push((
            n.line,
            PendingLine {
                name: name.trim().trim_matches('"').to_string(),
                seats: seats.trim().to_string(),
                waiting: Waiting::Unreadable {
                    message: n.message.clone(),
                },
            },
        ));
    }
    out.sort_by_key(|(line, _)| *line);
    out.into_iter().map(|(_, p)| p).collect()
}

/// A pasted list, read and matched.
pub struct ReadList {
    /// The apps it resolves.
    pub apps: Vec<StackApp>,
    /// The lines left waiting.
    pub pending: Vec<PendingLine>,
    /// Merged duplicates, lines set aside, the app cap.
    pub notes: Vec<String>,
}

/// Reads `text` as a pasted list. `Err` for input too large.
pub fn read_list(text: &str, matcher: &Matcher) -> Result<ReadList, String> {
    let listing = list::read(text)?;
    let unreadable = listing.problems.clone();
    let imported = import(listing, matcher);
    let pending = pending_of(text, &imported, &unreadable);
    let notes = imported
        .set_aside
        .iter()
        .chain(imported.problems.iter().skip(unreadable.len()))
        .map(|n| n.message.clone())
        .collect();
    Ok(ReadList {
        apps: imported.apps,
        pending,
        notes,
    })
}

/// Adds `more` to `apps`: an app already there takes the new seats (the later line wins,
/// as in the URL), a new one goes at the end. Apps are found by an index of their slugs,
/// so the work grows with the apps, not with their square (a search per app took 3 s for
/// a form of 40,000 rows; `examples/bench_stack_form.rs`).
pub fn merge_apps(apps: &mut Vec<StackApp>, more: Vec<StackApp>) {
    let mut at: HashMap<String, usize> = HashMap::with_capacity(apps.len() + more.len());
    for (i, app) in apps.iter().enumerate() {
        at.entry(app.slug.clone()).or_insert(i);
    }
    for app in more {
        match at.get(&app.slug) {
            Some(&i) => apps[i].seats = app.seats,
            None => {
                at.insert(app.slug.clone(), apps.len());
                apps.push(app);
            }
        }
    }
}

/// The whole answer for a stack address.
pub fn report(catalog: &Catalog, q: &Query) -> StackReport {
    let (mut stack, mut issues) = input::parse(q);
    let mut pending = Vec::new();
    let mut notes: Vec<String> = q
        .get(NOTES)
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| echo(l, 200))
        .collect();
    if let Some(text) = q.get(LIST).filter(|t| !t.trim().is_empty()) {
        match read_list(text, &Matcher::new(catalog)) {
            Ok(read) => {
                merge_apps(&mut stack.apps, read.apps);
                pending = read.pending;
                notes.extend(read.notes);
            }
            Err(m) => issues.push(issue(LIST, m)),
        }
    }
    if stack.apps.len() > input::MAX_APPS {
        let over = stack.apps.len() - input::MAX_APPS;
        issues.push(issue(
            APPS,
            format!(
                "A stack holds at most {} apps; the last {} {} left out.",
                input::MAX_APPS,
                format::count(over, "app", "apps"),
                if over == 1 { "is" } else { "are" }
            ),
        ));
        stack.apps.truncate(input::MAX_APPS);
    }
    let matcher = Matcher::new(catalog);
    for app in &stack.apps {
        match (catalog.vendor(&app.slug), &app.plan) {
            // Kept as a line to settle, so the next change of the form does not lose it.
            (None, _) => {
                issues.push(issue(
                    APPS,
                    format!(
                        "We have no vendor “{}”; it waits below.",
                        echo(&app.slug, 60)
                    ),
                ));
                let waiting = match matcher.find(&app.slug, None) {
                    NameMatch::Ambiguous { candidates } => Waiting::Ambiguous { candidates },
                    NameMatch::Unmatched { suggestions } => Waiting::NoMatch { suggestions },
                    _ => Waiting::NoMatch {
                        suggestions: Vec::new(),
                    },
                };
                pending.push(PendingLine {
                    name: app.slug.clone(),
                    seats: app.seats.to_string(),
                    waiting,
                });
            }
            (Some(v), Some(plan)) if v.plan(plan).is_none() => issues.push(issue(
                APPS,
                format!(
                    "{} has no plan “{}”; costed on its usual plan before SCIM.",
                    v.name,
                    echo(plan, 60)
                ),
            )),
            _ => {}
        }
    }
    StackReport {
        totals: totals(catalog, &stack),
        stack,
        issues,
        pending,
        notes,
    }
}

/// How many of the lines paying the most SCIM tax get cheaper routes.
pub const ROUTED_LINES: usize = 3;

/// One of the lines that pay the most SCIM tax, with the vendors of its category that
/// include SCIM or sell it for less per user (`domain::alternatives`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheaperRoutes {
    pub slug: String,
    pub name: String,
    pub seats: u32,
    /// What getting SCIM adds to the app's bill a year.
    pub tax: Span,
    pub alternatives: Alternatives,
}

/// The cheaper routes for the [`ROUTED_LINES`] apps whose known SCIM tax is largest (by
/// what they surely pay, the low end; then by name), leaving out those with none to offer.
pub fn cheaper_routes(catalog: &Catalog, totals: &StackTotals) -> Vec<CheaperRoutes> {
    let tax = |a: &AppTax| match &a.scim_extra {
        ScimExtra::Known { annual, .. } if annual.low > 0.0 => Some(*annual),
        _ => None,
    };
    let mut paying: Vec<(&AppTax, Span)> = totals
        .apps
        .iter()
        .filter_map(|a| Some((a, tax(a)?)))
        .collect();
    paying.sort_by(|(a, x), (b, y)| {
        y.low
            .total_cmp(&x.low)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    paying
        .into_iter()
        .take(ROUTED_LINES)
        .filter_map(|(a, tax)| {
            let v = catalog.vendor(&a.slug)?;
            let alternatives = alternatives(v, &catalog.vendors);
            (!alternatives.offered.is_empty()).then(|| CheaperRoutes {
                slug: a.slug.clone(),
                name: a.name.clone(),
                seats: a.seats,
                tax,
                alternatives,
            })
        })
        .collect()
}

/// What getting SCIM adds to an app's bill a year, in words: "$5,760 to $38,240 more",
/// "included in your plan", "quote needed".
pub fn extra_text(e: &ScimExtra) -> String {
    match e {
        ScimExtra::Known { annual, source } => {
            let from = match source {
                PriceSource::ListPrice => "",
                // A source's assumed figure stands in for a quote, as an estimate does.
                PriceSource::Estimate | PriceSource::Assumed => " (estimate)",
                PriceSource::YourQuote => " (your quote)",
            };
            format!("{}{from}", format::change(annual))
        }
        ScimExtra::Quote => "Quote needed".into(),
        ScimExtra::OutOfScope { scope } => format!(
            "Quote needed: the source prices it only for {}",
            format::scope(scope)
        ),
        ScimExtra::Unknown => "Price unknown".into(),
        ScimExtra::NoScimPlan => "No plan with SCIM".into(),
        ScimExtra::Included => "Included in your plan".into(),
    }
}

/// The verdict in a table cell, over the stack's horizon.
pub fn verdict_short(o: &Outcome, years: u32) -> String {
    let over = if years == 1 {
        "a year".to_string()
    } else {
        format!("over {years} years")
    };
    match o {
        Outcome::AlreadyHasScim => "Turn on the SCIM you have".into(),
        Outcome::NoScimPlan => "Stay manual or automate another way".into(),
        Outcome::UpgradeCheaper { by } => {
            format!("Upgrade: saves {} {over}", format::amount(by))
        }
        Outcome::ManualCheaper { by } => {
            format!("Stay manual: {} cheaper {over}", format::amount(by))
        }
        Outcome::Depends { .. } => "Depends on the price you get".into(),
        Outcome::Unknown => "Needs a price to compare".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::stack::test_catalog as catalog;

    fn read(q: &str) -> StackReport {
        report(&catalog(), &Query::parse(q))
    }

    #[test]
    fn keys_are_the_apps_the_shared_inputs_and_the_list() {
        assert_eq!(
            keys(),
            [
                "apps",
                "joiners",
                "leavers",
                "minutes",
                "hourly",
                "orphans",
                "unused",
                "seat",
                "orphan_cost",
                "years",
                "list",
                "notes"
            ]
        );
    }

    #[test]
    fn lines_that_resolve_join_the_stack_and_the_rest_wait() {
        let r = read("apps=mode:40&list=Slack%2C+250%0AIronclade%2C+12%0AZoom%0AOffice365+Zoom%2C+5%0ASlack%09abc");
        assert_eq!(
            r.stack.apps,
            [StackApp::new("mode", 40), StackApp::new("slack", 250)]
        );
        assert_eq!(
            r.pending,
            [
                PendingLine {
                    name: "Ironclade".into(),
                    seats: "12".into(),
                    waiting: Waiting::NoMatch {
                        suggestions: vec!["ironclad".into()]
                    }
                },
                PendingLine {
                    name: "Zoom".into(),
                    seats: "".into(),
                    waiting: Waiting::NeedsSeats {
                        slug: "zoom".into()
                    }
                },
                PendingLine {
                    name: "Office365 Zoom".into(),
                    seats: "5".into(),
                    waiting: Waiting::Ambiguous {
                        candidates: vec!["zoom".into()]
                    }
                },
                PendingLine {
                    name: "Slack".into(),
                    seats: "abc".into(),
                    waiting: Waiting::Unreadable {
                        message:
                            "Slack: “abc” is not a number of seats (a whole number, like 250)."
                                .into()
                    }
                },
            ]
        );
        assert!(r.issues.is_empty(), "{:?}", r.issues);
    }

    #[test]
    fn a_pending_line_reads_back_as_itself() {
        for (name, seats) in [
            ("Acme, Inc.", "30"),
            ("Say \"hi\"", ""),
            ("Foo Bar", "1,250"),
            ("Acme; Ltd", "3"),
            ("Office 365", ""),
            ("Project X", "40"),
            ("12 Monkeys", ""),
            ("Slack", "lots"),
            ("Slack", "12.5"),
            ("", "40"),
        ] {
            let text = line_of(name, seats);
            let pending = read_list(&text, &Matcher::new(&catalog())).unwrap().pending;
            assert_eq!(pending[0].name, name, "{text}");
            assert_eq!(pending[0].seats, seats.replace(',', ""), "{text}");
        }
    }

    #[test]
    fn unknown_slugs_and_plans_are_named() {
        let r = read("apps=nosuch:3,mode:5:Gold");
        let messages: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "We have no vendor “nosuch”; it waits below.",
                "Mode has no plan “Gold”; costed on its usual plan before SCIM."
            ]
        );
        assert!(r.is_bad_input());
        assert_eq!(r.totals.not_in_catalog, ["nosuch"]);
        assert_eq!(r.pending[0].line(), "nosuch, 3");
    }

    #[test]
    fn set_aside_lines_are_shown_as_notes() {
        let r = read("notes=Okta+Admin+Console+is+part+of+the+identity+provider%3B+left+out.");
        assert_eq!(
            r.notes,
            ["Okta Admin Console is part of the identity provider; left out."]
        );
    }
}
