//! Writing a link-preview card's SVG (server only): the lines, paragraphs and figures a card
//! is made of, each fitted to its box.
//!
//! Every string that reaches the SVG passes [`Canvas::fit`] or [`Canvas::wrap`]: whitespace
//! is collapsed, control and invisible formatting characters (bidi overrides, zero-width
//! spaces) are shown as `⟨U+202E⟩` the way `format::echo` shows them in messages, the text is
//! cut to its box on a character boundary with an ellipsis, and finally XML-escaped by
//! [`xml`]. Widths come from the real font's advances through [`TextWidth`], supplied by
//! the server, so a cut name fits the box it was cut for.

use super::style::{
    Style, ACCENT, BG, FONT_FAMILY, FULL, HEIGHT, LABEL, MARGIN, MUTED, RULE, SITE, TEXT, WIDTH,
};
use crate::domain::format;
use crate::render::date::words;
use std::fmt::Write;

/// No text on a card is longer than this many characters before it is cut to its box:
/// bounds the work a hostile data file can cause.
const MAX_CHARS: usize = 2_000;

/// How wide text is set, from the font the server renders with.
pub trait TextWidth {
    /// The advance of `c` in em (the font size is one em).
    fn advance(&self, c: char, bold: bool) -> f32;
}

pub use crate::render::xml::xml;

/// Text as a card may show it: one space for any run of whitespace, every control or
/// invisible formatting character made visible (`format::echo`'s rule), at most
/// [`MAX_CHARS`] characters. Not yet escaped.
pub(super) fn visible(s: &str) -> String {
    let mut flat = String::with_capacity(s.len().min(MAX_CHARS * 4));
    for (i, word) in s.split_whitespace().enumerate() {
        if flat.len() > MAX_CHARS * 4 {
            break;
        }
        if i > 0 {
            flat.push(' ');
        }
        flat.push_str(word);
    }
    format::echo(&flat, MAX_CHARS)
}

/// Horizontal alignment of a line of text at its `x`.
#[derive(Clone, Copy)]
enum Align {
    Start,
    End,
}

/// An SVG card being written, with the font measure that cuts its text.
pub(super) struct Canvas<'a> {
    svg: String,
    measure: &'a dyn TextWidth,
}

