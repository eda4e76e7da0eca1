//! Prices written as short text, as a dataset prints them (`$9.50/u/mo`,
//! `Team: $30/mo flat`, `Contact Sales (~$40K+/yr)`), read into our [`Price`] model.
//!
//! The rule is never to guess: a string becomes a typed price only when every part of it
//! has one reading in our model. Anything else (another currency, a price per device,
//! screen, event or credit, usage-based pricing, an add-on on top of another plan, a price
//! in two parts, a qualifier in brackets) is kept as written in [`Price::Text`], which the
//! pages show as such and every calculation treats as unknown.
//!
//! The grammar, in full:
//! - an optional plan prefix `Name: ` (the name of the plan the price belongs to);
//! - `—` and `Not public`: no price given ([`Price::Unknown`]);
//! - `Contact Sales`, `Per quote`, `custom`: sold by quote ([`Price::Custom`]), and
//!   `Contact Sales (<figure>)` with the dataset's own estimate;
//! - `Free`, and `Free (≤N users)` with a user cap;
//! - a figure: `~` (approximate), `$`, an amount (`1,250`, `9.50`, `60K`), `+` (or more),
//!   optionally `–` and a second amount (a range; `$10–25K` reads as $10K to $25K, the
//!   suffix and sign applying to both ends as written), then `/unit/period` or `/period`,
//!   then optionally ` flat`, or ` minimum` / ` min` / ` (min)` (a lower bound).
//!   Units that count people (`u`, `user`, `seat`, `member`, `person`, `agent`, `editor`,
//!   `maker`, `contributor`, `emp`, `employee`) make a per-user price; no unit, or
//!   `flat`, a price for the whole account. Periods are `mo` and `yr`.

use crate::domain::vendor::{Basis, Figure, Period, Price, PriceCheck};

/// A price read from text, and the plan its prefix names.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceText {
    /// The plan named before a colon (`Team: $30/mo flat` names `Team`).
    pub plan: Option<String>,
    pub price: Price,
    /// A seat minimum the text states.
    pub min_seats: Option<u32>,
}

impl PriceText {
    /// Whether the text became a typed price (anything but [`Price::Text`]).
    pub fn is_read(&self) -> bool {
        !matches!(self.price, Price::Text { .. })
    }
}

/// Reads `text`. `estimate_basis` says whose estimate a `Contact Sales (~$…)` figure is.
/// Never panics; what cannot be read with certainty comes back as [`Price::Text`].
pub fn parse(text: &str, estimate_basis: &str) -> PriceText {
    let text = text.trim();
    let (plan, rest) = split_plan(text);
    let price = read(rest, estimate_basis).unwrap_or_else(|| Price::Text {
        text: rest.to_string(),
    });
    PriceText {
        plan,
        price,
        min_seats: None,
    }
}

/// The price to cost, given the text as read and the publisher's per-user figure (USD per
/// user a month), and how the two relate.
pub fn reconcile(text: &PriceText, per_user_month: Option<f64>) -> (Price, PriceCheck) {
    let plain_monthly = match &text.price {
        Price::Stated { figure: f } if f.basis == Basis::PerUser && !f.or_more => {
            f.amount.map(|a| a * f.period.per_year() / 12.0)
        }
        _ => None,
    };
    match (&text.price, per_user_month) {
        (Price::Unknown, None) => (Price::Unknown, PriceCheck::NoPrice),
        (Price::Unknown | Price::Text { .. }, Some(_)) => {
            (text.price.clone(), PriceCheck::FigureOnly)
        }
        (_, None) => (text.price.clone(), PriceCheck::TextOnly),
        (_, Some(n)) => match plain_monthly {
            Some(m) if (m - n).abs() < 0.005 => (text.price.clone(), PriceCheck::Agree),
            Some(_) => (
                Price::Text {
                    text: crate::domain::format::price(&text.price),
                },
                PriceCheck::Contradict,
            ),
            None => (text.price.clone(), PriceCheck::TextSaysMore),
        },
    }
}

/// `Name: rest` → (`Name`, `rest`), where `Name` looks like a plan name: no money signs
/// or brackets, at most 60 characters.
fn split_plan(s: &str) -> (Option<String>, &str) {
    match s.split_once(": ") {
        Some((name, rest))
            if !name.trim().is_empty()
                && name.chars().count() <= 60
                && !name.contains(['$', '€', '£', '~', '(', ')'])
                && !rest.trim().is_empty() =>
        {
            (Some(name.trim().to_string()), rest.trim())
        }
        _ => (None, s),
    }
}

