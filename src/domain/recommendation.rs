//! One recommendation per scenario, shared by the calculator, the decision helper and the
//! comparison, so no two pages advise differently on the same figures.
//!
//! Two signals can point the way: the vendor's decision table (a row the reader's answers
//! fit) and the cost figures. Where they agree, or only one speaks, that is the advice.
//! Where the row advises an option the figures show is dearer **at every price in the
//! range**, the page says so in plain words: a cost-driven row (upgrade, stay manual,
//! automate another way) gives way to the figures; a row whose reason is not cost
//! (weigh the plan's other features, migrate, turn on SCIM you have) stands, with the
//! figures stated beside it.

use crate::domain::cost::verdict::Outcome;
use crate::domain::decision::match_rows;
use crate::domain::format;
use crate::domain::report::{upgrade_sentence, ScenarioReport};
use crate::domain::vendor::{Action, Vendor};
use serde::{Deserialize, Serialize};

/// What decided the advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// A decision-table row the answers fit (`certain`: every condition confirmed).
    Answers { certain: bool },
    /// The cost figures alone.
    Figures,
}

/// The table's row and the figures point different ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The row the answers fit.
    pub row: usize,
    /// What that row advises.
    pub row_action: Action,
    /// The option the figures show is cheaper than `row_action` at every price.
    pub cheaper: Action,
    /// Whether the advice follows the figures (`true`) or the row (its reason is not cost).
    pub follows_figures: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// What we advise; `None` when neither the table nor the figures say.
    pub action: Option<Action>,
    /// The decision-table row shown with the advice, if the table has one for it.
    pub row: Option<usize>,
    pub ground: Ground,
    pub conflict: Option<Conflict>,
}

/// The option that costs less than `action` at every price in the range, if the figures
/// show one. Automating another way keeps the current plan and adds a tool, so it costs
/// at least the current plan: an upgrade that costs no more than the current plan beats it.
pub fn cheaper_than(action: Action, r: &ScenarioReport) -> Option<Action> {
    let u = r.upgrade.as_ref()?;
    let outcome = &r.verdict.as_ref()?.outcome;
    let upgrade_never_dearer =
        !u.current.has_scim && u.scim.is_some() && u.scim_extra.is_some_and(|d| d.high <= 0.0);
    match action {
        Action::StayManual => {
            matches!(outcome, Outcome::UpgradeCheaper { .. }).then_some(Action::Upgrade)
        }
        Action::AutomateElsewhere => upgrade_never_dearer.then_some(Action::Upgrade),
        Action::Upgrade | Action::EvaluateUpgrade => {
            matches!(outcome, Outcome::ManualCheaper { .. }).then_some(Action::StayManual)
        }
        Action::UseNativeScim | Action::PlanMigration => None,
    }
}

/// The action the figures point to when no row says more.
fn figures_action(outcome: &Outcome) -> Option<Action> {
    match outcome {
        Outcome::AlreadyHasScim => Some(Action::UseNativeScim),
        Outcome::UpgradeCheaper { .. } => Some(Action::Upgrade),
        Outcome::ManualCheaper { .. } => Some(Action::StayManual),
        Outcome::NoScimPlan => Some(Action::AutomateElsewhere),
        Outcome::Depends { .. } | Outcome::Unknown => None,
    }
}

/// The advice for a report: the one answer every page, card, JSON and CSV gives for an
/// address. The decision-table row the scenario's answers (and its team size, plan and
/// turnover) fit comes first, then the figures, as [`recommend`] weighs them. Pages call
/// this and nothing else, so the calculator, the decision helper, a guide and the
/// comparison cannot advise differently on one address.
pub fn advise(v: Option<&Vendor>, r: &ScenarioReport) -> Recommendation {
    let answered = v
        .map(|v| match_rows(v, &r.scenario))
        .and_then(|m| Some((m.chosen?, m.certain)));
    recommend(v, r, answered)
}

