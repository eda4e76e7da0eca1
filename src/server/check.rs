//! What every data file's reader shares: the error type (file, field, reason), reading a
//! TOML file with the field an error is in, and the checks on names, dates, addresses and
//! amounts. Used by the vendor files' loader (`load`) and the datasets' (`datasets`).

use crate::domain::vendor::{is_slug, Claim, Figure, Reference, Scope};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: PathBuf,
    /// Dotted path of the offending field (`plans[1].price`), or `-` for the whole file.
    pub field: String,
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: field `{}`: {}",
            self.file.display(),
            self.field,
            self.reason
        )
    }
}

/// All problems found in a data directory.
#[derive(Debug)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in the data files:", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

pub(crate) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, DataError> {
    let entries = std::fs::read_dir(dir).map_err(|e| DataError {
        file: dir.to_path_buf(),
        field: "-".into(),
        reason: format!("cannot read the data directory: {e}"),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

pub(crate) fn parse_file<T: serde::de::DeserializeOwned>(file: &Path) -> Result<T, DataError> {
    let text = std::fs::read_to_string(file).map_err(|e| DataError {
        file: file.to_path_buf(),
        field: "-".into(),
        reason: format!("cannot read the file: {e}"),
    })?;
    serde_path_to_error::deserialize(toml::Deserializer::new(&text)).map_err(|e| {
        let (near, location) = match e.inner().span() {
            Some(span) => locate(&text, span.start),
            None => ("-".to_string(), String::new()),
        };
        DataError {
            file: file.to_path_buf(),
            field: field_path(e.path()).unwrap_or(near),
            reason: format!("{}{location}", e.inner().message().trim()),
        }
    })
}

/// The path serde was deserialising when it failed (`plans[1].price`), or `None` where
/// the error is not in any field (TOML syntax, a field missing at the top).
pub(crate) fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    path.iter().next().is_some().then(|| path.to_string())
}

/// Names the field at byte `offset`, for a syntax error (no field path): the innermost
/// `[table]` header above it plus the key on its line, and says where (" (line L, column
/// C)").
fn locate(text: &str, offset: usize) -> (String, String) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line_no = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let line = text[line_start..].lines().next().unwrap_or("");
    let table = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let header = line.trim().starts_with('[').then(|| {
        line.trim()
            .trim_matches(|c| c == '[' || c == ']')
            .trim()
            .to_string()
    });
    let field = match (header, table, key) {
        (Some(h), _, _) => h,
        (None, Some(t), Some(k)) => format!("{t}.{k}"),
        (None, None, Some(k)) => k,
        (None, Some(t), None) => t,
        (None, None, None) => "-".to_string(),
    };
    (field, format!(" (line {line_no}, column {column})"))
}

pub(crate) struct Checker<'a> {
    pub(crate) file: &'a Path,
    pub(crate) errors: &'a mut Vec<DataError>,
}

impl Checker<'_> {
    pub(crate) fn fail(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_path_buf(),
            field: field.into(),
            reason: reason.into(),
        });
    }

    pub(crate) fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        }
    }

    pub(crate) fn date(&mut self, field: &str, value: &str) {
        if !is_real_date(value) {
            self.fail(
                field,
                format!("`{value}` is not a real date in the form YYYY-MM-DD"),
            );
        }
    }

    pub(crate) fn url(&mut self, field: &str, value: &str) {
        if !value.starts_with("https://") || value.contains(char::is_whitespace) {
            self.fail(field, format!("`{value}` is not an https:// address"));
        }
    }

    /// A reference: a title, a fact, and an https:// address or, where `own_pages`, the
    /// path of one of our own API guides (`/vendors/<slug>/api`; `load` checks that the
    /// guide exists).
    pub(crate) fn reference(&mut self, field: &str, r: &Reference, own_pages: bool) {
        self.non_empty(&format!("{field}.title"), &r.title);
        if let Some(url) = &r.url {
            if !(own_pages && own_api_guide(url).is_some()) {
                self.url(&format!("{field}.url"), url);
            }
        }
        self.non_empty(&format!("{field}.fact"), &r.fact);
    }

    /// A real date, or a month (`YYYY-MM`) where a dataset dates itself only by month.
    pub(crate) fn date_or_month(&mut self, field: &str, value: &str) {
        if !is_real_date(value) && !is_month(value) {
            self.fail(
                field,
                format!("`{value}` is not a date in the form YYYY-MM-DD or YYYY-MM"),
            );
        }
    }

    pub(crate) fn money(&mut self, field: &str, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.fail(field, format!("{value} is not a non-negative amount"));
        }
    }

    pub(crate) fn figure(&mut self, field: &str, f: &Figure) {
        match (f.amount, f.low, f.high) {
            (Some(a), None, None) => self.money(&format!("{field}.amount"), a),
            (None, Some(lo), Some(hi)) => {
                self.money(&format!("{field}.low"), lo);
                self.money(&format!("{field}.high"), hi);
                if lo > hi {
                    self.fail(field, format!("low ({lo}) is greater than high ({hi})"));
                }
            }
            _ => self.fail(
                field,
                "give either `amount`, or both `low` and `high` (a range), and not both",
            ),
        }
        if let Some(scope) = f.scope {
            self.scope(&format!("{field}.scope"), scope);
        }
    }

    /// The seats a price is reported for: at least one end, each at least 1, in order.
    fn scope(&mut self, field: &str, s: Scope) {
        match (s.min, s.max) {
            (None, None) => self.fail(field, "give `min`, `max` or both"),
            (Some(0), _) | (_, Some(0)) => self.fail(field, "seats start at 1"),
            (Some(lo), Some(hi)) if lo > hi => {
                self.fail(field, format!("min ({lo}) is greater than max ({hi})"))
            }
            _ => {}
        }
    }

    /// A figure that is not a plan's price has no scope: a fee with users included says
    /// what it covers with `included` and `max_extra`; a one-off fee is for the account.
    pub(crate) fn unscoped(&mut self, field: &str, f: &Figure) {
        if f.scope.is_some() {
            self.fail(
                format!("{field}.scope"),
                "only a plan's `figure` or `estimate` names the seats it is reported for",
            );
        }
    }

    pub(crate) fn claim(&mut self, field: &str, c: &Option<Claim>, may_be_negative: bool) {
        if let Some(c) = c {
            if !c.amount.is_finite() || (!may_be_negative && c.amount < 0.0) {
                self.fail(field, format!("{} is not a valid amount", c.amount));
            }
        }
    }

    pub(crate) fn plan_ref(&mut self, field: &str, name: &str, plans: &HashSet<&str>) {
        if !plans.contains(name) {
            let mut known: Vec<_> = plans.iter().copied().collect();
            known.sort();
            self.fail(
                field,
                format!("names plan `{name}`, which is not in `plans` (known: {known:?})"),
            );
        }
    }
}

