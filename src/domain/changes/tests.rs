//! Two releases written here, with one vendor for each kind of change.

use super::*;
use crate::domain::price_text;
use crate::domain::vendor::ScimStatus::{self, Free, Gated, Unknown};

fn price(text: &str) -> StatedPrice {
    StatedPrice {
        text: text.into(),
        price: price_text::parse(text, "the index").price,
    }
}

fn row(
    release: &str,
    status: ScimStatus,
    plan: Option<&str>,
    scim: &str,
    team: &str,
) -> ReleaseRow {
    ReleaseRow {
        stated_by: StatedBy::Release(release.into()),
        name: "x".into(),
        category: Some("Sales & CRM".into()),
        status,
        scim_plan: plan.map(Into::into),
        scim_price: price(scim),
        team_plan: Some("Team".into()),
        team_price: price(team),
        status_prev: None,
        pricing_url: "https://example.com/pricing".into(),
    }
}

fn april(
    slug: &str,
    status: ScimStatus,
    plan: Option<&str>,
    scim: &str,
    team: &str,
) -> (String, ReleaseRow) {
    let mut r = row("2026-04", status, plan, scim, team);
    r.name = slug.to_uppercase();
    (slug.into(), r)
}

fn october(
    slug: &str,
    status: ScimStatus,
    plan: Option<&str>,
    scim: &str,
    team: &str,
    prev: ScimStatus,
) -> (String, ReleaseRow) {
    let mut r = row("2026-10", status, plan, scim, team);
    r.name = slug.to_uppercase();
    r.status_prev = Some(prev);
    (slug.into(), r)
}

fn history() -> History {
    let before = BTreeMap::from([
        april("ungated", Gated, Some("Business"), "$15/u/mo", "$8/u/mo"),
        april("replanned", Gated, Some("Business"), "$15/u/mo", "$8/u/mo"),
        april("newgate", Free, Some("Team"), "$8/u/mo", "$8/u/mo"),
        april(
            "dropped",
            Gated,
            Some("Enterprise"),
            "Contact Sales",
            "$10/u/mo",
        ),
        april("offered", ScimStatus::None, None, "—", "$10/u/mo"),
        april(
            "vague",
            Gated,
            Some("Enterprise"),
            "Contact Sales",
            "$10/u/mo",
        ),
        april("documented", Unknown, None, "Not disclosed", "$10/u/mo"),
        april("pricier", Gated, Some("Business"), "$7.99/u/mo", "$4/u/mo"),
        april("cheaper", Gated, Some("Business"), "$20/u/mo", "$10/u/mo"),
        april(
            "reworded",
            Gated,
            Some("Business"),
            "$10/member/mo",
            "$5/u/mo",
        ),
        april(
            "reunit",
            Gated,
            Some("Business"),
            "$10/u/mo",
            "$19.95/mo flat",
        ),
        april(
            "renamed",
            Gated,
            Some("Business"),
            "Contact Sales",
            "$5/u/mo",
        ),
        april(
            "gone",
            Gated,
            Some("Enterprise"),
            "Contact Sales",
            "$5/u/mo",
        ),
        april(
            "steady",
            Gated,
            Some("Enterprise"),
            "Contact Sales",
            "$5/u/mo",
        ),
    ]);
    let after = BTreeMap::from([
        october("ungated", Free, Some("Team"), "$8/u/mo", "$8/u/mo", Gated),
        // The team plan has another name: its price is another plan's, not a move.
        {
            let (slug, mut r) = october(
                "replanned",
                Gated,
                Some("Business"),
                "$15/u/mo",
                "$12/u/mo",
                Gated,
            );
            r.team_plan = Some("Starter".into());
            (slug, r)
        },
        october(
            "newgate",
            Gated,
            Some("Business"),
            "$12/u/mo",
            "$8/u/mo",
            Free,
        ),
        october("dropped", ScimStatus::None, None, "—", "$10/u/mo", Gated),
        october(
            "offered",
            Gated,
            Some("Enterprise"),
            "Contact Sales",
            "$10/u/mo",
            ScimStatus::None,
        ),
        october("vague", Unknown, None, "Not disclosed", "$10/u/mo", Gated),
        // The row's own previous status is not what the April file says.
        october(
            "documented",
            ScimStatus::None,
            None,
            "—",
            "$10/u/mo",
            ScimStatus::None,
        ),
        october(
            "pricier",
            Gated,
            Some("Business"),
            "Business: $8.99/u/mo (annual)",
            "$4/u/mo",
            Gated,
        ),
        october(
            "cheaper",
            Gated,
            Some("Business"),
            "$16/u/mo",
            "$10/u/mo",
            Gated,
        ),
        october(
            "reworded",
            Gated,
            Some("Business"),
            "Business: $10/member/mo (annual)",
            "$5/u/mo",
            Gated,
        ),
        october(
            "reunit",
            Gated,
            Some("Business"),
            "$10/u/mo",
            "$24.95/mo flat for 10 members",
            Gated,
        ),
        october(
            "renamed",
            Gated,
            Some("Enterprise Plus"),
            "Contact Sales",
            "$5/u/mo",
            Gated,
        ),
        october(
            "steady",
            Gated,
            Some("enterprise "),
            "Contact Sales",
            "$5/u/mo",
            Gated,
        ),
        {
            let mut r = row("2026-10", Free, Some("Team"), "$6/u/mo", "$6/u/mo");
            r.name = "NEW".into();
            ("new".into(), r)
        },
    ]);
    build(
        Some(Releases {
            from: "2026-04".into(),
            before,
            to: "2026-10".into(),
            after,
        }),
        BTreeMap::new(),
    )
}

