//! The home table's search, sorting and filtering, as it lives in the query string. Pure,
//! shared by the page and the CSV export, so both list the same rows.

use crate::domain::changes::History;
use crate::domain::cost::jump::{price_jump, PriceJump, REFERENCE_TEAM};
use crate::domain::cost::{figure_annual, seats_annual, PlanCost};
use crate::domain::freshness::is_stale;
use crate::domain::issue::Issue;
use crate::domain::keys::Key;
use crate::domain::url::{self, Query};
use crate::domain::vendor::{category_label, Profile, Provisioning, ScimStatus, Vendor};
use crate::domain::vendor::{Confidence, Idp, IdpMatrix, IdpRoute, IndexFacts, Price, Tri};
use crate::domain::vendor_search::Needle;
use serde::{Deserialize, Serialize};

/// One row of the home table: what a buyer scans before opening a guide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorRow {
    pub slug: String,
    pub name: String,
    pub category: Option<String>,
    pub profile: Profile,
    /// Other names, matched by the search box.
    pub also_known_as: Vec<String>,
    pub status: ScimStatus,
    pub scim_plan: Option<String>,
    pub scim_plan_price: Option<Price>,
    pub sso_required_first: Tri,
    pub scim_idps: Vec<Idp>,
    pub jit_idps: Vec<Idp>,
    /// When the facts were last verified against their source (`YYYY-MM-DD` or `YYYY-MM`).
    pub last_checked: String,
    /// Verified more than six months before the day the row was made.
    pub stale: bool,
    pub discrepancies: usize,
    pub price_jump: PriceJump,
    /// The SCIM Tax Index's row, where the vendor has one (the CSV carries every fact).
    pub index: Option<Box<IndexFacts>>,
    /// Whether it was listed before and changed since (`domain::changes`): new vendors are
    /// not counted, or the filter would keep most of the index.
    pub changed: bool,
}

impl VendorRow {
    /// The publisher's confidence, where the row comes from the index.
    pub fn confidence(&self) -> Option<Confidence> {
        self.index.as_ref().map(|f| f.confidence)
    }

    /// Whether the index rates `idp`'s catalogue app for this vendor as native.
    pub fn native(&self, idp: Idp) -> bool {
        self.index
            .as_ref()
            .is_some_and(|f| f.idps.route(idp) == Some(IdpRoute::Native))
    }
}

impl VendorRow {
    /// The row for `v`, stale if verified before `stale_before` (`domain::freshness`),
    /// changed if its history says so.
    pub fn of(v: &Vendor, stale_before: &str, history: &History) -> VendorRow {
        let by = |p: Provisioning| -> Vec<Idp> {
            v.idps
                .iter()
                .filter(|s| s.provisioning == p)
                .map(|s| s.idp)
                .collect()
        };
        VendorRow {
            slug: v.slug.clone(),
            name: v.name.clone(),
            // The publisher's category, as on `/categories`: one list for every vendor.
            category: v.publisher_category().map(str::to_string),
            profile: v.profile,
            also_known_as: v.also_known_as.clone(),
            status: ScimStatus::of(v),
            scim_plan: v.scim.plan.clone(),
            scim_plan_price: v.scim_plan().map(|p| p.price.clone()),
            sso_required_first: v.scim.sso_required_first,
            scim_idps: by(Provisioning::Scim),
            jit_idps: by(Provisioning::Jit),
            last_checked: v.source.last_checked.clone(),
            stale: is_stale(&v.source.last_checked, stale_before),
            discrepancies: v.discrepancies.len(),
            price_jump: price_jump(v),
            index: v.index.clone(),
            changed: history.revised(&v.slug),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Name,
    Scim,
    Plan,
    Price,
    Jump,
    SsoFirst,
    Idps,
    Checked,
}

impl Key for SortKey {}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Name,
        SortKey::Scim,
        SortKey::Plan,
        SortKey::Price,
        SortKey::Jump,
        SortKey::SsoFirst,
        SortKey::Idps,
        SortKey::Checked,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Vendor",
            SortKey::Scim => "SCIM status",
            SortKey::Plan => "Plan that unlocks SCIM",
            SortKey::Price => "Price of that plan",
            SortKey::Jump => "Price jump for SCIM",
            SortKey::SsoFirst => "SSO required first",
            SortKey::Idps => "IdPs that provision by SCIM",
            SortKey::Checked => "Last verified",
        }
    }
}

