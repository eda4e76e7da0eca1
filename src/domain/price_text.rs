//! Prices written as short text, as a dataset prints them (`$9.50/u/mo`,
//! `Team: $30/mo flat`, `Contact Sales (~$40K+/yr)`, `$15 per user/month, billed annually`),
//! read into our [`Price`] model, and [`reconcile`]d with a publisher's own per-user figure.
//!
//! The rule is never to guess: a string becomes a typed price only when every part of it
//! has one reading in our model. Anything else (another currency, a price per device,
//! screen, event or credit, usage-based pricing, an add-on on top of another plan, a
//! platform fee, a count of users as a scope, a qualifier we do not know) is kept as
//! written in [`Price::Text`], which the pages show as such and every calculation treats as
//! unknown.
//!
//! The grammar, in full (words in any case):
//! - an optional plan prefix `Name: ` (the name of the plan the price belongs to; no money
//!   signs or brackets in it);
//! - no price given ([`Price::Unknown`]): `—`, nothing at all, and `Not public`,
//!   `Not disclosed`, `Not stated`, `Not published`, `Not listed`, `Not captured`,
//!   `Not verified` or `Unknown`, each alone or followed by a remark in brackets (the remark
//!   says why there is no price, so it is not read);
//! - `Not offered`, alone or with a remark in brackets: there is no such plan
//!   ([`PriceText::not_offered`], the price [`Price::Unknown`]);
//! - sold by quote ([`Price::Quote`]): one of [`QUOTE_HEADS`] (`Contact Sales`, `Contact
//!   us`, `Per quote`, `Custom`, `Custom quote`, `Request pricing`, `Price upon request`…),
//!   alone, or with a figure in brackets, the dataset's own estimate (`Contact Sales
//!   (~$30K+/yr)`), or with a remark in brackets whose parts are each one of
//!   [`QUOTE_REMARKS`] (`custom pricing`, `no public pricing`, `book a demo`…), billing
//!   words or a seat minimum (`from 30 members`), all below;
//! - free ([`Price::Free`]): `Free`, `Free (≤N users)` with a user cap, `Free (unlimited
//!   users)`, `Free (no paid tier)`, and `No extra charge`, `No additional charge`,
//!   `Included` (nothing to pay for what the column prices);
//! - a figure, then what is said about it.
//!
//! A figure is: optionally `from`, `starts at`, `starting at` or `as low as` (a lower
//! bound); `~` (approximate); `$`, `US$`, `US $` or `USD `; an amount (`1,250`, `9.50`,
//! `60K`); `+` (or more), or `–` and a second amount (a range; `$10–25K` reads as $10K to
//! $25K, the suffix and sign applying to both ends as written); optionally ` USD`; then
//! what it is per: `/unit/period`, `/period/unit`, `/period per unit`, ` per unit per
//! period`, ` per unit/period`, ` unit/period`, `/period` or ` per period`; then optionally
//! `+` (or more). Periods are `mo`, `month`, `yr` and `year`. Units that count people
//! ([`PERSON_UNITS`]: `u`, `user`, `seat`, `full seat`, `named user`, `active user`,
//! `full user`, `full platform user`, `license`, `licence`, `member`, `team member`,
//! `person`, `people`, `agent`, `editor`, `maker`, `creator`, `developer`, `contributor`,
//! `collaborator`, `emp`, `employee`, and plurals) make a per-user price; no unit, a price
//! for the whole account. Any other unit (host, device, screen, line, site, computer,
//! location, GB, credit, technician…) leaves the text as written.
//!
//! After the figure come parts cut at commas, semicolons, brackets and ` + `; each part is
//! a run of these phrases and nothing else:
//! - billing words, which leave the price as it is ([`BILLING`]): `billed annually`,
//!   `billed yearly`, `billed monthly`, `paid annually`, `paid yearly`, `annual`,
//!   `annually`, `yearly`, `monthly`, `annual commitment`, `annual billing`, `annual only`,
//!   `annual term`, `annual, billed monthly`, `monthly billing`, `monthly only`,
//!   `month-to-month`, and `SCIM included`;
//! - the same price restated in the other period or per user: `($84/user/yr, billed
//!   annually)` after `$7/u/mo`, `($6,210/yr)` after `$517.50/mo`, `(~$16.58/u/mo)` after
//!   `$199/u/yr`, `(~$25/u/mo)` after `$2,500/mo for 100 users`, `billed annually at
//!   $99/user`; read only where it equals the figure converted, to the precision it is
//!   written in (half a cent where it shows cents, half a dollar where it does not, $500
//!   where it is in thousands), and only after a single amount;
//! - the price with monthly billing: `($12 monthly)`, `$25 monthly`, `or $159.99/mo
//!   monthly`, `$80/mo billed monthly`; read only where it is not below the figure a month,
//!   and otherwise ignored (the figure is the price with the billing the text states);
//! - `flat`; and, after a price for the whole account only, `unlimited users` (or members,
//!   seats, creators…), `no per-user fees`, `not per user`, `no seat pricing`;
//! - `min` or `minimum` alone: the figure is a lower bound;
//! - after a per-user price only, a seat minimum ([`PriceText::min_seats`]): `min 3 seats`,
//!   `min. 3 seats`, `minimum 20 users`, `50-user minimum`, `3-license minimum`, `3-user
//!   min`, `2 user min`, `3 users minimum`, `starts at 5 seats`, `from 30 members`, `3+
//!   users`, and `min 10` with the figure's own unit;
//! - after a price for the whole account only, the users it includes and the price of each
//!   further user, which make a [`Price::Seats`]: `incl. 10 users`, `includes 5 users`,
//!   `including 5 users`, `5 seats included`, `for 10 members`, `for the first 10 users`,
//!   or a bare `1 user` beside a price per further user; that price as `+$130/user/yr`, `+$15/month/seat`,
//!   `+$6/mo per extra creator`, `+ $11/additional user/mo`, `extra members $50/mo each`,
//!   `additional users $15/month`, `add users for $29/mo each` or `$45/seat/mo after`;
//!   and a cap on how many further users that price covers, `up to 10 extra seats at
//!   $4.99/seat/mo`. `+` a per-user price where no users are said to be included
//!   (`$49/mo + $6/mo per person`) charges every user on top of the fee.
//!
//! Whatever else a text says (a scope such as `up to 10 users` or `2-15 users`, a count of
//! users with no price for more, a term such as `3-year term`, a platform fee, usage, an
//! add-on, another currency even beside a dollar figure as in `$28/u/mo (CHF 28)`) keeps
//! the whole text as written.
//!
//! [`reconcile`] then sets a text against a publisher's per-user figure, and says which
//! price to cost ([`PriceCheck`]).

use crate::domain::vendor::{Basis, Figure, Period, Price, PriceCheck};
use crate::domain::written_number::number;

/// A price read from text, and the plan its prefix names.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceText {
    /// The plan named before a colon (`Team: $30/mo flat` names `Team`).
    pub plan: Option<String>,
    pub price: Price,
    /// The seat minimum the text states (`min 3 seats`); only beside a per-user price or a
    /// price by quote.
    pub min_seats: Option<u32>,
    /// The text says there is no such plan (`Not offered`); `price` is [`Price::Unknown`].
    pub not_offered: bool,
    /// The price as written, without the plan prefix: what [`Price::Text`] keeps.
    pub written: String,
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
    let reading = read(rest, estimate_basis).unwrap_or_else(|| {
        Reading::of(Price::Text {
            text: rest.to_string(),
        })
    });
    PriceText {
        plan,
        price: reading.price,
        min_seats: reading.min_seats,
        not_offered: reading.not_offered,
        written: rest.to_string(),
    }
}

