//! The vendor data model: what a `data/*.toml` file may say.
//!
//! The same types travel to the browser (as JSON inside the page), so this module has no
//! server-only code. Loading and validation live in `load.rs`.
//!
//! Every struct rejects unknown keys so that a typo in a data file is an error, not a
//! silently ignored fact. Every fact a source may leave out is an `Option`, an empty list
//! or an explicit "unknown", because partial profiles are first-class.

pub use crate::domain::dataset::Licence;
use crate::domain::keys::Key;
use serde::{Deserialize, Serialize};

/// Yes / no / the source does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Key for Tri {}

impl Tri {
    pub fn label(self) -> &'static str {
        match self {
            Tri::Yes => "Yes",
            Tri::No => "No",
            Tri::Unknown => "Unknown",
        }
    }
}

/// A vendor's SCIM status in one word, on the SCIM Tax Index's five labels; see
/// `domain::status` for how it follows from the other facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScimStatus {
    /// SCIM on every plan, or on the first plan sold, at no extra charge.
    Free,
    /// SCIM only on a higher plan, or as a paid add-on.
    Gated,
    /// Limited: one identity provider only, just-in-time accounts only, or a separate SKU.
    Partial,
    /// No SCIM on any plan.
    None,
    /// Not disclosed, or our sources do not say.
    Unknown,
}

impl Key for ScimStatus {}

impl ScimStatus {
    pub const ALL: [ScimStatus; 5] = [
        ScimStatus::Free,
        ScimStatus::Gated,
        ScimStatus::Partial,
        ScimStatus::None,
        ScimStatus::Unknown,
    ];

    /// Short label for a table cell or a filter.
    pub fn label(self) -> &'static str {
        match self {
            ScimStatus::Free => "No SCIM tax",
            ScimStatus::Gated => "Gated",
            ScimStatus::Partial => "Partial",
            ScimStatus::None => "No SCIM",
            ScimStatus::Unknown => "Unknown",
        }
    }

    /// How many vendors do what, as a sentence fragment: "132 gate SCIM behind a higher plan".
    pub fn count_phrase(self, n: usize) -> String {
        let what = match self {
            ScimStatus::Free => "include SCIM at no extra charge",
            ScimStatus::Gated => "gate SCIM behind a higher plan or an add-on",
            ScimStatus::Partial => "offer SCIM only in part",
            ScimStatus::None => "offer no SCIM at all",
            ScimStatus::Unknown => "do not say",
        };
        format!("{n} {what}")
    }
}

/// How an identity provider can create accounts in the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provisioning {
    /// Real SCIM provisioning: create, update, deactivate.
    Scim,
    /// Accounts appear at first SAML sign-in, but are never updated or removed.
    Jit,
    No,
    #[default]
    Unknown,
}

impl Key for Provisioning {}

impl Provisioning {
    pub fn label(self) -> &'static str {
        match self {
            Provisioning::Scim => "SCIM",
            Provisioning::Jit => "Just-in-time only",
            Provisioning::No => "No",
            Provisioning::Unknown => "Unknown",
        }
    }
}

/// A vendor's URL name (`data/<slug>.toml`, `/vendors/<slug>`): lowercase letters, digits
/// and inner hyphens, at most 64 characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Identity providers we know by name. Adding one is a code change on purpose: the home
/// table filters and the comparison rows key on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Idp {
    Okta,
    EntraId,
    GoogleWorkspace,
    Onelogin,
    Jumpcloud,
    PingIdentity,
}

impl Key for Idp {}

impl Idp {
    pub const ALL: [Idp; 6] = [
        Idp::Okta,
        Idp::EntraId,
        Idp::GoogleWorkspace,
        Idp::Onelogin,
        Idp::Jumpcloud,
        Idp::PingIdentity,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Idp::Okta => "Okta",
            Idp::EntraId => "Microsoft Entra ID",
            Idp::GoogleWorkspace => "Google Workspace",
            Idp::Onelogin => "OneLogin",
            Idp::Jumpcloud => "JumpCloud",
            Idp::PingIdentity => "Ping Identity",
        }
    }

    /// Short form for tight table cells.
    pub fn short(self) -> &'static str {
        match self {
            Idp::EntraId => "Entra ID",
            Idp::GoogleWorkspace => "Google",
            other => other.name(),
        }
    }
}