/// Which plan prices to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceFilter {
    /// Free, or a price the vendor states.
    Known,
    /// Quote only ("contact sales").
    Custom,
    /// No price or no SCIM plan in the data.
    Unknown,
}

impl Key for PriceFilter {}

impl PriceFilter {
    pub const ALL: [PriceFilter; 3] = [
        PriceFilter::Known,
        PriceFilter::Custom,
        PriceFilter::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PriceFilter::Known => "Stated or free",
            PriceFilter::Custom => "Quote only (custom)",
            PriceFilter::Unknown => "Not stated",
        }
    }
}

/// Whether facts were verified within the last six months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    Current,
    Stale,
}

impl Key for Freshness {}

impl Freshness {
    pub const ALL: [Freshness; 2] = [Freshness::Current, Freshness::Stale];

    pub fn label(self) -> &'static str {
        match self {
            Freshness::Current => "Verified in the last six months",
            Freshness::Stale => "Possibly out of date",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListQuery {
    pub sort: SortKey,
    pub desc: bool,
    /// Words the vendor's name (or another name of it) must contain.
    pub search: Option<String>,
    pub status: Option<ScimStatus>,
    /// A category as the table shows it (`category_label`).
    pub category: Option<String>,
    pub fresh: Option<Freshness>,
    pub sso_first: Option<Tri>,
    /// Keep vendors this IdP really provisions by SCIM.
    pub idp: Option<Idp>,
    /// Keep vendors with a ready-made app in this IdP's catalogue (the index's rating).
    pub native: Option<Idp>,
    pub price: Option<PriceFilter>,
    /// Keep vendors whose SCIM plan has this name.
    pub plan: Option<String>,
    /// Keep index rows of this confidence.
    pub confidence: Option<Confidence>,
    /// Keep vendors that changed since the index's previous release (`domain::changes`).
    pub changed: bool,
    /// Which page of [`PAGE_SIZE`] rows to show, from 1 (the CSV lists every page).
    pub page: usize,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            sort: SortKey::Name,
            desc: false,
            search: None,
            status: None,
            category: None,
            fresh: None,
            sso_first: None,
            idp: None,
            native: None,
            price: None,
            plan: None,
            confidence: None,
            changed: false,
            page: 1,
        }
    }
}

/// The query keys the home table owns.
pub const SORT: &str = "sort";
pub const SEARCH: &str = "q";
pub const STATUS: &str = "status";
pub const CATEGORY: &str = "category";
pub const FRESH: &str = "fresh";
pub const SSO_FIRST: &str = "sso_first";
pub const IDP: &str = "idp";
pub const NATIVE: &str = "native";
pub const PRICE: &str = "price";
pub const PLAN: &str = "plan";
pub const CONFIDENCE: &str = "confidence";
pub const CHANGED: &str = "changed";
pub const PAGE: &str = "page";
pub const KEYS: &[&str] = &[
    SORT, SEARCH, STATUS, CATEGORY, FRESH, SSO_FIRST, IDP, NATIVE, PRICE, PLAN, CONFIDENCE,
    CHANGED, PAGE,
];

/// Rows on one page of the home table: enough to scan, few enough that a phone renders the
/// page quickly (850 rows are about 25,000 elements; 100 are about 3,000).
pub const PAGE_SIZE: usize = 100;

/// Longest search and category text kept (longer input is cut, not refused).
const MAX_TEXT: usize = 80;

/// Whether a value is what the home table does anyway (sorted by name), so a form can
/// leave it out of the address.
pub fn is_default(key: &str, value: &str) -> bool {
    key == SORT && SortKey::from_key(value) == Some(SortKey::Name)
}