/// Half a cent: how far a per-user price a month may be from the publisher's figure and
/// still be the same price (the publisher rounds to the cent).
const HALF_CENT: f64 = 0.005;

/// Sets a price text against the publisher's normalised per-user figure (USD per user a
/// month, annual billing), and says which price to cost:
/// - the text reads as a plain per-user price within half a cent of the figure (a yearly
///   price taken a month): [`PriceCheck::Agree`], the text's price;
/// - the text reads as more than a plain per-user price (a flat fee, [`Price::Seats`], a
///   seat minimum, a lower bound, a range, a free plan with a cap) with the figure inside
///   what it allows, or with no per-user reading at all: [`PriceCheck::TextSaysMore`], the
///   text's price;
/// - the text's per-user price, or the range it allows, is not the figure, or the text says
///   "by quote" where the publisher has a figure: [`PriceCheck::Contradict`], the text as
///   [`Price::Text`], so that nothing is costed as certain;
/// - the text is read and there is no figure: [`PriceCheck::TextOnly`], the text's price;
/// - the text is not read, or says no price is given, and there is a figure:
///   [`PriceCheck::FigureOnly`], nothing costed (the figure is the publisher's
///   normalisation, not a price to cost a team of any size with);
/// - the text is not read and there is no figure: [`PriceCheck::Unread`];
/// - no price in either form: [`PriceCheck::NoPrice`], [`Price::Unknown`].
pub fn reconcile(text: &PriceText, per_user_month: Option<f64>) -> (Price, PriceCheck) {
    let figure = per_user_month.filter(|f| f.is_finite() && *f >= 0.0);
    let as_written = || Price::Text {
        text: text.written.clone(),
    };
    match (&text.price, figure) {
        (Price::Unknown, None) => (Price::Unknown, PriceCheck::NoPrice),
        (Price::Unknown, Some(_)) => (Price::Unknown, PriceCheck::FigureOnly),
        (Price::Text { .. }, Some(_)) => (text.price.clone(), PriceCheck::FigureOnly),
        (Price::Text { .. }, None) => (text.price.clone(), PriceCheck::Unread),
        (p, None) => (p.clone(), PriceCheck::TextOnly),
        (p, Some(f)) => match per_user_month_of(text) {
            PerUserMonth::Plain(a) if (a - f).abs() <= HALF_CENT + 1e-9 => {
                (p.clone(), PriceCheck::Agree)
            }
            PerUserMonth::Within { low, high }
                if low - HALF_CENT - 1e-9 <= f && f <= high + HALF_CENT + 1e-9 =>
            {
                (p.clone(), PriceCheck::TextSaysMore)
            }
            PerUserMonth::Plain(_) | PerUserMonth::Within { .. } => {
                (as_written(), PriceCheck::Contradict)
            }
            PerUserMonth::None if matches!(p, Price::Quote { .. }) => {
                (as_written(), PriceCheck::Contradict)
            }
            PerUserMonth::None => (p.clone(), PriceCheck::TextSaysMore),
        },
    }
}

/// What a text says a user costs a month, where it speaks of users at all.
enum PerUserMonth {
    /// A plain per-user price, nothing more.
    Plain(f64),
    /// A per-user price with more to it (a minimum, a lower bound, a range, a cap): the
    /// figures it allows.
    Within { low: f64, high: f64 },
    /// No per-user reading (a flat fee, seats included, a quote).
    None,
}

fn per_user_month_of(t: &PriceText) -> PerUserMonth {
    match &t.price {
        Price::Free { max_users: None } if t.min_seats.is_none() => PerUserMonth::Plain(0.0),
        Price::Free { .. } => PerUserMonth::Within {
            low: 0.0,
            high: 0.0,
        },
        Price::Stated { figure: f } if f.basis == Basis::PerUser => {
            let k = f.period.per_year() / 12.0;
            let top = |x: f64| if f.or_more { f64::INFINITY } else { x * k };
            match (f.amount, f.low, f.high) {
                (Some(a), _, _) if !f.or_more && t.min_seats.is_none() => {
                    PerUserMonth::Plain(a * k)
                }
                (Some(a), _, _) => PerUserMonth::Within {
                    low: a * k,
                    high: top(a),
                },
                (None, Some(lo), Some(hi)) => PerUserMonth::Within {
                    low: lo * k,
                    high: top(hi),
                },
                _ => PerUserMonth::None,
            }
        }
        _ => PerUserMonth::None,
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

/// A text read: its price, and what goes with it.
struct Reading {
    price: Price,
    min_seats: Option<u32>,
    not_offered: bool,
}

impl Reading {
    fn of(price: Price) -> Reading {
        Reading {
            price,
            min_seats: None,
            not_offered: false,
        }
    }
}

/// Words that say no price is given.
const NO_PRICE: [&str; 8] = [
    "not public",
    "not disclosed",
    "not stated",
    "not published",
    "not listed",
    "not captured",
    "not verified",
    "unknown",
];

/// Words that say a price is given by quote only.
pub const QUOTE_HEADS: [&str; 25] = [
    "contact sales",
    "contact us",
    "contact for pricing",
    "contact your account manager",
    "per quote",
    "custom",
    "custom quote",
    "custom pricing",
    "request pricing",
    "request a quote",
    "request quote",
    "request a demo",
    "price upon request",
    "speak to sales",
    "talk to sales",
    "talk with sales",
    "call sales",
    "get a quote",
    "get pricing",
    "get custom quote",
    "let's talk pricing",
    "quote only",
    "quote-only",
    "quote-based",
    "by quote",
];

/// Remarks beside a quote that say only how to ask for it.
pub const QUOTE_REMARKS: [&str; 40] = [
    "custom",
    "custom pricing",
    "custom price",
    "custom quote",
    "customized quote",
    "personalized quote",
    "custom plans only",
    "quote only",
    "quote-only",
    "quote-based",
    "quote-based subscription",
    "quote-only subscription",
    "tailored",
    "contract required",
    "no public pricing",
    "no public price",
    "no public prices",
    "no public tiers",
    "no public plans",
    "no prices published",
    "no list price",
    "request a quote",
    "request pricing",
    "request quote",
    "request demo",
    "request a demo",
    "book a demo",
    "book demo",
    "book a free demo",
    "get a quote",
    "get pricing",
    "get custom quote",
    "contact us",
    "contact sales",
    "talk to sales",
    "talk to our team",
    "enquire",
    "free trial",
    "speak to sales",
    "talk with sales",
];

fn read(s: &str, estimate_basis: &str) -> Option<Reading> {
    let lower = s.to_ascii_lowercase();
    let l = lower.as_str();
    if l.is_empty() || l == "—" {
        return Some(Reading::of(Price::Unknown));
    }
    if alone_or_remarked(l, &["not offered"]) {
        return Some(Reading {
            not_offered: true,
            ..Reading::of(Price::Unknown)
        });
    }
    if alone_or_remarked(l, &NO_PRICE) {
        return Some(Reading::of(Price::Unknown));
    }
    if let Some(rest) = longest(l, &QUOTE_HEADS) {
        return quote(rest, estimate_basis);
    }
    if let Some(price) = free(l) {
        return Some(Reading::of(price));
    }
    priced(l)
}

/// `word`, or `word (any remark)`.
fn alone_or_remarked(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| match l.strip_prefix(w) {
        Some("") => true,
        Some(rest) => rest.starts_with(" (") && rest.ends_with(')'),
        None => false,
    })
}

/// What follows a quote's head word: nothing, an estimate, or a remark.
fn quote(rest: &str, estimate_basis: &str) -> Option<Reading> {
    let custom = |estimate: Option<Figure>| Price::Quote {
        estimate_basis: estimate.as_ref().map(|_| estimate_basis.to_string()),
        estimate,
    };
    if rest.is_empty() {
        return Some(Reading::of(custom(None)));
    }
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    if let Some(Reading {
        price: Price::Stated { figure },
        min_seats: None,
        ..
    }) = priced(inner)
    {
        return Some(Reading::of(custom(Some(figure))));
    }
    let mut notes = Notes::default();
    for part in parts(inner) {
        if !QUOTE_REMARKS.contains(&part) {
            phrases(part, &mut notes)?;
        }
    }
    // Of the phrases, only billing words and a seat minimum go with a quote.
    let Notes {
        min_seats,
        flat: false,
        flat_only: false,
        lower_bound: false,
        min_unitless: None,
        included: None,
        bare_count: None,
        extra: None,
        max_extra: None,
        ..
    } = notes
    else {
        return None;
    };
    if !notes.restated.is_empty() || !notes.monthly_billing.is_empty() {
        return None;
    }
    Some(Reading {
        min_seats,
        ..Reading::of(custom(None))
    })
}

fn free(l: &str) -> Option<Price> {
    match l {
        "free" | "no extra charge" | "no additional charge" | "included" => {
            return Some(Price::Free { max_users: None })
        }
        "free (unlimited users)" | "free (no paid tier)" => {
            return Some(Price::Free { max_users: None })
        }
        _ => {}
    }
    let inner = l.strip_prefix("free (")?.strip_suffix(')')?.trim();
    let n = inner
        .strip_prefix('≤')?
        .trim()
        .strip_suffix("users")?
        .trim();
    let (n, rest) = number(n)?;
    let whole = n.fract() == 0.0 && (1.0..=1e9).contains(&n);
    (rest.is_empty() && whole).then_some(Price::Free {
        max_users: Some(n as u32),
    })
}

/// The longest of `words` that `s` starts with, ending at a word boundary; the rest, its
/// leading spaces removed.
fn longest<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .filter_map(|w| strip_word(s, w).map(|r| (w.len(), r)))
        .max_by_key(|(n, _)| *n)
        .map(|(_, r)| r.trim_start())
}

