//! The SCIM Tax Index's fixed list of 21 categories, and what each category's vendors add
//! up to: how many there are, how many include, gate or lack SCIM, and the typical
//! (median) price jump with the number of vendors it rests on. `/categories` and each
//! category's page show these figures; the alternatives on a guide (`alternatives`) are
//! drawn from the same grouping, so both agree on which vendors share a category.
//!
//! The names are the publisher's. A vendor's category is its index row's; a curated file
//! that names one (`index_category`) says which of them fits its own source.

use crate::domain::cost::jump::PriceJump;
use crate::domain::issue::Issue;
use crate::domain::keys::Key;
use crate::domain::url::Query;
use crate::domain::vendor::{ScimStatus, Vendor};
use serde::{Deserialize, Serialize};

/// The publisher's fixed list of categories (its `CATEGORIES.md`, schema v3).
pub const CATEGORIES: [&str; 21] = [
    "AI & LLM Tools",
    "Cloud, Infrastructure & Observability",
    "Collaboration & Messaging",
    "Communications (UCaaS/CCaaS)",
    "Customer Support & Success",
    "Data, Analytics & BI",
    "Design & Creative",
    "Developer Tools & CI/CD",
    "E-commerce & Payments",
    "Finance, Accounting & Spend",
    "HR, Payroll & Recruiting",
    "IT Management & Endpoint",
    "Learning & Development",
    "Legal, Contracts & Compliance",
    "Marketing & Advertising",
    "Other",
    "Productivity & Docs",
    "Project & Work Management",
    "Sales & CRM",
    "Security & Identity",
    "Vertical SaaS (Healthcare, Education, Real Estate, Construction, Field Service)",
];

/// A category's address name: lower case, every run of other characters one dash
/// (`Sales & CRM` is `sales-crm`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The publisher's category whose address name is `slug`.
pub fn by_slug(slug: &str) -> Option<&'static str> {
    CATEGORIES.into_iter().find(|c| self::slug(c) == slug)
}

/// The vendors of `category`, in the catalog's order.
pub fn vendors_of<'a>(vendors: &'a [Vendor], category: &str) -> Vec<&'a Vendor> {
    vendors
        .iter()
        .filter(|v| v.publisher_category() == Some(category))
        .collect()
}

/// How a category's figures group the five statuses: the columns of `/categories`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Share {
    /// SCIM at no extra charge.
    Included,
    Gated,
    /// SCIM only in part (one IdP, just-in-time only, a separate SKU).
    Partial,
    /// No SCIM, or the sources do not say.
    Lacking,
}

impl Share {
    pub const ALL: [Share; 4] = [
        Share::Included,
        Share::Gated,
        Share::Partial,
        Share::Lacking,
    ];

    pub fn of(s: ScimStatus) -> Share {
        match s {
            ScimStatus::Free => Share::Included,
            ScimStatus::Gated => Share::Gated,
            ScimStatus::Partial => Share::Partial,
            ScimStatus::None | ScimStatus::Unknown => Share::Lacking,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Share::Included => "Include SCIM",
            Share::Gated => "Gate SCIM",
            Share::Partial => "SCIM in part",
            Share::Lacking => "No SCIM, or not said",
        }
    }
}

/// One category's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub name: String,
    pub slug: String,
    pub vendors: usize,
    /// Vendors of each [`Share`], in its order.
    pub shares: Vec<(Share, usize)>,
    /// The median of the price jumps that are one exact dollar figure per user a month.
    pub median_jump: Option<f64>,
    /// How many vendors that median rests on.
    pub jump_n: usize,
}

impl Figures {
    pub fn count(&self, s: Share) -> usize {
        self.shares
            .iter()
            .find(|(x, _)| *x == s)
            .map_or(0, |(_, n)| *n)
    }

    /// The share of the category's vendors, in whole percent (0 for an empty category).
    pub fn percent(&self, s: Share) -> u32 {
        percent(self.count(s), self.vendors)
    }
}

