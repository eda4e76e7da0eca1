//! The SCIM Tax Index's schema v3 (the October 2026 release, `data.csv`): 35 columns a row,
//! read by header name on the server (`csv` crate) into [`RowV3`] with every enum checked
//! by serde, then turned here into a [`Vendor`] that carries every fact of the row
//! ([`IndexFacts`]). The publisher's prose (`evidence`, `notes`) is read past, never kept.
//!
//! Pure: the server reads the file and hands the parsed rows here.

use super::{check_row, estimate_basis, is_https, scim_plan_name, PriceRead, Problem, Read};
use crate::domain::changes::{ReleaseRow, StatedBy, StatedPrice};
use crate::domain::dataset::DatasetRecord;
use crate::domain::price_text::{self, PriceText};
use crate::domain::vendor::{
    Confidence, IdpMatrix, IdpRoute, IdpSupport, IndexFacts, IndexPrice, Plan, Price, PriceCheck,
    Profile, Provisioning, Reference, Scim, ScimOperations, ScimStatus, Source, Sso, Tri, Vendor,
};
use serde::Deserialize;

/// The `adapter` a `SOURCE.toml` names for this format.
pub const ADAPTER: &str = "scim-tax-index-v3";

/// The file's columns, each by the name its header gives it; no other column is accepted.
pub const COLUMNS: [&str; 35] = [
    "vendor",
    "slug",
    "category",
    "status",
    "scim_plan",
    "scim_price_text",
    "scim_price_per_user_mo",
    "team_plan",
    "team_price_text",
    "team_price_per_user_mo",
    "price_multiplier",
    "sso_plan",
    "sso_price_per_user_mo",
    "sso_required_for_scim",
    "scim_addon_price_text",
    "min_seats",
    "scim_create",
    "scim_update",
    "scim_deactivate",
    "scim_delete",
    "scim_groups",
    "idp_okta",
    "idp_entra",
    "idp_google",
    "idp_onelogin",
    "idp_jumpcloud",
    "idp_generic",
    "pricing_page_url",
    "docs_url",
    "evidence",
    "notes",
    "confidence",
    "last_verified",
    "first_added",
    "status_prev",
];

/// The publisher's fixed list of categories lives with the category figures.
use crate::domain::categories::CATEGORIES;

/// One row of `data.csv`. An empty cell is `None` (not documented); an enum cell outside
/// its values fails to parse, naming the column.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RowV3 {
    pub vendor: String,
    pub slug: String,
    pub category: String,
    pub status: ScimStatus,
    pub scim_plan: Option<String>,
    pub scim_price_text: Option<String>,
    pub scim_price_per_user_mo: Option<f64>,
    pub team_plan: Option<String>,
    pub team_price_text: Option<String>,
    pub team_price_per_user_mo: Option<f64>,
    pub price_multiplier: Option<f64>,
    pub sso_plan: Option<String>,
    pub sso_price_per_user_mo: Option<f64>,
    pub sso_required_for_scim: Option<bool>,
    pub scim_addon_price_text: Option<String>,
    pub min_seats: Option<u32>,
    pub scim_create: Option<bool>,
    pub scim_update: Option<bool>,
    pub scim_deactivate: Option<bool>,
    pub scim_delete: Option<bool>,
    pub scim_groups: Option<bool>,
    pub idp_okta: Option<IdpRoute>,
    pub idp_entra: Option<IdpRoute>,
    pub idp_google: Option<IdpRoute>,
    pub idp_onelogin: Option<IdpRoute>,
    pub idp_jumpcloud: Option<IdpRoute>,
    pub idp_generic: Option<bool>,
    pub pricing_page_url: String,
    pub docs_url: Option<String>,
    pub confidence: Confidence,
    pub last_verified: String,
    pub first_added: String,
    pub status_prev: Option<ScimStatus>,
}

fn tri(b: Option<bool>) -> Tri {
    match b {
        Some(true) => Tri::Yes,
        Some(false) => Tri::No,
        None => Tri::Unknown,
    }
}

/// A text cell as a fact: empty and the dash mean the index states none.
fn stated(cell: &Option<String>) -> Option<String> {
    cell.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.starts_with('—'))
        .map(str::to_string)
}