/// Whether we have the whole source page for a vendor, only a short teaser of it, or only
/// one row of a public dataset (`data/datasets/`, see `domain::index`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    #[default]
    Full,
    Partial,
    /// Built from one row of a dataset: status, SCIM plan, two prices, nothing more.
    Index,
}

impl Key for Profile {}

/// One vendor: the content of one `data/<slug>.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    /// URL segment: lowercase letters, digits and dashes; equals the file name.
    pub slug: String,
    pub name: String,
    /// What the product is, e.g. "Email security"; absent where no source says.
    #[serde(default)]
    pub category: Option<String>,
    /// Which of the SCIM Tax Index's categories (`domain::categories`) fits the source of a
    /// curated file, where one does; a dataset's vendor has its row's instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_category: Option<String>,
    #[serde(default)]
    pub profile: Profile,
    /// Other names the product goes by (after an acquisition, say).
    #[serde(default)]
    pub also_known_as: Vec<String>,
    /// Our own summary, one string per paragraph.
    #[serde(default)]
    pub summary: Vec<String>,
    pub source: Source,
    /// Further public pages that confirm or contradict the main source.
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub scim: Scim,
    #[serde(default)]
    pub sso: Sso,
    #[serde(default)]
    pub idps: Vec<IdpSupport>,
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Facts about pricing that belong to no single plan.
    #[serde(default)]
    pub pricing_notes: Vec<String>,
    #[serde(default)]
    pub costs: CostFacts,
    /// Team-size figures the source prints, kept so that we can recompute and check them.
    #[serde(default)]
    pub team_size_examples: Vec<TeamSizeExample>,
    /// What comes with the plan that unlocks SCIM.
    #[serde(default)]
    pub bundle: Bundle,
    /// Operational constraints a buyer should know before buying.
    #[serde(default)]
    pub constraints: Vec<Constraint>,
    #[serde(default)]
    pub idp_setup: Vec<IdpSetup>,
    #[serde(default)]
    pub admin_reports: AdminReports,
    #[serde(default)]
    pub decision: Vec<DecisionRow>,
    /// Where the sources disagree with themselves or with each other.
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
    /// Where a dataset says otherwise than this profile (status, SCIM plan, its price).
    /// Filled when the data is loaded, never written in a data file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_disagreements: Vec<SourceDisagreement>,
    /// Every fact the SCIM Tax Index's current release states about this vendor, as it
    /// states it (its prose left out). Filled when the data is loaded, never written in a
    /// data file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<Box<IndexFacts>>,
    /// What this profile stated at earlier checks, oldest first, where a re-check changed a
    /// figure: the vendor's history (`domain::changes`) compares each with the next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_checks: Vec<EarlierCheck>,
}