/// `n` of `total` in whole percent, rounded half up.
pub fn percent(n: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    ((n * 200 + total) / (total * 2)) as u32
}

/// The typical price jump in words: "$8 more per user a month (median of 18 vendors)".
pub fn jump_text(f: &Figures) -> String {
    match f.median_jump {
        Some(x) => format!(
            "{} more per user a month (median of {})",
            crate::domain::format::usd(x),
            crate::domain::format::count(f.jump_n, "vendor", "vendors")
        ),
        None => {
            "not known (no vendor here states both plans' prices as one figure per user)".into()
        }
    }
}

/// The figures in two sentences, as the category's page and its card open.
pub fn summary(f: &Figures) -> String {
    let pct = |s: Share| f.percent(s);
    format!(
        "{}: {}% include SCIM, {}% gate it, {}% offer it only in part, {}% offer none or do not say. Typical price jump for SCIM: {}.",
        crate::domain::format::count(f.vendors, "vendor", "vendors"),
        pct(Share::Included),
        pct(Share::Gated),
        pct(Share::Partial),
        pct(Share::Lacking),
        jump_text(f)
    )
}

/// A price jump as one exact figure, dollars per user a month: a range, a lower bound or
/// an approximation is no single figure, so it counts towards no median.
pub fn exact_jump(j: &PriceJump) -> Option<f64> {
    match j {
        PriceJump::Known { per_user_month, .. }
            if per_user_month.is_point()
                && per_user_month.low.is_finite()
                && !per_user_month.approx =>
        {
            Some(per_user_month.low)
        }
        _ => None,
    }
}

/// The median of `xs` (the mean of the middle two for an even count).
pub fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len().is_multiple_of(2) {
        (xs[mid - 1] + xs[mid]) / 2.0
    } else {
        xs[mid]
    })
}

/// The figures of `name` from its vendors.
pub fn figures(name: &str, vendors: &[&Vendor]) -> Figures {
    let statuses: Vec<ScimStatus> = vendors.iter().map(|v| ScimStatus::of(v)).collect();
    let jumps: Vec<f64> = vendors
        .iter()
        .filter_map(|v| exact_jump(&crate::domain::cost::jump::price_jump(v)))
        .collect();
    Figures {
        name: name.to_string(),
        slug: slug(name),
        vendors: vendors.len(),
        shares: Share::ALL
            .into_iter()
            .map(|s| (s, statuses.iter().filter(|x| Share::of(**x) == s).count()))
            .collect(),
        jump_n: jumps.len(),
        median_jump: median(jumps),
    }
}

/// Every category that has vendors, in the publisher's order.
pub fn all_figures(vendors: &[Vendor]) -> Vec<Figures> {
    CATEGORIES
        .into_iter()
        .map(|c| figures(c, &vendors_of(vendors, c)))
        .filter(|f| f.vendors > 0)
        .collect()
}

/// The columns `/categories` sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Name,
    Vendors,
    Included,
    Gated,
    Partial,
    Lacking,
    Jump,
}

impl Key for SortKey {}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Vendors,
        SortKey::Included,
        SortKey::Gated,
        SortKey::Partial,
        SortKey::Lacking,
        SortKey::Jump,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Category",
            SortKey::Vendors => "Vendors",
            SortKey::Included => Share::Included.label(),
            SortKey::Gated => Share::Gated.label(),
            SortKey::Partial => Share::Partial.label(),
            SortKey::Lacking => Share::Lacking.label(),
            SortKey::Jump => "Typical price jump",
        }
    }

    fn share(self) -> Option<Share> {
        match self {
            SortKey::Included => Some(Share::Included),
            SortKey::Gated => Some(Share::Gated),
            SortKey::Partial => Some(Share::Partial),
            SortKey::Lacking => Some(Share::Lacking),
            _ => None,
        }
    }
}

/// The query key `/categories` reads: the home table's own name for sorting.
pub const SORT: &str = crate::domain::listing::SORT;
pub const KEYS: &[&str] = &[SORT];