impl<'a> Canvas<'a> {
    pub(super) fn new(measure: &'a dyn TextWidth) -> Canvas<'a> {
        let mut svg = String::with_capacity(4096);
        let _ = writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FONT_FAMILY}\">"
        );
        let _ = writeln!(
            svg,
            "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BG}\"/>"
        );
        Canvas { svg, measure }
    }

    pub(super) fn width(&self, text: &str, style: Style) -> f32 {
        text.chars()
            .map(|c| self.measure.advance(c, style.bold))
            .sum::<f32>()
            * style.size
    }

    /// `text` (already visible) cut to `max` pixels on a character boundary, with an
    /// ellipsis where it was cut.
    fn cut(&self, text: &str, style: Style, max: f32) -> String {
        if self.width(text, style) <= max {
            return text.to_string();
        }
        let budget = max - self.width("…", style);
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            used += self.measure.advance(c, style.bold) * style.size;
            if used > budget {
                break;
            }
            out.push(c);
        }
        let mut out = out.trim_end().to_string();
        out.push('…');
        out
    }

    /// Any string as one line that fits `max` pixels.
    fn fit(&self, text: &str, style: Style, max: f32) -> String {
        self.cut(&visible(text), style, max)
    }

    /// Any string broken at spaces into at most `lines` lines of `max` pixels; what does
    /// not fit ends the last line with an ellipsis.
    fn wrap(&self, text: &str, style: Style, max: f32, lines: usize) -> Vec<String> {
        let text = visible(text);
        let space = self.width(" ", style);
        let mut out: Vec<String> = Vec::new();
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in text.split(' ') {
            let w = self.width(word, style);
            if !line.is_empty() && line_width + space + w > max {
                out.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_width += space;
            }
            line.push_str(word);
            line_width += w;
        }
        if !line.is_empty() {
            out.push(line);
        }
        let lines = lines.max(1);
        if out.len() > lines {
            let rest = out[lines - 1..].join(" ");
            out.truncate(lines - 1);
            // Longer than the box, so `cut` ends it with an ellipsis.
            out.push(rest);
        }
        out.into_iter().map(|l| self.cut(&l, style, max)).collect()
    }

    /// Writes one line of already fitted text.
    fn line(&mut self, id: &str, x: f32, y: f32, style: Style, align: Align, fitted: &str) {
        let weight = if style.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let anchor = match align {
            Align::Start => "",
            Align::End => " text-anchor=\"end\"",
        };
        let id = if id.is_empty() {
            String::new()
        } else {
            format!(" id=\"{id}\"")
        };
        let _ = writeln!(
            self.svg,
            "<text{id} x=\"{x}\" y=\"{y}\" font-size=\"{}\"{weight} fill=\"{}\"{anchor}>{}</text>",
            style.size,
            style.fill,
            xml(fitted)
        );
    }

    /// A line of any text, cut to `max` pixels.
    pub(super) fn text(&mut self, id: &str, x: f32, y: f32, style: Style, max: f32, text: &str) {
        let fitted = self.fit(text, style, max);
        self.line(id, x, y, style, Align::Start, &fitted);
    }

    /// A line of any text at its size, or smaller (down to two thirds) where that lets the
    /// whole text fit; cut at the smallest size if even that is too long. For figures in
    /// words, which are worth reading whole.
    pub(super) fn shrinking(
        &mut self,
        id: &str,
        x: f32,
        y: f32,
        style: Style,
        max: f32,
        text: &str,
    ) {
        let text = visible(text);
        let sized = |scale: f32| Style {
            size: (style.size * scale).round(),
            ..style
        };
        let style = [1.0, 0.85, 0.75]
            .into_iter()
            .map(sized)
            .find(|s| self.width(&text, *s) <= max)
            .unwrap_or_else(|| sized(2.0 / 3.0));
        let fitted = self.cut(&text, style, max);
        self.line(id, x, y, style, Align::Start, &fitted);
    }

    /// Lines of any text from `y`, `step` apart, in a group named `id`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paragraph(
        &mut self,
        id: &str,
        y: f32,
        step: f32,
        style: Style,
        max: f32,
        lines: usize,
        text: &str,
    ) {
        let _ = writeln!(self.svg, "<g id=\"{id}\">");
        let mut y = y;
        for l in self.wrap(text, style, max, lines) {
            self.line("", MARGIN, y, style, Align::Start, &l);
            y += step;
        }
        self.svg.push_str("</g>\n");
    }

    /// A small label with a large value under it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn figure(
        &mut self,
        id: &str,
        x: f32,
        y: f32,
        max: f32,
        label: &str,
        value: &str,
        style: Style,
    ) {
        self.text("", x, y, LABEL, max, label);
        self.shrinking(id, x, y + style.size + 8.0, style, max, value);
    }

    /// The site's mark and name, the kind of page, and at the foot the date of the data.
    pub(super) fn frame(&mut self, kind: &str, checked_on: Option<&str>) {
        let _ = writeln!(
            self.svg,
            "<rect x=\"{MARGIN}\" y=\"36\" width=\"52\" height=\"52\" rx=\"11\" fill=\"{ACCENT}\"/>"
        );
        let mark = Style {
            size: 34.0,
            bold: true,
            fill: "#ffffff",
        };
        let _ = writeln!(
            self.svg,
            "<text x=\"{}\" y=\"74\" font-size=\"{}\" font-weight=\"bold\" fill=\"{}\" text-anchor=\"middle\">§</text>",
            MARGIN + 26.0,
            mark.size,
            mark.fill
        );
        let brand = Style {
            size: 32.0,
            bold: true,
            fill: TEXT,
        };
        self.line("site", MARGIN + 68.0, 73.0, brand, Align::Start, SITE);
        let kind_style = Style {
            size: 26.0,
            bold: false,
            fill: MUTED,
        };
        let kind = self.fit(kind, kind_style, 560.0);
        self.line(
            "kind",
            WIDTH as f32 - MARGIN,
            72.0,
            kind_style,
            Align::End,
            &kind,
        );
        let _ = writeln!(
            self.svg,
            "<rect x=\"{MARGIN}\" y=\"548\" width=\"{FULL}\" height=\"2\" fill=\"{RULE}\"/>"
        );
        let foot = Style {
            size: 24.0,
            bold: false,
            fill: MUTED,
        };
        let date = checked_on.map_or_else(|| "unknown".to_string(), words);
        let date = self.fit(&format!("Data checked {date}"), foot, 560.0);
        self.line("checked", MARGIN, 594.0, foot, Align::Start, &date);
        self.line(
            "",
            WIDTH as f32 - MARGIN,
            594.0,
            foot,
            Align::End,
            "Prices in US dollars, as published",
        );
    }

    pub(super) fn title(&mut self, text: &str, size: f32) {
        let style = Style {
            size,
            bold: true,
            fill: TEXT,
        };
        self.text("title", MARGIN, 172.0, style, FULL, text);
    }

    /// The line under the title that says what the figures below are.
    pub(super) fn subtitle(&mut self, text: &str) {
        self.text("", MARGIN, 222.0, LABEL, FULL, text);
    }

    pub(super) fn finish(mut self) -> String {
        self.svg.push_str("</svg>\n");
        self.svg
    }
}

