//! An input we could not use as given: the one type for every problem with what a reader
//! sends (a query key, a form field, a pasted list), whichever page or answer reads it. A
//! page shows its `message`; a JSON error lists them as `issues`: `[{"field","message"}]`.

use serde::{Deserialize, Serialize};

/// A value we could not use as given, and what we used instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// The key the value came in (`users`, `apps`, `sort`, ...).
    pub field: String,
    /// What was wrong and what was done instead, in a sentence.
    pub message: String,
}

impl Issue {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A chosen value that is not among the choices there are (`known`, matched by `same`):
    /// emptied, so the list shows without it, and said in `message`'s words (given the value
    /// cut short for echoing). A mistyped link then reads as a mistake, not as an empty list.
    pub fn unless_known(
        field: &str,
        value: &mut Option<String>,
        known: &[String],
        same: fn(&str, &str) -> bool,
        message: impl FnOnce(&str) -> String,
    ) -> Option<Issue> {
        let v = value.take()?;
        if known.iter().any(|k| same(k, &v)) {
            *value = Some(v);
            return None;
        }
        Some(Issue::new(
            field,
            message(&crate::domain::format::echo(&v, 40)),
        ))
    }

    /// The messages alone, as a page lists them.
    pub fn messages(issues: &[Issue]) -> Vec<String> {
        issues.iter().map(|i| i.message.clone()).collect()
    }
}