/// The advice for a report. `answered` is the decision-table row the reader's answers fit
/// (and whether every condition is confirmed), as [`advise`] finds it.
pub fn recommend(
    v: Option<&Vendor>,
    r: &ScenarioReport,
    answered: Option<(usize, bool)>,
) -> Recommendation {
    let outcome = r.verdict.as_ref().map(|v| &v.outcome);
    let row_for = |a: Action| v.and_then(|v| v.decision.iter().position(|row| row.action == a));
    if let Some((i, certain)) = answered {
        if let Some(row) = v.and_then(|v| v.decision.get(i)) {
            let Some(cheaper) = cheaper_than(row.action, r) else {
                return Recommendation {
                    action: Some(row.action),
                    row: Some(i),
                    ground: Ground::Answers { certain },
                    conflict: None,
                };
            };
            let follows_figures = matches!(
                row.action,
                Action::Upgrade | Action::StayManual | Action::AutomateElsewhere
            );
            let conflict = Some(Conflict {
                row: i,
                row_action: row.action,
                cheaper,
                follows_figures,
            });
            return if follows_figures {
                Recommendation {
                    action: Some(cheaper),
                    row: row_for(cheaper),
                    ground: Ground::Figures,
                    conflict,
                }
            } else {
                Recommendation {
                    action: Some(row.action),
                    row: Some(i),
                    ground: Ground::Answers { certain },
                    conflict,
                }
            };
        }
    }
    // The row the verdict already matched to its outcome.
    let row = r.verdict.as_ref().and_then(|verdict| verdict.decision_row);
    let action = row
        .and_then(|i| v?.decision.get(i).map(|r| r.action))
        .or_else(|| outcome.and_then(figures_action));
    // The table's row for an outcome may still be beaten outright (an implementation fee
    // can make the horizon dear while every year is cheap): the cheaper option wins.
    match action.and_then(|a| cheaper_than(a, r)) {
        Some(cheaper) => Recommendation {
            action: Some(cheaper),
            row: row_for(cheaper),
            ground: Ground::Figures,
            conflict: None,
        },
        None => Recommendation {
            action,
            row,
            ground: Ground::Figures,
            conflict: None,
        },
    }
}

/// Why the figures disagree with the row, in one sentence.
fn disagreement(c: &Conflict, r: &ScenarioReport) -> String {
    let years = r.scenario.upgrade.years;
    let over = if years == 1 {
        "in a year".to_string()
    } else {
        format!("over {years} years")
    };
    let outcome = r.verdict.as_ref().map(|v| &v.outcome);
    match (c.cheaper, outcome) {
        (Action::Upgrade, Some(Outcome::UpgradeCheaper { by })) if c.row_action == Action::StayManual => {
            format!(
                "{over} the upgrade saves you {} against staying manual, at every price in the range.",
                format::amount(by)
            )
        }
        (Action::Upgrade, _) => format!(
            "{} Keeping your plan and automating outside it would cost more than upgrading, at every price in the range.",
            r.upgrade.as_ref().map(upgrade_sentence).unwrap_or_default()
        ),
        (_, Some(Outcome::ManualCheaper { by })) => format!(
            "{over} staying manual costs {} less than the upgrade, at every price in the range.",
            format::amount(by)
        ),
        _ => "the cost figures point to another option.".into(),
    }
}

/// The disagreement between the row the answers fit and the figures, in plain words, and
/// which of the two the advice follows.
pub fn conflict_sentence(c: &Conflict, v: &Vendor, r: &ScenarioReport) -> String {
    let situation = v
        .decision
        .get(c.row)
        .map(|row| row.situation.as_str())
        .unwrap_or("");
    let why = disagreement(c, r);
    let why = format::capitalised(&why);
    if c.follows_figures {
        format!(
            "Your answers fit the row “{situation}”, which advises “{}”. The figures disagree: {why} We follow the figures, as that row’s advice rests on cost.",
            c.row_action.label()
        )
    } else {
        format!(
            "The figures alone would point to “{}”: {why} This row stands because its reason is not cost alone.",
            c.cheaper.label()
        )
    }
}
