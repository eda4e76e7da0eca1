//! The decision helper's logic: the reader's answers (from the URL) matched against the
//! conditions of a vendor's decision table. Pure functions, shared by server and browser.
//!
//! A row applies when none of its conditions is contradicted by an answer. Of those, the
//! row with the most conditions confirmed wins (table order breaks ties). A row none of
//! whose conditions is confirmed is never picked from answers alone: then the cost figures
//! decide (`cost::verdict::matching_row`).

use crate::domain::cost::upgrade::current_plan;
use crate::domain::questions::{self, IdpChoice, Question};
use crate::domain::scenario::{self, Scenario, JOINERS, LEAVERS, USERS};
use crate::domain::vendor::{DecisionRow, Provisioning, Vendor};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Every query key the helper's form owns: the scenario keys it shares with the
/// calculator, then the answers' (`questions::KEYS`).
pub static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut keys = vec![
        scenario::VENDOR,
        scenario::PLAN,
        USERS.key,
        JOINERS.key,
        LEAVERS.key,
    ];
    keys.extend(questions::KEYS.iter().copied());
    keys
});

/// The questions worth asking for this vendor: those its decision table depends on.
pub fn questions_for(v: &Vendor) -> Vec<Question> {
    Question::ALL
        .into_iter()
        .filter(|q| v.decision.iter().any(|r| q.wanted(&r.when).is_some()))
        .collect()
}

/// Whether any row depends on the reader's identity provider.
pub fn asks_idp(v: &Vendor) -> bool {
    v.decision.iter().any(|r| r.when.idp_provisions.is_some())
}

/// Whether the reader's IdP provisions this vendor by SCIM; `None` when no IdP is given.
pub fn idp_provisions(v: &Vendor, idp: Option<IdpChoice>) -> Option<bool> {
    match idp? {
        IdpChoice::Other => Some(false),
        IdpChoice::Known(i) => Some(v.idp(i).map(|s| s.provisioning) == Some(Provisioning::Scim)),
    }
}

/// One condition of a row, checked against the answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The condition in words, e.g. "team of 50 or fewer".
    pub text: String,
    /// `Some(true)` met, `Some(false)` contradicted, `None` not answered.
    pub met: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowFit {
    pub checks: Vec<Check>,
}

impl RowFit {
    pub fn contradicted(&self) -> bool {
        self.checks.iter().any(|c| c.met == Some(false))
    }
    pub fn confirmed(&self) -> usize {
        self.checks.iter().filter(|c| c.met == Some(true)).count()
    }
    pub fn open(&self) -> usize {
        self.checks.iter().filter(|c| c.met.is_none()).count()
    }
}

/// Checks every condition of one row.
pub fn fit(v: &Vendor, row: &DecisionRow, s: &Scenario) -> RowFit {
    let w = &row.when;
    let mut checks = Vec::new();
    if !w.plans.is_empty() {
        let plan = current_plan(v, &s.upgrade).map(|p| p.name.clone());
        checks.push(Check {
            text: format!("on {}", w.plans.join(" or ")),
            met: Some(plan.is_some_and(|p| w.plans.contains(&p))),
        });
    }
    if let Some(max) = w.max_users {
        checks.push(Check {
            // The sources say "small" and "few"; the numbers are ours, and the page says so.
            text: format!("a team of {max} or fewer (our reading of “small”)"),
            met: Some(s.users <= max),
        });
    }
    if let Some(max) = w.max_changes {
        checks.push(Check {
            text: format!("{max} or fewer joiners and leavers a year (our reading of “few”)"),
            met: Some(s.changes_a_year() <= max),
        });
    }
    if let Some(want) = w.idp_provisions {
        checks.push(Check {
            text: if want {
                "your identity provider provisions this app by SCIM".into()
            } else {
                "your identity provider has no documented SCIM connector for this app".into()
            },
            met: idp_provisions(v, s.answers.idp).map(|has| has == want),
        });
    }
    for q in Question::ALL {
        if let Some(want) = q.wanted(w) {
            checks.push(Check {
                text: q.condition_text(want).into(),
                met: s.answers.answer(q).map(|a| a == want),
            });
        }
    }
    RowFit { checks }
}

