//! The one way to read and write a query string, shared by pages, islands, the JSON API and
//! the CSV downloads. Decoding and encoding are `form_urlencoded`'s (the WHATWG rules a
//! browser's form uses); what we add is one rule for repeated keys: **the last value
//! wins**, as a browser's form sends an override after a hidden input.
//!
//! Each feature reads its own keys from a [`Query`] in one function (`scenario::parse`,
//! `decision::parse`, `listing::parse`, `compare::parse`).
//!
//! A page can hold two forms (the calculator and the decision helper in a guide). Each
//! form owns some keys; submitting one must keep the other's answers, so a form carries
//! every pair it does not own (hidden inputs without JavaScript, [`Query::merge`] with it).

/// A decoded query string: its pairs in order, empty keys left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Parses `a=1&b=x%20y`, with or without a leading `?`. Never fails: a bad escape
    /// stays as typed, invalid UTF-8 becomes U+FFFD.
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        Query {
            pairs: form_urlencoded::parse(search.as_bytes())
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Query {
        Query {
            pairs: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .filter(|(k, _)| !k.is_empty())
                .collect(),
        }
    }

    /// The value of `key`; the last one if the key is repeated.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `key`, trimmed; `None` when absent or blank.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The pairs whose key is not in `own`: what a form must carry along.
    pub fn foreign(&self, own: &[&str]) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .filter(|(k, _)| !own.contains(&k.as_str()))
            .cloned()
            .collect()
    }

    /// A form's fresh values merged into this query: the form's own keys are replaced,
    /// every other pair is kept in place. Empty values are left out.
    pub fn merge(&self, own: &[&str], fresh: &[(String, String)]) -> Query {
        let mut pairs = self.foreign(own);
        pairs.extend(
            fresh
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| (k.clone(), v.trim().to_string())),
        );
        Query { pairs }
    }
}

impl std::fmt::Display for Query {
    /// The query string, without a leading `?`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&encode(&self.pairs))
    }
}

/// Pairs as a query string (no leading `?`). `:` and `,` stay bare: both are legal in a
/// query and decode to themselves, and lists of them (`vendors=mode,ironclad`,
/// `apps=mode:40,ironclad:12`) stay short and readable. (A `%3A` typed in a value is
/// written `%253A`, so it never turns into a separator.)
pub fn encode<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref())))
        .finish()
        .replace("%3A", ":")
        .replace("%2C", ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_decodes() {
        let q = Query::parse("?plan=Business%2FPro&users=120&q=a+b&&=x&flag");
        assert_eq!(
            q.pairs(),
            &[
                ("plan".into(), "Business/Pro".into()),
                ("users".into(), "120".into()),
                ("q".into(), "a b".into()),
                ("flag".into(), "".into()),
            ]
        );
        assert_eq!(Query::parse("a=100%").get("a"), Some("100%"));
        assert_eq!(Query::parse("a=%zz%4").get("a"), Some("%zz%4"));
        assert_eq!(Query::parse("a=%E2%82%AC").get("a"), Some("€"));
        assert_eq!(Query::parse("a=%FF").get("a"), Some("\u{FFFD}"));
    }

    #[test]
    fn the_last_of_a_repeated_key_wins() {
        let q = Query::parse("sort=name&idp=okta&sort=-price");
        assert_eq!(q.get("sort"), Some("-price"));
        assert_eq!(q.get("plan"), None);
    }

    #[test]
    fn merge_keeps_what_the_form_does_not_own() {
        let q = Query::parse("users=120&automate=yes&seat=30&idp=okta");
        let fresh = vec![
            ("users".to_string(), "200".to_string()),
            ("seat".to_string(), " ".to_string()),
        ];
        assert_eq!(
            q.merge(&["users", "seat"], &fresh).to_string(),
            "automate=yes&idp=okta&users=200"
        );
        assert_eq!(q.foreign(&["automate", "idp"]).len(), 2);
    }

    #[test]
    fn encoding_round_trips() {
        let q = Query::from_pairs([("plan", "A & B/C+D é")]);
        assert_eq!(q.to_string(), "plan=A+%26+B%2FC%2BD+%C3%A9");
        assert_eq!(Query::parse(&q.to_string()), q);
        let q = Query::from_pairs([("apps", "mode:40,a%3Ab,x%2Cy")]);
        assert_eq!(q.to_string(), "apps=mode:40,a%253Ab,x%252Cy");
        assert_eq!(Query::parse(&q.to_string()), q);
    }
}