/// `s` after `w`, where `w` ends at a word boundary (no letter or digit runs on).
fn strip_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(w)?;
    let runs_on = w.ends_with(|c: char| c.is_alphanumeric())
        && rest.starts_with(|c: char| c.is_alphanumeric());
    (!runs_on).then_some(rest)
}

/// A count of users: a whole number from 1.
fn count(s: &str) -> Option<(u32, &str)> {
    let (n, rest) = number(s)?;
    (n.fract() == 0.0 && (1.0..=1e7).contains(&n)).then_some((n as u32, rest))
}

/// One amount: a number, `K` for thousands, `+`.
struct Amount {
    value: f64,
    thousands: bool,
    or_more: bool,
    /// Written with a decimal point (`9.50`), so exact to the cent.
    cents: bool,
}

fn amount(s: &str) -> Option<(Amount, &str)> {
    let (value, rest) = number(s)?;
    let cents = s[..s.len() - rest.len()].contains('.');
    let (thousands, rest) = match rest.strip_prefix(['K', 'k']) {
        Some(r) if !r.starts_with(|c: char| c.is_alphanumeric()) => (true, r),
        _ => (false, rest),
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
            cents,
        },
        rest,
    ))
}

/// An amount of money as written: one amount or a range, perhaps approximate.
struct Money {
    first: Amount,
    second: Option<Amount>,
    approx: bool,
}

impl Money {
    /// The amount as a [`Figure`] of `basis` a `period`; `None` where a range runs
    /// downwards.
    fn figure(&self, basis: Basis, period: Period) -> Option<Figure> {
        let scale = |a: &Amount, thousands: bool| a.value * if thousands { 1000.0 } else { 1.0 };
        let (amount, low, high, or_more) = match &self.second {
            None => (
                Some(scale(&self.first, self.first.thousands)),
                None,
                None,
                self.first.or_more,
            ),
            Some(second) => {
                // `$10–25K`: the suffix written once applies to both ends.
                let low = scale(&self.first, self.first.thousands || second.thousands);
                let high = scale(second, second.thousands);
                if low > high {
                    return None;
                }
                (None, Some(low), Some(high), second.or_more)
            }
        };
        Some(Figure {
            basis,
            period,
            amount,
            low,
            high,
            or_more,
            approx: self.approx,
            // A price text names no team sizes it holds for.
            scope: None,
        })
    }

    /// A single amount, not open: the only kind a restatement may be.
    fn point(&self) -> Option<f64> {
        match self.figure(Basis::Flat, Period::Month)? {
            Figure {
                amount: Some(a),
                or_more: false,
                ..
            } => Some(a),
            _ => None,
        }
    }

    /// Half the last unit written: how far a restated amount may be from the exact
    /// conversion and still be the same price rounded.
    fn precision(&self) -> f64 {
        if self.first.thousands {
            500.0
        } else if self.first.cents {
            HALF_CENT
        } else {
            0.5
        }
    }
}

/// The currencies a figure may be written in: US dollars only.
const DOLLAR_SIGNS: [&str; 4] = ["us$", "us $", "usd ", "$"];

fn money(s: &str) -> Option<(Money, &str)> {
    let (approx, s) = match s.strip_prefix('~') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let s = DOLLAR_SIGNS.iter().find_map(|c| s.strip_prefix(c))?;
    let (first, rest) = amount(s)?;
    let (second, rest) = match rest.strip_prefix(['–', '-']) {
        Some(_) if first.or_more => return None,
        Some(r) => {
            let (a, r) = amount(r.strip_prefix('$').unwrap_or(r))?;
            (Some(a), r)
        }
        None => (None, rest),
    };
    let rest = strip_word(rest, " usd").unwrap_or(rest);
    Some((
        Money {
            first,
            second,
            approx,
        },
        rest,
    ))
}

/// Units that count people (see the module's grammar).
pub const PERSON_UNITS: [&str; 41] = [
    "u",
    "user",
    "users",
    "seat",
    "seats",
    "full seat",
    "full seats",
    "named user",
    "named users",
    "active user",
    "active users",
    "license",
    "licenses",
    "licence",
    "licences",
    "member",
    "members",
    "team member",
    "team members",
    "person",
    "people",
    "agent",
    "agents",
    "editor",
    "editors",
    "maker",
    "makers",
    "creator",
    "creators",
    "developer",
    "developers",
    "contributor",
    "contributors",
    "emp",
    "employee",
    "employees",
    "full user",
    "full users",
    "full platform user",
    "collaborator",
    "collaborators",
];

/// A unit that counts people, perhaps `extra` or `additional` (a user beyond those
/// included): whether it was, and the rest.
fn person(s: &str) -> Option<(bool, &str)> {
    let (extra, s) = match s
        .strip_prefix("extra ")
        .or_else(|| s.strip_prefix("additional "))
    {
        Some(r) => (true, r),
        None => (false, s),
    };
    let rest = PERSON_UNITS
        .iter()
        .filter_map(|u| strip_word(s, u).map(|r| (u.len(), r)))
        .max_by_key(|(n, _)| *n)?
        .1;
    Some((extra, rest))
}

/// People, and not `extra` ones: ` users`.
fn people(s: &str) -> Option<&str> {
    match person(s.strip_prefix(' ')?)? {
        (false, rest) => Some(rest),
        (true, _) => None,
    }
}

fn period(s: &str) -> Option<(Period, &str)> {
    [
        ("month", Period::Month),
        ("mo", Period::Month),
        ("year", Period::Year),
        ("yr", Period::Year),
    ]
    .into_iter()
    .find_map(|(w, p)| strip_word(s, w).map(|r| (p, r)))
}