/// Reads sort and filters; anything unreadable is ignored and reported.
pub fn parse(query: &Query) -> (ListQuery, Vec<Issue>) {
    let mut q = ListQuery::default();
    let mut issues = Vec::new();
    let shown = |s: &str| crate::domain::format::echo(s, 40);
    let mut bad = |key: &str, what: &str, value: &str| {
        let message = format!("“{}” is not {what}; it is ignored.", shown(value));
        issues.push(Issue::new(key, message))
    };
    if let Some(raw) = query.text(SORT) {
        let t = raw.trim();
        let (desc, name) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        match SortKey::from_key(name) {
            Some(k) => {
                q.sort = k;
                q.desc = desc;
            }
            None => bad(SORT, "a column we sort by", &raw),
        }
    }
    let text = |raw: String| -> Option<String> {
        let t: String = raw.trim().chars().take(MAX_TEXT).collect();
        (!t.is_empty()).then_some(t)
    };
    q.search = query.text(SEARCH).and_then(text);
    q.category = query.text(CATEGORY).and_then(text);
    if let Some(raw) = query.text(STATUS) {
        match ScimStatus::from_key(&raw) {
            Some(s) => q.status = Some(s),
            None => bad(
                STATUS,
                "a SCIM status we know (free, gated, partial, none or unknown)",
                &raw,
            ),
        }
    }
    if let Some(raw) = query.text(FRESH) {
        match Freshness::from_key(&raw) {
            Some(f) => q.fresh = Some(f),
            None => bad(FRESH, "a freshness filter we know (current or stale)", &raw),
        }
    }
    if let Some(raw) = query.text(SSO_FIRST) {
        match Tri::from_key(&raw) {
            Some(t) => q.sso_first = Some(t),
            None => bad(
                SSO_FIRST,
                "a filter value we know (yes, no or unknown)",
                &raw,
            ),
        }
    }
    if let Some(raw) = query.text(IDP) {
        match Idp::from_key(&raw) {
            Some(i) => q.idp = Some(i),
            None => bad(IDP, "an identity provider we know", &raw),
        }
    }
    if let Some(raw) = query.text(PRICE) {
        match PriceFilter::from_key(&raw) {
            Some(f) => q.price = Some(f),
            None => bad(
                PRICE,
                "a price filter we know (known, custom or unknown)",
                &raw,
            ),
        }
    }
    if let Some(raw) = query.text(NATIVE) {
        match Idp::from_key(&raw).filter(|i| IdpMatrix::RATED.contains(i)) {
            Some(i) => q.native = Some(i),
            None => bad(NATIVE, "an identity provider the index rates (okta, entra_id, google_workspace, onelogin or jumpcloud)", &raw),
        }
    }
    q.plan = query.text(PLAN).and_then(text);
    if let Some(raw) = query.text(CONFIDENCE) {
        match Confidence::from_key(&raw) {
            Some(c) => q.confidence = Some(c),
            None => bad(
                CONFIDENCE,
                "a confidence we know (high, medium or low)",
                &raw,
            ),
        }
    }
    if let Some(raw) = query.text(CHANGED) {
        match raw.trim() {
            "yes" => q.changed = true,
            "" | "no" => {}
            _ => bad(CHANGED, "a filter value we know (yes)", &raw),
        }
    }
    if let Some(raw) = query.text(PAGE) {
        match raw.trim().parse::<usize>() {
            Ok(n) if n >= 1 => q.page = n,
            _ => bad(PAGE, "a page number (1, 2, 3 …)", &raw),
        }
    }
    (q, issues)
}

