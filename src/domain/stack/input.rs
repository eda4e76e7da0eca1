//! A stack as it lives in the URL: `/stack?apps=slack:250,zoom:250,mode:40,ironclad:12`.
//!
//! `apps` is a comma-separated list of items; an item is colon-separated fields:
//!
//! ```text
//! slug:seats[:plan[:quote]]
//! mode:40                      Mode, 40 seats, on its default current plan
//! mode:40:Business%2FPro       ... on the plan named "Business/Pro"
//! mode:40::9000                ... default plan, with the reader's own quote ($9,000 a year)
//!                              for the plan that unlocks SCIM
//! mode:40:Business%2FPro:9000  both
//! ```
//!
//! The separators `,` and `:` are written bare (both are legal in a query string), so that
//! a 100-app stack stays well under 2,000 characters; a browser form that writes them as
//! `%2C` and `%3A` means the same, since the whole value is decoded once before it is split.
//! A plan name is form-encoded like any query value (`/` → `%2F`, space → `+`); the three
//! characters that would break the split (`%`, `,`, `:`) are escaped once more inside it
//! (`%25`, `%2C`, `%3A`) before that, which no real plan name needs today. A slug is
//! escaped the same way: no vendor's slug needs it, but a name typed into the form's app
//! field (`mode:40&hourly=999`) must come back as that name, not as more fields or keys.
//! The whole value is then written by `url::encode`, like every other address.
//!
//! The team-wide manual-cost inputs (`joiners`, `leavers`, `minutes`, ...) and `years` are
//! the calculator's keys with its defaults, read by `scenario`, so a stack link and a
//! calculator link mean the same by them.
//!
//! Whether a slug names a vendor we know is not decided here (that needs the catalog; see
//! `totals`). Rules decided here: seats must be whole and within 1..=1,000,000; more than
//! [`MAX_APPS`] items are refused; empty items (`a:1,,b:2`, a trailing comma) are skipped
//! without a word; a slug given twice keeps its **last** item, as a repeated query key does,
//! and the earlier one is reported.

use crate::domain::cost::manual::ManualInputs;
use crate::domain::format::{echo, plain};
use crate::domain::issue::Issue;
use crate::domain::scenario;
use crate::domain::url::{encode, Query};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The query key of the app list.
pub const APPS: &str = "apps";
/// The most apps one stack holds: more than any company runs, few enough to compute at once.
pub const MAX_APPS: usize = 500;
/// Seats per app, the calculator's team-size bounds.
pub const MIN_SEATS: u32 = 1;
pub const MAX_SEATS: u32 = 1_000_000;

/// One app of the stack, as the reader gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackApp {
    pub slug: String,
    pub seats: u32,
    /// The plan the reader is on; `None` means the vendor's default current plan.
    pub plan: Option<String>,
    /// The reader's own yearly quote for the plan that unlocks SCIM.
    pub quote: Option<f64>,
}

/// A whole stack and the team-wide inputs it is costed with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stack {
    pub apps: Vec<StackApp>,
    pub manual: ManualInputs,
    /// The price of an unused seat a month, where the address gives one; else each app's
    /// own (`cost::unused_seat_price`).
    pub seat: Option<f64>,
    pub years: u32,
}

impl Default for Stack {
    fn default() -> Self {
        Stack {
            apps: Vec::new(),
            manual: ManualInputs::DEFAULT,
            seat: None,
            years: scenario::DEFAULT_YEARS,
        }
    }
}

fn issue(message: String) -> Issue {
    Issue {
        field: APPS.into(),
        message,
    }
}

/// Escapes the characters that would split a slug or a plan name (see the module doc).
fn escape_field(name: &str) -> String {
    name.replace('%', "%25")
        .replace(',', "%2C")
        .replace(':', "%3A")
}

fn unescape_field(field: &str) -> String {
    field
        .replace("%2C", ",")
        .replace("%2c", ",")
        .replace("%3A", ":")
        .replace("%3a", ":")
        .replace("%25", "%")
}

/// A count as people type it: `1,250`, `1 250`, `1.250` and `1'250` are 1250.
pub fn parse_count(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // A separator must group exactly three digits after it, so "12.5" is not 125.
    let groups: Vec<&str> = t
        .split([',', '.', ' ', '\u{a0}', '\u{202f}', '\''])
        .collect();
    let well_grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    groups.concat().parse().ok()
}

/// Checks a seat count against [`MIN_SEATS`]..=[`MAX_SEATS`]; the message names the app.
pub fn check_seats(what: &str, text: &str) -> Result<u32, String> {
    let shown = echo(text.trim(), 20);
    match parse_count(text) {
        None => Err(format!(
            "{what}: “{shown}” is not a number of seats (a whole number, like 250)."
        )),
        Some(n) if n < MIN_SEATS as u64 => Err(format!("{what}: seats must be at least 1.")),
        Some(n) if n > MAX_SEATS as u64 => Err(format!(
            "{what}: seats are capped at 1,000,000; “{shown}” is more."
        )),
        Some(n) => Ok(n as u32),
    }
}

