//! Text made safe to show: reader input echoed with its invisible characters shown, a
//! phrase capitalised, a `<title>` that cannot end early.

/// A phrase as the start of a sentence. Our sentences start with an ASCII letter; ASCII
/// case keeps Unicode's case tables out of the browser's wasm.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// Reader input echoed back in a message: at most `max` characters, with control and
/// invisible formatting characters (bidi overrides, zero-width spaces) shown as `⟨U+202E⟩`,
/// so "edom" with a right-to-left override cannot pass for "mode".
pub fn echo(s: &str, max: usize) -> String {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c,
                '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
    };
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if invisible(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for the `<title>` element. leptos_meta writes title text without escaping it, and
/// a data string with `</title>` would end the element early: angle brackets become the
/// look-alike guillemets.
pub fn title_safe(s: &str) -> String {
    s.replace('<', "\u{2039}").replace('>', "\u{203A}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_show_invisible_characters_and_stop_at_the_limit() {
        assert_eq!(echo("\u{202E}edom", 40), "⟨U+202E⟩edom");
        assert_eq!(echo("a\u{200B}b\u{0007}", 40), "a⟨U+200B⟩b⟨U+0007⟩");
        assert_eq!(echo("abcdef", 3), "abc…");
        assert_eq!(echo("Zoom é", 40), "Zoom é");
    }
}