/// The outcome of matching: every row's fit and the chosen row, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowMatch {
    pub fits: Vec<RowFit>,
    /// The row the answers point to.
    pub chosen: Option<usize>,
    /// True when every condition of the chosen row is confirmed (not just not contradicted).
    pub certain: bool,
}

pub fn match_rows(v: &Vendor, s: &Scenario) -> RowMatch {
    let fits: Vec<RowFit> = v.decision.iter().map(|r| fit(v, r, s)).collect();
    let mut chosen: Option<usize> = None;
    for (i, f) in fits.iter().enumerate() {
        if f.contradicted() || f.confirmed() == 0 {
            continue;
        }
        let better = match chosen {
            None => true,
            Some(c) => {
                let best = &fits[c];
                // More confirmed conditions wins; then fewer open ones; then table order.
                (f.confirmed(), std::cmp::Reverse(f.open()))
                    > (best.confirmed(), std::cmp::Reverse(best.open()))
            }
        };
        if better {
            chosen = Some(i);
        }
    }
    let certain = chosen.is_some_and(|c| fits[c].open() == 0);
    RowMatch {
        fits,
        chosen,
        certain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::url::Query;
    use crate::domain::vendor::{
        Action, Basis, Figure, Idp, IdpSupport, Period, Plan, Price, Tri, When,
    };

    fn vendor() -> Vendor {
        let plan = |name: &str, scim: Tri| Plan {
            name: name.into(),
            price: Price::Stated {
                figure: Figure::point(Basis::PerUser, Period::Month, 10.0),
            },
            sso: Tri::Yes,
            scim,
            min_seats: None,
            note: None,
        };
        let row = |action, when: When| DecisionRow {
            situation: "s".into(),
            action,
            reason: "r".into(),
            when,
        };
        let mut v: Vendor = serde_json::from_value(serde_json::json!({
            "slug": "acme", "name": "Acme", "category": "Test",
            "source": {"title": "t", "url": "https://example.com", "publisher": "p", "last_checked": "2026-01-01"}
        }))
        .expect("a minimal vendor");
        v.plans = vec![plan("Team", Tri::No), plan("Enterprise", Tri::Yes)];
        v.scim.plan = Some("Enterprise".into());
        v.idps = vec![IdpSupport {
            idp: Idp::Okta,
            sso: Tri::Yes,
            provisioning: Provisioning::Scim,
            note: None,
        }];
        v.decision = vec![
            row(
                Action::AutomateElsewhere,
                When {
                    plans: vec!["Team".into()],
                    needs_automation: Some(true),
                    ..Default::default()
                },
            ),
            row(
                Action::UseNativeScim,
                When {
                    plans: vec!["Enterprise".into()],
                    ..Default::default()
                },
            ),
            row(
                Action::StayManual,
                When {
                    max_users: Some(50),
                    max_changes: Some(12),
                    ..Default::default()
                },
            ),
            row(
                Action::AutomateElsewhere,
                When {
                    idp_provisions: Some(false),
                    ..Default::default()
                },
            ),
            row(
                Action::PlanMigration,
                When {
                    legacy: Some(true),
                    ..Default::default()
                },
            ),
        ];
        v
    }

    fn situation(query: &[(&str, &str)]) -> Scenario {
        scenario::parse(&Query::from_pairs(query.iter().copied())).0
    }

    #[test]
    fn default_answers_point_to_the_row_of_the_default_plan() {
        let m = match_rows(&vendor(), &situation(&[]));
        // On Team (the default plan) and automation not yet answered: likely, not certain.
        assert_eq!(m.chosen, Some(0));
        assert!(!m.certain);
    }

    #[test]
    fn confirming_every_condition_makes_the_match_certain() {
        let m = match_rows(
            &vendor(),
            &situation(&[("plan", "Team"), ("automate", "yes")]),
        );
        assert_eq!(m.chosen, Some(0));
        assert!(m.certain);
    }

    #[test]
    fn a_contradicted_row_is_never_chosen() {
        let m = match_rows(
            &vendor(),
            &situation(&[("plan", "Team"), ("automate", "no")]),
        );
        assert!(m.fits[0].contradicted());
        assert_eq!(m.chosen, None, "nothing else is confirmed at 500 people");
    }

    #[test]
    fn the_plan_that_includes_scim_points_to_native_scim() {
        let m = match_rows(&vendor(), &situation(&[("plan", "Enterprise")]));
        assert_eq!(m.chosen, Some(1));
        assert!(m.certain);
    }

    #[test]
    fn a_small_quiet_team_stays_manual() {
        // 20 people × 20 % a year = 4 changes.
        let m = match_rows(
            &vendor(),
            &situation(&[("users", "20"), ("automate", "no")]),
        );
        assert_eq!(m.chosen, Some(2));
        // The thresholds are ours, not the source's, and the conditions say so.
        let texts: Vec<&str> = m.fits[2].checks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a team of 50 or fewer (our reading of “small”)",
                "12 or fewer joiners and leavers a year (our reading of “few”)",
            ]
        );
        // 60 people is no longer small.
        let m = match_rows(
            &vendor(),
            &situation(&[("users", "60"), ("automate", "no")]),
        );
        assert_ne!(m.chosen, Some(2));
    }

    #[test]
    fn changes_follow_team_size_and_turnover() {
        let s = situation(&[("users", "100"), ("joiners", "5"), ("leavers", "7")]);
        assert_eq!(s.changes_a_year(), 12);
        let m = match_rows(&vendor(), &s);
        assert_eq!(m.fits[2].checks[1].met, Some(true));
        assert_eq!(m.fits[2].checks[0].met, Some(false));
    }

    #[test]
    fn the_idp_matrix_decides_the_idp_condition() {
        let v = vendor();
        let okta = situation(&[("idp", "okta"), ("automate", "no")]);
        assert_eq!(idp_provisions(&v, okta.answers.idp), Some(true));
        assert!(match_rows(&v, &okta).fits[3].contradicted());
        let google = situation(&[("idp", "google_workspace"), ("automate", "no")]);
        assert_eq!(match_rows(&v, &google).chosen, Some(3));
        let other = situation(&[("idp", "other"), ("automate", "no")]);
        assert_eq!(match_rows(&v, &other).chosen, Some(3));
    }

    #[test]
    fn more_confirmed_conditions_win_over_table_order() {
        let s = situation(&[("plan", "Team"), ("automate", "yes"), ("legacy", "yes")]);
        // Row 0 confirms two conditions, row 4 one.
        assert_eq!(match_rows(&vendor(), &s).chosen, Some(0));
        let s = situation(&[("plan", "Enterprise"), ("legacy", "yes")]);
        // One each: table order.
        assert_eq!(match_rows(&vendor(), &s).chosen, Some(1));
    }

    #[test]
    fn bad_answers_are_reported_not_fatal() {
        let q = Query::from_pairs([
            ("idp", "<script>"),
            ("automate", "maybe"),
            ("urgent", "YES"),
        ]);
        let (s, issues) = scenario::parse(&q);
        assert_eq!(s.answers.idp, None);
        assert_eq!(s.answers.answer(Question::NeedsAutomation), None);
        assert_eq!(s.answers.answer(Question::Urgent), Some(true));
        assert_eq!(issues.len(), 2);
        assert!(
            issues[0].message.contains("<script>"),
            "the page escapes it"
        );
    }

    #[test]
    fn only_the_questions_the_table_uses_are_asked() {
        let qs = questions_for(&vendor());
        assert_eq!(qs, vec![Question::NeedsAutomation, Question::Legacy]);
        assert!(asks_idp(&vendor()));
    }
}