/// A curated profile's figures as an earlier check stated them (`[[earlier_checks]]`).
/// Only what the history compares: the rest of the file is today's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierCheck {
    /// The `source.last_checked` of that check (YYYY-MM-DD), before today's.
    pub last_checked: String,
    pub status: ScimStatus,
    #[serde(default)]
    pub scim_plan: Option<String>,
    #[serde(default)]
    pub scim_price: Option<Price>,
    #[serde(default)]
    pub team_plan: Option<String>,
    #[serde(default)]
    pub team_price: Option<Price>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub publisher: String,
    /// The page's own "last updated" date (YYYY-MM-DD), when it states one.
    #[serde(default)]
    pub page_updated: Option<String>,
    /// When we last compared our data with the page (YYYY-MM-DD). For a dataset's vendor,
    /// the dataset's own date (which may be `YYYY-MM`): we did not check it ourselves.
    pub last_checked: String,
    /// The terms the source's content is under, where we republish part of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    /// Left out where our research notes name the site but not the page. Either an
    /// https:// address or the path of one of our own pages (`/vendors/<slug>/api`).
    #[serde(default)]
    pub url: Option<String>,
    /// What this page tells us, in our words.
    pub fact: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scim {
    #[serde(default)]
    pub available: Tri,
    /// The status in one word, where a source states it (the index does); otherwise it
    /// follows from the other facts (`domain::status`).
    #[serde(default)]
    pub status: Option<ScimStatus>,
    /// Name of the cheapest plan that includes SCIM; must name one of `plans`.
    #[serde(default)]
    pub plan: Option<String>,
    #[serde(default)]
    pub sso_required_first: Tri,
    #[serde(default)]
    pub version: Option<String>,
    /// Operations, e.g. "Create", "Update", "Deactivate", "Groups".
    #[serde(default)]
    pub operations: Vec<String>,
    /// Empty means the source does not list them.
    #[serde(default)]
    pub attributes: Vec<String>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// Technical limitations of the SCIM implementation.
    #[serde(default)]
    pub limitations: Vec<String>,
    /// Does the vendor publish its own SCIM documentation?
    #[serde(default)]
    pub vendor_docs: Tri,
    /// Does setting up SCIM, or what it needs first, wait on the vendor's staff (a CSM or
    /// support) rather than being self-serve?
    #[serde(default)]
    pub vendor_enables: Tri,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sso {
    #[serde(default)]
    pub available: Tri,
    #[serde(default)]
    pub protocols: Vec<String>,
    /// Name of the cheapest plan with SSO, where known.
    #[serde(default)]
    pub plan: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdpSupport {
    pub idp: Idp,
    #[serde(default)]
    pub sso: Tri,
    #[serde(default)]
    pub provisioning: Provisioning,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub name: String,
    pub price: Price,
    #[serde(default)]
    pub sso: Tri,
    #[serde(default)]
    pub scim: Tri,
    /// Seats you must buy at least, where the source states a minimum.
    #[serde(default)]
    pub min_seats: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What one unit of a price buys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Per user (seat).
    PerUser,
    /// For the whole account.
    Flat,
}

impl Key for Basis {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    Year,
}

impl Key for Period {}

impl Period {
    pub fn per_year(self) -> f64 {
        match self {
            Period::Month => 12.0,
            Period::Year => 1.0,
        }
    }
}

/// A money figure as precise as the source makes it, in US dollars.
///
/// `amount` alone is a point value; `low` and `high` make a range. `or_more` marks a
/// lower bound ("$60K+"), or a range whose top is open ("$60K-150K+"). `approx` marks "~".
/// `scope` holds the team sizes the source reports a plan's price for, where it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub basis: Basis,
    pub period: Period,
    #[serde(default)]
    pub amount: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    #[serde(default)]
    pub or_more: bool,
    #[serde(default)]
    pub approx: bool,
    /// Only on a plan's price (`figure` or `estimate`): see [`Scope`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

/// The team sizes a price is reported for, in seats billed (the team, or the plan's
/// `min_seats` where that is more), where the source ties the price to some: "for 50+
/// seats", a table whose rows run to 100 users. Both ends count as inside; an end left
/// out is open. At a size outside it the source gives no price, so none is costed: a
/// range reported for 50 to 100 seats says nothing about 500.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
}

impl Scope {
    pub fn contains(&self, seats: u32) -> bool {
        self.min.is_none_or(|m| seats >= m) && self.max.is_none_or(|m| seats <= m)
    }
}

impl Figure {
    /// A plain point value ("$49 per user per month").
    pub fn point(basis: Basis, period: Period, amount: f64) -> Figure {
        Figure {
            basis,
            period,
            amount: Some(amount),
            low: None,
            high: None,
            or_more: false,
            approx: false,
            scope: None,
        }
    }
}

/// A plan's price, as the source states it. Tagged by `kind` in TOML and JSON:
/// `price = { kind = "quote" }`; `/vendors.csv` writes the same `kind` in `price_kind`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Price {
    /// Free of charge, possibly up to a number of users.
    Free {
        #[serde(default)]
        max_users: Option<u32>,
    },
    /// A price the source states (possibly approximate, a range or a lower bound).
    Stated { figure: Figure },
    /// Sold by quote ("contact sales"). `estimate` is a third-party figure, where one is
    /// reported, and `estimate_basis` says whose it is.
    Quote {
        #[serde(default)]
        estimate: Option<Figure>,
        #[serde(default)]
        estimate_basis: Option<String>,
    },
    /// A fee for the account with a number of users included, and, where the source says,
    /// a price for each user beyond them ("$6,210 a year incl. 10 users, +$130/user/yr").
    /// Up to `included` users the plan costs `fee`; above, `fee` plus `extra` for each user
    /// beyond `included`, for at most `max_extra` of them where the source sets a cap.
    /// Where `extra` is absent, or the team is beyond the cap, the source does not say what
    /// more users cost, and nothing is made up for them.
    Seats {
        /// For the whole account (`basis` is `flat`).
        fee: Figure,
        /// Users the fee covers; `0` where every user costs `extra` on top of the fee.
        included: u32,
        /// Per user beyond `included` (`basis` is `per_user`).
        #[serde(default)]
        extra: Option<Figure>,
        /// How many users beyond `included` the source prices at `extra`, where it caps them.
        #[serde(default)]
        max_extra: Option<u32>,
    },
    /// The source names the plan but gives no price at all.
    Unknown,
    /// A price the source writes in a form we cannot read with certainty (another
    /// currency, a price per device or per event, usage-based, two parts). Kept as written
    /// and shown as such; every calculation treats it like [`Price::Unknown`].
    Text { text: String },
}

