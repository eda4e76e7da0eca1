//! Vendors side by side: which vendors the URL asks for, one column of facts and figures
//! per vendor, and the bottom line: which of them is the cheapest way to get SCIM at the
//! team size, and how much more each other one costs. Pure, shared by the page, the CSV
//! export and the link-preview card.

use crate::domain::cost::jump::{price_jump, PriceJump};
use crate::domain::cost::manual::SOURCE_TEAM;
use crate::domain::cost::upgrade::{upgrade_cost, UpgradeCost, UpgradeInputs};
use crate::domain::cost::{PlanCost, PriceSource, Span};
use crate::domain::format;
use crate::domain::issue::Issue;
use crate::domain::questions::{self, Answers};
use crate::domain::recommendation::advise;
use crate::domain::report::{evaluate, ScenarioReport};
use crate::domain::scenario::{parse_field, Scenario, USERS};
use crate::domain::url::{self, Query};
use crate::domain::vendor::{is_slug, Action, Idp, Price, Provisioning, Scope, Tri, Vendor};
use serde::{Deserialize, Serialize};

/// The vendors to compare, comma-separated.
pub const VENDORS: &str = "vendors";
/// One more vendor, as the add-a-vendor form sends it.
pub const ADD: &str = "add";
/// The keys of the comparison's own form.
pub const KEYS: [&str; 3] = [VENDORS, ADD, USERS.key];

/// Every key the comparison reads: its form's, then the decision questions' answers, so a
/// column advises what the calculator advises on the same address.
pub fn address_keys() -> Vec<&'static str> {
    [&KEYS[..], questions::KEYS.as_slice()].concat()
}

/// More columns than this stop being readable side by side.
pub const MAX_VENDORS: usize = 6;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Slugs in the order asked, without duplicates.
    pub slugs: Vec<String>,
    pub users: u32,
    /// The decision questions' answers, as every page with advice reads them.
    pub answers: Answers,
    pub issues: Vec<Issue>,
}

/// The names `vendors=a,b` and `add=c` list, in order, each once, in lower case: the
/// slugs (reading stops at one past [`MAX_VENDORS`], the first left out), and the names
/// that are no slug.
pub fn listed(query: &Query) -> (Vec<String>, Vec<String>) {
    let mut slugs: Vec<String> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    let listed = query.get(VENDORS).unwrap_or_default();
    let added = query.get(ADD).unwrap_or_default();
    for raw in listed.split(',').chain(added.split(',')) {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() || slugs.contains(&s) {
            continue;
        }
        if !is_slug(&s) {
            unreadable.push(raw.trim().to_string());
        } else if slugs.len() > MAX_VENDORS {
            break;
        } else {
            slugs.push(s);
        }
    }
    (slugs, unreadable)
}

/// Reads `vendors=a,b` (and `add=c`, which the add-a-vendor form sends) and `users`.
pub fn parse(query: &Query) -> Selection {
    let mut issues = Vec::new();
    let (mut slugs, unreadable) = listed(query);
    if let Some(first_out) = slugs.get(MAX_VENDORS) {
        issues.push(Issue::new(VENDORS, format!(
            "At most {MAX_VENDORS} vendors fit side by side; “{first_out}” and any after it are left out."
        )));
        slugs.truncate(MAX_VENDORS);
    }
    // One message for all unreadable names, however many: a URL with thousands of them
    // must not make a page of thousands of lines.
    if !unreadable.is_empty() {
        issues.insert(0, Issue::new(VENDORS, unreadable_names(&unreadable)));
    }
    let (users, msg) = parse_field(&USERS, query.get(USERS.key));
    issues.extend(msg.map(|m| Issue::new(USERS.key, m)));
    let (answers, unread) = questions::parse(query);
    issues.extend(unread);
    Selection {
        slugs,
        users: users.map_or(SOURCE_TEAM, |u| u as u32),
        answers,
        issues,
    }
}

fn unreadable_names(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("“{}”", crate::domain::format::echo(n, 40)))
        .collect();
    let mut list = shown.join(", ");
    if names.len() > SHOWN {
        let more = crate::domain::format::group_thousands((names.len() - SHOWN) as u64);
        list = format!("{list} and {more} more");
    }
    let (what, verb) = if names.len() == 1 {
        ("is not a vendor name", "it is")
    } else {
        ("are not vendor names", "they are")
    };
    format!("{list} {what} we could look up; {verb} left out.")
}

