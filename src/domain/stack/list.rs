//! Reading a pasted list of apps or an identity provider's export into named entries.
//!
//! Accepted, told apart by the first row:
//! - free text, one app a line: `Slack, 250`, `Slack<TAB>250` (a spreadsheet paste), or a
//!   bare name (the entry then asks for its seats);
//! - an app list with a header naming a name column (`label`, `name`, `App name`,
//!   `displayName`, ...) and optionally a seat column (`seats`, `licensing.seatCount`,
//!   `Users`, ...): Okta's app list, Torii's "Download as CSV", a hand-made sheet;
//! - Okta's "Current Assignments" report (`User, Login, Application name, ...,
//!   Unassigned on, ...`): seats are the distinct logins per application whose assignment
//!   has not ended;
//! - Entra ID's `EnterpriseAppsList.csv` (`id, displayName, appId, ..., applicationType,
//!   ...`): no seat counts, so each entry asks for them; Microsoft's own first-party apps
//!   are set aside.
//!
//! Field names come from the shared reference on IdP exports, `idp-exports.md` (sections
//! 1, 2, 4 and 5).
//!
//! The reader is our own: RFC 4180 (quoted cells, doubled quotes, line breaks inside
//! quotes) in some forty lines, with a tab or comma delimiter. The `csv` crate would do the
//! same but is only a dev-dependency, and we need line numbers of records and a tab-or-comma
//! choice per input rather than a streaming API; adding it to the browser bundle for this
//! is not worth it.
//!
//! Nothing is dropped silently: every row becomes an entry, a note saying why it is set
//! aside, or a problem, each with its line number.

use serde::{Deserialize, Serialize};

/// The most text we read: a few thousand apps fit in far less.
pub const MAX_BYTES: usize = 256 * 1024;
pub const MAX_LINES: usize = 5_000;

/// Which shape the input was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    FreeText,
    AppList,
    OktaAssignments,
    EntraApps,
}

/// An app named by the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// 1-based line where the app first appears.
    pub line: usize,
    /// The display name, as written (trimmed).
    pub name: String,
    /// A catalog key beside the display name (Okta's `name` column: `zoomus`).
    pub key: Option<String>,
    /// `None` where the input gives no count: the reader is asked for it.
    pub seats: Option<u32>,
}

/// A line set aside on purpose, or one we could not read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub format: Format,
    pub entries: Vec<Entry>,
    /// Rows left out for a stated reason (a Microsoft app, an ended assignment, ...).
    pub set_aside: Vec<Note>,
    /// Rows we could not read.
    pub problems: Vec<Note>,
}

/// One record and the line it starts on.
struct Record {
    line: usize,
    cells: Vec<String>,
}

/// RFC 4180 with a chosen delimiter; a quote opens a quoted cell only at a cell's start,
/// so `5" screen` stays as typed. Blank lines yield no record.
fn records(text: &str, delim: char) -> Vec<Record> {
    let mut out = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                cells.push(std::mem::take(&mut cell));
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    out.push(Record {
                        line: start,
                        cells: std::mem::take(&mut cells),
                    });
                }
                cells.clear();
                line += 1;
                start = line;
            }
            c if c == delim => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    if cells.iter().any(|c| !c.trim().is_empty()) {
        out.push(Record { line: start, cells });
    }
    out
}

/// A header cell reduced to letters and digits: `Unassigned on` → `unassignedon`.
fn header_key(cell: &str) -> String {
    cell.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

const NAME_COLUMNS: &[&str] = &[
    "label",
    "displayname",
    "appname",
    "applicationname",
    "application",
    "app",
    "name",
    "suppliername",
    "vendor",
];
const SEAT_COLUMNS: &[&str] = &[
    "seats",
    "seatcount",
    "licensingseatcount",
    "licenses",
    "licences",
    "licensespurchased",
    "primarycontractlicensespurchased",
    "users",
    "usercount",
    "numberofusers",
    "provisionedusers",
    "assignedusers",
];

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| header.iter().position(|h| h == n))
}

fn cell(r: &Record, i: Option<usize>) -> &str {
    i.and_then(|i| r.cells.get(i)).map_or("", |s| s.trim())
}

