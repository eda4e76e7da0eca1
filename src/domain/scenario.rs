//! A calculator scenario as it lives in the URL: parsing query parameters into inputs,
//! with a clear message for every value we could not use, and back into a query string.
//!
//! One parser serves the page (server and browser) and `/api/cost`, so a deep link and the
//! JSON API always agree.

use crate::domain::cost::manual::{ManualInputs, SOURCE_TEAM};
use crate::domain::cost::upgrade::UpgradeInputs;
use crate::domain::format::{group_thousands, plain};
use crate::domain::issue::Issue;
use crate::domain::questions::{self, Answers};
use crate::domain::url::{self, Query};
use serde::{Deserialize, Serialize};

/// The manual-cost defaults, read by the fields below.
const D: ManualInputs = ManualInputs::DEFAULT;
/// How many years the calculator compares by default: a common contract length.
pub const DEFAULT_YEARS: u32 = 3;

/// One numeric input: its query key, label, bounds, default and where the default comes from.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub whole: bool,
    /// `None` for optional inputs (quotes) that are simply absent by default.
    pub default: Option<f64>,
    pub default_source: &'static str,
}

pub const USERS: Field = Field {
    key: "users",
    label: "Team size",
    unit: "people",
    min: 1.0,
    max: 1_000_000.0,
    whole: true,
    default: Some(SOURCE_TEAM as f64),
    default_source: "the team size the sources' cost block is normalised to",
};
pub const JOINERS: Field = Field {
    key: "joiners",
    label: "Joiners a year",
    unit: "% of team",
    min: 0.0,
    max: 500.0,
    whole: false,
    default: Some(D.joiners_pct),
    default_source: "assumed: a steady team replaces its 10 % leavers",
};
pub const LEAVERS: Field = Field {
    key: "leavers",
    label: "Leavers a year",
    unit: "% of team",
    min: 0.0,
    max: 100.0,
    whole: false,
    default: Some(D.leavers_pct),
    default_source: "assumed: 50 leavers a year at 500 people",
};
pub const MINUTES: Field = Field {
    key: "minutes",
    label: "Admin time per joiner or leaver",
    unit: "minutes",
    min: 0.0,
    max: 2_400.0,
    whole: false,
    default: Some(D.minutes_per_change),
    default_source:
        "101 hours ÷ 100 joiners and leavers, derived from the sources' 500-employee block",
};
pub const HOURLY: Field = Field {
    key: "hourly",
    label: "Hourly cost of IT admin time",
    unit: "$ per hour",
    min: 0.0,
    max: 10_000.0,
    whole: false,
    default: Some(D.hourly_cost),
    default_source: "$6,088 ÷ 101 hours, derived from the sources' 500-employee block",
};
pub const ORPHANS: Field = Field {
    key: "orphans",
    label: "Leavers whose account is missed",
    unit: "% of leavers",
    min: 0.0,
    max: 100.0,
    whole: false,
    default: Some(D.orphan_pct),
    default_source:
        "7 orphaned accounts ÷ 50 leavers, derived from the sources' 500-employee block",
};
pub const UNUSED: Field = Field {
    key: "unused",
    label: "Seats paid for but unused",
    unit: "% of seats",
    min: 0.0,
    max: 100.0,
    whole: false,
    default: Some(D.unused_pct),
    default_source: "12 unused licences ÷ 500 seats, derived from the sources' 500-employee block",
};
pub const SEAT: Field = Field {
    key: "seat",
    label: "Price of one seat",
    unit: "$ per month",
    min: 0.0,
    max: 100_000.0,
    whole: false,
    // Left empty, the price per seat of the reader's current plan (`cost::unused_seat_price`).
    default: None,
    default_source:
        "the list price per seat of your current plan; where it has none, $27.26 ($3,925 ÷ 12 licences ÷ 12 months, derived from the sources' 500-employee block)",
};
pub const ORPHAN_COST: Field = Field {
    key: "orphan_cost",
    label: "Compliance cost per orphaned account",
    unit: "$ per year",
    min: 0.0,
    max: 10_000_000.0,
    whole: false,
    default: Some(D.cost_per_orphan),
    default_source: "$1,741 ÷ 7 orphaned accounts, derived from the sources' 500-employee block",
};
pub const YEARS: Field = Field {
    key: "years",
    label: "Years to compare",
    unit: "years",
    min: 1.0,
    max: 10.0,
    whole: true,
    default: Some(DEFAULT_YEARS as f64),
    default_source: "a common contract length",
};
pub const QUOTE: Field = Field {
    key: "quote",
    label: "Your quote for the SCIM plan",
    unit: "$ per year",
    min: 0.0,
    max: 1_000_000_000.0,
    whole: false,
    default: None,
    default_source: "none: by default the vendor data is used",
};
pub const CURRENT_QUOTE: Field = Field {
    key: "current_quote",
    label: "What you pay now",
    unit: "$ per year",
    min: 0.0,
    max: 1_000_000_000.0,
    whole: false,
    default: None,
    default_source: "none: by default the vendor data is used",
};

