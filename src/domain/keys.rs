//! The one spelling of an enum value outside Rust: the name serde gives it (the enum's
//! `rename_all = "snake_case"`), used alike in data files, URLs, CSV and JSON. Enums opt in
//! with `impl Key for …`, so no `match` writes the names out a second time.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub trait Key: Serialize + DeserializeOwned {
    /// `Idp::EntraId.key()` is `"entra_id"`.
    fn key(&self) -> String {
        match serde_json::to_value(self) {
            Ok(Value::String(s)) => s,
            // Only unit variants opt in; they always serialise as strings.
            _ => String::new(),
        }
    }

    /// The value spelled `text` (surrounding spaces ignored), if there is one.
    fn from_key(text: &str) -> Option<Self> {
        serde_json::from_value(Value::String(text.trim().to_string())).ok()
    }
}

/// The name of a value of an internally tagged enum (`#[serde(tag = "kind")]`), whose
/// variants may carry data: the `field` serde writes, so a CSV column spells the value as
/// the JSON does. `ScimExtra::Quote` under `kind` is `"quote"`.
pub fn tag<T: Serialize>(value: &T, field: &str) -> String {
    match serde_json::to_value(value) {
        Ok(Value::Object(fields)) => match fields.get(field) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vendor::{Idp, Tri};

    #[test]
    fn keys_are_serde_names_both_ways() {
        assert_eq!(Idp::EntraId.key(), "entra_id");
        assert_eq!(
            Idp::from_key(" google_workspace "),
            Some(Idp::GoogleWorkspace)
        );
        assert_eq!(Idp::from_key("Okta"), None);
        assert_eq!(Tri::from_key("unknown"), Some(Tri::Unknown));
        for i in Idp::ALL {
            assert_eq!(Idp::from_key(&i.key()), Some(i));
        }
    }

    #[test]
    fn tags_are_serde_names_of_variants_with_data() {
        use crate::domain::stack::totals::ScimExtra;
        use crate::domain::vendor::Scope;
        let out = ScimExtra::OutOfScope {
            scope: Scope {
                min: Some(50),
                max: Some(100),
            },
        };
        assert_eq!(tag(&out, "kind"), "out_of_scope");
        assert_eq!(tag(&ScimExtra::Quote, "kind"), "quote");
        assert_eq!(tag(&Idp::Okta, "kind"), "");
    }
}