/// Reads a pasted list or an export. `Err` only when the input is too large to read.
pub fn read(text: &str) -> Result<Listing, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "That is {} KiB; paste at most {} KiB (about {MAX_LINES} apps).",
            text.len().div_ceil(1024),
            MAX_BYTES / 1024
        ));
    }
    let lines = text.lines().count();
    if lines > MAX_LINES {
        return Err(format!(
            "That is {lines} lines; paste at most {MAX_LINES} at a time."
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delim = if first.contains('\t') { '\t' } else { ',' };
    let recs = records(text, delim);
    let Some(head) = recs.first() else {
        return Ok(listing(Format::FreeText));
    };
    let header: Vec<String> = head.cells.iter().map(|c| header_key(c)).collect();
    let has = |k: &str| header.iter().any(|h| h == k);
    let body = &recs[1..];
    // "Vendor, 3" is an app with seats, not a header.
    let counts = head
        .cells
        .iter()
        .any(|c| super::input::parse_count(c).is_some());
    Ok(if counts {
        free_text(&recs)
    } else if has("login") && has("unassignedon") {
        okta_assignments(&header, body)
    } else if has("displayname") && (has("appid") || has("applicationtype")) {
        entra_apps(&header, body)
    } else if let Some(name) = column(&header, NAME_COLUMNS) {
        app_list(&header, name, body)
    } else {
        free_text(&recs)
    })
}

fn listing(format: Format) -> Listing {
    Listing {
        format,
        entries: Vec::new(),
        set_aside: Vec::new(),
        problems: Vec::new(),
    }
}

fn seats_of(l: &mut Listing, line: usize, name: &str, text: &str) -> Option<Option<u32>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    match super::input::check_seats(&crate::domain::format::echo(name, 60), text) {
        Ok(n) => Some(Some(n)),
        Err(message) => {
            l.problems.push(Note { line, message });
            None
        }
    }
}

fn free_text(recs: &[Record]) -> Listing {
    let mut l = listing(Format::FreeText);
    for r in recs {
        // "Slack, 1,250" splits into three cells: the count is everything after the name.
        // A line that uses the other delimiter than the first line is split by its own.
        let mut rest = r.cells[1..].join(",");
        let first = r.cells[0].as_str();
        let split = first.split_once('\t').or_else(|| {
            (r.cells.len() == 1)
                .then(|| first.split_once(','))
                .flatten()
        });
        let name = match split {
            Some((name, more)) => {
                rest = if rest.is_empty() {
                    more.to_string()
                } else {
                    format!("{more},{rest}")
                };
                name.trim()
            }
            None => first.trim(),
        };
        if name.is_empty() {
            l.problems.push(Note {
                line: r.line,
                message: "This line has seats but no app name.".into(),
            });
            continue;
        }
        if let Some(seats) = seats_of(&mut l, r.line, name, &rest) {
            l.entries.push(Entry {
                line: r.line,
                name: name.into(),
                key: None,
                seats,
            });
        }
    }
    l
}

fn app_list(header: &[String], name: usize, body: &[Record]) -> Listing {
    let mut l = listing(Format::AppList);
    let seats = column(header, SEAT_COLUMNS);
    // Okta's list has a display `label` and a catalog key `name`; keep both.
    let key = (header[name] == "label")
        .then(|| column(header, &["name"]))
        .flatten();
    let status = column(header, &["status", "state"]);
    for r in body {
        let shown = cell(r, Some(name));
        if shown.is_empty() {
            l.problems.push(Note {
                line: r.line,
                message: "This row has no app name.".into(),
            });
            continue;
        }
        let st = cell(r, status);
        if st.eq_ignore_ascii_case("inactive") || st.eq_ignore_ascii_case("deleted") {
            l.set_aside.push(Note {
                line: r.line,
                message: format!(
                    "{} is {}; left out.",
                    crate::domain::format::echo(shown, 60),
                    st.to_lowercase()
                ),
            });
            continue;
        }
        if let Some(n) = seats_of(&mut l, r.line, shown, cell(r, seats)) {
            l.entries.push(Entry {
                line: r.line,
                name: shown.into(),
                key: Some(cell(r, key).to_string()).filter(|k| !k.is_empty()),
                seats: n,
            });
        }
    }
    l
}

fn entra_apps(header: &[String], body: &[Record]) -> Listing {
    let mut l = listing(Format::EntraApps);
    let name = column(header, &["displayname"]);
    let kind = column(header, &["applicationtype"]);
    for r in body {
        let shown = cell(r, name);
        if shown.is_empty() {
            l.problems.push(Note {
                line: r.line,
                message: "This row has no displayName.".into(),
            });
        } else if cell(r, kind).eq_ignore_ascii_case("microsoft application") {
            // Microsoft's first-party apps ("Office365 Zoom", "Microsoft Graph") are not
            // apps the company bought.
            l.set_aside.push(Note {
                line: r.line,
                message: format!(
                    "{} is one of Microsoft's own apps; left out.",
                    crate::domain::format::echo(shown, 60)
                ),
            });
        } else if cell(r, kind).eq_ignore_ascii_case("managed identity") {
            l.set_aside.push(Note {
                line: r.line,
                message: format!(
                    "{} is a managed identity, not an app; left out.",
                    crate::domain::format::echo(shown, 60)
                ),
            });
        } else {
            l.entries.push(Entry {
                line: r.line,
                name: shown.into(),
                key: None,
                seats: None,
            });
        }
    }
    l
}

/// Seats per application are the distinct logins whose assignment has not ended. Several
/// instances of one application count together: a person in two Slack workspaces is
/// counted once.
fn okta_assignments(header: &[String], body: &[Record]) -> Listing {
    let mut l = listing(Format::OktaAssignments);
    let login = column(header, &["login"]);
    let app = column(header, &["applicationname", "application"]);
    let ended = column(header, &["unassignedon"]);
    // (name, first line, logins), in order of first appearance.
    let mut apps: Vec<(String, usize, std::collections::BTreeSet<String>)> = Vec::new();
    for r in body {
        let name = cell(r, app);
        let who = cell(r, login).to_lowercase();
        if name.is_empty() || who.is_empty() {
            l.problems.push(Note {
                line: r.line,
                message: "This row lacks an application name or a login.".into(),
            });
            continue;
        }
        let i = match apps.iter().position(|(n, ..)| n == name) {
            Some(i) => i,
            None => {
                apps.push((name.to_string(), r.line, Default::default()));
                apps.len() - 1
            }
        };
        if cell(r, ended).is_empty() {
            apps[i].2.insert(who);
        } else {
            l.set_aside.push(Note {
                line: r.line,
                message: format!(
                    "{}'s assignment to {} has ended; not counted.",
                    crate::domain::format::echo(&who, 60),
                    crate::domain::format::echo(name, 60)
                ),
            });
        }
    }
    for (name, line, logins) in apps {
        if logins.is_empty() {
            l.set_aside.push(Note {
                line,
                message: format!(
                    "{} has no current assignment; left out.",
                    crate::domain::format::echo(&name, 60)
                ),
            });
        } else {
            l.entries.push(Entry {
                line,
                name,
                key: None,
                seats: Some(logins.len().min(u32::MAX as usize) as u32),
            });
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(line: usize, name: &str, key: Option<&str>, seats: Option<u32>) -> Entry {
        Entry {
            line,
            name: name.into(),
            key: key.map(Into::into),
            seats,
        }
    }

    fn lines(notes: &[Note]) -> Vec<(usize, &str)> {
        notes.iter().map(|n| (n.line, n.message.as_str())).collect()
    }

    #[test]
    fn free_text_with_commas_tabs_and_formatted_counts() {
        let l =
            read("Slack, 250\r\n\r\nZoom\t1,250\n\"Mode, Inc.\", 40\nNotion\nFigma, lots\n, 3\n")
                .unwrap();
        assert_eq!(l.format, Format::FreeText);
        assert_eq!(l.entries[0], e(1, "Slack", None, Some(250)));
        assert_eq!(l.entries[1], e(3, "Zoom", None, Some(1250)));
        assert_eq!(l.entries[2], e(4, "Mode, Inc.", None, Some(40)));
        assert_eq!(l.entries[3], e(5, "Notion", None, None));
        assert_eq!(
            lines(&l.problems),
            [
                (
                    6,
                    "Figma: “lots” is not a number of seats (a whole number, like 250)."
                ),
                (7, "This line has seats but no app name.")
            ]
        );
        let tabs = read("Slack\t250\nZoom\t1,250\nMode 🚀\t\nBox, 7\n").unwrap();
        assert_eq!(
            tabs.entries,
            [
                e(1, "Slack", None, Some(250)),
                e(2, "Zoom", None, Some(1250)),
                e(3, "Mode 🚀", None, None),
                e(4, "Box", None, Some(7))
            ]
        );
    }

    #[test]
    fn okta_app_list_keeps_label_and_key() {
        let csv = "id,name,label,status,signOnMode,licensing.seatCount\n\
                   0oa1,slack,Sample Slack App,ACTIVE,SAML_2_0,250\n\
                   0oa2,zoomus,Zoom SAML,ACTIVE,SAML_2_0,\n\
                   0oa3,boxnet,Box,INACTIVE,SAML_2_0,10\n\
                   0oa4,saasure,Okta Admin Console,ACTIVE,BOOKMARK,x\n";
        let l = read(csv).unwrap();
        assert_eq!(l.format, Format::AppList);
        assert_eq!(
            l.entries,
            [
                e(2, "Sample Slack App", Some("slack"), Some(250)),
                e(3, "Zoom SAML", Some("zoomus"), None)
            ]
        );
        assert_eq!(lines(&l.set_aside), [(4, "Box is inactive; left out.")]);
        assert_eq!(
            lines(&l.problems),
            [(
                5,
                "Okta Admin Console: “x” is not a number of seats (a whole number, like 250)."
            )]
        );
    }

    #[test]
    fn okta_assignments_count_current_distinct_logins() {
        let csv = "User,Login,Application name,Application instance,Application login,Assigned on,Unassigned on,Last login,Last password change\n\
            Jane Doe,jane@acme.com,Slack,Acme Slack,jane@acme.com,2024-03-01T10:00:00.000Z,,2024-06-02T08:00:00.000Z,\n\
            Jane Doe,JANE@acme.com,Slack,Acme Slack 2,jane@acme.com,2024-03-01T10:00:00.000Z,,,\n\
            Bob Roe,bob@acme.com,Slack,Acme Slack,bob@acme.com,2024-03-01T10:00:00.000Z,,,\n\
            Ann Poe,ann@acme.com,Slack,Acme Slack,ann@acme.com,2024-03-01T10:00:00.000Z,2024-05-01T10:00:00.000Z,,\n\
            Ann Poe,ann@acme.com,Zoom,Acme Zoom,ann@acme.com,2024-03-01T10:00:00.000Z,2024-05-01T10:00:00.000Z,,\n\
            Ann Poe,,Mode,Acme Mode,,,,,\n";
        let l = read(csv).unwrap();
        assert_eq!(l.format, Format::OktaAssignments);
        assert_eq!(l.entries, [e(2, "Slack", None, Some(2))]);
        assert_eq!(
            lines(&l.set_aside),
            [
                (
                    5,
                    "ann@acme.com's assignment to Slack has ended; not counted."
                ),
                (
                    6,
                    "ann@acme.com's assignment to Zoom has ended; not counted."
                ),
                (6, "Zoom has no current assignment; left out.")
            ]
        );
        assert_eq!(
            lines(&l.problems),
            [(7, "This row lacks an application name or a login.")]
        );
    }

    #[test]
    fn entra_export_asks_for_seats_and_sets_microsoft_apps_aside() {
        let csv = "\u{feff}id,displayName,appId,createdDateTime,applicationType,accountEnabled,applicationVisibility,assignmentRequired,isAppProxy\r\n\
            839660c7,Atlassian Cloud,93ac0ec6,2022-05-02T21:20:53Z,Enterprise Application,True,Visible,True,False\r\n\
            9e017d52,\"Citibank \",2d696fb1,2022-05-04T07:56:12Z,Enterprise Application,True,Visible,True,False\r\n\
            90055c59,Office365 Zoom,0d38933a,2022-04-13T22:24:43Z,Microsoft Application,True,Visible,False,False\r\n\
            12345678,\"Mode \"\"BI\"\"\nsecond line\",0d38933b,2022-04-13T22:24:43Z,,True,Visible,False,False\r\n\
            ,,,,,,,,\r\n";
        let l = read(csv).unwrap();
        assert_eq!(l.format, Format::EntraApps);
        assert_eq!(
            l.entries,
            [
                e(2, "Atlassian Cloud", None, None),
                e(3, "Citibank", None, None),
                e(5, "Mode \"BI\"\nsecond line", None, None)
            ]
        );
        assert_eq!(
            lines(&l.set_aside),
            [(
                4,
                "Office365 Zoom is one of Microsoft's own apps; left out."
            )]
        );
        assert!(l.problems.is_empty(), "a row of empty cells is blank");
    }

    #[test]
    fn torii_like_export_and_limits() {
        let l = read("App name,Users,Discovery date\nFigma,1 250,2024-01-01\n").unwrap();
        assert_eq!(l.entries, [e(2, "Figma", None, Some(1250))]);
        let big = "a\n".repeat(MAX_LINES + 1);
        assert_eq!(
            read(&big).unwrap_err(),
            "That is 5001 lines; paste at most 5000 at a time."
        );
        let huge = "x".repeat(MAX_BYTES + 1);
        assert_eq!(
            read(&huge).unwrap_err(),
            "That is 257 KiB; paste at most 256 KiB (about 5000 apps)."
        );
        assert_eq!(read("  \n\n").unwrap().entries, []);
    }
}
