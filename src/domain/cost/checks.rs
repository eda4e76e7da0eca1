//! Recomputing the team-size tables the sources print, and judging each printed figure.
//!
//! A row names a team size, the plan the team is on and the plan it moves to, plus the
//! figures the source printed. We recompute each figure from the plan prices and say
//! whether the printed one agrees, differs (and by what factor) or cannot be checked.

use super::{plan_annual, PlanCost, PriceSource, Span};
use crate::domain::vendor::{Claim, TeamSizeExample, Vendor};
use serde::{Deserialize, Serialize};

/// Relative slack when comparing: printed figures are rounded, "~" ones more so.
const EXACT_TOLERANCE: f64 = 0.01;
const APPROX_TOLERANCE: f64 = 0.10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Agreement {
    Agrees,
    /// `ratio` is printed ÷ recomputed, when both are single positive numbers.
    Differs {
        ratio: Option<f64>,
    },
    /// Nothing to compare against, with the reason.
    Unverifiable(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckedFigure {
    pub label: String,
    pub printed: Claim,
    pub recomputed: Option<Span>,
    pub agreement: Agreement,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExampleCheck {
    pub users: u32,
    pub users_or_more: bool,
    pub from_plan: Option<String>,
    pub to_plan: String,
    pub current_annual: Option<Span>,
    pub target_annual: Option<Span>,
    /// Where `target_annual` comes from: the row's own assumption
    /// ([`PriceSource::Assumed`]), the plan's list price or a reported estimate.
    pub target_source: Option<PriceSource>,
    pub increase_annual: Option<Span>,
    pub figures: Vec<CheckedFigure>,
    pub warnings: Vec<String>,
}

impl ExampleCheck {
    pub fn has_error(&self) -> bool {
        self.figures
            .iter()
            .any(|f| matches!(f.agreement, Agreement::Differs { .. }))
    }
}

fn known(cost: PlanCost) -> Option<(Span, PriceSource)> {
    match cost {
        PlanCost::Known { annual, source } => Some((annual, source)),
        _ => None,
    }
}

/// Compares a printed figure with a recomputed span.
pub fn judge(printed: &Claim, recomputed: Option<Span>) -> Agreement {
    let Some(r) = recomputed else {
        return Agreement::Unverifiable("the prices it depends on are not stated".into());
    };
    let tolerance = if printed.approx || r.approx {
        APPROX_TOLERANCE
    } else {
        EXACT_TOLERANCE
    };
    // A recomputation with both ends open says nothing.
    if r.is_unbounded() {
        return Agreement::Unverifiable("both prices it depends on are open-ended".into());
    }
    // With an open top, only the starting value is known: compare starting values.
    let reference = if r.high.is_infinite() {
        Span::point(r.low)
    } else if r.low.is_infinite() {
        Span::point(r.high)
    } else {
        r
    };
    if reference.contains(printed.amount, tolerance) {
        Agreement::Agrees
    } else {
        let ratio = (reference.is_point() && reference.low > 0.0 && printed.amount > 0.0)
            .then(|| printed.amount / reference.low);
        Agreement::Differs { ratio }
    }
}

pub fn check_example(v: &Vendor, ex: &TeamSizeExample) -> ExampleCheck {
    let mut warnings = Vec::new();
    let current_annual = ex
        .from_plan
        .as_deref()
        .and_then(|name| v.plan(name))
        .and_then(|p| known(plan_annual(p, ex.users)))
        .map(|(s, _)| s);

    let to_plan = v.plan(&ex.to_plan);
    let (target_annual, target_source) = match (&ex.assumed_target_annual, to_plan) {
        (Some(a), _) => (Some(Span::of_claim(a)), Some(PriceSource::Assumed)),
        (None, Some(p)) => match known(plan_annual(p, ex.users)) {
            Some((s, b)) => (Some(s), Some(b)),
            None => (None, None),
        },
        (None, None) => (None, None),
    };
    if let Some(min) = to_plan.and_then(|p| p.min_seats) {
        if ex.users < min {
            warnings.push(format!(
                "{} users is below {}'s minimum of {min} seats.",
                ex.users, ex.to_plan
            ));
        }
    }

    let increase_annual = match (target_annual, current_annual) {
        (Some(t), Some(c)) => Some(t.minus(c)),
        _ => None,
    };

    let mut figures = Vec::new();
    let mut push = |label: String, printed: &Option<Claim>, recomputed: Option<Span>| {
        if let Some(p) = printed {
            figures.push(CheckedFigure {
                label,
                printed: p.clone(),
                agreement: judge(p, recomputed),
                recomputed,
            });
        }
    };
    let from = ex
        .from_plan
        .clone()
        .unwrap_or_else(|| "current plan".into());
    push(
        format!("{from} per month"),
        &ex.claimed_current_monthly,
        current_annual.map(|s| s.scale(1.0 / 12.0)),
    );
    push(
        format!("{} per year", ex.to_plan),
        &ex.claimed_target_annual,
        target_annual,
    );
    push(
        format!("{} per month", ex.to_plan),
        &ex.claimed_target_monthly,
        target_annual.map(|s| s.scale(1.0 / 12.0)),
    );
    push(
        "Annual increase".into(),
        &ex.claimed_increase_annual,
        increase_annual,
    );

    ExampleCheck {
        users: ex.users,
        users_or_more: ex.users_or_more,
        from_plan: ex.from_plan.clone(),
        to_plan: ex.to_plan.clone(),
        current_annual,
        target_annual,
        target_source,
        increase_annual,
        figures,
        warnings,
    }
}

pub fn check_examples(v: &Vendor) -> Vec<ExampleCheck> {
    v.team_size_examples
        .iter()
        .map(|ex| check_example(v, ex))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(amount: f64) -> Claim {
        Claim {
            amount,
            approx: false,
            or_more: false,
        }
    }

    #[test]
    fn printed_figure_within_rounding_agrees() {
        assert_eq!(
            judge(&claim(980.0), Some(Span::point(980.0))),
            Agreement::Agrees
        );
        assert_eq!(
            judge(&claim(-9400.0), Some(Span::point(-9400.0))),
            Agreement::Agrees
        );
    }

    #[test]
    fn wrong_sign_differs() {
        assert_eq!(
            judge(&claim(23240.0), Some(Span::point(-5760.0))),
            Agreement::Differs { ratio: None }
        );
    }

    #[test]
    fn twelvefold_error_reports_ratio() {
        let printed = Claim {
            amount: 54000.0,
            approx: true,
            or_more: false,
        };
        let v = judge(&printed, Some(Span::at_least(4500.0).approx(true)));
        assert_eq!(v, Agreement::Differs { ratio: Some(12.0) });
    }

    #[test]
    fn open_on_both_sides_is_unverifiable() {
        let d = Span::at_least(60000.0).minus(Span::at_least(6000.0));
        assert!(matches!(
            judge(&claim(35000.0), Some(d)),
            Agreement::Unverifiable(_)
        ));
        assert!(matches!(
            judge(&claim(1.0), None),
            Agreement::Unverifiable(_)
        ));
    }
}
