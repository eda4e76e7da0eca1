//! What staying manual costs a year: the "cost of not automating" model.
//!
//! The source pages print one block for 500 employees (7 orphaned accounts, 12 unused
//! licences, 101 hours, $3,925 + $6,088 + $1,741 = $11,754) but not the inputs behind it.
//! Our model makes each figure a formula of inputs the reader can change; the defaults are
//! derived from that block, so that 500 employees at the defaults reproduce it exactly.

use serde::{Deserialize, Serialize};

/// The reader's situation, apart from team size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManualInputs {
    /// People who join a year, as a percentage of the team.
    pub joiners_pct: f64,
    /// People who leave a year, as a percentage of the team.
    pub leavers_pct: f64,
    /// Admin minutes to create, change or remove one person's account by hand.
    pub minutes_per_change: f64,
    /// Loaded cost of an hour of IT admin time, in dollars.
    pub hourly_cost: f64,
    /// Share of leavers whose account is missed and stays active (orphaned), in percent.
    pub orphan_pct: f64,
    /// Share of seats paid for but unused because nobody removes them, in percent.
    pub unused_pct: f64,
    /// Price of one seat per month, in dollars.
    pub seat_price_monthly: f64,
    /// Expected yearly cost of compliance findings per orphaned account, in dollars.
    pub cost_per_orphan: f64,
}

/// The team size the sources' cost block is printed for; the defaults below reproduce it.
pub const SOURCE_TEAM: u32 = 500;

impl ManualInputs {
    /// The defaults, derived from the sources' 500-employee block (`scenario` shows each
    /// derivation beside its input).
    pub const DEFAULT: ManualInputs = ManualInputs {
        joiners_pct: 10.0,
        leavers_pct: 10.0,
        minutes_per_change: 60.6,
        hourly_cost: 60.28,
        orphan_pct: 14.0,
        unused_pct: 2.4,
        seat_price_monthly: 27.26,
        cost_per_orphan: 248.71,
    };
}

impl Default for ManualInputs {
    fn default() -> Self {
        ManualInputs::DEFAULT
    }
}

/// The manual-cost block for one team size. Counts are whole accounts (people are not
/// fractional), money is whole dollars computed from the shown counts, and the total is
/// the sum of the shown parts, so a reader can check the page with a pencil.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManualCost {
    pub users: u32,
    pub joiners: f64,
    pub leavers: f64,
    pub orphaned_accounts: u64,
    pub unused_licenses: u64,
    pub it_hours: f64,
    pub unused_license_cost: f64,
    pub it_labor_cost: f64,
    pub compliance_cost: f64,
    /// Staying manual, a year: the three costs above together.
    pub manual_cost: f64,
}

/// Rounds half away from zero to a whole number of accounts.
fn whole(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round() as u64
    } else {
        0
    }
}

pub fn manual_cost(users: u32, i: &ManualInputs) -> ManualCost {
    let n = users as f64;
    let joiners = n * i.joiners_pct / 100.0;
    let leavers = n * i.leavers_pct / 100.0;
    let orphaned_accounts = whole(leavers * i.orphan_pct / 100.0);
    let unused_licenses = whole(n * i.unused_pct / 100.0);
    let it_hours = (joiners + leavers) * i.minutes_per_change / 60.0;
    let unused_license_cost = (unused_licenses as f64 * i.seat_price_monthly * 12.0).round();
    let it_labor_cost = (it_hours * i.hourly_cost).round();
    let compliance_cost = (orphaned_accounts as f64 * i.cost_per_orphan).round();
    ManualCost {
        users,
        joiners,
        leavers,
        orphaned_accounts,
        unused_licenses,
        it_hours,
        unused_license_cost,
        it_labor_cost,
        compliance_cost,
        manual_cost: unused_license_cost + it_labor_cost + compliance_cost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dollars(x: f64) -> i64 {
        x.round() as i64
    }

    #[test]
    fn defaults_at_500_reproduce_the_sources_block_exactly() {
        let m = manual_cost(500, &ManualInputs::default());
        assert_eq!(m.orphaned_accounts, 7);
        assert_eq!(m.unused_licenses, 12);
        assert_eq!(m.it_hours.round() as i64, 101);
        assert_eq!(dollars(m.unused_license_cost), 3925);
        assert_eq!(dollars(m.it_labor_cost), 6088);
        assert_eq!(dollars(m.compliance_cost), 1741);
        assert_eq!(dollars(m.manual_cost), 11754);
        // The shown parts add up to the shown total.
        assert_eq!(
            dollars(m.unused_license_cost) + dollars(m.it_labor_cost) + dollars(m.compliance_cost),
            dollars(m.manual_cost)
        );
    }

    #[test]
    fn each_formula_uses_its_inputs() {
        let i = ManualInputs {
            joiners_pct: 20.0,
            leavers_pct: 10.0,
            minutes_per_change: 30.0,
            hourly_cost: 100.0,
            orphan_pct: 50.0,
            unused_pct: 10.0,
            seat_price_monthly: 10.0,
            cost_per_orphan: 1000.0,
        };
        let m = manual_cost(100, &i);
        assert_eq!((m.joiners, m.leavers), (20.0, 10.0));
        assert_eq!(m.it_hours, 15.0); // 30 changes × 30 min
        assert_eq!(m.it_labor_cost, 1500.0);
        assert_eq!(m.orphaned_accounts, 5); // half of 10 leavers
        assert_eq!(m.compliance_cost, 5000.0);
        assert_eq!(m.unused_licenses, 10);
        assert_eq!(m.unused_license_cost, 1200.0); // 10 seats × $10 × 12
        assert_eq!(m.manual_cost, 7700.0);
    }

    #[test]
    fn counts_round_to_whole_accounts() {
        let i = ManualInputs::default();
        // 120 people: 12 leavers × 14% = 1.68 → 2; 120 × 2.4% = 2.88 → 3.
        let m = manual_cost(120, &i);
        assert_eq!((m.orphaned_accounts, m.unused_licenses), (2, 3));
        // 10 people: 1 leaver × 14% = 0.14 → 0.
        let m = manual_cost(10, &i);
        assert_eq!((m.orphaned_accounts, m.unused_licenses), (0, 0));
        assert_eq!(m.compliance_cost, 0.0);
    }

    #[test]
    fn cost_grows_with_team_size() {
        let i = ManualInputs::default();
        let costs: Vec<f64> = [10, 50, 100, 500, 1000, 5000]
            .iter()
            .map(|&n| manual_cost(n, &i).manual_cost)
            .collect();
        assert!(costs.windows(2).all(|w| w[0] < w[1]), "{costs:?}");
        // Linear in team size, give or take whole-account rounding.
        let per_head = |n: u32| manual_cost(n, &i).manual_cost / n as f64;
        assert!((per_head(1000) - per_head(500)).abs() < 1.0);
    }

    #[test]
    fn zero_team_costs_nothing() {
        let m = manual_cost(0, &ManualInputs::default());
        assert_eq!(m.manual_cost, 0.0);
    }
}
