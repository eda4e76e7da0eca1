//! The decision helper's logic: the reader's answers (from the URL) matched against the
//! conditions of a vendor's decision table. Pure functions, shared by server and browser.
//!
//! A row applies when none of its conditions is contradicted by an answer. Of those, the
//! row with the most conditions confirmed wins (table order breaks ties). A row none of
//! whose conditions is confirmed is never picked from answers alone: then the cost figures
//! decide (`cost::verdict::matching_row`).

use crate::domain::cost::upgrade::current_plan;
use crate::domain::keys::Key;
use crate::domain::scenario::{self, Scenario, JOINERS, LEAVERS, USERS};
use crate::domain::url::Query;
use crate::domain::vendor::{DecisionRow, Idp, Provisioning, Vendor, When};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A yes/no question of the helper. Which ones a vendor's page asks depends on the
/// conditions its decision table uses, so a new vendor needs no code change.
/// Its key (serde's name) is the query parameter that carries the answer (`yes` or `no`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    #[serde(rename = "automate")]
    NeedsAutomation,
    #[serde(rename = "saml_only")]
    SamlOnlyOk,
    Urgent,
    #[serde(rename = "features")]
    NeedsOtherFeatures,
    #[serde(rename = "groups")]
    ComplexGroups,
    Legacy,
    SingleSetup,
}

impl Key for Question {}

impl Question {
    pub const ALL: [Question; 7] = [
        Question::NeedsAutomation,
        Question::SamlOnlyOk,
        Question::Urgent,
        Question::NeedsOtherFeatures,
        Question::ComplexGroups,
        Question::Legacy,
        Question::SingleSetup,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Question::NeedsAutomation => {
                "Must accounts be created and removed automatically when people join and leave?"
            }
            Question::SamlOnlyOk => "Can SAML single sign-on be the only way to sign in?",
            Question::Urgent => "Do you need provisioning running within weeks rather than months?",
            Question::NeedsOtherFeatures => {
                "Do you need the SCIM plan's other features anyway (not just SCIM)?"
            }
            Question::ComplexGroups => "Do access rights depend on complex group or role rules?",
            Question::Legacy => {
                "Do you still run a legacy version of the product (before a rename or acquisition)?"
            }
            Question::SingleSetup => {
                "Would you rather avoid a second integration (SCIM) next to single sign-on?"
            }
        }
    }

    /// The condition this question answers, as a row states it.
    fn wanted(self, w: &When) -> Option<bool> {
        match self {
            Question::NeedsAutomation => w.needs_automation,
            Question::SamlOnlyOk => w.saml_only_ok,
            Question::Urgent => w.urgent,
            Question::NeedsOtherFeatures => w.needs_other_features,
            Question::ComplexGroups => w.complex_groups,
            Question::Legacy => w.legacy,
            Question::SingleSetup => w.single_setup,
        }
    }

    /// How a condition reads in the table ("yes: …" or "no: …").
    fn condition_text(self, wanted: bool) -> &'static str {
        match (self, wanted) {
            (Question::NeedsAutomation, true) => "you need automated provisioning",
            (Question::NeedsAutomation, false) => "manual provisioning is acceptable",
            (Question::SamlOnlyOk, true) => "SAML can be the only sign-in",
            (Question::SamlOnlyOk, false) => "SAML cannot be the only sign-in",
            (Question::Urgent, true) => "provisioning is needed quickly",
            (Question::Urgent, false) => "there is time for an implementation project",
            (Question::NeedsOtherFeatures, true) => "you need the plan's other features",
            (Question::NeedsOtherFeatures, false) => "you need SCIM only",
            (Question::ComplexGroups, true) => "access depends on complex group rules",
            (Question::ComplexGroups, false) => "access rules are simple",
            (Question::Legacy, true) => "you run the legacy product",
            (Question::Legacy, false) => "you run the current product",
            (Question::SingleSetup, true) => "you want to avoid a second integration",
            (Question::SingleSetup, false) => "a second integration is fine",
        }
    }
}

/// The query key of the reader's identity provider.
pub const IDP: &str = "idp";

/// Every query key the helper's form owns: the scenario keys it shares with the
/// calculator, the identity provider, and one per question.
pub static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut keys = vec![
        scenario::VENDOR,
        scenario::PLAN,
        USERS.key,
        JOINERS.key,
        LEAVERS.key,
        IDP,
    ];
    // Forms take `&'static str` keys and serde names are `String`s: seven small strings,
    // leaked once per process.
    keys.extend(Question::ALL.map(|q| &*Box::leak(q.key().into_boxed_str())));
    keys
});

/// The reader's identity provider, as the helper asks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdpChoice {
    Known(Idp),
    Other,
}

impl IdpChoice {
    const OTHER: &'static str = "other";