/// What an amount is per: a unit that counts people (`Some(extra)`) or none, and a period.
fn unit_per(s: &str) -> Option<(Option<bool>, Period, &str)> {
    if let Some(r) = s.strip_prefix('/') {
        if let Some((p, r)) = period(r) {
            // `/mo/user`, `/mo per full seat`; any other unit after the period (`/mo per
            // host`) is not a person's, and the text stays as written.
            if let Some(r) = r.strip_prefix('/').or_else(|| r.strip_prefix(" per ")) {
                let (x, r) = person(r)?;
                return Some((Some(x), p, r));
            }
            return Some((None, p, r));
        }
        let (x, r) = person(r)?;
        let (p, r) = period(r.strip_prefix('/')?)?;
        return Some((Some(x), p, r));
    }
    if let Some(r) = s.strip_prefix(" per ") {
        if let Some((p, r)) = period(r) {
            return Some((None, p, r));
        }
        let (x, r) = person(r)?;
        let r = r
            .strip_prefix(" per ")
            .or_else(|| r.strip_prefix(" / "))
            .or_else(|| r.strip_prefix('/'))?;
        let (p, r) = period(r)?;
        return Some((Some(x), p, r));
    }
    let (x, r) = person(s.strip_prefix(' ')?)?;
    let (p, r) = period(r.strip_prefix('/')?)?;
    Some((Some(x), p, r))
}

/// Words that make a figure a lower bound when they open the text.
const LOWER_BOUND: [&str; 4] = ["from ", "starts at ", "starting at ", "as low as "];

/// Billing words: they say how the price is billed, not what it is.
pub const BILLING: [&str; 17] = [
    "billed annually",
    "billed yearly",
    "billed monthly",
    "paid annually",
    "paid yearly",
    "annual commitment",
    "annual billing",
    "annual only",
    "annual term",
    "monthly billing",
    "monthly only",
    "month-to-month",
    "annually",
    "annual",
    "yearly",
    "monthly",
    "scim included",
];

/// After a price for the whole account only: that it does not depend on users.
const FLAT_ONLY: [&str; 3] = ["no per-user fees", "not per user", "no seat pricing"];

/// What the parts after a figure say about it.
#[derive(Default)]
struct Notes {
    /// `flat`.
    flat: bool,
    /// `unlimited users` and the like: true of a flat price only.
    flat_only: bool,
    /// `min` or `minimum` alone.
    lower_bound: bool,
    min_seats: Option<u32>,
    /// `min 10`, in the figure's own unit.
    min_unitless: Option<u32>,
    included: Option<u32>,
    /// `1 user`: users included, where a price for further users goes with it.
    bare_count: Option<u32>,
    /// The price of a further user, and whether it needs a count of users included
    /// (`extra`, `additional`, `each`, `after`) or charges every user (`+$6/mo per person`).
    extra: Option<(Figure, bool)>,
    max_extra: Option<u32>,
    /// The figure restated, to check.
    restated: Vec<Restated>,
    /// The price with monthly billing, to check.
    monthly_billing: Vec<Restated>,
}

/// A single amount that must agree with the figure.
struct Restated {
    value: f64,
    per_person: bool,
    period: Period,
    precision: f64,
}

/// Sets `slot` once; a second value for the same thing is a text we cannot read.
fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// The text after a figure, cut at brackets, semicolons, commas (not those inside a number)
/// and before ` +`.
fn parts(s: &str) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let cut = match c {
            '(' | ')' | ';' => true,
            ',' => !bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            '+' => i > 0 && bytes[i - 1] == b' ',
            _ => false,
        };
        if cut {
            out.push(&s[start..i]);
            // A `+` stays with the part it opens: it says "on top".
            start = if c == '+' { i } else { i + c.len_utf8() };
        }
    }
    out.push(&s[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A part: phrases, one after another, every word of it read.
fn phrases(part: &str, notes: &mut Notes) -> Option<()> {
    let mut s = part.trim();
    while !s.is_empty() {
        s = phrase(s, notes)?.trim_start();
    }
    Some(())
}

/// One phrase at the start of `s`, noted; the rest.
fn phrase<'a>(s: &'a str, notes: &mut Notes) -> Option<&'a str> {
    if let Some(r) = longest(s, &BILLING) {
        // `billed annually at $99/user`: the price a year.
        if let Some(r) = r.strip_prefix("at ") {
            let (m, r) = money(r)?;
            let (per_person, per, r) = match unit_per(r) {
                Some((Some(false), p, r)) => (true, p, r),
                Some((None, p, r)) => (false, p, r),
                Some((Some(true), ..)) => return None,
                None => match r.strip_prefix('/').and_then(person) {
                    Some((false, r)) => (true, Period::Year, r),
                    _ => (false, Period::Year, r),
                },
            };
            notes.restated.push(Restated {
                value: m.point()?,
                per_person,
                period: per,
                precision: m.precision(),
            });
            return Some(r);
        }
        return Some(r);
    }
    if let Some(r) = strip_word(s, "flat") {
        notes.flat = true;
        return Some(r);
    }
    if let Some(r) = longest(s, &FLAT_ONLY) {
        notes.flat_only = true;
        return Some(r);
    }
    if let Some(r) = s.strip_prefix("unlimited ") {
        notes.flat_only = true;
        return person(r).filter(|(x, _)| !*x).map(|(_, r)| r);
    }
    if s == "min" || s == "minimum" {
        notes.lower_bound = true;
        return Some("");
    }
    // `min 3 seats`, `minimum 20 users`, `min 10`.
    if let Some(r) = ["minimum ", "min. ", "min "]
        .iter()
        .find_map(|w| s.strip_prefix(w))
    {
        let (n, r) = count(r)?;
        return match people(r) {
            Some(r) => once(&mut notes.min_seats, n).map(|_| r),
            None => once(&mut notes.min_unitless, n).map(|_| r),
        };
    }
    // `starts at 5 seats`, `from 30 members`.
    for w in ["starts at ", "from "] {
        if let Some((n, r)) = s.strip_prefix(w).and_then(count) {
            let r = people(r)?;
            return once(&mut notes.min_seats, n).map(|_| r);
        }
    }
    // `incl. 10 users`, `for the first 10 users`, `for 100 users`.
    for w in [
        "incl. ",
        "includes ",
        "including ",
        "for the first ",
        "for ",
    ] {
        if let Some(r) = s.strip_prefix(w) {
            let (n, r) = count(r)?;
            let r = people(r)?;
            return once(&mut notes.included, n).map(|_| r);
        }
    }
    // `up to 10 extra seats at $4.99/seat/mo`: a price for further users, and a cap.
    if let Some(r) = s.strip_prefix("up to ") {
        let (n, r) = count(r)?;
        let (true, r) = person(r.strip_prefix(' ')?)? else {
            return None;
        };
        let r = r.trim_start().strip_prefix("at ")?;
        once(&mut notes.max_extra, n)?;
        return further_user(r, notes, false);
    }
    // `extra members $50/mo each`, `additional users $15/month`.
    if let Some((true, r)) = person(s) {
        return further_user(r.trim_start(), notes, false);
    }
    // `add users for $29/mo each`.
    if let Some(r) = s.strip_prefix("add ") {
        let (false, r) = person(r)? else {
            return None;
        };
        return further_user(r.strip_prefix(" for ")?, notes, false);
    }
    // Counts: `5 seats included`, `3+ users`, `50-user minimum`, `3 users minimum`, `1 user`.
    if let Some((n, r)) = count(s) {
        if let Some(r) = r.strip_prefix('+') {
            let r = people(r)?;
            return once(&mut notes.min_seats, n).map(|_| r);
        }
        if let Some(r) = r.strip_prefix('-') {
            let (false, r) = person(r)? else {
                return None;
            };
            let r = minimum_word(r)?;
            return once(&mut notes.min_seats, n).map(|_| r);
        }
        let r = people(r)?;
        if let Some(r) = r.strip_prefix(' ').and_then(|r| strip_word(r, "included")) {
            return once(&mut notes.included, n).map(|_| r);
        }
        if let Some(r) = minimum_word(r) {
            return once(&mut notes.min_seats, n).map(|_| r);
        }
        return once(&mut notes.bare_count, n).map(|_| r);
    }
    figure_phrase(s, notes)
}

