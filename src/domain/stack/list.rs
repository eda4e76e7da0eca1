//! Reading a pasted list of apps or an identity provider's export into named entries.
//!
//! Accepted, told apart by the first row:
//! - free text: apps parted by line breaks, commas or semicolons (`Slack, GitHub; Zoom`),
//!   each with or without its seats. Seats follow the name after a comma, a colon, a space
//!   or a times sign (`Slack, 250`, `Slack: 250`, `Slack 250`, `Slack x250`, `Slack ×250`,
//!   `Slack - 250 seats`); a cell holding only a count (`250`, `1,250`, `250 users`)
//!   belongs to the app before it, so `Slack, 250` is one app and `Slack, Zoom` two. A
//!   line with a tab is a spreadsheet row (`Slack<TAB>250`): its first cell is the name,
//!   the rest its seats, and commas inside it stay text. An app without seats asks for
//!   them;
//! - an app list with a header naming a name column (`label`, `name`, `App name`,
//!   `displayName`, ...) and optionally a seat column (`seats`, `licensing.seatCount`,
//!   `Users`, ...): Okta's app list, Torii's "Download as CSV", a hand-made sheet. Each row
//!   is one app: its commas part columns, never apps;
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
//! quotes) in some fifty lines, with a tab or comma delimiter for an export and each
//! line's own for free text. Not the `csv` crate, though this runs on the server only (the
//! stack island posts the form; the browser holds no stack code) and the server has the
//! crate for the index's v3 file: it cannot say which cells were quoted (a quoted
//! `"360 Learning"` is a name, never an app with seats), part one line by tabs and the
//! next by commas, leave a comma inside brackets alone, or open a quoted cell after the
//! spaces people type (`Slack, "Acme, Inc."`, two cells here, three for csv).
//!
//! Nothing is dropped silently: every row becomes an entry, a note saying why it is set
//! aside, or a problem, each with its line number.

use super::input::{check_seats, parse_count};
use crate::domain::format::echo;
use serde::{Deserialize, Serialize};

/// The most text we read: a few thousand apps fit in far less.
pub const MAX_BYTES: usize = 256 * 1024;
/// The most lines, and the most apps a list of several apps a line may name.
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
    /// The name and seats as one text, where only a space parted them: `Office 365` may
    /// be a name rather than Office with 365 seats (the import asks the matcher).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<String>,
}

/// A line set aside on purpose, or one we could not read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub line: usize,
    pub message: String,
    /// For an app whose seats could not be read: its name and seats as written, so that app
    /// alone is listed back to correct (a line may name several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<(String, String)>,
}