/// The vendor's slug.
pub const VENDOR: &str = "vendor";
/// The name of the plan the reader is on.
pub const PLAN: &str = "plan";

/// Every key of a scenario, in URL order: what the calculator's form owns.
pub const KEYS: [&str; 14] = [
    VENDOR,
    USERS.key,
    PLAN,
    JOINERS.key,
    LEAVERS.key,
    MINUTES.key,
    HOURLY.key,
    ORPHANS.key,
    UNUSED.key,
    SEAT.key,
    ORPHAN_COST.key,
    YEARS.key,
    QUOTE.key,
    CURRENT_QUOTE.key,
];

/// Whether `value` for `key` is what the URL means anyway (a field at its default), so a
/// form can leave it out of the address.
pub fn is_default(key: &str, value: &str) -> bool {
    [USERS, YEARS]
        .iter()
        .chain(MANUAL_FIELDS.iter())
        .find(|f| f.key == key)
        .is_some_and(|f| matches!(parse_field(f, Some(value)), (v, None) if v == f.default))
}

/// The inputs of the manual-cost model, in the order the form shows them.
pub const MANUAL_FIELDS: [Field; 8] = [
    JOINERS,
    LEAVERS,
    MINUTES,
    HOURLY,
    ORPHANS,
    UNUSED,
    SEAT,
    ORPHAN_COST,
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub vendor: Option<String>,
    pub users: u32,
    pub manual: ManualInputs,
    pub upgrade: UpgradeInputs,
    /// The price of an unused seat a month, where the address gives one; without it the
    /// report uses the current plan's list price per seat (`cost::unused_seat_price`), and
    /// `manual.seat_price_monthly` holds the price used.
    #[serde(default)]
    pub seat: Option<f64>,
    /// The decision questions' answers: the calculator's form does not ask them, but they
    /// are part of the address, so every page advises on the same answers.
    #[serde(default)]
    pub answers: Answers,
}

/// Every key a scenario reads from the address: the calculator form's, then the answers'.
pub fn address_keys() -> Vec<&'static str> {
    [&KEYS[..], questions::KEYS.as_slice()].concat()
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            vendor: None,
            users: SOURCE_TEAM,
            manual: ManualInputs::default(),
            upgrade: UpgradeInputs {
                years: DEFAULT_YEARS,
                ..Default::default()
            },
            seat: None,
            answers: Answers::default(),
        }
    }
}

fn show_limit(f: &Field, x: f64) -> String {
    group_thousands(x as u64) + if f.unit.starts_with('%') { " %" } else { "" }
}

/// Parses one field. Empty means "not given". Returns the value to use and, when the
/// given text could not be used as it is, a message saying what was used instead.
pub fn parse_field(f: &Field, raw: Option<&str>) -> (Option<f64>, Option<String>) {
    let text = raw.map(str::trim).unwrap_or("");
    if text.is_empty() {
        return (f.default, None);
    }
    let fallback = |why: String| {
        let used = match f.default {
            Some(d) => format!("using the default, {}", plain(d)),
            None => "ignoring it".to_string(),
        };
        (f.default, Some(format!("{why}; {used}.")))
    };
    // People paste "$60,000" or "1 000": drop currency signs, separators and spaces.
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '$' | ',' | '_' | ' ' | '%'))
        .collect();
    let shown = crate::domain::format::echo(text, 40);
    let value = match crate::domain::format::read_decimal(&cleaned) {
        Some(v) => v,
        None => return fallback(format!("“{shown}” is not a number")),
    };
    if f.whole && value.fract() != 0.0 {
        let r = value.round().clamp(f.min, f.max);
        return (
            Some(r),
            Some(format!(
                "{} must be a whole number; using {}.",
                f.label,
                plain(r)
            )),
        );
    }
    if value < f.min {
        let why = if value < 0.0 {
            format!("{} cannot be negative", f.label)
        } else {
            format!("{} must be at least {}", f.label, show_limit(f, f.min))
        };
        return (Some(f.min), Some(format!("{why}; using {}.", plain(f.min))));
    }
    if value > f.max {
        return (
            Some(f.max),
            Some(format!(
                "{} is capped at {}; using {}.",
                f.label,
                show_limit(f, f.max),
                plain(f.max)
            )),
        );
    }
    (Some(value), None)
}