impl ListQuery {
    /// The query string (no `?`); defaults are left out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.sort != SortKey::Name || self.desc {
            let minus = if self.desc { "-" } else { "" };
            pairs.push((SORT, format!("{minus}{}", self.sort.key())));
        }
        if let Some(s) = &self.search {
            pairs.push((SEARCH, s.clone()));
        }
        if let Some(s) = self.status {
            pairs.push((STATUS, s.key()));
        }
        if let Some(c) = &self.category {
            pairs.push((CATEGORY, c.clone()));
        }
        if let Some(f) = self.fresh {
            pairs.push((FRESH, f.key()));
        }
        if let Some(t) = self.sso_first {
            pairs.push((SSO_FIRST, t.key()));
        }
        if let Some(i) = self.idp {
            pairs.push((IDP, i.key()));
        }
        if let Some(i) = self.native {
            pairs.push((NATIVE, i.key()));
        }
        if let Some(p) = self.price {
            pairs.push((PRICE, p.key()));
        }
        if let Some(p) = &self.plan {
            pairs.push((PLAN, p.clone()));
        }
        if let Some(c) = self.confidence {
            pairs.push((CONFIDENCE, c.key()));
        }
        if self.changed {
            pairs.push((CHANGED, "yes".into()));
        }
        if self.page > 1 {
            pairs.push((PAGE, self.page.to_string()));
        }
        url::encode(&pairs)
    }

    /// The `sort` value a click on this column's header asks for: ascending first, then
    /// the other way round.
    pub fn next_sort(&self, key: SortKey) -> String {
        if self.sort == key && !self.desc {
            format!("-{}", key.key())
        } else {
            key.key().to_string()
        }
    }

    /// This query sorted by `key` as a header click would.
    pub fn sorted_by(&self, key: SortKey) -> ListQuery {
        ListQuery {
            sort: key,
            desc: self.sort == key && !self.desc,
            page: 1,
            ..self.clone()
        }
    }

    /// This query showing page `page`.
    pub fn on_page(&self, page: usize) -> ListQuery {
        ListQuery {
            page,
            ..self.clone()
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.search.is_some()
            || self.status.is_some()
            || self.category.is_some()
            || self.fresh.is_some()
            || self.sso_first.is_some()
            || self.idp.is_some()
            || self.native.is_some()
            || self.price.is_some()
            || self.plan.is_some()
            || self.confidence.is_some()
            || self.changed
    }
}

pub fn price_filter_of(p: Option<&Price>) -> PriceFilter {
    match p {
        Some(Price::Free { .. } | Price::Stated { .. } | Price::Seats { .. }) => PriceFilter::Known,
        Some(Price::Quote { .. }) => PriceFilter::Custom,
        Some(Price::Unknown | Price::Text { .. }) | None => PriceFilter::Unknown,
    }
}

/// Orders prices: free, then stated prices by their low yearly cost for
/// [`REFERENCE_TEAM`] people, then quotes with an estimate, quotes without, and unknown.
pub fn price_rank(p: Option<&Price>) -> (u8, f64) {
    match p {
        Some(Price::Free { .. }) => (0, 0.0),
        Some(Price::Stated { figure }) => (1, figure_annual(figure, REFERENCE_TEAM, None).low),
        Some(Price::Seats {
            fee,
            included,
            extra,
            max_extra,
        }) => match seats_annual(fee, *included, extra.as_ref(), *max_extra, REFERENCE_TEAM) {
            PlanCost::Known { annual, .. } => (1, annual.low),
            // The fee is all the text prices: what the team pays at least, so it sorts there.
            _ => (1, figure_annual(fee, 1, None).low),
        },
        Some(Price::Quote {
            estimate: Some(f), ..
        }) => (2, figure_annual(f, REFERENCE_TEAM, None).low),
        Some(Price::Quote { estimate: None, .. }) => (3, 0.0),
        Some(Price::Unknown | Price::Text { .. }) | None => (4, 0.0),
    }
}

fn tri_rank(t: Tri) -> u8 {
    match t {
        Tri::Yes => 0,
        Tri::No => 1,
        Tri::Unknown => 2,
    }
}

/// The search box finds what the vendor pickers find (`vendor_search`), in the table's order.
fn matches_search(r: &VendorRow, search: &str) -> bool {
    // Text with nothing to search for (only punctuation) filters nothing out.
    Needle::new(search).is_none_or(|n| n.rank(&r.name, &r.slug, &r.also_known_as).is_some())
}

fn keep(r: &VendorRow, q: &ListQuery) -> bool {
    q.search.as_deref().is_none_or(|s| matches_search(r, s))
        && q.status.is_none_or(|s| r.status == s)
        && q.category
            .as_deref()
            .is_none_or(|c| category_label(r.category.as_deref()).eq_ignore_ascii_case(c))
        && q.fresh.is_none_or(|f| r.stale == (f == Freshness::Stale))
        && q.sso_first.is_none_or(|t| r.sso_required_first == t)
        && q.idp.is_none_or(|i| r.scim_idps.contains(&i))
        && q.native.is_none_or(|i| r.native(i))
        && q.price
            .is_none_or(|f| price_filter_of(r.scim_plan_price.as_ref()) == f)
        && q.plan
            .as_ref()
            .is_none_or(|p| r.scim_plan.as_deref() == Some(p.as_str()))
        && q.confidence.is_none_or(|c| r.confidence() == Some(c))
        && (!q.changed || r.changed)
}