impl Note {
    pub fn new(line: usize, message: String) -> Note {
        Note {
            line,
            message,
            app: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastedList {
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
    /// Which cells were quoted: a quoted cell is a name as written, never a name and seats.
    quoted: Vec<bool>,
    /// Whether the free-text line was parted by tabs (a spreadsheet row).
    tabbed: bool,
}

/// What parts cells: an export's one delimiter, or a free-text line's own (see the module
/// doc: tabs where the line has one, else commas and semicolons).
#[derive(Clone, Copy)]
enum Split {
    Csv(char),
    FreeText,
}

impl Split {
    fn parts(self, tabbed: bool, c: char) -> bool {
        match self {
            Split::Csv(d) => c == d,
            Split::FreeText if tabbed => c == '\t',
            Split::FreeText => c == ',' || c == ';',
        }
    }
}

/// Whether the line that `rest` starts holds a tab.
fn has_tab(rest: &str) -> bool {
    rest.split(['\n', '\r'])
        .next()
        .is_some_and(|l| l.contains('\t'))
}

/// RFC 4180 with a chosen delimiter; a quote opens a quoted cell only at a cell's start
/// (after any spaces, as `Slack, "Acme, Inc."` is typed), so `5" screen` stays as typed.
/// Blank lines yield no record.
fn records(text: &str, split: Split) -> Vec<Record> {
    let mut out = Vec::new();
    let (mut cells, mut quoted_cells) = (Vec::new(), Vec::new());
    let mut cell = String::new();
    let (mut line, mut start) = (1, 1);
    let (mut quoted, mut opened) = (false, false);
    let mut tabbed = has_tab(text);
    // Brackets open on this line: a comma inside them is part of a name, as in "Bynder
    // (Content Workflow, formerly GatherContent)", not a list's separator.
    let mut depth = 0u32;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if quoted {
            match c {
                '"' if next == Some('"') => {
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
            '"' if cell.trim().is_empty() => {
                cell.clear();
                (quoted, opened) = (true, true);
            }
            '\r' if next == Some('\n') => {}
            '\n' | '\r' => {
                cells.push(std::mem::take(&mut cell));
                quoted_cells.push(std::mem::take(&mut opened));
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    out.push(Record {
                        line: start,
                        cells: std::mem::take(&mut cells),
                        quoted: std::mem::take(&mut quoted_cells),
                        tabbed,
                    });
                }
                cells.clear();
                quoted_cells.clear();
                line += 1;
                start = line;
                tabbed = has_tab(&text[i + 1..]);
                depth = 0;
            }
            '(' | '[' => {
                depth += 1;
                cell.push(c);
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                cell.push(c);
            }
            c if split.parts(tabbed, c) && (depth == 0 || matches!(split, Split::Csv(_))) => {
                cells.push(std::mem::take(&mut cell));
                quoted_cells.push(std::mem::take(&mut opened));
            }
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    quoted_cells.push(opened);
    if cells.iter().any(|c| !c.trim().is_empty()) {
        out.push(Record {
            line: start,
            cells,
            quoted: quoted_cells,
            tabbed,
        });
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
pub fn read(text: &str) -> Result<PastedList, String> {
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
    let recs = records(text, Split::Csv(delim));
    let Some(head) = recs.first() else {
        return Ok(pasted_list(Format::FreeText));
    };
    let header: Vec<String> = head.cells.iter().map(|c| header_key(c)).collect();
    let has = |k: &str| header.iter().any(|h| h == k);
    let body = &recs[1..];
    // "Vendor, 3" is an app with seats, not a header.
    let counts = head.cells.iter().any(|c| seat_cell(c).is_some());
    Ok(if counts {
        free_text(&records(text, Split::FreeText))?
    } else if has("login") && has("unassignedon") {
        okta_assignments(&header, body)
    } else if has("displayname") && (has("appid") || has("applicationtype")) {
        entra_apps(&header, body)
    } else if let Some(name) = column(&header, NAME_COLUMNS) {
        app_list(&header, name, body)
    } else {
        free_text(&records(text, Split::FreeText))?
    })
}

fn pasted_list(format: Format) -> PastedList {
    PastedList {
        format,
        entries: Vec::new(),
        set_aside: Vec::new(),
        problems: Vec::new(),
    }
}

/// The seats `text` gives `name`: `None` for a problem, noted with the app as written.
fn seats_of(l: &mut PastedList, line: usize, name: &str, text: &str) -> Option<Option<u32>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    match check_seats(&echo(name, 60), text) {
        Ok(n) => Some(Some(n)),
        Err(message) => {
            l.problems.push(Note {
                app: Some((name.to_string(), text.trim().to_string())),
                ..Note::new(line, message)
            });
            None
        }
    }
}

/// Words a seat count may end with: `40 seats`, `40 users`.
const SEAT_WORDS: &[&str] = &[
    "seats", "seat", "users", "user", "licenses", "license", "licences", "licence",
];

/// `text` without a seat word at its end.
fn without_seat_word(text: &str) -> &str {
    let t = text.trim_end();
    SEAT_WORDS
        .iter()
        .find_map(|w| {
            let rest = t.get(..t.len().checked_sub(w.len())?)?;
            let word = &t[rest.len()..];
            let parted = rest.ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit());
            (word.eq_ignore_ascii_case(w) && parted).then(|| rest.trim_end())
        })
        .unwrap_or(t)
}

/// Whether `word` is written as a number: digits with separators, maybe a sign (`40`,
/// `1,250`, `12.5`, `-3`), not a name that starts with digits (`8x8`, `1Password`).
fn is_number(word: &str) -> bool {
    let w = word.trim_start_matches(['-', '+', '−']);
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || ",.'".contains(c))
}

/// A cell that is a seat count as people write one (`40`, `1,250`, `1 250`, `x40`, `×40`,
/// `40 seats`), or tries to be one (`12.5`, `40 seets`: it starts with a number): the
/// count's text, checked by `check_seats`. `None` for a name.
fn seat_cell(cell: &str) -> Option<&str> {
    let t = cell.trim();
    let t = t
        .strip_prefix(['x', 'X', '×'])
        .map(str::trim_start)
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t);
    is_number(t.split_whitespace().next()?).then(|| without_seat_word(t))
}

/// An app as a line writes it (see [`Entry`] for `whole`).
struct Written {
    name: String,
    seats: Option<String>,
    whole: Option<String>,
}

impl Written {
    fn name(name: &str) -> Written {
        Written {
            name: name.to_string(),
            seats: None,
            whole: None,
        }
    }
}

/// A name cell, and the seats written after the name: `Mode 40`, `Mode: 40`, `Mode x40`,
/// `Mode ×40`, `Mode - 40 seats`. A space, a colon or a times sign must part them, so
/// `code-42` and `8x8` stay names.
fn written(cell: &str) -> Written {
    let t = without_seat_word(cell);
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit() || ",.'".contains(c));
    let count = &t[head.len()..];
    let spaced = |s: &str| s.ends_with(char::is_whitespace);
    let h = head.trim_end();
    // A mark between the name and the seats: `x40` after a space, `×`, `:`, ` - `.
    let marked = head
        .strip_suffix(['x', 'X'])
        .filter(|n| spaced(n))
        .or_else(|| h.strip_suffix(['×', ':']))
        .or_else(|| {
            h.strip_suffix(['-', '–', '—'])
                .filter(|n| spaced(n) && spaced(head))
        });
    let name = match marked {
        Some(n) => n,
        None if spaced(head) => head,
        None => return Written::name(cell),
    }
    .trim();
    if name.is_empty() || !count.starts_with(|c: char| c.is_ascii_digit()) {
        return Written::name(cell);
    }
    Written {
        name: name.to_string(),
        seats: Some(count.to_string()),
        whole: marked.is_none().then(|| cell.to_string()),
    }
}

/// Whether `name`, alone and unquoted on a line, reads back as that name and nothing
/// more: not if it holds a delimiter or a quote, or reads as seats or ends in them.
pub fn is_bare_name(name: &str) -> bool {
    !name.contains([',', ';', '"', '\t'])
        && seat_cell(name).is_none()
        && written(name).seats.is_none()
}

/// Whether `seats`, after a comma, reads back as these seats (a count, or one that tries
/// to be), not as another app or as more than one cell.
pub fn reads_as_seats(seats: &str) -> bool {
    seat_cell(seats).is_some() && (!seats.contains([',', ';']) || parse_count(seats).is_some())
}

/// The record's cells with each count's thousands put back together: the commas of
/// `Slack, 1,250` part it into `Slack`, ` 1` and `250`.
fn regrouped(r: &Record) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (cell, &quoted) in r.cells.iter().zip(&r.quoted) {
        let group = !quoted && cell.len() == 3 && cell.bytes().all(|b| b.is_ascii_digit());
        match out.last_mut() {
            Some((prev, false)) if group && prev.ends_with(|c: char| c.is_ascii_digit()) => {
                prev.push(',');
                prev.push_str(cell);
            }
            _ => out.push((cell.clone(), quoted)),
        }
    }
    out
}

/// Seats on a line before any app: a problem, the seats kept to be given a name.
fn stray(line: usize, message: String, seats: &str) -> Note {
    Note {
        app: Some((String::new(), seats.to_string())),
        ..Note::new(line, message)
    }
}

const NO_NAME: &str = "This line has seats but no app name.";

/// The apps of one free-text line, in order (see the module doc), and the seats that
/// follow no app.
fn line_apps(r: &Record) -> (Vec<Written>, Vec<Note>) {
    if r.tabbed {
        // A spreadsheet row: the name, then its seats.
        let rest = r.cells[1..].join(",");
        let seats = seat_cell(&rest).unwrap_or(rest.trim());
        return match r.cells[0].trim() {
            "" => (Vec::new(), vec![stray(r.line, NO_NAME.into(), seats)]),
            name => {
                let seats = Some(seats.to_string()).filter(|s| !s.is_empty());
                (
                    vec![Written {
                        seats,
                        ..Written::name(name)
                    }],
                    Vec::new(),
                )
            }
        };
    }
    let (mut apps, mut strays) = (Vec::<Written>::new(), Vec::new());
    for (cell, quoted) in regrouped(r) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        // A quoted cell is seats only if it is a whole count (`"40"` from a CSV): a quoted
        // `"360 Learning"` is a name.
        let count = seat_cell(cell).filter(|c| !quoted || parse_count(c).is_some());
        let Some(count) = count else {
            apps.push(if quoted {
                Written::name(cell)
            } else {
                written(cell)
            });
            continue;
        };
        let message = match apps.last_mut() {
            // `Office 365, 40`: a count after a name ending in a number makes it all name.
            Some(app) if app.seats.is_none() || app.whole.is_some() => {
                if let Some(whole) = app.whole.take() {
                    app.name = whole;
                }
                app.seats = Some(count.to_string());
                continue;
            }
            Some(app) => format!(
                "{} has two seat counts on this line: “{}” and “{}”.",
                echo(&app.name, 60),
                echo(app.seats.as_deref().unwrap_or(""), 20),
                echo(count, 20)
            ),
            None => NO_NAME.into(),
        };
        strays.push(stray(r.line, message, count));
    }
    (apps, strays)
}

