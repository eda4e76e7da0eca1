//! Reading `data/` at start-up: parse every TOML file, then validate what serde cannot
//! check (cross references, ranges, dates). Errors name the file, the field and the reason,
//! and all of them are collected so that one run shows every broken file.

use crate::domain::api_guide::ApiGuide;
use crate::domain::catalog::Catalog;
use crate::domain::categories;
use crate::domain::changes::{self, profile::profile_rows, History, ReleaseRow, Releases};
use crate::domain::index::{self, v3};
use crate::domain::keys::Key;
use crate::domain::vendor::{is_slug, Basis, Plan, Price, Tri, Vendor};
pub use crate::server::check::{is_month, is_real_date, DataError, DataErrors};
use crate::server::check::{own_api_guide, parse_file, toml_files, Checker};
use crate::server::datasets::{self, DatasetReport};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The catalog, and what reading the datasets did (for the start-up report).
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub datasets: Vec<DatasetReport>,
    /// Dataset folders whose record is there but whose files set-up has not placed
    /// (`.ci/datasets`): the site starts without them.
    pub not_placed: Vec<String>,
}

/// Loads `dir/*.toml` as vendors, `dir/api/*.toml` as API guides and `dir/datasets/*/` as
/// datasets (see `server::datasets`).
pub fn load_catalog(dir: &Path) -> Result<Catalog, DataErrors> {
    load(dir).map(|l| l.catalog)
}

/// [`load_catalog`], with the datasets' report.
pub fn load(dir: &Path) -> Result<Loaded, DataErrors> {
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

    check_own_links(&vendors, &vendor_files, &api_guides, &mut errors);

    // Datasets come after our own files: a curated vendor wins over a dataset's row.
    let (datasets, reports, not_placed, before) = add_datasets(dir, &mut vendors, &mut errors);
    let history = history(&vendors, before);

    if !errors.is_empty() {
        return Err(DataErrors(errors));
    }
    vendors.sort_by_key(|v| v.name.to_lowercase());
    Ok(Loaded {
        catalog: Catalog {
            vendors,
            api_guides,
            datasets,
            history,
        },
        datasets: reports,
        not_placed,
    })
}