impl Price {
    /// The price a month where it is one exact figure (no range, no lower bound, no `~`,
    /// no scope), with its basis; a year's price taken a month, as the index normalises.
    /// What the history and the alternatives compare, and nothing else.
    pub fn exact_monthly(&self) -> Option<(Basis, f64)> {
        let Price::Stated { figure: f } = self else {
            return None;
        };
        let exact =
            !f.approx && !f.or_more && f.low.is_none() && f.high.is_none() && f.scope.is_none();
        let a = f.amount.filter(|a| exact && a.is_finite())?;
        Some((
            f.basis,
            match f.period {
                Period::Month => a,
                Period::Year => a / 12.0,
            },
        ))
    }

    /// The team sizes the price is reported for, where the source says (see [`Scope`]).
    pub fn scope(&self) -> Option<Scope> {
        match self {
            Price::Stated { figure } => figure.scope,
            Price::Quote { estimate, .. } => estimate.as_ref()?.scope,
            _ => None,
        }
    }
}

/// Cost facts beyond the list price.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostFacts {
    /// One-off fees, e.g. implementation; `basis` is `flat`, `period` is `year`.
    #[serde(default)]
    pub implementation_fee: Option<Figure>,
    /// Typical yearly price increase at renewal, in percent.
    #[serde(default)]
    pub renewal_increase_pct: Option<PercentRange>,
    /// Contract terms, in our words (e.g. "multi-year contracts are the norm").
    #[serde(default)]
    pub contract_terms: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentRange {
    pub low: f64,
    pub high: f64,
}

/// One row of a team-size table the source prints. We keep the source's figures as
/// claims and recompute them from the plan prices (see `cost::checks::check_examples`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamSizeExample {
    pub users: u32,
    /// True when the source writes "200+ users".
    #[serde(default)]
    pub users_or_more: bool,
    /// The plan the team is on today, if the row has one.
    #[serde(default)]
    pub from_plan: Option<String>,
    /// The plan the row upgrades to.
    pub to_plan: String,
    /// The annual price the source assumes for `to_plan` in this row, where the plan has
    /// no per-seat price to multiply (sold by quote, or flat ranges).
    #[serde(default)]
    pub assumed_target_annual: Option<Claim>,
    /// What the source prints for the current plan, per month.
    #[serde(default)]
    pub claimed_current_monthly: Option<Claim>,
    #[serde(default)]
    pub claimed_target_annual: Option<Claim>,
    #[serde(default)]
    pub claimed_target_monthly: Option<Claim>,
    /// Annual increase (negative: a saving) the source prints.
    #[serde(default)]
    pub claimed_increase_annual: Option<Claim>,
}

/// A number as a source prints it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub amount: f64,
    #[serde(default)]
    pub approx: bool,
    #[serde(default)]
    pub or_more: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constraint {
    pub title: String,
    pub detail: String,
}

