//! Every text in `data/` is in our own words: no string value in `data/*.toml` or
//! `data/api/*.toml` shares a run of 12 or more consecutive words with any file in the
//! source pages' folder, `<repo root>/../shared/sources/` (CI clones the repository with
//! `../shared` beside it). Facts and figures carry over from the sources; sentences do not.
//!
//! Both sides are compared as words: lower case, apostrophes dropped ("Mode's" is "modes"),
//! every other character that is not a letter or digit a word break, and HTML tags (with
//! script and style bodies) and the common entities taken out of the sources first, so a
//! page saved as HTML, markdown or plain text compares alike.
//!
//! The exceptions, and nothing else:
//! - URLs and API paths (a word with `://`, starting with `www.` or `/`, or a host name
//!   followed by a path) are taken out on both sides; a run does not continue across one.
//! - API request and response examples: `endpoints[].request` and `endpoints[].response`
//!   in `data/api/*.toml` are literals, printed as the page prints them, and not compared.
//! - The words a discrepancy quotes to dispute them: inside `discrepancies[]` (claim,
//!   conflict, resolution) a span in double quotes of at most [`MAX_QUOTE_WORDS`] words is
//!   taken out. A longer quotation is no longer "a few words" and is compared.
//! - Lists of proper names: in any string, three or more capitalised names (each of at
//!   most [`MAX_NAME_WORDS`] words, a bracketed alias allowed) separated by commas, the
//!   last perhaps by "and" or "or", are taken out, e.g. a vendor's role names or the
//!   identity providers it supports: names cannot be put in other words. A list held in an
//!   array needs no rule, since each element is compared alone.
//!
//! Where this test fails, rewrite the sentence (keeping its facts); add an exception only
//! where the text must be literal, and document it here.
//!
//! Run it with `cargo test --features ssr --test integration own_words`.
#![cfg(feature = "ssr")]

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The shortest shared run that fails the test.
const RUN: usize = 12;

/// The longest quotation a discrepancy may carry without it being compared.
const MAX_QUOTE_WORDS: usize = 20;

/// The longest name in a list of proper names, in words ("Microsoft Entra ID (Azure AD)").
const MAX_NAME_WORDS: usize = 5;

/// A piece of normalised text: words, or a break no run may cross.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Word(String),
    Break,
}

/// The source folder, `<repo root>/../shared/sources`.
fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")
}

/// True for a whitespace-separated token that is an address or an API path.
fn is_url(token: &str) -> bool {
    let t = token.trim_matches(|c: char| "()[]{}<>\"'`,;:.!?*".contains(c));
    if t.contains("://") || t.starts_with("www.") {
        return true;
    }
    // An API path (`/api/user/get-internal-users`, `/Users/{id}`, `/oauth/token`).
    if t.starts_with('/') && t.chars().nth(1).is_some_and(|c| c.is_alphanumeric()) {
        return true;
    }
    // A host name with a path (`stitchflow.com/scim/mode`, `eu1.ironcladapp.com/scim`).
    if let Some((host, _)) = t.split_once('/') {
        let labels: Vec<&str> = host.split('.').collect();
        return labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
            && labels
                .last()
                .is_some_and(|l| l.chars().all(|c| c.is_alphabetic()));
    }
    false
}

/// A token that stands for text taken out of a data string; no source contains it.
const BREAK: &str = "\u{0}";