/// ` minimum` or ` min`.
fn minimum_word(s: &str) -> Option<&str> {
    let s = s.strip_prefix(' ')?;
    strip_word(s, "minimum").or_else(|| strip_word(s, "min"))
}

/// A figure in a part: the price restated, the price with monthly billing, or the price of
/// a further user.
fn figure_phrase<'a>(s: &'a str, notes: &mut Notes) -> Option<&'a str> {
    let (or, s) = match s.strip_prefix("or ") {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (plus, s) = match s.strip_prefix('+') {
        Some(r) => (true, r.trim_start()),
        None => (false, s),
    };
    let (m, r) = money(s)?;
    let (unit, per, r) = match unit_per(r) {
        Some((u, p, r)) => (u, Some(p), r),
        None => (None, None, r),
    };
    let r = r.trim_start();
    if let Some(r) = strip_word(r, "monthly").or_else(|| strip_word(r, "billed monthly")) {
        // The price with monthly billing: `$12 monthly`, `$25/mo monthly`.
        if plus || unit == Some(true) || per == Some(Period::Year) {
            return None;
        }
        notes.monthly_billing.push(Restated {
            value: m.point()?,
            per_person: unit.is_some(),
            period: Period::Month,
            precision: m.precision(),
        });
        return Some(r);
    }
    if or {
        return None;
    }
    if unit == Some(true) || (plus && unit.is_some()) {
        // `+$6/mo per extra creator`, `+$130/user/yr`.
        let beyond_count = unit == Some(true) || !plus;
        return further_user(s, notes, !beyond_count);
    }
    if plus {
        // A fee on top, not per user: an add-on we cannot cost.
        return None;
    }
    if strip_word(r, "each")
        .or_else(|| strip_word(r, "after"))
        .is_some()
    {
        // `$45/seat/mo after`, `$50/mo each`: the price of a further user.
        return further_user(s, notes, false);
    }
    // The figure restated; billing words after it are read as the next phrase.
    notes.restated.push(Restated {
        value: m.point()?,
        per_person: unit.is_some(),
        period: per?,
        precision: m.precision(),
    });
    Some(r)
}

/// The price of a further user at the start of `s` (`$50/mo each`, `$4.99/seat/mo`,
/// `$15/month`, `+$130/user/yr`), noted; `every_user` where no count of users included is
/// needed (it charges every user on top of the fee).
fn further_user<'a>(s: &'a str, notes: &mut Notes, every_user: bool) -> Option<&'a str> {
    let s = s.strip_prefix('+').map(str::trim_start).unwrap_or(s);
    let (m, r) = money(s)?;
    let (_, per, r) = unit_per(r)?;
    let r = r.trim_start();
    let r = strip_word(r, "each")
        .or_else(|| strip_word(r, "after"))
        .unwrap_or(r);
    let figure = m.figure(Basis::PerUser, per)?;
    once(&mut notes.extra, (figure, !every_user)).map(|_| r)
}