/// Step-by-step set-up of provisioning in one IdP.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdpSetup {
    pub idp: Idp,
    pub integration: String,
    #[serde(default)]
    pub prerequisite: Option<String>,
    /// Menu path; `None` when the source leaves it blank.
    #[serde(default)]
    pub where_to_enable: Option<String>,
    #[serde(default)]
    pub credentials: Option<String>,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub trigger: Option<String>,
    #[serde(default)]
    pub sync: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminReports {
    /// Overall tone, in our words.
    #[serde(default)]
    pub sentiment: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub takeaway: Option<String>,
}

/// What a decision row advises. Neutral names: a third-party service is one way of
/// `AutomateElsewhere`, not the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Buy the plan that includes SCIM.
    Upgrade,
    /// Weigh the upgrade for its other features.
    EvaluateUpgrade,
    /// Already paying for SCIM: turn it on.
    UseNativeScim,
    /// Keep provisioning by hand.
    StayManual,
    /// Automate without the upgrade: IdP workflows, a third-party service, the vendor API.
    AutomateElsewhere,
    /// The product is changing: plan a migration first.
    PlanMigration,
}

impl Key for Action {}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Upgrade => "Upgrade to the SCIM plan",
            Action::EvaluateUpgrade => "Weigh the upgrade",
            Action::UseNativeScim => "Turn on native SCIM",
            Action::StayManual => "Stay manual, with checks",
            Action::AutomateElsewhere => "Automate another way",
            Action::PlanMigration => "Plan a migration",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRow {
    /// The reader's situation, in our words.
    pub situation: String,
    pub action: Action,
    /// Why, in our words.
    pub reason: String,
    /// The situation as conditions on the decision helper's answers (`src/decide.rs`).
    /// A row without conditions is shown but never picked from answers alone.
    #[serde(default)]
    pub when: When,
}

/// Conditions a reader's situation must meet for a decision row to apply. Every field is
/// optional; a row applies when none of its stated conditions is contradicted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The reader is on one of these plans (names from `plans`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
    /// Team size at most this (our reading of "small", shown on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_users: Option<u32>,
    /// Joiners plus leavers a year at most this (our reading of "few").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_changes: Option<u32>,
    /// Whether the reader wants joiners and leavers handled automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_automation: Option<bool>,
    /// Whether SAML can be the only way to sign in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saml_only_ok: Option<bool>,
    /// Whether provisioning is needed within weeks rather than months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent: Option<bool>,
    /// Whether the reader needs the SCIM plan's other features anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_other_features: Option<bool>,
    /// Whether permissions depend on complex group or role rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complex_groups: Option<bool>,
    /// Whether the reader still runs a legacy version of the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy: Option<bool>,
    /// Whether the reader wants to avoid a second integration next to SSO.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_setup: Option<bool>,
    /// Whether the reader's IdP provisions this vendor by SCIM (from the IdP matrix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_provisions: Option<bool>,
}

/// The publisher's confidence in a row of the SCIM Tax Index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The vendor's pricing page states it.
    High,
    /// The vendor's documentation or help centre states it; the price may be inferred.
    Medium,
    /// Only a community or third-party source.
    Low,
}

impl Key for Confidence {}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "High",
            Confidence::Medium => "Medium",
            Confidence::Low => "Low",
        }
    }

    /// What the publisher's label means, in our words.
    pub fn meaning(self) -> &'static str {
        match self {
            Confidence::High => "the vendor's pricing page states it",
            Confidence::Medium => "the vendor's documentation states it; the price may be inferred",
            Confidence::Low => "only a community or third-party source states it",
        }
    }
}

/// How an identity provider reaches the app, in the SCIM Tax Index's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdpRoute {
    /// A ready-made app in the IdP's catalogue provisions by SCIM.
    Native,
    /// The IdP provisions through the app's standard SCIM 2.0 endpoint.
    ViaGeneric,
    /// Single sign-on only: no provisioning.
    SsoOnly,
    /// Neither.
    None,
}

impl Key for IdpRoute {}

impl IdpRoute {
    pub fn label(self) -> &'static str {
        match self {
            IdpRoute::Native => "Native app",
            IdpRoute::ViaGeneric => "Through the generic SCIM endpoint",
            IdpRoute::SsoOnly => "SSO only",
            IdpRoute::None => "None",
        }
    }
}