/// The comparison's query string for a list of slugs.
pub fn query(slugs: &[String], users: u32) -> String {
    url::encode(&[(VENDORS, slugs.join(",")), (USERS.key, users.to_string())])
}

/// One vendor's column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub partial: bool,
    pub scim: Tri,
    pub scim_plan: Option<String>,
    pub scim_plan_price: Option<Price>,
    pub price_jump: PriceJump,
    pub sso_required_first: Tri,
    /// Every IdP we know, with what the vendor's data says about it.
    pub idps: Vec<(Idp, Tri, Provisioning)>,
    pub prerequisites: Vec<String>,
    /// Setting SCIM up waits on the vendor's staff.
    pub vendor_enables: Tri,
    /// The SCIM plan is sold by quote, or its price is reported only for other team sizes:
    /// buying it means talking to sales.
    pub needs_quote: bool,
    /// Staying manual, a year, at the team size (the calculator's default model).
    pub manual_cost: f64,
    /// The upgrade from the default current plan, at the team size, over one year.
    pub upgrade: Option<UpgradeCost>,
    /// What the calculator advises at this team size and its defaults (the same call the
    /// calculator makes, so the two pages cannot disagree).
    pub advice: Option<Action>,
    /// Titles of the vendor's constraints, then the SCIM limitations.
    pub limitations: Vec<String>,
    pub last_checked: String,
    pub source_url: String,
}

/// The calculator's report for `/calculator?vendor=<slug>&users=<users>` and the answers:
/// the column's manual cost and advice are the calculator's own, so the pages agree.
fn calculator_report(v: &Vendor, users: u32, answers: &Answers) -> ScenarioReport {
    let scenario = Scenario {
        vendor: Some(v.slug.clone()),
        users,
        answers: answers.clone(),
        ..Scenario::default()
    };
    evaluate(Some(v), scenario, Vec::new())
}

pub fn column(v: &Vendor, users: u32, answers: &Answers) -> Column {
    let calc = calculator_report(v, users, answers);
    let inputs = UpgradeInputs {
        years: 1,
        ..Default::default()
    };
    let mut limitations: Vec<String> = v.constraints.iter().map(|c| c.title.clone()).collect();
    if limitations.is_empty() {
        limitations = v.scim.limitations.clone();
    }
    let upgrade = upgrade_cost(v, users, &inputs);
    let out_of_scope = upgrade
        .as_ref()
        .and_then(|u| u.scim.as_ref())
        .is_some_and(|t| matches!(t.cost, PlanCost::OutOfScope { .. }));
    Column {
        slug: v.slug.clone(),
        name: v.name.clone(),
        category: v.category_label().to_string(),
        partial: v.is_partial(),
        scim: v.scim.available,
        scim_plan: v.scim.plan.clone(),
        scim_plan_price: v.scim_plan().map(|p| p.price.clone()),
        price_jump: price_jump(v),
        sso_required_first: v.scim.sso_required_first,
        idps: Idp::ALL
            .into_iter()
            .map(|i| match v.idp(i) {
                Some(s) => (i, s.sso, s.provisioning),
                None => (i, Tri::Unknown, Provisioning::Unknown),
            })
            .collect(),
        prerequisites: v.scim.prerequisites.clone(),
        vendor_enables: v.scim.vendor_enables,
        needs_quote: out_of_scope
            || matches!(v.scim_plan().map(|p| &p.price), Some(Price::Quote { .. })),
        manual_cost: calc.manual.manual_cost,
        upgrade,
        advice: advise(Some(v), &calc).action,
        limitations,
        last_checked: v.source.last_checked.clone(),
        source_url: v.source.url.clone(),
    }
}

/// What getting SCIM from one vendor costs a year at the team size: its SCIM plan's price,
/// as precisely as the data gives it (a range stays a range).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScimPrice {
    pub annual: Span,
    /// Sold by quote: the figure is a published estimate, not a list price.
    pub estimate: bool,
}

