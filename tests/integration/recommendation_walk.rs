//! Walks every vendor in `data/` across team sizes, current plans and answers, and proves
//! the one advice (`recommendation::advise`) never advises, without saying so, an option
//! the figures show is dearer at every price in the range.

use scim_ledger::domain::decision::match_rows;
use scim_ledger::domain::recommendation::{advise, cheaper_than};
use scim_ledger::domain::report::evaluate;
use scim_ledger::domain::scenario;
use scim_ledger::domain::url::Query;
use std::path::Path;

const SIZES: [&str; 9] = ["1", "5", "20", "50", "100", "120", "500", "2000", "10000"];
const ANSWERS: [&[(&str, &str)]; 4] = [
    &[],
    &[("automate", "yes")],
    &[("automate", "no")],
    &[("automate", "yes"), ("features", "no"), ("urgent", "yes")],
];

#[test]
fn no_page_advises_a_dearer_option_without_saying_so() {
    let catalog = scim_ledger::server::load::load_catalog(Path::new("data")).unwrap();
    let (mut walked, mut conflicts) = (0, 0);
    for v in &catalog.vendors {
        let plans: Vec<Option<&str>> = std::iter::once(None)
            .chain(v.plans.iter().map(|p| Some(p.name.as_str())))
            .collect();
        for users in SIZES {
            for plan in &plans {
                for answers in ANSWERS {
                    let mut pairs = vec![("vendor", v.slug.as_str()), ("users", users)];
                    pairs.extend(plan.map(|p| ("plan", p)));
                    pairs.extend(answers.iter().copied());
                    let q = Query::from_pairs(pairs);
                    let (s, issues) = scenario::parse(&q);
                    let report = evaluate(Some(v), s.clone(), issues);
                    let m = match_rows(v, &s);
                    let case = format!("{} {q}", v.slug);

                    // The one advice every page gives: answers (or team size and plan) and
                    // figures, weighed once.
                    let rec = advise(Some(v), &report);
                    walked += 1;
                    if let Some(a) = rec.action {
                        if let Some(cheaper) = cheaper_than(a, &report) {
                            let c = rec
                                .conflict
                                .unwrap_or_else(|| panic!("unannounced dearer advice: {case}"));
                            assert!(!c.follows_figures, "{case}");
                            assert_eq!(c.cheaper, cheaper, "{case}");
                        }
                    }
                    if let Some(c) = rec.conflict {
                        conflicts += 1;
                        assert_eq!(Some(c.row), m.chosen, "{case}");
                        assert_eq!(
                            cheaper_than(c.row_action, &report),
                            Some(c.cheaper),
                            "{case}"
                        );
                    }
                }
            }
        }
    }
    // Mode at 100 people on Business/Pro is one such conflict (Enterprise is cheaper at
    // every price of its range; past 100 seats the range is not used, so no conflict).
    assert!(
        walked > 1_000 && conflicts > 0,
        "walked {walked}, conflicts {conflicts}"
    );
}