/// Every character half an em wide, bold or not: the measure of the cards' unit tests.
#[cfg(test)]
pub(super) struct Half;

#[cfg(test)]
impl TextWidth for Half {
    fn advance(&self, _: char, _: bool) -> f32 {
        0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::card::style::TEXT;

    fn canvas() -> Canvas<'static> {
        Canvas::new(&Half)
    }

    const TEN: Style = Style {
        size: 10.0,
        bold: false,
        fill: TEXT,
    };

    #[test]
    fn xml_specials_are_escaped() {
        assert_eq!(
            xml("<a href='x'>\"&\"</a>\u{FFFF}"),
            "&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;\u{FFFD}"
        );
    }

    #[test]
    fn invisible_characters_are_shown_and_whitespace_collapsed() {
        assert_eq!(visible("edom\u{202E}\n\t x\u{0}"), "edom⟨U+202E⟩ x⟨U+0000⟩");
        let long = "x".repeat(MAX_CHARS * 3);
        assert_eq!(visible(&long).chars().count(), MAX_CHARS + 1);
    }

    #[test]
    fn text_is_cut_to_its_box_on_a_character_boundary() {
        let c = canvas();
        // 5 px a character: 40 px hold 8, or 7 and the ellipsis.
        assert_eq!(c.fit("Mode", TEN, 40.0), "Mode");
        assert_eq!(c.fit("Monday.com Work OS", TEN, 40.0), "Monday.…");
        assert_eq!(c.fit("ééééééééééé", TEN, 40.0), "ééééééé…");
        // A cut never leaves a space before the ellipsis.
        assert_eq!(c.fit("abcdef ghij", TEN, 40.0), "abcdef…");
        for s in ["", "a", "<script>alert(1)</script>", &"Ж".repeat(300)] {
            let cut = c.fit(s, TEN, 40.0);
            assert!(c.width(&cut, TEN) <= 40.0, "{cut}");
        }
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_end_with_an_ellipsis() {
        let c = canvas();
        assert_eq!(
            c.wrap("one two three four", TEN, 45.0, 3),
            ["one two", "three", "four"]
        );
        assert_eq!(
            c.wrap("one two three four", TEN, 45.0, 2),
            ["one two", "three fo…"]
        );
        let long = c.wrap(&"w".repeat(100), TEN, 45.0, 2);
        assert_eq!(long, ["wwwwwwww…"]);
        assert!(c.wrap("", TEN, 45.0, 2).len() <= 1);
    }

    #[test]
    fn figures_shrink_to_be_read_whole_before_they_are_cut() {
        let mut c = canvas();
        let style = Style {
            size: 30.0,
            bold: true,
            fill: TEXT,
        };
        // 15 px a character at 30 px: 10 characters fit 150 px; 12 need three quarters (23 px).
        c.shrinking("a", 0.0, 0.0, style, 150.0, "0123456789");
        c.shrinking("b", 0.0, 0.0, style, 150.0, "0123456789ab");
        c.shrinking("c", 0.0, 0.0, style, 150.0, &"x".repeat(40));
        let svg = c.finish();
        assert!(
            svg.contains("id=\"a\" x=\"0\" y=\"0\" font-size=\"30\""),
            "{svg}"
        );
        assert!(
            svg.contains("id=\"b\" x=\"0\" y=\"0\" font-size=\"23\""),
            "{svg}"
        );
        // Too long at two thirds (20 px): cut there, 14 characters and the ellipsis.
        assert!(
            svg.contains(&format!(
                "font-size=\"20\" font-weight=\"bold\" fill=\"{TEXT}\">{}…<",
                "x".repeat(14)
            )),
            "{svg}"
        );
    }
}