/// Words of `text` with URLs taken out (each leaves a break).
fn pieces(text: &str, out: &mut Vec<Piece>) {
    for token in text.split_whitespace() {
        if is_url(token) || token == BREAK {
            out.push(Piece::Break);
            continue;
        }
        let mut word = String::new();
        for c in token.chars() {
            if c == '\'' || c == '\u{2019}' {
                continue;
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if !word.is_empty() {
                out.push(Piece::Word(std::mem::take(&mut word)));
            }
        }
        if !word.is_empty() {
            out.push(Piece::Word(word));
        }
    }
}

/// `text` with every list of proper names replaced by a break ([`BREAK`]): three or more
/// capitalised names, each of at most [`MAX_NAME_WORDS`] words, separated by commas (the
/// last may follow "and" or "or" instead).
fn without_name_lists(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let core = |t: &str| t.trim_matches(|c: char| "()[],;:.".contains(c)).to_string();
    let is_name = |t: &str| {
        let c = core(t);
        let mut chars = c.chars();
        match chars.next() {
            Some(f) if f.is_uppercase() => true,
            // 8x8, 1Password: a digit followed by letters.
            Some(f) if f.is_ascii_digit() => c.chars().any(|c| c.is_alphabetic()),
            _ => false,
        }
    };
    let is_joiner = |t: &str| t == "and" || t == "or";
    // Items: runs of name tokens, each closed by a comma or by the token before a joiner.
    let mut keep = vec![true; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        // Try to read a list starting at token i.
        let mut items = 0;
        let mut j = i;
        let mut saw_joiner = false;
        let mut end = i;
        loop {
            let start = j;
            while j < tokens.len() && is_name(tokens[j]) && j - start < MAX_NAME_WORDS {
                let ends_item = tokens[j].ends_with([',', '.', ';', ':']);
                j += 1;
                if ends_item {
                    break;
                }
            }
            if j == start {
                break;
            }
            items += 1;
            end = j;
            let closed_by_comma = tokens[j - 1].ends_with(',');
            if saw_joiner {
                break; // the item after "and" / "or" is the last
            }
            if j < tokens.len() && is_joiner(tokens[j]) {
                saw_joiner = true;
                j += 1;
            } else if !closed_by_comma {
                break;
            }
        }
        if items >= 3 {
            keep[i..end].iter_mut().for_each(|k| *k = false);
            i = end;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (t, k) in tokens.iter().zip(&keep) {
        if *k {
            out.push(*t);
        } else if out.last() != Some(&BREAK) {
            out.push(BREAK);
        }
    }
    out.join(" ")
}

/// A data string as pieces: lists of proper names become breaks, and in a discrepancy so
/// do short quotations.
fn data_pieces(text: &str, in_discrepancy: bool) -> Vec<Piece> {
    let text = without_name_lists(text);
    let text = text.as_str();
    let mut out = Vec::new();
    if !in_discrepancy {
        pieces(text, &mut out);
        return out;
    }
    // Split at double quotes (straight or curly): odd-numbered parts are quotations.
    let parts: Vec<&str> = text.split(['"', '\u{201c}', '\u{201d}']).collect();
    let closed = parts.len() % 2 == 1; // an unmatched quote leaves the last part unquoted
    for (i, part) in parts.iter().enumerate() {
        let quoted = i % 2 == 1 && (closed || i + 1 < parts.len());
        let mut words = Vec::new();
        pieces(part, &mut words);
        let n = words.iter().filter(|p| matches!(p, Piece::Word(_))).count();
        if quoted && n <= MAX_QUOTE_WORDS {
            out.push(Piece::Break);
        } else {
            out.extend(words);
        }
    }
    out
}

/// A source file as plain text: tags, script and style bodies and entities taken out.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_lowercase();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let next = rest.chars().nth(1);
        if rest.starts_with('<')
            && next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        {
            // Skip a script or style element whole.
            let skipped = ["script", "style"].iter().find_map(|tag| {
                lower[i..].starts_with(&format!("<{tag}")).then(|| {
                    lower[i..]
                        .find(&format!("</{tag}"))
                        .map(|end| i + end)
                        .unwrap_or(text.len())
                })
            });
            let from = skipped.unwrap_or(i);
            match text[from..].find('>') {
                Some(end) => {
                    out.push(' ');
                    i = from + end + 1;
                    continue;
                }
                None => break,
            }
        }
        if rest.starts_with('&') {
            if let Some(end) = rest[..rest.len().min(10)].find(';') {
                let entity = &rest[1..end];
                let decoded = match entity {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" | "#39" | "rsquo" | "lsquo" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16)
                        .ok()
                        .and_then(char::from_u32),
                    _ if entity.starts_with('#') => {
                        entity[1..].parse().ok().and_then(char::from_u32)
                    }
                    _ if entity.chars().all(|c| c.is_ascii_alphanumeric()) => Some(' '),
                    _ => None,
                };
                if let Some(c) = decoded {
                    out.push(c);
                    i += end + 1;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Every run of [`RUN`] words in the sources, with the files it occurs in.
fn source_runs(dir: &Path) -> (HashMap<Vec<String>, BTreeSet<String>>, usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut runs: HashMap<Vec<String>, BTreeSet<String>> = HashMap::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue; // not text: nothing to copy from
        };
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut ps = Vec::new();
        pieces(&strip_markup(&text), &mut ps);
        for seg in segments(&ps) {
            for w in seg.windows(RUN) {
                runs.entry(w.to_vec()).or_default().insert(name.clone());
            }
        }
    }
    (runs, files.len())
}

/// The runs of words between breaks.
fn segments(ps: &[Piece]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    for p in ps {
        match p {
            Piece::Word(w) => out.last_mut().unwrap().push(w.clone()),
            Piece::Break => out.push(Vec::new()),
        }
    }
    out.retain(|s| s.len() >= RUN);
    out
}

/// Every string in a TOML value, with its field path (`discrepancies[2].claim`).
fn strings(v: &toml::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::String(s) => out.push((path, s.clone())),
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        toml::Value::Table(t) => {
            for (k, item) in t {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(item, p, out);
            }
        }
        _ => {}
    }
}

/// Request and response examples of an API guide's endpoints: literals, not compared.
fn is_api_example(file: &Path, field: &str) -> bool {
    file.parent().is_some_and(|d| d.ends_with("api"))
        && field.starts_with("endpoints[")
        && (field.ends_with(".request") || field.ends_with(".response"))
}

fn data_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("api")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "toml") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// The shared runs in one string: each maximal run of words whose every 12-word window
/// is in a source, with the source files.
fn shared_runs(
    ps: &[Piece],
    runs: &HashMap<Vec<String>, BTreeSet<String>>,
) -> Vec<(String, BTreeSet<String>)> {
    let mut found = Vec::new();
    for seg in segments(ps) {
        let hits: Vec<Option<&BTreeSet<String>>> = seg.windows(RUN).map(|w| runs.get(w)).collect();
        let mut i = 0;
        while i < hits.len() {
            if hits[i].is_none() {
                i += 1;
                continue;
            }
            let start = i;
            let mut files = BTreeSet::new();
            while i < hits.len() {
                let Some(f) = hits[i] else { break };
                files.extend(f.iter().cloned());
                i += 1;
            }
            let words = &seg[start..i - 1 + RUN];
            found.push((words.join(" "), files));
        }
    }
    found
}

#[test]
fn no_data_string_shares_a_run_of_12_words_with_a_source() {
    let dir = sources_dir();
    assert!(
        dir.is_dir(),
        "the source pages are not at {}: this test compares data/ with them and cannot pass \
         without them. Put the shared folder beside the repository (CI clones it as ../shared).",
        dir.display()
    );
    let (runs, n_files) = source_runs(&dir);
    assert!(
        n_files > 0 && !runs.is_empty(),
        "{} holds no source text to compare data/ with",
        dir.display()
    );

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut report = String::new();
    let mut count = 0;
    for file in data_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut fields = Vec::new();
        strings(&value, String::new(), &mut fields);
        for (field, s) in fields {
            if is_api_example(&file, &field) {
                continue;
            }
            let ps = data_pieces(&s, field.starts_with("discrepancies["));
            for (words, files) in shared_runs(&ps, &runs) {
                count += 1;
                let files: Vec<String> = files.into_iter().collect();
                let _ = writeln!(
                    report,
                    "{} {field}: {} words shared with {}:\n    \"{words}\"",
                    file.strip_prefix(root).unwrap_or(&file).display(),
                    words.split(' ').count(),
                    files.join(", "),
                );
            }
        }
    }
    assert!(
        count == 0,
        "{count} run(s) of {RUN} or more words in data/ also appear in a source page; \
         rewrite them in our own words, keeping the facts:\n{report}"
    );
}

#[test]
fn the_comparison_normalises_and_excepts_as_documented() {
    let words = |s: &str| {
        let mut ps = Vec::new();
        pieces(s, &mut ps);
        ps
    };
    let w = |s: &str| Piece::Word(s.into());
    // Case, punctuation and apostrophes.
    assert_eq!(
        words("Mode's SCIM-guide, (v2.0)!"),
        vec![w("modes"), w("scim"), w("guide"), w("v2"), w("0")]
    );
    // URLs and API paths are breaks.
    assert_eq!(
        words("see https://example.com/a and /api/user/x or stitchflow.com/scim/mode."),
        vec![
            w("see"),
            Piece::Break,
            w("and"),
            Piece::Break,
            w("or"),
            Piece::Break
        ]
    );
    // Tags and entities.
    let mut ps = Vec::new();
    pieces(
        &strip_markup("<p class=\"x\">Tom&amp;Jerry</p><script>var a = 1;</script> don&#39;t"),
        &mut ps,
    );
    assert_eq!(ps, vec![w("tom"), w("jerry"), w("dont")]);
    // A short quotation in a discrepancy is a break; a long one is compared; elsewhere
    // quotations are compared.
    let long = "one two three four five six seven eight nine ten eleven twelve \
                thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone";
    assert_eq!(
        data_pieces("says \"Not specified\" here", true),
        vec![w("says"), Piece::Break, w("here")]
    );
    assert_eq!(data_pieces(&format!("\"{long}\""), true).len(), 21);
    assert_eq!(data_pieces("says \"Not specified\"", false).len(), 3);
    // A list of proper names is a break; a capitalised phrase that is no list is not.
    assert_eq!(
        data_pieces(
            "six roles: Account Admin, HR Admin, Manager, and Employee. Okta, Microsoft Entra ID (Azure AD) and OneLogin work",
            false
        ),
        vec![w("six"), w("roles"), Piece::Break, w("work")]
    );
    assert_eq!(data_pieces("Okta Admin Console and Entra", false).len(), 5);
    assert_eq!(
        data_pieces("(Create, Update, Deactivate); then", false),
        vec![Piece::Break, w("then")]
    );
    assert_eq!(data_pieces("Okta, Entra ID and more", false).len(), 5);
    // A run is reported whole, and only at 12 words or more.
    let src = words(long);
    let mut runs: HashMap<Vec<String>, BTreeSet<String>> = HashMap::new();
    for seg in segments(&src) {
        for win in seg.windows(RUN) {
            runs.entry(win.to_vec()).or_default().insert("s.txt".into());
        }
    }
    let found = shared_runs(&words(&format!("x {long} y")), &runs);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0.split(' ').count(), 21);
    let eleven = "one two three four five six seven eight nine ten eleven";
    assert!(shared_runs(&words(eleven), &runs).is_empty());
}