/// Why a vendor's SCIM price cannot be put in order with the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Unrankable {
    /// The vendor does not offer SCIM.
    NoScim,
    /// The data names no plan with SCIM, or has no plans.
    NoScimPlan,
    /// Sold by quote, with no estimate.
    Quote,
    /// No price we can use.
    Unknown,
    /// A free plan whose user cap is below the team size.
    OverFreeCap { max_users: u32 },
    /// A price stated only up to `up_to` people.
    OverStatedSeats { up_to: u32 },
    /// The source gives the price for other team sizes only.
    OutOfScope { scope: Scope },
}

/// Where a vendor stands in the bottom line, as a key (the CSV's `bottom_line`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    /// The cheapest way to get SCIM here, whatever the real prices within their ranges.
    Cheapest,
    /// Cheapest, at exactly the same price as another vendor.
    Tied,
    /// Dearer than the cheapest by a known amount (which may itself be a range).
    CostsMore,
    /// May be the cheapest: its range overlaps another contender's, so neither can be
    /// called cheaper.
    Overlaps,
    /// No price to rank (sold by quote, none stated, ...).
    CannotRank,
}

impl crate::domain::keys::Key for Rank {}

/// One vendor's line of the bottom line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub name: String,
    pub rank: Rank,
    /// The SCIM plan's price, or why there is none to rank.
    pub price: Result<ScimPrice, Unrankable>,
    /// How much more a year than the cheapest way ([`Rank::CostsMore`] only).
    pub more: Option<Span>,
}

/// The comparison's bottom line at a team size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BottomLine {
    pub users: u32,
    /// One per column, in the columns' order.
    pub standings: Vec<Standing>,
}

/// The SCIM plan's yearly price at the column's team size, from the same upgrade figures
/// the page shows (the calculator's defaults: list prices, or a published estimate).
pub fn scim_price(c: &Column) -> Result<ScimPrice, Unrankable> {
    if c.scim == Tri::No {
        return Err(Unrankable::NoScim);
    }
    let target = c.upgrade.as_ref().and_then(|u| u.scim.as_ref());
    match target.map(|t| &t.cost) {
        None => Err(Unrankable::NoScimPlan),
        Some(PlanCost::Known { annual, source }) => Ok(ScimPrice {
            annual: *annual,
            estimate: *source == PriceSource::Estimate,
        }),
        Some(PlanCost::Quote) => Err(Unrankable::Quote),
        Some(PlanCost::Unknown) => Err(Unrankable::Unknown),
        Some(PlanCost::OverFreeCap { max_users }) => Err(Unrankable::OverFreeCap {
            max_users: *max_users,
        }),
        Some(PlanCost::OverStatedSeats { up_to }) => {
            Err(Unrankable::OverStatedSeats { up_to: *up_to })
        }
        Some(PlanCost::OutOfScope { scope }) => Err(Unrankable::OutOfScope { scope: *scope }),
    }
}

/// Ranks the columns by what SCIM costs a year with each, never pretending a range is a
/// point: vendor A is cheaper than B only where A's highest possible price is at most B's
/// lowest. The cheapest way is therefore known to lie between the lowest low and the lowest
/// high; a vendor whose range dips below that lowest high may be the cheapest ("overlaps",
/// when more than one may be), and every other costs more by the interval difference.
pub fn bottom_line(columns: &[Column], users: u32) -> BottomLine {
    let prices: Vec<Result<ScimPrice, Unrankable>> = columns.iter().map(scim_price).collect();
    let known = || prices.iter().filter_map(|p| p.as_ref().ok());
    let floor = known().map(|p| p.annual.high).fold(f64::INFINITY, f64::min);
    let lowest = known().map(|p| p.annual.low).fold(f64::INFINITY, f64::min);
    // May be the cheapest: the one(s) with the lowest top, and any that can fall below it.
    let contends = |p: &ScimPrice| p.annual.low < floor || p.annual.high == floor;
    let contenders = known().filter(|p| contends(p)).count();
    let ranges = known().any(|p| contends(p) && !p.annual.is_point());
    let cheapest =
        Span::range(lowest, floor).approx(known().any(|p| contends(p) && p.annual.approx));
    let standings = columns
        .iter()
        .zip(prices)
        .map(|(c, price)| {
            let (rank, more) = match &price {
                Err(_) => (Rank::CannotRank, None),
                Ok(p) if contends(p) && contenders == 1 => (Rank::Cheapest, None),
                // Equal points are a tie; anything else among the contenders overlaps.
                Ok(p) if contends(p) && !ranges => (Rank::Tied, None),
                Ok(p) if contends(p) => (Rank::Overlaps, None),
                Ok(p) => (Rank::CostsMore, Some(p.annual.minus(cheapest))),
            };
            Standing {
                name: c.name.clone(),
                rank,
                price,
                more,
            }
        })
        .collect();
    BottomLine { users, standings }
}