/// Reads a scenario from the URL. Never fails: every unusable value is replaced and
/// reported.
pub fn parse(q: &Query) -> (Scenario, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut num = |f: &Field| {
        let (v, msg) = parse_field(f, q.get(f.key));
        if let Some(message) = msg {
            issues.push(Issue::new(f.key, message));
        }
        v
    };
    let d = Scenario::default();
    let users = num(&USERS).map_or(d.users, |v| v as u32);
    let manual = ManualInputs {
        joiners_pct: num(&JOINERS).unwrap_or(d.manual.joiners_pct),
        leavers_pct: num(&LEAVERS).unwrap_or(d.manual.leavers_pct),
        minutes_per_change: num(&MINUTES).unwrap_or(d.manual.minutes_per_change),
        hourly_cost: num(&HOURLY).unwrap_or(d.manual.hourly_cost),
        orphan_pct: num(&ORPHANS).unwrap_or(d.manual.orphan_pct),
        unused_pct: num(&UNUSED).unwrap_or(d.manual.unused_pct),
        seat_price_monthly: d.manual.seat_price_monthly,
        cost_per_orphan: num(&ORPHAN_COST).unwrap_or(d.manual.cost_per_orphan),
    };
    let years = num(&YEARS).map_or(d.upgrade.years, |v| v as u32);
    let seat = num(&SEAT);
    let quote = num(&QUOTE);
    let current_quote = num(&CURRENT_QUOTE);
    let (answers, unread) = questions::parse(q);
    issues.extend(unread);
    let scenario = Scenario {
        vendor: q.text(VENDOR),
        users,
        manual,
        upgrade: UpgradeInputs {
            current_plan: q.text(PLAN),
            quote,
            current_quote,
            years,
        },
        seat,
        answers,
    };
    (scenario, issues)
}

impl Scenario {
    /// The query string of what differs from the defaults, so a shared link reads
    /// `vendor=mode&users=120`. A link written with every input (as older versions did)
    /// still parses to the same scenario.
    pub fn to_query(&self) -> String {
        let m = &self.manual;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(v) = &self.vendor {
            pairs.push((VENDOR, v.clone()));
        }
        if self.users != SOURCE_TEAM {
            pairs.push((USERS.key, self.users.to_string()));
        }
        if let Some(p) = &self.upgrade.current_plan {
            pairs.push((PLAN, p.clone()));
        }
        for (f, v) in [
            (JOINERS, m.joiners_pct),
            (LEAVERS, m.leavers_pct),
            (MINUTES, m.minutes_per_change),
            (HOURLY, m.hourly_cost),
            (ORPHANS, m.orphan_pct),
            (UNUSED, m.unused_pct),
            (ORPHAN_COST, m.cost_per_orphan),
        ] {
            if f.default != Some(v) {
                pairs.push((f.key, plain(v)));
            }
        }
        if let Some(p) = self.seat {
            pairs.push((SEAT.key, plain(p)));
        }
        if self.upgrade.years != DEFAULT_YEARS {
            pairs.push((YEARS.key, self.upgrade.years.to_string()));
        }
        if let Some(q) = self.upgrade.quote {
            pairs.push((QUOTE.key, plain(q)));
        }
        if let Some(q) = self.upgrade.current_quote {
            pairs.push((CURRENT_QUOTE.key, plain(q)));
        }
        pairs.extend(self.answers.pairs());
        url::encode(&pairs)
    }

