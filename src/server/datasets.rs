//! Reading `data/datasets/<name>/`: our record of the dataset (`SOURCE.toml`, see
//! `domain::dataset`) and the publisher's files beside it, unchanged. Each folder's
//! `adapter` names the reader; today there is one, the SCIM Tax Index (`domain::index`).
//!
//! Nothing is skipped silently: a folder without `SOURCE.toml`, a file the record names
//! that is missing, a field of the data file that does not fit, each stops start-up with
//! the file, the field and the reason, as the vendor files do. Without a `datasets/`
//! folder the site is exactly as before.

use crate::domain::dataset::{Dataset, DatasetRecord};
use crate::domain::index::v3::{self, RowV3};
use crate::domain::index::{self, IndexHeader, IndexRow, Merged, PriceRead};
use crate::domain::vendor::Price;
use crate::server::check::{field_path, is_month, is_real_date, parse_file, Checker, DataError};
use std::fmt;
use std::path::{Path, PathBuf};

/// What reading one dataset did, for the start-up report.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetReport {
    /// `datasets/scim-tax`.
    pub folder: String,
    pub title: String,
    pub dataset_date: String,
    pub rows: usize,
    pub added: usize,
    pub overlapping: Vec<String>,
    /// Differences recorded on the overlapping curated vendors.
    pub disagreements: usize,
    /// Price strings read as a typed price (free, stated, quote only).
    pub prices_typed: usize,
    /// Price strings that say no price is given (`—`, `Not public`).
    pub prices_absent: usize,
    /// Price strings kept as text, each distinct string with the rows that use it.
    pub prices_text: Vec<(String, Vec<String>)>,
    /// Current releases add vendors; an earlier one only gives history.
    pub current: bool,
    /// For an earlier release: how many current vendors it has a row for.
    pub in_current: Option<usize>,
    /// How each price's text and the publisher's per-user figure relate (v3), by check.
    pub checks: Vec<(String, usize)>,
}

impl DatasetReport {
    pub fn text_count(&self) -> usize {
        self.prices_text.iter().map(|(_, rows)| rows.len()).sum()
    }
}

impl fmt::Display for DatasetReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(kept) = self.in_current {
            return writeln!(
                f,
                "{} ({}, {}): the previous release, kept for history: {} rows, {} of them in the current release",
                self.folder, self.title, self.dataset_date, self.rows, kept
            );
        }
        writeln!(
            f,
            "{} ({}, {}): {} rows, {} new vendors, {} also in our own files ({}), {} disagreement(s) recorded",
            self.folder,
            self.title,
            self.dataset_date,
            self.rows,
            self.added,
            self.overlapping.len(),
            self.overlapping.join(", "),
            self.disagreements
        )?;
        writeln!(
            f,
            "  prices: {} read, {} stating no price, {} kept as text ({} distinct):",
            self.prices_typed,
            self.prices_absent,
            self.text_count(),
            self.prices_text.len()
        )?;
        if !self.checks.is_empty() {
            let checks: Vec<String> = self
                .checks
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            writeln!(
                f,
                "  text against the per-user figure: {}",
                checks.join(", ")
            )?;
        }
        for (text, rows) in &self.prices_text {
            writeln!(f, "    - `{text}` ({}: {})", rows.len(), rows.join(", "))?;
        }
        Ok(())
    }
}

const RECORD: &str = "SOURCE.toml";

/// One dataset as read, before its vendors join the catalog.
#[derive(Clone, Debug)]
pub struct ReadDataset {
    /// The folder's name.
    pub name: String,
    /// The folder, relative to the data directory (`datasets/scim-tax`).
    pub folder: String,
    pub record: DatasetRecord,
    pub data_file: PathBuf,
    /// The rows of a v2 file (an earlier release gives each vendor its previous row).
    pub v2_rows: Vec<IndexRow>,
    /// Every row's slug, in file order (errors name the row).
    pub slugs: Vec<String>,
    pub read: index::Read,
}

impl ReadDataset {
    /// The row a slug comes from (for error messages).
    pub fn row_of(&self, slug: &str) -> usize {
        self.slugs.iter().position(|s| s == slug).unwrap_or(0)
    }