/// The rows the query keeps, in its order. Ties keep name order, so the result is stable.
pub fn apply(mut rows: Vec<VendorRow>, q: &ListQuery) -> Vec<VendorRow> {
    rows.retain(|r| keep(r, q));
    rows.sort_by_key(|r| r.name.to_lowercase());
    let ord = |a: &VendorRow, b: &VendorRow| -> std::cmp::Ordering {
        match q.sort {
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::Scim => a.status.cmp(&b.status),
            // Vendors without a named plan go last.
            SortKey::Plan => (
                a.scim_plan.is_none(),
                a.scim_plan.as_deref().map(str::to_lowercase),
            )
                .cmp(&(
                    b.scim_plan.is_none(),
                    b.scim_plan.as_deref().map(str::to_lowercase),
                )),
            SortKey::Price => {
                let (ra, va) = price_rank(a.scim_plan_price.as_ref());
                let (rb, vb) = price_rank(b.scim_plan_price.as_ref());
                ra.cmp(&rb).then(va.total_cmp(&vb))
            }
            SortKey::Jump => {
                let (ra, va) = a.price_jump.rank();
                let (rb, vb) = b.price_jump.rank();
                ra.cmp(&rb).then(va.total_cmp(&vb))
            }
            SortKey::SsoFirst => {
                tri_rank(a.sso_required_first).cmp(&tri_rank(b.sso_required_first))
            }
            // Most IdPs first when ascending: "best supported" reads as the top.
            SortKey::Idps => b.scim_idps.len().cmp(&a.scim_idps.len()),
            SortKey::Checked => a.last_checked.cmp(&b.last_checked),
        }
    };
    if q.desc {
        rows.sort_by(|a, b| ord(b, a));
    } else {
        rows.sort_by(ord);
    }
    rows
}

/// One page of the rows a query keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub rows: Vec<VendorRow>,
    /// The page shown, from 1; never past the last.
    pub number: usize,
    /// How many pages the kept rows fill (at least 1, even when none is kept).
    pub count: usize,
    /// How many rows the query keeps, on every page.
    pub matching: usize,
    /// Said when the address asked for a page past the last.
    pub issue: Option<Issue>,
}

impl Page {
    /// The position of the first and last row shown, from 1 (`(0, 0)` when none is).
    pub fn span(&self) -> (usize, usize) {
        if self.rows.is_empty() {
            return (0, 0);
        }
        let first = (self.number - 1) * PAGE_SIZE + 1;
        (first, first + self.rows.len() - 1)
    }
}