    /// Joiners plus leavers a year, from team size and the manual-cost percentages.
    pub fn changes_a_year(&self) -> u32 {
        let m = &self.manual;
        let pct = m.joiners_pct + m.leavers_pct;
        (self.users as f64 * pct / 100.0).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_map(pairs: &[(&str, &str)]) -> (Scenario, Vec<Issue>) {
        parse(&Query::from_pairs(pairs.iter().copied()))
    }

    #[test]
    fn no_parameters_give_the_defaults() {
        let (s, issues) = parse_map(&[]);
        assert_eq!(s, Scenario::default());
        assert!(issues.is_empty());
    }

    #[test]
    fn values_are_read_and_cleaned() {
        let (s, issues) = parse_map(&[
            ("vendor", "mode"),
            ("users", " 1,200 "),
            ("plan", "Business/Pro"),
            ("hourly", "$75.50"),
            ("quote", "$60,000"),
            ("years", "5"),
        ]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.vendor.as_deref(), Some("mode"));
        assert_eq!(s.users, 1200);
        assert_eq!(s.manual.hourly_cost, 75.5);
        assert_eq!(s.upgrade.quote, Some(60000.0));
        assert_eq!(s.upgrade.years, 5);
        assert_eq!(s.upgrade.current_plan.as_deref(), Some("Business/Pro"));
    }

    #[test]
    fn bad_values_are_replaced_and_reported() {
        let (s, issues) = parse_map(&[
            ("users", "lots"),
            ("leavers", "-5"),
            ("hourly", "1e400"),
            ("years", "2.5"),
            ("seat", "99999999"),
            ("quote", "cheap"),
        ]);
        assert_eq!(s.users, 500);
        assert_eq!(s.manual.leavers_pct, 0.0);
        assert_eq!(s.manual.hourly_cost, 60.28);
        assert_eq!(s.upgrade.years, 3);
        assert_eq!(s.seat, Some(100_000.0));
        assert_eq!(s.upgrade.quote, None);
        let msg = |k: &str| {
            issues
                .iter()
                .find(|i| i.field == k)
                .map(|i| i.message.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            msg("users"),
            "“lots” is not a number; using the default, 500."
        );
        assert_eq!(
            msg("leavers"),
            "Leavers a year cannot be negative; using 0."
        );
        assert!(msg("hourly").contains("not a number"));
        assert_eq!(
            msg("years"),
            "Years to compare must be a whole number; using 3."
        );
        assert!(msg("seat").contains("capped at 100,000"));
        assert_eq!(msg("quote"), "“cheap” is not a number; ignoring it.");
    }

    #[test]
    fn zero_team_is_raised_to_one() {
        let (s, issues) = parse_map(&[("users", "0")]);
        assert_eq!(s.users, 1);
        assert_eq!(issues[0].message, "Team size must be at least 1; using 1.");
    }

    #[test]
    fn links_hold_only_what_differs_from_the_defaults() {
        assert_eq!(Scenario::default().to_query(), "");
        let (s, _) = parse_map(&[("vendor", "mode"), ("users", "120")]);
        assert_eq!(s.to_query(), "vendor=mode&users=120");
        // A long link from before, with every default written out, means the same.
        let (old, issues) = parse_map(&[
            ("vendor", "mode"),
            ("users", "120"),
            ("joiners", "10"),
            ("leavers", "10"),
            ("minutes", "60.6"),
            ("hourly", "60.28"),
            ("orphans", "14"),
            ("unused", "2.4"),
            ("orphan_cost", "248.71"),
            ("years", "3"),
        ]);
        assert!(issues.is_empty());
        assert_eq!(old, s);
        assert_eq!(old.to_query(), "vendor=mode&users=120");
        assert!(is_default("minutes", "60.6") && is_default("users", "500"));
        assert!(!is_default("minutes", "61") && !is_default("users", "abc"));
        assert!(!is_default("vendor", "mode") && !is_default("quote", ""));
    }

    #[test]
    fn query_round_trips() {
        let (s, _) = parse_map(&[
            ("vendor", "mode"),
            ("users", "120"),
            ("plan", "Business/Pro"),
            ("quote", "42000"),
            ("seat", "49"),
        ]);
        let q = s.to_query();
        assert!(q.contains("plan=Business%2FPro"), "{q}");
        let (back, issues) = parse(&Query::parse(&q));
        assert!(issues.is_empty());
        assert_eq!(back, s);
    }
}
