//! The SCIM Tax Index (scimtax.org) as vendors. Its `data.json` has one row per vendor: a
//! SCIM status on five labels, the plan SCIM needs, that plan's price and the entry
//! plan's price as short text, and the vendor's pricing page. Each row becomes a
//! [`Vendor`] with [`Profile::Index`]: the status as stated, the two plans with their
//! prices read by `price_text` (never guessed), the dataset as the source and the pricing
//! page as a reference. A row whose slug a curated file already has adds no vendor: the
//! curated profile wins, and where the two differ each difference is recorded on it
//! ([`disagreements`]).
//!
//! Two schemas: v2 (`data.json`, the April 2026 release), read here, and v3 (`data.csv`,
//! the October 2026 release, 35 columns), read in [`v3`]. Of a series' releases the latest
//! is current (its rows are vendors); an earlier one only tells each vendor's history
//! ([`release_row`], compared in `domain::changes`).
//!
//! Pure: the server reads the files and hands the parsed rows here.

pub mod v3;

use crate::domain::changes::{ReleaseRow, StatedBy, StatedPrice};
use crate::domain::dataset::DatasetRecord;
use crate::domain::format;
use crate::domain::price_text::{self, PriceText};
use crate::domain::status::ScimStatus;
use crate::domain::vendor::{
    is_slug, Claimed, Figure, Plan, Price, Profile, Reference, Scim, Source, SourceDisagreement,
    Topic, Tri, Vendor,
};
use serde::Deserialize;

/// The `adapter` a `SOURCE.toml` names for this format.
pub const ADAPTER: &str = "scim-tax-index";

/// The top of `data.json`, without its rows (the server reads those one by one, so that
/// an error names the row).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexHeader {
    pub name: String,
    /// The dataset's home page.
    pub source: String,
    pub license: String,
    /// `YYYY-MM`.
    pub last_updated: String,
    /// How many rows the file says it has.
    pub count: usize,
}

/// One row of `data.json`, as published.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexRow {
    pub vendor: String,
    pub slug: String,
    pub status: ScimStatus,
    /// The plan SCIM needs; `—` (perhaps with a remark) for none.
    pub plan_required: String,
    pub scim_price: String,
    /// The entry plan's price, often prefixed with its name (`Team: $30/mo flat`).
    pub base_plan_price: String,
    pub pricing_page_url: String,
}

/// A problem with one field of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `count`, `vendors[12].slug`.
    pub field: String,
    pub reason: String,
}

/// How one price string was read.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceRead {
    pub slug: String,
    /// `scim_price` or `base_plan_price`.
    pub column: &'static str,
    pub text: String,
    pub price: Price,
}

/// The rows as vendors, every price as read, and what is wrong with the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub vendors: Vec<Vendor>,
    pub prices: Vec<PriceRead>,
    pub problems: Vec<Problem>,
}

/// Checks the file against our record of it and turns each sound row into a vendor.
pub fn read(header: &IndexHeader, rows: &[IndexRow], record: &DatasetRecord) -> Read {
    let mut out = Read::default();
    let mut fail = |field: String, reason: String| out.problems.push(Problem { field, reason });
    if header.count != rows.len() {
        fail(
            "count".into(),
            format!(
                "the file says {} rows but has {}: a truncated or edited copy?",
                header.count,
                rows.len()
            ),
        );
    }
    if header.last_updated.trim() != record.dataset_date.trim() {
        fail(
            "last_updated".into(),
            format!(
                "the file is dated `{}` but SOURCE.toml records `{}`: update `dataset_date` (and `retrieved`) with the files",
                header.last_updated, record.dataset_date
            ),
        );
    }
    if !header
        .license
        .trim()
        .eq_ignore_ascii_case(record.licence.name.trim())
    {
        fail(
            "license".into(),
            format!(
                "the file says `{}` but SOURCE.toml records `{}`: check the new terms before using the data",
                header.license, record.licence.name
            ),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        let before = out.problems.len();
        let mut fail = |field: &str, reason: String| {
            out.problems.push(Problem {
                field: format!("vendors[{i}].{field}"),
                reason,
            })
        };
        check_row(
            &row.vendor,
            &row.slug,
            &row.pricing_page_url,
            &mut seen,
            &mut fail,
        );
        if out.problems.len() > before {
            continue;
        }
        let (vendor, base, scim) = vendor_of(row, record);
        for (column, text, read) in [
            ("base_plan_price", &row.base_plan_price, base),
            ("scim_price", &row.scim_price, scim),
        ] {
            out.prices.push(PriceRead {
                slug: row.slug.clone(),
                column,
                text: text.trim().to_string(),
                price: read.price,
            });
        }
        out.vendors.push(vendor);
    }
    out
}

/// Whether a link a row gives is an https address.
pub fn is_https(url: &str) -> bool {
    url.starts_with("https://") && !url.contains(char::is_whitespace)
}

/// What every row must have, whatever its schema: a name, a slug no earlier row used, and
/// an https pricing page.
pub fn check_row<'a>(
    vendor: &str,
    slug: &'a str,
    pricing_url: &str,
    seen: &mut std::collections::HashSet<&'a str>,
    fail: &mut impl FnMut(&str, String),
) {
    if vendor.trim().is_empty() {
        fail("vendor", "must not be empty".into());
    }
    if !is_slug(slug) {
        fail(
            "slug",
            format!("`{slug}` must be lowercase letters, digits and dashes"),
        );
    } else if !seen.insert(slug) {
        fail("slug", format!("`{slug}` is used by an earlier row"));
    }
    let url = pricing_url.trim();
    if !is_https(url) {
        fail(
            "pricing_page_url",
            format!("`{url}` is not an https:// address"),
        );
    }
}