/// The rows the query keeps, in its order, cut to its page. A page past the last shows the
/// last, with a message: a link kept from a larger list still lands on rows.
pub fn page(rows: Vec<VendorRow>, q: &ListQuery) -> Page {
    let kept = apply(rows, q);
    let matching = kept.len();
    let count = matching.div_ceil(PAGE_SIZE).max(1);
    let (number, issue) = if q.page > count {
        let pages = crate::domain::format::count(count, "page", "pages");
        (
            count,
            Some(Issue::new(
                PAGE,
                format!(
                    "There is no page {} of these vendors ({pages}); this is the last.",
                    q.page
                ),
            )),
        )
    } else {
        (q.page, None)
    };
    let rows = kept
        .into_iter()
        .skip((number - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    Page {
        rows,
        number,
        count,
        matching,
        issue,
    }
}

/// A category or SCIM plan that none of the rows has (`categories` and `plans`, as
/// [`categories`] and [`plan_names`] list them for the filters) is ignored, the list shown
/// without it, and said: a mistyped link reads as a mistake rather than as an empty market.
pub fn drop_unknown(q: &mut ListQuery, categories: &[String], plans: &[String]) -> Vec<Issue> {
    let category = Issue::unless_known(
        CATEGORY,
        &mut q.category,
        categories,
        |a, b| a.eq_ignore_ascii_case(b),
        |c| format!("“{c}” is not a category of these vendors; it is ignored."),
    );
    let plan = Issue::unless_known(
        PLAN,
        &mut q.plan,
        plans,
        |a, b| a == b,
        |p| format!("No vendor here names its SCIM plan “{p}”; it is ignored."),
    );
    category.into_iter().chain(plan).collect()
}

/// The distinct categories as the table shows them, for the category filter.
pub fn categories(rows: &[VendorRow]) -> Vec<String> {
    let mut names: Vec<String> = rows
        .iter()
        .map(|r| category_label(r.category.as_deref()).to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// How many rows have each status, in the statuses' order, leaving out none.
pub fn status_counts(rows: &[VendorRow]) -> Vec<(ScimStatus, usize)> {
    ScimStatus::ALL
        .into_iter()
        .map(|s| (s, rows.iter().filter(|r| r.status == s).count()))
        .collect()
}

/// The distinct SCIM plan names, for the plan filter.
pub fn plan_names(rows: &[VendorRow]) -> Vec<String> {
    let mut names: Vec<String> = rows.iter().filter_map(|r| r.scim_plan.clone()).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::{Basis, Figure, Period, Profile};

    fn row(name: &str, price: Option<Price>, idps: Vec<Idp>, checked: &str) -> VendorRow {
        VendorRow {
            slug: name.to_lowercase(),
            name: name.into(),
            category: Some("c".into()),
            profile: Profile::Full,
            also_known_as: vec![],
            status: ScimStatus::Gated,
            scim_plan: Some("Enterprise".into()),
            scim_plan_price: price,
            sso_required_first: Tri::Yes,
            scim_idps: idps,
            jit_idps: vec![],
            last_checked: checked.into(),
            stale: false,
            discrepancies: 0,
            price_jump: PriceJump::Unknown,
            index: None,
            changed: false,
        }
    }

    fn stated(basis: Basis, amount: f64) -> Option<Price> {
        Some(Price::Stated {
            figure: Figure::point(basis, Period::Month, amount),
        })
    }

    fn rows() -> Vec<VendorRow> {
        vec![
            row(
                "Beta",
                stated(Basis::PerUser, 10.0),
                vec![Idp::Okta],
                "2026-02-01",
            ),
            row(
                "alpha",
                Some(Price::Quote {
                    estimate: None,
                    estimate_basis: None,
                }),
                vec![],
                "2026-03-01",
            ),
            row(
                "Gamma",
                stated(Basis::Flat, 500.0),
                vec![Idp::Okta, Idp::EntraId],
                "2026-01-01",
            ),
            row(
                "Delta",
                Some(Price::Free { max_users: None }),
                vec![Idp::EntraId],
                "2026-01-15",
            ),
        ]
    }

    fn names(rows: &[VendorRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    fn query(pairs: &[(&str, &str)]) -> (ListQuery, Vec<Issue>) {
        parse(&Query::from_pairs(pairs.iter().copied()))
    }

    #[test]
    fn default_is_by_name_ignoring_case() {
        let (q, _) = query(&[]);
        assert_eq!(
            names(&apply(rows(), &q)),
            ["alpha", "Beta", "Delta", "Gamma"]
        );
        assert_eq!(q.to_query(), "");
    }

    #[test]
    fn price_sorts_free_stated_by_yearly_cost_then_quotes() {
        // Beta: $10 × 100 people × 12 = $12,000; Gamma: $500 × 12 = $6,000 flat.
        let (q, _) = query(&[("sort", "price")]);
        assert_eq!(
            names(&apply(rows(), &q)),
            ["Delta", "Gamma", "Beta", "alpha"]
        );
        let (q, _) = query(&[("sort", "-price")]);
        assert_eq!(
            names(&apply(rows(), &q)),
            ["alpha", "Beta", "Gamma", "Delta"]
        );
    }

    #[test]
    fn a_header_click_toggles_direction() {
        let (q, _) = query(&[("sort", "checked")]);
        assert_eq!(q.next_sort(SortKey::Checked), "-checked");
        assert_eq!(q.next_sort(SortKey::Name), "name");
        assert_eq!(q.sorted_by(SortKey::Checked).to_query(), "sort=-checked");
        assert_eq!(
            names(&apply(rows(), &q)),
            ["Gamma", "Delta", "Beta", "alpha"]
        );
    }

    #[test]
    fn filters_combine() {
        let (q, issues) = query(&[("idp", "okta"), ("price", "known")]);
        assert!(issues.is_empty());
        assert_eq!(names(&apply(rows(), &q)), ["Beta", "Gamma"]);
        let (q, _) = query(&[("idp", "entra_id"), ("sort", "idps")]);
        assert_eq!(names(&apply(rows(), &q)), ["Gamma", "Delta"]);
        assert_eq!(q.to_query(), "sort=idps&idp=entra_id");
    }

    #[test]
    fn bad_values_are_ignored_with_a_message() {
        let (q, issues) = query(&[
            ("sort", "<b>"),
            ("status", "maybe"),
            ("fresh", "old"),
            ("idp", "x"),
            ("price", "cheap"),
        ]);
        assert_eq!(q, ListQuery::default());
        assert_eq!(issues.len(), 5);
        let (q, issues) = query(&[("page", "0"), ("native", "ping_identity")]);
        assert_eq!(q, ListQuery::default());
        assert_eq!(issues.len(), 2, "{issues:?}");
        let (_, issues) = query(&[("page", "two")]);
        assert_eq!(
            issues,
            [Issue::new(
                "page",
                "“two” is not a page number (1, 2, 3 …); it is ignored."
            )]
        );
    }

    /// `n` rows named `v000`, `v001`, … so name order is number order.
    fn many(n: usize) -> Vec<VendorRow> {
        (0..n)
            .map(|i| row(&format!("v{i:03}"), None, vec![], "2026-01-01"))
            .collect()
    }

    #[test]
    fn the_table_is_paged_in_the_address() {
        let (q, _) = query(&[]);
        let p = page(many(250), &q);
        assert_eq!((p.number, p.count, p.matching), (1, 3, 250));
        assert_eq!(p.rows.len(), PAGE_SIZE);
        assert_eq!(p.span(), (1, 100));
        assert_eq!(p.rows[0].name, "v000");
        let (q, issues) = query(&[("page", "3"), ("sort", "-name")]);
        assert!(issues.is_empty());
        assert_eq!(q.to_query(), "sort=-name&page=3");
        let p = page(many(250), &q);
        // The last page holds the 50 left, in the query's order.
        assert_eq!(p.span(), (201, 250));
        assert_eq!(
            (p.rows[0].name.as_str(), p.rows[49].name.as_str()),
            ("v049", "v000")
        );
        assert_eq!(p.issue, None);
        // Sorting or filtering starts again at page 1.
        assert_eq!(q.sorted_by(SortKey::Name).page, 1);
        assert_eq!(q.on_page(2).to_query(), "sort=-name&page=2");
    }

    #[test]
    fn a_page_past_the_last_shows_the_last_and_says_so() {
        let (q, _) = query(&[("page", "9")]);
        let p = page(many(150), &q);
        assert_eq!((p.number, p.count), (2, 2));
        assert_eq!(p.span(), (101, 150));
        assert_eq!(
            p.issue.map(|i| i.message).as_deref(),
            Some("There is no page 9 of these vendors (2 pages); this is the last.")
        );
        // No row kept: one empty page, nothing to say beyond "no vendor matches".
        let (q, _) = query(&[("q", "zzz")]);
        let p = page(many(150), &q);
        assert_eq!((p.number, p.count, p.matching, p.span()), (1, 1, 0, (0, 0)));
    }
}

#[cfg(test)]
mod search_tests {
    use super::*;

    fn row(name: &str, slug: &str, aka: &[&str], category: Option<&str>) -> VendorRow {
        VendorRow {
            slug: slug.into(),
            name: name.into(),
            category: category.map(Into::into),
            profile: Profile::Full,
            also_known_as: aka.iter().map(|s| s.to_string()).collect(),
            status: ScimStatus::Unknown,
            scim_plan: None,
            scim_plan_price: None,
            sso_required_first: Tri::Unknown,
            scim_idps: vec![],
            jit_idps: vec![],
            last_checked: "2026-11-01".into(),
            stale: false,
            discrepancies: 0,
            price_jump: PriceJump::Unknown,
            index: None,
            changed: false,
        }
    }

    fn found(rows: &[VendorRow], pairs: &[(&str, &str)]) -> Vec<String> {
        let (q, issues) = parse(&Query::from_pairs(pairs.iter().copied()));
        assert!(issues.is_empty(), "{issues:?}");
        apply(rows.to_vec(), &q)
            .into_iter()
            .map(|r| r.slug)
            .collect()
    }

    #[test]
    fn search_ignores_case_punctuation_and_matches_other_names() {
        let rows = [
            row("HubSpot", "hubspot", &[], Some("Marketing")),
            row(
                "Code42",
                "code42",
                &["Mimecast Incydr"],
                Some("Data security"),
            ),
            row("Bill.com", "bill-com", &[], None),
        ];
        assert_eq!(found(&rows, &[("q", "hub spot")]), ["hubspot"]);
        assert_eq!(found(&rows, &[("q", "  HUB-spot ")]), ["hubspot"]);
        assert_eq!(found(&rows, &[("q", "incydr")]), ["code42"]);
        assert_eq!(found(&rows, &[("q", "bill com")]), ["bill-com"]);
        assert_eq!(found(&rows, &[("q", "billcom")]), ["bill-com"]);
        assert!(found(&rows, &[("q", "zoom")]).is_empty());
        // A category filter matches the label shown, including "not stated".
        assert_eq!(
            found(&rows, &[("category", "category not stated")]),
            ["bill-com"]
        );
        assert_eq!(
            categories(&rows),
            ["Category not stated", "Data security", "Marketing"]
        );
    }

    #[test]
    fn a_category_or_plan_no_row_has_is_ignored_and_said() {
        let mut a = row("A", "a", &[], Some("Sales & CRM"));
        a.scim_plan = Some("Enterprise".into());
        let rows = [a, row("B", "b", &[], None)];
        let read = |pairs: &[(&str, &str)]| {
            let (mut q, _) = parse(&Query::from_pairs(pairs.iter().copied()));
            let issues = drop_unknown(&mut q, &categories(&rows), &plan_names(&rows));
            (q, issues)
        };
        let (q, issues) = read(&[("category", "sales & crm"), ("plan", "Enterprise")]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(q.category.as_deref(), Some("sales & crm"));
        assert_eq!(q.plan.as_deref(), Some("Enterprise"));
        let (q, issues) = read(&[("category", "Nonsense"), ("plan", "Gold")]);
        assert_eq!((q.category, q.plan), (None, None));
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, [CATEGORY, PLAN]);
        assert!(issues[0].message.contains("“Nonsense” is not a category"));
    }

    #[test]
    fn status_and_freshness_filter_and_count() {
        let mut a = row("A", "a", &[], None);
        a.status = ScimStatus::Gated;
        a.stale = true;
        let mut b = row("B", "b", &[], None);
        b.status = ScimStatus::Free;
        let c = row("C", "c", &[], None);
        let rows = [a, b, c];
        assert_eq!(found(&rows, &[("status", "gated")]), ["a"]);
        assert_eq!(found(&rows, &[("fresh", "stale")]), ["a"]);
        assert_eq!(found(&rows, &[("fresh", "current")]), ["b", "c"]);
        // Sorting by status follows the labels' order: free, gated, partial, none, unknown.
        assert_eq!(found(&rows, &[("sort", "scim")]), ["b", "a", "c"]);
        assert_eq!(
            status_counts(&rows),
            [
                (ScimStatus::Free, 1),
                (ScimStatus::Gated, 1),
                (ScimStatus::Partial, 0),
                (ScimStatus::None, 0),
                (ScimStatus::Unknown, 1),
            ]
        );
        let (q, _) = parse(&Query::from_pairs([
            ("q", " slack "),
            ("status", "gated"),
            ("fresh", "stale"),
        ]));
        assert_eq!(q.to_query(), "q=slack&status=gated&fresh=stale");
    }
}