/// A figure and what follows it (see the module's grammar), or `None` where any part has
/// no certain reading.
fn priced(l: &str) -> Option<Reading> {
    let (lower, s) = LOWER_BOUND
        .iter()
        .find_map(|w| l.strip_prefix(w).map(|r| (true, r)))
        .unwrap_or((false, l));
    let (m, s) = money(s)?;
    let (unit, per, s) = unit_per(s)?;
    if unit == Some(true) {
        return None;
    }
    let (plus, s) = match s.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut notes = Notes::default();
    for part in parts(s) {
        phrases(part, &mut notes)?;
    }
    let per_user = unit.is_some();
    let basis = if per_user {
        Basis::PerUser
    } else {
        Basis::Flat
    };
    let mut head = m.figure(basis, per)?;
    head.or_more |= lower || plus || notes.lower_bound;
    let seat_words = notes.included.is_some()
        || notes.bare_count.is_some()
        || notes.extra.is_some()
        || notes.max_extra.is_some();
    if per_user && (notes.flat || notes.flat_only || seat_words) {
        return None;
    }
    let min_seats = match (notes.min_seats, notes.min_unitless) {
        (Some(_), Some(_)) => return None,
        (a, b) => a.or(b),
    };
    // A seat minimum means nothing beside a price for the whole account.
    if min_seats.is_some() && !per_user {
        return None;
    }
    let price = if seat_words {
        let included = match (notes.included, notes.bare_count, &notes.extra) {
            (Some(n), None, _) => n,
            (None, Some(n), Some(_)) => n,
            (None, None, Some((_, false))) => 0,
            _ => return None,
        };
        Price::Seats {
            fee: head.clone(),
            included,
            extra: notes.extra.map(|(f, _)| f),
            max_extra: notes.max_extra,
        }
    } else {
        Price::Stated {
            figure: head.clone(),
        }
    };
    for r in &notes.restated {
        let a = head.amount?;
        let expected = match (&price, r.per_person) {
            (_, false) => a,
            (Price::Stated { .. }, true) if per_user => a,
            (
                Price::Seats {
                    included,
                    extra: None,
                    ..
                },
                true,
            ) if *included > 0 => a / *included as f64,
            _ => return None,
        };
        let expected = expected * per.per_year() / r.period.per_year();
        if (r.value - expected).abs() > r.precision + 1e-9 * expected.abs().max(1.0) {
            return None;
        }
    }
    for alt in &notes.monthly_billing {
        let a = head.amount?;
        if alt.per_person && !per_user {
            return None;
        }
        let monthly = a * per.per_year() / 12.0;
        if alt.value < monthly - alt.precision - 1e-9 {
            return None;
        }
    }
    Some(Reading {
        price,
        min_seats,
        not_offered: false,
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
        Price::Quote {
            estimate: None,
            estimate_basis: None,
        }
    }

    fn estimate(f: Figure) -> Price {
        Price::Quote {
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
        check(&cases);
    }

    fn check(cases: &[(&str, Option<&str>, Price)]) {
        for (input, plan, price) in cases {
            let got = parse(input, BASIS);
            assert_eq!((got.plan.as_deref(), &got.price), (*plan, price), "{input}");
        }
    }

    #[test]
    fn ambiguous_or_malformed_figures_stay_text() {
        for s in [
            "$5K–8/yr",   // low above high once read
            "$1,0000/mo", // a comma that groups nothing
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

    /// The SCIM Tax Index v3's spelled-out units and periods, billing words, restated
    /// prices and lower bounds: each reads as one exact price.
    #[test]
    fn v3_units_periods_and_billing_words() {
        let cases: Vec<(&str, Option<&str>, Price)> = vec![
            (
                "$8 per user per month",
                None,
                stated(fig(PerUser, Month, 8.0)),
            ),
            (
                "$15 per user/month, billed annually",
                None,
                stated(fig(PerUser, Month, 15.0)),
            ),
            (
                "USD 136 per user per month",
                None,
                stated(fig(PerUser, Month, 136.0)),
            ),
            (
                "US$16.99/license/mo",
                None,
                stated(fig(PerUser, Month, 16.99)),
            ),
            ("$12/mo/user", None, stated(fig(PerUser, Month, 12.0))),
            (
                "$44 per editor/month",
                None,
                stated(fig(PerUser, Month, 44.0)),
            ),
            (
                "$6.00 user/month, paid yearly",
                None,
                stated(fig(PerUser, Month, 6.0)),
            ),
            ("US $15 user/month", None, stated(fig(PerUser, Month, 15.0))),
            (
                "$110 per agent per month",
                None,
                stated(fig(PerUser, Month, 110.0)),
            ),
            (
                "$399 per seat/month (annual)",
                None,
                stated(fig(PerUser, Month, 399.0)),
            ),
            (
                "$10 USD/employee/mo",
                None,
                stated(fig(PerUser, Month, 10.0)),
            ),
            (
                "Organization: $55/full seat/mo (annual)",
                Some("Organization"),
                stated(fig(PerUser, Month, 55.0)),
            ),
            (
                "$150.00 per named user/mo",
                None,
                stated(fig(PerUser, Month, 150.0)),
            ),
            (
                "Pro: $30 per active user/month",
                Some("Pro"),
                stated(fig(PerUser, Month, 30.0)),
            ),
            (
                "Business: US$250/year per person",
                Some("Business"),
                stated(fig(PerUser, Year, 250.0)),
            ),
            (
                "Teams: $40/mo per full seat (monthly)",
                Some("Teams"),
                stated(fig(PerUser, Month, 40.0)),
            ),
            (
                "Acrobat Standard for teams: US$16.99/license/mo (annual, billed monthly)",
                Some("Acrobat Standard for teams"),
                stated(fig(PerUser, Month, 16.99)),
            ),
            (
                "Starter: $40/developer/mo (billed monthly)",
                Some("Starter"),
                stated(fig(PerUser, Month, 40.0)),
            ),
            (
                "Teams: $4/u/mo (annual, SCIM included)",
                Some("Teams"),
                stated(fig(PerUser, Month, 4.0)),
            ),
            // The price with monthly billing beside it, not below it.
            (
                "$10/user/mo billed annually ($12 monthly)",
                None,
                stated(fig(PerUser, Month, 10.0)),
            ),
            (
                "Aha! Roadmaps Premium: $59/u/mo billed annually ($74 monthly)",
                Some("Aha! Roadmaps Premium"),
                stated(fig(PerUser, Month, 59.0)),
            ),
            (
                "Business: $20/u/mo (annual) or $25 monthly",
                Some("Business"),
                stated(fig(PerUser, Month, 20.0)),
            ),
            (
                "US$1,799.88/yr per license (~$149.99/mo), or $159.99/mo monthly",
                None,
                stated(fig(PerUser, Year, 1799.88)),
            ),
            (
                "Guard: $275/yr flat ($25/mo monthly)",
                Some("Guard"),
                stated(fig(Flat, Year, 275.0)),
            ),
            // Restated in the other period, and equal once converted.
            (
                "Business: $7/u/mo ($84/user/yr, billed annually)",
                Some("Business"),
                stated(fig(PerUser, Month, 7.0)),
            ),
            (
                "Pro: $8.25/u/mo (billed annually at $99/user)",
                Some("Pro"),
                stated(fig(PerUser, Month, 8.25)),
            ),
            (
                "Standard: $199/u/yr (~$16.58/u/mo)",
                Some("Standard"),
                stated(fig(PerUser, Year, 199.0)),
            ),
            (
                "Business: $8/u/mo billed yearly ($96/yr)",
                Some("Business"),
                stated(fig(PerUser, Month, 8.0)),
            ),
            (
                "Pro: $13/member/mo billed annually ($156/yr; $15 monthly)",
                Some("Pro"),
                stated(fig(PerUser, Month, 13.0)),
            ),
            (
                "Basic: $239.88/yr flat ($19.99/mo billed yearly)",
                Some("Basic"),
                stated(fig(Flat, Year, 239.88)),
            ),
            (
                "Team: $480/yr ($40/mo) flat, unlimited users; $48/mo monthly",
                Some("Team"),
                stated(fig(Flat, Year, 480.0)),
            ),
            // Lower bounds.
            (
                "Enterprise: from $21/u/mo",
                Some("Enterprise"),
                stated(or_more(fig(PerUser, Month, 21.0))),
            ),
            (
                "Starts at $9 per employee per month",
                None,
                stated(or_more(fig(PerUser, Month, 9.0))),
            ),
            (
                "Starting at USD 599 per employee/month",
                None,
                stated(or_more(fig(PerUser, Month, 599.0))),
            ),
            (
                "Standard: as low as $99/mo",
                Some("Standard"),
                stated(or_more(fig(Flat, Month, 99.0))),
            ),
            (
                "Standard: starting at $4,999 USD per year (billed annually)",
                Some("Standard"),
                stated(or_more(fig(Flat, Year, 4999.0))),
            ),
            (
                "Starter: from $89/mo flat (annual), $99 monthly",
                Some("Starter"),
                stated(or_more(fig(Flat, Month, 89.0))),
            ),
            (
                "Starter: $20/mo billed annually (flat, unlimited users)",
                Some("Starter"),
                stated(fig(Flat, Month, 20.0)),
            ),
        ];
        check(&cases);
        // Every billing word leaves the price as it is.
        for q in [
            "billed annually",
            "billed yearly",
            "(annual)",
            "(billed annually)",
            "paid yearly",
            "(annual commitment)",
            "(monthly billing)",
            "billed monthly",
            "(annual, billed monthly)",
            "(annual only)",
            "(monthly only)",
            "(month-to-month)",
        ] {
            let input = format!("$9/u/mo {q}");
            let got = parse(&input, BASIS);
            assert_eq!(got.price, stated(fig(PerUser, Month, 9.0)), "{input}");
            assert_eq!(got.min_seats, None, "{input}");
        }
    }

    /// A seat minimum, beside a per-user price only.
    #[test]
    fn seat_minimums() {
        let cases: [(&str, f64, u32); 11] = [
            (
                "Organization: $119/seat/mo billed annually (min 3 seats)",
                119.0,
                3,
            ),
            (
                "Launch: $3/user/mo billed annually (minimum 20 users)",
                3.0,
                20,
            ),
            (
                "Essentials: $29/u/mo (billed annually, 50-user minimum)",
                29.0,
                50,
            ),
            ("Basics: $9.99/u/mo (3-user min, annual)", 9.99, 3),
            (
                "Team: $15/u/mo billed annually ($19 monthly), 2 user min",
                15.0,
                2,
            ),
            (
                "Pro Team: $13/seat/mo billed yearly, starts at 5 seats",
                13.0,
                5,
            ),
            ("Team Advantage: $30/u/mo (3+ users, annual)", 30.0, 3),
            ("$150.00 per named user/mo (min 10)", 150.0, 10),
            ("Build: $14/u/mo billed yearly, 3 users minimum", 14.0, 3),
            (
                "Essentials: $30/license/mo billed annually (3-license minimum)",
                30.0,
                3,
            ),
            (
                "Enterprise: $80/u/mo billed annually, minimum 10 seats",
                80.0,
                10,
            ),
        ];
        for (input, amount, min) in cases {
            let got = parse(input, BASIS);
            assert_eq!(got.price, stated(fig(PerUser, Month, amount)), "{input}");
            assert_eq!(got.min_seats, Some(min), "{input}");
        }
        let quote = parse("Contact Sales (custom pricing, from 30 members)", BASIS);
        assert_eq!((quote.price, quote.min_seats), (custom(), Some(30)));
        for input in [
            // Two minimums, a minimum beside a flat fee, a minimum of something else.
            "$10/u/mo (min 3 seats, 5+ users)",
            "$1,499/mo (annual commitment, from 3 users)",
            "Enterprise: starts at $15k/yr (50-seat minimum)",
            "$12/mo min 3 seats",
            "Business: $139.90/host/yr, min 3 hosts",
            "Teams: $40/mo per full seat (monthly), $80/mo minimum",
            "Digital: $119/seat/mo (concurrent, min 50 seats)",
            "Basic: $29/user/mo (36-month term, 5 user minimum)",
            "Business: €49.99/user/mo (annual), 50-user minimum for SCIM",
        ] {
            let got = parse(input, BASIS);
            assert!(!got.is_read(), "{input} was read as {:?}", got.price);
            assert_eq!(got.min_seats, None, "{input}");
        }
    }

    fn seats(fee: Figure, included: u32, extra: Option<Figure>, max_extra: Option<u32>) -> Price {
        Price::Seats {
            fee,
            included,
            extra,
            max_extra,
        }
    }

    /// A fee with users included, and the price of each further user where the text gives it.
    #[test]
    fn fees_with_users_included() {
        let cases: Vec<(&str, Option<&str>, Price)> = vec![
            (
                "Pro: $517.50/mo billed annually ($6,210/yr) incl. 10 users, +$130/user/yr",
                Some("Pro"),
                seats(fig(Flat, Month, 517.5), 10, Some(fig(PerUser, Year, 130.0)), None),
            ),
            (
                "Starter: $90/mo billed annually ($1,080/yr) incl. 5 users, +$65/user/yr",
                Some("Starter"),
                seats(fig(Flat, Month, 90.0), 5, Some(fig(PerUser, Year, 65.0)), None),
            ),
            (
                "$2,500/mo billed annually (5 seats included)",
                None,
                seats(fig(Flat, Month, 2500.0), 5, None, None),
            ),
            (
                "Enterprise: $2,500/mo for 100 users (~$25/u/mo)",
                Some("Enterprise"),
                seats(fig(Flat, Month, 2500.0), 100, None, None),
            ),
            (
                "Teams Starter Pack: $24.95/mo flat for 10 members (annual); up to 10 extra seats at $4.99/seat/mo",
                Some("Teams Starter Pack"),
                seats(fig(Flat, Month, 24.95), 10, Some(fig(PerUser, Month, 4.99)), Some(10)),
            ),
            (
                "Core: $29/mo billed annually (1 user; add users for $29/mo each)",
                Some("Core"),
                seats(fig(Flat, Month, 29.0), 1, Some(fig(PerUser, Month, 29.0)), None),
            ),
            (
                "Pro: $18/mo billed annually, 3 creators included (+$6/mo per extra creator)",
                Some("Pro"),
                seats(fig(Flat, Month, 18.0), 3, Some(fig(PerUser, Month, 6.0)), None),
            ),
            (
                "Enterprise: $200/mo ($2,400/yr) incl. 3 members; extra members $50/mo each",
                Some("Enterprise"),
                seats(fig(Flat, Month, 200.0), 3, Some(fig(PerUser, Month, 50.0)), None),
            ),
            (
                "$499/mo paid annually (includes 5 users; additional users $49/mo)",
                None,
                seats(fig(Flat, Month, 499.0), 5, Some(fig(PerUser, Month, 49.0)), None),
            ),
            (
                "$2000/month for the first 10 users (billed yearly), additional users $15/month",
                None,
                seats(fig(Flat, Month, 2000.0), 10, Some(fig(PerUser, Month, 15.0)), None),
            ),
            (
                "Growth: $45/month incl. 3 seats (+$15/month/seat)",
                Some("Growth"),
                seats(fig(Flat, Month, 45.0), 3, Some(fig(PerUser, Month, 15.0)), None),
            ),
            (
                "Basic: $44/mo incl. 3 users + $11/additional user/mo (annual)",
                Some("Basic"),
                seats(fig(Flat, Month, 44.0), 3, Some(fig(PerUser, Month, 11.0)), None),
            ),
            (
                "Standard: $34/mo billed annually, flat for 3 users ($40 monthly)",
                Some("Standard"),
                seats(fig(Flat, Month, 34.0), 3, None, None),
            ),
            (
                "Routing & Scheduling: from $1,250/mo ($15,000/yr), 15 seats included, $45/seat/mo after",
                Some("Routing & Scheduling"),
                seats(or_more(fig(Flat, Month, 1250.0)), 15, Some(fig(PerUser, Month, 45.0)), None),
            ),
            (
                "Lite: $1,290/yr (~$108/mo) annual or $129/mo monthly, 1 user included",
                Some("Lite"),
                seats(fig(Flat, Year, 1290.0), 1, None, None),
            ),
            // No users said to be included: every user on top of the fee.
            (
                "Simple: $49/mo + $6/mo per person",
                Some("Simple"),
                seats(fig(Flat, Month, 49.0), 0, Some(fig(PerUser, Month, 6.0)), None),
            ),
        ];
        check(&cases);
        for input in [
            // A restatement that does not agree; a count with no price for more; "each"
            // with no period; a cap whose meaning is not one; "additional" beyond no count.
            "Enterprise: $2,500/mo for 100 users (~$30/u/mo)",
            "$300/mo (4 users)",
            "Business: $79/mo billed annually (3 users included, extra users $25 each)",
            "Engage: $17.5/mo ($210/yr) incl. 1 member; extra members $17.5/mo each, max 5",
            "$49/mo, additional users $6/mo",
            "Pro: $52.45/month billed yearly, 2 seats included (expandable to 10)",
            "$45/month per workspace (4 seats included; extra agents $10/month)",
            "$12/u/mo incl. 3 users",
            "$12/u/mo flat for 3 users",
            "Pro: $119/mo flat (annual), 1 seat, $19 per additional user",
            "Essentials: $179/year for up to 5 users",
            "Core: $119/mo billed yearly for 1-40 users",
        ] {
            let got = parse(input, BASIS);
            assert!(!got.is_read(), "{input} was read as {:?}", got.price);
        }
    }

    /// Whatever part has no certain reading keeps the whole text as written.
    #[test]
    fn v3_forms_left_as_written() {
        for input in [
            "Business: $7/u/mo ($85/user/yr, billed annually)",
            "Team: $67/mo flat (annual, $799/yr)",
            "$10/u/mo ($8 monthly)",
            "Team: $4/u/mo annual ($5 monthly), up to 10 users",
            "Team: $10/user/mo billed annually (1-10 users)",
            "$4 per user/month, billed annually, plus a Shared Drive fee",
            "Pro: $19/mo platform fee + usage",
            "Grow: $12/user/mo + platform fee (monthly pricing)",
            "Plus: $15/mo/user + platform fee (monthly list price)",
            "Enterprise: $28/u/mo (CHF 28)",
            "Team: €24.99/user/mo (annual)",
            "$29.99 per line/mo",
            "Basic: $8/screen/mo billed annually",
            "Essentials: $5/mo per channel (billed yearly)",
            "Infrastructure Pro: $15/host/mo (annual)",
            "Premium: $65/site/mo + $12/u/mo (annual)",
            "Scale: $179/month/location billed annually (Visitor Management)",
            "$10/GB/mo",
            "Essentials: $39/technician/mo, billed annually",
            "$12/u/mo (unlimited users)",
            "$900/mo + $5/mo",
            "+$500/mo add-on (included in Enterprise, Contact Sales)",
            "Sales Hub Professional: $90/seat/mo (billed annually) + $1,500 one-time onboarding",
            "USD 136 per user per month (contract 3 to 36 months)",
            "Professional: $89/agent/mo (billing period not stated)",
            "$10.75 USD per month / per user / billed annually",
            "Contact Sales (usage-based MAR pricing)",
            "Contact Sales (Quip Plus lists $25/user/mo billed annually)",
            "Contact Sales (separate add-on)",
            "Contact Sales (5 seats included)",
            "Quote-based (MSP channel)",
            "Free (open source, self-hosted)",
            "Included on Free ($0/mo/user)",
        ] {
            let got = parse(input, BASIS);
            assert!(!got.is_read(), "{input} was read as {:?}", got.price);
            assert_eq!(got.price, text(&got.written), "{input}");
        }
    }

    #[test]
    fn no_price_no_such_plan_quotes_and_free() {
        for input in [
            "",
            "—",
            "Not disclosed",
            "Not disclosed (contact Checkr to enable)",
            "Not stated",
            "Not public",
            "Not published",
            "Not captured (pricing page unreachable)",
            "Not verified (pricing page blocked)",
            "Unknown (pricing page blocked)",
            "Pro: not captured (pricing page unreachable)",
        ] {
            let got = parse(input, BASIS);
            assert_eq!(
                (got.price, got.not_offered),
                (Price::Unknown, false),
                "{input}"
            );
        }
        for input in ["Not offered", "Not offered (SSO only on Enterprise)"] {
            let got = parse(input, BASIS);
            assert_eq!(
                (got.price, got.not_offered),
                (Price::Unknown, true),
                "{input}"
            );
        }
        for input in [
            "Contact Sales (custom pricing)",
            "Contact Sales (no public pricing; Book a Demo)",
            "Contact Sales (tailored, billed annually)",
            "Custom quote (no public tiers)",
            "Custom pricing (Talk to our team)",
            "Request Pricing",
            "Price upon request",
            "Call sales (annual commitment)",
            "Contact your account manager (quote-based subscription)",
            "Essentials: Contact Sales",
        ] {
            assert_eq!(parse(input, BASIS).price, custom(), "{input}");
        }
        for input in [
            "No extra charge",
            "Free (unlimited users)",
            "Free (no paid tier)",
            "Included",
        ] {
            assert_eq!(
                parse(input, BASIS).price,
                Price::Free { max_users: None },
                "{input}"
            );
        }
    }

    #[test]
    fn the_text_and_the_publishers_figure() {
        let rec = |t: &str, f: Option<f64>| reconcile(&parse(t, BASIS), f);
        // The same per-user price: the text's, costed.
        let (p, c) = rec("Business: $8.99/u/mo (annual)", Some(8.99));
        assert_eq!(
            (p, c),
            (stated(fig(PerUser, Month, 8.99)), PriceCheck::Agree)
        );
        assert_eq!(
            rec("Standard: $199/u/yr (~$16.58/u/mo)", Some(16.58)).1,
            PriceCheck::Agree
        );
        assert_eq!(rec("$49/seat/year", Some(4.08)).1, PriceCheck::Agree);
        assert_eq!(
            rec("No extra charge", Some(0.0)),
            (Price::Free { max_users: None }, PriceCheck::Agree)
        );
        // Half a cent either way, and no more.
        assert_eq!(rec("$10/u/mo", Some(10.005)).1, PriceCheck::Agree);
        assert_eq!(rec("$10/u/mo", Some(10.006)).1, PriceCheck::Contradict);
        // Another per-user price: neither is costed as certain.
        assert_eq!(
            rec("Team: $10/u/mo", Some(12.0)),
            (text("$10/u/mo"), PriceCheck::Contradict)
        );
        assert_eq!(
            rec("$20/u/mo (min 3 seats)", Some(25.0)),
            (text("$20/u/mo (min 3 seats)"), PriceCheck::Contradict)
        );
        assert_eq!(
            rec("Enterprise: from $21/u/mo", Some(15.0)).1,
            PriceCheck::Contradict
        );
        assert_eq!(rec("~$4–9/u/mo", Some(12.0)).1, PriceCheck::Contradict);
        assert_eq!(
            rec("Contact Sales", Some(25.0)),
            (text("Contact Sales"), PriceCheck::Contradict)
        );
        // More than a per-user price, the figure within it: the text is costed.
        let metabase = "Pro: $517.50/mo billed annually ($6,210/yr) incl. 10 users, +$130/user/yr";
        let (p, c) = rec(metabase, Some(10.83));
        assert!(matches!(p, Price::Seats { included: 10, .. }));
        assert_eq!(c, PriceCheck::TextSaysMore);
        assert_eq!(
            rec(
                "Organization: $119/seat/mo billed annually (min 3 seats)",
                Some(119.0)
            )
            .1,
            PriceCheck::TextSaysMore
        );
        assert_eq!(
            rec("Enterprise: from $21/u/mo", Some(21.0)).1,
            PriceCheck::TextSaysMore
        );
        assert_eq!(
            rec("Enterprise: from $21/u/mo", Some(25.0)).1,
            PriceCheck::TextSaysMore
        );
        assert_eq!(rec("~$4–9/u/mo", Some(6.5)).1, PriceCheck::TextSaysMore);
        assert_eq!(rec("$500/mo flat", Some(10.0)).1, PriceCheck::TextSaysMore);
        // The text alone.
        assert_eq!(rec("Contact Sales", None), (custom(), PriceCheck::TextOnly));
        assert_eq!(
            rec("$500/mo flat", None),
            (stated(fig(Flat, Month, 500.0)), PriceCheck::TextOnly)
        );
        // The figure alone: nothing costed.
        assert_eq!(
            rec("$29.99 per line/mo", Some(29.99)),
            (text("$29.99 per line/mo"), PriceCheck::FigureOnly)
        );
        assert_eq!(
            rec("Not disclosed", Some(13.0)),
            (Price::Unknown, PriceCheck::FigureOnly)
        );
        // A text not read, and no figure.
        assert_eq!(
            rec("Usage-based", None),
            (text("Usage-based"), PriceCheck::Unread)
        );
        // No price at all.
        for t in ["—", "", "Not stated", "Not offered"] {
            assert_eq!(rec(t, None), (Price::Unknown, PriceCheck::NoPrice), "{t}");
        }
    }

    proptest::proptest! {
        /// Any string at all: no panic, and what comes back is either kept as written or
        /// a well-formed price.
        #[test]
        fn never_panics(s in "\\PC{0,40}", t in "[~$+0-9,.K–\\-/a-z ():;]{0,24}") {
            for input in [s.as_str(), t.as_str()] {
                let got = parse(input, BASIS);
                let well_formed = |figure: &Figure| {
                    let values = [figure.amount, figure.low, figure.high];
                    values.iter().flatten().all(|v| v.is_finite() && *v >= 0.0)
                        && figure.amount.is_some() != (figure.low.is_some() && figure.high.is_some())
                        && figure.low.zip(figure.high).is_none_or(|(lo, hi)| lo <= hi)
                };
                match &got.price {
                    Price::Stated { figure } | Price::Quote { estimate: Some(figure), .. } => {
                        proptest::prop_assert!(well_formed(figure));
                    }
                    Price::Seats { fee, included, extra, max_extra } => {
                        proptest::prop_assert!(well_formed(fee) && fee.basis == Basis::Flat);
                        proptest::prop_assert!(extra.as_ref().is_none_or(|x| well_formed(x) && x.basis == Basis::PerUser));
                        proptest::prop_assert!(*included > 0 || extra.is_some());
                        proptest::prop_assert!(max_extra.is_none() || extra.is_some());
                    }
                    Price::Text { text } => proptest::prop_assert!(input.contains(text.as_str())),
                    _ => {}
                }
                if got.min_seats.is_some() {
                    let per_user_or_quote = matches!(&got.price, Price::Stated { figure } if figure.basis == Basis::PerUser)
                        || matches!(got.price, Price::Quote { .. });
                    proptest::prop_assert!(per_user_or_quote);
                }
            }
        }
    }
}