/// The five identity providers the index rates, each `None` where it is not documented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdpMatrix {
    pub okta: Option<IdpRoute>,
    pub entra: Option<IdpRoute>,
    pub google: Option<IdpRoute>,
    pub onelogin: Option<IdpRoute>,
    pub jumpcloud: Option<IdpRoute>,
    /// Whether the app exposes a standard SCIM 2.0 endpoint any IdP can call.
    pub generic_endpoint: Tri,
}

impl IdpMatrix {
    /// The identity providers the index rates, in its order.
    pub const RATED: [Idp; 5] = [
        Idp::Okta,
        Idp::EntraId,
        Idp::GoogleWorkspace,
        Idp::Onelogin,
        Idp::Jumpcloud,
    ];

    /// How `idp` provisions, where the index rates it.
    pub fn route(&self, idp: Idp) -> Option<IdpRoute> {
        self.rows()
            .into_iter()
            .find_map(|(i, r)| (i == idp).then_some(r)?)
    }

    /// Each rated IdP with its route, in a fixed order.
    pub fn rows(&self) -> [(Idp, Option<IdpRoute>); 5] {
        let [okta, entra, google, onelogin, jumpcloud] = Self::RATED;
        [
            (okta, self.okta),
            (entra, self.entra),
            (google, self.google),
            (onelogin, self.onelogin),
            (jumpcloud, self.jumpcloud),
        ]
    }
}

/// Which SCIM operations the vendor's documentation covers: yes, no, or not documented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScimOperations {
    pub create: Tri,
    pub update: Tri,
    pub deactivate: Tri,
    pub delete: Tri,
    pub groups: Tri,
}

impl ScimOperations {
    pub fn rows(&self) -> [(&'static str, Tri); 5] {
        [
            ("Create", self.create),
            ("Update", self.update),
            ("Deactivate", self.deactivate),
            ("Delete", self.delete),
            ("Groups", self.groups),
        ]
    }
}

/// How a price's text and the publisher's per-user figure relate, and so what is costed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceCheck {
    /// No price in either form.
    NoPrice,
    /// The text is read and there is no per-user figure: the text is costed.
    TextOnly,
    /// The text reads as the same per-user price as the figure: costed.
    Agree,
    /// The text says more than a per-user price (a base fee with users included, a flat
    /// fee, a minimum): the text is costed; the figure is the publisher's normalisation.
    TextSaysMore,
    /// The text cannot be read with certainty; the figure is shown as the publisher's
    /// normalisation and nothing is costed.
    FigureOnly,
    /// The text cannot be read with certainty and there is no figure: the text is shown as
    /// written and nothing is costed.
    Unread,
    /// The text and the figure say different prices: neither is costed as certain.
    Contradict,
}

impl Key for PriceCheck {}

/// A price as the index states it: its text, the publisher's per-user figure, and how the
/// two relate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexPrice {
    pub text: String,
    /// USD per user a month, annual billing, as the publisher normalises it.
    pub per_user_month: Option<f64>,
    pub check: PriceCheck,
}

/// One vendor's row of the SCIM Tax Index's current release, fact by fact (`evidence` and
/// `notes`, the publisher's prose, are left out). Unknown stays unknown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexFacts {
    /// The release (`2026-10`).
    pub release: String,
    /// One of the publisher's 21 categories.
    pub category: String,
    pub status: ScimStatus,
    /// The lowest plan with SCIM, or the add-on's name.
    pub scim_plan: Option<String>,
    pub scim_price: IndexPrice,
    /// The lowest paid plan.
    pub team_plan: Option<String>,
    pub team_price: IndexPrice,
    /// SCIM plan's per-user price over the team plan's, as the publisher computes it.
    pub price_multiplier: Option<f64>,
    /// The lowest plan with SAML or OIDC single sign-on.
    pub sso_plan: Option<String>,
    pub sso_price_per_user_month: Option<f64>,
    pub sso_required_for_scim: Tri,
    /// A SCIM add-on's price, as written.
    pub scim_addon_price: Option<String>,
    /// The SCIM plan's published seat minimum.
    pub min_seats: Option<u32>,
    pub operations: ScimOperations,
    pub idps: IdpMatrix,
    pub pricing_url: String,
    pub docs_url: Option<String>,
    pub confidence: Confidence,
    /// `YYYY-MM-DD`.
    pub last_verified: String,
    /// The release that added the row.
    pub first_added: String,
    /// The status the row states for the previous release (none for a new row).
    pub status_prev: Option<ScimStatus>,
    /// On a curated profile: the facts it does not state that the index filled in (shown
    /// as the index's, with its date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filled: Vec<String>,
}