/// One item, and a note when its quote could not be used as given.
fn parse_item(item: &str) -> Result<(StackApp, Option<String>), String> {
    let mut fields = item.split(':');
    let slug = unescape_field(fields.next().unwrap_or(""))
        .trim()
        .to_ascii_lowercase();
    let shown = echo(item.trim(), 60);
    if slug.is_empty() {
        return Err(format!("“{shown}” has no app name before its seats."));
    }
    let seats = match fields.next() {
        Some(s) if !s.trim().is_empty() => check_seats(&echo(&slug, 60), s)?,
        _ => {
            return Err(format!(
                "{}: how many seats? Write it as {}:250.",
                echo(&slug, 60),
                echo(&slug, 60)
            ))
        }
    };
    let plan = fields
        .next()
        .map(|p| unescape_field(p).trim().to_string())
        .filter(|p| !p.is_empty());
    // A bad quote does not lose the app: it is costed on the data's prices instead.
    let (quote, note) = scenario::parse_field(&scenario::QUOTE, fields.next());
    let note = note.map(|m| format!("{}: quote {m}", echo(&slug, 60)));
    if fields.next().is_some() {
        return Err(format!(
            "“{shown}” has too many parts; an app reads slug:seats:plan:quote."
        ));
    }
    Ok((
        StackApp {
            slug,
            seats,
            plan,
            quote,
        },
        note,
    ))
}

/// Reads the app list alone. Never fails: every item that cannot be used is left out and
/// reported.
pub fn parse_apps(value: &str) -> (Vec<StackApp>, Vec<Issue>) {
    let items: Vec<&str> = value.split(',').filter(|i| !i.trim().is_empty()).collect();
    if items.len() > MAX_APPS {
        return (
            Vec::new(),
            vec![issue(format!(
                "A stack holds at most {MAX_APPS} apps; this link has {}.",
                items.len()
            ))],
        );
    }
    // An app listed again leaves its slot empty and goes to the end; slots are found by
    // slug in one step, so the work grows with the items, not with their square.
    let mut slots: Vec<Option<StackApp>> = Vec::with_capacity(items.len());
    let mut at: HashMap<String, usize> = HashMap::with_capacity(items.len());
    let mut issues = Vec::new();
    for item in items {
        match parse_item(item) {
            Ok((app, note)) => {
                issues.extend(note.map(issue));
                if let Some(old) = at.get(&app.slug).and_then(|&i| slots[i].take()) {
                    issues.push(issue(format!(
                        "{} is listed twice; using the last ({} seats, not {}).",
                        echo(&app.slug, 60),
                        app.seats,
                        old.seats
                    )));
                }
                at.insert(app.slug.clone(), slots.len());
                slots.push(Some(app));
            }
            Err(m) => issues.push(issue(m)),
        }
    }
    (slots.into_iter().flatten().collect(), issues)
}

/// Reads a stack from the URL: the apps, and the team-wide inputs by `scenario`'s rules.
pub fn parse(q: &Query) -> (Stack, Vec<Issue>) {
    let (apps, mut issues) = parse_apps(q.get(APPS).unwrap_or(""));
    // The calculator's own parser reads the shared keys, defaults and messages; its
    // vendor, team size and quotes do not apply to a stack and are not read.
    let (s, shared) = scenario::parse(q);
    let ours =
        |k: &str| k == scenario::YEARS.key || scenario::MANUAL_FIELDS.iter().any(|f| f.key == k);
    issues.extend(shared.into_iter().filter(|i| ours(&i.field)));
    (
        Stack {
            apps,
            manual: s.manual,
            seat: s.seat,
            years: s.upgrade.years,
        },
        issues,
    )
}

impl StackApp {
    /// An app with its seats, on the default plan and at list price.
    pub fn new(slug: &str, seats: u32) -> StackApp {
        StackApp {
            slug: slug.into(),
            seats,
            plan: None,
            quote: None,
        }
    }

    /// The item as the `apps` value holds it, its fields escaped (not yet encoded for a
    /// query string: see [`apps_value`]).
    pub fn item(&self) -> String {
        let mut out = format!("{}:{}", escape_field(&self.slug), self.seats);
        let plan = self.plan.as_deref().map(escape_field).unwrap_or_default();
        match self.quote {
            Some(q) => out += &format!(":{plan}:{}", plain(q)),
            None if !plan.is_empty() => out += &format!(":{plan}"),
            None => {}
        }
        out
    }
}

/// The `apps` value for `apps`, as decoded: items joined by `,`. Written into an address by
/// `url::encode` (which keeps `,` and `:` bare), so a name can never end the value.
pub fn apps_value(apps: &[StackApp]) -> String {
    apps.iter()
        .map(StackApp::item)
        .collect::<Vec<_>>()
        .join(",")
}

