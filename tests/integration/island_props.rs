//! The calculator and the decision helper receive a vendor's facts as `VendorProps`, not
//! the whole `Vendor`: for every vendor in `data/`, across team sizes, plans and answers,
//! everything the islands compute and show from the props equals what the full vendor
//! gives, so no fact they read is left out.

use scim_ledger::domain::decision::{match_rows, questions_for};
use scim_ledger::domain::recommendation::{advise, conflict_sentence};
use scim_ledger::domain::report::evaluate;
use scim_ledger::domain::scenario;
use scim_ledger::domain::url::Query;
use scim_ledger::domain::vendor::{Basis, Figure, Idp, Period, Plan, Price, Source, Tri, Vendor};
use scim_ledger::ui::islands::vendor_props::VendorProps;

const SIZES: [&str; 5] = ["1", "20", "120", "500", "10000"];
const ANSWERS: [&[(&str, &str)]; 4] = [
    &[],
    &[("automate", "yes"), ("idp", "okta")],
    &[("automate", "no"), ("saml_only", "yes")],
    &[("features", "no"), ("urgent", "yes"), ("idp", "entra_id")],
];

fn same_figures(full: &Vendor, slim: &Vendor) {
    assert_eq!(questions_for(full), questions_for(slim), "{}", full.slug);
    let plans: Vec<Option<&str>> = std::iter::once(None)
        .chain(full.plans.iter().map(|p| Some(p.name.as_str())))
        .collect();
    for users in SIZES {
        for plan in &plans {
            for answers in ANSWERS {
                let mut pairs = vec![("vendor", full.slug.as_str()), ("users", users)];
                pairs.extend(plan.map(|p| ("plan", p)));
                pairs.extend(answers.iter().copied());
                let q = Query::from_pairs(pairs);
                let case = format!("{} {q}", full.slug);
                let (s, issues) = scenario::parse(&q);
                let report = evaluate(Some(full), s.clone(), issues.clone());
                assert_eq!(report, evaluate(Some(slim), s.clone(), issues), "{case}");
                assert_eq!(match_rows(full, &s), match_rows(slim, &s), "{case}");
                let rec = advise(Some(full), &report);
                assert_eq!(rec, advise(Some(slim), &report), "{case}");
                if let Some(c) = rec.conflict.as_ref() {
                    assert_eq!(
                        conflict_sentence(c, full, &report),
                        conflict_sentence(c, slim, &report),
                        "{case}"
                    );
                }
            }
        }
    }
    for idp in Idp::ALL {
        assert_eq!(
            full.idp(idp).map(|s| s.provisioning),
            slim.idp(idp).map(|s| s.provisioning)
        );
    }
}

#[test]
fn the_islands_props_give_the_same_figures_as_the_whole_vendor() {
    let catalog = crate::common::catalog();
    for v in &catalog.vendors {
        let slim = VendorProps::of(v).into_vendor();
        same_figures(v, &slim);
    }
}

#[test]
fn a_fee_with_users_included_travels_in_the_props() {
    // Built here, not read from `data/`: no vendor file has such a price yet.
    let source = Source {
        title: "t".into(),
        url: "https://example.com".into(),
        publisher: "p".into(),
        page_updated: None,
        last_checked: "2026-10-01".into(),
        licence: None,
    };
    let mut v = Vendor::new("metabase".into(), "Metabase".into(), source);
    let seats = Price::Seats {
        fee: Figure::point(Basis::Flat, Period::Month, 517.5),
        included: 10,
        extra: Some(Figure::point(Basis::PerUser, Period::Year, 130.0)),
        max_extra: Some(400),
    };
    let plan = |name: &str, price: Price, scim: Tri| Plan {
        name: name.into(),
        price,
        sso: Tri::Unknown,
        scim,
        min_seats: None,
        note: None,
    };
    v.plans = vec![
        plan(
            "Starter",
            Price::Stated {
                figure: Figure::point(Basis::PerUser, Period::Month, 85.0),
            },
            Tri::No,
        ),
        plan("Pro", seats.clone(), Tri::Yes),
    ];
    v.scim.plan = Some("Pro".into());
    let slim = VendorProps::of(&v).into_vendor();
    assert_eq!(slim.scim_plan().map(|p| &p.price), Some(&seats));
    same_figures(&v, &slim);
}

#[test]
fn the_props_leave_out_what_the_islands_never_show() {
    let catalog = crate::common::catalog();
    let mode = catalog.vendor("mode").unwrap();
    let full = serde_json::to_string(mode).unwrap();
    let props = serde_json::to_string(&VendorProps::of(mode)).unwrap();
    assert!(
        props.len() * 3 < full.len(),
        "{} bytes of {}",
        props.len(),
        full.len()
    );
    for guide_only in [&mode.summary[0], &mode.source.url] {
        assert!(!props.contains(guide_only.as_str()), "{guide_only}");
    }
}