    pub fn key(self) -> String {
        match self {
            IdpChoice::Known(i) => i.key(),
            IdpChoice::Other => Self::OTHER.into(),
        }
    }

    pub fn parse(text: &str) -> Option<IdpChoice> {
        if text.trim() == Self::OTHER {
            return Some(IdpChoice::Other);
        }
        Idp::from_key(text).map(IdpChoice::Known)
    }
}

/// Everything the reader told us, parsed from the URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Situation {
    /// Team size, plan, joiners and leavers: the calculator's own parameters.
    pub scenario: Scenario,
    pub idp: Option<IdpChoice>,
    /// `(question, answer)`; a question left out is "not sure".
    pub answers: Vec<(Question, bool)>,
    /// Answers we could not read, as (parameter, message).
    pub issues: Vec<(String, String)>,
}

impl Situation {
    pub fn answer(&self, q: Question) -> Option<bool> {
        self.answers.iter().find(|(k, _)| *k == q).map(|(_, a)| *a)
    }

    /// Joiners plus leavers a year, from team size and the calculator's percentages.
    pub fn changes_a_year(&self) -> u32 {
        let m = &self.scenario.manual;
        let pct = m.joiners_pct + m.leavers_pct;
        (self.scenario.users as f64 * pct / 100.0).round() as u32
    }
}

/// Reads the helper's own parameters; `scenario` comes from `scenario::parse`.
pub fn parse(q: &Query, scenario: Scenario) -> Situation {
    let mut s = Situation {
        scenario,
        ..Default::default()
    };
    if let Some(raw) = q.text(IDP) {
        match IdpChoice::parse(&raw) {
            Some(c) => s.idp = Some(c),
            None => s.issues.push((
                IDP.into(),
                format!(
                    "We do not know the identity provider “{}”; treating it as not given.",
                    crate::domain::format::echo(&raw, 40)
                ),
            )),
        }
    }
    for question in Question::ALL {
        let Some(raw) = q.get(&question.key()) else {
            continue;
        };
        match raw.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" | "1" => s.answers.push((question, true)),
            "no" | "false" | "0" => s.answers.push((question, false)),
            "" | "unsure" => {}
            _ => s.issues.push((
                question.key(),
                format!(
                    "“{}” is not yes or no; treating it as not sure.",
                    crate::domain::format::echo(raw, 40)
                ),
            )),
        }
    }
    s
}

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
pub fn fit(v: &Vendor, row: &DecisionRow, s: &Situation) -> RowFit {
    let w = &row.when;
    let mut checks = Vec::new();
    if !w.plans.is_empty() {
        let plan = current_plan(v, &s.scenario.upgrade).map(|p| p.name.clone());
        checks.push(Check {
            text: format!("on {}", w.plans.join(" or ")),
            met: Some(plan.is_some_and(|p| w.plans.contains(&p))),
        });
    }
    if let Some(max) = w.max_users {
        checks.push(Check {
            // The sources say "small" and "few"; the numbers are ours, and the page says so.
            text: format!("a team of {max} or fewer (our reading of “small”)"),
            met: Some(s.scenario.users <= max),
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
            met: idp_provisions(v, s.idp).map(|has| has == want),
        });
    }
    for q in Question::ALL {
        if let Some(want) = q.wanted(w) {
            checks.push(Check {
                text: q.condition_text(want).into(),
                met: s.answer(q).map(|a| a == want),
            });
        }
    }
    RowFit { checks }
}

/// The outcome of matching: every row's fit and the chosen row, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub fits: Vec<RowFit>,
    /// The row the answers point to.
    pub chosen: Option<usize>,
    /// True when every condition of the chosen row is confirmed (not just not contradicted).
    pub certain: bool,
}

pub fn match_rows(v: &Vendor, s: &Situation) -> Match {
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
    Match {
        fits,
        chosen,
        certain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::{Action, Basis, Figure, IdpSupport, Period, Plan, Price, Tri};

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

    fn situation(query: &[(&str, &str)]) -> Situation {
        let q = Query::from_pairs(query.iter().copied());
        let (s, _) = scenario::parse(&q);
        parse(&q, s)
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
        assert_eq!(idp_provisions(&v, okta.idp), Some(true));
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
        let s = situation(&[
            ("idp", "<script>"),
            ("automate", "maybe"),
            ("urgent", "YES"),
        ]);
        assert_eq!(s.idp, None);
        assert_eq!(s.answer(Question::NeedsAutomation), None);
        assert_eq!(s.answer(Question::Urgent), Some(true));
        assert_eq!(s.issues.len(), 2);
        assert!(s.issues[0].1.contains("<script>"), "the page escapes it");
    }

    #[test]
    fn only_the_questions_the_table_uses_are_asked() {
        let qs = questions_for(&vendor());
        assert_eq!(qs, vec![Question::NeedsAutomation, Question::Legacy]);
        assert!(asks_idp(&vendor()));
    }
}