fn read(s: &str, estimate_basis: &str) -> Option<Price> {
    let lower = s.to_lowercase();
    match lower.as_str() {
        "" | "—" | "not public" => return Some(Price::Unknown),
        "contact sales" | "per quote" | "custom" => {
            return Some(Price::Custom {
                estimate: None,
                estimate_basis: None,
            })
        }
        "free" => return Some(Price::Free { max_users: None }),
        _ => {}
    }
    if let Some(inner) = bracketed(s, "contact sales") {
        return Some(Price::Custom {
            estimate: Some(figure(inner)?),
            estimate_basis: Some(estimate_basis.to_string()),
        });
    }
    if let Some(inner) = bracketed(s, "free") {
        let n = inner
            .strip_prefix('≤')?
            .trim()
            .strip_suffix("users")?
            .trim();
        let (n, rest) = number(n)?;
        let whole = n.fract() == 0.0 && (1.0..=1e9).contains(&n);
        return (rest.is_empty() && whole).then_some(Price::Free {
            max_users: Some(n as u32),
        });
    }
    figure(s).map(|figure| Price::Stated { figure })
}

/// `Word (inner)` → `inner`, the word matched without regard to case.
fn bracketed<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    strip_prefix_ci(s, word)?
        .trim_start()
        .strip_prefix('(')?
        .strip_suffix(')')
        .map(str::trim)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}