/// The plan `plan_required` names; `—` (with or without a remark) names none.
pub fn scim_plan_name(plan_required: &str) -> Option<String> {
    let name = plan_required.trim();
    (!name.is_empty() && !name.starts_with(['—', '–', '-'])).then(|| name.to_string())
}

/// Whose estimate a `Contact Sales (~$…/yr)` figure is.
pub fn estimate_basis(record: &DatasetRecord) -> String {
    format!(
        "Estimate published by {} beside “Contact Sales”",
        record.title
    )
}

/// One row as a vendor, with both prices as read (base plan, SCIM plan).
pub fn vendor_of(row: &IndexRow, record: &DatasetRecord) -> (Vendor, PriceText, PriceText) {
    let basis = estimate_basis(record);
    let base = price_text::parse(&row.base_plan_price, &basis);
    let scim = price_text::parse(&row.scim_price, &basis);
    let base_name = base.plan.clone().unwrap_or_else(|| "Base plan".into());
    let scim_name = scim_plan_name(&row.plan_required);
    let base_scim = match row.status {
        ScimStatus::Gated | ScimStatus::None => Tri::No,
        _ => Tri::Unknown,
    };
    // A seat minimum goes with the price the text states it beside.
    let plan = |name: String, read: &PriceText, scim: Tri, note: Option<String>| Plan {
        name,
        price: read.price.clone(),
        sso: Tri::Unknown,
        scim,
        min_seats: read.min_seats,
        note,
    };
    // The index sometimes prints the SCIM price under another plan's name.
    let scim_note = |name: &str| {
        scim.plan
            .as_deref()
            .filter(|p| !p.eq_ignore_ascii_case(name))
            .map(|p| format!("The index prints this price under its {p} plan."))
    };
    let mut pricing_notes = Vec::new();
    let plans = match &scim_name {
        // The entry plan is the SCIM plan: one plan, priced as the SCIM column says where
        // it gives a price.
        Some(name) if name.eq_ignore_ascii_case(&base_name) => {
            let read = match &scim.price {
                Price::Unknown | Price::Text { .. } => &base,
                _ => &scim,
            };
            vec![plan(name.clone(), read, Tri::Yes, scim_note(name))]
        }
        // The index's entry plan first: it is the cheapest plan it names.
        Some(name) => vec![
            plan(base_name, &base, base_scim, None),
            plan(name.clone(), &scim, Tri::Yes, scim_note(name)),
        ],
        None => {
            if !matches!(scim.price, Price::Unknown) {
                pricing_notes.push(format!(
                    "The index gives SCIM's price as “{}” without naming a plan for it.",
                    row.scim_price.trim()
                ));
            }
            vec![plan(base_name, &base, base_scim, None)]
        }
    };
    let available = match row.status {
        ScimStatus::Free | ScimStatus::Gated | ScimStatus::Partial => Tri::Yes,
        ScimStatus::None => Tri::No,
        ScimStatus::Unknown => Tri::Unknown,
    };
    let name = row.vendor.trim().to_string();
    let source = Source {
        title: record.title.clone(),
        url: record.url.clone(),
        publisher: record.publisher.clone(),
        page_updated: None,
        last_checked: record.dataset_date.clone(),
        licence: Some(record.licence.clone()),
    };
    let vendor = Vendor {
        summary: vec![format!(
            "We know {name} only from one row of {}: its SCIM status, the plan that unlocks SCIM and two prices. We have not checked them ourselves; the vendor's pricing page has the current figures.",
            record.title
        )],
        profile: Profile::Index,
        references: vec![Reference {
            title: format!("{name} pricing page"),
            url: Some(row.pricing_page_url.trim().to_string()),
            fact: "The vendor's own pricing page, which the index links: the current prices are there.".into(),
        }],
        scim: Scim {
            available,
            status: Some(row.status),
            plan: scim_name,
            ..Default::default()
        },
        plans,
        pricing_notes,
        // Everything else, the category included, the index does not give.
        ..Vendor::new(row.slug.clone(), name.clone(), source)
    };
    (vendor, base, scim)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Whether two figures say the same price. Whether one is marked approximate does not
/// count: that is a matter of precision, not of value.
fn same_figure(a: &Figure, b: &Figure) -> bool {
    a.basis == b.basis
        && a.period == b.period
        && close(a.amount, b.amount)
        && close(a.low, b.low)
        && close(a.high, b.high)
        && a.or_more == b.or_more
}

/// Whether two prices agree, where both can be compared: free, stated or quote only.
/// `None` where either side gives no price or one we cannot read. Two quote-only prices
/// agree whatever their estimates (a third party's figures, not the vendor's price).
fn same_price(a: &Price, b: &Price) -> Option<bool> {
    match (a, b) {
        (Price::Unknown | Price::Text { .. }, _) | (_, Price::Unknown | Price::Text { .. }) => None,
        (Price::Free { max_users: x }, Price::Free { max_users: y }) => Some(x == y),
        (Price::Stated { figure: f }, Price::Stated { figure: g }) => Some(same_figure(f, g)),
        (Price::Quote { .. }, Price::Quote { .. }) => Some(true),
        (
            Price::Seats {
                fee: f,
                included: i,
                extra: x,
                max_extra: m,
            },
            Price::Seats {
                fee: g,
                included: j,
                extra: y,
                max_extra: n,
            },
        ) => Some(
            same_figure(f, g)
                && i == j
                && m == n
                && match (x, y) {
                    (Some(x), Some(y)) => same_figure(x, y),
                    (None, None) => true,
                    _ => false,
                },
        ),
        _ => Some(false),
    }
}

fn claimed(v: &Vendor, value: String) -> Claimed {
    Claimed {
        value,
        source: format!("{} ({})", v.source.title, v.source.publisher),
        url: v.source.url.clone(),
        date: v.source.last_checked.clone(),
    }
}

/// Where `theirs` (a dataset's vendor) says otherwise than `ours` (a curated profile):
/// the SCIM status, the SCIM plan's name (ignoring case) and that plan's price.
pub fn disagreements(ours: &Vendor, theirs: &Vendor) -> Vec<SourceDisagreement> {
    let mut out = Vec::new();
    let mut differ = |topic: Topic, a: String, b: String| {
        out.push(SourceDisagreement {
            topic,
            ours: claimed(ours, a),
            theirs: claimed(theirs, b),
        })
    };
    let (s1, s2) = (ScimStatus::of(ours), ScimStatus::of(theirs));
    if s1 != s2 {
        differ(Topic::ScimStatus, s1.label().into(), s2.label().into());
    }
    let plan_of = |v: &Vendor| v.scim.plan.as_deref().map(|p| p.trim().to_lowercase());
    if plan_of(ours) != plan_of(theirs) {
        let named = |v: &Vendor| v.scim.plan.clone().unwrap_or_else(|| "None named".into());
        differ(Topic::ScimPlan, named(ours), named(theirs));
    }
    if let (Some(a), Some(b)) = (ours.scim_plan(), theirs.scim_plan()) {
        if same_price(&a.price, &b.price) == Some(false) {
            differ(
                Topic::ScimPlanPrice,
                format!("{}: {}", a.name, format::price(&a.price)),
                format!("{}: {}", b.name, format::price(&b.price)),
            );
        }
    }
    if let (Some(a), Some(b)) = (&ours.sso.plan, &theirs.sso.plan) {
        if !a.trim().eq_ignore_ascii_case(b.trim()) {
            differ(Topic::SsoPlan, a.clone(), b.clone());
        }
    }
    if let Some(facts) = &theirs.index {
        for (idp, route) in facts.idps.rows() {
            let (Some(route), Some(mine)) = (route, ours.idp(idp)) else {
                continue;
            };
            if v3::route_agrees(route, mine.provisioning) == Some(false) {
                differ(
                    Topic::IdpSupport,
                    format!("{}: provisioning {}", idp.name(), mine.provisioning.label()),
                    format!("{}: {}", idp.name(), route.label().to_ascii_lowercase()),
                );
            }
        }
    }
    out
}

/// A v2 row as its release states the vendor, for the history (`domain::changes`). The
/// entry plan's name is the prefix of its price (`Teams: $19.95/mo flat`); v2 has no
/// category and no previous status.
pub fn release_row(row: &IndexRow, release: &str) -> ReleaseRow {
    let stated = |text: &str| {
        let text = text.trim().to_string();
        let read = price_text::parse(&text, "the index");
        (
            read.plan.clone(),
            StatedPrice {
                text,
                price: read.price,
            },
        )
    };
    let (team_plan, team_price) = stated(&row.base_plan_price);
    ReleaseRow {
        stated_by: StatedBy::Release(release.to_string()),
        name: row.vendor.trim().to_string(),
        category: None,
        status: row.status,
        scim_plan: scim_plan_name(&row.plan_required),
        scim_price: stated(&row.scim_price).1,
        team_plan,
        team_price,
        status_prev: None,
        pricing_url: row.pricing_page_url.trim().to_string(),
    }
}

/// Fills the facts `ours` (a curated profile) does not state from `theirs` (the current
/// release's vendor), and says which it filled. Never overrides a fact ours states.
pub fn fill_gaps(ours: &mut Vendor, theirs: &Vendor) -> Vec<String> {
    let mut filled = Vec::new();
    if ours.category.is_none() && theirs.category.is_some() {
        ours.category = theirs.category.clone();
        filled.push("category".to_string());
    }
    if ours.sso.plan.is_none() && theirs.sso.plan.is_some() {
        ours.sso.plan = theirs.sso.plan.clone();
        filled.push("plan that unlocks SSO".into());
    }
    if ours.scim.sso_required_first == Tri::Unknown
        && theirs.scim.sso_required_first != Tri::Unknown
    {
        ours.scim.sso_required_first = theirs.scim.sso_required_first;
        filled.push("whether SSO must come first".into());
    }
    if ours.scim.operations.is_empty() && !theirs.scim.operations.is_empty() {
        ours.scim.operations = theirs.scim.operations.clone();
        filled.push("SCIM operations".into());
    }
    for support in &theirs.idps {
        if ours.idp(support.idp).is_none() {
            ours.idps.push(support.clone());
            filled.push(format!("{} support", support.idp.name()));
        }
    }
    if ours.scim.plan.is_none() && ours.scim.available != Tri::No {
        if let Some(plan) = theirs.scim_plan() {
            if ours.plan(&plan.name).is_none() {
                ours.plans.push(plan.clone());
            }
            ours.scim.plan = Some(plan.name.clone());
            filled.push("plan that unlocks SCIM".into());
        }
    }
    for plan in ours.plans.iter_mut() {
        if plan.price != Price::Unknown {
            continue;
        }
        let found = theirs.plan(&plan.name).map(|p| p.price.clone());
        if let Some(price) = found.filter(|p| *p != Price::Unknown) {
            plan.price = price;
            filled.push(format!("price of {}", plan.name));
        }
    }
    filled
}

/// What adding a dataset's vendors to the catalog did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    pub added: usize,
    /// Curated slugs the dataset also has.
    pub overlapping: Vec<String>,
    /// Slugs an earlier dataset already added.
    pub collisions: Vec<String>,
}

