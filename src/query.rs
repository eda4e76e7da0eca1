//! Query strings as lists of pairs: splitting, decoding and merging. Pure, shared by the
//! server and the browser.
//!
//! A page can hold two forms (the calculator and the decision helper in a guide). Each
//! form owns some keys; submitting one must keep the other's answers, so a form carries
//! every pair it does not own (hidden inputs without JavaScript, `merge` with it).

use crate::cost::scenario::encode;

/// Decodes `%XX` escapes and `+` (a space in form submissions). Bad escapes stay as typed.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a=1&b=x%20y` (with or without a leading `?`) as decoded pairs, empty keys left out.
pub fn split(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let k = decode(k);
            (!k.is_empty()).then(|| (k, decode(v)))
        })
        .collect()
}

/// Pairs back into a query string (no leading `?`).
pub fn join<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k.as_ref()), encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of `key`, the last one if it is repeated (as a browser's form would send an
/// override after a hidden input).
pub fn last<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)], key: &str) -> Option<String> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k.as_ref() == key)
        .map(|(_, v)| v.as_ref().to_string())
}

/// The pairs of `search` whose key is not in `own`: what a form must carry along.
pub fn foreign(search: &str, own: &[&str]) -> Vec<(String, String)> {
    split(search)
        .into_iter()
        .filter(|(k, _)| !own.contains(&k.as_str()))
        .collect()
}

/// A form's fresh values merged into the current query: the form's own keys are replaced,
/// every other pair is kept in place. Empty values are left out.
pub fn merge(search: &str, own: &[&str], fresh: &[(String, String)]) -> String {
    let mut pairs = foreign(search, own);
    pairs.extend(
        fresh
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.trim().to_string())),
    );
    join(&pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_decodes() {
        assert_eq!(
            split("?plan=Business%2FPro&users=120&q=a+b&&=x&flag"),
            vec![
                ("plan".into(), "Business/Pro".into()),
                ("users".into(), "120".into()),
                ("q".into(), "a b".into()),
                ("flag".into(), "".into()),
            ]
        );
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E2%82%AC"), "€");
    }

    #[test]
    fn merge_keeps_what_the_form_does_not_own() {
        let q = "users=120&automate=yes&seat=30&idp=okta";
        let fresh = vec![
            ("users".to_string(), "200".to_string()),
            ("seat".to_string(), " ".to_string()),
        ];
        assert_eq!(
            merge(q, &["users", "seat"], &fresh),
            "automate=yes&idp=okta&users=200"
        );
        assert_eq!(foreign(q, &["automate", "idp"]).len(), 2);
    }

    #[test]
    fn the_last_of_a_repeated_key_wins() {
        let pairs = split("sort=name&idp=okta&sort=-price");
        assert_eq!(last(&pairs, "sort").as_deref(), Some("-price"));
        assert_eq!(last(&pairs, "plan"), None);
    }

    #[test]
    fn join_round_trips() {
        let pairs = vec![("plan".to_string(), "A & B/C".to_string())];
        assert_eq!(split(&join(&pairs)), pairs);
    }
}