/// Checks each row (columns the types cannot check) and turns each sound row into a vendor.
/// A problem names the file's line (the header is line 1), the slug and the column.
pub fn read(rows: &[RowV3], record: &DatasetRecord) -> Read {
    let mut out = Read::default();
    let mut seen = std::collections::HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        let before = out.problems.len();
        let mut fail = |column: &str, reason: String| {
            out.problems.push(Problem {
                // Line 1 is the header.
                field: format!("row {} ({}), column {column}", i + 2, row.slug),
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
        if !CATEGORIES.contains(&row.category.as_str()) {
            fail(
                "category",
                format!("`{}` is not one of the index's 21 categories", row.category),
            );
        }
        if let Some(url) = stated(&row.docs_url) {
            if !is_https(&url) {
                fail("docs_url", format!("`{url}` is not an https:// address"));
            }
        }
        // `last_verified` and `first_added` are checked as dates by the server's reader,
        // which holds the calendar (`server::check`).
        for (column, n) in [
            ("scim_price_per_user_mo", row.scim_price_per_user_mo),
            ("team_price_per_user_mo", row.team_price_per_user_mo),
            ("sso_price_per_user_mo", row.sso_price_per_user_mo),
            ("price_multiplier", row.price_multiplier),
        ] {
            if n.is_some_and(|n| !n.is_finite() || n < 0.0) {
                fail(column, "must be a number of zero or more".into());
            }
        }
        if row.min_seats == Some(0) {
            fail(
                "min_seats",
                "a seat minimum of 0 is no minimum: leave it empty".into(),
            );
        }
        if out.problems.len() > before {
            continue;
        }
        let (vendor, reads) = vendor_of(row, record);
        out.prices.extend(reads);
        out.vendors.push(vendor);
    }
    out
}

/// A price cell read, and checked against the publisher's per-user figure.
fn price_of(text: &Option<String>, figure: Option<f64>, basis: &str) -> (PriceText, IndexPrice) {
    let written = text.as_deref().unwrap_or("").trim().to_string();
    let read = price_text::parse(&written, basis);
    let (price, check) = price_text::reconcile(&read, figure);
    (
        PriceText { price, ..read },
        IndexPrice {
            text: written,
            per_user_month: figure,
            check,
        },
    )
}

/// What a check means for the reader, where it is more than "the price as written".
fn check_note(plan: &str, p: &IndexPrice) -> Option<String> {
    let figure = p.per_user_month.map(crate::domain::format::usd);
    match (p.check, figure) {
        (PriceCheck::Contradict, Some(f)) => Some(format!(
            "The index writes {plan}'s price as “{}” but gives {f} per user a month as its figure; the two disagree, so neither is used as certain.",
            p.text
        )),
        (PriceCheck::TextSaysMore, Some(f)) => Some(format!(
            "The index's {f} per user a month for {plan} is its own normalisation of “{}”; we cost what the text says, at your team size.",
            p.text
        )),
        (PriceCheck::FigureOnly, Some(f)) => Some(format!(
            "The index normalises {plan}'s price, “{}”, to {f} per user a month; we cannot read the text with certainty, so it is not costed.",
            p.text
        )),
        _ => None,
    }
}

/// The current release's row of a vendor, as the history (`domain::changes`) compares it:
/// its prices read and checked against the publisher's figures as on the vendor's page.
pub fn release_row(name: &str, f: &IndexFacts) -> ReleaseRow {
    let stated = |p: &IndexPrice| StatedPrice {
        text: p.text.clone(),
        price: price_of(&Some(p.text.clone()), p.per_user_month, "the index")
            .0
            .price,
    };
    ReleaseRow {
        stated_by: StatedBy::Release(f.release.clone()),
        name: name.to_string(),
        category: Some(f.category.clone()),
        status: f.status,
        scim_plan: f.scim_plan.clone(),
        scim_price: stated(&f.scim_price),
        team_plan: f.team_plan.clone(),
        team_price: stated(&f.team_price),
        status_prev: f.status_prev,
        pricing_url: f.pricing_url.clone(),
    }
}

/// One row as a vendor, and its prices as read.
pub fn vendor_of(row: &RowV3, record: &DatasetRecord) -> (Vendor, Vec<PriceRead>) {
    let basis = estimate_basis(record);
    let (scim_read, scim_price) =
        price_of(&row.scim_price_text, row.scim_price_per_user_mo, &basis);
    let (team_read, team_price) =
        price_of(&row.team_price_text, row.team_price_per_user_mo, &basis);
    let scim_name = row.scim_plan.as_deref().and_then(scim_plan_name);
    let team_name = stated(&row.team_plan).or_else(|| team_read.plan.clone());
    let sso_name = stated(&row.sso_plan);
    let base_scim = match row.status {
        ScimStatus::Gated | ScimStatus::None => Tri::No,
        ScimStatus::Free => Tri::Yes,
        _ => Tri::Unknown,
    };
    let same =
        |a: &Option<String>, b: &str| a.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(b));
    let mut plans: Vec<Plan> = Vec::new();
    let mut notes = Vec::new();
    if let Some(name) = &team_name {
        let is_scim = same(&scim_name, name);
        plans.push(Plan {
            name: name.clone(),
            price: team_read.price.clone(),
            sso: if same(&sso_name, name) {
                Tri::Yes
            } else {
                Tri::Unknown
            },
            scim: if is_scim { Tri::Yes } else { base_scim },
            min_seats: if is_scim {
                row.min_seats.or(scim_read.min_seats)
            } else {
                team_read.min_seats
            },
            note: None,
        });
        notes.extend(check_note(name, &team_price));
    }
    if let Some(sso) = &sso_name {
        if !same(&team_name, sso) && !same(&scim_name, sso) {
            // The SSO plan's price is only the index's normalised figure: shown in the facts,
            // never costed.
            plans.push(Plan {
                name: sso.clone(),
                price: Price::Unknown,
                sso: Tri::Yes,
                scim: base_scim,
                min_seats: None,
                note: Some(
                    "The middle tier: single sign-on without SCIM, as the index has it.".into(),
                ),
            });
        }
    }
    if let Some(name) = &scim_name {
        if !same(&team_name, name) {
            plans.push(Plan {
                name: name.clone(),
                price: scim_read.price.clone(),
                sso: if same(&sso_name, name) {
                    Tri::Yes
                } else {
                    Tri::Unknown
                },
                scim: Tri::Yes,
                min_seats: row.min_seats.or(scim_read.min_seats),
                note: None,
            });
        }
        notes.extend(check_note(name, &scim_price));
    } else if !matches!(scim_read.price, Price::Unknown) && !scim_price.text.is_empty() {
        notes.push(format!(
            "The index gives SCIM's price as “{}” without naming a plan for it.",
            scim_price.text
        ));
    }
    if plans.is_empty() {
        plans.push(Plan {
            name: "Base plan".into(),
            price: Price::Unknown,
            sso: Tri::Unknown,
            scim: base_scim,
            min_seats: None,
            note: None,
        });
    }
    let idps = IdpMatrix {
        okta: row.idp_okta,
        entra: row.idp_entra,
        google: row.idp_google,
        onelogin: row.idp_onelogin,
        jumpcloud: row.idp_jumpcloud,
        generic_endpoint: tri(row.idp_generic),
    };
    let operations = ScimOperations {
        create: tri(row.scim_create),
        update: tri(row.scim_update),
        deactivate: tri(row.scim_deactivate),
        delete: tri(row.scim_delete),
        groups: tri(row.scim_groups),
    };
    let available = match row.status {
        ScimStatus::Free | ScimStatus::Gated | ScimStatus::Partial => Tri::Yes,
        ScimStatus::None => Tri::No,
        ScimStatus::Unknown => Tri::Unknown,
    };
    let name = row.vendor.trim().to_string();
    let docs_url = stated(&row.docs_url);
    let mut references = vec![Reference {
        title: format!("{name} pricing page"),
        url: Some(row.pricing_page_url.trim().to_string()),
        fact: "The vendor's pricing page, which the index cites: the current prices are there."
            .into(),
    }];
    if let Some(url) = &docs_url {
        references.push(Reference {
            title: format!("{name} provisioning documentation"),
            url: Some(url.clone()),
            fact: "The vendor's SCIM or provisioning documentation, which the index cites.".into(),
        });
    }
    let source = Source {
        title: record.title.clone(),
        url: record.url.clone(),
        publisher: record.publisher.clone(),
        page_updated: None,
        last_checked: row.last_verified.clone(),
        licence: Some(record.licence.clone()),
    };
    // How each price was read, for the start-up report (the text as the index writes it).
    let reads = vec![
        PriceRead {
            slug: row.slug.clone(),
            column: "team_price_text",
            text: team_price.text.clone(),
            price: team_read.price,
        },
        PriceRead {
            slug: row.slug.clone(),
            column: "scim_price_text",
            text: scim_price.text.clone(),
            price: scim_read.price,
        },
    ];
    let facts = IndexFacts {
        release: record.dataset_date.clone(),
        category: row.category.clone(),
        status: row.status,
        scim_plan: scim_name.clone(),
        scim_price,
        team_plan: team_name,
        team_price,
        price_multiplier: row.price_multiplier,
        sso_plan: sso_name.clone(),
        sso_price_per_user_month: row.sso_price_per_user_mo,
        sso_required_for_scim: tri(row.sso_required_for_scim),
        scim_addon_price: stated(&row.scim_addon_price_text),
        min_seats: row.min_seats,
        operations,
        idps,
        pricing_url: row.pricing_page_url.trim().to_string(),
        docs_url,
        confidence: row.confidence,
        last_verified: row.last_verified.clone(),
        first_added: row.first_added.clone(),
        status_prev: row.status_prev,
        filled: vec![],
    };
    let vendor = Vendor {
        category: Some(row.category.clone()),
        summary: vec![format!(
            "We know {name} from its row in {} ({}): the facts below are the index's, restated in our words, with the index's confidence in them. We have not checked them ourselves; the vendor's pages have the current figures.",
            record.title, record.dataset_date
        )],
        profile: Profile::Index,
        references,
        scim: Scim {
            available,
            status: Some(row.status),
            plan: scim_name,
            sso_required_first: tri(row.sso_required_for_scim),
            operations: operations
                .rows()
                .iter()
                .filter(|(_, t)| *t == Tri::Yes)
                .map(|(n, _)| n.to_string())
                .collect(),
            vendor_docs: if facts.docs_url.is_some() { Tri::Yes } else { Tri::Unknown },
            ..Default::default()
        },
        sso: Sso {
            available: if sso_name.is_some() { Tri::Yes } else { Tri::Unknown },
            plan: sso_name,
            ..Default::default()
        },
        idps: idp_support(&idps),
        plans,
        pricing_notes: notes,
        index: Some(Box::new(facts)),
        ..Vendor::new(row.slug.clone(), name, source)
    };
    (vendor, reads)
}

/// The index's matrix in our model: a native app or the generic endpoint provisions by
/// SCIM; SSO only does not; an IdP the index does not rate is left out.
pub fn idp_support(m: &IdpMatrix) -> Vec<IdpSupport> {
    m.rows()
        .into_iter()
        .filter_map(|(idp, route)| {
            let route = route?;
            let (sso, provisioning) = match route {
                IdpRoute::Native | IdpRoute::ViaGeneric => (Tri::Unknown, Provisioning::Scim),
                IdpRoute::SsoOnly => (Tri::Yes, Provisioning::No),
                IdpRoute::None => (Tri::No, Provisioning::No),
            };
            Some(IdpSupport {
                idp,
                sso,
                provisioning,
                note: Some(format!(
                    "The SCIM Tax Index: {}.",
                    route.label().to_ascii_lowercase()
                )),
            })
        })
        .collect()
}

/// Whether the index's route for an IdP and our profile's provisioning say the same.
pub fn route_agrees(route: IdpRoute, ours: Provisioning) -> Option<bool> {
    let theirs_scim = matches!(route, IdpRoute::Native | IdpRoute::ViaGeneric);
    match ours {
        Provisioning::Unknown => None,
        Provisioning::Scim => Some(theirs_scim),
        Provisioning::Jit | Provisioning::No => Some(!theirs_scim),
    }
}