fn kinds(h: &History, slug: &str) -> Vec<ChangeKind> {
    h.of(slug).unwrap().kinds()
}

#[test]
fn one_vendor_of_each_kind() {
    use ChangeKind::*;
    let h = history();
    // The SCIM plan is another one: its price is that plan's, not a move.
    assert_eq!(kinds(&h, "ungated"), [GateRemoved]);
    assert_eq!(kinds(&h, "newgate"), [GateAdded]);
    assert_eq!(kinds(&h, "dropped"), [ScimDropped]);
    assert_eq!(kinds(&h, "offered"), [ScimOffered]);
    assert_eq!(kinds(&h, "vague"), [BecameUnknown]);
    assert_eq!(kinds(&h, "documented"), [NewlyDocumented]);
    assert_eq!(kinds(&h, "pricier"), [PriceUp]);
    assert_eq!(kinds(&h, "cheaper"), [PriceDown]);
    assert_eq!(kinds(&h, "renamed"), [ScimPlanChanged]);
    assert_eq!(kinds(&h, "new"), [Added]);
    assert_eq!(kinds(&h, "gone"), [Removed]);
    let counts = h.counts();
    assert_eq!(counts[&PriceUp], 1);
    assert_eq!(counts[&Added], 1);
    assert_eq!(counts[&Removed], 1);
    assert_eq!(counts[&StatusOther], 0, "a kind no vendor has counts zero");
    assert_eq!(counts.len(), ChangeKind::ALL.len());
}

#[test]
fn a_price_moves_only_in_one_unit_with_exact_figures() {
    let h = history();
    let step = &h.of("pricier").unwrap().steps[0];
    assert!(step.changes.iter().any(|c| matches!(c,
        FieldChange::ScimPrice { moved: PriceMove::Up { from, to, .. }, .. } if *from == 7.99 && *to == 8.99)));
    // The multiplier is recomputed from the prices: 7.99 / 4 = 2.0, 8.99 / 4 = 2.2.
    assert!(step
        .changes
        .contains(&FieldChange::Multiplier { from: 2.0, to: 2.2 }));

    // New words around the same price: listed as reworded, counted as no move.
    let reworded = h.of("reworded").unwrap();
    assert!(reworded.kinds().is_empty());
    assert!(!reworded.changed(), "new words are not news");
    assert!(matches!(
        reworded.steps[0].changes[..],
        [FieldChange::ScimPrice {
            moved: PriceMove::Reworded,
            ..
        }]
    ));

    // A flat fee before, seats with members included now: not comparable, no move.
    let reunit = h.of("reunit").unwrap();
    assert!(reunit.kinds().is_empty());
    assert!(matches!(
        reunit.steps[0].changes[..],
        [FieldChange::TeamPrice {
            moved: PriceMove::NotComparable,
            ..
        }]
    ));

    // Another team plan's price is not a move of this one's.
    let replanned = h.of("replanned").unwrap();
    assert!(replanned.kinds().is_empty());
    assert!(replanned.steps[0].changes.iter().any(|c| matches!(
        c,
        FieldChange::TeamPrice {
            moved: PriceMove::OtherPlan,
            ..
        }
    )));

    // A plan's case and spaces are not a change.
    assert!(!h.of("steady").unwrap().changed());
    assert!(!h.changed("steady"));
}