impl ScimPrice {
    /// "$6,000 to $50,000 a year, an estimate (sold by quote)", "$70,560 a year".
    pub fn words(&self) -> String {
        let estimate = if self.estimate {
            ", an estimate (sold by quote)"
        } else {
            ""
        };
        format!("{} a year{estimate}", format::amount(&self.annual))
    }

    /// The same in figures: "$6,000–$50,000 a year (estimate)", "~$10,800+ a year".
    pub fn short(&self) -> String {
        let estimate = if self.estimate { " (estimate)" } else { "" };
        format!("{} a year{estimate}", format::span(&self.annual))
    }
}

impl Unrankable {
    /// Why, after "cannot be ranked: ".
    pub fn words(&self) -> String {
        match self {
            Unrankable::NoScim => "no plan offers SCIM".into(),
            Unrankable::NoScimPlan => "the data names no plan with SCIM".into(),
            Unrankable::Quote => "sold by quote".into(),
            Unrankable::Unknown => "no price we can use".into(),
            Unrankable::OverFreeCap { max_users } => format!(
                "the free plan with SCIM stops at {}",
                format::count(*max_users as usize, "person", "people")
            ),
            Unrankable::OverStatedSeats { up_to } => format!(
                "the price is stated for up to {} only",
                format::count(*up_to as usize, "person", "people")
            ),
            Unrankable::OutOfScope { scope } => {
                format!("priced for {} only: ask for a quote", format::scope(scope))
            }
        }
    }
}

