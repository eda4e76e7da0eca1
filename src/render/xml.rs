//! The one escape for everything the server writes as XML (cards, charts, the feed).

/// Escapes the five XML specials, and replaces what XML 1.0 forbids (control characters
/// other than tab and line breaks, the two non-characters) with U+FFFD.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c if c.is_control() && (c as u32) < 0x20 => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn specials_and_forbidden_characters() {
        assert_eq!(
            super::xml("AT&T <b> \"x\" 'y'"),
            "AT&amp;T &lt;b&gt; &quot;x&quot; &apos;y&apos;"
        );
        assert_eq!(super::xml("a\u{1}b\tc"), "a\u{FFFD}b\tc");
    }
}
