//! The user-management API guide model: what a `data/api/<slug>.toml` file may say.
//! Kept apart from `model.rs` because only some vendors have one.

use crate::domain::vendor::{Discrepancy, Reference, Source, Tri};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiGuide {
    /// Slug of the vendor this guide belongs to; the file is `data/api/<vendor>.toml`.
    pub vendor: String,
    pub title: String,
    pub source: Source,
    /// Further public pages (the vendor's own reference, say) that confirm or contradict
    /// the main source.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Our own summary, one string per paragraph.
    pub summary: Vec<String>,
    pub quick_facts: ApiQuickFacts,
    /// API generations that must not be mixed up.
    #[serde(default)]
    pub generations: Vec<ApiGeneration>,
    /// How to tell the generations apart, in our words.
    #[serde(default)]
    pub telling_apart: Vec<String>,
    pub auth: ApiAuth,
    #[serde(default)]
    pub scopes: Vec<Scope>,
    #[serde(default)]
    pub user_fields: Vec<UserField>,
    #[serde(default)]
    pub endpoints: Vec<Endpoint>,
    pub rate_limits: RateLimits,
    pub pagination: Pagination,
    pub events: Events,
    pub scim: ApiScim,
    #[serde(default)]
    pub scenarios: Vec<Walkthrough>,
    #[serde(default)]
    pub pitfalls: Vec<Pitfall>,
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiQuickFacts {
    pub has_user_api: Tri,
    pub auth_method: String,
    /// Where the base URL comes from (e.g. "regional; see the vendor's docs").
    pub base_url: String,
    pub scim_available: Tri,
    #[serde(default)]
    pub scim_plan: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiGeneration {
    pub name: String,
    pub auth: String,
    pub request_style: String,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiAuth {
    pub method: String,
    #[serde(default)]
    pub token_url: Option<String>,
    /// Access-token lifetime in minutes, where stated.
    #[serde(default)]
    pub token_lifetime_minutes: Option<u32>,
    #[serde(default)]
    pub token_lifetime_approx: bool,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub setup_steps: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub name: String,
    pub grants: String,
    pub needed_for: String,
}

/// When a field must, may or cannot be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldUse {
    Required,
    Optional,
    ReadOnly,
    /// Computed from other fields.
    Derived,
    /// Assigned by the server.
    ServerGenerated,
}

impl FieldUse {
    pub fn label(self) -> &'static str {
        match self {
            FieldUse::Required => "required",
            FieldUse::Optional => "optional",
            FieldUse::ReadOnly => "read-only",
            FieldUse::Derived => "derived",
            FieldUse::ServerGenerated => "set by server",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserField {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub meaning: String,
    pub on_create: FieldUse,
    pub on_update: FieldUse,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    pub name: String,
    pub method: String,
    pub url: String,
    pub watch_out: String,
    #[serde(default)]
    pub request: Option<String>,
    #[serde(default)]
    pub response: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimits {
    pub summary: String,
    #[serde(default)]
    pub status_when_limited: Option<u16>,
    #[serde(default)]
    pub headers: Vec<String>,
    pub retry_after: Tri,
    #[serde(default)]
    pub advice: Option<String>,
    #[serde(default)]
    pub per_plan: Vec<PlanLimit>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanLimit {
    pub plan: String,
    pub limit: String,
    /// Concurrency as the source prints it; `None` where it gives nothing usable.
    #[serde(default)]
    pub concurrent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pagination {
    pub method: String,
    #[serde(default)]
    pub cursor_param: Option<String>,
    #[serde(default)]
    pub default_page_size: Option<u32>,
    #[serde(default)]
    pub max_page_size: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Events {
    pub webhooks: Tri,
    pub notes: String,
    pub alternative: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiScim {
    pub available: Tri,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub plan: Option<String>,
    #[serde(default)]
    pub endpoint: Option<String>,
    /// "METHOD /path" strings.
    #[serde(default)]
    pub operations: Vec<String>,
    #[serde(default)]
    pub limitations: Vec<String>,
}

/// A task done through the API, step by step (`[[scenarios]]` in the data file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Walkthrough {
    pub title: String,
    /// Short anchor id, e.g. "provision-okta".
    pub id: String,
    #[serde(default)]
    pub context: Option<String>,
    pub steps: Vec<String>,
    pub watch_out: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pitfall {
    pub title: String,
    pub detail: String,
}