/// How `/categories` is sorted: a column, and whether the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub desc: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Name,
            desc: false,
        }
    }
}

impl Sort {
    /// The `sort` value a click on `key`'s header asks for: ascending, then descending.
    pub fn next(self, key: SortKey) -> String {
        if self.key == key && !self.desc {
            format!("-{}", key.key())
        } else {
            key.key()
        }
    }
}

/// Reads the sort; an unknown column is ignored and reported.
pub fn parse(q: &Query) -> (Sort, Vec<Issue>) {
    let Some(raw) = q.text(SORT) else {
        return (Sort::default(), Vec::new());
    };
    let t = raw.trim();
    let (desc, name) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    match SortKey::from_key(name) {
        Some(key) => (Sort { key, desc }, Vec::new()),
        None => (
            Sort::default(),
            vec![Issue::new(
                SORT,
                format!(
                    "“{}” is not a column we sort by; it is ignored.",
                    crate::domain::format::echo(&raw, 40)
                ),
            )],
        ),
    }
}

/// `figures` in `sort`'s order; ties, and categories without a median, keep the
/// publisher's order (a median-less category goes last either way).
pub fn sorted(mut figures: Vec<Figures>, sort: Sort) -> Vec<Figures> {
    let value = |f: &Figures| -> Option<f64> {
        match sort.key {
            SortKey::Name => None,
            SortKey::Vendors => Some(f.vendors as f64),
            SortKey::Jump => f.median_jump,
            k => k
                .share()
                .map(|s| f.count(s) as f64 / f.vendors.max(1) as f64),
        }
    };
    if sort.key == SortKey::Name {
        figures.sort_by(|a, b| a.name.cmp(&b.name));
        if sort.desc {
            figures.reverse();
        }
        return figures;
    }
    figures.sort_by(|a, b| match (value(a), value(b)) {
        (Some(x), Some(y)) if sort.desc => y.total_cmp(&x),
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    figures
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::vendor::{Basis, Figure, Period, Plan, Price, Scim, Source, Tri};

    pub fn plan(name: &str, price: Price, scim: Tri) -> Plan {
        Plan::of(name, price, scim)
    }

    pub fn per_user(dollars: f64) -> Price {
        Price::Stated {
            figure: Figure::point(Basis::PerUser, Period::Month, dollars),
        }
    }

    /// A vendor of `category` with a team plan at `team` and SCIM on `scim_plan`.
    pub fn vendor(
        slug: &str,
        category: &str,
        status: ScimStatus,
        plans: Vec<Plan>,
        scim_plan: Option<&str>,
    ) -> Vendor {
        Vendor {
            index_category: Some(category.into()),
            scim: Scim {
                available: match status {
                    ScimStatus::None => Tri::No,
                    ScimStatus::Unknown => Tri::Unknown,
                    _ => Tri::Yes,
                },
                status: Some(status),
                plan: scim_plan.map(Into::into),
                ..Default::default()
            },
            plans,
            ..Vendor::new(slug.into(), slug.to_uppercase(), Source::placeholder())
        }
    }

    #[test]
    fn slugs_are_lower_case_with_single_dashes() {
        assert_eq!(slug("Sales & CRM"), "sales-crm");
        assert_eq!(
            slug("Communications (UCaaS/CCaaS)"),
            "communications-ucaas-ccaas"
        );
        assert_eq!(slug("AI & LLM Tools"), "ai-llm-tools");
        // Every category has its own address name, and finds its way back from it.
        for c in CATEGORIES {
            assert_eq!(by_slug(&slug(c)), Some(c));
        }
        assert_eq!(by_slug("nope"), None);
    }

    #[test]
    fn figures_recomputed_by_hand() {
        let c = "Design & Creative";
        let gated = |slug: &str, team: f64, scim: f64| {
            vendor(
                slug,
                c,
                ScimStatus::Gated,
                vec![
                    plan("Team", per_user(team), Tri::No),
                    plan("Business", per_user(scim), Tri::Yes),
                ],
                Some("Business"),
            )
        };
        let vendors = vec![
            // Jumps of $4, $10 and $20 a user a month: the median is $10, on 3 vendors.
            gated("a", 8.0, 12.0),
            gated("b", 10.0, 20.0),
            gated("c", 5.0, 25.0),
            // Gated, but sold by quote: no figure, so not in the median.
            vendor(
                "d",
                c,
                ScimStatus::Gated,
                vec![
                    plan("Team", per_user(5.0), Tri::No),
                    plan(
                        "Enterprise",
                        Price::Quote {
                            estimate: None,
                            estimate_basis: None,
                        },
                        Tri::Yes,
                    ),
                ],
                Some("Enterprise"),
            ),
            vendor(
                "e",
                c,
                ScimStatus::Free,
                vec![
                    plan("Team", per_user(6.0), Tri::Yes),
                    plan("Business", per_user(9.0), Tri::Yes),
                ],
                Some("Team"),
            ),
            vendor("f", c, ScimStatus::None, vec![], None),
            vendor("g", c, ScimStatus::Unknown, vec![], None),
            vendor("h", c, ScimStatus::Partial, vec![], None),
            // Another category: not counted.
            vendor("x", "Other", ScimStatus::Free, vec![], None),
        ];
        let all = all_figures(&vendors);
        assert_eq!(all.len(), 2);
        let f = &all[0];
        assert_eq!(f.name, c);
        assert_eq!(f.slug, "design-creative");
        assert_eq!(f.vendors, 8);
        assert_eq!(f.count(Share::Gated), 4);
        assert_eq!(f.count(Share::Included), 1);
        assert_eq!(f.count(Share::Partial), 1);
        assert_eq!(f.count(Share::Lacking), 2);
        // 4 of 8 is 50%, 1 of 8 is 12.5%, rounded half up to 13%, 2 of 8 is 25%.
        assert_eq!(f.percent(Share::Gated), 50);
        assert_eq!(f.percent(Share::Included), 13);
        assert_eq!(f.percent(Share::Lacking), 25);
        assert_eq!(f.median_jump, Some(10.0));
        assert_eq!(f.jump_n, 3);
        // An even count takes the mean of the middle two.
        assert_eq!(median(vec![4.0, 10.0, 20.0, 1.0]), Some(7.0));
        assert_eq!(median(vec![]), None);
        assert_eq!(
            summary(f),
            "8 vendors: 13% include SCIM, 50% gate it, 13% offer it only in part, 25% offer none or do not say. Typical price jump for SCIM: $10 more per user a month (median of 3 vendors)."
        );
    }

    #[test]
    fn sorting_keeps_categories_without_a_median_last() {
        let f = |name: &str, vendors: usize, jump: Option<f64>| Figures {
            name: name.into(),
            slug: slug(name),
            vendors,
            shares: vec![(Share::Gated, vendors / 2)],
            median_jump: jump,
            jump_n: usize::from(jump.is_some()),
        };
        let all = vec![f("A", 4, Some(9.0)), f("B", 10, None), f("C", 2, Some(3.0))];
        let names = |s: &str| -> Vec<String> {
            let (sort, issues) = parse(&Query::parse(&format!("sort={s}")));
            assert!(issues.is_empty(), "{s}");
            sorted(all.clone(), sort)
                .into_iter()
                .map(|f| f.name)
                .collect()
        };
        assert_eq!(names("jump"), ["C", "A", "B"]);
        assert_eq!(names("-jump"), ["A", "C", "B"]);
        assert_eq!(names("-vendors"), ["B", "A", "C"]);
        assert_eq!(names("-name"), ["C", "B", "A"]);
        let (sort, issues) = parse(&Query::parse("sort=price"));
        assert_eq!(sort, Sort::default());
        assert_eq!(issues.len(), 1);
    }
}