/// Adds a dataset's vendors to `vendors`: new slugs are added; a curated vendor with the
/// same slug stays as it is and records where the dataset disagrees with it; a slug an
/// earlier dataset added is a collision (reported, not added).
pub fn merge(vendors: &mut Vec<Vendor>, incoming: Vec<Vendor>) -> Merged {
    let mut m = Merged::default();
    for v in incoming {
        match vendors.iter_mut().find(|c| c.slug == v.slug) {
            Some(c) if c.is_index() => m.collisions.push(v.slug),
            Some(c) => {
                let found = disagreements(c, &v);
                c.source_disagreements.extend(found);
                // A v3 row also fills what the profile leaves unsaid, and its facts stay
                // beside the profile.
                if let Some(mut facts) = v.index.clone() {
                    facts.filled = fill_gaps(c, &v);
                    c.index = Some(facts);
                }
                m.overlapping.push(v.slug);
            }
            None => {
                vendors.push(v);
                m.added += 1;
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cost::jump::{price_jump, PriceJump};
    use crate::domain::dataset::{Licence, Upstream};
    use crate::domain::vendor::{Basis, Period};

    fn record() -> DatasetRecord {
        DatasetRecord {
            adapter: ADAPTER.into(),
            series: "scim-tax".into(),
            title: "The SCIM Tax Index".into(),
            publisher: "Iden".into(),
            url: "https://scimtax.org/".into(),
            dataset_date: "2026-04".into(),
            retrieved: "2026-11-20".into(),
            data: "data.json".into(),
            files: vec!["data.json".into()],
            changes: vec!["Prices parsed.".into()],
            licence: Licence {
                name: "CC-BY 4.0".into(),
                url: "https://creativecommons.org/licenses/by/4.0/".into(),
                attribution: "credit".into(),
            },
            upstream: Upstream {
                repository: "https://github.com/IdenWorks/scim-tax".into(),
                commit: "0".repeat(40),
                paths: Default::default(),
            },
            sha256: Default::default(),
        }
    }

    fn header(count: usize) -> IndexHeader {
        IndexHeader {
            name: "The SCIM Tax Index".into(),
            source: "https://scimtax.org/".into(),
            license: "CC-BY 4.0".into(),
            last_updated: "2026-04".into(),
            count,
        }
    }

    fn row(slug: &str, status: ScimStatus, plan: &str, scim: &str, base: &str) -> IndexRow {
        IndexRow {
            vendor: slug.to_uppercase(),
            slug: slug.into(),
            status,
            plan_required: plan.into(),
            scim_price: scim.into(),
            base_plan_price: base.into(),
            pricing_page_url: format!("https://{slug}.example/pricing"),
        }
    }

    #[test]
    fn a_gated_row_becomes_two_plans_cheapest_first() {
        let r = row(
            "acme",
            ScimStatus::Gated,
            "Business",
            "$15/u/mo",
            "Teams: $21.50/mo flat",
        );
        let (v, base, scim) = vendor_of(&r, &record());
        assert!(base.is_read() && scim.is_read());
        assert_eq!(v.profile, Profile::Index);
        assert_eq!(ScimStatus::of(&v), ScimStatus::Gated);
        assert_eq!(v.scim.available, Tri::Yes);
        assert_eq!(v.scim.plan.as_deref(), Some("Business"));
        let names: Vec<&str> = v.plans.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Teams", "Business"]);
        assert_eq!(v.plans[0].scim, Tri::No);
        assert_eq!(
            v.scim_plan().unwrap().price,
            Price::Stated {
                figure: Figure::point(Basis::PerUser, Period::Month, 15.0)
            }
        );
        assert_eq!(v.source.last_checked, "2026-04");
        assert_eq!(v.source.licence.as_ref().unwrap().name, "CC-BY 4.0");
        assert_eq!(
            v.references[0].url.as_deref(),
            Some("https://acme.example/pricing")
        );
        // $15 a user a month at 100 users against $21.50 flat: the jump is known.
        assert!(matches!(price_jump(&v), PriceJump::Known { .. }));
    }

    #[test]
    fn a_seat_minimum_goes_with_its_plan() {
        let r = row(
            "acme",
            ScimStatus::Gated,
            "Organization",
            "Organization: $119/seat/mo billed annually (min 3 seats)",
            "Team: $20/u/mo",
        );
        let (v, _, scim) = vendor_of(&r, &record());
        assert_eq!(scim.min_seats, Some(3));
        assert_eq!(v.scim_plan().unwrap().min_seats, Some(3));
        assert_eq!(v.plans[0].min_seats, None);
    }

    #[test]
    fn no_scim_and_unnamed_plans() {
        let (v, _, _) = vendor_of(&row("nope", ScimStatus::None, "—", "—", "Free"), &record());
        assert_eq!(v.scim.plan, None);
        assert_eq!(v.scim.available, Tri::No);
        assert_eq!(ScimStatus::of(&v), ScimStatus::None);
        assert_eq!(v.plans.len(), 1);
        assert_eq!(v.plans[0].name, "Base plan");
        assert!(v.pricing_notes.is_empty());
        // A SCIM price without a plan is said, not dropped.
        let (v, _, _) = vendor_of(
            &row(
                "odd",
                ScimStatus::Partial,
                "— (remark)",
                "Contact Sales",
                "Contact Sales",
            ),
            &record(),
        );
        assert_eq!(v.scim.plan, None);
        assert_eq!(v.pricing_notes.len(), 1);
        // The entry plan is the SCIM plan: one plan.
        let (v, _, _) = vendor_of(
            &row(
                "one",
                ScimStatus::Partial,
                "Pro",
                "$10/u/mo",
                "Pro: $10/u/mo",
            ),
            &record(),
        );
        assert_eq!(v.plans.len(), 1);
        assert_eq!(v.plans[0].scim, Tri::Yes);
    }

    #[test]
    fn quote_prices_keep_the_index_estimate_and_say_whose() {
        let (v, _, _) = vendor_of(
            &row(
                "big",
                ScimStatus::Gated,
                "Enterprise",
                "Contact Sales (~$26K+/yr)",
                "Pro: $8/u/mo",
            ),
            &record(),
        );
        match &v.scim_plan().unwrap().price {
            Price::Quote {
                estimate: Some(f),
                estimate_basis: Some(b),
            } => {
                assert_eq!(f.amount, Some(26_000.0));
                assert!(f.or_more && f.approx);
                assert!(b.contains("The SCIM Tax Index"), "{b}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_file_is_checked_against_our_record() {
        let rows = vec![
            row("a", ScimStatus::Free, "All plans", "Free", "Free"),
            row("a", ScimStatus::Free, "All plans", "Free", "Free"),
            row("Bad Slug", ScimStatus::Free, "All plans", "Free", "Free"),
        ];
        let mut h = header(4);
        h.last_updated = "2026-05".into();
        h.license = "CC-BY-NC 4.0".into();
        let r = read(&h, &rows, &record());
        let fields: Vec<&str> = r.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "count",
                "last_updated",
                "license",
                "vendors[1].slug",
                "vendors[2].slug",
                // Its address has the slug's space in it.
                "vendors[2].pricing_page_url"
            ]
        );
        assert_eq!(r.vendors.len(), 1);
        assert_eq!(r.prices.len(), 2);
        let ok = read(&header(1), &rows[..1], &record());
        assert!(ok.problems.is_empty());
    }

    #[test]
    fn curated_profiles_win_and_differences_are_recorded() {
        let (theirs, _, _) = vendor_of(
            &row(
                "acme",
                ScimStatus::Gated,
                "Business",
                "$15/u/mo",
                "Team: $8/u/mo",
            ),
            &record(),
        );
        // The same facts: no disagreement (plan names in another case agree).
        let mut ours = theirs.clone();
        ours.profile = Profile::Full;
        ours.scim.status = None;
        ours.scim.plan = Some("BUSINESS".into());
        ours.plans[1].name = "BUSINESS".into();
        ours.source.title = "Our guide".into();
        let mut vendors = vec![ours.clone()];
        let m = merge(&mut vendors, vec![theirs.clone()]);
        assert_eq!(m.overlapping, ["acme"]);
        assert_eq!(m.added, 0);
        assert_eq!(vendors.len(), 1);
        assert!(vendors[0].source_disagreements.is_empty());
        assert_eq!(vendors[0].source.title, "Our guide");

        // Another plan at another price: both recorded, with both sources.
        ours.scim.plan = Some("Enterprise".into());
        ours.plans[1].name = "Enterprise".into();
        ours.plans[1].price = Price::Quote {
            estimate: None,
            estimate_basis: None,
        };
        let found = disagreements(&ours, &theirs);
        let topics: Vec<Topic> = found.iter().map(|d| d.topic).collect();
        assert_eq!(topics, [Topic::ScimPlan, Topic::ScimPlanPrice]);
        assert_eq!(found[0].ours.value, "Enterprise");
        assert_eq!(found[0].theirs.value, "Business");
        assert_eq!(found[0].theirs.date, "2026-04");
        assert!(found[1].theirs.value.contains("$15 per user per month"));

        // A second dataset with the same new slug collides.
        let mut vendors = vec![];
        merge(&mut vendors, vec![theirs.clone()]);
        let m = merge(&mut vendors, vec![theirs]);
        assert_eq!(m.collisions, ["acme"]);
    }
}