impl BottomLine {
    /// The names of the vendors that are, or may be, the cheapest, but `except`.
    fn leaders(&self, except: Option<usize>) -> Vec<&str> {
        self.standings
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                Some(*i) != except && matches!(s.rank, Rank::Cheapest | Rank::Tied | Rank::Overlaps)
            })
            .map(|(_, s)| s.name.as_str())
            .collect()
    }

    /// The bottom line in one sentence: who is the cheapest way to get SCIM at the team
    /// size, and at what yearly price; or why no one can be named.
    pub fn headline(&self) -> String {
        let people = format::count(self.users as usize, "person", "people");
        let first = |rank: Rank| self.standings.iter().find(|s| s.rank == rank);
        let ranked = self
            .standings
            .iter()
            .filter(|s| s.rank != Rank::CannotRank)
            .count();
        if let Some(s) = first(Rank::Cheapest) {
            let price = s.price.as_ref().map(ScimPrice::words).unwrap_or_default();
            return if self.standings.len() == 1 {
                format!("At {people}, SCIM with {} costs {price}.", s.name)
            } else if ranked == 1 {
                format!(
                    "At {people}, only {} has a price we can rank: {price}.",
                    s.name
                )
            } else {
                format!(
                    "At {people}, the cheapest way to get SCIM here is {}: {price}.",
                    s.name
                )
            };
        }
        if let Some(s) = first(Rank::Tied) {
            let price = s.price.as_ref().map(ScimPrice::words).unwrap_or_default();
            return format!(
                "At {people}, {} tie as the cheapest way to get SCIM here: {price} each.",
                names(&self.leaders(None), "and")
            );
        }
        if first(Rank::Overlaps).is_some() {
            let leaders = self.leaders(None);
            let which = if leaders.len() == 2 {
                "either may cost less"
            } else {
                "any of them may cost the least"
            };
            return format!(
                "At {people}, no single vendor is the cheapest way to get SCIM: the price ranges of {} overlap, so {which}.",
                names(&leaders, "and")
            );
        }
        format!("At {people}, no vendor here has a SCIM price we can rank.")
    }

    /// Vendor `i`'s standing in words: "Cheapest", "Costs at least $10,000 more a year
    /// than Mode", "Cannot be ranked: sold by quote".
    pub fn standing_words(&self, i: usize) -> String {
        let Some(s) = self.standings.get(i) else {
            return String::new();
        };
        let overlap = self.standings.iter().any(|s| s.rank == Rank::Overlaps);
        let unranked = self.standings.iter().any(|s| s.rank == Rank::CannotRank);
        match (s.rank, &s.price, &s.more) {
            (Rank::Cheapest, ..) if self.standings.len() == 1 => "The only vendor compared".into(),
            // A vendor sold by quote may cost less: "cheapest" only among the prices known.
            (Rank::Cheapest, ..) if unranked => "Cheapest of those with a price".into(),
            (Rank::Cheapest, ..) => "Cheapest".into(),
            (Rank::Tied, ..) => format!(
                "Tied for cheapest with {}",
                names(&self.leaders(Some(i)), "and")
            ),
            (Rank::Overlaps, ..) => {
                let others: Vec<String> = self
                    .leaders(Some(i))
                    .iter()
                    .map(|n| format!("{n}'s"))
                    .collect();
                let others: Vec<&str> = others.iter().map(String::as_str).collect();
                format!(
                    "May be the cheapest (its price range overlaps {})",
                    names(&others, "and")
                )
            }
            (Rank::CostsMore, _, Some(more)) => {
                let leaders = names(&self.leaders(None), "and");
                let than = if overlap {
                    format!("the cheapest of {leaders}")
                } else {
                    leaders
                };
                let words = format::costs_or_saves(more);
                format!("{} a year than {than}", format::capitalised(&words))
            }
            (_, Err(why), _) => format!("Cannot be ranked: {}", why.words()),
            _ => String::new(),
        }
    }

    /// Vendor `i` in one short line, for the CSV and the card: its standing, with the
    /// yearly price in figures where it is, or may be, the cheapest ("May be the cheapest:
    /// $6,000–$50,000 a year (estimate)"). The page's cell says the same at length.
    pub fn summary(&self, i: usize) -> String {
        let Some(s) = self.standings.get(i) else {
            return String::new();
        };
        let label = match s.rank {
            Rank::Cheapest => self.standing_words(i),
            Rank::Tied => "Tied for cheapest".into(),
            Rank::Overlaps => "May be the cheapest".into(),
            Rank::CostsMore | Rank::CannotRank => return self.standing_words(i),
        };
        match &s.price {
            Ok(p) => format!("{label}: {}", p.short()),
            Err(_) => label,
        }
    }
}