/// A plain number, `1,250` or `9.50`, at the start of `s`; commas only between groups of
/// three digits. Returns the value and the rest.
fn number(s: &str) -> Option<(f64, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let (raw, rest) = s.split_at(end);
    if !raw.starts_with(|c: char| c.is_ascii_digit()) || raw.ends_with([',', '.']) {
        return None;
    }
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if frac.contains([',', '.']) {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let digits = if frac.is_empty() {
        groups.concat()
    } else {
        format!("{}.{frac}", groups.concat())
    };
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some((value, rest))
}

/// One amount: `$` (unless `sign` is optional), a number, `K` for thousands, `+`.
struct Amount {
    value: f64,
    thousands: bool,
    or_more: bool,
}

fn amount(s: &str, sign_required: bool) -> Option<(Amount, &str)> {
    let s = match s.strip_prefix('$') {
        Some(rest) => rest,
        None if sign_required => return None,
        None => s,
    };
    let (value, rest) = number(s)?;
    let (thousands, rest) = match rest.strip_prefix(['K', 'k']) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (or_more, rest) = match rest.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    Some((
        Amount {
            value,
            thousands,
            or_more,
        },
        rest,
    ))
}

const PER_USER_UNITS: [&str; 14] = [
    "u",
    "user",
    "users",
    "seat",
    "seats",
    "member",
    "person",
    "agent",
    "editor",
    "maker",
    "contributor",
    "emp",
    "employee",
    "employees",
];

fn period(word: &str) -> Option<Period> {
    match word.to_ascii_lowercase().as_str() {
        "mo" | "month" => Some(Period::Month),
        "yr" | "year" => Some(Period::Year),
        _ => None,
    }
}

/// A whole figure (see the module's grammar), or `None` where any part has no certain
/// reading.
fn figure(s: &str) -> Option<Figure> {
    let mut s = s.trim();
    let mut minimum = false;
    for suffix in [" (min)", " minimum", " min"] {
        if let Some(rest) = strip_suffix_ci(s, suffix) {
            s = rest.trim_end();
            minimum = true;
            break;
        }
    }
    let (body, flat) = match strip_suffix_ci(s, " flat") {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (approx, body) = match body.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (first, rest) = amount(body, true)?;
    let (second, rest) = match rest.strip_prefix(['–', '-']) {
        Some(r) if !first.or_more => {
            let (a, r) = amount(r, false)?;
            (Some(a), r)
        }
        Some(_) => return None,
        None => (None, rest),
    };
    // After the amounts: `/unit/period` or `/period`, perhaps `+` at the very end.
    let rest = rest.strip_prefix('/')?;
    let (rest, trailing_plus) = match rest.strip_suffix('+') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let parts: Vec<&str> = rest.split('/').collect();
    let (basis, per) = match parts.as_slice() {
        [p] => (Basis::Flat, period(p)?),
        [unit, p] if PER_USER_UNITS.contains(&unit.to_ascii_lowercase().as_str()) && !flat => {
            (Basis::PerUser, period(p)?)
        }
        _ => return None,
    };
    let scale = |a: &Amount, thousands: bool| a.value * if thousands { 1000.0 } else { 1.0 };
    let (amount, low, high, open) = match second {
        None => (
            Some(scale(&first, first.thousands)),
            None,
            None,
            first.or_more,
        ),
        Some(second) => {
            // `$10–25K`: the suffix written once applies to both ends.
            let low = scale(&first, first.thousands || second.thousands);
            let high = scale(&second, second.thousands);
            if low > high {
                return None;
            }
            (None, Some(low), Some(high), second.or_more)
        }
    };
    Some(Figure {
        basis,
        period: per,
        amount,
        low,
        high,
        or_more: open || trailing_plus || minimum,
        approx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASIS: &str = "the dataset's estimate";

    fn fig(basis: Basis, period: Period, amount: f64) -> Figure {
        Figure::point(basis, period, amount)
    }

    fn range(basis: Basis, period: Period, low: f64, high: f64) -> Figure {
        Figure {
            amount: None,
            low: Some(low),
            high: Some(high),
            ..fig(basis, period, 0.0)
        }
    }

    fn approx(f: Figure) -> Figure {
        Figure { approx: true, ..f }
    }

    fn or_more(f: Figure) -> Figure {
        Figure { or_more: true, ..f }
    }

    fn stated(f: Figure) -> Price {
        Price::Stated { figure: f }
    }

    fn text(t: &str) -> Price {
        Price::Text { text: t.into() }
    }

    fn custom() -> Price {
        Price::Custom {
            estimate: None,
            estimate_basis: None,
        }
    }

    fn estimate(f: Figure) -> Price {
        Price::Custom {
            estimate: Some(f),
            estimate_basis: Some(BASIS.into()),
        }
    }

    use Basis::{Flat, PerUser};
    use Period::{Month, Year};

    /// Every pattern the SCIM Tax Index's price columns use, one string per pattern with
    /// the numbers changed, and the price and plan it reads as.
    #[test]
    fn every_pattern_of_the_index() {
        let cases: Vec<(&str, Option<&str>, Price)> = vec![
            ("—", None, Price::Unknown),
            ("Contact Sales", None, custom()),
            ("Free", None, Price::Free { max_users: None }),
            (
                "Team: $22/u/mo",
                Some("Team"),
                stated(fig(PerUser, Month, 22.0)),
            ),
            ("Team: $40/mo", Some("Team"), stated(fig(Flat, Month, 40.0))),
            // The bug elsewhere read /u/mo as flat: it is per user.
            ("$8.99/u/mo", None, stated(fig(PerUser, Month, 8.99))),
            ("$3,300/mo", None, stated(fig(Flat, Month, 3300.0))),
            (
                "Lite: $24/seat/mo",
                Some("Lite"),
                stated(fig(PerUser, Month, 24.0)),
            ),
            ("~$25/u/mo", None, stated(approx(fig(PerUser, Month, 25.0)))),
            (
                "Early: ~$25/mo",
                Some("Early"),
                stated(approx(fig(Flat, Month, 25.0))),
            ),
            (
                "Contact Sales (~$30K+/yr)",
                None,
                estimate(or_more(approx(fig(Flat, Year, 30_000.0)))),
            ),
            ("$32/seat/mo", None, stated(fig(PerUser, Month, 32.0))),
            (
                "Growth: $25/agent/mo",
                Some("Growth"),
                stated(fig(PerUser, Month, 25.0)),
            ),
            ("Usage-based", None, text("Usage-based")),
            (
                "Growth: ~$40K/yr",
                Some("Growth"),
                stated(approx(fig(Flat, Year, 40_000.0))),
            ),
            ("Core: $2.40/unit/mo", Some("Core"), text("$2.40/unit/mo")),
            (
                "~$20/emp/mo",
                None,
                stated(approx(fig(PerUser, Month, 20.0))),
            ),
            (
                "Essentials: Free",
                Some("Essentials"),
                Price::Free { max_users: None },
            ),
            (
                "Basic: $25–40/mo",
                Some("Basic"),
                stated(range(Flat, Month, 25.0, 40.0)),
            ),
            (
                "Teams: $499/user/yr",
                Some("Teams"),
                stated(fig(PerUser, Year, 499.0)),
            ),
            ("Not public", None, Price::Unknown),
            (
                "Plus: $20/member/mo",
                Some("Plus"),
                stated(fig(PerUser, Month, 20.0)),
            ),
            ("$500/mo flat", None, stated(fig(Flat, Month, 500.0))),
            ("Basic: $9/screen/mo", Some("Basic"), text("$9/screen/mo")),
            (
                "Teams: $29.95/mo flat",
                Some("Teams"),
                stated(fig(Flat, Month, 29.95)),
            ),
            (
                "Contact Sales (~$32K–$354K/yr)",
                None,
                estimate(approx(range(Flat, Year, 32_000.0, 354_000.0))),
            ),
            (
                "$3,500/mo (~200 users)",
                None,
                text("$3,500/mo (~200 users)"),
            ),
            (
                "— (on top of any Atlassian plan)",
                None,
                text("— (on top of any Atlassian plan)"),
            ),
            (
                "Professional: $249/tech/mo",
                Some("Professional"),
                text("$249/tech/mo"),
            ),
            ("~$240/provider/mo", None, text("~$240/provider/mo")),
            // Monthly active users of a sign-in product are its customers' end users, not
            // the seats our calculator counts: a user cap here would mislead.
            ("Free (8,500 MAU)", None, text("Free (8,500 MAU)")),
            ("Varies by product", None, text("Varies by product")),
            ("+$34/computer/yr", None, text("+$34/computer/yr")),
            (
                "$25,000/yr minimum",
                None,
                stated(or_more(fig(Flat, Year, 25_000.0))),
            ),
            (
                "Launch: $380/yr",
                Some("Launch"),
                stated(fig(Flat, Year, 380.0)),
            ),
            ("~$25.40/device/mo", None, text("~$25.40/device/mo")),
            ("~$1.55/DBU", None, text("~$1.55/DBU")),
            ("$33/host/mo", None, text("$33/host/mo")),
            (
                "Professional: €249/mo",
                Some("Professional"),
                text("€249/mo"),
            ),
            (
                "Team: $49/editor/mo",
                Some("Team"),
                stated(fig(PerUser, Month, 49.0)),
            ),
            (
                "Contact Sales (~$25K/yr)",
                None,
                estimate(approx(fig(Flat, Year, 25_000.0))),
            ),
            ("$70K+/yr", None, stated(or_more(fig(Flat, Year, 70_000.0)))),
            ("Dynamic pricing", None, text("Dynamic pricing")),
            (
                "Visitor: $89/location/mo",
                Some("Visitor"),
                text("$89/location/mo"),
            ),
            (
                "Business: ~$20–35K/yr",
                Some("Business"),
                stated(approx(range(Flat, Year, 20_000.0, 35_000.0))),
            ),
            (
                "Standard: $249/yr/device",
                Some("Standard"),
                text("$249/yr/device"),
            ),
            ("Simple: $59+$7/emp", Some("Simple"), text("$59+$7/emp")),
            ("~$290/mo (MSP)", None, text("~$290/mo (MSP)")),
            (
                "$900/mo+ (Marketing Pro)",
                None,
                text("$900/mo+ (Marketing Pro)"),
            ),
            ("$850/mo (SaaS)", None, text("$850/mo (SaaS)")),
            (
                "Free (≤20 users)",
                None,
                Price::Free {
                    max_users: Some(20),
                },
            ),
            (
                "~$30/mo (min)",
                None,
                stated(or_more(approx(fig(Flat, Month, 30.0)))),
            ),
            (
                "~$2.50–2.90/seat/mo",
                None,
                stated(approx(range(PerUser, Month, 2.5, 2.9))),
            ),
            ("Per quote", None, custom()),
            (
                "~$4–9/u/mo",
                None,
                stated(approx(range(PerUser, Month, 4.0, 9.0))),
            ),
            (
                "$649/contributor/yr",
                None,
                stated(fig(PerUser, Year, 649.0)),
            ),
            ("$675/mo + $22/user", None, text("$675/mo + $22/user")),
            // An add-on's price is not the price of a plan: what SCIM costs is the add-on
            // plus a plan we cannot name.
            ("$5/u/mo (add-on)", None, text("$5/u/mo (add-on)")),
            ("+$5/u/mo", None, text("+$5/u/mo")),
            ("$8/mo (20k PVs)", None, text("$8/mo (20k PVs)")),
            ("Startup: custom", Some("Startup"), custom()),
            (
                "Starter: $29/maker/mo",
                Some("Starter"),
                stated(fig(PerUser, Month, 29.0)),
            ),
            ("$5.16/person/mo", None, stated(fig(PerUser, Month, 5.16))),
            ("Team: $49/mo/room", Some("Team"), text("$49/mo/room")),
            ("~+$7/u/mo", None, text("~+$7/u/mo")),
            (
                "~$22,000/yr min",
                None,
                stated(or_more(approx(fig(Flat, Year, 22_000.0)))),
            ),
            (
                "Core: ~$79/endpoint/yr",
                Some("Core"),
                text("~$79/endpoint/yr"),
            ),
            ("$70/event", None, text("$70/event")),
            ("Core: free to start", Some("Core"), text("free to start")),
            (
                "~$3/credit (consumption)",
                None,
                text("~$3/credit (consumption)"),
            ),
            ("Workload-based", None, text("Workload-based")),
            ("$25/u/mo (Viewer)", None, text("$25/u/mo (Viewer)")),
            ("+$600/mo add-on", None, text("+$600/mo add-on")),
            (
                "$40,000–$90,000+/yr",
                None,
                stated(or_more(range(Flat, Year, 40_000.0, 90_000.0))),
            ),
            // Contacting support is about turning SCIM on, not a price.
            ("Contact Support", None, text("Contact Support")),
            ("CHF 34.90/u/mo", None, text("CHF 34.90/u/mo")),
            ("Pro: CHF 29.90/u/mo", Some("Pro"), text("CHF 29.90/u/mo")),
            // Further forms the file uses beside the list above.
            ("$300/mo (4 users)", None, text("$300/mo (4 users)")),
            ("~$569/yr", None, stated(approx(fig(Flat, Year, 569.0)))),
            ("$89/computer/yr", None, text("$89/computer/yr")),
            ("~$3/credit", None, text("~$3/credit")),
            (
                "Team+: $8.99/u/mo",
                Some("Team+"),
                stated(fig(PerUser, Month, 8.99)),
            ),
        ];
        for (input, plan, price) in cases {
            let got = parse(input, BASIS);
            assert_eq!(
                got,
                PriceText {
                    plan: plan.map(Into::into),
                    price,
                    min_seats: None,
                },
                "{input}"
            );
        }
    }

    #[test]
    fn ambiguous_or_malformed_figures_stay_text() {
        for s in [
            "$5K–8/yr",   // low above high once read
            "$1,0000/mo", // a comma that groups nothing
            "$12/mo/u",   // unit after the period
            "$12/u/mo flat",
            "$12+–20/mo",
            "$/mo",
            "$12",
            "12/mo",
            "$12/week",
            "Free (≤0 users)",
            "Free (up to 10 users)",
        ] {
            let got = parse(s, BASIS);
            assert!(!got.is_read(), "{s} was read as {:?}", got.price);
        }
    }

    proptest::proptest! {
        /// Any string at all: no panic, and what comes back is either kept as written or
        /// a well-formed price.
        #[test]
        fn never_panics(s in "\\PC{0,40}", t in "[~$+0-9,.K–\\-/a-z ():]{0,24}") {
            for input in [s.as_str(), t.as_str()] {
                let got = parse(input, BASIS);
                match got.price {
                    Price::Stated { figure } | Price::Custom { estimate: Some(figure), .. } => {
                        let values = [figure.amount, figure.low, figure.high];
                        proptest::prop_assert!(values.iter().flatten().all(|v| v.is_finite() && *v >= 0.0));
                        proptest::prop_assert!(figure.amount.is_some() != (figure.low.is_some() && figure.high.is_some()));
                        if let (Some(lo), Some(hi)) = (figure.low, figure.high) {
                            proptest::prop_assert!(lo <= hi);
                        }
                    }
                    Price::Text { text } => proptest::prop_assert!(input.contains(text.as_str())),
                    _ => {}
                }
            }
        }
    }
}