fn file_stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads `dir/datasets/*/`: the current release of each series adds its vendors (each
/// checked like a vendor file, then merged: a curated vendor wins, fills what it leaves
/// unsaid from the row and records where the row differs); an earlier release adds none,
/// and gives each current vendor its previous row.
fn add_datasets(
    dir: &Path,
    vendors: &mut Vec<Vendor>,
    errors: &mut Vec<DataError>,
) -> (
    Vec<crate::domain::dataset::Dataset>,
    Vec<DatasetReport>,
    Vec<String>,
    Option<EarlierRelease>,
) {
    let disagreements = |vendors: &[Vendor]| -> usize {
        vendors.iter().map(|v| v.source_disagreements.len()).sum()
    };
    let (read, not_placed) = datasets::read_datasets(dir, errors);
    let current_of = |series: &str| {
        read.iter()
            .filter(|d| d.record.series == series)
            .map(|d| d.record.dataset_date.as_str())
            .max()
            .unwrap_or_default()
            .to_string()
    };
    let (mut out, mut reports) = (Vec::new(), Vec::new());
    // Current releases first, so that their vendors are there to receive their history.
    let (current, previous): (Vec<_>, Vec<_>) = read
        .iter()
        .partition(|d| d.record.dataset_date == current_of(&d.record.series));
    for d in current {
        let before = errors.len();
        for v in &d.read.vendors {
            validate_dataset_vendor(v, d.row_of(&v.slug), &d.data_file, errors);
        }
        if errors.len() > before {
            continue;
        }
        let already = disagreements(vendors);
        let merged = index::merge(vendors, d.read.vendors.clone());
        for slug in &merged.collisions {
            errors.push(DataError {
                file: d.data_file.clone(),
                field: format!("row of `{slug}` ({})", d.row_of(slug)),
                reason: format!("`{slug}` is also a vendor of an earlier dataset"),
            });
        }
        let (dataset, report) = d.summary(&merged, disagreements(vendors) - already, true);
        out.push(dataset);
        reports.push(report);
    }
    let mut earlier: Option<EarlierRelease> = None;
    for d in previous {
        let date = &d.record.dataset_date;
        if earlier.as_ref().is_none_or(|(e, _)| e < date) {
            let rows = d
                .v2_rows
                .iter()
                .map(|r| (r.slug.clone(), index::release_row(r, date)));
            earlier = Some((date.clone(), rows.collect()));
        }
        // How many of its rows the current release still has (the rest were removed).
        let slugs: HashSet<&str> = d.v2_rows.iter().map(|r| r.slug.as_str()).collect();
        let kept = vendors
            .iter()
            .filter(|v| v.index.is_some() && slugs.contains(v.slug.as_str()))
            .count();
        let (dataset, mut report) = d.summary(&index::Merged::default(), 0, false);
        report.in_current = Some(kept);
        out.push(dataset);
        reports.push(report);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    reports.sort_by(|a, b| a.folder.cmp(&b.folder));
    (out, reports, not_placed, earlier)
}

/// An earlier release's date and its rows by slug.
type EarlierRelease = (String, BTreeMap<String, ReleaseRow>);

/// Every vendor's history: the earlier release's rows against the current one's (each
/// vendor's index facts), and our profiles' earlier checks.
fn history(vendors: &[Vendor], earlier: Option<EarlierRelease>) -> History {
    let profiles: BTreeMap<String, Vec<ReleaseRow>> = vendors
        .iter()
        .map(|v| (v.slug.clone(), profile_rows(v)))
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    // Two releases to compare: the earlier one read, and the current one on the vendors.
    let releases = earlier.and_then(|(from, before)| {
        let to = vendors
            .iter()
            .filter_map(|v| v.index.as_ref())
            .map(|f| f.release.clone())
            .max()?;
        let after = vendors
            .iter()
            .filter_map(|v| {
                Some((
                    v.slug.clone(),
                    v3::release_row(&v.name, v.index.as_deref()?),
                ))
            })
            .collect();
        Some(Releases {
            from,
            before,
            to,
            after,
        })
    });
    changes::build(releases, profiles)
}

/// Checks what serde cannot: names, dates, URLs, amounts and the references between them.
/// One function per part of the file, each adding to `errors`.
pub(crate) fn validate_vendor(v: &Vendor, file: &Path, errors: &mut Vec<DataError>) {
    let c = &mut Checker { file, errors };
    if v.is_index() {
        c.fail(
            "profile",
            "`index` is for vendors read from a dataset (data/datasets/), not for a vendor file",
        );
    }
    if !v.source_disagreements.is_empty() {
        c.fail(
            "source_disagreements",
            "is filled from the datasets when the data is loaded; remove it from the file",
        );
    }
    if v.index.is_some() {
        c.fail(
            "index",
            "is filled from the datasets when the data is loaded; remove it from the file",
        );
    }
    check_identity(c, v, file);
    check_all(c, v);
}

/// The same checks for a vendor built from a dataset's row: its slug is no file name, and
/// its date may be the dataset's month. Problems name the row's fields in our model,
/// prefixed with the row (`vendors[3] (acme): plans[0].name`).
fn validate_dataset_vendor(v: &Vendor, row: usize, file: &Path, errors: &mut Vec<DataError>) {
    let before = errors.len();
    let c = &mut Checker { file, errors };
    if !is_slug(&v.slug) {
        c.fail("slug", format!("`{}` is not a valid slug", v.slug));
    }
    c.non_empty("name", &v.name);
    check_all(c, v);
    for e in &mut errors[before..] {
        e.field = format!("vendors[{row}] ({}): {}", v.slug, e.field);
    }
}

fn check_all(c: &mut Checker, v: &Vendor) {
    check_source(c, v);
    let plans = check_plans(c, v);
    check_plan_refs(c, v, &plans);
    check_idps(c, v);
    check_costs(c, v);
    check_team_size_examples(c, v, &plans);
    check_decisions(c, v, &plans);
    check_earlier_checks(c, v);
}

/// Each earlier check is a real day before the current one, later than the one before it,
/// and its stated prices are sound figures.
fn check_earlier_checks(c: &mut Checker, v: &Vendor) {
    let mut after = "";
    for (i, e) in v.earlier_checks.iter().enumerate() {
        let field = format!("earlier_checks[{i}]");
        c.date(&format!("{field}.last_checked"), &e.last_checked);
        if e.last_checked.as_str() >= v.source.last_checked.as_str()
            || e.last_checked.as_str() <= after
        {
            c.fail(
                format!("{field}.last_checked"),
                format!(
                    "{} must be after the earlier check before it and before source.last_checked ({})",
                    e.last_checked, v.source.last_checked
                ),
            );
        }
        after = &e.last_checked;
        for (name, price) in [("scim_price", &e.scim_price), ("team_price", &e.team_price)] {
            if let Some(Price::Stated { figure }) = price {
                c.figure(&format!("{field}.{name}.figure"), figure);
            }
        }
    }
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
    if let Some(category) = &v.category {
        c.non_empty("category", category);
    }
    if let Some(category) = &v.index_category {
        if !categories::CATEGORIES.contains(&category.as_str()) {
            c.fail(
                "index_category",
                format!(
                    "`{category}` is not one of the SCIM Tax Index's {} categories (`domain::categories::CATEGORIES`)",
                    categories::CATEGORIES.len()
                ),
            );
        }
    }
}

/// The source page, its dates, and the further references.
fn check_source(c: &mut Checker, v: &Vendor) {
    c.non_empty("source.title", &v.source.title);
    c.non_empty("source.publisher", &v.source.publisher);
    c.url("source.url", &v.source.url);
    if v.is_index() {
        c.date_or_month("source.last_checked", &v.source.last_checked);
    } else {
        c.date("source.last_checked", &v.source.last_checked);
    }
    if let Some(l) = &v.source.licence {
        c.non_empty("source.licence.name", &l.name);
        c.url("source.licence.url", &l.url);
        c.non_empty("source.licence.attribution", &l.attribution);
    }
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
    // A dataset's row links only outside the site.
    for (i, r) in v.references.iter().enumerate() {
        c.reference(&format!("references[{i}]"), r, !v.is_index());
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
            Price::Quote {
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
            Price::Seats {
                fee,
                included,
                extra,
                max_extra,
            } => {
                c.figure(&format!("{field}.price.fee"), fee);
                c.unscoped(&format!("{field}.price.fee"), fee);
                if fee.basis != Basis::Flat {
                    c.fail(
                        format!("{field}.price.fee.basis"),
                        "a fee with users included is for the whole account: `flat`",
                    );
                }
                match extra {
                    Some(x) => {
                        c.figure(&format!("{field}.price.extra"), x);
                        c.unscoped(&format!("{field}.price.extra"), x);
                        if x.basis != Basis::PerUser {
                            c.fail(
                                format!("{field}.price.extra.basis"),
                                "the price of a further user is `per_user`",
                            );
                        }
                    }
                    None if *included == 0 => c.fail(
                        format!("{field}.price.included"),
                        "a fee that includes no users needs a price per user (`extra`)",
                    ),
                    None => {}
                }
                if max_extra.is_some() && extra.is_none() {
                    c.fail(
                        format!("{field}.price.max_extra"),
                        "a cap on further users needs their price (`extra`)",
                    );
                }
                if *max_extra == Some(0) {
                    c.fail(
                        format!("{field}.price.max_extra"),
                        "must be at least 1 when given",
                    );
                }
            }
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

/// The SCIM and SSO plans must be plans of the vendor, and, being the *cheapest* plans
/// with the feature, have it while every plan listed before them does not: a plan below
/// whose answer is "unknown" would make the claim a guess.
fn check_plan_refs(c: &mut Checker, v: &Vendor, plan_names: &HashSet<&str>) {
    type Feature<'a> = (&'a str, &'a Option<String>, fn(&Plan) -> Tri);
    let features: [Feature; 2] = [
        ("scim.plan", &v.scim.plan, |p| p.scim),
        ("sso.plan", &v.sso.plan, |p| p.sso),
    ];
    for (field, name, has) in features {
        let Some(name) = name else { continue };
        c.plan_ref(field, name, plan_names);
        let Some(at) = v.plans.iter().position(|p| p.name == *name) else {
            continue;
        };
        if has(&v.plans[at]) != Tri::Yes {
            c.fail(
                field,
                format!("plan `{name}` does not say \"yes\" for this feature"),
            );
        }
        // An index row's plan is the lowest with SCIM by the index's own method; its other
        // plan is a price for comparison, not a claim about SCIM, so only curated files
        // are held to this.
        if v.is_index() {
            continue;
        }
        if let Some(below) = v.plans[..at].iter().find(|p| has(p) != Tri::No) {
            c.fail(
                field,
                format!(
                    "`{name}` is not known to be the cheapest plan with this feature: `{}`, listed before it, says \"{}\"",
                    below.name,
                    has(below).key()
                ),
            );
        }
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
        c.unscoped("costs.implementation_fee", f);
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
    for (i, r) in g.references.iter().enumerate() {
        c.reference(&format!("references[{i}]"), r, false);
    }
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

/// A reference to one of our own API guides (`/vendors/<slug>/api`) must name a guide
/// that loaded; an address outside the site is checked where the reference is.
fn check_own_links(
    vendors: &[Vendor],
    files: &[PathBuf],
    api_guides: &[ApiGuide],
    errors: &mut Vec<DataError>,
) {
    for v in vendors {
        for (i, r) in v.references.iter().enumerate() {
            let Some(slug) = r.url.as_deref().and_then(own_api_guide) else {
                continue;
            };
            if !api_guides.iter().any(|g| g.vendor == slug) {
                errors.push(DataError {
                    file: files
                        .iter()
                        .find(|f| file_stem(f) == v.slug)
                        .cloned()
                        .unwrap_or_default(),
                    field: format!("references[{i}].url"),
                    reason: format!("no API guide `api/{slug}.toml` for this address"),
                });
            }
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