impl Stack {
    /// The query string (no leading `?`) of what differs from the defaults.
    pub fn to_query(&self) -> String {
        let shared = scenario::Scenario {
            manual: self.manual,
            seat: self.seat,
            upgrade: crate::domain::cost::upgrade::UpgradeInputs {
                years: self.years,
                ..Default::default()
            },
            ..Default::default()
        }
        .to_query();
        let mut out = String::new();
        if !self.apps.is_empty() {
            out = encode(&[(APPS, apps_value(&self.apps))]);
        }
        if !shared.is_empty() {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&shared);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(slug: &str, seats: u32) -> StackApp {
        StackApp::new(slug, seats)
    }

    #[test]
    fn reads_the_short_form() {
        let (s, issues) = parse(&Query::parse("apps=slack:250,zoom:250,mode:40,ironclad:12"));
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            s.apps,
            vec![
                app("slack", 250),
                app("zoom", 250),
                app("mode", 40),
                app("ironclad", 12)
            ]
        );
        assert_eq!(s.manual, ManualInputs::DEFAULT);
        assert_eq!(s.years, scenario::DEFAULT_YEARS);
    }

    #[test]
    fn plans_and_quotes_round_trip() {
        let s = Stack {
            apps: vec![
                StackApp {
                    plan: Some("Business/Pro".into()),
                    quote: Some(9000.0),
                    ..app("mode", 40)
                },
                StackApp {
                    quote: Some(70000.0),
                    ..app("ironclad", 12)
                },
                StackApp {
                    plan: Some("Odd: 50% off, yes".into()),
                    ..app("amplitude", 3)
                },
            ],
            manual: ManualInputs {
                hourly_cost: 80.0,
                ..ManualInputs::DEFAULT
            },
            seat: None,
            years: 1,
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "apps=mode:40:Business%2FPro:9000,ironclad:12::70000,\
             amplitude:3:Odd%253A+50%2525+off%252C+yes&hourly=80&years=1"
        );
        let (back, issues) = parse(&Query::parse(&q));
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, s);
        assert_eq!(Stack::default().to_query(), "");
    }

    #[test]
    fn a_form_that_encodes_the_separators_means_the_same() {
        let (s, _) = parse(&Query::parse(
            "apps=slack%3A250%2Cmode%3A40%3ABusiness%2FPro",
        ));
        assert_eq!(s.apps[1].plan.as_deref(), Some("Business/Pro"));
        assert_eq!(s.apps[0], app("slack", 250));
    }

    #[test]
    fn a_hundred_apps_fit_in_a_short_link() {
        let apps = (0..100)
            .map(|i| app(&format!("app-{i:07}x"), 1000 + i as u32 * 37))
            .collect::<Vec<_>>();
        assert!(apps.iter().all(|a| a.slug.len() == 12));
        let s = Stack {
            apps,
            ..Stack::default()
        };
        let link = format!("/stack?{}", s.to_query());
        assert!(link.len() < 2000, "{} characters", link.len());
        assert_eq!(parse(&Query::parse(&s.to_query())).0, s);
    }

    #[test]
    fn bad_items_are_reported_and_the_rest_kept() {
        let (s, issues) = parse(&Query::parse(
            "apps=slack:250,,zoom:0,mode:lots,box:2000000,notion,:5,figma:1.250,\
             slack:300,a:1:p:9:extra,b:2::cheap,&years=20",
        ));
        assert_eq!(
            s.apps,
            vec![app("figma", 1250), app("slack", 300), app("b", 2)]
        );
        let msgs: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "zoom: seats must be at least 1.",
                "mode: “lots” is not a number of seats (a whole number, like 250).",
                "box: seats are capped at 1,000,000; “2000000” is more.",
                "notion: how many seats? Write it as notion:250.",
                "“:5” has no app name before its seats.",
                "slack is listed twice; using the last (300 seats, not 250).",
                "“a:1:p:9:extra” has too many parts; an app reads slug:seats:plan:quote.",
                "b: quote “cheap” is not a number; ignoring it.",
                "Years to compare is capped at 10; using 10.",
            ]
        );
        assert_eq!(s.years, 10);
    }

    #[test]
    fn more_than_five_hundred_apps_are_refused() {
        let value = (0..501)
            .map(|i| format!("a{i}:1"))
            .collect::<Vec<_>>()
            .join(",");
        let (apps, issues) = parse_apps(&value);
        assert!(apps.is_empty());
        assert_eq!(
            issues[0].message,
            "A stack holds at most 500 apps; this link has 501."
        );
        assert_eq!(parse_apps(&value[..value.rfind(',').unwrap()]).0.len(), 500);
    }

    #[test]
    fn counts_as_people_type_them() {
        for (t, n) in [
            ("1,250", 1250),
            (" 1 250 ", 1250),
            ("1.250", 1250),
            ("40", 40),
        ] {
            assert_eq!(parse_count(t), Some(n), "{t}");
        }
        for t in ["12.5", "1,25", "", "-3", "ten", "1,2345"] {
            assert_eq!(parse_count(t), None, "{t}");
        }
    }
}