#[test]
fn a_rows_own_previous_status_is_checked_against_the_earlier_file() {
    let h = history();
    assert_eq!(
        h.of("documented").unwrap().steps[0].stated_prev_differs,
        Some(ScimStatus::None)
    );
    assert_eq!(h.of("ungated").unwrap().steps[0].stated_prev_differs, None);
    assert_eq!(h.stated_prev_differs(), 1);
}

#[test]
fn the_filters_pick_by_kind_and_category() {
    let h = history();
    let q = |kind: Option<ChangeKind>, category: Option<&str>| {
        query::ChangesQuery {
            kind,
            category: category.map(Into::into),
        }
        .select(&h)
        .iter()
        .map(|v| v.slug.clone())
        .collect::<Vec<_>>()
    };
    assert_eq!(q(Some(ChangeKind::PriceUp), None), ["pricier"]);
    assert_eq!(q(Some(ChangeKind::Removed), Some("sales & crm")), ["gone"]);
    assert!(q(None, Some("Design")).is_empty());
    // Every changed vendor, by name; an unchanged one never.
    assert_eq!(q(None, None).len(), 11, "reworded and reunit are not news");
    let read = |q: &str| query::parse(&crate::domain::url::Query::parse(q), &h);
    let (parsed, issues) = read("kind=price_up&category=Sales%20%26%20CRM");
    assert_eq!(parsed.kind, Some(ChangeKind::PriceUp));
    assert!(issues.is_empty());
    assert_eq!(parsed.encode(), "kind=price_up&category=Sales+%26+CRM");
    let (_, issues) = read("kind=bogus");
    assert_eq!(issues.len(), 1);
    // A category no changed vendor has is ignored and said, not an empty list.
    let (parsed, issues) = read("category=Nonsense");
    assert_eq!(parsed.category, None);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.contains("“Nonsense” is not a category"));
}

#[test]
fn our_profiles_earlier_checks_are_history_too() {
    use crate::domain::vendor::{EarlierCheck, Plan, Source, Tri, Vendor};
    let plan = Plan::per_user_month;
    let mut v = Vendor::new("acme".into(), "Acme".into(), Source::placeholder());
    v.scim.available = Tri::Yes;
    v.scim.plan = Some("Business".into());
    v.plans = vec![plan("Team", 8.0, Tri::No), plan("Business", 18.0, Tri::Yes)];
    assert!(
        profile::profile_rows(&v).is_empty(),
        "no earlier check, no history"
    );
    v.earlier_checks = vec![EarlierCheck {
        last_checked: "2026-05-01".into(),
        status: Gated,
        scim_plan: Some("Business".into()),
        scim_price: Some(plan("Business", 15.0, Tri::Yes).price),
        team_plan: Some("Team".into()),
        team_price: Some(plan("Team", 8.0, Tri::No).price),
    }];
    let h = build(
        None,
        BTreeMap::from([("acme".to_string(), profile::profile_rows(&v))]),
    );
    let acme = h.of("acme").unwrap();
    assert_eq!(acme.rows.len(), 2);
    assert_eq!(acme.kinds(), [ChangeKind::PriceUp]);
    assert_eq!(acme.steps[0].from, StatedBy::Profile("2026-05-01".into()));
    assert_eq!(acme.steps[0].to, StatedBy::Profile("2026-11-01".into()));
    assert_eq!(acme.updated(), Some("2026-11-01"));
}