    /// What the catalog keeps about the dataset, and the start-up report, once merged.
    pub fn summary(
        &self,
        merged: &Merged,
        disagreements: usize,
        current: bool,
    ) -> (Dataset, DatasetReport) {
        let (typed, absent, text) = tally(&self.read.prices);
        let report = DatasetReport {
            folder: self.folder.clone(),
            title: self.record.title.clone(),
            dataset_date: self.record.dataset_date.clone(),
            rows: self.slugs.len(),
            added: merged.added,
            overlapping: merged.overlapping.clone(),
            disagreements,
            prices_typed: typed,
            prices_absent: absent,
            prices_text: text,
            current,
            in_current: None,
            checks: check_counts(&self.read.vendors),
        };
        let dataset = Dataset {
            name: self.name.clone(),
            record: self.record.clone(),
            current,
            rows: self.slugs.len(),
            added: merged.added,
            overlapping: merged.overlapping.clone(),
            prices_read: report.prices_typed + report.prices_absent,
            prices_text: report.text_count(),
        };
        (dataset, report)
    }
}

/// How many prices of each kind of check a dataset's vendors carry (v3 rows only).
fn check_counts(vendors: &[crate::domain::vendor::Vendor]) -> Vec<(String, usize)> {
    use crate::domain::keys::Key;
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for facts in vendors.iter().filter_map(|v| v.index.as_ref()) {
        for p in [&facts.scim_price, &facts.team_price] {
            *counts.entry(p.check.key()).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

/// Reads every dataset under `dir/datasets/`, in name order. Problems go to `errors`; a
/// dataset with any is left out. A folder whose record is there but whose data file is
/// not (set-up could not place it) is named in the second list and left out.
pub fn read_datasets(dir: &Path, errors: &mut Vec<DataError>) -> (Vec<ReadDataset>, Vec<String>) {
    let root = dir.join("datasets");
    let mut out = Vec::new();
    let mut not_placed = Vec::new();
    if !root.exists() {
        return (out, not_placed);
    }
    let entries = match std::fs::read_dir(&root) {
        Ok(e) => e,
        Err(e) => {
            errors.push(whole(
                &root,
                format!("cannot read the datasets folder: {e}"),
            ));
            return (out, not_placed);
        }
    };
    let mut folders: Vec<PathBuf> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() {
            folders.push(path);
        } else if !hidden {
            errors.push(whole(
                &path,
                "only dataset folders belong in datasets/ (each with its SOURCE.toml)".into(),
            ));
        }
    }
    folders.sort();
    for folder in folders {
        if let Some(d) = read_one(dir, &folder, errors, &mut not_placed) {
            out.push(d);
        }
    }
    (out, not_placed)
}

fn whole(file: &Path, reason: String) -> DataError {
    DataError {
        file: file.to_path_buf(),
        field: "-".into(),
        reason,
    }
}

/// A file name the record may list: a plain name or a relative path inside the folder.
fn inside(name: &str) -> bool {
    let p = Path::new(name);
    !name.trim().is_empty()
        && p.is_relative()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Checks what serde cannot in `SOURCE.toml`; true when it is sound.
fn check_record(
    r: &DatasetRecord,
    folder: &Path,
    file: &Path,
    errors: &mut Vec<DataError>,
) -> bool {
    let before = errors.len();
    let c = &mut Checker { file, errors };
    if r.adapter != index::ADAPTER && r.adapter != v3::ADAPTER {
        c.fail(
            "adapter",
            format!(
                "`{}` is not a reader we have (known: `{}`, `{}`)",
                r.adapter,
                index::ADAPTER,
                v3::ADAPTER
            ),
        );
    }
    c.non_empty("series", &r.series);
    c.non_empty("title", &r.title);
    c.non_empty("publisher", &r.publisher);
    c.url("url", &r.url);
    c.date_or_month("dataset_date", &r.dataset_date);
    c.date("retrieved", &r.retrieved);
    if (is_real_date(&r.dataset_date) || is_month(&r.dataset_date))
        && is_real_date(&r.retrieved)
        && r.retrieved.as_str() < r.dataset_date.as_str()
    {
        c.fail(
            "retrieved",
            format!(
                "{} is before the dataset's own date {}",
                r.retrieved, r.dataset_date
            ),
        );
    }
    c.non_empty("licence.name", &r.licence.name);
    c.url("licence.url", &r.licence.url);
    c.non_empty("licence.attribution", &r.licence.attribution);
    c.url("upstream.repository", &r.upstream.repository);
    let commit = r.upstream.commit.trim();
    if commit.len() < 7 || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        c.fail(
            "upstream.commit",
            format!("`{commit}` is not a commit id (hexadecimal, at least 7 digits)"),
        );
    }
    if r.changes.iter().all(|s| s.trim().is_empty()) {
        c.fail(
            "changes",
            "say what we change when we read the files (one sentence each)",
        );
    }
    if !r.files.contains(&r.data) {
        c.fail("files", format!("must list the data file `{}` too", r.data));
    }
    for (i, name) in r.files.iter().enumerate() {
        if !inside(name) {
            c.fail(
                format!("files[{i}]"),
                format!("`{name}` must be a path inside the dataset's folder"),
            );
        } else if !folder.join(name).is_file() {
            c.fail(
                format!("files[{i}]"),
                format!(
                    "`{name}` is missing from {}: put the publisher's files beside SOURCE.toml, unchanged",
                    folder.display()
                ),
            );
        }
    }
    errors.len() == before
}

fn read_one(
    data_dir: &Path,
    folder: &Path,
    errors: &mut Vec<DataError>,
    not_placed: &mut Vec<String>,
) -> Option<ReadDataset> {
    let record_file = folder.join(RECORD);
    if !record_file.is_file() {
        errors.push(whole(
            folder,
            format!("a dataset folder needs our {RECORD} record (see README, Datasets)"),
        ));
        return None;
    }
    let record: DatasetRecord = match parse_file(&record_file) {
        Ok(r) => r,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let relative = folder
        .strip_prefix(data_dir)
        .unwrap_or(folder)
        .display()
        .to_string();
    let data_file = folder.join(&record.data);
    if !data_file.exists() && inside(&record.data) {
        // Set-up places the publisher's files (.ci/datasets); without them the site starts
        // with our own files, and the start-up log says so.
        not_placed.push(relative);
        return None;
    }
    if !check_record(&record, folder, &record_file, errors) {
        return None;
    }
    let (v2_rows, slugs, read) = if record.adapter == v3::ADAPTER {
        let rows = read_v3_file(&data_file, errors)?;
        let slugs = rows.iter().map(|r| r.slug.clone()).collect();
        (vec![], slugs, v3::read(&rows, &record))
    } else {
        let (header, rows) = read_index_file(&data_file, errors)?;
        let slugs = rows.iter().map(|r| r.slug.clone()).collect();
        let read = index::read(&header, &rows, &record);
        (rows, slugs, read)
    };
    if !read.problems.is_empty() {
        for p in &read.problems {
            errors.push(DataError {
                file: data_file.clone(),
                field: p.field.clone(),
                reason: p.reason.clone(),
            });
        }
        return None;
    }
    Some(ReadDataset {
        name: folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        folder: folder
            .strip_prefix(data_dir)
            .unwrap_or(folder)
            .display()
            .to_string(),
        record,
        data_file,
        v2_rows,
        slugs,
        read,
    })
}

/// The first cell of a v3 record that its column's type does not accept (an enum value,
/// a flag, a number), for the error message. Not `serde_path_to_error`, as the TOML and
/// JSON readers use: csv hands serde the header names as bytes, which it records as `?`.
fn bad_cell<'a>(record: &csv::StringRecord, headers: &'a csv::StringRecord) -> Option<&'a str> {
    use crate::domain::vendor::{Confidence, IdpRoute, ScimStatus};
    use serde::de::value::{Error, StrDeserializer};
    use serde::Deserialize;
    fn fits<'de, T: Deserialize<'de>>(cell: &'de str) -> bool {
        cell.is_empty() || T::deserialize(StrDeserializer::<Error>::new(cell)).is_ok()
    }
    headers
        .iter()
        .zip(record.iter())
        .find_map(|(column, cell)| {
            let ok = match column {
                "status" => !cell.is_empty() && fits::<ScimStatus>(cell),
                "status_prev" => fits::<ScimStatus>(cell),
                "confidence" => !cell.is_empty() && fits::<Confidence>(cell),
                c if c.starts_with("idp_") && c != "idp_generic" => fits::<IdpRoute>(cell),
                "idp_generic" | "sso_required_for_scim" => matches!(cell, "" | "true" | "false"),
                c if c.starts_with("scim_") && !c.contains("price") && c != "scim_plan" => {
                    matches!(cell, "" | "true" | "false")
                }
                "min_seats" => cell.is_empty() || cell.parse::<u32>().is_ok(),
                c if c.ends_with("_mo") || c == "price_multiplier" => {
                    cell.is_empty() || cell.parse::<f64>().is_ok()
                }
                _ => true,
            };
            (!ok).then_some(column)
        })
}

/// `data.csv` of schema v3: the header must name exactly the schema's columns (in any
/// order); each row is read by header name, and a cell that does not fit its column
/// (an unknown status, `yes` for a flag) names its line and column. The dates are checked
/// here, with the calendar.
fn read_v3_file(file: &Path, errors: &mut Vec<DataError>) -> Option<Vec<RowV3>> {
    let fail = |errors: &mut Vec<DataError>, field: String, reason: String| {
        errors.push(DataError {
            file: file.to_path_buf(),
            field,
            reason,
        })
    };
    let mut reader = match csv::Reader::from_path(file) {
        Ok(r) => r,
        Err(e) => {
            fail(errors, "-".into(), format!("cannot read the file: {e}"));
            return None;
        }
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            fail(errors, "header".into(), e.to_string());
            return None;
        }
    };
    let before = errors.len();
    for column in v3::COLUMNS {
        if !headers.iter().any(|h| h == column) {
            fail(
                errors,
                "header".into(),
                format!("column `{column}` is missing (schema v3)"),
            );
        }
    }
    for h in headers.iter() {
        if !v3::COLUMNS.contains(&h) {
            fail(
                errors,
                "header".into(),
                format!("column `{h}` is not in schema v3"),
            );
        }
    }
    if errors.len() > before {
        return None;
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                fail(errors, format!("row {}", i + 2), e.to_string());
                continue;
            }
        };
        let line = record.position().map_or(i as u64 + 2, |p| p.line());
        let row = match record.deserialize::<RowV3>(Some(&headers)) {
            Ok(row) => row,
            Err(e) => {
                // serde names no column for an enum value it does not know: find it.
                let column = bad_cell(&record, &headers).unwrap_or("-");
                let reason = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err.kind().to_string(),
                    other => format!("{other:?}"),
                };
                fail(errors, format!("row {line}, column {column}"), reason);
                continue;
            }
        };
        if !is_real_date(&row.last_verified) {
            fail(
                errors,
                format!("row {line} ({}), column last_verified", row.slug),
                format!("`{}` is not a date (YYYY-MM-DD)", row.last_verified),
            );
        }
        if !is_month(&row.first_added) {
            fail(
                errors,
                format!("row {line} ({}), column first_added", row.slug),
                format!("`{}` is not a release (YYYY-MM)", row.first_added),
            );
        }
        rows.push(row);
    }
    (errors.len() == before).then_some(rows)
}

