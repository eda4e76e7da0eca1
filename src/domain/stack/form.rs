//! The stack form as posted (`POST /stack`), turned into the stack's address.
//!
//! The page has one form, so a reader without JavaScript can change everything at once
//! and one button applies it; the server answers with a redirect to the address this
//! module writes, and that address is the page everyone else gets by following the link.
//!
//! Fields (rows repeat their fields, read in order):
//! - `app`, `seats`, `plan`, `quote`: one row per app of the stack; `remove` (a button)
//!   names an app to take out;
//! - `line_name`, `line_seats`: one row per line still waiting; `use` (a button, `3:zoom`)
//!   says which vendor line 3 is, `drop` (a button, `3`) leaves line 3 out;
//! - `list`: newly pasted lines or an export;
//! - the team-wide inputs and `years`, copied as typed (the page reports what it cannot
//!   use), and `notes`, kept unless a new list brings its own.
//!
//! A row whose seats cannot be read is not lost: it goes back to the waiting lines with
//! its text, and the page says what is wrong with it.

use super::input::{apps_value, check_seats, parse_apps, StackApp, APPS, MAX_APPS};
use super::list::MAX_LINES;
use super::matcher::Matcher;
use super::report::{line_of, merge_apps, read_list, Waiting, LIST, NOTES};
use crate::domain::catalog::Catalog;
use crate::domain::format::{echo, group_thousands};
use crate::domain::scenario;
use crate::domain::url::{encode, Query};

pub const APP: &str = "app";
pub const SEATS: &str = "seats";
/// A row's current plan and quote: the calculator's keys, meaning the same.
pub use crate::domain::scenario::PLAN;
pub const QUOTE: &str = scenario::QUOTE.key;
pub const REMOVE: &str = "remove";
pub const LINE_NAME: &str = "line_name";
pub const LINE_SEATS: &str = "line_seats";
pub const USE: &str = "use";
pub const DROP: &str = "drop";

/// Every value of a repeated field, in order.
fn all<'a>(q: &'a Query, key: &str) -> Vec<&'a str> {
    q.pairs()
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The rows of the stack table, as apps; rows that cannot be used become waiting lines
/// or notes.
fn rows(
    q: &Query,
    catalog: &Catalog,
    waiting: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Vec<StackApp> {
    let (slugs, seats, plans, quotes) = (all(q, APP), all(q, SEATS), all(q, PLAN), all(q, QUOTE));
    let removed = q.get(REMOVE).unwrap_or("");
    let mut apps = Vec::new();
    for (i, slug) in slugs.iter().enumerate() {
        let slug = slug.trim();
        if slug.is_empty() || slug == removed {
            continue;
        }
        let name = catalog.vendor(slug).map_or(slug, |v| v.name.as_str());
        let seat_text = seats.get(i).copied().unwrap_or("");
        let Ok(seats) = check_seats(name, seat_text) else {
            waiting.push(line_of(name, seat_text));
            continue;
        };
        let (quote, problem) = scenario::parse_field(&scenario::QUOTE, quotes.get(i).copied());
        if let Some(m) = problem {
            notes.push(format!("{name}: quote {m}"));
        }
        apps.push(StackApp {
            slug: slug.to_string(),
            seats,
            plan: plans
                .get(i)
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            quote,
        });
    }
    apps
}

/// The waiting lines after the reader's answers: a line given a vendor joins `apps`
/// when its seats read, a dropped line goes, the rest stay as written.
fn answered(q: &Query, catalog: &Catalog, apps: &mut Vec<StackApp>) -> Vec<String> {
    let (names, seats) = (all(q, LINE_NAME), all(q, LINE_SEATS));
    let chosen = q.get(USE).and_then(|u| u.split_once(':'));
    let dropped = q.get(DROP).and_then(|d| d.trim().parse::<usize>().ok());
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let seat_text = seats.get(i).copied().unwrap_or("");
        if dropped == Some(i) {
            continue;
        }
        let vendor = chosen
            .filter(|(k, _)| k.trim().parse() == Ok(i))
            .and_then(|(_, slug)| catalog.vendor(slug.trim()));
        match vendor {
            Some(v) => match check_seats(&v.name, seat_text) {
                Ok(n) => merge_apps(apps, vec![StackApp::new(&v.slug, n)]),
                // Named now, so the page asks only for the seats.
                Err(_) => lines.push(line_of(&v.name, seat_text)),
            },
            None => lines.push(line_of(name, seat_text)),
        }
    }
    lines
}