/// A real calendar date in the form YYYY-MM-DD, from 1900 to 2999 (the calendar is jiff's).
pub fn is_real_date(s: &str) -> bool {
    // Exactly this shape: jiff alone would also read `2026-1-11`.
    let shaped = s.len() == 10
        && s.bytes()
            .enumerate()
            .all(|(i, b)| matches!(i, 4 | 7) == (b == b'-') && (b == b'-' || b.is_ascii_digit()));
    shaped
        && jiff::civil::Date::strptime("%Y-%m-%d", s)
            .is_ok_and(|d| (1900..=2999).contains(&d.year()))
}

/// A month in the form YYYY-MM.
pub fn is_month(s: &str) -> bool {
    s.len() == 7 && is_real_date(&format!("{s}-01"))
}

/// The vendor whose API guide `path` names, for a path of the form `/vendors/<slug>/api`.
pub(crate) fn own_api_guide(path: &str) -> Option<&str> {
    match crate::domain::routes::Route::recognize(path)? {
        (crate::domain::routes::Route::ApiGuide, params) => params.first().copied(),
        _ => None,
    }
    .filter(|slug| is_slug(slug))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::is_slug;

    #[test]
    fn own_api_guide_paths() {
        assert_eq!(own_api_guide("/vendors/mimecast/api"), Some("mimecast"));
        assert_eq!(own_api_guide("/vendors/mimecast"), None);
        assert_eq!(own_api_guide("/vendors/Mime cast/api"), None);
        assert_eq!(own_api_guide("/vendors//api"), None);
        assert_eq!(
            own_api_guide("https://example.com/vendors/mimecast/api"),
            None
        );
    }

    #[test]
    fn real_dates() {
        assert!(is_real_date("2026-01-11"));
        assert!(is_real_date("2024-02-29"));
        assert!(!is_real_date("2026-02-29"));
        assert!(!is_real_date("2026-13-01"));
        assert!(!is_real_date("2026-1-11"));
        assert!(!is_real_date("11/01/2026"));
        assert!(!is_real_date("2026-04-31"));
        assert!(!is_real_date("1900-02-29"));
        assert!(is_real_date("2000-02-29"));
        assert!(!is_real_date("1899-12-31"));
        assert!(!is_real_date("2026-00-10"));
        assert!(!is_real_date("2026-01-00"));
        assert!(is_month("2026-04"));
        assert!(!is_month("2026-13"));
        assert!(!is_month("2026-4"));
        assert!(!is_month("2026-04-01"));
    }

    #[test]
    fn slugs() {
        assert!(is_slug("mode"));
        assert!(is_slug("bill-com"));
        assert!(!is_slug("Mode"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug("-x"));
        assert!(!is_slug(""));
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Plan {
        name: String,
        seats: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        slug: String,
        plans: Vec<Plan>,
    }

    fn error_of(text: &str) -> DataError {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.toml");
        std::fs::write(&file, text).unwrap();
        let e = parse_file::<File>(&file).unwrap_err();
        DataError {
            file: "x.toml".into(),
            ..e
        }
    }

    #[test]
    fn a_field_that_does_not_fit_is_named_by_its_path() {
        let plans = "[[plans]]\nname = \"a\"\nseats = 1\n[[plans]]\nname = \"b\"\n";
        let e = error_of(&format!("slug = \"x\"\n{plans}seats = \"many\"\n"));
        assert_eq!(e.field, "plans[1].seats");
        assert!(
            e.reason.contains("invalid type") && e.reason.contains("(line 7,"),
            "{e}"
        );
        let e = error_of(&format!("slug = \"x\"\n{plans}seats = 2\nbogus = 1\n"));
        assert_eq!(e.field, "plans[1].bogus");
        assert!(e.reason.contains("unknown field `bogus`"), "{e}");
        // A syntax error has no field path: the table and key on its line stand in.
        let e = error_of("slug = \"x\"\n[[plans]]\nname = \"a\n");
        assert_eq!(e.field, "plans.name", "{e}");
        assert!(e.reason.contains("(line 3,"), "{e}");
        // A field missing from the top of the file is in no field either.
        let e = error_of("plans = []\n");
        assert!(e.reason.contains("missing field `slug`"), "{e}");
    }

    #[test]
    fn locate_names_table_and_key() {
        let text = "slug = \"x\"\n[source]\ntitle = \"t\"\nbogus = 1\n";
        let off = text.find("bogus").unwrap();
        let (field, loc) = locate(text, off);
        assert_eq!(field, "source.bogus");
        assert_eq!(loc, " (line 4, column 1)");
    }
}