/// "A", "A and B", "A, B and C" (with `joiner` for "and").
fn names(list: &[&str], joiner: &str) -> String {
    match list.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} {joiner} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(pairs: &[(&str, &str)]) -> Selection {
        parse(&Query::from_pairs(pairs.iter().copied()))
    }

    #[test]
    fn unreadable_names_make_one_message() {
        let many: Vec<String> = (0..6000).map(|i| format!("bad name {i}")).collect();
        let s = sel(&[("vendors", many.join(",").as_str())]);
        assert_eq!(
            Issue::messages(&s.issues),
            vec!["“bad name 0”, “bad name 1”, “bad name 2” and 5,997 more are not vendor names we could look up; they are left out."]
        );
        let s = sel(&[("vendors", "mode,\u{202E}edom!")]);
        assert_eq!(
            Issue::messages(&s.issues),
            vec!["“⟨U+202E⟩edom!” is not a vendor name we could look up; it is left out."]
        );
    }

    #[test]
    fn reads_lists_and_additions_without_duplicates() {
        let s = sel(&[
            ("vendors", "mode, Ironclad,mode"),
            ("add", "code42"),
            ("users", "120"),
        ]);
        assert_eq!(s.slugs, ["mode", "ironclad", "code42"]);
        assert_eq!(s.users, 120);
        assert!(s.issues.is_empty());
        assert_eq!(
            query(&s.slugs, s.users),
            "vendors=mode,ironclad,code42&users=120"
        );
    }

    /// A vendor of the test's own catalog: a plan without SCIM at $10 a user a month, then
    /// its SCIM plan at `scim` (none: the vendor has no SCIM).
    fn vendor(slug: &str, scim: Option<Price>) -> Vendor {
        use crate::domain::vendor::{Basis, Figure, Period, Plan, Source};
        let plan = Plan::of;
        let mut v = Vendor::new(
            slug.into(),
            slug.to_ascii_uppercase(),
            Source::placeholder(),
        );
        v.plans = vec![plan(
            "Team",
            Price::Stated {
                figure: Figure::point(Basis::PerUser, Period::Month, 10.0),
            },
            Tri::No,
        )];
        match scim {
            Some(price) => {
                v.scim.available = Tri::Yes;
                v.scim.plan = Some("Enterprise".into());
                v.plans.push(plan("Enterprise", price, Tri::Yes));
            }
            None => v.scim.available = Tri::No,
        }
        v
    }

    fn per_user_month(amount: f64) -> Option<Price> {
        use crate::domain::vendor::{Basis, Figure, Period};
        Some(Price::Stated {
            figure: Figure::point(Basis::PerUser, Period::Month, amount),
        })
    }

    fn flat_year(low: f64, high: Option<f64>) -> Figure {
        use crate::domain::vendor::{Basis, Period};
        Figure {
            basis: Basis::Flat,
            period: Period::Year,
            amount: None,
            low: Some(low),
            high: Some(high.unwrap_or(low)),
            or_more: high.is_none(),
            approx: false,
            scope: None,
        }
    }

    fn quote(estimate: Option<Figure>) -> Option<Price> {
        Some(Price::Quote {
            estimate,
            estimate_basis: None,
        })
    }

    use crate::domain::vendor::Figure;

    /// The bottom line of the test catalog's vendors at `users` people.
    fn bottom(vendors: &[Vendor], users: u32) -> BottomLine {
        let columns: Vec<Column> = vendors
            .iter()
            .map(|v| column(v, users, &Answers::default()))
            .collect();
        bottom_line(&columns, users)
    }

    fn ranks(b: &BottomLine) -> Vec<Rank> {
        b.standings.iter().map(|s| s.rank).collect()
    }

    fn words(b: &BottomLine) -> Vec<String> {
        (0..b.standings.len())
            .map(|i| b.standing_words(i))
            .collect()
    }

    #[test]
    fn the_cheapest_way_to_scim_leads_and_the_others_cost_more_in_words() {
        // At 100 people: A's Enterprise is 100 × $20 × 12 = $24,000 a year; B's is $60,000
        // flat; C sells by quote with no estimate, D has no SCIM.
        let catalog = [
            vendor("a", per_user_month(20.0)),
            vendor(
                "b",
                Some(Price::Stated {
                    figure: flat_year(60_000.0, Some(60_000.0)),
                }),
            ),
            vendor("c", quote(None)),
            vendor("d", None),
        ];
        let b = bottom(&catalog, 100);
        assert_eq!(
            ranks(&b),
            [
                Rank::Cheapest,
                Rank::CostsMore,
                Rank::CannotRank,
                Rank::CannotRank
            ]
        );
        assert_eq!(b.standings[1].more, Some(Span::point(36_000.0)));
        assert_eq!(
            b.headline(),
            "At 100 people, the cheapest way to get SCIM here is A: $24,000 a year."
        );
        assert_eq!(
            words(&b),
            [
                "Cheapest of those with a price",
                "Costs $36,000 more a year than A",
                "Cannot be ranked: sold by quote",
                "Cannot be ranked: no plan offers SCIM",
            ]
        );
        assert_eq!(
            b.summary(0),
            "Cheapest of those with a price: $24,000 a year"
        );
        assert_eq!(b.summary(1), "Costs $36,000 more a year than A");
        // The order of the columns does not change who leads.
        let b = bottom(
            &[catalog[2].clone(), catalog[1].clone(), catalog[0].clone()],
            100,
        );
        assert_eq!(
            ranks(&b),
            [Rank::CannotRank, Rank::CostsMore, Rank::Cheapest]
        );
    }

    #[test]
    fn equal_prices_tie() {
        let catalog = [
            vendor("a", per_user_month(20.0)),
            vendor("b", per_user_month(20.0)),
            vendor("c", per_user_month(25.0)),
        ];
        let b = bottom(&catalog, 10);
        assert_eq!(ranks(&b), [Rank::Tied, Rank::Tied, Rank::CostsMore]);
        assert_eq!(
            b.headline(),
            "At 10 people, A and B tie as the cheapest way to get SCIM here: $2,400 a year each."
        );
        assert_eq!(
            words(&b),
            [
                "Tied for cheapest with B",
                "Tied for cheapest with A",
                "Costs $600 more a year than A and B",
            ]
        );
    }

    #[test]
    fn ranges_rank_only_where_they_do_not_overlap() {
        // A: an estimate of $6,000 to $50,000 (sold by quote); B: $60,000 or more.
        let a = vendor("a", quote(Some(flat_year(6_000.0, Some(50_000.0)))));
        let b = vendor(
            "b",
            Some(Price::Stated {
                figure: flat_year(60_000.0, None),
            }),
        );
        let line = bottom(&[a.clone(), b.clone()], 120);
        assert_eq!(ranks(&line), [Rank::Cheapest, Rank::CostsMore]);
        assert_eq!(
            line.headline(),
            "At 120 people, the cheapest way to get SCIM here is A: $6,000 to $50,000 a year, an estimate (sold by quote)."
        );
        // The widest difference: at least $60,000 − $50,000, with no top.
        assert_eq!(line.standings[1].more, Some(Span::at_least(10_000.0)));
        assert_eq!(
            line.standing_words(1),
            "Costs at least $10,000 more a year than A"
        );
        // C at $30,000 a year falls inside A's range: neither is cheaper for sure, and B
        // costs more than whichever of them is cheaper.
        let c = vendor(
            "c",
            Some(Price::Stated {
                figure: flat_year(30_000.0, Some(30_000.0)),
            }),
        );
        let line = bottom(&[a, b, c], 120);
        assert_eq!(
            ranks(&line),
            [Rank::Overlaps, Rank::CostsMore, Rank::Overlaps]
        );
        assert_eq!(
            line.headline(),
            "At 120 people, no single vendor is the cheapest way to get SCIM: the price ranges of A and C overlap, so either may cost less."
        );
        assert_eq!(
            words(&line),
            [
                "May be the cheapest (its price range overlaps C's)",
                "Costs at least $30,000 more a year than the cheapest of A and C",
                "May be the cheapest (its price range overlaps A's)",
            ]
        );
        assert_eq!(
            line.summary(0),
            "May be the cheapest: $6,000–$50,000 a year (estimate)"
        );
        for s in &line.standings {
            assert!(s.rank != Rank::Cheapest, "no point value is made up");
        }
    }

    #[test]
    fn quotes_are_never_ranked() {
        let catalog = [vendor("a", quote(None)), vendor("b", quote(None))];
        let b = bottom(&catalog, 50);
        assert_eq!(ranks(&b), [Rank::CannotRank, Rank::CannotRank]);
        assert_eq!(
            b.headline(),
            "At 50 people, no vendor here has a SCIM price we can rank."
        );
        assert_eq!(b.summary(0), "Cannot be ranked: sold by quote");
        // One quote beside one price: the price is not "the cheapest", only the one ranked.
        let b = bottom(
            &[vendor("a", quote(None)), vendor("b", per_user_month(5.0))],
            50,
        );
        assert_eq!(ranks(&b), [Rank::CannotRank, Rank::Cheapest]);
        assert_eq!(
            b.headline(),
            "At 50 people, only B has a price we can rank: $3,000 a year."
        );
    }

    #[test]
    fn odd_names_and_too_many_vendors_are_reported() {
        let s = sel(&[("vendors", "a,<script>,b,c,d,e,f,g"), ("users", "-3")]);
        assert_eq!(s.slugs.len(), MAX_VENDORS);
        assert_eq!(s.issues.len(), 3, "{:?}", s.issues);
        assert_eq!(s.users, 1);
    }
}
