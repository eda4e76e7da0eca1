//! Reading `data/` at start-up: parse every TOML file, then validate what serde cannot
//! check (cross references, ranges, dates). Errors name the file, the field and the reason,
//! and all of them are collected so that one run shows every broken file.

use crate::domain::api_guide::ApiGuide;
use crate::domain::catalog::Catalog;
use crate::domain::vendor::{is_slug, Claim, Figure, Price, Vendor};
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

/// Loads `dir/*.toml` as vendors and `dir/api/*.toml` as API guides.
pub fn load_catalog(dir: &Path) -> Result<Catalog, DataErrors> {
    let mut errors = Vec::new();
    let vendor_files = match toml_files(dir) {
        Ok(files) => files,
        Err(e) => return Err(DataErrors(vec![e])),
    };
    if vendor_files.is_empty() {
        errors.push(DataError {
            file: dir.to_path_buf(),
            field: "-".into(),
            reason: "no vendor files (*.toml) in this directory".into(),
        });
    }
    let mut vendors = Vec::new();
    for file in &vendor_files {
        match parse_file::<Vendor>(file) {
            Ok(v) => {
                let before = errors.len();
                validate_vendor(&v, file, &mut errors);
                if errors.len() == before {
                    vendors.push(v);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    check_unique_slugs(&vendors, &vendor_files, &mut errors);

    let api_dir = dir.join("api");
    let mut api_guides = Vec::new();
    if api_dir.is_dir() {
        match toml_files(&api_dir) {
            Ok(files) => {
                for file in &files {
                    match parse_file::<ApiGuide>(file) {
                        Ok(g) => {
                            let before = errors.len();
                            validate_api_guide(&g, file, &vendor_files, &mut errors);
                            if errors.len() == before {
                                api_guides.push(g);
                            }
                        }
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }

    if !errors.is_empty() {
        return Err(DataErrors(errors));
    }
    vendors.sort_by_key(|v| v.name.to_lowercase());
    Ok(Catalog {
        vendors,
        api_guides,
    })
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, DataError> {
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

fn parse_file<T: serde::de::DeserializeOwned>(file: &Path) -> Result<T, DataError> {
    let text = std::fs::read_to_string(file).map_err(|e| DataError {
        file: file.to_path_buf(),
        field: "-".into(),
        reason: format!("cannot read the file: {e}"),
    })?;
    toml::from_str(&text).map_err(|e| {
        let (field, location) = match e.span() {
            Some(span) => locate(&text, span.start),
            None => ("-".to_string(), String::new()),
        };
        DataError {
            file: file.to_path_buf(),
            field,
            reason: format!("{}{location}", e.message().trim()),
        }
    })
}

/// Names the field at byte `offset`: the innermost `[table]` header above it plus the key on
/// its line, and says where (" (line L, column C)").
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

struct Checker<'a> {
    file: &'a Path,
    errors: &'a mut Vec<DataError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_path_buf(),
            field: field.into(),
            reason: reason.into(),
        });
    }

    fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        }
    }

    fn date(&mut self, field: &str, value: &str) {
        if !is_real_date(value) {
            self.fail(
                field,
                format!("`{value}` is not a real date in the form YYYY-MM-DD"),
            );
        }
    }

    fn url(&mut self, field: &str, value: &str) {
        if !value.starts_with("https://") || value.contains(char::is_whitespace) {
            self.fail(field, format!("`{value}` is not an https:// address"));
        }
    }

    fn money(&mut self, field: &str, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.fail(field, format!("{value} is not a non-negative amount"));
        }
    }

    fn figure(&mut self, field: &str, f: &Figure) {
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
    }

    fn claim(&mut self, field: &str, c: &Option<Claim>, may_be_negative: bool) {
        if let Some(c) = c {
            if !c.amount.is_finite() || (!may_be_negative && c.amount < 0.0) {
                self.fail(field, format!("{} is not a valid amount", c.amount));
            }
        }
    }

    fn plan_ref(&mut self, field: &str, name: &str, plans: &HashSet<&str>) {
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

/// A real calendar date in the form YYYY-MM-DD (leap years included).
pub fn is_real_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&y) && (1..=days).contains(&d)
}

fn file_stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks what serde cannot: names, dates, URLs, amounts and the references between them.
/// One function per part of the file, each adding to `errors`.
pub(crate) fn validate_vendor(v: &Vendor, file: &Path, errors: &mut Vec<DataError>) {
    let c = &mut Checker { file, errors };
    check_identity(c, v, file);
    check_source(c, v);
    let plans = check_plans(c, v);
    check_plan_refs(c, v, &plans);
    check_idps(c, v);
    check_costs(c, v);
    check_team_size_examples(c, v, &plans);
    check_decisions(c, v, &plans);
}

/// Slug (which must match the file name), name and category.
fn check_identity(c: &mut Checker, v: &Vendor, file: &Path) {
    if !is_slug(&v.slug) {
        c.fail(
            "slug",
            format!("`{}` must be lowercase letters, digits and dashes", v.slug),
        );
    } else if v.slug != file_stem(file) {
        c.fail(
            "slug",
            format!(
                "`{}` must equal the file name `{}.toml`",
                v.slug,
                file_stem(file)
            ),
        );
    }
    c.non_empty("name", &v.name);
    c.non_empty("category", &v.category);
}

/// The source page, its dates, and the further references.
fn check_source(c: &mut Checker, v: &Vendor) {
    c.non_empty("source.title", &v.source.title);
    c.non_empty("source.publisher", &v.source.publisher);
    c.url("source.url", &v.source.url);
    c.date("source.last_checked", &v.source.last_checked);
    if let Some(d) = &v.source.page_updated {
        c.date("source.page_updated", d);
        if is_real_date(d) && is_real_date(&v.source.last_checked) && d > &v.source.last_checked {
            c.fail(
                "source.last_checked",
                format!(
                    "{} is before the page's own update date {d}",
                    v.source.last_checked
                ),
            );
        }
    }
    for (i, r) in v.references.iter().enumerate() {
        if let Some(url) = &r.url {
            c.url(&format!("references[{i}].url"), url);
        }
        c.non_empty(&format!("references[{i}].fact"), &r.fact);
    }
}

/// Plans: unique names and well-formed prices. Returns the plan names.
fn check_plans<'a>(c: &mut Checker, v: &'a Vendor) -> HashSet<&'a str> {
    let mut plan_names = HashSet::new();
    // URLs name plans in any case (`Vendor::plan`), so names must differ beyond case.
    let mut folded = HashSet::new();
    for (i, p) in v.plans.iter().enumerate() {
        let field = format!("plans[{i}]");
        c.non_empty(&format!("{field}.name"), &p.name);
        plan_names.insert(p.name.as_str());
        if !folded.insert(p.name.trim().to_lowercase()) {
            c.fail(
                format!("{field}.name"),
                format!("plan `{}` is listed twice", p.name),
            );
        }
        match &p.price {
            Price::Stated { figure } => c.figure(&format!("{field}.price.figure"), figure),
            Price::Custom {
                estimate: Some(figure),
                estimate_basis,
            } => {
                c.figure(&format!("{field}.price.estimate"), figure);
                if estimate_basis
                    .as_deref()
                    .is_none_or(|s| s.trim().is_empty())
                {
                    c.fail(
                        format!("{field}.price.estimate_basis"),
                        "an estimate must say whose estimate it is",
                    );
                }
            }
            Price::Text { text } => c.non_empty(&format!("{field}.price.text"), text),
            Price::Free { max_users: Some(0) } => c.fail(
                format!("{field}.price.max_users"),
                "must be at least 1 when given",
            ),
            _ => {}
        }
        if p.min_seats == Some(0) {
            c.fail(
                format!("{field}.min_seats"),
                "must be at least 1 when given",
            );
        }
    }
    plan_names
}

/// The SCIM and SSO plans must be plans of the vendor.
fn check_plan_refs(c: &mut Checker, v: &Vendor, plan_names: &HashSet<&str>) {
    if let Some(name) = &v.scim.plan {
        c.plan_ref("scim.plan", name, plan_names);
    }
    if let Some(name) = &v.sso.plan {
        c.plan_ref("sso.plan", name, plan_names);
    }
}

/// Each identity provider once; set-up blocks name their integration.
fn check_idps(c: &mut Checker, v: &Vendor) {
    let mut idps = HashSet::new();
    for (i, s) in v.idps.iter().enumerate() {
        if !idps.insert(s.idp) {
            c.fail(
                format!("idps[{i}].idp"),
                format!("{} is listed twice", s.idp.name()),
            );
        }
    }
    for (i, s) in v.idp_setup.iter().enumerate() {
        c.non_empty(&format!("idp_setup[{i}].integration"), &s.integration);
    }
}

/// Implementation fee and renewal increase.
fn check_costs(c: &mut Checker, v: &Vendor) {
    if let Some(f) = &v.costs.implementation_fee {
        c.figure("costs.implementation_fee", f);
    }
    if let Some(r) = &v.costs.renewal_increase_pct {
        let ok = r.low.is_finite()
            && r.high.is_finite()
            && r.low >= 0.0
            && r.low <= r.high
            && r.high <= 100.0;
        if !ok {
            c.fail(
                "costs.renewal_increase_pct",
                format!(
                    "{}-{} is not a percentage range from 0 to 100",
                    r.low, r.high
                ),
            );
        }
    }
}

/// The source's team-size rows: real plans, valid amounts.
fn check_team_size_examples(c: &mut Checker, v: &Vendor, plan_names: &HashSet<&str>) {
    for (i, ex) in v.team_size_examples.iter().enumerate() {
        let field = format!("team_size_examples[{i}]");
        if ex.users == 0 {
            c.fail(format!("{field}.users"), "must be at least 1");
        }
        c.plan_ref(&format!("{field}.to_plan"), &ex.to_plan, plan_names);
        if let Some(from) = &ex.from_plan {
            c.plan_ref(&format!("{field}.from_plan"), from, plan_names);
        }
        c.claim(
            &format!("{field}.assumed_target_annual"),
            &ex.assumed_target_annual,
            false,
        );
        c.claim(
            &format!("{field}.claimed_current_monthly"),
            &ex.claimed_current_monthly,
            false,
        );
        c.claim(
            &format!("{field}.claimed_target_annual"),
            &ex.claimed_target_annual,
            false,
        );
        c.claim(
            &format!("{field}.claimed_target_monthly"),
            &ex.claimed_target_monthly,
            false,
        );
        c.claim(
            &format!("{field}.claimed_increase_annual"),
            &ex.claimed_increase_annual,
            true,
        );
    }
}

/// Decision rows: a situation, a reason, and real plans in their conditions.
fn check_decisions(c: &mut Checker, v: &Vendor, plan_names: &HashSet<&str>) {
    for (i, d) in v.decision.iter().enumerate() {
        c.non_empty(&format!("decision[{i}].situation"), &d.situation);
        c.non_empty(&format!("decision[{i}].reason"), &d.reason);
        for (j, plan) in d.when.plans.iter().enumerate() {
            c.plan_ref(&format!("decision[{i}].when.plans[{j}]"), plan, plan_names);
        }
    }
}

fn validate_api_guide(
    g: &ApiGuide,
    file: &Path,
    vendor_files: &[PathBuf],
    errors: &mut Vec<DataError>,
) {
    let mut c = Checker { file, errors };
    if g.vendor != file_stem(file) {
        c.fail(
            "vendor",
            format!(
                "`{}` must equal the file name `{}.toml`",
                g.vendor,
                file_stem(file)
            ),
        );
    }
    if !vendor_files.iter().any(|f| file_stem(f) == g.vendor) {
        c.fail(
            "vendor",
            format!("no vendor file `{}.toml` for this API guide", g.vendor),
        );
    }
    c.non_empty("title", &g.title);
    c.url("source.url", &g.source.url);
    c.date("source.last_checked", &g.source.last_checked);
    if let Some(d) = &g.source.page_updated {
        c.date("source.page_updated", d);
    }
    let mut ids = HashSet::new();
    for (i, s) in g.scenarios.iter().enumerate() {
        if !is_slug(&s.id) {
            c.fail(
                format!("scenarios[{i}].id"),
                "must be lowercase letters, digits and dashes",
            );
        }
        if !ids.insert(s.id.as_str()) {
            c.fail(
                format!("scenarios[{i}].id"),
                format!("`{}` is used twice", s.id),
            );
        }
    }
    for (i, e) in g.endpoints.iter().enumerate() {
        const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
        if !METHODS.contains(&e.method.as_str()) {
            c.fail(
                format!("endpoints[{i}].method"),
                format!("`{}` is not one of {METHODS:?}", e.method),
            );
        }
    }
}

/// Slugs are file names, so duplicates can only come from case-insensitive file systems
/// or copy mistakes; still, routes rely on them being unique.
fn check_unique_slugs(vendors: &[Vendor], files: &[PathBuf], errors: &mut Vec<DataError>) {
    let mut seen = HashSet::new();
    for v in vendors {
        if !seen.insert(v.slug.as_str()) {
            let file = files
                .iter()
                .find(|f| file_stem(f) == v.slug)
                .cloned()
                .unwrap_or_default();
            errors.push(DataError {
                file,
                field: "slug".into(),
                reason: format!("slug `{}` is used by more than one file", v.slug),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates() {
        assert!(is_real_date("2026-01-11"));
        assert!(is_real_date("2024-02-29"));
        assert!(!is_real_date("2026-02-29"));
        assert!(!is_real_date("2026-13-01"));
        assert!(!is_real_date("2026-1-11"));
        assert!(!is_real_date("11/01/2026"));
        assert!(!is_real_date("2026-04-31"));
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

    #[test]
    fn locate_names_table_and_key() {
        let text = "slug = \"x\"\n[source]\ntitle = \"t\"\nbogus = 1\n";
        let off = text.find("bogus").unwrap();
        let (field, loc) = locate(text, off);
        assert_eq!(field, "source.bogus");
        assert_eq!(loc, " (line 4, column 1)");
    }
}
