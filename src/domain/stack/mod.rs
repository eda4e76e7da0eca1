//! The SCIM tax across a whole stack of apps (`/stack`): what each app the reader runs
//! would cost to automate, and the total as far as the data knows it.
//!
//! Layers, each using only those above it:
//! - `input`: a stack in the URL (`apps=slack:250,mode:40:Business%2FPro:9000`)
//! - `list`: a pasted list or an identity provider's CSV export, read into named entries
//! - `matcher`: those names matched to our vendors (aliases, qualifiers, suggestions)
//! - `import`: a read list and its matches turned into stack apps, every line accounted for
//! - `totals`: per-app SCIM status, upgrade extra, manual cost and verdict; the totals
//! - `report`: a stack address read whole: the stack, its totals, the lines still waiting
//! - `form`: the stack form as posted, turned into that address

pub mod form;
pub mod import;
pub mod input;
pub mod list;
pub mod matcher;
pub mod report;
pub mod totals;

/// The catalog the report and form tests read: four vendors known by name only.
#[cfg(test)]
fn test_catalog() -> crate::domain::catalog::Catalog {
    crate::domain::catalog::Catalog::of_names(&[
        ("mode", "Mode"),
        ("slack", "Slack"),
        ("zoom", "Zoom"),
        ("ironclad", "Ironclad"),
    ])
}