/// Which fact two sources disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    ScimStatus,
    ScimPlan,
    ScimPlanPrice,
    SsoPlan,
    IdpSupport,
}

impl Key for Topic {}

impl Topic {
    pub fn label(self) -> &'static str {
        match self {
            Topic::ScimStatus => "SCIM status",
            Topic::ScimPlan => "Plan that unlocks SCIM",
            Topic::ScimPlanPrice => "Price of the SCIM plan",
            Topic::SsoPlan => "Plan that unlocks SSO",
            Topic::IdpSupport => "Identity provider support",
        }
    }
}

/// One source's value for a fact, with where and when it says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claimed {
    /// The value in words ("Gated", "Enterprise", "$49 per user per month").
    pub value: String,
    /// The source's title and address.
    pub source: String,
    pub url: String,
    /// When the source was checked or dated.
    pub date: String,
}

/// A fact on which our curated profile and a dataset differ: both sides, neither hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDisagreement {
    pub topic: Topic,
    /// What our profile says.
    pub ours: Claimed,
    /// What the dataset says.
    pub theirs: Claimed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    /// Short name of the fact in question.
    pub topic: String,
    /// What one place says.
    pub claim: String,
    /// What another place (or arithmetic) says instead.
    pub conflict: String,
    /// How the data handles it.
    #[serde(default)]
    pub resolution: Option<String>,
}

impl Vendor {
    /// A vendor known by its name and source only: every other fact empty or unknown, to
    /// be filled in by the caller (the dataset adapter, tests).
    pub fn new(slug: String, name: String, source: Source) -> Vendor {
        Vendor {
            slug,
            name,
            category: None,
            index_category: None,
            profile: Profile::default(),
            also_known_as: vec![],
            summary: vec![],
            source,
            references: vec![],
            scim: Scim::default(),
            sso: Sso::default(),
            idps: vec![],
            plans: vec![],
            pricing_notes: vec![],
            costs: CostFacts::default(),
            team_size_examples: vec![],
            bundle: Bundle::default(),
            constraints: vec![],
            idp_setup: vec![],
            admin_reports: AdminReports::default(),
            decision: vec![],
            discrepancies: vec![],
            source_disagreements: vec![],
            index: None,
            earlier_checks: vec![],
        }
    }

    /// A plan by name, ignoring case and surrounding spaces (as a reader types it in a URL).
    pub fn plan(&self, name: &str) -> Option<&Plan> {
        let name = name.trim();
        self.plans
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// The cheapest plan that includes SCIM, as the data names it.
    pub fn scim_plan(&self) -> Option<&Plan> {
        self.scim.plan.as_deref().and_then(|n| self.plan(n))
    }

    pub fn idp(&self, idp: Idp) -> Option<&IdpSupport> {
        self.idps.iter().find(|s| s.idp == idp)
    }

    /// IdPs that really provision by SCIM (not JIT).
    pub fn scim_idps(&self) -> Vec<Idp> {
        self.idps
            .iter()
            .filter(|s| s.provisioning == Provisioning::Scim)
            .map(|s| s.idp)
            .collect()
    }

    /// The SCIM Tax Index publisher's category (`domain::categories`): the one the file
    /// names (`index_category`, a curated profile's choice), else its index row's; none
    /// where neither says.
    pub fn publisher_category(&self) -> Option<&str> {
        self.index_category
            .as_deref()
            .or_else(|| self.index.as_ref().map(|f| f.category.as_str()))
    }

    /// Our own words for the kind of product, or that no source gives one.
    pub fn category_label(&self) -> &str {
        category_label(self.category.as_deref())
    }

    pub fn is_partial(&self) -> bool {
        self.profile == Profile::Partial
    }

    /// Known only from one row of a dataset.
    pub fn is_index(&self) -> bool {
        self.profile == Profile::Index
    }
}

/// How a vendor's category reads where the data has none.
pub fn category_label(category: Option<&str>) -> &str {
    category.unwrap_or("Category not stated")
}