/// Typed prices, absent prices, and the strings kept as text with the rows using each.
fn tally(prices: &[PriceRead]) -> (usize, usize, Vec<(String, Vec<String>)>) {
    let (mut typed, mut absent) = (0, 0);
    let mut text: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for p in prices {
        match &p.price {
            Price::Text { .. } => text
                .entry(p.text.clone())
                .or_default()
                .push(format!("{}.{}", p.slug, p.column)),
            Price::Unknown => absent += 1,
            _ => typed += 1,
        }
    }
    (typed, absent, text.into_iter().collect())
}

/// `data.json`: the header, then each row on its own so that an error names the row.
fn read_index_file(
    file: &Path,
    errors: &mut Vec<DataError>,
) -> Option<(IndexHeader, Vec<IndexRow>)> {
    let fail = |errors: &mut Vec<DataError>, field: String, reason: String| {
        errors.push(DataError {
            file: file.to_path_buf(),
            field,
            reason,
        })
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            fail(errors, "-".into(), format!("cannot read the file: {e}"));
            return None;
        }
    };
    let mut value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            fail(errors, "-".into(), format!("not valid JSON: {e}"));
            return None;
        }
    };
    let Some(object) = value.as_object_mut() else {
        fail(
            errors,
            "-".into(),
            "the top level must be a JSON object".into(),
        );
        return None;
    };
    let rows = match object.remove("vendors") {
        Some(serde_json::Value::Array(rows)) => rows,
        Some(_) => {
            fail(errors, "vendors".into(), "must be a list of rows".into());
            return None;
        }
        None => {
            fail(errors, "vendors".into(), "is missing".into());
            return None;
        }
    };
    let header: Option<IndexHeader> = match serde_path_to_error::deserialize(value) {
        Ok(h) => Some(h),
        Err(e) => {
            let field = field_path(e.path()).unwrap_or_else(|| "-".into());
            fail(errors, field, e.into_inner().to_string());
            None
        }
    };
    let rows_total = rows.len();
    let mut out = Vec::with_capacity(rows_total);
    for (i, row) in rows.into_iter().enumerate() {
        match serde_path_to_error::deserialize::<_, IndexRow>(row) {
            Ok(r) => out.push(r),
            Err(e) => {
                let field = match field_path(e.path()) {
                    Some(path) => format!("vendors[{i}].{path}"),
                    None => format!("vendors[{i}]"),
                };
                fail(errors, field, e.into_inner().to_string());
            }
        }
    }
    // A row that does not parse is reported above; the rest is not read further.
    let all_rows = out.len() == rows_total;
    header.filter(|_| all_rows).map(|h| (h, out))
}