fn free_text(recs: &[Record]) -> Result<PastedList, String> {
    let mut l = pasted_list(Format::FreeText);
    for r in recs {
        let (apps, stray) = line_apps(r);
        l.problems.extend(stray);
        for app in apps {
            let seats = app.seats.as_deref().unwrap_or("");
            if let Some(seats) = seats_of(&mut l, r.line, &app.name, seats) {
                l.entries.push(Entry {
                    line: r.line,
                    name: app.name,
                    key: None,
                    seats,
                    whole: app.whole,
                });
            }
        }
        // Several apps a line could otherwise name far more than a list holds.
        if l.entries.len() + l.problems.len() > MAX_LINES {
            return Err(format!(
                "That names more than {MAX_LINES} apps; paste at most {MAX_LINES} at a time."
            ));
        }
    }
    Ok(l)
}

fn app_list(header: &[String], name: usize, body: &[Record]) -> PastedList {
    let mut l = pasted_list(Format::AppList);
    let seats = column(header, SEAT_COLUMNS);
    // Okta's list has a display `label` and a catalog key `name`; keep both.
    let key = (header[name] == "label")
        .then(|| column(header, &["name"]))
        .flatten();
    let status = column(header, &["status", "state"]);
    for r in body {
        let shown = cell(r, Some(name));
        if shown.is_empty() {
            l.problems
                .push(Note::new(r.line, "This row has no app name.".into()));
            continue;
        }
        let st = cell(r, status);
        if st.eq_ignore_ascii_case("inactive") || st.eq_ignore_ascii_case("deleted") {
            l.set_aside.push(Note::new(
                r.line,
                format!("{} is {}; left out.", echo(shown, 60), st.to_lowercase()),
            ));
            continue;
        }
        if let Some(n) = seats_of(&mut l, r.line, shown, cell(r, seats)) {
            l.entries.push(Entry {
                line: r.line,
                name: shown.into(),
                key: Some(cell(r, key).to_string()).filter(|k| !k.is_empty()),
                seats: n,
                whole: None,
            });
        }
    }
    l
}

