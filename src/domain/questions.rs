//! The decision questions a reader answers, as they live in the URL: part of every
//! scenario (`scenario::Scenario::answers`), so the calculator, the decision helper, a
//! guide, the comparison and `/api/cost` read the same answers from the same address and
//! give the same advice. A question left out of the address is "not sure": that is the one
//! default, and no page has another.

use crate::domain::format::echo;
use crate::domain::issue::Issue;
use crate::domain::keys::Key;
use crate::domain::url::Query;
use crate::domain::vendor::{Idp, When};
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
    pub fn wanted(self, w: &When) -> Option<bool> {
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
    pub fn condition_text(self, wanted: bool) -> &'static str {
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

/// The keys the answers live in: the identity provider, then one per question.
pub static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut keys = vec![IDP];
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

/// What the reader told us; a question left out is "not sure".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub idp: Option<IdpChoice>,
    /// `(question, answer)`, in [`Question::ALL`] order.
    pub given: Vec<(Question, bool)>,
}

impl Answers {
    pub fn answer(&self, q: Question) -> Option<bool> {
        self.given.iter().find(|(k, _)| *k == q).map(|(_, a)| *a)
    }

    /// The answers as query pairs, in [`KEYS`] order; nothing for "not sure".
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> =
            self.idp.map(|i| (IDP, i.key())).into_iter().collect();
        for (q, key) in Question::ALL.into_iter().zip(KEYS[1..].iter()) {
            if let Some(a) = self.answer(q) {
                pairs.push((key, if a { "yes" } else { "no" }.into()));
            }
        }
        pairs
    }
}

/// Reads the answers; each unreadable one is "not sure", and reported.
pub fn parse(q: &Query) -> (Answers, Vec<Issue>) {
    let mut answers = Answers::default();
    let mut issues = Vec::new();
    if let Some(raw) = q.text(IDP) {
        match IdpChoice::parse(&raw) {
            Some(c) => answers.idp = Some(c),
            None => issues.push(Issue::new(
                IDP,
                format!(
                    "We do not know the identity provider “{}”; treating it as not given.",
                    echo(&raw, 40)
                ),
            )),
        }
    }
    for (question, key) in Question::ALL.into_iter().zip(KEYS[1..].iter()) {
        let Some(raw) = q.get(key) else {
            continue;
        };
        match raw.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" | "1" => answers.given.push((question, true)),
            "no" | "false" | "0" => answers.given.push((question, false)),
            "" | "unsure" => {}
            _ => issues.push(Issue::new(
                *key,
                format!(
                    "“{}” is not yes or no; treating it as not sure.",
                    echo(raw, 40)
                ),
            )),
        }
    }
    (answers, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_and_write_the_same_address() {
        let q = Query::parse("urgent=yes&automate=no&idp=okta&legacy=maybe&groups=");
        let (a, issues) = parse(&q);
        assert_eq!(a.answer(Question::Urgent), Some(true));
        assert_eq!(a.answer(Question::NeedsAutomation), Some(false));
        assert_eq!(a.answer(Question::ComplexGroups), None);
        assert_eq!(a.idp, Some(IdpChoice::Known(Idp::Okta)));
        assert_eq!(
            issues,
            [Issue::new(
                "legacy",
                "“maybe” is not yes or no; treating it as not sure."
            )]
        );
        let pairs: Vec<String> = a.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(pairs, ["idp=okta", "automate=no", "urgent=yes"]);
        assert_eq!(KEYS[0], "idp");
        assert_eq!(KEYS.len(), 1 + Question::ALL.len());
    }
}