/// Why a form has more rows than a stack or a list holds, if it has. Counted before any row
/// is read: every later step grows with the rows, so 40,000 of them cost one count here.
fn too_many_rows(q: &Query) -> Option<String> {
    let count = |key: &str| q.pairs().iter().filter(|(k, _)| k == key).count();
    let (apps, lines) = (count(APP), count(LINE_NAME));
    if apps > MAX_APPS {
        return Some(format!(
            "This form has {} apps; a stack holds at most {MAX_APPS}. Remove some, or split the stack in two.",
            group_thousands(apps as u64)
        ));
    }
    (lines > MAX_LINES).then(|| {
        format!(
            "This form has {} lines to settle; at most {} are read at once. Paste fewer lines at a time.",
            group_thousands(lines as u64),
            group_thousands(MAX_LINES as u64)
        )
    })
}

/// The address (query, no `?`) a posted form leads to, or why the form could not be read
/// (more rows than a stack holds, a list too large).
pub fn address(catalog: &Catalog, q: &Query) -> Result<String, String> {
    if let Some(message) = too_many_rows(q) {
        return Err(message);
    }
    let (mut apps, _) = parse_apps(q.get(APPS).unwrap_or(""));
    let mut waiting = Vec::new();
    let mut notes = Vec::new();
    merge_apps(&mut apps, rows(q, catalog, &mut waiting, &mut notes));
    let removed = q.get(REMOVE).unwrap_or("");
    apps.retain(|a| a.slug != removed);
    waiting.extend(answered(q, catalog, &mut apps));
    let pasted = q.get(LIST).unwrap_or("");
    if pasted.trim().is_empty() {
        notes.extend(q.get(NOTES).unwrap_or("").lines().map(str::to_string));
    }
    // The waiting lines are read apart from the pasted text: an export's first row must
    // stay its header, and each of its rows one app.
    let matcher = Matcher::new(catalog);
    let (mut pending, mut seated) = (Vec::new(), Vec::new());
    for text in [waiting.join("\n"), pasted.to_string()] {
        let read = read_list(&text, &matcher)?;
        seated.extend(read.apps.iter().map(|a| a.slug.clone()));
        merge_apps(&mut apps, read.apps);
        pending.extend(read.pending);
        notes.extend(read.notes);
    }
    // As within one text, an app whose seats one of them gives is not asked for.
    pending
        .retain(|p| !matches!(&p.waiting, Waiting::NeedsSeats { slug } if seated.contains(slug)));

    let stack = (!apps.is_empty()).then(|| (APPS.to_string(), apps_value(&apps)));
    let shared = scenario::MANUAL_FIELDS
        .iter()
        .chain([&scenario::YEARS])
        .filter_map(|f| {
            let v = q.text(f.key)?;
            (!scenario::is_default(f.key, &v)).then(|| (f.key.to_string(), v))
        });
    let lines: Vec<String> = pending.iter().map(|p| p.line()).collect();
    let notes: Vec<String> = notes
        .iter()
        .map(|n| echo(n.trim(), 200))
        .filter(|n| !n.is_empty())
        .collect();
    // Every value goes through the one encoder, the apps too: a name typed into the form
    // is text in the address, never keys of its own or a line break in `Location`.
    let pairs: Vec<(String, String)> = stack
        .into_iter()
        .chain(shared)
        .chain((!lines.is_empty()).then(|| (LIST.to_string(), lines.join("\n"))))
        .chain((!notes.is_empty()).then(|| (NOTES.to_string(), notes.join("\n"))))
        .collect();
    Ok(encode(&pairs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::format::plain;

    use crate::domain::stack::test_catalog as catalog;

    fn post(body: &str) -> String {
        address(&catalog(), &Query::parse(body)).unwrap()
    }

    #[test]
    fn a_pasted_list_becomes_apps_and_waiting_lines() {
        assert_eq!(
            post("list=Slack%092,500%0AZoom,+250%0AIronclade,+12&hourly=60"),
            "apps=slack:2500,zoom:250&hourly=60&list=Ironclade,+12"
        );
    }

    #[test]
    fn rows_edit_the_stack_and_remove_takes_one_out() {
        let body = "app=mode&seats=40&plan=Business%2FPro&quote=&app=slack&seats=1%2C250&plan=&quote=%246%2C000&app=zoom&seats=5&plan=&quote=&remove=zoom&list=";
        assert_eq!(post(body), "apps=mode:40:Business%2FPro,slack:1250::6000");
    }

    #[test]
    fn a_row_with_bad_seats_waits_with_its_text() {
        assert_eq!(
            post("app=slack&seats=lots&plan=&quote="),
            "list=Slack%09lots"
        );
    }

    #[test]
    fn a_pasted_export_keeps_its_header_beside_waiting_lines() {
        assert_eq!(
            post("line_name=Ironclade&line_seats=12&line_name=Zoom&line_seats=&list=label,seats%0AMode,40%0AZoom,3"),
            "apps=mode:40,zoom:3&list=Ironclade,+12"
        );
    }

    #[test]
    fn answering_a_line_adds_it_and_keeps_the_others() {
        let body = "apps=mode:40&line_name=Ironclade&line_seats=12&line_name=Office365+Zoom&line_seats=5&line_name=Zoom&line_seats=&use=0:ironclad";
        assert_eq!(
            post(body),
            "apps=mode:40,ironclad:12&list=Office365+Zoom,+5%0AZoom"
        );
        let body = "line_name=Office365+Zoom&line_seats=5&line_name=Zoom&line_seats=30&drop=0";
        assert_eq!(post(body), "apps=zoom:30");
    }

    #[test]
    fn defaults_are_left_out_and_notes_are_kept_until_a_new_list() {
        let years = scenario::YEARS.default.unwrap();
        let body = format!("apps=mode:4&years={}&notes=old", plain(years));
        assert_eq!(post(&body), "apps=mode:4&notes=old");
        assert_eq!(
            post("apps=mode:4&notes=old&list=Okta+Admin+Console"),
            "apps=mode:4&notes=Okta+Admin+Console+is+part+of+the+identity+provider+itself%3B+left+out."
        );
    }

    #[test]
    fn a_bad_quote_is_named_not_lost() {
        assert_eq!(
            post("app=mode&seats=4&plan=&quote=soon"),
            "apps=mode:4&notes=Mode:+quote+%E2%80%9Csoon%E2%80%9D+is+not+a+number%3B+ignoring+it."
        );
    }

    #[test]
    fn too_much_text_is_refused_with_a_reason() {
        let big = format!("list={}", "a".repeat(list_max() + 1));
        assert!(address(&catalog(), &Query::parse(&big))
            .unwrap_err()
            .starts_with("That is 257 KiB"));
    }

    #[test]
    fn more_rows_than_a_stack_holds_are_refused_before_any_is_read() {
        let rows = |key: &str, n: usize| -> String {
            (0..n)
                .map(|i| format!("{key}=x{i}&seats=1&line_seats=1"))
                .collect::<Vec<_>>()
                .join("&")
        };
        let e = address(&catalog(), &Query::parse(&rows(APP, 40_000))).unwrap_err();
        assert_eq!(
            e,
            "This form has 40,000 apps; a stack holds at most 500. Remove some, or split the stack in two."
        );
        let e = address(&catalog(), &Query::parse(&rows(LINE_NAME, 5_001))).unwrap_err();
        assert!(e.starts_with("This form has 5,001 lines to settle"), "{e}");
        // At the caps, the rows are read.
        assert!(address(&catalog(), &Query::parse(&rows(APP, 500))).is_ok());
    }

    #[test]
    fn a_typed_name_stays_text_in_the_address() {
        // Once `apps=mode:40&hourly=999`: the reader's text became keys of the address.
        let to = post("app=mode%3A40%26hourly%3D999&seats=1");
        assert_eq!(to, "apps=mode%253A40%26hourly%3D999:1");
        let back = Query::parse(&to);
        assert_eq!(back.pairs().len(), 1, "{to}");
        let (apps, _) = parse_apps(back.get(APPS).unwrap());
        assert_eq!(apps, [StackApp::new("mode:40&hourly=999", 1)]);
        // Line breaks, NUL, a tab and é are encoded like any value: the address is printable
        // ASCII (a redirect's `Location` can carry it) and reads back as typed.
        let to = post("app=a%0D%0Ab%00c%09d+%C3%A9&seats=2");
        assert!(to.bytes().all(|b| b.is_ascii_graphic()), "{to}");
        let (apps, _) = parse_apps(Query::parse(&to).get(APPS).unwrap());
        assert_eq!(apps, [StackApp::new("a\r\nb\0c\td é", 2)]);
    }

    #[test]
    fn merging_keeps_order_and_the_last_seats() {
        let mut apps = vec![StackApp::new("a", 1), StackApp::new("b", 2)];
        merge_apps(
            &mut apps,
            vec![
                StackApp::new("c", 3),
                StackApp::new("a", 4),
                StackApp::new("c", 5),
            ],
        );
        let got: Vec<(&str, u32)> = apps.iter().map(|a| (a.slug.as_str(), a.seats)).collect();
        assert_eq!(got, [("a", 4), ("b", 2), ("c", 5)]);
    }

    fn list_max() -> usize {
        super::super::list::MAX_BYTES
    }
}