fn entra_apps(header: &[String], body: &[Record]) -> PastedList {
    let mut l = pasted_list(Format::EntraApps);
    let name = column(header, &["displayname"]);
    let kind = column(header, &["applicationtype"]);
    for r in body {
        let shown = cell(r, name);
        if shown.is_empty() {
            l.problems
                .push(Note::new(r.line, "This row has no displayName.".into()));
        } else if cell(r, kind).eq_ignore_ascii_case("microsoft application") {
            // Microsoft's first-party apps ("Office365 Zoom", "Microsoft Graph") are not
            // apps the company bought.
            l.set_aside.push(Note::new(
                r.line,
                format!(
                    "{} is one of Microsoft's own apps; left out.",
                    echo(shown, 60)
                ),
            ));
        } else if cell(r, kind).eq_ignore_ascii_case("managed identity") {
            l.set_aside.push(Note::new(
                r.line,
                format!(
                    "{} is a managed identity, not an app; left out.",
                    echo(shown, 60)
                ),
            ));
        } else {
            l.entries.push(Entry {
                line: r.line,
                name: shown.into(),
                key: None,
                seats: None,
                whole: None,
            });
        }
    }
    l
}

/// Seats per application are the distinct logins whose assignment has not ended. Several
/// instances of one application count together: a person in two Slack workspaces is
/// counted once.
fn okta_assignments(header: &[String], body: &[Record]) -> PastedList {
    let mut l = pasted_list(Format::OktaAssignments);
    let login = column(header, &["login"]);
    let app = column(header, &["applicationname", "application"]);
    let ended = column(header, &["unassignedon"]);
    // (name, first line, logins), in order of first appearance.
    let mut apps: Vec<(String, usize, std::collections::BTreeSet<String>)> = Vec::new();
    for r in body {
        let name = cell(r, app);
        let who = cell(r, login).to_lowercase();
        if name.is_empty() || who.is_empty() {
            l.problems.push(Note::new(
                r.line,
                "This row lacks an application name or a login.".into(),
            ));
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
            l.set_aside.push(Note::new(
                r.line,
                format!(
                    "{}'s assignment to {} has ended; not counted.",
                    echo(&who, 60),
                    echo(name, 60)
                ),
            ));
        }
    }
    for (name, line, logins) in apps {
        if logins.is_empty() {
            l.set_aside.push(Note::new(
                line,
                format!("{} has no current assignment; left out.", echo(&name, 60)),
            ));
        } else {
            l.entries.push(Entry {
                line,
                name,
                key: None,
                seats: Some(logins.len().min(u32::MAX as usize) as u32),
                whole: None,
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
            whole: None,
        }
    }

    fn lines(notes: &[Note]) -> Vec<(usize, &str)> {
        notes.iter().map(|n| (n.line, n.message.as_str())).collect()
    }

    #[test]
    fn free_text_with_commas_tabs_and_formatted_counts() {
        let l =
            read("Slack, 250\r\n\r\nZoom\t1,250\n\"Mode, Inc.\", 40\nNotion\nFigma\tlots\n, 3\n")
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

    fn names(l: &PastedList) -> Vec<(&str, Option<u32>)> {
        l.entries
            .iter()
            .map(|e| (e.name.as_str(), e.seats))
            .collect()
    }

    #[test]
    fn a_comma_or_semicolon_list_is_several_apps() {
        let l = read("Slack, GitHub, Zoom, Mode\nNotion; Figma;Linear\n").unwrap();
        assert_eq!(l.format, Format::FreeText);
        assert_eq!(
            l.entries,
            [
                e(1, "Slack", None, None),
                e(1, "GitHub", None, None),
                e(1, "Zoom", None, None),
                e(1, "Mode", None, None),
                e(2, "Notion", None, None),
                e(2, "Figma", None, None),
                e(2, "Linear", None, None)
            ]
        );
        assert!(l.problems.is_empty());
        // A word is a name, not a bad count: `lots` is an app the matcher will not know.
        let words = read("Figma, lots\n").unwrap();
        assert_eq!(names(&words), [("Figma", None), ("lots", None)]);
        // Names that start with digits stay names.
        let digits = read("8x8, 1Password; 15Five, code-42, 3M\n").unwrap();
        assert_eq!(
            names(&digits),
            [
                ("8x8", None),
                ("1Password", None),
                ("15Five", None),
                ("code-42", None),
                ("3M", None)
            ]
        );
    }

    #[test]
    fn every_seat_spelling_reads_forty() {
        for line in [
            "Mode 40",
            "Mode, 40",
            "Mode: 40",
            "Mode:40",
            "Mode x40",
            "Mode X40",
            "Mode ×40",
            "Mode × 40",
            "Mode - 40 seats",
            "Mode – 40",
            "Mode 40 seats",
            "Mode, 40 users",
            "Mode, x40",
            "Mode; 40",
            "Mode\t40 seats",
            "mode 40",
        ] {
            let l = read(line).unwrap();
            let name = if line.starts_with('m') {
                "mode"
            } else {
                "Mode"
            };
            assert_eq!(names(&l), [(name, Some(40))], "{line}");
            assert!(l.problems.is_empty(), "{line}: {:?}", l.problems);
        }
        // A space alone parts `Office 365` too; the import decides (see `import`).
        let l = read("Office 365\nMode: 40\nOffice 365, 40\n").unwrap();
        assert_eq!(l.entries[0].whole.as_deref(), Some("Office 365"));
        assert_eq!(l.entries[1].whole, None);
        assert_eq!(
            names(&l),
            [
                ("Office", Some(365)),
                ("Mode", Some(40)),
                ("Office 365", Some(40))
            ]
        );
    }

    #[test]
    fn a_count_after_a_comma_belongs_to_the_app_before_it() {
        let l = read("Slack, 40\nSlack, 40, GitHub, Zoom 12\nSlack, 1,250, Zoom\n").unwrap();
        assert_eq!(
            names(&l),
            [
                ("Slack", Some(40)),
                ("Slack", Some(40)),
                ("GitHub", None),
                ("Zoom", Some(12)),
                ("Slack", Some(1250)),
                ("Zoom", None)
            ]
        );
        let at: Vec<usize> = l.entries.iter().map(|e| e.line).collect();
        assert_eq!(at, [1, 2, 2, 2, 3, 3]);
        // Quotes keep a name whole; a spreadsheet row's commas are text.
        let quoted = read("\"Acme, Inc.\"; Slack 3\nMode, Inc.\t40\n").unwrap();
        assert_eq!(
            names(&quoted),
            [
                ("Acme, Inc.", None),
                ("Slack", Some(3)),
                ("Mode, Inc.", Some(40))
            ]
        );
        let twice = read("Slack, 40, 50\n").unwrap();
        assert_eq!(names(&twice), [("Slack", Some(40))]);
        assert_eq!(
            lines(&twice.problems),
            [(1, "Slack has two seat counts on this line: “40” and “50”.")]
        );
        // A bad count is still reported with its app, one app of several.
        let bad = read("Zoom, Slack, 12.5\n").unwrap();
        assert_eq!(names(&bad), [("Zoom", None)]);
        assert_eq!(
            bad.problems[0].app,
            Some(("Slack".to_string(), "12.5".to_string()))
        );
    }

    #[test]
    fn a_comma_inside_brackets_belongs_to_the_name() {
        let l = read(
            "Bynder (Content Workflow, formerly GatherContent), 12; Slack [EU, US] 40\nZoom, 3",
        )
        .unwrap();
        assert_eq!(
            names(&l),
            [
                (
                    "Bynder (Content Workflow, formerly GatherContent)",
                    Some(12)
                ),
                ("Slack [EU, US]", Some(40)),
                ("Zoom", Some(3)),
            ]
        );
        // A bracket left open ends with its line; the count at its end is still read.
        let l = read("Odd (name, 4\nZoom, 3").unwrap();
        assert_eq!(names(&l), [("Odd (name,", Some(4)), ("Zoom", Some(3))]);
    }

    #[test]
    fn a_count_alone_names_no_app() {
        for text in ["40\n", "250 users\n", ", 3\n", "x40\n"] {
            let l = read(text).unwrap();
            assert_eq!(l.entries, [], "{text}");
            assert_eq!(
                lines(&l.problems),
                [(1, "This line has seats but no app name.")],
                "{text}"
            );
        }
    }

    #[test]
    fn a_list_of_many_apps_a_line_has_the_lists_limit() {
        let many = "a,".repeat(MAX_LINES + 1);
        assert_eq!(
            read(&many).unwrap_err(),
            "That names more than 5000 apps; paste at most 5000 at a time."
        );
        assert_eq!(
            read(&"a,".repeat(MAX_LINES)).unwrap().entries.len(),
            MAX_LINES
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
